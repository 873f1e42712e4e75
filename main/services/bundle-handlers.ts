import type { Handlers, ReceivedBundleView, RegistryKeyView } from '../../domain/api/contract';
import { listBundleListings } from '../../db/bundles';
import type { RegistryKey } from '../../db/keys';
import { latestReceivedDocuments } from '../../db/received';
import { auditArchive } from './archive-audit';
import { applyBaseline, appliedBaseline, exportBaseline } from './baseline';
import { exportBundle } from './bundle-export';
import { readMadeFile } from './made-file';
import { importBundleInputs, importBundles, releaseAfterRotation, releaseQuarantined } from './bundle-import';
import type { BundleInput } from './bundle-files';
import { ImportJobs } from './bundle-jobs';
import { importNotesFor } from './import-notes';
import { acknowledgeInterruptedImports, interruptedImports } from './import-runs';
import { loadTerm } from './reference';
import { swapHeldBundle } from './held-bundle-swap';
import { sentBundlesWithReceipts } from './receipts';
import { receiptOf } from './receipt-date';
import { requireDepartment } from './session';
import { chainResumeOffer, resumeChain } from './chain-resume';
import type { Verifier } from './bundle-verify';
import type { AppContext } from './context';
import { UserError } from './errors';
import {
  applyRotation,
  exportEnrollment,
  getKeyStatus,
  importEnrollment,
  initKeys,
  isRotationStatement,
  listRegistry,
  markApproved,
  previewEnrollment,
  requireOffice,
  revokeKey,
  rotateOwnKey,
  withdrawOfficeKeyTrust,
} from './key-service';

const keyView = (k: RegistryKey): RegistryKeyView => ({
  department: k.department,
  keyId: k.keyId,
  role: k.role,
  fingerprint: k.fingerprint,
  status: k.status,
  validFrom: k.validFrom,
  enrolledAt: k.enrolledAt,
  approvedAt: k.approvedAt,
  revokedAt: k.revokedAt,
  replacesKeyId: k.replacesKeyId,
});

const decode = (files: { name: string; dataBase64: string }[]): BundleInput[] =>
  files.map((f) => ({ name: f.name, bytes: Buffer.from(f.dataBase64, 'base64') }));

export interface BundleHandlerOptions {
  /** Tests pass the in-thread verifier; the app uses the worker (default). */
  verifier?: Verifier;
  /** The app's kept verify threads started ahead of an import (app-runtime.ts); tools and tests have none. */
  prepareWorkers?: () => void;
}

/** Keys, submission bundles, the office's import with quarantine, and baseline packages. */
export const bundleHandlers = (ctx: AppContext, options: BundleHandlerOptions = {}) => {
  const jobs = new ImportJobs();
  const importOptions = options.verifier ? { verifier: options.verifier } : {};

  return {
    getKeyStatus: () => getKeyStatus(ctx),
    initKeys: () => initKeys(ctx),
    exportEnrollment: (input) => exportEnrollment(ctx, input?.path),
    rotateOwnKey: (input) => rotateOwnKey(ctx, input?.path),
    listRegistryKeys: async () => (await listRegistry(ctx)).map(keyView),
    previewEnrollment: async ({ text }) => previewEnrollment(text),
    withdrawOfficeKeyTrust: ({ keyId }) => withdrawOfficeKeyTrust(ctx, keyId),

    importEnrollment: async ({ text }) => {
      if (isRotationStatement(text)) {
        const { key, replaced } = await applyRotation(ctx, text);
        const released = await releaseAfterRotation(
          ctx,
          { department: key.department, keyId: key.keyId, replacedKeyId: replaced.keyId },
          importOptions,
        );
        return { kind: 'rotation', ...keyFields(key), alreadyKnown: false, released };
      }
      const imported = await importEnrollment(ctx, text);
      const key = imported.key;
      return {
        kind: imported.kind === 'trustedOffice' ? 'trustedOffice' : 'registry',
        department: 'department' in key ? key.department : '기획담당관',
        keyId: key.keyId,
        fingerprint: key.fingerprint,
        status: key.status,
        alreadyKnown: imported.alreadyKnown,
        released: [],
      };
    },

    swapHeldBundle: async (input) => {
      await requireOffice(ctx);
      return swapHeldBundle(ctx, input, importOptions);
    },

    approveKey: async ({ keyId, department }) => {
      const key = await markApproved(ctx, keyId, department);
      const released = await releaseQuarantined(ctx, key.department, key.keyId, importOptions);
      return { key: keyView(key), released };
    },

    revokeKey: async ({ keyId, department }) => keyView(await revokeKey(ctx, keyId, department)),

    exportBundle: (input) => exportBundle(ctx, input),
    readMadeFile: (input) => readMadeFile(ctx, input),

    listSentBundles: async () => {
      await requireDepartment(ctx);
      return sentBundlesWithReceipts(ctx.db);
    },

    getChainResume: async () => {
      await requireDepartment(ctx);
      return chainResumeOffer(ctx.db);
    },

    resumeChain: ({ headSha256 }) => resumeChain(ctx, headSha256),

    importBundleFiles: async ({ paths, receivedOn }) => {
      await requireOffice(ctx);
      return importBundles(ctx, paths, undefined, withReceipt(importOptions, receivedOn));
    },

    importBundleData: async ({ files, receivedOn }) => {
      await requireOffice(ctx);
      return importBundleInputs(ctx, decode(files), withReceipt(importOptions, receivedOn));
    },

    startBundleImport: async (input) => {
      await requireOffice(ctx);
      const options = withReceipt(importOptions, input.receivedOn);
      // An impossible or future 접수일 is said at once, not as a failed job.
      receiptOf(input.receivedOn, ctx.now());
      return jobs.start(async (onProgress) => {
        const fromPaths = input.paths?.length
          ? await importBundles(ctx, input.paths, onProgress, options)
          : [];
        const fromData = input.files?.length
          ? await importBundleInputs(ctx, decode(input.files), { ...options, onProgress })
          : [];
        return [...fromPaths, ...fromData];
      });
    },

    getImportNotes: async ({ sha256s }) => {
      await requireOffice(ctx);
      const notes = await importNotesFor(ctx, await loadTerm(ctx.db), sha256s);
      return notes.map(({ sha256, note }) => ({ sha256, ...note }));
    },

    prepareImport: async () => {
      await requireOffice(ctx);
      options.prepareWorkers?.();
      return null;
    },

    getInterruptedImports: async () => {
      await requireOffice(ctx);
      return interruptedImports(ctx);
    },

    acknowledgeInterruptedImports: async ({ ids }) => {
      await requireOffice(ctx);
      return acknowledgeInterruptedImports(ctx, ids);
    },

    getImportProgress: async ({ jobId, waitMs }) => {
      const job = await jobs.wait(jobId, waitMs ?? 0);
      if (!job)
        throw new UserError(
          'JOB_NOT_FOUND',
          '가져오기 작업을 찾을 수 없습니다 (프로그램을 다시 시작했을 수 있습니다).',
        );
      return job;
    },

    listBundles: async (input): Promise<ReceivedBundleView[]> => {
      await requireOffice(ctx);
      const rows = await listBundleListings(ctx.db, input?.status ? { status: input.status } : {});
      return rows.map((b) => ({
        sha256: b.sha256,
        department: b.department,
        keyId: b.keyId,
        period: b.period,
        revision: b.revision,
        createdAt: b.createdAt,
        importedAt: b.importedAt,
        receivedOn: b.receivedOn,
        status: b.status,
        fileName: b.fileName,
        reasonCode: b.reasonCode,
        reason: b.reason,
        documents: b.documents,
      }));
    },

    listReceivedDocuments: async (input) => {
      await requireOffice(ctx);
      const docs = await latestReceivedDocuments(ctx.db, {
        ...(input?.projectId ? { projectId: input.projectId } : {}),
        ...(input?.department ? { department: input.department } : {}),
      });
      return docs.map((d) => ({
        kind: d.kind,
        projectId: d.projectId,
        slot: d.slot,
        department: d.department,
        revision: d.revision,
        bundleSha256: d.bundleSha256,
        receivedAt: d.receivedAt,
        json: d.json,
      }));
    },

    auditArchive: () => auditArchive(ctx),
    exportBaseline: (input) => exportBaseline(ctx, input?.path),

    applyBaseline: (input) =>
      applyBaseline(
        ctx,
        'path' in input
          ? { path: input.path }
          : { name: input.name, bytes: Buffer.from(input.dataBase64, 'base64') },
        importOptions,
      ),

    getAppliedBaseline: async () => {
      await requireDepartment(ctx);
      return appliedBaseline(ctx.db);
    },
  } satisfies Partial<Handlers>;
};

function keyFields(key: RegistryKey) {
  return { department: key.department, keyId: key.keyId, fingerprint: key.fingerprint, status: key.status };
}

/** The import's options with the 접수일 the office gave (none: received when imported). */
const withReceipt = <T extends object>(
  options: T,
  receivedOn: string | undefined,
): T & { receivedOn?: string } => (receivedOn === undefined ? options : { ...options, receivedOn });
