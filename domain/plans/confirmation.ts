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
  /**
   * Fields the received plan writes otherwise than the change requests the citizens' panel approved (a plan sent
   * again after the approval, perhaps with the old values): confirming it keeps the approved values.
   */
  approvedKept: ApprovedFieldKept[];
  /**
   * For a plan received after the confirmation (newerReceived): the frozen items (추후 임의변경불가) confirming it
   * would change, as frozenPlanChanges names them; empty otherwise. The office checks them against the change
   * requests the panel approved before confirming.
   */
  frozenChanged: string[];
}

/** Beside a plan waiting for 확정 that rewrites frozen items: which, and that they change only by an approved 조정. */
export function frozenChangedNote(changed: readonly string[]): string {
  return `확정하면 바뀌는 확정 항목(추후 임의변경불가): ${changed.join(', ')}. 시민공약평가단이 승인한 공약 조정 없이 바꾸는 것이 아닌지 확인하세요.`;
}

/** A field of an approved change request that a received plan writes otherwise. */
export interface ApprovedFieldKept {
  /** 공약명 / 정책목표 / 사업기간 / 총사업비. */
  label: string;
  /** As the received plan writes it, and as approved ("2018년 7월 ~ 2022년 6월", "12,000 백만원"). */
  received: string;
  approved: string;
}

/** Plans confirmed at once, and those whose approved values were kept over what the department sent. */
export interface PlansConfirmed {
  confirmed: string[];
  approvedKept: { projectId: string; labels: string[] }[];
}

/** Beside a plan waiting for 확정: the approved values confirming it keeps ("사업기간 승인 '…' 유지, 받은 계획서 '…'"). */
export function approvedKeptNote(kept: readonly ApprovedFieldKept[]): string {
  return `확정해도 승인된 변경 유지 — ${kept
    .map((k) => `${k.label}: 받은 계획서 '${k.received}', 승인 '${k.approved}'`)
    .join('; ')}`;
}

/** Said after 확정: whose approved values were kept over the received plan's. */
export function approvedKeptText(kept: PlansConfirmed['approvedKept']): string {
  if (kept.length === 0) return '';
  const each = kept.map((k) => `${k.projectId}의 ${k.labels.join('·')}`).join(', ');
  return `받은 계획서와 달라도 시민공약평가단이 승인한 변경은 그대로 두었습니다: ${each}.`;
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

/** One department's plans as the office follows them early in the term (실천계획 확정's 부서별 table). */
export interface DepartmentPlanCounts {
  department: string;
  /** Projects it leads (each owes one plan). */
  led: number;
  /** Confirmed at least once. */
  confirmed: number;
  /** Received and waiting for the office (a first plan, or a newer one after a confirmation). */
  toConfirm: number;
  /** Never received: what the department still owes. */
  notReceived: number;
}

/**
 * The plans per lead department: who still owes plans first (most missing first), then by name. The office
 * phones these departments before the plans' due date; the half-year's 제출 현황 covers only cards.
 */
export function planCountsByDepartment(rows: readonly PlanConfirmationRow[]): DepartmentPlanCounts[] {
  const byDepartment = new Map<string, DepartmentPlanCounts>();
  for (const row of rows) {
    const counts = byDepartment.get(row.leadDepartment) ?? {
      department: row.leadDepartment,
      led: 0,
      confirmed: 0,
      toConfirm: 0,
      notReceived: 0,
    };
    counts.led += 1;
    if (row.confirmed !== null) counts.confirmed += 1;
    if (needsConfirmation(row)) counts.toConfirm += 1;
    if (row.state === 'notReceived') counts.notReceived += 1;
    byDepartment.set(row.leadDepartment, counts);
  }
  return [...byDepartment.values()].sort(
    (a, b) => b.notReceived - a.notReceived || a.department.localeCompare(b.department, 'ko'),
  );
}
