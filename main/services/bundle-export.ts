import { findProject } from '../../domain/catalog/lookup';
import { createHash } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import {
  DOCUMENT_KIND_LABELS,
  documentSchema,
  type Document,
  heldBackReason,
  withShownStatusDetails,
} from '../../domain/documents';
import { listPeriods } from '../../domain/term/periods';
import { josa } from '../../domain/text/josa';
import { writeBundle, writeFileAtomic } from '../bundles';
import { getAttachment } from '../../db/attachments';
import { createFolder, folderProblemOf } from '../../db/create-db';
import { fileWriteError } from '../bundles/atomic-file';
import { insertSentBundle, lastSentBundle } from '../../db/bundles';
import { listDocuments, type StoredDocument } from '../../db/documents';
import { attachmentRefsOf, documentMemberPath } from './bundle-content';
import type { AppContext } from './context';
import { parseAndValidate } from './drafting';
import { UserError } from './errors';
import { loadSigningKey } from './key-service';
import { loadCatalog, loadTerm } from './reference';
import { requireDepartment } from './session';

export interface ExportBundleInput {
  /** 'plan' (실천계획서) or a half-year id ('2019-H1'). */
  period: string;
  /** Only these projects; all of the period's documents when omitted. */
  projectIds?: readonly string[] | undefined;
  /** Where to write; default <dataDir>/outbox/공약제출_<부서>_<기간>_r<revision>.pledge. */
  path?: string | undefined;
}

export interface ExportedDocument {
  kind: Document['kind'];
  projectId: string;
  slot: string;
  path: string;
}

/** A document left out of the bundle, and why (its first error). */
export interface RefusedDocument {
  kind: Document['kind'];
  projectId: string;
  slot: string;
  document: string;
  error: string;
}

export interface ExportBundleResult {
  path: string;
  fileName: string;
  revision: number;
  sha256: string;
  period: string;
  documents: ExportedDocument[];
  attachments: number;
  refused: RefusedDocument[];
}

const safeName = (s: string): string => s.replace(/[\\/:*?"<>|\s]+/g, '_');
export const periodFileLabel = (period: string): string => (period === 'plan' ? '실천계획' : period);

/** Which stored documents belong in a bundle of this period. */
function belongsTo(doc: StoredDocument, period: string): boolean {
  if (period === 'plan') return doc.kind === 'executionPlan';
  if (doc.kind === 'managementCard' || doc.kind === 'financeRow') return doc.slot === period;
  return doc.kind === 'changeRequest';
}

/**
 * Department: signs the chosen period's documents into one bundle. Documents with validation errors are left
 * out and listed; the revision is one above the last bundle this copy wrote, which it names by hash.
 */
export async function exportBundle(ctx: AppContext, input: ExportBundleInput): Promise<ExportBundleResult> {
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
    const label = `${doc.projectId} ${projectName} ${DOCUMENT_KIND_LABELS[doc.kind]}${doc.slot === 'plan' ? '' : ` (${doc.slot})`}`;
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
    const why =
      refused.length > 0
        ? ` 오류가 있어 제외된 문서: ${refused.map((r) => `${r.document} — ${r.error}`).join('; ')}`
        : '';
    throw new UserError(
      'NOTHING_TO_EXPORT',
      `${periodFileLabel(input.period)} 기간에 보낼 수 있는 문서가 없습니다.${why}`,
      Object.fromEntries(refused.map((r) => [r.document, r.error])),
    );
  }

  const { key, privateKeyPem } = await loadSigningKey(ctx);
  const last = await lastSentBundle(ctx.db, 'pledge-submission');
  const revision = (last?.revision ?? 0) + 1;
  const createdAt = ctx.now().toISOString();
  const bytes = await writeBundle({
    manifestFields: {
      type: 'pledge-submission',
      appVersion: ctx.appVersion,
      department,
      period: input.period,
      createdAt,
      revision,
      previousBundleSha256: last?.sha256 ?? null,
    },
    documents: chosen.map((c) => ({ path: c.path, json: c.json })),
    attachments: [...attachments.values()],
    privateKeyPem,
  });
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const fileName = `공약제출_${safeName(department)}_${periodFileLabel(input.period)}_r${revision}.pledge`;
  const target = resolve(input.path ?? join(ctx.dataDir, 'outbox', fileName));
  try {
    // One level at a time: a folder that cannot be made (under /proc, read-only) fails at once.
    createFolder(dirname(target));
  } catch (error) {
    throw new UserError(
      'FILE_WRITE_FAILED',
      `제출 파일을 둘 폴더를 만들 수 없습니다: ${dirname(target)} (${folderProblemOf(error)}).`,
    );
  }
  try {
    writeFileAtomic(target, bytes);
  } catch (error) {
    throw fileWriteError(error, target);
  }
  await insertSentBundle(ctx.db, {
    type: 'pledge-submission',
    revision,
    sha256,
    previousSha256: last?.sha256 ?? null,
    department,
    keyId: key.keyId,
    period: input.period,
    documentCount: chosen.length,
    path: target,
    createdAt,
  });
  return {
    path: target,
    fileName,
    revision,
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
