import { memo, useMemo } from 'react';
import { FINANCE_SOURCE_LABELS, FUNDING_SOURCES } from '../../../domain/documents';
import {
  financeRowMissingText,
  financeStatusLabel,
  missingCardFinanceNote,
  missingFinanceRowNote,
  withoutConfirmedPlanNote,
  type ConsolidatedFinanceRow,
  financeColumns,
  type FinanceAmounts,
  type FinanceColumn,
  type FinanceReport,
} from '../../../domain/reports';
import { formatAmount } from './format';
import { useProgressiveRows } from './use-progressive';

/**
 * 붙임5 재정집행현황: the form's two-row header, area subtotals, the grand total; changed amounts in red. Rows
 * render progressively (an area's subtotal once its rows are all there); `complete` renders every row (printing).
 */
export function FinanceTable({
  finance,
  beforeDue = false,
  complete = false,
  shown = true,
}: {
  finance: FinanceReport;
  /** The half-year's due date has not passed: a project without a card reads 미접수 (기한 전), not 미제출. */
  beforeDue?: boolean;
  complete?: boolean;
  shown?: boolean;
}) {
  const columns = useMemo(() => financeColumns(finance.budgetYears.map((y) => y.key)), [finance.budgetYears]);
  const shownRows = useProgressiveRows(finance.rowCount, { complete, shown });
  let budget = shownRows;
  const years = finance.budgetYears;
  const withoutPlan = withoutConfirmedPlanNote(
    finance.withoutConfirmedPlan,
    finance.withoutConfirmedPlanReceived,
  );
  const missingCards = useMemo(() => missingCardFinanceNote(finance, beforeDue), [finance, beforeDue]);
  const missingRows = useMemo(() => missingFinanceRowNote(finance, beforeDue), [finance, beforeDue]);
  const changedCount = finance.areas.reduce(
    (acc, a) => acc + a.rows.filter((r) => r.changedFields.length > 0).length,
    0,
  );
  return (
    <>
      <p className="office-legend" data-testid="finance-legend">
        <span className="legend-changed">붉은 숫자</span>: 처음 보고한 뒤 수정된 금액 (기 작성사항 수정) ·
        초기계획: 처음 확정한 공약실천계획서의 총계 · 단위: 백만원 · 사업 {finance.rowCount}개
        {changedCount > 0 ? ` · 수정된 사업 ${changedCount}개` : ''}
      </p>
      {withoutPlan !== null && (
        <p className="office-legend" role="note" data-testid="finance-without-plan">
          {withoutPlan}
        </p>
      )}
      {missingCards !== null && (
        <p className="office-legend" role="note" data-testid="finance-missing-cards">
          {missingCards}
        </p>
      )}
      {missingRows !== null && (
        <p className="office-legend" role="note" data-testid="finance-missing-rows">
          {missingRows}
        </p>
      )}
      <div className="office-table-wrap finance-scroll" data-testid="finance-scroll">
        <table className="office-table finance-table" data-testid="finance-table">
          <caption>재정집행 현황 (붙임5)</caption>
          <thead>
            <tr>
              <th rowSpan={2} scope="col">
                관리번호
              </th>
              <th rowSpan={2} scope="col">
                공약사업명
              </th>
              <th rowSpan={2} scope="col">
                이행도
              </th>
              <th colSpan={2} scope="colgroup">
                계획 총계
              </th>
              <th colSpan={1 + FUNDING_SOURCES.length} scope="colgroup">
                확보내역
              </th>
              <th colSpan={1 + years.length} scope="colgroup">
                임기내 계획 총계
              </th>
              <th colSpan={1 + years.length} scope="colgroup">
                임기내 집행 총계
              </th>
              <th rowSpan={2} scope="col">
                비고
              </th>
            </tr>
            <tr>
              <th
                scope="col"
                title="처음 확정한 공약실천계획서의 연차별 투자수요 총계 (다시 확정해도 바뀌지 않음)"
              >
                초기계획
              </th>
              <th scope="col">현재계획</th>
              <th scope="col">확보총계</th>
              {FUNDING_SOURCES.map((s) => (
                <th key={s} scope="col">
                  {FINANCE_SOURCE_LABELS[s]}
                </th>
              ))}
              <th scope="col">계획 합</th>
              {years.map((y) => (
                <th key={`p${y.key}`} scope="col">
                  {y.label}
                </th>
              ))}
              <th scope="col">집행 총계</th>
              {years.map((y) => (
                <th key={`e${y.key}`} scope="col">
                  {y.label}
                </th>
              ))}
            </tr>
          </thead>
          {finance.areas.map((area) => {
            const rows = area.rows.slice(0, Math.max(0, budget));
            // The subtotal once every row of the area (and of the areas before it) is on the page.
            const areaComplete = budget >= area.rows.length;
            budget -= area.rows.length;
            return (
              <tbody key={area.areaId} data-testid={`finance-area-${area.areaId}`}>
                {rows.map((row) => (
                  <FinanceRowView
                    key={row.projectId}
                    row={row}
                    columns={columns}
                    undecided={finance.completionUndecided}
                    beforeDue={beforeDue}
                  />
                ))}
                {areaComplete && (
                  <AmountsRow
                    label={`${area.areaName} 소계`}
                    amounts={area.subtotal}
                    columns={columns}
                    testId={`finance-subtotal-${area.areaId}`}
                    className="subtotal-row"
                  />
                )}
              </tbody>
            );
          })}
          {shownRows < finance.rowCount && (
            <tbody>
              <tr className="filling-row" data-testid="finance-filling">
                <td colSpan={columns.length + 4}>
                  나머지 {(finance.rowCount - shownRows).toLocaleString('ko-KR')}개 사업을 표시하는 중…
                </td>
              </tr>
            </tbody>
          )}
          <tfoot>
            <AmountsRow
              label="총계"
              amounts={finance.grandTotal}
              columns={columns}
              testId="finance-grand"
              className="total-row"
            />
          </tfoot>
        </table>
      </div>
      {finance.rowCount === 0 && (
        <p className="hint">
          확정된 공약실천계획서가 없어 재정집행 현황에 표시할 사업이 없습니다. ‘실천계획 확정’ 탭에서 받은
          계획서를 확정하세요.
        </p>
      )}
    </>
  );
}

/** One project's row; kept as it is while later rows are added. */
const FinanceRowView = memo(function FinanceRowView({
  row,
  columns,
  undecided,
  beforeDue,
}: {
  row: ConsolidatedFinanceRow;
  columns: FinanceColumn[];
  /** Projects whose 완료 awaits the office's decision. */
  undecided: readonly string[];
  beforeDue: boolean;
}) {
  const changed = new Set(row.changedFields);
  const missing = financeRowMissingText(row);
  return (
    <tr data-testid={`finance-row-${row.projectId}`}>
      <td>{row.projectId}</td>
      <td className="text name">
        {row.projectName}
        <span className="dept">{row.departments.join(', ')}</span>
      </td>
      <td data-testid={`finance-row-${row.projectId}-status`}>
        {financeStatusLabel(row.status, row.projectId, undecided, beforeDue)}
      </td>
      {columns.map((c) => {
        const value = c.get(row);
        const isChanged = changed.has(c.path);
        return (
          <td
            key={c.path}
            className={`num${isChanged ? ' changed' : ''}`}
            data-testid={`finance-row-${row.projectId}-${c.path}`}
            data-value={value}
            data-changed={isChanged ? 'true' : undefined}
            title={isChanged ? '처음 보고한 뒤 수정된 금액' : undefined}
          >
            {formatAmount(value)}
          </td>
        );
      })}
      <td className="text note" data-testid={`finance-row-${row.projectId}-note`}>
        {missing !== null && (
          <strong data-testid={`finance-row-${row.projectId}-missing`} title="확보내역을 0으로 셈">
            {missing}
          </strong>
        )}
        {missing !== null && row.note !== '' ? ' · ' : ''}
        {row.note}
      </td>
    </tr>
  );
});

function AmountsRow({
  label,
  amounts,
  columns,
  testId,
  className,
}: {
  label: string;
  amounts: FinanceAmounts;
  columns: FinanceColumn[];
  testId: string;
  className: string;
}) {
  return (
    <tr className={className} data-testid={testId}>
      {/* Over 관리번호 and 공약사업명 only: on screen exactly the part that stays at the left in every row. */}
      <th scope="row" colSpan={2}>
        {label}
      </th>
      <td />
      {columns.map((c) => {
        const value = c.get(amounts);
        return (
          <td key={c.path} className="num" data-testid={`${testId}-${c.path}`} data-value={value}>
            {formatAmount(value)}
          </td>
        );
      })}
      <td />
    </tr>
  );
}
