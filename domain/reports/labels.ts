import { periodLabel } from '../documents';
import type { ComparisonChange, ProjectComparison, LaggingReason, MissedMilestone } from './types';

/**
 * The words of the office's tables, shared by the screen, the workbook and print, so that the three say the same
 * thing in the same words.
 */

export const LAGGING_REASON_LABELS: Record<LaggingReason, string> = {
  status: '일부추진·보류',
  lowExecution: '집행률 미달',
  missedMilestones: '추진계획 대비 실적 없음',
};

export const COMPARISON_CHANGE_LABELS: Record<ComparisonChange, string> = {
  status: '추진상황',
  executed: '집행액',
  plannedTotal: '계획 총계',
  results: '추진실적',
  newCard: '새 카드',
  cardMissing: '카드 없음',
};

/** 추세 of the status between two half-years (−1: better, as the statuses are ordered from 완료). */
export function statusTrendLabel(trend: -1 | 0 | 1 | null): string {
  if (trend === null) return '–';
  return trend < 0 ? '▲ 개선' : trend > 0 ? '▼ 악화' : '유지';
}

/** 달라진 항목 of a compared project: "집행액, 추진실적 (단위사업 1 2019년 상반기)". */
export function comparisonChangesText(
  p: Pick<ProjectComparison, 'changes' | 'resultsChangedLabels'>,
): string {
  const changes = p.changes.map((c) => COMPARISON_CHANGE_LABELS[c]).join(', ');
  return p.resultsChangedLabels.length > 0 ? `${changes} (${p.resultsChangedLabels.join(', ')})` : changes;
}

/** A half-year's milestone without a result: "단위사업 1 2019년 상반기: 착공". */
export const missedMilestoneText = (m: MissedMilestone): string =>
  `${m.unitName} ${periodLabel(m.periodId)}: ${m.planned}`;

/** A half-year as a header shows it; the comparison's missing earlier half-year as "이전". */
export const comparedPeriodLabel = (periodId: string | null): string =>
  periodId === null ? '이전' : periodLabel(periodId);
