// The contract's document views and inputs: which document, opened, saved, listed, its versions, its 재정 row.
import { z } from 'zod';
import {
  type DecisionStatus,
  DOCUMENT_KINDS,
  type Document,
  type ExecutionPlan,
  type FinanceTableRow,
  type Lifecycle,
  type ValidationResult,
} from '../../documents';

export const documentKindSchema = z.enum(DOCUMENT_KINDS);
/** Which document: the plan once per project ('plan'), cards and finance rows per half-year, requests by id. */
export const documentRefSchema = z.strictObject({
  kind: documentKindSchema,
  projectId: z.string().regex(/^\d+-\d+-\d+$/, '세부사업 번호는 "1-1-1" 형식입니다.'),
  slot: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, '문서 구분값이 올바르지 않습니다.'),
});
export type DocumentRef = z.infer<typeof documentRefSchema>;

export interface OpenedDocument {
  ref: DocumentRef;
  /** 'new' until the first save. */
  status: Lifecycle | 'new';
  version: number | null;
  updatedAt: string | null;
  document: Document;
  validation: ValidationResult;
  /** Confirmed documents are read-only; cards also show the plan's frozen fields read-only. */
  readOnly: boolean;
  /** For a card: the confirmed plan it copies its frozen fields from. */
  confirmedPlan: ExecutionPlan | null;
  /**
   * For a card held to an earlier version of the plan than the current confirmed one (its half-year ended before
   * the plan's frozen fields changed: an approved 조정 요청서, a plan confirmed again; the office holds it there
   * too): the items changed since, as named to the person ("정책목표", "사업기간", …). Empty otherwise.
   */
  laterPlanChanges: string[];
}

export interface SavedDocument {
  ref: DocumentRef;
  status: Lifecycle;
  version: number;
  updatedAt: string;
  validation: ValidationResult;
}

export interface DocumentSummary {
  ref: DocumentRef;
  department: string;
  projectName: string;
  status: Lifecycle;
  version: number;
  updatedAt: string;
  errorCount: number;
  warningCount: number;
  /**
   * Why a submission file leaves the document out even when it has no errors (a change request not yet 제출'd:
   * heldBackReason), else null. The 제출 파일 preview marks it before the file is made.
   */
  heldBack: string | null;
  /** What a change request asks to change (changeRequestSubject: "사업기간 변경"); null for the other documents. */
  subject: string | null;
  /** A change request's current step (승인, 반려, … as the office's package brought it); null for the others. */
  decision: DecisionStatus | null;
}

export interface VersionSummary {
  version: number;
  status: Lifecycle;
  savedAt: string;
  reason: string;
  document: Document;
}

export interface DerivedFinance {
  row: FinanceTableRow | null;
  /** Why there is no row yet (e.g. the plan is not confirmed). */
  missing: string | null;
}

export const saveDraftInputSchema = documentRefSchema.extend({
  json: z.unknown(),
  expectedVersion: z.number().int().nonnegative().nullable(),
});
