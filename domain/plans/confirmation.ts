/**
 * A practice plan (실천계획서) as the office confirms it after the citizens' panel: the latest plan the lead
 * department sent and the office's own confirmation. `newerReceived`: the department sent a plan, after one was
 * confirmed, whose content was never confirmed.
 */
export interface PlanConfirmationRow {
  projectId: string;
  projectName: string;
  leadDepartment: string;
  received: { revision: number; receivedAt: string; bundleSha256: string } | null;
  confirmed: { version: number; confirmedAt: string } | null;
  state: PlanConfirmationState;
}

export type PlanConfirmationState = 'notReceived' | 'awaiting' | 'confirmed' | 'newerReceived';

export const PLAN_CONFIRMATION_STATE_LABELS: Record<PlanConfirmationState, string> = {
  awaiting: '확정 대기',
  newerReceived: '확정 후 새 계획서 받음',
  confirmed: '확정됨',
  notReceived: '받지 않음',
};

/** A plan the office still has to confirm: never confirmed, or a newer one arrived after the confirmation. */
export const needsConfirmation = (row: { state: PlanConfirmationState }): boolean =>
  row.state === 'awaiting' || row.state === 'newerReceived';
