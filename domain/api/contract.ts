import { z } from 'zod';
import type { Catalog } from '../catalog/types';
import type { Term } from '../term/types';
import type { Period } from '../term/periods';
import type { OfficeReport, StatusTableRow } from '../reports/types';
import type { InterruptedImportView } from '../reports/interrupted-import';
import type { PlanChangeField } from '../documents/change-apply';
import {
  DECISION_STATUSES,
  type AttachmentRef,
  type ChangeRequest,
  type DecisionStatus,
  DOCUMENT_KINDS,
  type Document,
  type ExecutionPlan,
  type FinanceTableRow,
  type ManagementCard,
  type Lifecycle,
  type ValidationResult,
} from '../documents';

/**
 * The one contract between the renderer and main: operation name → input schema → output type.
 * Main parses every input with these schemas (inputs arrive as `unknown`); handlers are typed from this map
 * and do not know whether they are called over IPC, over the browser-mode HTTP bridge, or from the CLI.
 */

/** Declares an operation's output type without a runtime schema (outputs are produced by trusted code). */
const returns = <T>() => undefined as unknown as T;
const op = <I extends z.ZodType, O>(input: I, output: O) => ({ input, output });

export const roleSchema = z.enum(['department', 'office']);
export type Role = z.infer<typeof roleSchema>;

/** The first-run choice: who uses this copy and where its data lives. */
export interface SetupState {
  configured: boolean;
  role: Role | null;
  /** The department (주관부서) this copy writes for; null for the planning office. */
  department: string | null;
  dataDir: string;
  defaultDataDir: string;
  /**
   * The data folder given when the program was started (--data): it opens at every start made so, whatever is
   * chosen here (another folder serves this run only). Null when none was given: the choice is then remembered.
   */
  startDataDir: string | null;
}

/** 데이터 백업: the checked copy written (see main/services/data-backup.ts). */
export interface DataBackup {
  path: string;
  bytes: number;
  createdAt: string;
}

/** 백업에서 복원: the data folder written from a backup file, and what the backup holds (see data-restore.ts). */
export interface RestoredBackup {
  dataDir: string;
  path: string;
  bytes: number;
  schemaVersion: number;
  /** Who used the copy the backup was taken from (its first-run choice), if it had made one. */
  role: Role | null;
  department: string | null;
  documents: number;
  receivedBundles: number;
  /** When the backup was made (from its seal); null for a backup made by an earlier version, which has none. */
  backupCreatedAt: string | null;
  /** 'verified': its content is as when it was made (the SHA-256 kept inside it); 'unchecked': nothing to check. */
  contentCheck: 'verified' | 'unchecked';
  /** Why it could not be checked, in Korean (an earlier version's backup); null when verified. */
  note: string | null;
}

/**
 * A full path: "C:\\…" or "C:/…" on Windows, "/…" elsewhere (a network path is refused later, by name). A relative
 * one would land wherever the program happened to start and look lost at the next start.
 */
export const isFullPath = (path: string): boolean => /^([A-Za-z]:[\\/]|\/|\\\\)/.test(path);

const fullPathSchema = (emptyMessage: string, subject: string) =>
  z
    .string()
    .trim()
    .min(1, emptyMessage)
    .refine(
      isFullPath,
      `${subject} 전체 경로로 입력하세요 (예: C:\\공약이행\\데이터 또는 /home/사용자/공약이행).`,
    );

export const restoreBackupInputSchema = z.strictObject({
  file: fullPathSchema('복원할 백업 파일을 입력하세요.', '백업 파일은'),
  dataDir: fullPathSchema('복원할 데이터 폴더를 입력하세요.', '데이터 폴더는'),
  /** Asked again after RESTORE_ROLE_CHANGE: the backup is another user's (role or department), and that is meant. */
  confirmRoleChange: z.boolean().optional(),
});

/**
 * Why the app started without its data (the recovery screen): the data folder's database file could not be read
 * (not a database, or damaged). The file is never changed; the screen offers a new data folder or another try.
 */
export interface StartupProblem {
  code: 'DATA_DIR_UNREADABLE';
  /**
   * 'unreadable': the data file is not a database or is damaged. 'missing' / 'empty': there is no data file, or it
   * has 0 bytes, while the folder still holds the program's files (`found`): a folder in use that lost its data.
   */
  kind: 'unreadable' | 'missing' | 'empty';
  /** For 'missing' and 'empty': what the folder holds, a line per kind with the names, in Korean; else empty. */
  found: string[];
  /** What is wrong and what the screen offers, in Korean (also the message of every operation refused meanwhile). */
  message: string;
  /** The file that could not be read, and its folder. */
  databasePath: string;
  dataDir: string;
  /** A folder beside it that holds no data yet, for 새 데이터 폴더로 시작. */
  suggestedDataDir: string;
  /** Whether a new folder is remembered for the next start (false when started with --data: this run only). */
  remembered: boolean;
  /** When the file was last tried (ISO), so another try that fails too is seen to have happened. */
  checkedAt: string;
}

export const newDataDirInputSchema = z.strictObject({
  dataDir: fullPathSchema('새 데이터 폴더를 입력하세요.', '데이터 폴더는'),
  /** A backup file (데이터 백업's) to restore into the new folder before it opens; none: an empty folder. */
  backupFile: fullPathSchema('복원할 백업 파일을 입력하세요.', '백업 파일은').optional(),
});
export type NewDataDirInput = z.infer<typeof newDataDirInputSchema>;

export interface AppInfo {
  version: string;
  /** 'electron' or 'browser': where the renderer runs. */
  mode: 'electron' | 'browser';
  databasePath: string;
  schemaVersion: number;
}

/**
 * 공약사업 목록 파일: an .xlsx with the catalog and the term (main/catalog/catalog-workbook.ts), as chosen on the
 * screen. 10 MB at most (base64 is 4/3 of it).
 */
export const catalogFileSchema = z.strictObject({
  name: z.string().max(255),
  dataBase64: z
    .string()
    .min(1, '공약사업 목록 파일이 비어 있습니다.')
    .max(Math.ceil((10 * 1024 * 1024) / 3) * 4, '공약사업 목록 파일은 10 MB까지 읽습니다.'),
});
export type CatalogFile = z.infer<typeof catalogFileSchema>;

/** What a 공약사업 목록 파일 holds, shown before a new data folder starts with it. */
export interface CatalogFileSummary {
  city: string;
  title: string;
  version: string;
  termName: string;
  /** "YYYY-MM". */
  termStart: string;
  termEnd: string;
  areas: number;
  corePledges: number;
  projects: number;
  /** Every department it names (lead or co-department), in Korean order: the choices of 주관부서. */
  departments: string[];
}

/** 공약사업 목록 바꾸기: what a list file changes against the office's list, and why it cannot be taken (if so). */
export interface CatalogChangePreview {
  summary: CatalogFileSummary;
  /** The 판 of the list in use: 바꾸기 sends it back, and is refused if the list changed meanwhile. */
  currentVersion: string;
  /** What differs, one line each ("세부사업 1-1-1 이름: … → …"); empty when nothing does. */
  lines: string[];
  /** Why the folder's data would not fit the new list; empty when it may be taken. */
  refusals: string[];
}

export const setupInputSchema = z.strictObject({
  role: roleSchema,
  department: z.string().trim().min(1).nullable(),
  dataDir: fullPathSchema('데이터 폴더를 입력하세요.', '데이터 폴더는'),
  /**
   * A new data folder starts with this file's catalog and term instead of the built-in ones (another city, the next
   * term); refused for a folder that already holds documents, files or keys.
   */
  catalogFile: catalogFileSchema.optional(),
  /** Asked again after IDENTITY_CHANGE: the folder holds another user's work, and the change is meant. */
  confirmIdentityChange: z.boolean().optional(),
});
export type SetupInput = z.infer<typeof setupInputSchema>;

const empty = z.strictObject({}).optional();

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

export interface AttachmentUploaded {
  sha256: string;
  name: string;
  mediaType: string;
  size: number;
}

export interface DerivedFinance {
  row: FinanceTableRow | null;
  /** Why there is no row yet (e.g. the plan is not confirmed). */
  missing: string | null;
}

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

/** 받은 제출 파일 점검 (main/services/archive-audit.ts): what no longer matches the kept signed files. */
export interface ArchiveProblem {
  /** The kept file's SHA-256 (its name in the archive), or "" for the data file itself. */
  bundleSha256: string;
  department: string;
  revision: number | null;
  fileName: string;
  problem: string;
}

export interface ArchiveAudit {
  checkedAt: string;
  /** SQLite's quick check findings, or null when the data file is sound. */
  integrity: string | null;
  /** Submission files kept (accepted, in quarantine and held). */
  files: number;
  /** Documents the accepted files carry, each compared with the stored row. */
  documents: number;
  problems: ArchiveProblem[];
  /** Problems found beyond those listed. */
  more: number;
  /** The office's data changed while the check ran (an import, a swap, a decision): a difference may be that. */
  changedDuring: boolean;
}

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
 * 접수 확인: whether the planning office holds a submission file, as of its last baseline package (`asOf`): 반영
 * (accepted), 격리 until the department's key is approved (quarantined), held as a same-revision conflict, or
 * missing (refused or never arrived). For a missing file, `mayBeInTransit` says it was made less than a day
 * before the package (by two PCs' clocks, which differ) or after it, so it may simply not have arrived yet, and
 * `receivedUpTo` the highest revision of the half-year the office holds.
 */
export type OfficeReceipt =
  | { asOf: string; state: 'accepted' | 'quarantined' | 'held'; receivedAt: string }
  | {
      asOf: string;
      state: 'missing';
      receivedAt: null;
      mayBeInTransit: boolean;
      receivedUpTo: number | null;
    }
  /** Not received, and passed over: 이어 보내기 chained a later file of this copy onto an earlier one. */
  | { asOf: string; state: 'skipped'; receivedAt: null };

export const saveDraftInputSchema = documentRefSchema.extend({
  json: z.unknown(),
  expectedVersion: z.number().int().nonnegative().nullable(),
});

export const ATTACHMENT_MEDIA_TYPES = [
  'image/png',
  'image/jpeg',
  'image/gif',
  'application/pdf',
  'application/haansofthwp',
  'application/x-hwp',
  'application/vnd.hancom.hwpx',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'text/plain',
] as const;
/** The largest submission bundle (photos and scanned clippings add up; the verifier refuses anything larger). */
export const BUNDLE_MAX_BYTES = 100 * 1024 * 1024;
/** Characters of `bytes` bytes in base64 (4 per 3 bytes, padded): how files travel inside API requests. */
export const base64Length = (bytes: number): number => Math.ceil(bytes / 3) * 4;

/** 20 MB per file: photos and scanned press clippings, not videos. */
export const ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024;

export const saveAttachmentInputSchema = z.strictObject({
  name: z.string().trim().min(1, '파일 이름이 없습니다.').max(255, '파일 이름은 255자 이내여야 합니다.'),
  mediaType: z.enum(ATTACHMENT_MEDIA_TYPES, {
    error: '첨부할 수 없는 파일 형식입니다 (사진 PNG·JPEG·GIF, PDF, 한글(HWP), 워드, 엑셀, 텍스트만 가능).',
  }),
  dataBase64: z.string().max(base64Length(ATTACHMENT_MAX_BYTES), '첨부파일은 20MB 이하만 가능합니다.'),
});

/**
 * An attached file read back by its SHA-256 (열기/내려받기): the office's from a document it received, a
 * department's from one of its own documents. `name`, when given, picks that name where documents cite the same
 * content under several.
 */
export const readAttachmentInputSchema = z.strictObject({
  sha256: z.string().regex(/^[0-9a-f]{64}$/, '첨부 파일의 SHA-256 (소문자 16진수 64자리)이 아닙니다.'),
  name: z.string().max(255).optional(),
  /**
   * The project whose document the screen shows the file in: the office looks among that project's received
   * documents first (an index look-up) and through all of them only when none there cites it. Only a hint: it
   * never lets a file through that no received document cites.
   */
  projectId: documentRefSchema.shape.projectId.optional(),
});

// ---------------------------------------------------------------------------------------------------------------
// Signed bundles: keys, submission export and import (office), baseline packages (office → department)

export interface KeyStatusView {
  hasKey: boolean;
  role: Role | null;
  department: string | null;
  keyId: string | null;
  /** Read aloud over the phone to confirm an enrollment ("7KQ2-M9XD-…"). */
  fingerprint: string | null;
  createdAt: string | null;
  /** Where the private key is kept, and what protects it (Korean, for the settings screen). */
  store: 'file' | 'safeStorage' | null;
  protection: string | null;
  /**
   * Why the current key's private half cannot be read on this PC (its file gone after a restore onto another PC,
   * or unreadable), or null when it can. `privateKeyLost`: it cannot be used again here (a new key replaces it);
   * false for a problem the user can fix in place (a key file other users may read).
   */
  privateKeyProblem: string | null;
  privateKeyLost: boolean;
  trustedOfficeKeys: { keyId: string; fingerprint: string; status: 'approved' | 'revoked' }[];
}

export interface EnrollmentExported {
  path: string;
  /** The enrollment file's text (browser mode can offer it as a download). */
  text: string;
  keyId: string;
  fingerprint: string;
  department: string;
}

export interface RegistryKeyView {
  department: string;
  keyId: string;
  role: Role;
  fingerprint: string;
  status: 'pending' | 'approved' | 'retired' | 'revoked';
  validFrom: string;
  enrolledAt: string;
  approvedAt: string | null;
  revokedAt: string | null;
  replacesKeyId: string | null;
}

/** A registered key's status as the screens and the CLI say it. */
export const KEY_STATUS_LABELS: Record<RegistryKeyView['status'], string> = {
  pending: '승인 대기',
  approved: '승인',
  retired: '교체됨',
  revoked: '폐기',
};

/** One file's outcome in an import. */
export interface BundleImportResult {
  file: string;
  status: 'accepted' | 'duplicate' | 'quarantined' | 'held' | 'rejected';
  code: string;
  /** Korean: which member, field, project or revision. */
  reason: string;
  department: string | null;
  /** The half-year ("2019-H1") or 'plan'; null when nothing could be read from the file. */
  period: string | null;
  /**
   * True when department and period are only what the file's manifest claims (its signature failed or its key is
   * unknown): shown marked as unverified, never relied on.
   */
  unverified: boolean;
  revision: number | null;
  sha256: string | null;
  documents: number;
  /** Field-level problems for a rejected document: "documents/…json: path" → message. */
  details?: Record<string, string> | undefined;
  /**
   * accepted: its documents that 제출 현황 counts late — first arrived with this file, after the half-year's due
   * date (office-local date of the receipt, as the report judges). Absent when none.
   */
  late?: { dueDate: string; documents: number } | undefined;
  /**
   * accepted: conflicts on this file's cards that wait for the office's decision (종합 현황 › 충돌), as the report
   * lists them after the import. Absent when none.
   */
  conflicts?: number | undefined;
}

/** getImportNotes: an accepted file's notes, by its SHA-256 (see BundleImportResult's `late` and `conflicts`). */
export interface ImportNoteView {
  sha256: string;
  late?: { dueDate: string; documents: number } | undefined;
  conflicts?: number | undefined;
}

export interface KeyImported {
  /** 'registry' (office: pending department key), 'trustedOffice' (department: office key), 'rotation'. */
  kind: 'registry' | 'trustedOffice' | 'rotation';
  department: string;
  keyId: string;
  fingerprint: string;
  status: 'pending' | 'approved' | 'retired' | 'revoked';
  alreadyKnown: boolean;
  /** Quarantined bundles imported because the key is now approved (rotation). */
  released: BundleImportResult[];
}

export interface KeyApproved {
  key: RegistryKeyView;
  /** Quarantined bundles re-verified and imported now that the key is approved. */
  released: BundleImportResult[];
}

export interface BundleExported {
  path: string;
  fileName: string;
  revision: number;
  /**
   * The revision of the file this one names as its previous (null: none, a first file): one below `revision`, or
   * after 이어 보내기 the office's last accepted file.
   */
  previousRevision: number | null;
  sha256: string;
  period: string;
  documents: { kind: DocumentRef['kind']; projectId: string; slot: string; path: string }[];
  attachments: number;
  /** Documents left out because of errors: which one and its first error. */
  refused: { kind: DocumentRef['kind']; projectId: string; slot: string; document: string; error: string }[];
}

export interface ImportJobView {
  jobId: string;
  done: number;
  total: number;
  finished: boolean;
  results: BundleImportResult[] | null;
  error: string | null;
}

export interface ReceivedBundleView {
  sha256: string;
  department: string;
  keyId: string;
  period: string;
  revision: number;
  createdAt: string;
  importedAt: string;
  /** The 접수일 the office gave at the import (YYYY-MM-DD), or null: received when imported. */
  receivedOn: string | null;
  status: 'accepted' | 'quarantined';
  fileName: string;
  reasonCode: string;
  reason: string;
  documents: number;
}

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
  /**
   * Projects this department led that a move (부서 이관) gave to another lead from `fromPeriodId`, with how many of
   * this PC's documents still being written can no longer be sent from here.
   */
  movedAway: { projectId: string; projectName: string; fromPeriodId: string; to: string; drafts: number }[];
}

const keyIdInputSchema = z.strictObject({
  keyId: z.string().regex(/^[0-9a-f]{16}$/, '키 ID는 16자리 소문자 16진수입니다.'),
  department: z.string().min(1).optional(),
});
/**
 * The text of a key enrollment file or rotation statement (under 2 KB); a longer text is some other file (a
 * .pledge package read as text), said so in the words of the screen.
 */
const keyFileTextSchema = z
  .string()
  .min(
    1,
    "빈 파일입니다: 키 등록 파일('키등록_(부서)_(키 ID).pledgekey.json' 같은 이름의 .json 파일)을 고르세요.",
  )
  .max(
    20_000,
    "키 등록 파일이 아닙니다 (너무 큽니다): 키 등록 파일은 '키등록_(부서)_(키 ID).pledgekey.json' 같은 이름의 작은 .json 파일입니다. 기준 자료·제출 파일(.pledge)은 여기서 고르지 않습니다.",
  );
const filePathSchema = z.string().trim().min(1, '파일 경로를 입력하세요.').max(4096);
const bundleDataSchema = z.strictObject({
  name: z.string().trim().min(1).max(255),
  dataBase64: z
    .string()
    .max(
      base64Length(BUNDLE_MAX_BYTES),
      `제출 파일은 ${BUNDLE_MAX_BYTES / (1024 * 1024)}MB 이하만 가져올 수 있습니다.`,
    ),
});
/**
 * The date the office received the files it imports now (접수일), when that was earlier: the day they came on the
 * share, by mail or on a USB stick. Absent: received when imported.
 */
const receivedOnSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '접수일은 2020-07-15처럼 연-월-일로 입력하세요.')
  .optional();
const bundlePeriodSchema = z.union([
  z.literal('plan'),
  z.string().regex(/^\d{4}-H[12]$/, '기간은 plan 또는 "2019-H1" 형식입니다.'),
]);

// The planning office (issue 5): consolidated report, workbook, decisions.

export const periodIdInputSchema = z.string().regex(/^\d{4}-H[12]$/, '반기는 "2019-H1" 형식입니다.');
export const officeDecisionSchema = z.enum(['accepted', 'rejected']);
export const reportRequestSchema = z
  .strictObject({
    periodId: periodIdInputSchema,
    comparePeriodId: periodIdInputSchema.optional(),
    executionRateThreshold: z
      .number()
      .min(0, '0~1 사이 비율입니다.')
      .max(1, '0~1 사이 비율입니다.')
      .optional(),
    today: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .optional(),
  })
  // The comparison goes from an earlier half-year to the one reported: with itself every project would read
  // "unchanged", with a later one every 개선 would read 악화 ("2019-H1" ids order as the half-years do).
  .refine((r) => r.comparePeriodId === undefined || r.comparePeriodId < r.periodId, {
    path: ['comparePeriodId'],
    message: '비교 반기는 보고 반기보다 앞선 반기를 고르세요.',
  });
export type ReportRequest = z.infer<typeof reportRequestSchema>;

import type { PlanConfirmationRow, PlansConfirmed } from '../plans/confirmation';
export type { PlanConfirmationRow };

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

/** A department's request to mark a project 완료, with what it sent as evidence and the office's decision. */
export interface CompletionRequestView {
  projectId: string;
  department: string;
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

/**
 * 이행 추이: each half-year of the term up to the one asked, with the status counts its own 종합 현황 shows (the same
 * report, with the office's decisions of that half-year): the whole and by area.
 */
export interface StatusTrendRow {
  periodId: string;
  /** "2019년 상반기". */
  label: string;
  /** Its cards are not due yet (미제출 reads 미접수). */
  beforeDue: boolean;
  total: StatusTableRow;
  byArea: StatusTableRow[];
}

export interface StatusTrend {
  periodId: string;
  rows: StatusTrendRow[];
}

export interface OfficeReportView {
  report: OfficeReport;
  conflicts: Conflict[];
  /** 완료 requests of this half-year and the office's decision on each. */
  completionRequests: CompletionRequestView[];
  /** Change requests not yet approved or rejected, with the office's decisions so far. */
  pendingChangeRequests: ChangeRequest[];
  /** Per pending request (`${department}|${requestId}`), what approving it would do to the confirmed plan. */
  pendingChangeEffects: Record<string, PlanChangePreview>;
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

/** 작성 문서 파일: a department's drafts carried between its own PCs (not signed: the key holder's PC sends). */
export const draftFileSchema = z.strictObject({
  name: z.string().max(255),
  dataBase64: z
    .string()
    .min(1, '작성 문서 파일이 비어 있습니다.')
    .max(
      base64Length(BUNDLE_MAX_BYTES),
      `작성 문서 파일은 ${BUNDLE_MAX_BYTES / (1024 * 1024)}MB까지 읽습니다. 사진이 많으면 사업을 나눠 내보내세요.`,
    ),
});
export type DraftFile = z.infer<typeof draftFileSchema>;

/**
 * What taking one document of a 작성 문서 파일 would do here: `new` (none here), `replace` (this PC's is older),
 * `localNewer` (this PC's was saved after the file's: not taken unless chosen), `same` (nothing to take) or
 * `refused` (with why: another department's project, a confirmed plan, a document that does not read).
 */
export type DraftImportAction = 'new' | 'replace' | 'localNewer' | 'same' | 'refused';

export interface DraftImportRow {
  /** The document's member path in the file: what an import names to take it. */
  path: string;
  kind: DocumentRef['kind'];
  projectId: string;
  projectName: string;
  slot: string;
  /** "관리카드 2019년 상반기", "조정 요청서 (사업기간 변경)". */
  title: string;
  /** When it was last saved on the PC that made the file (ISO). */
  fileSavedAt: string;
  /** This PC's copy: its version (the import checks it is still the same) and when it was saved. */
  local: { version: number; savedAt: string; status: 'draft' | 'submitted' | 'confirmed' } | null;
  action: DraftImportAction;
  /** Why it is refused, or what to know before taking it. */
  note: string | null;
  /** Errors and warnings the document has as the forms check it (it is taken all the same, as a draft). */
  errors: number;
  warnings: number;
}

export interface DraftImportPreview {
  fileName: string;
  department: string;
  /** When the file was made, and by which version of the program. */
  createdAt: string;
  appVersion: string;
  rows: DraftImportRow[];
  attachments: number;
}

export interface DraftImportResult {
  imported: { path: string; title: string; projectId: string }[];
  attachments: number;
}

export const draftImportInputSchema = draftFileSchema.extend({
  /** The documents chosen, by member path, each with the version of this PC's copy the preview showed (null: none). */
  take: z
    .array(
      z.strictObject({
        path: z.string().min(1).max(300),
        localVersion: z.number().int().positive().nullable(),
      }),
    )
    .min(1, '가져올 문서를 하나 이상 고르세요.')
    .max(5000),
});

export interface FileDownload {
  fileName: string;
  mediaType: string;
  dataBase64: string;
}

export const contract = {
  getAppInfo: op(empty, returns<AppInfo>()),
  getSetup: op(empty, returns<SetupState>()),
  saveSetup: op(setupInputSchema, returns<SetupState>()),
  backupData: op(
    z.strictObject({ folder: z.string().trim().min(1).max(1000).optional() }),
    returns<DataBackup>(),
  ),
  restoreBackup: op(restoreBackupInputSchema, returns<RestoredBackup>()),
  /** Null once the data is open; the problem while the app runs on the recovery screen (startup-recovery.ts). */
  getStartupProblem: op(empty, returns<StartupProblem | null>()),
  /** Recovery: a new, empty data folder opened in place of the unreadable one (and remembered); its first run. */
  startWithNewDataDir: op(newDataDirInputSchema, returns<SetupState>()),
  /** Recovery: the same data folder tried again; null once it opened, else the problem as it is now. */
  retryStartup: op(empty, returns<StartupProblem | null>()),
  getCatalog: op(empty, returns<Catalog>()),
  getTerm: op(empty, returns<Term>()),
  /** The program's date in Korea (its clock: PLEDGE_NOW in a training session, never the PC's time zone). */
  getToday: op(empty, returns<{ today: string }>()),
  /** 공약사업 목록 파일 내보내기: the catalog and term in use, as the .xlsx a new folder can start from. */
  exportCatalogWorkbook: op(empty, returns<FileDownload>()),
  /** A 공약사업 목록 파일 checked, before 처음 설정 uses it; every problem named (CATALOG_FILE_INVALID). */
  checkCatalogFile: op(catalogFileSchema, returns<CatalogFileSummary>()),
  /** Office: 공약사업 목록 바꾸기, first shown (nothing stored). */
  previewCatalogChange: op(catalogFileSchema, returns<CatalogChangePreview>()),
  /** Office: the file taken as the list, all or nothing, if the list in use is still `currentVersion`. */
  applyCatalogChange: op(
    catalogFileSchema.extend({ currentVersion: z.string().min(1) }),
    returns<{ version: string; changes: number }>(),
  ),
  listMyDocuments: op(empty, returns<DocumentSummary[]>()),
  openDocument: op(documentRefSchema, returns<OpenedDocument>()),
  saveDraft: op(saveDraftInputSchema, returns<SavedDocument>()),
  submitDocument: op(
    documentRefSchema.extend({ expectedVersion: z.number().int().positive() }),
    returns<SavedDocument>(),
  ),
  confirmDocument: op(documentRefSchema.extend({ department: z.string().min(1) }), returns<SavedDocument>()),
  /**
   * Where a new change request of the project goes: "cr-" and the moment it is started (13-digit milliseconds) by
   * the program's clock (PLEDGE_NOW in a training session), never the PC's. Nothing is stored until it is saved.
   */
  newChangeRequestRef: op(documentRefSchema.pick({ projectId: true }), returns<DocumentRef>()),
  /** A change request never submitted, deleted with its versions (a started one the department gives up). */
  discardDraft: op(documentRefSchema, returns<{ discarded: true }>()),
  /** 작성 문서 파일 만들기: this department's documents of these projects (confirmed plans are the office's). */
  exportDraftFile: op(
    z.strictObject({
      projectIds: z.array(documentRefSchema.shape.projectId).min(1, '내보낼 사업을 고르세요.'),
    }),
    returns<FileDownload>(),
  ),
  previewDraftFile: op(draftFileSchema, returns<DraftImportPreview>()),
  importDraftFile: op(draftImportInputSchema, returns<DraftImportResult>()),
  listDocumentVersions: op(documentRefSchema, returns<VersionSummary[]>()),
  restoreDocumentVersion: op(
    documentRefSchema.extend({
      version: z.number().int().positive(),
      expectedVersion: z.number().int().positive(),
    }),
    returns<SavedDocument>(),
  ),
  saveAttachment: op(saveAttachmentInputSchema, returns<AttachmentUploaded>()),
  /** An attached file's bytes, name and type, to save from the screen (열기/내려받기). */
  readAttachment: op(readAttachmentInputSchema, returns<FileDownload>()),
  getDerivedFinance: op(
    z.strictObject({
      projectId: documentRefSchema.shape.projectId,
      periodId: z.string().regex(/^\d{4}-H[12]$/),
    }),
    returns<DerivedFinance>(),
  ),
  getDeadlines: op(
    z
      .strictObject({
        today: z
          .string()
          .regex(/^\d{4}-\d{2}-\d{2}$/)
          .optional(),
      })
      .optional(),
    returns<DeadlineView>(),
  ),
  getKeyStatus: op(empty, returns<KeyStatusView>()),
  initKeys: op(empty, returns<KeyStatusView & { created: boolean; replacedKeyId: string | null }>()),
  exportEnrollment: op(
    z.strictObject({ path: filePathSchema.optional() }).optional(),
    returns<EnrollmentExported>(),
  ),
  rotateOwnKey: op(
    z.strictObject({ path: filePathSchema.optional() }).optional(),
    returns<{ path: string; oldKeyId: string; keyId: string; fingerprint: string }>(),
  ),
  listRegistryKeys: op(empty, returns<RegistryKeyView[]>()),
  /** What an enrollment file holds (checked, nothing stored): the fingerprint to compare before trusting it. */
  previewEnrollment: op(
    z.strictObject({ text: keyFileTextSchema }),
    returns<{ role: Role; department: string; keyId: string; fingerprint: string }>(),
  ),
  importEnrollment: op(z.strictObject({ text: keyFileTextSchema }), returns<KeyImported>()),
  /** Department: stops trusting an office key for baseline packages (cannot be undone). */
  withdrawOfficeKeyTrust: op(keyIdInputSchema.pick({ keyId: true }), returns<KeyStatusView>()),
  approveKey: op(keyIdInputSchema, returns<KeyApproved>()),
  revokeKey: op(keyIdInputSchema, returns<RegistryKeyView>()),
  exportBundle: op(
    z.strictObject({
      period: bundlePeriodSchema,
      projectIds: z.array(documentRefSchema.shape.projectId).max(500).optional(),
      path: filePathSchema.optional(),
    }),
    returns<BundleExported>(),
  ),
  /** Department: the submission files this copy made, newest first, each with its 접수 확인. */
  listSentBundles: op(empty, returns<SentBundleView[]>()),
  /**
   * A 제출 파일 or 기준 자료 this copy made, by revision, as bytes to save from the screen (내려받기: in browser
   * mode the page cannot open the program's outbox). Refused when the file is gone or changed since it was made.
   */
  readMadeFile: op(
    z.strictObject({
      type: z.enum(['pledge-submission', 'pledge-baseline']),
      revision: z.number().int().positive(),
    }),
    returns<FileDownload>(),
  ),
  /** Department: whether the next file should be chained onto the office's last accepted one (이어 보내기). */
  getChainResume: op(empty, returns<ChainResumeView | null>()),
  /** Department: chains the next file onto the office's last accepted one, the file the person was shown. */
  resumeChain: op(
    z.strictObject({
      headSha256: z
        .string()
        .regex(/^[0-9a-f]{64}$/)
        .nullable(),
    }),
    returns<ChainResumeView>(),
  ),
  importBundleFiles: op(
    z.strictObject({
      paths: z.array(filePathSchema).min(1, '가져올 파일이나 폴더를 고르세요.').max(5000),
      receivedOn: receivedOnSchema,
    }),
    returns<BundleImportResult[]>(),
  ),
  importBundleData: op(
    z.strictObject({
      files: z.array(bundleDataSchema).min(1, '가져올 파일을 고르세요.').max(200),
      receivedOn: receivedOnSchema,
    }),
    returns<BundleImportResult[]>(),
  ),
  startBundleImport: op(
    z
      .strictObject({
        paths: z.array(filePathSchema).max(5000).optional(),
        files: z.array(bundleDataSchema).max(200).optional(),
        receivedOn: receivedOnSchema,
      })
      .refine((v) => (v.paths?.length ?? 0) + (v.files?.length ?? 0) > 0, '가져올 파일이나 폴더를 고르세요.'),
    returns<ImportJobView>(),
  ),
  getImportProgress: op(z.strictObject({ jobId: z.string().uuid() }), returns<ImportJobView>()),
  /**
   * What 종합 현황 now says of accepted files (지연, new 충돌), asked once an import's results are shown: read from the
   * report, outside the import, so a large import does not wait for every half-year's tables.
   */
  getImportNotes: op(
    z.strictObject({ sha256s: z.array(z.string().regex(/^[0-9a-f]{64}$/)).max(100_000) }),
    returns<ImportNoteView[]>(),
  ),
  /** Office: imports cut off midway (the program closed, the PC switched off) not yet seen. */
  getInterruptedImports: op(empty, returns<InterruptedImportView[]>()),
  /** Office: the notices of these imports cut off are seen; returns how many were marked. */
  acknowledgeInterruptedImports: op(
    z.strictObject({ ids: z.array(z.number().int().positive()).min(1).max(1000) }),
    returns<number>(),
  ),
  listBundles: op(
    z.strictObject({ status: z.enum(['accepted', 'quarantined']).optional() }).optional(),
    returns<ReceivedBundleView[]>(),
  ),
  listReceivedDocuments: op(
    z
      .strictObject({
        projectId: documentRefSchema.shape.projectId.optional(),
        department: z.string().min(1).optional(),
      })
      .optional(),
    returns<ReceivedDocumentView[]>(),
  ),
  /** 받은 제출 파일 점검: the kept files and the stored documents checked again; writes nothing. */
  auditArchive: op(empty, returns<ArchiveAudit>()),
  exportBaseline: op(
    z.strictObject({ path: filePathSchema.optional() }).optional(),
    returns<BaselineExported>(),
  ),
  applyBaseline: op(
    z.union([z.strictObject({ path: filePathSchema }), bundleDataSchema]),
    returns<BaselineApplied>(),
  ),
  /** Department: the last 기준 자료 applied on this copy (its 회차, SHA-256 and when), or null before the first. */
  getAppliedBaseline: op(empty, returns<AppliedBaseline | null>()),
  /**
   * The half-year the report screen opens on: the latest one an accepted bundle reports on, else the one whose
   * cards are due next by the program's clock, else the term's last.
   */
  getDefaultReportPeriod: op(empty, returns<{ periodId: string }>()),
  getOfficeReport: op(reportRequestSchema, returns<OfficeReportView>()),
  /** 이행 추이: the status counts of every half-year up to the one asked (each built as its own 종합 현황). */
  getStatusTrend: op(reportRequestSchema, returns<StatusTrend>()),
  /** 이행 추이 as an .xlsx (반기별 추진현황, 분야별 완료율 추이). */
  exportTrendWorkbook: op(reportRequestSchema, returns<FileDownload>()),
  /**
   * The counter every committed change to the report's data moves (an import, a decision, a key — from this
   * window, the command line or another program): the 종합 현황 screen reads it when the window comes back to
   * the front, and builds its tables again only if it moved.
   */
  getDataGeneration: op(empty, returns<{ generation: number }>()),
  exportReportWorkbook: op(reportRequestSchema, returns<FileDownload>()),
  /** The public report (index.html and the open-data CSV files) as one zip to download. */
  exportPublicReport: op(reportRequestSchema, returns<FileDownload>()),
  publishReport: op(
    reportRequestSchema.extend({ outDir: z.string().trim().min(1, '저장할 폴더를 입력하세요.') }),
    returns<{ files: string[] }>(),
  ),
  /** A project's plan, cards, 재정집행 현황 and change requests as the office holds them (받은 문서). */
  getProjectDocuments: op(
    z.strictObject({ projectId: documentRefSchema.shape.projectId }),
    returns<ProjectDocumentsView>(),
  ),
  /**
   * The cards a department (without one: every department) sent for a half-year, as the report counts them (받은
   * 관리카드 모아 인쇄).
   */
  getDepartmentCards: op(
    z.strictObject({
      periodId: periodIdInputSchema,
      department: z.string().trim().min(1, '부서를 고르세요.').max(100).optional(),
    }),
    returns<DepartmentCardsView>(),
  ),
  /**
   * The plans the office confirmed (approved changes applied) of the projects a department leads (without one:
   * every project), in the catalog's order: 확정된 실천계획서 모아 인쇄.
   */
  getConfirmedPlans: op(
    z.strictObject({ department: z.string().trim().min(1, '부서를 고르세요.').max(100).optional() }),
    returns<{ plans: ExecutionPlan[] }>(),
  ),
  confirmReceivedPlan: op(
    z.strictObject({ projectId: documentRefSchema.shape.projectId }),
    returns<{ projectId: string }>(),
  ),
  listPlanConfirmations: op(z.strictObject({}).optional(), returns<PlanConfirmationRow[]>()),
  confirmReceivedPlans: op(
    z.strictObject({
      projectIds: z
        .array(documentRefSchema.shape.projectId)
        .min(1, '확정할 실천계획서를 고르세요.')
        .max(10_000),
    }),
    returns<PlansConfirmed>(),
  ),
  resolveConflict: op(
    z
      .strictObject({
        key: z.string().min(1).max(300),
        projectId: documentRefSchema.shape.projectId,
        periodId: periodIdInputSchema,
        decision: officeDecisionSchema,
        note: z.string().max(2000),
      })
      .superRefine((v, ctx) => {
        const refusal = conflictNoteRefusal(v.key, v.decision, v.note);
        if (refusal !== null) ctx.addIssue({ code: 'custom', message: refusal, path: ['note'] });
      }),
    returns<{ key: string; decision: 'accepted' | 'rejected' }>(),
  ),
  /** The held one of two same-revision bundles counts instead of the accepted one (which is held in its place). */
  swapHeldBundle: op(
    z.strictObject({
      sha256: z.string().regex(/^[0-9a-f]{64}$/, '파일의 SHA-256 (16진수 64자리)이 아닙니다.'),
      note: z.string().max(2000),
    }),
    returns<{ accepted: string; held: string; department: string; revision: number }>(),
  ),
  decideCompletion: op(
    z
      .strictObject({
        projectId: documentRefSchema.shape.projectId,
        periodId: periodIdInputSchema,
        decision: officeDecisionSchema,
        note: z.string().max(2000),
        /** The card decided on, as the request showed it (CompletionRequestView.cardBundleSha256); else the current one. */
        cardBundleSha256: z
          .string()
          .regex(/^[0-9a-f]{64}$/, '파일의 SHA-256 (16진수 64자리)이 아닙니다.')
          .optional(),
      })
      .refine((v) => v.decision !== 'rejected' || v.note.trim() !== '', {
        message: REJECTION_NOTE_MESSAGE,
        path: ['note'],
      }),
    returns<{ projectId: string; decision: 'accepted' | 'rejected' }>(),
  ),
  /**
   * Takes back the office's 완료 decision recorded for this half-year (결정 취소): the request waits for the
   * office again (결정 대기), as before any decision. Recorded as an entry of the decision history (when, and the
   * note), never by deleting the decision.
   */
  withdrawCompletionDecision: op(
    z.strictObject({
      projectId: documentRefSchema.shape.projectId,
      periodId: periodIdInputSchema,
      note: z.string().max(2000),
    }),
    returns<{ projectId: string; withdrawn: 'accepted' | 'rejected' }>(),
  ),
  decideChangeRequest: op(
    z
      .strictObject({
        department: z.string().min(1),
        requestId: z.string().min(1).max(64),
        status: z.enum(DECISION_STATUSES),
        date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '날짜는 YYYY-MM-DD 형식입니다.'),
        by: z.string().trim().min(1, '결정한 사람(기관)을 입력하세요.').max(100),
        note: z.string().max(5000),
      })
      .refine((v) => v.status !== 'rejected' || v.note.trim() !== '', {
        message: REJECTION_NOTE_MESSAGE,
        path: ['note'],
      }),
    returns<ChangeRequest>(),
  ),
};

export type Contract = typeof contract;
export type OperationName = keyof Contract;
export type OperationInput<K extends OperationName> = z.input<Contract[K]['input']>;
export type ParsedInput<K extends OperationName> = z.output<Contract[K]['input']>;
export type OperationOutput<K extends OperationName> = Contract[K]['output'];

/** What the renderer calls: `window.api.getCatalog()`. */
export type AppApi = {
  [K in OperationName]: (input?: OperationInput<K>) => Promise<OperationOutput<K>>;
};

/** What main implements. */
export type Handlers = {
  [K in OperationName]: (input: ParsedInput<K>) => OperationOutput<K> | Promise<OperationOutput<K>>;
};

/** A failure the user can act on: a code for programs and a Korean message for people. */
export interface ApiError {
  code: string;
  message: string;
  /** Per-field or per-item messages, e.g. { "finance.0.amount": "음수는 입력할 수 없습니다." }. */
  details?: Record<string, string> | undefined;
}
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };
