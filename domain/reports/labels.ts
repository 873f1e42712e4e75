import { countdownLabel } from '../term/calendar';
import { asksCompletion, CARD_STATUS_LABELS, periodLabel } from '../documents';
import { reportStatusLabel } from './status-tables';
import type {
  ComparisonChange,
  ConsolidatedFinanceRow,
  DepartmentSubmission,
  SubmissionTimeliness,
  ProjectComparison,
  LaggingProject,
  LaggingReason,
  MissedMilestone,
  ParticipationReport,
  PlanWait,
  ReportStatus,
  QuarantineReason,
  StatusTableRow,
  Undecided,
} from './types';

/**
 * The words of the office's tables, shared by the screen, the workbook and print, so that the three say the same
 * thing in the same words.
 */

export const LAGGING_REASON_LABELS: Record<LaggingReason, string> = {
  status: '일부추진·보류',
  lowExecution: '집행률 미달',
  missedMilestones: '추진계획 대비 실적 없음',
  droppedWithoutApproval: '폐기 보고, 승인된 공약 조정 없음',
};

/**
 * A lagging project's reasons as the tables say them: the status reason names the project's own status (일부추진 or
 * 보류), not both.
 */
export function laggingReasonsText(p: Pick<LaggingProject, 'reasons' | 'status'>): string {
  return p.reasons
    .map((r) =>
      r === 'status' && (p.status === 'partial' || p.status === 'onHold')
        ? CARD_STATUS_LABELS[p.status]
        : LAGGING_REASON_LABELS[r],
    )
    .join(', ');
}

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

/** The mark of a 완료 count some of whose requests the office has not decided yet. */
export const UNDECIDED_LABEL = '결정 대기';

/** The office's open decisions in one line ("충돌 1건, 완료 요청 1건"), or null when nothing waits. */
export function undecidedSummary(undecided: Undecided | undefined): string | null {
  if (undecided === undefined) return null;
  const plans = undecided.plansToConfirm ?? 0;
  const parts = [
    undecided.conflicts > 0 ? `충돌 ${undecided.conflicts}건` : null,
    undecided.completionRequests > 0 ? `완료 요청 ${undecided.completionRequests}건` : null,
    undecided.changeRequests > 0 ? `조정 요청 ${undecided.changeRequests}건` : null,
    plans > 0 ? `확정 대기 실천계획서 ${plans}건` : null,
  ].filter((p) => p !== null);
  return parts.length === 0 ? null : parts.join(', ');
}

/**
 * The note under 붙임5 naming the projects left out for want of a confirmed plan; null when none is. `received`:
 * those of them whose plan arrived and waits for 실천계획 확정; the others never sent one (when `received` is
 * not known, the note does not tell them apart).
 */
export function withoutConfirmedPlanNote(
  projectIds: readonly string[],
  received?: readonly string[],
): string | null {
  if (projectIds.length === 0) return null;
  if (received === undefined)
    return `실천계획이 확정되지 않아 붙임5와 집행률에서 뺀 사업 ${projectIds.length}개: ${projectIds.join(', ')} (실천계획을 확정하면 들어갑니다).`;
  const waiting = new Set(received);
  const toConfirm = projectIds.filter((id) => waiting.has(id));
  const neverSent = projectIds.filter((id) => !waiting.has(id));
  const lines = [
    toConfirm.length > 0
      ? `실천계획서를 받았지만 확정하지 않아 붙임5와 집행률에서 뺀 사업 ${toConfirm.length}개: ${toConfirm.join(', ')} (실천계획 확정에서 확정하면 들어갑니다).`
      : null,
    neverSent.length > 0
      ? `실천계획서를 받지 않아 붙임5와 집행률에서 뺀 사업 ${neverSent.length}개: ${neverSent.join(', ')} (주관부서에 실천계획서를 보내 달라고 요청하세요).`
      : null,
  ].filter((l) => l !== null);
  return lines.join(' ');
}

/**
 * The note under 붙임5 naming the projects whose lead department sent no card for the half-year; null when every
 * one did. Their rows (and so the area subtotals and the total) count the lead's 집행 as 0 and take 현재계획 and
 * 임기내 계획 from the confirmed plan: a total read without this note would look lower than what was spent.
 */
export function missingCardFinanceNote(
  finance: { areas: readonly { rows: readonly { projectId: string; status: unknown }[] }[] },
  beforeDue: boolean,
): string | null {
  const ids = finance.areas.flatMap((a) => a.rows.filter((r) => r.status === null).map((r) => r.projectId));
  if (ids.length === 0) return null;
  const what = beforeDue ? '관리카드를 아직 받지 않은(기한 전)' : '관리카드를 받지 못한';
  return `${what} 사업 ${ids.length}개는 주관부서의 집행액을 0으로, 현재계획과 임기내 계획을 실천계획대로 넣어 소계와 합계를 냈습니다: ${ids.join(', ')}.`;
}

/** The mark of a 붙임5 row (비고) whose 재정집행현황 (확보내역) has not arrived: its 확보 are counted as 0, not reported 0. */
export const FINANCE_ROW_MISSING_LABEL = '재정집행현황 미접수';

type SecuredReceipt = Pick<ConsolidatedFinanceRow, 'departments' | 'securedNotReceived'>;

/**
 * What a 붙임5 row says of the 재정집행현황 it lacks: "재정집행현황 미접수", naming the departments when only some of a
 * shared project's did not send theirs; null when every one arrived.
 */
export function financeRowMissingText(row: SecuredReceipt): string | null {
  const missing = row.securedNotReceived ?? [];
  if (missing.length === 0) return null;
  return missing.length < row.departments.length
    ? `${FINANCE_ROW_MISSING_LABEL}: ${missing.join(', ')}`
    : FINANCE_ROW_MISSING_LABEL;
}

/** None of the row's 확보내역 arrived: its 확보 amounts are not known (finance.csv leaves them empty). */
export const securedUnreported = (row: SecuredReceipt): boolean =>
  (row.securedNotReceived?.length ?? 0) > 0 && row.securedNotReceived?.length === row.departments.length;

/** 비고 of a 붙임5 row as the tables write it (screen, workbook, finance.csv): the missing mark, then the 비고. */
export function financeNoteText(row: SecuredReceipt & { note: string }): string {
  const missing = financeRowMissingText(row);
  if (missing === null) return row.note;
  return row.note === '' ? missing : `${missing}\n${row.note}`;
}

/**
 * The note under 붙임5 naming the projects whose 재정집행현황 (확보내역) has not arrived, with the departments where
 * only some of a shared project's did not send theirs; null when every one arrived. Their 확보 count as 0 in the row,
 * the subtotals and the total: a 0 read without this note would look like nothing secured.
 */
export function missingFinanceRowNote(
  finance: { areas: readonly { rows: readonly (SecuredReceipt & { projectId: string })[] }[] },
  beforeDue: boolean,
): string | null {
  const named: string[] = [];
  for (const area of finance.areas)
    for (const row of area.rows) {
      const missing = row.securedNotReceived ?? [];
      if (missing.length === 0) continue;
      named.push(
        missing.length < row.departments.length ? `${row.projectId}(${missing.join(', ')})` : row.projectId,
      );
    }
  if (named.length === 0) return null;
  const what = beforeDue ? '재정집행현황을 아직 받지 않은(기한 전)' : '재정집행현황을 받지 못한';
  return `${what} 사업 ${named.length}개는 그 확보내역을 0으로 넣어 소계와 합계를 냈습니다 (비고: ${FINANCE_ROW_MISSING_LABEL}): ${named.join(', ')}.`;
}

/** One title for the report wherever it appears (screen, print, workbook, public page): "민선7기 공약이행 종합 현황". */
export const reportTitle = (meta: { termName: string }): string => `${meta.termName} 공약이행 종합 현황`;

export const PLAN_WAIT_LABELS: Record<PlanWait, string> = {
  notReceived: '실천계획서 미접수',
  notConfirmed: '실천계획서 확정 대기',
};

/**
 * Under a department's 누락: how many of its missing projects wait for their 실천계획서 (the department writes their
 * card and finance row once the plan is confirmed); null when none does.
 */
export function planWaitSummary(
  missing: readonly { projectId: string; planWait: PlanWait | null }[],
): string | null {
  const projects = (wait: PlanWait) =>
    new Set(missing.filter((m) => m.planWait === wait).map((m) => m.projectId)).size;
  const parts = (['notReceived', 'notConfirmed'] as const)
    .filter((wait) => projects(wait) > 0)
    .map((wait) => `${PLAN_WAIT_LABELS[wait]} ${projects(wait)}개 사업`);
  return parts.length === 0 ? null : `${parts.join(' · ')}: 관리카드·재정집행 현황은 실천계획서 확정 뒤 작성`;
}

/**
 * What the 시민참여 실적 totals were counted from, under the table on screen and in the workbook: each project's
 * cumulative counts as last reported (see buildParticipation).
 */
export function participationSourcesNote(p: ParticipationReport): string {
  const sources = [`이번 반기 관리카드 ${p.cardCount}건`];
  if (p.priorCardCount > 0) sources.push(`이번 반기 카드가 없어 직전 반기 관리카드 ${p.priorCardCount}건`);
  if (p.earlierCardCount > 0)
    sources.push(`이번·직전 반기 카드가 없어 그 전 반기의 마지막 관리카드 ${p.earlierCardCount}건`);
  if (p.planCount > 0) sources.push(`관리카드가 없어 확정된 실천계획서 ${p.planCount}건`);
  const unreported =
    p.unreportedCount > 0 ? ` 실적을 하나도 받지 못한 사업 ${p.unreportedCount}개는 빠져 있습니다.` : '';
  return `사업마다 마지막으로 보고된 누적 횟수의 합계입니다: ${sources.join(', ')} (활동 ${p.activityCount}건).${unreported}`;
}

/**
 * The note under the status tables when some 완료 or 이행 후 계속 추진 still wait for the office's decision; null
 * when none does. From the total row's counts.
 */
export function undecidedCompletionNote(
  total: Pick<StatusTableRow, 'counts' | 'completedUndecided' | 'continuingUndecided'>,
  /** 'public': the city website's page, which says what citizens need, not the office's workflow. */
  audience: 'office' | 'public' = 'office',
): string | null {
  const { counts, completedUndecided: completed, continuingUndecided: continuing } = total;
  if (completed === 0 && continuing === 0) return null;
  if (continuing === 0) {
    if (audience === 'public')
      return `완료 ${counts.completed}건 가운데 ${completed}건은 담당 부서가 완료를 보고하여 시에서 확인하고 있는 사업입니다(${UNDECIDED_LABEL}).`;
    return `완료 ${counts.completed}건 가운데 ${completed}건은 부서가 완료를 요청했지만 기획담당관이 아직 결정하지 않은 사업입니다(${UNDECIDED_LABEL}). 결정 전까지 완료로 집계하고, 반려하면 정상추진으로 바뀝니다.`;
  }
  const parts = [
    completed > 0 ? `완료 ${counts.completed}건 가운데 ${completed}건` : null,
    `이행 후 계속 추진 ${counts.continuing}건 가운데 ${continuing}건`,
  ].filter((p) => p !== null);
  if (audience === 'public')
    return `${parts.join(', ')}은 담당 부서가 목표 달성을 보고하여 시에서 확인하고 있는 사업입니다(${UNDECIDED_LABEL}).`;
  return `${parts.join(', ')}은 부서가 목표 달성(완료·이행 후 계속 추진)을 보고했지만 기획담당관이 아직 결정하지 않은 사업입니다(${UNDECIDED_LABEL}). 결정 전까지 보고한 대로 집계하고, 반려하면 정상추진으로 바뀝니다.`;
}

/**
 * What the public export shows of what the office has not decided yet, for the message after it: each kind of
 * undecided item goes out as it stands before the decision.
 */
export function publicExportCaution(undecided: Undecided | undefined): string | null {
  const waiting = undecidedSummary(undecided);
  if (waiting === null || undecided === undefined) return null;
  const asIs = [
    undecided.completionRequests > 0
      ? `완료 요청은 '완료 (${UNDECIDED_LABEL})'처럼 부서가 보고한 추진상황으로`
      : null,
    undecided.changeRequests > 0 ? '조정 요청은 조정 전의 계획으로' : null,
    undecided.conflicts > 0 ? '충돌은 정하기 전에 반영된 내용으로' : null,
    (undecided.plansToConfirm ?? 0) > 0 ? '확정 대기 실천계획서는 확정 전의 계획으로' : null,
  ].filter((p) => p !== null);
  return `아직 정하지 않은 ${waiting}이 있습니다: ${asIs.join(', ')} 공개됩니다. 정한 뒤 다시 내보내는 것을 권합니다.`;
}

/**
 * A project's status in words (이행도 of 붙임5, the public projects): 미제출 without a card (미접수 (기한 전) before
 * the half-year's due date), and for a 완료 or 이행 후 계속 추진 still waiting for the office's decision, that it
 * waits.
 */
export function financeStatusLabel(
  status: ReportStatus | null,
  projectId: string,
  undecided: readonly string[],
  beforeDue = false,
): string {
  const label = reportStatusLabel(status ?? 'notSubmitted', beforeDue);
  return asksCompletion(status) && undecided.includes(projectId) ? `${label} (${UNDECIDED_LABEL})` : label;
}

/** The due date as a countdown: "D-3", "D-day" on the day itself (see domain/term/calendar.ts). */
export const daysLeftLabel = countdownLabel;

/**
 * 상태 of a department's submissions: 제출 완료 / 일부 제출 / 미제출 — but before the due date a department that
 * sent nothing yet is not 미제출 (late), only not received yet.
 */
export function submissionStateLabel(state: DepartmentSubmission['state'], beforeDue: boolean): string {
  if (state === 'complete') return '제출 완료';
  if (state === 'partial') return '일부 제출';
  return beforeDue ? '접수 전' : '미제출';
}

/** 기한 내·지연 of a department: 기한 내, 지연, 미제출, or before the due date 마감 전 (D-n) (neutral, not late). */
export function submissionTimelinessLabel(timeliness: SubmissionTimeliness, daysLeft: number): string {
  if (timeliness === 'onTime') return '기한 내';
  if (timeliness === 'late') return '지연';
  if (timeliness === 'none') return '미제출';
  return `마감 전 (${daysLeftLabel(daysLeft)})`;
}

/** A due date as the tables write it: with why it is not the term's stated day, when it moved past a day off. */
export function dueDateText(dueDate: string, movedBecause: string | null): string {
  return movedBecause === null ? dueDate : `${dueDate} (${movedBecause})`;
}

/**
 * The line under the submissions table on the due date or before it: nothing is late yet, and what has not arrived
 * is still owed by the due date; null once it has passed.
 */
export function beforeDueNote(dueDate: string, beforeDue: boolean, daysLeft: number): string | null {
  if (!beforeDue) return null;
  return `제출 기한(${dueDate}, ${daysLeftLabel(daysLeft)}) 전입니다: 아직 받지 않은 문서는 기한까지 받으면 기한 내로 칩니다 (미제출·지연이 아닙니다).`;
}

const QUARANTINE_REASON_LABELS: Record<QuarantineReason, string> = {
  unregistered: '등록되지 않은 키',
  pending: '승인 대기 중인 키',
  revoked: '철회된 키',
  retired: '교체된 키',
  other: '승인되지 않은 키',
};

/**
 * Why bundles wait in quarantine, in words, for 제출 현황 and its sheet: "등록되지 않은 키" tells the office to
 * ask for the department's key file, "승인 대기 중인 키" to approve the key it has.
 */
export function quarantineLabel(reasons: readonly (QuarantineReason | undefined)[]): string {
  const distinct = [...new Set(reasons.map((r) => r ?? 'other'))];
  return distinct.map((r) => QUARANTINE_REASON_LABELS[r]).join(', ');
}
