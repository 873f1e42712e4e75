import { z } from 'zod';
import type { Catalog } from '../catalog/types';
import type { Term } from '../term/types';
import { DECISION_STATUSES, type ChangeRequest, type ExecutionPlan } from '../documents';
import type { PlansConfirmed } from '../plans/confirmation';
import type { InterruptedImportView } from '../reports/interrupted-import';
import {
  readAttachmentInputSchema,
  saveAttachmentInputSchema,
  type AttachmentUploaded,
} from './contract/attachments';
import type { AppliedBaseline, BaselineApplied, BaselineExported } from './contract/baseline';
import {
  bundleDataSchema,
  bundlePeriodSchema,
  filePathSchema,
  keyFileTextSchema,
  keyIdInputSchema,
  receivedOnSchema,
} from './contract/bundle-inputs';
import type {
  ArchiveAudit,
  BundleExported,
  BundleImportResult,
  ImportJobView,
  ImportNoteView,
  ReceivedBundleView,
} from './contract/bundles';
import type { ChainResumeView, DeadlineView, SentBundleView } from './contract/department-desk';
import {
  documentRefSchema,
  saveDraftInputSchema,
  type DerivedFinance,
  type DocumentRef,
  type DocumentSummary,
  type OpenedDocument,
  type SavedDocument,
  type VersionSummary,
} from './contract/documents';
import {
  draftFileSchema,
  draftImportInputSchema,
  type DraftImportPreview,
  type DraftImportResult,
} from './contract/draft-files';
import type { FileDownload } from './contract/files';
import type {
  KeyApproved,
  KeyImported,
  KeyStatusView,
  RegistryKeyView,
  EnrollmentExported,
} from './contract/keys';
import {
  conflictNoteRefusal,
  officeDecisionSchema,
  REJECTION_NOTE_MESSAGE,
  type PlanConfirmationRow,
} from './contract/office-decisions';
import {
  periodIdInputSchema,
  reportRequestSchema,
  type OfficeReportView,
  type StatusTrend,
} from './contract/office-report';
import type {
  DepartmentCardsView,
  ProjectDocumentsView,
  ReceivedDocumentView,
} from './contract/received-documents';
import {
  catalogFileSchema,
  newDataDirInputSchema,
  restoreBackupInputSchema,
  setupInputSchema,
  type AppInfo,
  type CatalogChangePreview,
  type CatalogFileSummary,
  type DataBackup,
  type RestoredBackup,
  type Role,
  type SetupState,
  type StartupProblem,
} from './contract/setup';
import { typedPathSchema } from './contract/typed-path';

/**
 * The one contract between the renderer and main: operation name → input schema → output type.
 * Main parses every input with these schemas (inputs arrive as `unknown`); handlers are typed from this map
 * and do not know whether they are called over IPC, over the browser-mode HTTP bridge, or from the CLI.
 * The views and input schemas it names live in ./contract/, a file per area, and are re-exported here: every
 * importer names this module only.
 */

export * from './contract/setup';
export * from './contract/files';
export * from './contract/documents';
export * from './contract/attachments';
export * from './contract/department-desk';
export * from './contract/keys';
export * from './contract/bundles';
export * from './contract/received-documents';
export * from './contract/baseline';
export * from './contract/office-report';
export * from './contract/office-decisions';
export * from './contract/draft-files';

/** Declares an operation's output type without a runtime schema (outputs are produced by trusted code). */
const returns = <T>() => undefined as unknown as T;
const op = <I extends z.ZodType, O>(input: I, output: O) => ({ input, output });

const empty = z.strictObject({}).optional();

export const contract = {
  getAppInfo: op(empty, returns<AppInfo>()),
  getSetup: op(empty, returns<SetupState>()),
  saveSetup: op(setupInputSchema, returns<SetupState>()),
  backupData: op(
    z.strictObject({ folder: typedPathSchema(z.string().min(1).max(1000)).optional() }),
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
  /**
   * An import job as it stands; with `waitMs`, answered as soon as the job finishes, or after that long (at most 2 s)
   * if it is still running: the screen hears of a small import's end when it comes, not at its next poll.
   */
  getImportProgress: op(
    z.strictObject({ jobId: z.string().uuid(), waitMs: z.number().int().min(0).max(2_000).optional() }),
    returns<ImportJobView>(),
  ),
  /**
   * What 종합 현황 now says of accepted files (지연, new 충돌), asked once an import's results are shown: read from the
   * report, outside the import, so a large import does not wait for every half-year's tables.
   */
  getImportNotes: op(
    z.strictObject({ sha256s: z.array(z.string().regex(/^[0-9a-f]{64}$/)).max(100_000) }),
    returns<ImportNoteView[]>(),
  ),
  /**
   * Office: the import screen is open, a file is about to be chosen: the import's verify threads start now (and
   * check their sample bundles) unless they already have, instead of with the first file or after the report's
   * warm-up. Returns at once; nothing is stored.
   */
  prepareImport: op(empty, returns<null>()),
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
