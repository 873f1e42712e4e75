import { findProject } from '../../domain/catalog/lookup';
import type { DocumentRef, Handlers, OpenedDocument, SavedDocument } from '../../domain/api/contract';
import {
  changeRequestSubject,
  currentDecisionStatus,
  documentSchema,
  heldBackReason,
  type Document,
} from '../../domain/documents';
import { putAttachment } from '../../db/attachments';
import {
  deleteNeverSubmitted,
  documentIdOf,
  getDocument,
  listDocuments,
  listVersions,
  saveDocument,
  type StoredDocument,
} from '../../db/documents';
import { DocumentFrozenError, VersionConflictError } from '../../db/documents';
import type { AppContext } from './context';
import { slotOf } from './document-identity';
import { takenOverPlans } from './taken-over-plans';
import {
  assertMayWrite,
  laterPlanChangesOf,
  newDocument,
  parseAndValidate,
  validationContextFor,
} from './drafting';
import { UserError } from './errors';
import { loadCatalog, loadTerm } from './reference';
import { requireDepartment } from './session';
import { checkDocument } from '../../domain/documents';
import { josa } from '../../domain/text/josa';
import { deadlineView, derivedFinance } from './deadlines';
import { exportDraftFile, importDraftFile, previewDraftFile } from './draft-exchange';
import { localToday } from './local-today';

/** Submitting a change request is its first step: record it in the decision history if the form did not. */
function withRequestEntry(json: unknown, department: string, now: Date): unknown {
  const doc = json as { kind?: string; decisionHistory?: unknown[] };
  if (doc.kind !== 'changeRequest' || (doc.decisionHistory?.length ?? 0) > 0) return json;
  const entry = { status: 'requested', date: localToday(now), by: department, note: '' };
  return { ...doc, decisionHistory: [entry] };
}

/**
 * A change request's steps are recorded by 제출 (its '요청', dated by the program's clock in Korea) and by the
 * office, never typed: a save keeps the steps stored, whatever the form still holds (it was opened before 제출).
 */
function withRecordedSteps(json: unknown, stored: StoredDocument | undefined): unknown {
  const doc = json as { kind?: string } | null;
  const kept = (stored?.json as { decisionHistory?: unknown[] } | undefined)?.decisionHistory;
  if (doc?.kind !== 'changeRequest' || stored?.kind !== 'changeRequest' || !kept?.length) return json;
  return { ...doc, decisionHistory: kept };
}

/** "cr-" and a moment in milliseconds, 13 digits (as the stored requests and the screens' label read them). */
export const changeRequestSlotAt = (ms: number): string => `cr-${String(ms).padStart(13, '0')}`;

const refOf = (stored: StoredDocument): DocumentRef => ({
  kind: stored.kind,
  projectId: stored.projectId,
  slot: stored.slot,
});

/** Storage errors that the user can act on become UserErrors with their Korean message. */
async function translateStorageErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof VersionConflictError || error instanceof DocumentFrozenError) {
      throw new UserError(error.code, error.message);
    }
    throw error;
  }
}

export const draftingHandlers = (ctx: AppContext) => {
  const load = async () => ({ catalog: await loadCatalog(ctx.db), term: await loadTerm(ctx.db) });

  /** Writes a document that passed parsing, keeping its JSON lifecycle equal to the stored status. */
  const store = async (
    department: string,
    document: Document,
    opts: {
      expectedVersion?: number | null;
      reason: 'autosave' | 'submit' | 'confirm' | 'restore' | 'import';
      allowFrozen?: boolean;
    },
  ) => {
    const status = document.lifecycle;
    return translateStorageErrors(() =>
      saveDocument(
        ctx.db,
        {
          kind: document.kind,
          projectId: document.projectId,
          slot: slotOf(document),
          department,
          json: document,
          status,
          reason: opts.reason,
          ...(opts.expectedVersion !== undefined ? { expectedVersion: opts.expectedVersion } : {}),
          ...(opts.allowFrozen ? { allowFrozen: true } : {}),
        },
        ctx.now(),
      ),
    );
  };

  const saved = (stored: StoredDocument, validation: SavedDocument['validation']): SavedDocument => ({
    ref: refOf(stored),
    status: stored.status,
    version: stored.version,
    updatedAt: stored.updatedAt,
    validation,
  });

  return {
    listMyDocuments: async () => {
      const department = await requireDepartment(ctx);
      const { catalog, term } = await load();
      const docs = [
        ...(await listDocuments(ctx.db, { department })),
        ...(await takenOverPlans(ctx.db, catalog, department)),
      ];
      return Promise.all(
        docs.map(async (d) => {
          const parsed = documentSchema.parse(d.json);
          const { errors, warnings } = checkDocument(
            parsed,
            await validationContextFor(ctx.db, catalog, term, parsed),
          );
          return {
            ref: refOf(d),
            department: d.department,
            projectName: findProject(catalog, d.projectId)?.name ?? '',
            status: d.status,
            version: d.version,
            updatedAt: d.updatedAt,
            errorCount: errors.length,
            warningCount: warnings.length,
            heldBack: heldBackReason(parsed),
            subject: parsed.kind === 'changeRequest' ? changeRequestSubject(parsed) : null,
            decision: parsed.kind === 'changeRequest' ? currentDecisionStatus(parsed) : null,
          };
        }),
      );
    },

    openDocument: async (ref): Promise<OpenedDocument> => {
      const department = await requireDepartment(ctx);
      const { catalog, term } = await load();
      // A project taken over (부서 이관): its confirmed plan, its first lead's, is read here, not written.
      const takenOver =
        ref.kind === 'executionPlan'
          ? (await takenOverPlans(ctx.db, catalog, department)).find((d) => d.projectId === ref.projectId)
          : undefined;
      if (takenOver !== undefined) {
        const document = documentSchema.parse(takenOver.json);
        const { errors, warnings } = checkDocument(
          document,
          await validationContextFor(ctx.db, catalog, term, document),
        );
        return {
          ref,
          status: takenOver.status,
          version: takenOver.version,
          updatedAt: takenOver.updatedAt,
          document,
          validation: { errors, warnings },
          readOnly: true,
          confirmedPlan: null,
          laterPlanChanges: [],
        };
      }
      assertMayWrite(catalog, department, ref.kind, ref.projectId, ref.slot);
      const stored = await getDocument(ctx.db, documentIdOf({ ...ref, department }));
      const document = stored
        ? documentSchema.parse(stored.json)
        : await newDocument(ctx.db, catalog, department, ref);
      const vctx = await validationContextFor(ctx.db, catalog, term, document);
      const { errors, warnings } = checkDocument(document, vctx);
      return {
        ref,
        status: stored?.status ?? 'new',
        version: stored?.version ?? null,
        updatedAt: stored?.updatedAt ?? null,
        document,
        validation: { errors, warnings },
        readOnly: stored?.status === 'confirmed',
        confirmedPlan: vctx.confirmedPlan ?? null,
        laterPlanChanges:
          document.kind === 'managementCard' && vctx.confirmedPlan
            ? await laterPlanChangesOf(ctx.db, catalog, vctx.confirmedPlan)
            : [],
      };
    },

    saveDraft: async (input) => {
      const department = await requireDepartment(ctx);
      const { catalog, term } = await load();
      const { json: typed, expectedVersion, ...ref } = input;
      const json = await withRecordedSteps(
        typed,
        await getDocument(ctx.db, documentIdOf({ ...ref, department })),
      );
      const { document, validation } = await parseAndValidate(ctx.db, catalog, term, department, json, ref);
      // Editing a submitted document makes it a draft again until it is submitted anew.
      const stored = await store(
        department,
        { ...document, lifecycle: 'draft' },
        { expectedVersion, reason: 'autosave' },
      );
      return saved(stored, validation);
    },

    submitDocument: async (input) => {
      const department = await requireDepartment(ctx);
      const { catalog, term } = await load();
      const { expectedVersion, ...ref } = input;
      const stored = await getDocument(ctx.db, documentIdOf({ ...ref, department }));
      if (!stored)
        throw new UserError('DOCUMENT_NOT_FOUND', '저장된 문서가 없습니다. 먼저 내용을 입력하세요.');
      const { document, validation } = await parseAndValidate(
        ctx.db,
        catalog,
        term,
        department,
        withRequestEntry(stored.json, department, ctx.now()),
        ref,
      );
      if (validation.errors.length > 0) {
        throw new UserError(
          'DOCUMENT_HAS_ERRORS',
          `오류 ${validation.errors.length}건을 고친 뒤 제출하세요: ${validation.errors[0]?.message ?? ''}`,
          Object.fromEntries(validation.errors.map((e) => [e.path || '(문서)', e.message])),
        );
      }
      const result = await store(
        department,
        { ...document, lifecycle: 'submitted' },
        { expectedVersion, reason: 'submit' },
      );
      return saved(result, validation);
    },

    newChangeRequestRef: async ({ projectId }): Promise<DocumentRef> => {
      const department = await requireDepartment(ctx);
      assertMayWrite(await loadCatalog(ctx.db), department, 'changeRequest', projectId, '');
      // Numbered by the program's clock, as every other time it records: a training session's PLEDGE_NOW, not
      // the PC's. A number this department already holds for the project (two starts in one millisecond, or a
      // clock set back) moves on by a millisecond, so a new request never opens an old one.
      for (let at = ctx.now().getTime(); ; at += 1) {
        const ref = { kind: 'changeRequest' as const, projectId, slot: changeRequestSlotAt(at) };
        if (!(await getDocument(ctx.db, documentIdOf({ ...ref, department })))) return ref;
      }
    },

    discardDraft: async (ref) => {
      const department = await requireDepartment(ctx);
      if (ref.kind !== 'changeRequest') {
        throw new UserError(
          'DISCARD_NOT_ALLOWED',
          '삭제할 수 있는 문서는 제출하지 않은 조정 요청서뿐입니다. 다른 문서는 내용을 고쳐 쓰세요.',
        );
      }
      const outcome = await deleteNeverSubmitted(ctx.db, documentIdOf({ ...ref, department }));
      if (outcome === 'missing') throw new UserError('DOCUMENT_NOT_FOUND', '삭제할 조정 요청서가 없습니다.');
      if (outcome === 'sent') {
        throw new UserError(
          'DISCARD_NOT_ALLOWED',
          '한 번이라도 제출한 조정 요청서는 삭제할 수 없습니다. 철회하려면 기획담당관에 알리세요.',
        );
      }
      return { discarded: true as const };
    },

    confirmDocument: async (input) => {
      // The planning office confirms a plan after the citizens' panel; until the office side exists, this is
      // the step a test (or an office operator) drives through the API.
      const { department, ...ref } = input;
      const stored = await getDocument(ctx.db, documentIdOf({ ...ref, department }));
      if (!stored) throw new UserError('DOCUMENT_NOT_FOUND', '확정할 문서가 없습니다.');
      if (stored.status === 'draft') {
        throw new UserError('NOT_SUBMITTED', '제출되지 않은 문서는 확정할 수 없습니다.');
      }
      const document = documentSchema.parse(stored.json);
      const result = await store(
        department,
        { ...document, lifecycle: 'confirmed' },
        { reason: 'confirm', allowFrozen: true },
      );
      return saved(result, { errors: [], warnings: [] });
    },

    listDocumentVersions: async (ref) => {
      const department = await requireDepartment(ctx);
      const versions = await listVersions(ctx.db, documentIdOf({ ...ref, department }));
      return versions.map((v) => ({
        version: v.version,
        status: v.status,
        savedAt: v.savedAt,
        reason: v.reason,
        document: documentSchema.parse(v.json),
      }));
    },

    restoreDocumentVersion: async (input) => {
      const department = await requireDepartment(ctx);
      const { catalog, term } = await load();
      const { version, expectedVersion, ...ref } = input;
      const versions = await listVersions(ctx.db, documentIdOf({ ...ref, department }));
      const target = versions.find((v) => v.version === version);
      if (!target) throw new UserError('VERSION_NOT_FOUND', `버전 ${josa(version, '이/가')} 없습니다.`);
      const { document, validation } = await parseAndValidate(
        ctx.db,
        catalog,
        term,
        department,
        target.json,
        ref,
      );
      const stored = await store(
        department,
        { ...document, lifecycle: 'draft' },
        { expectedVersion, reason: 'restore' },
      );
      return saved(stored, validation);
    },

    saveAttachment: async (input) => {
      await requireDepartment(ctx);
      const bytes = Buffer.from(input.dataBase64, 'base64');
      if (bytes.length === 0)
        throw new UserError('ATTACHMENT_EMPTY', `빈 파일은 첨부할 수 없습니다: ${input.name}`);
      const info = await putAttachment(ctx.db, bytes, input.mediaType, ctx.now());
      return { ...info, name: input.name };
    },

    getDerivedFinance: async (input) => {
      const department = await requireDepartment(ctx);
      const { catalog, term } = await load();
      return derivedFinance(ctx.db, catalog, term, department, input.projectId, input.periodId);
    },

    getDeadlines: async (input) => {
      const department = await requireDepartment(ctx);
      const { catalog, term } = await load();
      const today = input?.today ?? localToday(ctx.now());
      return deadlineView(ctx.db, catalog, term, department, today);
    },

    exportDraftFile: (input) => exportDraftFile(ctx, input.projectIds),
    previewDraftFile: (file) => previewDraftFile(ctx, file),
    importDraftFile: (input) => importDraftFile(ctx, input),
  } satisfies Partial<Handlers>;
};
