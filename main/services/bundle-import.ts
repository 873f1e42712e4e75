import {
  DEFAULT_LIMITS,
  MANIFEST_NAME,
  parseManifestBytes,
  type ContentContext,
  type KeySnapshotEntry,
  type BundleAccepted,
  type Manifest,
} from '../bundles';
import { readZipEntries } from '../bundles/read';
import { sha256Hex } from '../../db/attachments';
import { bundleWrites } from '../../db/bundle-writes';
import {
  getReceivedBundle,
  listReceivedBundles,
  putReceivedBundle,
  type ReceivedBundle,
  type DepartmentChain,
} from '../../db/bundles';
import { withRawConnection } from '../../db/create-db';
import {
  commitBatch,
  commitQuarantine,
  type Accept,
  type CommitReady,
  type Quarantine,
} from './bundle-commit';
import { submissionVerdict } from './bundle-content';
import { collectBundleFiles, readArchivedBundle, readInput, type BundleInput } from './bundle-files';
import { enterImportWrites } from './import-write-mode';
import { openImportVerifier, registrySnapshot, type OwnedVerifier, type Verifier } from './bundle-verify';
import type { AppContext } from './context';
import { duplicateOf, rejected, type ImportResult } from './import-result';
import { plainReason } from './import-messages';
import { readManifestClaim } from './manifest-claim';
import { beginImportRun, endImportRun, sourcesOf } from './import-runs';
import { receiptOf } from './receipt-date';
import { loadReferenceKept } from './reference';

export interface ImportOptions {
  /**
   * The date the office received these files (접수일, YYYY-MM-DD), when it imports them later than that: recorded
   * for each bundle at its first arrival unless the bundle was made after it (see receiptFor). Checked first: an
   * impossible or future date imports nothing.
   */
  receivedOn?: string;
  /** Defaults to a worker pool over the built out/main/verify-worker.mjs, closed when the import ends. */
  verifier?: Verifier;
  onProgress?: (done: number, total: number) => void;
  /**
   * Bundles in flight at once (read, verified in a worker, content-checked); default IN_FLIGHT, so the worker
   * threads have queued work while this thread commits.
   */
  concurrency?: number;
  /**
   * What the import was asked to take, as its record names it (import-runs.ts): the paths given, when they were
   * folders or files found there. Default: the inputs' names.
   */
  sources?: readonly string[];
}

/** Accepted bundles committed in one SQLite transaction (each inside its own savepoint). */
const COMMIT_BATCH = 256;
/**
 * Bundles read and queued for verification at once: enough that the worker threads (IMPORT_WORKER_DEPTH jobs
 * each) keep working while this thread commits a batch; ~17 KB each, so a few MB.
 */
const IN_FLIGHT = 128;

/** One input after verification, before anything is written. */
type Verified =
  | { kind: 'final'; result: ImportResult }
  | Accept
  | { kind: 'duplicate'; file: string; sha256: string }
  | Quarantine;

/**
 * The catalog and term documents are checked against: the ones the office's report keeps (loadReferenceKept, with the
 * database as keeper, as office-report-cache.ts), so an import does not parse and check the whole catalog again
 * (10–50 ms at ten times Seoul's size), and the same object from one import to the next while they are unchanged,
 * so the app's kept verify threads are sent it once (the pool sends a context a thread does not hold yet), not with
 * every import.
 */
export const contentContext = (ctx: AppContext): Promise<ContentContext> => loadReferenceKept(ctx.db, ctx.db);

/** Imports bundle files and folders (office). Each file is read once; see importBundleInputs. */
export async function importBundles(
  ctx: AppContext,
  paths: readonly string[],
  onProgress?: (done: number, total: number) => void,
  options: Omit<ImportOptions, 'onProgress'> = {},
): Promise<ImportResult[]> {
  const { files, problems } = collectBundleFiles(paths);
  const results = await importBundleInputs(
    ctx,
    files.map((path) => ({ name: path, path })),
    { ...options, ...(onProgress ? { onProgress } : {}), sources: sourcesOf(paths, true) },
  );
  return [...problems, ...results];
}

/**
 * The office's import: every input is read once and verified completely (in a worker: container, signature,
 * members, key status; then every document's schema, identity and the department's right to report on its
 * project) before anything of it is written. Accepted bundles are committed while later inputs are still being
 * verified, each all-or-nothing with its revision checks (stale, fork, duplicate) in its own savepoint inside a
 * transaction shared by up to COMMIT_BATCH bundles (see commitBatch). The raw bytes are stored in the same
 * savepoint (bundle_files), so rows and file commit together.
 *
 * Order: inputs are taken in input order; a department's bundle is committed at once while it continues that
 * department's chain (a newer revision whose previous hash is the last accepted bundle, or a first bundle with
 * none). From the first bundle of a department that does not (a gap, a fork, a stale or repeated revision, a
 * quarantined one), that department's remaining bundles wait and are committed after all inputs are verified,
 * in order of revision, then input order: the outcome is the same as committing every bundle in order of
 * department, revision and input position. Results keep input order.
 */
export async function importBundleInputs(
  ctx: AppContext,
  inputs: readonly BundleInput[],
  options: ImportOptions = {},
): Promise<ImportResult[]> {
  const receipt = receiptOf(options.receivedOn, ctx.now());
  if (inputs.length === 0) return [];
  const sources =
    options.sources ??
    sourcesOf(
      inputs.map((i) => i.name),
      false,
    );
  // Recorded with its first commit: an import cut off midway is told after the restart (import-runs.ts).
  const run = beginImportRun(ctx, sources, inputs.length);
  let completed = false;
  const owned: OwnedVerifier | null = options.verifier ? null : openImportVerifier();
  let leaveImportWrites: (() => void) | null = null;
  const verifier = options.verifier ?? (owned as OwnedVerifier).verifier;
  try {
    const keys = await registrySnapshot(ctx);
    const content = await contentContext(ctx);
    leaveImportWrites = await enterImportWrites(ctx.db);
    const state = await withRawConnection(ctx.db, (sqlite) => ({
      chains: new Map(
        bundleWrites(sqlite)
          .allChains()
          .map((c) => [c.department, c]),
      ),
      accepted: new Set(
        sqlite
          .prepare<[], { sha256: string }>(`SELECT sha256 FROM bundles WHERE status = 'accepted'`)
          .all()
          .map((r) => r.sha256),
      ),
    }));
    const total = inputs.length;
    const results: ImportResult[] = new Array<ImportResult>(total);
    const verified: (Verified | undefined)[] = new Array<Verified | undefined>(total);
    let done = 0;
    let wake: (() => void) | null = null;

    // Producers: read and verify inputs in order, several in flight so the worker threads never wait for this
    // thread while it commits.
    let next = 0;
    const produce = async (): Promise<void> => {
      while (next < total) {
        const index = next++;
        const input = inputs[index] as BundleInput;
        verified[index] = await verifyInput(input, keys, verifier, content, state.accepted);
        done += 1;
        options.onProgress?.(done, total);
        const w = wake;
        wake = null;
        w?.();
      }
    };
    const inFlight = Math.max(1, Math.min(options.concurrency ?? IN_FLIGHT, total));
    const producing = Promise.all(Array.from({ length: inFlight }, () => produce()));
    // Awaited below; should a producer fail unexpectedly, the consumer must not wait for its input forever.
    let producerFailure: { error: unknown } | null = null;
    producing.catch((error: unknown) => {
      producerFailure = { error };
      const w = wake;
      wake = null;
      w?.();
    });

    // The consumer: commits in input order while departments' chains continue; everything else waits.
    const blocked = new Set<string>();
    const waiting: { v: Accept | Quarantine; index: number }[] = [];
    const duplicates: { v: Extract<Verified, { kind: 'duplicate' }>; index: number }[] = [];
    let batch: { v: Accept; index: number }[] = [];
    const flush = async (): Promise<void> => {
      if (batch.length === 0) return;
      const taken = batch;
      batch = [];
      const outcomes = await commitBatch(
        ctx,
        taken.map((b) => b.v),
        receipt,
        run,
      );
      taken.forEach((b, k) => (results[b.index] = outcomes[k] as ImportResult));
    };
    for (let cursor = 0; cursor < total;) {
      const v = verified[cursor];
      if (!v) {
        if (producerFailure) throw (producerFailure as { error: unknown }).error;
        // Commit what is ready rather than idle; a small batch costs one more commit, never a lost bundle.
        if (batch.length >= COMMIT_BATCH / 4) await flush();
        else await new Promise<void>((resolve) => (wake = resolve));
        continue;
      }
      verified[cursor] = undefined;
      if (v.kind === 'final') results[cursor] = v.result;
      else if (v.kind === 'duplicate') duplicates.push({ v, index: cursor });
      else if (v.kind === 'accept' && continuesChain(v, state.chains, blocked)) {
        const { department, revision } = v.check.manifest;
        state.chains.set(department, {
          department,
          lastRevision: revision,
          lastBundleSha256: v.sha256,
          updatedAt: '',
        });
        state.accepted.add(v.sha256);
        batch.push({ v, index: cursor });
        if (batch.length >= COMMIT_BATCH) await flush();
      } else {
        if (v.kind === 'accept') blocked.add(v.check.manifest.department);
        waiting.push({ v, index: cursor });
      }
      cursor += 1;
    }
    await producing;
    await flush();
    // The worker threads are not needed for the rest.
    await owned?.close();

    waiting.sort(
      (a, b) => commitOrder(a.v) - commitOrder(b.v) || compareCandidates(a.v, b.v) || a.index - b.index,
    );
    for (let i = 0; i < waiting.length;) {
      const first = waiting[i] as { v: Accept | Quarantine; index: number };
      if (first.v.kind !== 'accept') {
        results[first.index] = await commitQuarantine(ctx, first.v, receipt, run);
        i += 1;
        continue;
      }
      while (i < waiting.length && batch.length < COMMIT_BATCH) {
        const item = waiting[i] as { v: Accept | Quarantine; index: number };
        if (item.v.kind !== 'accept') break;
        batch.push({ v: item.v, index: item.index });
        i += 1;
      }
      await flush();
    }
    for (const { v, index } of duplicates) {
      const known = await getReceivedBundle(ctx.db, v.sha256);
      results[index] = known
        ? duplicateOf(v.file, known)
        : rejected(v.file, 'DUPLICATE', '이미 받은 제출 파일입니다.');
    }
    completed = true;
    return results;
  } finally {
    await owned?.close();
    leaveImportWrites?.();
    // The import's own outcome (or error) is what the office needs; a record that cannot be closed only means the
    // import is told as cut off after the next start.
    await endImportRun(ctx, run, completed).catch((error: unknown) =>
      console.error('[import] could not mark the import finished', error),
    );
  }
}

/**
 * True when a bundle can be committed in input order: its department has nothing waiting, and the bundle is
 * that department's next link (or its first bundle, with no previous hash, when none was accepted yet). Any other
 * bundle waits for the rest of the import, so its earlier revisions are committed before it wherever they are in
 * the input; writeAccepted refuses it when they are not there.
 */
function continuesChain(
  v: Accept,
  chains: ReadonlyMap<string, DepartmentChain>,
  blocked: ReadonlySet<string>,
) {
  const { department, revision, previousBundleSha256 } = v.check.manifest;
  if (blocked.has(department)) return false;
  const chain = chains.get(department);
  if (!chain) return previousBundleSha256 === null;
  return revision > chain.lastRevision && previousBundleSha256 === chain.lastBundleSha256;
}

/**
 * Quarantined files are written before the accepted ones that wait: a bundle whose previous one is among them then
 * finds it in quarantine, and its refusal says so (waitingFor) instead of asking for a file the office has.
 */
const commitOrder = (v: Verified): number => (v.kind === 'quarantine' ? 0 : v.kind === 'accept' ? 1 : 2);
function compareCandidates(a: Verified, b: Verified): number {
  if (a.kind !== 'accept' || b.kind !== 'accept') return 0;
  const da = a.check.manifest.department;
  const db = b.check.manifest.department;
  return da < db ? -1 : da > db ? 1 : a.check.manifest.revision - b.check.manifest.revision;
}

async function verifyInput(
  input: BundleInput,
  keys: readonly KeySnapshotEntry[],
  verifier: Verifier,
  context: ContentContext,
  accepted: ReadonlySet<string>,
): Promise<Verified> {
  const bytes = readInput(input);
  if (!Buffer.isBuffer(bytes)) return { kind: 'final', result: bytes };
  const file = input.name;
  const sha256 = sha256Hex(bytes);
  // Already accepted before this import, or taken for commit earlier in it: not verified again.
  if (accepted.has(sha256)) return { kind: 'duplicate', file, sha256 };
  const check = await verifier(bytes, keys, 'pledge-submission', context);
  if (!check.ok) {
    if (check.quarantine) {
      const manifest = await manifestFromVerifiedZip(bytes);
      if (manifest) {
        return {
          kind: 'quarantine',
          file,
          bytes,
          sha256,
          ...manifest,
          code: check.code,
          reason: check.message,
        };
      }
    }
    // What the refused file claims to be, shown as such: the office sees whose file it was meant to be.
    // Display only: a file this reader cannot take is shown with '—', never fails the import.
    // A 기준 자료 has no department's half-year: its manifest's "plan" would read as 실천계획서.
    const claim = check.code === 'TYPE_MISMATCH' ? null : await readManifestClaim(bytes).catch(() => null);
    return {
      kind: 'final',
      result: rejected(file, check.code, plainReason(check.code, check.message, bytes), {
        sha256,
        ...(claim ? { ...claim, unverified: true } : {}),
      }),
    };
  }
  // A pool worker has already checked the content; any other verifier leaves it to this thread.
  const content = check.content ?? submissionVerdict(check, context);
  if (!content.ok) {
    return {
      kind: 'final',
      result: rejected(file, content.problem.code, content.problem.message, {
        sha256,
        department: check.manifest.department,
        period: check.manifest.period,
        revision: check.manifest.revision,
        details: content.problem.details,
      }),
    };
  }
  // The raw parsed documents are not needed any more (content.documents holds the checked ones): an import of
  // thousands of bundles may keep verified bundles until their commit, so drop them now.
  const { content: _verdict, ...rest } = check;
  const kept: BundleAccepted = { ...rest, documents: [] };
  return { kind: 'accept', file, bytes, sha256, check: kept, documents: content.documents };
}

/** The manifest of a bundle the verifier already found sound except for its key (canonical zip, schema-valid). */
async function manifestFromVerifiedZip(
  bytes: Buffer,
): Promise<{ manifest: Manifest; manifestText: string } | null> {
  const zip = await readZipEntries(bytes, DEFAULT_LIMITS);
  if (!zip.ok) return null;
  const data = zip.entries.find((e) => e.name === MANIFEST_NAME)?.data;
  if (!data) return null;
  const parsed = parseManifestBytes(data);
  return parsed.ok ? { manifest: parsed.manifest, manifestText: data.toString('utf8') } : null;
}

/**
 * One bundle's bytes verified as the import verifies them — the registry's keys, the catalog and the term as they
 * are now — with nothing written; for a held bundle the office chooses after its import.
 */
export async function verifyForCommit(
  ctx: AppContext,
  input: { name: string; bytes: Buffer },
  options: Pick<ImportOptions, 'verifier'> = {},
): Promise<{ ok: true; bundle: CommitReady } | { ok: false; code: string; reason: string }> {
  const owned: OwnedVerifier | null = options.verifier ? null : openImportVerifier({ size: 1 });
  const verifier = options.verifier ?? (owned as OwnedVerifier).verifier;
  try {
    const keys = await registrySnapshot(ctx);
    const content = await contentContext(ctx);
    const v = await verifyInput(input, keys, verifier, content, new Set());
    if (v.kind === 'accept') return { ok: true, bundle: v };
    if (v.kind === 'final') return { ok: false, code: v.result.code, reason: v.result.reason };
    if (v.kind === 'quarantine') return { ok: false, code: v.code, reason: v.reason };
    return { ok: false, code: 'DUPLICATE', reason: '이미 받은 제출 파일입니다.' };
  } finally {
    await owned?.close();
  }
}

/**
 * After a key is approved: re-verifies its quarantined bundles from the archived bytes and imports them in order
 * of revision. A bundle that still fails (e.g. a newer revision arrived meanwhile) stays in quarantine with the
 * new reason, so nothing is lost. One that conflicts with an accepted bundle of its revision is held instead: it
 * leaves quarantine in the same transaction (see commitBatch). Several keys' bundles are taken in one import, so
 * that a chain passing from one key to the next is committed in order of revision whatever key signed each link.
 */
export async function releaseQuarantined(
  ctx: AppContext,
  department: string,
  keyId: string | readonly string[],
  options: ImportOptions = {},
): Promise<ImportResult[]> {
  const keyIds = typeof keyId === 'string' ? [keyId] : [...new Set(keyId)];
  const held: ReceivedBundle[] = [];
  for (const id of keyIds) {
    held.push(...(await listReceivedBundles(ctx.db, { status: 'quarantined', department, keyId: id })));
  }
  if (held.length === 0) return [];
  const inputs: BundleInput[] = [];
  const missing: ImportResult[] = [];
  for (const bundle of held) {
    const bytes = await readArchivedBundle(ctx, bundle.sha256);
    if (!bytes || sha256Hex(bytes) !== bundle.sha256) {
      missing.push(
        rejected(
          bundle.fileName,
          'ARCHIVE_MISSING',
          `보관된 제출 파일(SHA-256 ${bundle.sha256.slice(0, 12)}…)이 없거나 손상되어 다시 검사할 수 없습니다. 원본 파일을 다시 가져오세요.`,
          {
            department: bundle.department,
            period: bundle.period,
            unverified: bundle.reasonCode === 'KEY_UNKNOWN',
            revision: bundle.revision,
            sha256: bundle.sha256,
          },
        ),
      );
      continue;
    }
    inputs.push({ name: bundle.fileName, bytes });
  }
  const results = await importBundleInputs(ctx, inputs, options);
  for (const result of results) {
    if (result.status !== 'rejected' || !result.sha256) continue;
    const row = held.find((b) => b.sha256 === result.sha256);
    if (row) await putReceivedBundle(ctx.db, { ...row, reasonCode: result.code, reason: result.reason });
  }
  return [...missing, ...results];
}

/**
 * After the office applied a key rotation: the department's bundles waiting in quarantine under the new key (it was
 * unknown until now) and under the old one (signed before it was retired, now valid), re-verified and imported
 * together. One signed by the old key after the rotation stays in quarantine with the reason (KEY_RETIRED).
 */
export async function releaseAfterRotation(
  ctx: AppContext,
  rotation: { department: string; keyId: string; replacedKeyId: string },
  options: ImportOptions = {},
): Promise<ImportResult[]> {
  return releaseQuarantined(ctx, rotation.department, [rotation.replacedKeyId, rotation.keyId], options);
}
