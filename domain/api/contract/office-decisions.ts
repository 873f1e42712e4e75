// The planning office's decisions: conflicts, 완료 requests, a change request's effect on the plan, notes.
import { z } from 'zod';
import type { AttachmentRef } from '../../documents';
import type { PlanChangeField } from '../../documents/change-apply';
import type { PlanConfirmationRow } from '../../plans/confirmation';
export type { PlanConfirmationRow };

export const officeDecisionSchema = z.enum(['accepted', 'rejected']);

/**
 * A disagreement between received documents that the office must resolve; nothing is overwritten silently.
 * - frozenFields: a card whose frozen fields differ from the confirmed plan. Counts until excluded ('rejected').
 * - coDepartmentCard: a co-department sent a card for a project another department leads (two departments
 *   reporting one project). Left out until the office takes it in ('accepted': its 집행 counts with the lead's).
 * - sameRevision: a department sent two different bundles with the same revision (e.g. from two PCs). The first
 *   accepted stays; the other is held, listed with both bundles, and the office acknowledges it ('rejected':
 *   keep the accepted one; the department re-sends anything missing as a new revision).
 */
export interface Conflict {
  key: string;
  /**
   * frozenFields: what a decision on it is made on (each difference's field and values, worded or not): the
   * decision holds while the card's conflict has the same basis, and waits for the office again otherwise.
   */
  basis?: string;
  kind: 'frozenFields' | 'coDepartmentCard' | 'sameRevision';
  projectId: string;
  periodId: string;
  department: string;
  message: string;
  details: string[];
  resolution: 'accepted' | 'rejected' | null;
  /** The office's note with its latest decision, and when it was made (ISO); null while undecided. */
  resolutionNote: string | null;
  resolvedAt: string | null;
  /**
   * frozenFields: the office's latest decision when it was made on other differences (an earlier card), so the
   * conflict waits again; shown beside it.
   */
  earlierResolution?: { decision: 'accepted' | 'rejected'; note: string; decidedAt: string };
  /** sameRevision: every project the held bundle carries documents for (projectId is the first). */
  projectIds?: string[];
  /** sameRevision: the held bundle, which swapHeldBundle can make count instead. */
  heldSha256?: string;
  /**
   * sameRevision: the held file as a decision on it names it — its half-year ('plan' for 실천계획서), revision and
   * how many documents and projects it carries (a decision covers the whole file, not one project).
   */
  heldFile?: { period: string; revision: number; documents: number; projects: number };
  /**
   * sameRevision: when the office received the held bundle and the counted one (ISO): 제출 현황 measures the
   * deadline by the receipt of the bundle that counts, so a swap can turn an on-time submission late.
   */
  heldReceivedAt?: string;
  countedReceivedAt?: string;
  /** sameRevision: the office swapped the two, so the bundle counted now is the one held before. */
  swapped?: boolean;
  /**
   * sameRevision: the department has sent a later revision since, so the held bundle can no longer be swapped in
   * (the swap refuses it); what it carries must come as a new revision.
   */
  laterRevision?: number;
}

/**
 * A department's request to mark a project 완료 or 이행 후 계속 추진 (asksCompletion), with what it sent as evidence
 * and the office's decision.
 */
export interface CompletionRequestView {
  projectId: string;
  department: string;
  /** What the card reports: 완료, or 이행 후 계속 추진 (done, continuing with new targets or recurring). */
  status: 'completed' | 'continuing';
  /** 완료 근거 as the card states it (what was completed and when). */
  evidence: string;
  /** The files attached as evidence (완료 근거자료), each openable by its SHA-256 (readAttachment). */
  evidenceFiles: AttachmentRef[];
  /**
   * The card the request is made with: the bundle that carried it and that bundle's revision (decideCompletion
   * records the decision on it).
   */
  cardBundleSha256: string | null;
  cardRevision: number | null;
  decision: 'accepted' | 'rejected' | null;
  /** The office's note with its latest decision, and when it was made (ISO). */
  decisionNote: string | null;
  decidedAt: string | null;
  /**
   * The half-year the decision was made for: this one, or an earlier one whose acceptance carries over while the
   * cards still report 완료 (null while undecided).
   */
  decidedForPeriodId: string | null;
  /**
   * The half-year's latest decision when it was made on an earlier revision of the card and does not hold for the
   * one sent since (a 반려 answered with a changed card, or an accepted 완료 whose 완료 근거 changed): the request
   * waits for the office again (decision null). cardRevision is the revision decided on (null: not recorded).
   */
  supersededDecision: {
    decision: 'accepted' | 'rejected';
    note: string;
    decidedAt: string;
    cardRevision: number | null;
  } | null;
  /**
   * When the half-year's latest entry took the office's decision back (결정 취소, withdrawCompletionDecision): the
   * decision withdrawn (null when none is known) and when it was withdrawn, with the office's note. The request
   * waits for the office again (decision null); both stay in the decision history.
   */
  withdrawnDecision: {
    decision: 'accepted' | 'rejected' | null;
    note: string;
    decidedAt: string | null;
    withdrawnAt: string;
    withdrawalNote: string;
  } | null;
}

/** A rejection (완료 요청, 조정 요청) goes back to the department with its reason: the note is required. */
export const REJECTION_NOTE_MESSAGE = '반려할 때는 부서에 알릴 사유를 메모에 적으세요.';
/** Said after 실천계획 확정: the confirmed plans reach the departments (and open their 관리카드) only in a 기준 자료. */
export const PLANS_CONFIRMED_NEXT =
  "부서에 전하려면 '제출 파일 받기'의 기준 자료 내보내기로 기준 자료를 만들어 보내세요: 부서는 그 파일을 적용해야 확정된 계획서를 받고 관리카드를 쓸 수 있습니다.";

/** Excluding a card (a 확정 항목 conflict) sends the department back to work: the reason is required too. */
export const EXCLUSION_NOTE_MESSAGE = '카드를 제외할 때는 부서에 알릴 사유를 메모에 적으세요.';
/**
 * Taking in a card whose frozen fields (정책목표 등) differ from the confirmed plan: those fields are "추후
 * 임의변경불가", so the office records why it lets the card count as sent.
 */
export const FROZEN_ACCEPT_NOTE_MESSAGE =
  '확정된 실천계획서와 다른 카드(정책목표 등 임의로 바꿀 수 없는 항목)를 반영할 때도 그 사유를 메모에 적으세요.';

/** A 확정 항목 불일치 conflict's key (see frozenFieldConflicts): `frozen:<project>:<period>:<department>`. */
export const isFrozenConflictKey = (key: string): boolean => key.startsWith('frozen:');

/**
 * Why a conflict decision cannot be recorded with this note, or null when it can: a 확정 항목 불일치 needs the
 * reason whichever way it is decided (카드 반영 or 카드 제외); the other kinds take an empty note.
 */
export function conflictNoteRefusal(
  key: string,
  decision: 'accepted' | 'rejected',
  note: string,
): string | null {
  if (!isFrozenConflictKey(key) || note.trim() !== '') return null;
  return decision === 'rejected' ? EXCLUSION_NOTE_MESSAGE : FROZEN_ACCEPT_NOTE_MESSAGE;
}

/** One frozen field an approved change request rewrites in the confirmed plan. */
export interface PlanChangeEffect {
  field: PlanChangeField;
  /** 공약명 / 정책목표 / 사업기간 / 총사업비, as the forms name the field. */
  label: string;
  /** The field as the request's 당초 writes it ("2018년 7월 ~ 2022년 6월", "12,000 백만원"). */
  current: string;
  /** The value the plan takes, written the same way. */
  proposed: string;
  /** The request's 당초 is what the confirmed plan says now (whitespace aside; 사업기간·총사업비 by value). */
  originalMatches: boolean;
}

/** A row of a plan field (사업기간, 총사업비) whose 변경안 cannot be read: an approval records it, not applies it. */
export interface PlanChangeUnreadable {
  /** 1-based, as the form numbers the rows ("변경 2"). */
  row: number;
  category: string;
  proposed: string;
  reason: string;
}

export interface PlanChangePreview {
  /** False when the project has no confirmed plan: an approval is refused. */
  planConfirmed: boolean;
  effects: PlanChangeEffect[];
  /** 구분 of the rows an approval records in the change history only (단위사업, 기타, …), each once. */
  notApplied: string[];
  /** Rows of 사업기간 or 총사업비 whose 변경안 cannot be read: recorded, not applied. */
  unreadable: PlanChangeUnreadable[];
  /** What the approved plan would say against itself (a 총사업비 that no longer matches its 투자수요), in Korean. */
  warnings: string[];
}
