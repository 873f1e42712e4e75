// Baseline packages (기준 자료, office → department): made by the office, applied by a department.

export interface BaselineExported {
  path: string;
  revision: number;
  sha256: string;
  plans: number;
  /** Approved change requests in the package. */
  changeRequests: number;
  /** Rejected ones, sent so that their departments learn the decision and its reason. */
  rejectedChangeRequests: number;
  /** Submission files listed as received (접수 확인), every department's. */
  receipts: number;
  /** Moved projects' last cards from their former leads (인계, 부서 이관). */
  handoverCards: number;
  /** The office's decisions on cards (완료 승인·반려, 관리카드 제외) that stand, every department's. */
  cardDecisions: number;
  /** Held same-revision files the office decided to keep out (the other file counts), every department's. */
  heldDecisions: number;
}

/** The 기준 자료 a department copy applied last, as it recorded it. */
export interface AppliedBaseline {
  revision: number;
  sha256: string;
  appliedAt: string;
}

export interface BaselineApplied {
  status: 'applied' | 'duplicate';
  revision: number;
  sha256: string;
  plans: number;
  /** Approved change requests applied; rejected ones are stored too, with the office's reason. */
  changeRequests: number;
  rejectedChangeRequests: number;
  catalogVersion: string;
  /** This department's submission files the office listed as received; null for a package without the list. */
  receipts: number | null;
  /** When the office made the package (the receipts are as of then); null for a package without the list. */
  receiptsAsOf: string | null;
  /** Former leads' cards of the projects this department took over (인계), to start its first cards from. */
  handoverCards: number;
  /** The office's decisions on this department's cards (완료 승인·반려, 관리카드 제외) the package carried. */
  cardDecisions: number;
  /** This department's held same-revision files the office decided to keep out (the other file counts). */
  heldDecisions: number;
  /**
   * Projects this department led that a move (부서 이관) gave to another lead from `fromPeriodId`, with how many of
   * this PC's documents still being written can no longer be sent from here.
   */
  movedAway: { projectId: string; projectName: string; fromPeriodId: string; to: string; drafts: number }[];
}
