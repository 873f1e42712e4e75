// What the office received, as documents: by project (받은 문서) and a half-year's cards by department.
import type { Document, ManagementCard } from '../../documents';
import type { DocumentRef } from './documents';

export interface ReceivedDocumentView {
  kind: DocumentRef['kind'];
  projectId: string;
  slot: string;
  department: string;
  revision: number;
  bundleSha256: string;
  receivedAt: string;
  json: unknown;
}

/**
 * A project's document as the planning office holds it, to be read in its official layout (공약 목록 → 받은 문서).
 * `source`: the plan as the office confirmed it (approved changes applied); a change request as the office records
 * it (its decisions included); else what a department's submission file brought (the newest accepted revision).
 */
export interface ProjectDocumentView {
  kind: DocumentRef['kind'];
  /** 'plan', a half-year ("2019-H1") or a change request's id. */
  slot: string;
  department: string;
  source:
    | { kind: 'confirmed' }
    | { kind: 'officeRecord' }
    | { kind: 'received'; revision: number; receivedAt: string };
  document: Document;
  /**
   * What the same department sent of this document in earlier files (accepted, each superseded by a later one),
   * newest first: kept as history, not counted.
   */
  earlier: { revision: number; receivedAt: string; document: Document }[];
}

export interface ProjectDocumentsView {
  projectId: string;
  /** The plan, then the cards and 재정집행 현황 newest half-year first (the lead's before others'), then requests. */
  documents: ProjectDocumentView[];
  /** Stored documents this version cannot read (a later version's), named rather than dropped in silence. */
  unreadable: { kind: DocumentRef['kind']; slot: string; department: string; problem: string }[];
}

/** A lead department's card of a half-year as the office counts it: the newest revision from an accepted file. */
export interface ReceivedCardView {
  projectId: string;
  revision: number;
  receivedAt: string;
  card: ManagementCard;
}

/** 받은 관리카드 모아 인쇄: the cards one department (or every one) sent for a half-year, for the projects it leads. */
export interface DepartmentCardsView {
  /** Null: every department's. */
  department: string | null;
  periodId: string;
  /** In the catalog's order; projects without a card are absent. */
  cards: ReceivedCardView[];
  /** Stored cards this version cannot read, named rather than dropped in silence. */
  unreadable: { projectId: string; problem: string }[];
}
