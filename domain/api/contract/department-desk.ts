// The department's desk: deadlines, the files it made, and what the office's last package says of them.
import type { Lifecycle } from '../../documents';
import type { Period } from '../../term/periods';

export interface DeadlineView {
  period: Period | null;
  daysLeft: number | null;
  projects: {
    projectId: string;
    projectName: string;
    role: 'lead' | 'co';
    planStatus: Lifecycle | null;
    cardStatus: Lifecycle | null;
    cardErrors: number;
    /** The half-year's 재정집행현황 (확보내역): due from the lead and from every co-department. */
    financeStatus: Lifecycle | null;
    financeErrors: number;
  }[];
  /**
   * The last submission file made for the half-year, and how many of its documents (cards, finance rows) were
   * changed after it: those reach the office only in a new file. Null when none was made for it yet.
   */
  lastSent: {
    revision: number;
    createdAt: string;
    documents: number;
    changedSince: number;
    /** What the office's last applied baseline package says of this file; null when none said anything. */
    receipt: OfficeReceipt | null;
  } | null;
  /**
   * The office's decisions on this department's cards from the last applied baseline package that still stand on
   * this PC (every half-year): a decision is on the card of one submission file, and a later file of the same
   * half-year made here since sends the card again, so its decision is left to the next package.
   */
  cardDecisions: OfficeCardDecision[];
  /**
   * The 실천계획서's own deadline, while a plan the department leads is not yet confirmed by the office: how many
   * are still to write (none yet, or 작성중), how many wait for the office (제출 표시), and the last plan file made.
   * Null once every plan it leads is confirmed.
   */
  plan: {
    dueDate: string;
    daysLeft: number;
    toWrite: number;
    waiting: number;
    lastSent: { revision: number; createdAt: string; documents: number } | null;
  } | null;
  /**
   * The half-year whose due date passed last (up to a month ago), while it still owes something: `lacking`
   * projects with a document not written, 작성중 or with errors (a lead's once its plan is confirmed; a
   * co-department's 재정집행현황), `unsent` documents marked 제출 that no submission file carries yet. Null when
   * nothing is owed, no due date has passed, or the last passed more than a month ago.
   */
  overdue: {
    period: Period;
    daysPast: number;
    lacking: number;
    unsent: number;
    lastSent: { revision: number; createdAt: string } | null;
  } | null;
}

/** A row of the department's desk (문서 작성): a project of the half-year shown and the department's part in it. */
export type DeskProject = Pick<DeadlineView['projects'][number], 'projectId' | 'projectName' | 'role'>;

/** A submission file this department copy made, newest first, with what the office's last package says of it. */
export interface SentBundleView {
  revision: number;
  /** A half-year ("2019-H1") or 'plan'. */
  period: string;
  createdAt: string;
  documents: number;
  sha256: string;
  path: string;
  receipt: OfficeReceipt | null;
  /** The office's decisions on the cards this file carried, as of the last baseline package applied. */
  cardDecisions: OfficeCardDecision[];
}

/** What the office decided on a department's card (main/services/card-decisions.ts). */
export const CARD_DECISION_KINDS = ['completionAccepted', 'completionRejected', 'cardExcluded'] as const;
export type CardDecisionKind = (typeof CARD_DECISION_KINDS)[number];

/**
 * The office's decision on one of this department's cards, as its last 기준 자료 carried it: 완료 승인, 완료 반려,
 * or 관리카드 제외 (a card whose frozen fields differ from the confirmed plan, to be sent again).
 */
export interface OfficeCardDecision {
  projectId: string;
  /** The card's half-year ("2019-H1"). */
  periodId: string;
  kind: CardDecisionKind;
  /** The office's reason for the department (부서에 알릴 사유); '' when it gave none (an approval). */
  reason: string;
  /** When the office decided (ISO). */
  decidedAt: string;
  /** The revision of the submission file whose card the decision is on. */
  revision: number;
}

/**
 * 이어 보내기 (department): the office's last baseline package says which of this copy's submission files it holds;
 * when one made well before the package never arrived, or this copy's chain does not lead to the office's last
 * accepted file (a new PC), the next file can be chained onto that one instead (`head`; null when the office had
 * accepted none). `resumed`: it is, for the next file, which takes `nextRevision`.
 */
export interface ChainResumeView {
  asOf: string;
  head: { revision: number; period: string; sha256: string; receivedAt: string } | null;
  /** This copy's files the package does not list, oldest first; `mayBeInTransit` as in OfficeReceipt. */
  notReceived: { revision: number; period: string; createdAt: string; mayBeInTransit: boolean }[];
  nextRevision: number;
  resumed: boolean;
}

/**
 * The office's decision on a held file (main/services/held-decisions.ts): it keeps counting the other file the
 * department sent with the same revision.
 */
export interface HeldFileDecision {
  /** When the office decided (ISO). */
  decidedAt: string;
  /** The office's memo ('' when none). */
  note: string;
  /** The file counted instead was made on this copy too: its next revision continues that one. */
  countedMadeHere: boolean;
}

/**
 * 접수 확인: whether the planning office holds a submission file, as of its last baseline package (`asOf`): 반영
 * (accepted), 격리 until the department's key is approved (quarantined), held as a same-revision conflict, or
 * missing (refused or never arrived). For a missing file, `mayBeInTransit` says it was made less than a day
 * before the package (by two PCs' clocks, which differ) or after it, so it may simply not have arrived yet, and
 * `receivedUpTo` the highest revision of the half-year the office holds.
 */
export type OfficeReceipt =
  | { asOf: string; state: 'accepted' | 'quarantined'; receivedAt: string }
  | {
      asOf: string;
      state: 'held';
      receivedAt: string;
      /** The office decided to count the other file of the same revision instead (null: not decided yet). */
      keptOther: HeldFileDecision | null;
    }
  | {
      asOf: string;
      state: 'missing';
      receivedAt: null;
      mayBeInTransit: boolean;
      receivedUpTo: number | null;
    }
  /** Not received, and passed over: 이어 보내기 chained a later file of this copy onto an earlier one. */
  | { asOf: string; state: 'skipped'; receivedAt: null };
