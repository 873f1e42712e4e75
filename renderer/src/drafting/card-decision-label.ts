import type { OfficeCardDecision } from '../../../domain/api/contract';
import { localDateTimeOf } from '../../../domain/reports/submissions';

/**
 * The office's decisions on the department's cards (완료 승인·반려, 관리카드 제외) in words, from its last 기준 자료
 * (main/services/card-decisions.ts), and which of them the desk shows where.
 */

/**
 * One decision as the desk's 관리카드 cell says it: 제외됨 (다시 제출 필요) with the office's reason, 완료 승인, or
 * 완료 반려 with the reason. `warn`: the department has something to do.
 */
export function cardDecisionLabel(decision: Pick<OfficeCardDecision, 'kind' | 'reason'>): {
  text: string;
  warn: boolean;
} {
  const reason = decision.reason.trim();
  const because = reason === '' ? '' : `: ${reason}`;
  switch (decision.kind) {
    case 'cardExcluded':
      return { text: `제외됨 (다시 제출 필요)${because}`, warn: true };
    case 'completionAccepted':
      return { text: '완료 승인', warn: false };
    case 'completionRejected':
      return { text: `완료 반려${because}`, warn: true };
  }
}

/**
 * The decisions on the cards of one submission file, one line each beside its 접수 확인, naming the project and
 * when the office decided: "1-1-3 관리카드 제외됨 (다시 제출 필요): … (2019-07-20 10:00 결정)".
 */
export function cardDecisionLines(
  decisions: readonly OfficeCardDecision[],
): { key: string; text: string; warn: boolean }[] {
  return decisions.map((d) => {
    const label = cardDecisionLabel(d);
    return {
      key: `${d.projectId}|${d.periodId}|${d.kind}`,
      text: `${d.projectId} 관리카드 ${label.text} (${localDateTimeOf(d.decidedAt)} 결정)`,
      warn: label.warn,
    };
  });
}

/** The decisions on a project's card of the half-year shown on the desk. */
export const decisionsOnCard = (
  decisions: readonly OfficeCardDecision[],
  projectId: string,
  periodId: string,
): OfficeCardDecision[] => decisions.filter((d) => d.projectId === projectId && d.periodId === periodId);

/** The decisions on the cards one file of a half-year carried (the desk's last file). */
export const decisionsOnFile = (
  decisions: readonly OfficeCardDecision[],
  periodId: string,
  revision: number,
): OfficeCardDecision[] => decisions.filter((d) => d.periodId === periodId && d.revision === revision);
