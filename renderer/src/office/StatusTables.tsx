import {
  REPORT_STATUSES,
  reportStatusLabel,
  type StatusTableRow,
  type StatusTables as StatusTablesData,
  UNDECIDED_LABEL,
  undecidedCompletionNote,
} from '../../../domain/reports';
import { formatCount, formatRate, testIdPart } from './format';

/** 추진상황 tables: projects per status by area, core pledge and department, with 미제출 and 완료율. */
export function StatusTables({ tables, definition }: { tables: StatusTablesData; definition: string }) {
  const undecidedNote = undecidedCompletionNote(tables.total);
  return (
    <>
      <StatusTable
        caption="분야별 추진상황"
        firstHeader="분야"
        prefix="status-area"
        rows={tables.byArea}
        total={tables.total}
        beforeDue={tables.beforeDue}
        totalPrefix="status-total"
      />
      <StatusTable
        caption="핵심공약별 추진상황"
        firstHeader="핵심공약"
        prefix="status-pledge"
        rows={tables.byCorePledge}
        total={tables.total}
        beforeDue={tables.beforeDue}
      />
      <StatusTable
        caption="부서별 추진상황"
        firstHeader="주관부서"
        prefix="status-dept"
        rows={tables.byDepartment}
        total={tables.total}
        beforeDue={tables.beforeDue}
      />
      <p className="hint office-definition">완료율: {definition}</p>
      {undecidedNote !== null && (
        <p className="hint office-definition" data-testid="status-undecided-note">
          {undecidedNote} &lsquo;완료 요청&rsquo;에서 승인하거나 반려하세요.
        </p>
      )}
    </>
  );
}

export function StatusTable({
  caption,
  firstHeader,
  prefix,
  rows,
  total,
  totalPrefix,
  beforeDue,
}: {
  caption: string;
  firstHeader: string;
  prefix: string;
  rows: StatusTableRow[];
  /** The 합계 row (none for a table whose rows are not parts of one whole, as the half-years of 이행 추이). */
  total?: StatusTableRow;
  totalPrefix?: string;
  /** Before the due date the 미제출 column is headed 미접수 (기한 전): nothing is late yet. */
  beforeDue: boolean;
}) {
  const totalId = totalPrefix ?? `${prefix}-total`;
  return (
    <div className="office-table-wrap head-sticks">
      <table className="office-table" data-testid={`${prefix}-table`}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{firstHeader}</th>
            {REPORT_STATUSES.map((s) => (
              <th key={s} scope="col" className={s === 'notSubmitted' ? 'col-missing' : undefined}>
                {reportStatusLabel(s, beforeDue)}
              </th>
            ))}
            <th scope="col">계</th>
            <th scope="col">완료율</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const id = `${prefix}-${testIdPart(row.key)}`;
            return (
              <tr key={row.key} data-testid={id}>
                <th scope="row" className="row-label">
                  {row.label}
                </th>
                {REPORT_STATUSES.map((s) => (
                  <td
                    key={s}
                    className={`num${row.counts[s] === 0 ? ' zero' : ''}${s === 'notSubmitted' ? ' col-missing' : ''}`}
                  >
                    <span data-testid={`${id}-${s}`}>{formatCount(row.counts[s])}</span>
                    {s === 'completed' && (
                      <UndecidedMark count={row.completedUndecided} testId={`${id}-undecided`} />
                    )}
                    {s === 'continuing' && (
                      <UndecidedMark count={row.continuingUndecided} testId={`${id}-continuing-undecided`} />
                    )}
                  </td>
                ))}
                <td className="num" data-testid={`${id}-total`}>
                  {formatCount(row.total)}
                </td>
                <td className="num" data-testid={`${id}-rate`}>
                  {formatRate(row.completionRate)}
                </td>
              </tr>
            );
          })}
        </tbody>
        {total && (
          <tfoot>
            <tr className="total-row" data-testid={totalId}>
              <th scope="row">합계</th>
              {REPORT_STATUSES.map((s) => (
                <td key={s} className="num">
                  <span data-testid={`${totalId}-${s}`}>{formatCount(total.counts[s])}</span>
                  {s === 'completed' && (
                    <UndecidedMark count={total.completedUndecided} testId={`${totalId}-undecided`} />
                  )}
                  {s === 'continuing' && (
                    <UndecidedMark
                      count={total.continuingUndecided}
                      testId={`${totalId}-continuing-undecided`}
                    />
                  )}
                </td>
              ))}
              <td className="num" data-testid={`${totalId}-total`}>
                {formatCount(total.total)}
              </td>
              <td className="num" data-testid={`${totalId}-rate`}>
                {formatRate(total.completionRate)}
              </td>
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}

/** How many of a 완료 count still wait for the office's decision on the department's request. */
function UndecidedMark({ count, testId }: { count: number; testId: string }) {
  if (count === 0) return null;
  return (
    <span className="undecided-mark" data-testid={testId} title="완료 요청을 아직 결정하지 않은 사업 수">
      {UNDECIDED_LABEL} {formatCount(count)}
    </span>
  );
}
