import { z } from 'zod';
import type { Catalog } from '../catalog/types';
import type { Term } from '../term/types';
import type { Period } from '../term/periods';
import {
  DOCUMENT_KINDS,
  type Document,
  type ExecutionPlan,
  type FinanceTableRow,
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
}

export interface AppInfo {
  version: string;
  /** 'electron' or 'browser': where the renderer runs. */
  mode: 'electron' | 'browser';
  databasePath: string;
  schemaVersion: number;
}

export const setupInputSchema = z.strictObject({
  role: roleSchema,
  department: z.string().trim().min(1).nullable(),
  dataDir: z.string().trim().min(1, '데이터 폴더를 입력하세요.'),
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
  }[];
}

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
/** 20 MB per file: photos and scanned press clippings, not videos. */
export const ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024;

export const saveAttachmentInputSchema = z.strictObject({
  name: z.string().trim().min(1, '파일 이름이 없습니다.').max(255, '파일 이름은 255자 이내여야 합니다.'),
  mediaType: z.enum(ATTACHMENT_MEDIA_TYPES, {
    error: '첨부할 수 없는 파일 형식입니다 (사진 PNG·JPEG·GIF, PDF, 한글(HWP), 워드, 엑셀, 텍스트만 가능).',
  }),
  dataBase64: z
    .string()
    .max(Math.ceil((ATTACHMENT_MAX_BYTES * 4) / 3) + 4, '첨부파일은 20MB 이하만 가능합니다.'),
});

export const contract = {
  getAppInfo: op(empty, returns<AppInfo>()),
  getSetup: op(empty, returns<SetupState>()),
  saveSetup: op(setupInputSchema, returns<SetupState>()),
  getCatalog: op(empty, returns<Catalog>()),
  getTerm: op(empty, returns<Term>()),
  listMyDocuments: op(empty, returns<DocumentSummary[]>()),
  openDocument: op(documentRefSchema, returns<OpenedDocument>()),
  saveDraft: op(saveDraftInputSchema, returns<SavedDocument>()),
  submitDocument: op(
    documentRefSchema.extend({ expectedVersion: z.number().int().positive() }),
    returns<SavedDocument>(),
  ),
  confirmDocument: op(documentRefSchema.extend({ department: z.string().min(1) }), returns<SavedDocument>()),
  listDocumentVersions: op(documentRefSchema, returns<VersionSummary[]>()),
  restoreDocumentVersion: op(
    documentRefSchema.extend({
      version: z.number().int().positive(),
      expectedVersion: z.number().int().positive(),
    }),
    returns<SavedDocument>(),
  ),
  saveAttachment: op(saveAttachmentInputSchema, returns<AttachmentUploaded>()),
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
