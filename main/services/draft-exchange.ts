import {
  BUNDLE_MAX_BYTES,
  type DraftFile,
  type DraftImportPreview,
  type DraftImportResult,
  type DraftImportRow,
  type FileDownload,
} from '../../domain/api/contract';
import { departmentsEver, involvedAt, leadAt } from '../../domain/catalog/assignments';
import { findProject } from '../../domain/catalog/lookup';
import type { Catalog } from '../../domain/catalog/types';
import {
  changeRequestSubjectOf,
  type ChangeRequest,
  type Document,
  DOCUMENT_KIND_LABELS,
  documentSchema,
  emptyContact,
  emptyContacts,
} from '../../domain/documents';
import { periodLabel } from '../../domain/documents/validate-format';
import { localDateTimeOf } from '../../domain/reports/submissions';
import type { Term } from '../../domain/term/types';
import { josa } from '../../domain/text/josa';
import { getAttachment, putAttachment } from '../../db/attachments';
import {
  currentVersionReason,
  documentIdOf,
  getDocument,
  inTransaction,
  listDocuments,
  saveDocument,
} from '../../db/documents';
import { attachmentRefsOf } from './bundle-content';
import type { AppContext } from './context';
import { slotOf } from './document-identity';
import { DRAFT_FILE_EXTENSION, packDraftFile, type DraftFileContent } from './draft-file';
import { readDraftFileInWorker } from './draft-file-worker';
import { fileNamePart } from './file-name-part';
import { parseAndValidate } from './drafting';
import { UserError } from './errors';
import { loadCatalog, loadTerm } from './reference';
import { requireDepartment } from './session';

/**
 * 작성 문서 주고받기: a department whose projects are written on several PCs (each 과 its own) gathers them on the
 * PC that holds its key. One PC makes a 작성 문서 파일 of chosen projects; the other shows, document by document,
 * what taking it would do, and takes the chosen ones in one transaction, each as a new saved version (the one it
 * replaces stays restorable under 저장 기록) and as a draft to check before 제출.
 */

export async function exportDraftFile(ctx: AppContext, projectIds: readonly string[]): Promise<FileDownload> {
  const department = await requireDepartment(ctx);
  const catalog = await loadCatalog(ctx.db);
  const wanted = new Set(projectIds);
  for (const id of wanted)
    if (!findProject(catalog, id))
      throw new UserError('PROJECT_UNKNOWN', `공약사업 목록에 없는 사업 번호입니다: ${id}`);
  // Confirmed plans are the office's (they come with its 기준 자료): only what this PC writes travels.
  const stored = (await listDocuments(ctx.db, { department })).filter(
    (d) => wanted.has(d.projectId) && d.status !== 'confirmed',
  );
  if (stored.length === 0) {
    throw new UserError(
      'DRAFT_EXPORT_EMPTY',
      '고른 사업에 이 PC에서 쓴 문서가 없습니다 (확정된 실천계획서는 기준 자료로 전달되므로 넣지 않습니다).',
    );
  }
  const attachments: { sha256: string; mediaType: string; bytes: Buffer }[] = [];
  const seen = new Set<string>();
  for (const doc of stored) {
    for (const sha256 of attachmentRefsOf(doc.json)) {
      if (seen.has(sha256)) continue;
      seen.add(sha256);
      const found = await getAttachment(ctx.db, sha256);
      if (found) attachments.push({ sha256, mediaType: found.mediaType, bytes: found.bytes });
    }
  }
  const createdAt = ctx.now().toISOString();
  const bytes = await packDraftFile({
    department,
    catalogId: catalog.id,
    createdAt,
    appVersion: ctx.appVersion,
    documents: stored.map((d) => ({
      kind: d.kind,
      projectId: d.projectId,
      slot: d.slot,
      savedAt: d.updatedAt,
      json: d.json,
    })),
    attachments,
  });
  // The other PC reads files up to the bundles' size: one larger is refused here, before it travels.
  if (bytes.length > BUNDLE_MAX_BYTES) {
    throw new UserError(
      'DRAFT_EXPORT_TOO_LARGE',
      `작성 문서 파일이 ${Math.ceil(bytes.length / (1024 * 1024))}MB로, 읽을 수 있는 ${BUNDLE_MAX_BYTES / (1024 * 1024)}MB를 넘습니다 (첨부 사진·파일 때문입니다). 사업을 나눠 여러 파일로 내보내세요.`,
    );
  }
  const stamp = localDateTimeOf(createdAt).replace(/[-:]/g, '').replace(' ', '-');
  return {
    fileName: `작성문서_${fileNamePart(department)}_${stamp}${DRAFT_FILE_EXTENSION}`,
    mediaType: 'application/octet-stream',
    dataBase64: bytes.toString('base64'),
  };
}

const decode = (file: DraftFile): Buffer => Buffer.from(file.dataBase64, 'base64');

/** "관리카드 2019년 상반기", "공약실천계획서", "공약 조정 요청서 (사업기간 변경)": from the file, not yet checked. */
function titleOf(kind: Document['kind'], slot: string, json: unknown): string {
  const label = DOCUMENT_KIND_LABELS[kind];
  if (kind === 'executionPlan') return label;
  if (kind === 'changeRequest') {
    const subject = changeRequestSubjectOf(json);
    return `${label} (${subject})`;
  }
  return `${label} ${periodLabel(slot)}`;
}

/** The document as this PC would store it: a draft, with the change request's steps this PC recorded (or none). */
function asTaken(document: Document, local: unknown): Document {
  if (document.kind !== 'changeRequest') return { ...document, lifecycle: 'draft' };
  const kept = (local as Partial<ChangeRequest> | undefined)?.decisionHistory ?? [];
  return { ...document, lifecycle: 'draft', decisionHistory: kept };
}

const sameContent = (a: Document, stored: unknown): boolean => {
  const parsed = documentSchema.safeParse(stored);
  return parsed.success && JSON.stringify(a) === JSON.stringify({ ...parsed.data, lifecycle: 'draft' });
};

interface Reading {
  content: DraftFileContent;
  rows: DraftImportRow[];
  /** By path: the document to store for each row that can be taken. */
  taken: Map<string, Document>;
}

async function readAgainstHere(
  ctx: AppContext,
  department: string,
  catalog: Catalog,
  term: Term,
  file: DraftFile,
): Promise<Reading> {
  const content = await readDraftFileInWorker(decode(file));
  const { index } = content;
  // Another department's file: only what a move (부서 이관) handed over to this one is taken from it.
  const from = index.department === department ? null : index.department;
  if (from !== null && !content.documents.some((doc) => handedOver(catalog, doc, from, department))) {
    throw new UserError(
      'DRAFT_FILE_OTHER_DEPARTMENT',
      `이 파일은 ${from}의 작성 문서입니다. 이 PC는 ${department}입니다: 같은 부서의 PC끼리만 주고받습니다 ` +
        `(부서 이관으로 ${josa(from, '이/가')} 이 부서에 넘긴 사업의 관리카드·재정집행현황과 작성 중인 조정 요청서는 예외입니다).`,
    );
  }
  if (index.catalogId !== catalog.id) {
    throw new UserError(
      'DRAFT_FILE_OTHER_CATALOG',
      `이 파일은 다른 공약사업 목록(${index.catalogId})으로 쓴 문서입니다. 이 PC의 목록은 ${catalog.id}입니다.`,
    );
  }
  const rows: DraftImportRow[] = [];
  const taken = new Map<string, Document>();
  for (const doc of content.documents) {
    const project = findProject(catalog, doc.projectId);
    const id = documentIdOf({ kind: doc.kind, projectId: doc.projectId, slot: doc.slot, department });
    const local = await getDocument(ctx.db, id);
    // Taken from a file and not edited here since: the time it was taken says nothing of which text is newer.
    const untouchedImport =
      local !== undefined && (await currentVersionReason(ctx.db, id, local.version)) === 'import';
    const row: DraftImportRow = {
      path: doc.path,
      kind: doc.kind,
      projectId: doc.projectId,
      projectName: project?.name ?? '(목록에 없는 사업)',
      slot: doc.slot,
      title: titleOf(doc.kind, doc.slot, doc.json),
      fileSavedAt: doc.savedAt,
      local: local ? { version: local.version, savedAt: local.updatedAt, status: local.status } : null,
      action: 'refused',
      note: null,
      errors: 0,
      warnings: 0,
    };
    rows.push(row);
    if (from !== null && !handedOver(catalog, doc, from, department)) {
      row.note = `${from}의 문서입니다: 부서 이관으로 이 부서에 넘어온 사업의 그 반기 관리카드·재정집행현황과 작성 중인 조정 요청서만 가져옵니다.`;
      continue;
    }
    if (from !== null && alreadyRequested(doc)) {
      row.note = `${josa(from, '이/가')} 이미 요청한 조정 요청서입니다: 기획담당관에 간 요청은 그곳에서 처리됩니다. 더 바꿀 것은 이 부서의 새 조정 요청서로 쓰세요.`;
      continue;
    }
    if (local?.status === 'confirmed') {
      row.note = '이 PC의 실천계획서는 확정되어 바꿀 수 없습니다.';
      continue;
    }
    try {
      const json = from === null ? doc.json : handedOverJson(doc, department);
      const { document, validation } = await parseAndValidate(ctx.db, catalog, term, department, json);
      if (
        document.kind !== doc.kind ||
        document.projectId !== doc.projectId ||
        slotOf(document) !== doc.slot
      ) {
        row.note = '파일의 목록과 문서의 내용(종류·사업·반기)이 다릅니다.';
        continue;
      }
      const taking = asTaken(document, local?.json);
      row.errors = validation.errors.length;
      row.warnings = validation.warnings.length;
      if (local && sameContent(taking, local.json)) {
        row.action = 'same';
        row.note = '이 PC의 문서와 내용이 같습니다.';
        continue;
      }
      row.action =
        local === undefined
          ? 'new'
          : local.updatedAt > doc.savedAt && !untouchedImport
            ? 'localNewer'
            : 'replace';
      const notes: string[] = [];
      if (row.action === 'localNewer')
        notes.push(`이 PC의 문서가 더 나중에 저장되었습니다 (${localDateTimeOf(local!.updatedAt)}).`);
      if (untouchedImport) notes.push('이 PC의 문서는 파일에서 가져온 뒤 고치지 않았습니다.');
      if (from !== null)
        notes.push(`부서 이관: ${from}에서 쓴 문서를 이 부서의 것으로 가져옵니다 (담당자는 새로 적으세요).`);
      if (local?.status === 'submitted')
        notes.push('이 PC에서 제출한 문서입니다: 가져오면 작성중으로 돌아갑니다.');
      if (
        document.kind === 'changeRequest' &&
        document.decisionHistory.length > 0 &&
        taking.kind === 'changeRequest' &&
        taking.decisionHistory.length === 0
      )
        notes.push("요청 기록은 가져오지 않습니다: 이 PC에서 '제출'하면 요청으로 기록됩니다.");
      row.note = notes.length > 0 ? notes.join(' ') : null;
      taken.set(doc.path, taking);
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      row.note = error.message;
    }
  }
  return { content, rows, taken };
}

export async function previewDraftFile(ctx: AppContext, file: DraftFile): Promise<DraftImportPreview> {
  const department = await requireDepartment(ctx);
  const { content, rows } = await readAgainstHere(
    ctx,
    department,
    await loadCatalog(ctx.db),
    await loadTerm(ctx.db),
    file,
  );
  return {
    fileName: file.name,
    department: content.index.department,
    createdAt: content.index.createdAt,
    appVersion: content.index.appVersion,
    rows,
    attachments: content.attachments.size,
  };
}

/**
 * Takes the chosen documents, all or none: each must still be as the preview showed it (this PC's copy at the
 * same version, or still none), and each is saved as a new version with its attachments.
 */
export async function importDraftFile(
  ctx: AppContext,
  input: DraftFile & { take: readonly { path: string; localVersion: number | null }[] },
): Promise<DraftImportResult> {
  const department = await requireDepartment(ctx);
  const { content, rows, taken } = await readAgainstHere(
    ctx,
    department,
    await loadCatalog(ctx.db),
    await loadTerm(ctx.db),
    input,
  );
  const byPath = new Map(rows.map((r) => [r.path, r]));
  const chosen = input.take.map(({ path, localVersion }) => {
    const row = byPath.get(path);
    const document = taken.get(path);
    if (row === undefined || document === undefined) {
      throw new UserError(
        'DRAFT_IMPORT_NOT_TAKEN',
        row === undefined
          ? `파일에 없는 문서입니다: ${path}`
          : `${row.projectId} ${row.title}: ${row.note ?? '가져올 수 없는 문서입니다.'}`,
      );
    }
    if ((row.local?.version ?? null) !== localVersion) {
      throw new UserError(
        'DRAFT_IMPORT_STALE',
        `${row.projectId} ${row.title}이(가) 미리 보기 뒤에 이 PC에서 저장되었습니다. 파일을 다시 골라 확인한 뒤 가져오세요. 아무것도 가져오지 않았습니다.`,
      );
    }
    return { row, document };
  });
  const now = ctx.now();
  let attachments = 0;
  await inTransaction(ctx.db, async (trx) => {
    const needed = new Set(chosen.flatMap(({ document }) => attachmentRefsOf(document)));
    for (const sha256 of needed) {
      const found = content.attachments.get(sha256);
      if (found === undefined) continue; // the form names a missing attachment when the document is opened
      await putAttachment(trx, found.bytes, found.mediaType, now);
      attachments++;
    }
    for (const { document } of chosen) {
      await saveDocument(
        trx,
        {
          kind: document.kind,
          projectId: document.projectId,
          slot: slotOf(document),
          department,
          json: document,
          status: 'draft',
          reason: 'import',
        },
        now,
      );
    }
  });
  return {
    imported: chosen.map(({ row }) => ({ path: row.path, title: row.title, projectId: row.projectId })),
    attachments,
  };
}

type FileDocument = DraftFileContent['documents'][number];

/**
 * Whether a document of another department's file is one a move (부서 이관) handed over to this department, of a
 * project the file's department once had: a 관리카드 or 재정집행현황 of a half-year this department has the project
 * in (as lead for a card) and the file's department no longer does, or a 조정 요청서 of a project this department
 * leads now and the file's department no longer does (taken only while it was not yet requested).
 */
function handedOver(catalog: Catalog, doc: FileDocument, from: string, to: string): boolean {
  const project = findProject(catalog, doc.projectId);
  if (project === undefined || !departmentsEver(project).includes(from)) return false;
  switch (doc.kind) {
    case 'managementCard':
      return !involvedAt(project, doc.slot, from) && leadAt(project, doc.slot) === to;
    case 'financeRow':
      return !involvedAt(project, doc.slot, from) && involvedAt(project, doc.slot, to);
    case 'changeRequest':
      // A request is the lead's of now: one the former lead was still writing goes on with the new lead.
      return project.leadDepartment === to && project.leadDepartment !== from;
    case 'executionPlan':
      return false;
  }
}

/** Whether a file's change request was already requested (its steps hold the department's '요청'). */
function alreadyRequested(doc: FileDocument): boolean {
  if (doc.kind !== 'changeRequest' || typeof doc.json !== 'object' || doc.json === null) return false;
  const steps = (doc.json as { decisionHistory?: unknown }).decisionHistory;
  return Array.isArray(steps) && steps.length > 0;
}

/** A handed-over document as this department's: its name on it, and its 담당자 left to be named here. */
function handedOverJson(doc: FileDocument, department: string): unknown {
  if (typeof doc.json !== 'object' || doc.json === null) return doc.json;
  return {
    ...(doc.json as Record<string, unknown>),
    department,
    ...(doc.kind === 'managementCard' ? { leadContacts: emptyContacts() } : {}),
    ...(doc.kind === 'changeRequest' ? { contact: emptyContact() } : {}),
  };
}
