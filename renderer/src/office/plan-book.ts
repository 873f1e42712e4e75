import { PLAN_CONFIRMATION_STATE_LABELS, type PlanConfirmationRow } from '../../../domain/plans/confirmation';
import { formatKoreanDateTime } from './format';

/**
 * 확정된 실천계획서 모아 인쇄 (the office's book of confirmed plans): which departments it covers and what its first
 * page says of each project. The states are those of 실천계획 확정.
 */

/** The departments in the book: the one chosen, or every one with a confirmed plan, in the list's order. */
export function planBookDepartments(rows: readonly PlanConfirmationRow[], chosen: string | null): string[] {
  if (chosen !== null) return [chosen];
  return [...new Set(rows.filter((r) => r.confirmed !== null).map((r) => r.leadDepartment))];
}

/** Every department that leads a project, for the choice (가나다 order). */
export const planDepartments = (rows: readonly PlanConfirmationRow[]): string[] =>
  [...new Set(rows.map((r) => r.leadDepartment))].sort((a, b) => a.localeCompare(b, 'ko'));

/** A project's line: 확정 with its time (and that a newer plan waits), or why it has no confirmed plan. */
export function planBookState(row: PlanConfirmationRow): string {
  if (row.confirmed === null) return PLAN_CONFIRMATION_STATE_LABELS[row.state];
  const confirmed = `확정 ${formatKoreanDateTime(row.confirmed.confirmedAt)}`;
  return row.state === 'newerReceived' ? `${confirmed} · 새 계획서 받음 (확정 대기)` : confirmed;
}
