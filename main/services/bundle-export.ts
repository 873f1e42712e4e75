import { findProject } from '../../domain/catalog/lookup';
import type { BundleExported } from '../../domain/api/contract';
import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import {
  DOCUMENT_KIND_LABELS,
  documentSchema,
  changeRequestSubjectOf,
  heldBackReason,
  periodLabel,
  UNREQUESTED_CHANGE,
  withShownStatusDetails,
} from '../../domain/documents';
import { listPeriods } from '../../domain/term/periods';
import { requestLabel } from '../../domain/documents/request-label';
import { josa } from '../../domain/text/josa';
import { writeBundle } from '../bundles';
import { getAttachment } from '../../db/attachments';
import { createFolder, folderProblemOf } from '../../db/create-db';
import {
  fileWriteError,
  moveInWithoutReplacing,
  removeStaleTempFiles,
  syncDirectory,
  writeTempBeside,
} from '../bundles/atomic-file';
import { recordNextSentBundle, type NextSentBundleOutcome } from '../../db/bundles';
import { nextChainLink } from './chain-resume';
import { listDocuments, type StoredDocument } from '../../db/documents';
import { attachmentRefsOf, documentMemberPath } from './bundle-content';
import type { AppContext } from './context';
import { parseAndValidate } from './drafting';
import { storageError, UserError } from './errors';
import { fileNamePart } from './file-name-part';
import { loadSigningKey } from './key-service';
import { loadCatalog, loadTerm } from './reference';
import { requireDepartment } from './session';

export interface ExportBundleInput {
  /** 'plan' (실천계획서) or a half-year id ('2019-H1'). */
  period: string;
  /** Only these projects; all of the period's documents when omitted. */
  projectIds?: readonly string[] | undefined;
  /**
   * Where to write (refused with FILE_EXISTS when something is there); default
   * <dataDir>/outbox/공약제출_<부서>_<기간>_r<revision>.pledge, or …_r<revision>(2).pledge and on when that is taken.
   */
  path?: string | undefined;
}

/** What exportBundle wrote: the contract's view of it (BundleExported). */
export type ExportBundleResult = BundleExported;
/** A document left out of the bundle, and why (its first error). */
export type RefusedDocument = BundleExported['refused'][number];

/** A document's half-year or request in words, for the lists of what was left out ("(2019년 상반기)"). */
function slotLabel(doc: StoredDocument): string {
  if (doc.kind === 'executionPlan') return '';
  if (doc.kind === 'managementCard' || doc.kind === 'financeRow') return ` (${periodLabel(doc.slot)})`;
  // Its subject, then when it was started: two requests may change the same thing.
  const subject = changeRequestSubjectOf(doc.json);
  return ` (${subject} · ${requestLabel(doc.slot)})`;
}

export const periodFileLabel = (period: string): string => (period === 'plan' ? '실천계획' : period);

/** Which stored documents belong in a bundle of this period. */
function belongsTo(doc: StoredDocument, period: string): boolean {
  if (period === 'plan') return doc.kind === 'executionPlan';
  if (doc.kind === 'managementCard' || doc.kind === 'financeRow') return doc.slot === period;
  return doc.kind === 'changeRequest';
}

/** A write that failed around the outbox file, said for the user (storage and SQLite errors pass on as they are). */
function exportWriteError(error: unknown, target: string): unknown {
  if (error instanceof UserError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && !code.startsWith('SQLITE') ? fileWriteError(error, target) : error;
}

/** Every name tried is taken: nothing is replaced. */
function existingFileError(tried: readonly string[]): UserError {
  const first = tried[0] ?? '';
  return new UserError(
    'FILE_EXISTS',
    tried.length === 1
      ? `${first}에 이미 파일이 있어 덮어쓰지 않았습니다. 다른 파일 이름을 주거나 그 파일을 옮긴 뒤 다시 만드세요.`
      : `보낼 파일 폴더에 ${basename(first)}부터 ${basename(tried.at(-1) ?? first)}까지 같은 이름의 파일이 이미 있어 덮어쓰지 않았습니다. ${dirname(first)}의 지난 파일을 옮긴 뒤 다시 만드세요.`,
  );
}

/** A temporary file in the folder older than this is what an export cut off left (see removeStaleTempFiles). */
const STALE_TEMP_MS = 10 * 60 * 1000;

/** How many names exportBundle tries in the outbox: "…_r3.pledge", then "…_r3(2).pledge" up to "…_r3(20).pledge". */
const OUTBOX_NAME_TRIES = 20;

/** Points inside exportBundle where a test steps in (another connection exporting meanwhile). */
export interface ExportHooks {
  /** After the bundle is signed and written to its temporary file, before its revision is recorded. */
  beforeRecording?: () => Promise<void>;
}

/** The exports running per database handle: each starts once the one before it has ended (exportBundle). */
const exportQueues = new WeakMap<object, Promise<void>>();

/**
 * Department: signs the chosen period's documents into one bundle. Documents with validation errors are left
 * out and listed; the revision is one above the last bundle this copy wrote, which it names by hash (after 이어
 * 보내기, the office's last accepted file instead: nextChainLink).
 *
 * Nothing is half-done: the signed bytes go to a temporary file beside the target; one write transaction records
 * the revision (only while the last recorded bundle is still the one it follows) and gives the file its name, which
 * never replaces a file already there; any failure rolls the row back and removes the file. Exports on one
 * database handle (two windows, the HTTP API) run one after another, each with its own revision; an export from
 * another connection (the command line on the same data folder) that records its revision first makes this one
 * stop with EXPORT_BUSY, leaving the outbox and the database as they were.
 */
export async function exportBundle(
  ctx: AppContext,
  input: ExportBundleInput,
  hooks: ExportHooks = {},
): Promise<ExportBundleResult> {
  const db = ctx.db;
  const before = exportQueues.get(db) ?? Promise.resolve();
  const run = before.then(() => exportNow(ctx, input, hooks));
  exportQueues.set(
    db,
    run.then(
      () => undefined,
      () => undefined,
    ),
  );
  return run;
}

async function exportNow(
  ctx: AppContext,
  input: ExportBundleInput,
  hooks: ExportHooks,
): Promise<ExportBundleResult> {
  const department = await requireDepartment(ctx);
  const catalog = await loadCatalog(ctx.db);
  const term = await loadTerm(ctx.db);
  const periods = listPeriods(term).map((p) => p.id as string);
  if (input.period !== 'plan' && !periods.includes(input.period)) {
    throw new UserError(
      'PERIOD_UNKNOWN',
      `제출 기간 ${josa(input.period, '은/는')} 임기 중 반기가 아닙니다 (plan 또는 ${periods[0] ?? ''}…${periods.at(-1) ?? ''}).`,
    );
  }
  const wanted = input.projectIds ? new Set(input.projectIds) : null;
  const stored = (await listDocuments(ctx.db, { department })).filter(
    (d) => belongsTo(d, input.period) && (!wanted || wanted.has(d.projectId)),
  );

  const refused: RefusedDocument[] = [];
  const chosen: { stored: StoredDocument; json: unknown; path: string }[] = [];
  const attachments = new Map<string, { bytes: Buffer; mediaType: string }>();
  for (const doc of stored) {
    const projectName = findProject(catalog, doc.projectId)?.name ?? '';
    const label = `${doc.projectId} ${projectName} ${DOCUMENT_KIND_LABELS[doc.kind]}${slotLabel(doc)}`;
    const refuse = (error: string) =>
      refused.push({ kind: doc.kind, projectId: doc.projectId, slot: doc.slot, document: label, error });
    let errors: { path: string; message: string }[];
    try {
      errors = (await parseAndValidate(ctx.db, catalog, term, department, doc.json)).validation.errors;
    } catch (error) {
      refuse(error instanceof Error ? error.message : String(error));
      continue;
    }
    const first = errors[0];
    if (first) {
      // The message names the field in words; the document's '제출 전 확인' list leads to each one.
      refuse(
        `${first.message}${errors.length > 1 ? ` 외 ${errors.length - 1}건` : ''}. 문서를 열어 '제출 전 확인'에서 고치세요.`,
      );
      continue;
    }
    // Sent as printed: details the card's status does not show stay in the draft only.
    const parsed = documentSchema.parse(doc.json);
    const heldBack = heldBackReason(parsed);
    if (heldBack !== null) {
      refuse(heldBack);
      continue;
    }
    const shown = parsed.kind === 'managementCard' ? withShownStatusDetails(parsed) : parsed;
    const sent: unknown = shown === parsed ? doc.json : shown;
    const cited = attachmentRefsOf(sent);
    const found = await Promise.all(cited.map((sha) => getAttachment(ctx.db, sha)));
    const missingIndex = found.findIndex((a) => a === undefined);
    if (missingIndex >= 0) {
      refuse(
        `첨부파일(SHA-256 ${String(cited[missingIndex]).slice(0, 12)}…)이 이 PC에 없습니다. 다시 첨부하세요.`,
      );
      continue;
    }
    for (const a of found) if (a) attachments.set(a.sha256, { bytes: a.bytes, mediaType: a.mediaType });
    chosen.push({ stored: doc, json: sent, path: documentMemberPath(parsed, doc.slot) });
  }
  if (chosen.length === 0) {
    // Requests not yet requested are left out on purpose, not for an error: said apart.
    const unrequested = refused.filter((r) => r.error === UNREQUESTED_CHANGE).length;
    const withErrors = refused.filter((r) => r.error !== UNREQUESTED_CHANGE);
    const why =
      (unrequested > 0
        ? ` 아직 요청하지 않은 조정 요청서 ${unrequested}건은 넣지 않습니다 (문서를 열어 '제출'을 누르면 요청으로 기록됩니다).`
        : '') +
      (withErrors.length > 0
        ? ` 오류가 있어 제외된 문서: ${withErrors.map((r) => `${r.document} — ${r.error}`).join('; ')}`
        : '');
    throw new UserError(
      'NOTHING_TO_EXPORT',
      `${input.period === 'plan' ? '실천계획서로' : `${periodLabel(input.period)}에`} 보낼 수 있는 문서가 없습니다.${why}`,
      Object.fromEntries(refused.map((r) => [r.document, r.error])),
    );
  }

  const { key, privateKeyPem } = await loadSigningKey(ctx);
  const { revision, previousSha256, previousRevision, follows } = await nextChainLink(ctx.db);
  const createdAt = ctx.now().toISOString();
  const bytes = await writeBundle({
    manifestFields: {
      type: 'pledge-submission',
      appVersion: ctx.appVersion,
      department,
      period: input.period,
      createdAt,
      revision,
      previousBundleSha256: previousSha256,
    },
    documents: chosen.map((c) => ({ path: c.path, json: c.json })),
    attachments: [...attachments.values()],
    privateKeyPem,
  });
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const defaultName = `공약제출_${fileNamePart(department)}_${periodFileLabel(input.period)}_r${revision}`;
  const target = resolve(input.path ?? join(ctx.dataDir, 'outbox', `${defaultName}.pledge`));
  const folder = dirname(target);
  try {
    // One level at a time: a folder that cannot be made (under /proc, read-only) fails at once.
    createFolder(folder);
  } catch (error) {
    throw new UserError(
      'FILE_WRITE_FAILED',
      `제출 파일을 둘 폴더를 만들 수 없습니다: ${folder} (${folderProblemOf(error)}).`,
    );
  }
  // A file an earlier export left half-made (the program was closed or killed while writing) goes, so that it is
  // never sent: its revision was not recorded.
  removeStaleTempFiles(folder, '.pledge', STALE_TEMP_MS);
  let temp: string;
  try {
    temp = writeTempBeside(target, bytes);
  } catch (error) {
    throw fileWriteError(error, target);
  }
  // The names to try: the one asked for only; in the outbox also "…_r3(2).pledge" and on, should an old file (from a
  // restored data folder, say) already have the usual name.
  const names =
    input.path === undefined
      ? Array.from({ length: OUTBOX_NAME_TRIES }, (_, i) =>
          join(folder, i === 0 ? `${defaultName}.pledge` : `${defaultName}(${i + 1}).pledge`),
        )
      : [target];
  const left: { path: string | null } = { path: null };
  let outcome: NextSentBundleOutcome;
  try {
    await hooks.beforeRecording?.();
    outcome = await recordNextSentBundle(
      ctx.db,
      {
        type: 'pledge-submission',
        revision,
        sha256,
        previousSha256,
        department,
        keyId: key.keyId,
        period: input.period,
        documentCount: chosen.length,
        path: target,
        createdAt,
      },
      follows,
      () => {
        const path = names.find((name) => moveInWithoutReplacing(temp, name));
        if (path === undefined) throw existingFileError(input.path === undefined ? names : [target]);
        syncDirectory(folder);
        return path;
      },
      (path) => {
        try {
          rmSync(path, { force: true });
        } catch {
          left.path = path;
        }
      },
    );
  } catch (error) {
    rmSync(temp, { force: true });
    if (left.path !== null) {
      const failure =
        error instanceof UserError ? error.message : (storageError(error)?.message ?? String(error));
      throw new UserError(
        'EXPORT_FILE_LEFT',
        `제출 파일을 기록하지 못했습니다 (${failure}) 만들다 만 파일을 지우지 못했습니다: ${left.path} — 이 파일은 보내지 말고 지우세요.`,
      );
    }
    throw exportWriteError(error, target);
  }
  rmSync(temp, { force: true });
  if (!outcome.recorded) {
    throw new UserError(
      'EXPORT_BUSY',
      `같은 데이터 폴더에서 다른 창이나 명령줄(pledge)이 지금 제출 파일(r${outcome.last?.revision ?? revision})을 만들었습니다. 이 파일은 만들지 않았고, 저장된 데이터와 보낼 파일 폴더는 그대로입니다. 잠시 뒤 다시 시도하세요.`,
    );
  }
  const path = outcome.path;
  return {
    path,
    fileName: basename(path),
    revision,
    previousRevision,
    sha256,
    period: input.period,
    documents: chosen.map((c) => ({
      kind: c.stored.kind,
      projectId: c.stored.projectId,
      slot: c.stored.slot,
      path: c.path,
    })),
    attachments: attachments.size,
    refused,
  };
}
