import { useMemo } from 'react';
import { PARTICIPATION_COUNT_KEYS, PARTICIPATION_COUNT_LABELS } from '../../../domain/documents';
import {
  comparedPeriodLabel,
  comparisonChangesText,
  laggingReasonsText,
  missedMilestoneText,
  participationSourcesNote,
  REPORT_STATUS_LABELS,
  statusTrendLabel,
  financeStatusLabel,
  type ComparisonReport,
  type LaggingProject,
  type ParticipationReport,
} from '../../../domain/reports';
import { formatAmount, formatRate } from './format';
import { useProgressiveRows } from './use-progressive';
import { ProjectLink } from '../components/ProjectLink';

/**
 * 부진 사업: 일부추진/보류, execution below the threshold, planned milestones without a result (the last two not for
 * 완료, 이행 후 계속 추진 or 폐기).
 */
export function LaggingTable({
  lagging,
  threshold,
  definition,
  completionUndecided,
  complete = false,
  shown = true,
}: {
  lagging: LaggingProject[];
  threshold: number;
  definition: string;
  /** Projects whose 완료 awaits the office's decision: "완료 (결정 대기)", as 붙임5 says. */
  completionUndecided: readonly string[];
  /** Every row at once (printing); otherwise rows render progressively while `shown`. */
  complete?: boolean;
  shown?: boolean;
}) {
  const rowCount = useProgressiveRows(lagging.length, { complete, shown });
  return (
    <>
      <p className="office-legend">
        집행률 기준 {formatRate(threshold)} 미만 · {definition}
      </p>
      {lagging.length === 0 ? (
        <p className="hint" data-testid="lagging-empty">
          부진 사업이 없습니다.
        </p>
      ) : (
        <div className="office-table-wrap head-sticks">
          <table className="office-table" data-testid="lagging-table">
            <caption>부진 사업 {lagging.length}개</caption>
            <thead>
              <tr>
                <th scope="col">관리번호</th>
                <th scope="col">공약사업명</th>
                <th scope="col">주관부서</th>
                <th scope="col">추진상황</th>
                <th scope="col">사유</th>
                <th scope="col">계획(현재까지)</th>
                <th scope="col">집행</th>
                <th scope="col">집행률</th>
                <th scope="col">실적 없는 추진계획</th>
              </tr>
            </thead>
            <tbody>
              {lagging.slice(0, rowCount).map((p) => (
                <tr key={p.projectId} data-testid={`lagging-${p.projectId}`}>
                  <td>
                    <ProjectLink projectId={p.projectId} />
                  </td>
                  <td className="text">{p.projectName}</td>
                  <td>{p.leadDepartment}</td>
                  <td>{financeStatusLabel(p.status, p.projectId, completionUndecided)}</td>
                  <td data-testid={`lagging-${p.projectId}-reasons`} data-value={p.reasons.join(' ')}>
                    {laggingReasonsText(p)}
                  </td>
                  <td className="num">{formatAmount(p.plannedSoFar)}</td>
                  <td className="num">{formatAmount(p.executed)}</td>
                  <td className="num" data-testid={`lagging-${p.projectId}-rate`}>
                    {formatRate(p.executionRate)}
                  </td>
                  <td className="text">{p.missedMilestones.map(missedMilestoneText).join(' / ') || '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

/** 시민참여 실적: each project's cumulative counts as last reported, by area and in total. */
export function ParticipationTable({ participation }: { participation: ParticipationReport }) {
  return (
    <>
      <p className="office-legend" data-testid="participation-sources">
        {participationSourcesNote(participation)}
      </p>
      <div className="office-table-wrap">
        <table className="office-table" data-testid="participation-table">
          <caption>시민참여 실적</caption>
          <thead>
            <tr>
              <th scope="col">분야</th>
              {PARTICIPATION_COUNT_KEYS.map((k) => (
                <th key={k} scope="col">
                  {PARTICIPATION_COUNT_LABELS[k]}
                </th>
              ))}
              <th scope="col">계</th>
            </tr>
          </thead>
          <tbody>
            {participation.byArea.map((a) => (
              <tr key={a.areaId} data-testid={`participation-area-${a.areaId}`}>
                <th scope="row" className="row-label">
                  {a.areaName}
                </th>
                {PARTICIPATION_COUNT_KEYS.map((k) => (
                  <td key={k} className="num" data-testid={`participation-area-${a.areaId}-${k}`}>
                    {a.counts[k]}
                  </td>
                ))}
                <td className="num" data-testid={`participation-area-${a.areaId}-total`}>
                  {a.counts.total}
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="total-row">
              <th scope="row">합계</th>
              {PARTICIPATION_COUNT_KEYS.map((k) => (
                <td key={k} className="num" data-testid={`participation-total-${k}`}>
                  {participation.totals[k]}
                </td>
              ))}
              <td className="num" data-testid="participation-total-total">
                {participation.totals.total}
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
    </>
  );
}

/** 반기 비교: per project, the two half-years side by side; only projects where something changed. */
export function ComparisonTable({
  comparison,
  complete = false,
  shown = true,
}: {
  comparison: ComparisonReport;
  /** Every row at once (printing); otherwise rows render progressively while `shown`. */
  complete?: boolean;
  shown?: boolean;
}) {
  const changed = useMemo(() => comparison.projects.filter((p) => p.changes.length > 0), [comparison]);
  const rowCount = useProgressiveRows(changed.length, { complete, shown });
  const s = comparison.summary;
  const from = comparedPeriodLabel(comparison.fromPeriodId);
  const to = comparedPeriodLabel(comparison.toPeriodId);
  if (comparison.fromPeriodId === null) {
    // The term's first half-year: nothing came before it, so every project would count as changed.
    return (
      <p className="hint" data-testid="comparison-summary">
        {to}는 임기의 첫 반기라 비교할 이전 반기가 없습니다.
      </p>
    );
  }
  return (
    <>
      <p className="office-legend" data-testid="comparison-summary">
        {from} → {to} · 달라진 사업 {s.changed}개 (추진상황 변경 {s.statusChanged}: 개선 {s.improved}, 악화{' '}
        {s.worsened}) · 변화 없음 {s.unchanged}
      </p>
      {changed.length === 0 ? (
        <p className="hint">두 반기 사이에 달라진 사업이 없습니다.</p>
      ) : (
        <div className="office-table-wrap">
          <table className="office-table" data-testid="comparison-table">
            <caption>반기 비교</caption>
            <thead>
              <tr>
                <th rowSpan={2} scope="col">
                  관리번호
                </th>
                <th rowSpan={2} scope="col">
                  공약사업명
                </th>
                <th colSpan={3} scope="colgroup">
                  추진상황
                </th>
                <th colSpan={3} scope="colgroup">
                  임기내 집행 (백만원)
                </th>
                <th colSpan={2} scope="colgroup">
                  계획 총계
                </th>
                <th rowSpan={2} scope="col">
                  달라진 항목
                </th>
              </tr>
              <tr>
                <th scope="col">{from}</th>
                <th scope="col">{to}</th>
                <th scope="col">추세</th>
                <th scope="col">{from}</th>
                <th scope="col">{to}</th>
                <th scope="col">증감</th>
                <th scope="col">{from}</th>
                <th scope="col">{to}</th>
              </tr>
            </thead>
            <tbody>
              {changed.slice(0, rowCount).map((p) => (
                <tr key={p.projectId} data-testid={`comparison-${p.projectId}`}>
                  <td>
                    <ProjectLink projectId={p.projectId} />
                  </td>
                  <td className="text">{p.projectName}</td>
                  <td className="label">{REPORT_STATUS_LABELS[p.statusBefore]}</td>
                  <td className="label">
                    {financeStatusLabel(p.statusAfter, p.projectId, comparison.completionUndecided)}
                  </td>
                  <td className="label">{statusTrendLabel(p.statusTrend)}</td>
                  <td className="num">{formatAmount(p.executedBefore)}</td>
                  <td className="num">{formatAmount(p.executedAfter)}</td>
                  <td className="num">{formatAmount(p.executedDelta)}</td>
                  <td className="num">{formatAmount(p.plannedBefore)}</td>
                  <td className="num">{formatAmount(p.plannedAfter)}</td>
                  <td className="text" data-testid={`comparison-${p.projectId}-changes`}>
                    {comparisonChangesText(p)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
