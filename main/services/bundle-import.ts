import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, stat, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { sql, type Transaction } from 'kysely';
import {
  DEFAULT_LIMITS,
  MANIFEST_NAME,
  parseManifestBytes,
  serializeManifest,
  syncDirectory,
  writeFileAtomic,
  writeFileAtomicDeferred,
  type BundleAccepted,
  type ContentContext,
  type KeySnapshotEntry,
  type Manifest,
  type StoredDocumentRow,
} from '../bundles';
import { readZipEntries } from '../bundles/read';
import { putAttachment } from '../../db/attachments';
import {
  getDepartmentChain,
  getReceivedBundle,
  listReceivedBundles,
  putReceivedBundle,
  setDepartmentChain,
} from '../../db/bundles';
import type { Database } from '../../db/schema';
import { submissionVerdict } from './bundle-content';
import { openImportVerifier, registrySnapshot, type OwnedVerifier, type Verifier } from './bundle-verify';
import type { AppContext } from './context';
import { loadCatalog, loadTerm } from './reference';

export type ImportStatus = 'accepted' | 'duplicate' | 'quarantined' | 'rejected';

/** The outcome for one file: what happened, a stable code, and the reason in Korean. */
export interface ImportResult {
  file: string;
  status: ImportStatus;
  code: string;
  reason: string;
  department: string | null;
  revision: number | null;
  sha256: string | null;
  documents: number;
  /** Field-level problems for a rejected document: "documents/…json: path" → message. */
  details?: Record<string, string>;
}

export interface ImportOptions {
  /** Defaults to a worker pool over the built out/main/verify-worker.mjs, closed when the import ends. */
  verifier?: Verifier;
  onProgress?: (done: number, total: number) => void;
  /** Bundles in flight at once (read, verified in a worker, content-checked); default 4. */
  concurrency?: number;
}

/** Accepted bundles committed in one SQLite transaction (each inside its own savepoint). */
const COMMIT_BATCH = 256;
/** received_documents rows per INSERT (8 parameters each, far below SQLite's limit). */
const DOCUMENT_ROWS_PER_INSERT = 100;
/** Archive files written (and fsynced) at once while bundles are verified. */
const ARCHIVE_WRITES = 16;

export const archiveDirOf = (dataDir: string): string => join(dataDir, 'archive');
export const archivePathOf = (dataDir: string, sha256: string): string =>
  join(archiveDirOf(dataDir), `${sha256}.pledge`);

const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const BUNDLE_FILE = /\.(pledge|zip)$/i;

/** A file or a folder's bundle files (recursively *.pledge / *.zip), in natural name order. */
export function collectBundleFiles(paths: readonly string[]): { files: string[]; problems: ImportResult[] } {
  const files: string[] = [];
  const problems: ImportResult[] = [];
  const walk = (dir: string): void => {
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name, 'ko', { numeric: true }),
    );
    for (const entry of entries) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && BUNDLE_FILE.test(entry.name)) files.push(full);
    }
  };
  for (const raw of paths) {
    const path = resolve(raw);
    let isDir = false;
    try {
      isDir = statSync(path).isDirectory();
    } catch {
      problems.push(rejected(raw, 'FILE_NOT_FOUND', `파일이나 폴더를 찾을 수 없습니다: ${raw}`));
      continue;
    }
    if (isDir) walk(path);
    else files.push(path);
  }
  return { files: [...new Set(files)], problems };
}

function rejected(
  file: string,
  code: string,
  reason: string,
  extra: Partial<ImportResult> = {},
): ImportResult {
  return {
    file,
    status: 'rejected',
    code,
    reason,
    department: null,
    revision: null,
    sha256: null,
    documents: 0,
    ...extra,
  };
}

/** One input after verification, before anything is written. */
type Verified =
  | { kind: 'final'; result: ImportResult }
  | {
      kind: 'accept';
      file: string;
      bytes: Buffer;
      sha256: string;
      check: BundleAccepted;
      /** The checked documents as stored (schema-parsed, serialized). */
      documents: StoredDocumentRow[];
      /** The raw file being archived (started early so its fsync overlaps verification; see commitBatch). */
      archived: Promise<unknown>;
    }
  | {
      kind: 'quarantine';
      file: string;
      bytes: Buffer;
      sha256: string;
      manifest: Manifest;
      manifestText: string;
      code: string;
      reason: string;
    };

export type BundleInput = { name: string; bytes: Buffer } | { name: string; path: string };

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
    { ...options, ...(onProgress ? { onProgress } : {}) },
  );
  return [...problems, ...results];
}

/**
 * The office's import: every input is read once into memory and verified completely (in a worker: container,
 * signature, members, key status; then every document's schema, identity and the department's right to report
 * on its project) before anything is written. Verified bundles are then committed in order of department and
 * revision, each all-or-nothing with its revision checks (stale, fork, duplicate): its own savepoint inside a
 * transaction shared by up to COMMIT_BATCH bundles (see commitBatch). Results keep input order.
 */
export async function importBundleInputs(
  ctx: AppContext,
  inputs: readonly BundleInput[],
  options: ImportOptions = {},
): Promise<ImportResult[]> {
  const owned: OwnedVerifier | null = options.verifier ? null : openImportVerifier();
  const verifier = options.verifier ?? (owned as OwnedVerifier).verifier;
  const chains = await ctx.db
    .selectFrom('department_chain')
    .select(['department', 'last_revision'])
    .execute();
  const archiver = new Archiver(ctx.dataDir, new Map(chains.map((c) => [c.department, c.last_revision])));
  const committed = new Set<string>();
  try {
    const keys = await registrySnapshot(ctx);
    // One object for the whole import: the worker pool sends it to each worker once.
    const content: ContentContext = { catalog: await loadCatalog(ctx.db), term: await loadTerm(ctx.db) };
    const total = inputs.length;
    let done = 0;
    const verified: Verified[] = new Array<Verified>(inputs.length);

    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < inputs.length) {
        const index = next++;
        const input = inputs[index] as BundleInput;
        verified[index] = await verifyInput(ctx, input, keys, verifier, content, archiver);
        done += 1;
        options.onProgress?.(done, total);
      }
    };
    const concurrency = Math.max(1, Math.min(options.concurrency ?? 4, inputs.length));
    await Promise.all(Array.from({ length: concurrency }, () => worker()));
    // The worker threads are not needed for the writes.
    await owned?.close();

    const results: ImportResult[] = new Array<ImportResult>(inputs.length);
    const order = verified
      .map((v, index) => ({ v, index }))
      .sort(
        (a, b) => commitOrder(a.v) - commitOrder(b.v) || compareCandidates(a.v, b.v) || a.index - b.index,
      );
    for (let i = 0; i < order.length;) {
      const first = order[i] as { v: Verified; index: number };
      if (first.v.kind !== 'accept') {
        results[first.index] = await commit(ctx, first.v);
        i += 1;
        continue;
      }
      const batch: { v: Extract<Verified, { kind: 'accept' }>; index: number }[] = [];
      while (i < order.length && batch.length < COMMIT_BATCH) {
        const item = order[i] as { v: Verified; index: number };
        if (item.v.kind !== 'accept') break;
        batch.push({ v: item.v, index: item.index });
        i += 1;
      }
      const outcomes = await commitBatch(
        ctx,
        batch.map((b) => b.v),
      );
      batch.forEach((b, k) => {
        const outcome = outcomes[k] as ImportResult;
        results[b.index] = outcome;
        if (outcome.status === 'accepted') committed.add(b.v.sha256);
      });
    }
    return results;
  } finally {
    await owned?.close();
    await archiver.settle();
    await removeUnreferenced(
      ctx,
      [...archiver.created].filter((sha) => !committed.has(sha)),
    );
  }
}

/**
 * Files archived early for bundles the commit then refused (e.g. a fork found only once an earlier bundle of
 * the same import was committed): one transaction per bundle would never have written them, so remove the ones
 * this import created and no row names.
 */
async function removeUnreferenced(ctx: AppContext, created: readonly string[]): Promise<void> {
  for (const sha256 of created) {
    if (await getReceivedBundle(ctx.db, sha256)) continue;
    rmSync(archivePathOf(ctx.dataDir, sha256), { force: true });
  }
}

/**
 * Raw files of accepted bundles, written while the rest is still being verified: content-addressed, so a file
 * written for a bundle whose commit later fails is harmless (the same holds for the one-at-a-time path). Each
 * file is fsynced before its rename; the folder is fsynced once per commit batch (commitBatch).
 */
class Archiver {
  private readonly started = new Map<string, Promise<unknown>>();
  /** Hashes whose file this import wrote (not there before). */
  readonly created = new Set<string>();
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private dirReady = false;

  constructor(
    private readonly dataDir: string,
    /** Each department's last accepted revision when the import started. */
    readonly lastRevisions: ReadonlyMap<string, number>,
  ) {}

  /** Starts writing (once per hash); the promise settles when the file is complete on disk, or fails. */
  write(sha256: string, bytes: Buffer): Promise<unknown> {
    const known = this.started.get(sha256);
    if (known) return known;
    const promise = this.run(sha256, bytes);
    promise.catch(() => undefined); // awaited (and rethrown) by the commit; never an unhandled rejection
    this.started.set(sha256, promise);
    return promise;
  }

  private async run(sha256: string, bytes: Buffer): Promise<void> {
    if (this.running >= ARCHIVE_WRITES) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.running += 1;
    try {
      const path = archivePathOf(this.dataDir, sha256);
      if (await fileExists(path)) return;
      if (!this.dirReady) {
        mkdirSync(archiveDirOf(this.dataDir), { recursive: true });
        this.dirReady = true;
      }
      await writeFileAtomicDeferred(path, bytes);
      this.created.add(sha256);
    } finally {
      this.running -= 1;
      this.waiting.shift()?.();
    }
  }

  /** Waits for every write started (used before returning, so no write outlives the import). */
  async settle(): Promise<void> {
    await Promise.allSettled([...this.started.values()]);
  }
}

const commitOrder = (v: Verified): number => (v.kind === 'accept' ? 0 : v.kind === 'quarantine' ? 1 : 2);
function compareCandidates(a: Verified, b: Verified): number {
  if (a.kind !== 'accept' || b.kind !== 'accept') return 0;
  const da = a.check.manifest.department;
  const db = b.check.manifest.department;
  return da < db ? -1 : da > db ? 1 : a.check.manifest.revision - b.check.manifest.revision;
}

async function readInput(input: BundleInput): Promise<Buffer | ImportResult> {
  if ('bytes' in input) return input.bytes;
  try {
    const size = statSync(input.path).size;
    if (size > DEFAULT_LIMITS.maxBundleBytes) {
      return rejected(
        input.name,
        'ZIP_LIMIT',
        `파일이 너무 큽니다 (${size}바이트, 최대 ${DEFAULT_LIMITS.maxBundleBytes}바이트)`,
      );
    }
    return readFileSync(input.path);
  } catch (error) {
    return rejected(
      input.name,
      'FILE_UNREADABLE',
      `파일을 읽을 수 없습니다: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

async function verifyInput(
  ctx: AppContext,
  input: BundleInput,
  keys: readonly KeySnapshotEntry[],
  verifier: Verifier,
  content: ContentContext,
  archiver: Archiver,
): Promise<Verified> {
  const bytes = await readInput(input);
  if (!Buffer.isBuffer(bytes)) return { kind: 'final', result: bytes };
  return verifyBytes(ctx, input.name, bytes, keys, verifier, content, archiver);
}

async function verifyBytes(
  ctx: AppContext,
  file: string,
  bytes: Buffer,
  keys: readonly KeySnapshotEntry[],
  verifier: Verifier,
  context: ContentContext,
  archiver: Archiver,
): Promise<Verified> {
  const sha256 = sha256Hex(bytes);
  const known = await getReceivedBundle(ctx.db, sha256);
  if (known?.status === 'accepted') return { kind: 'final', result: duplicateOf(file, known) };
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
    return { kind: 'final', result: rejected(file, check.code, check.message, { sha256 }) };
  }
  // A pool worker has already checked the content; any other verifier leaves it to this thread.
  const content = check.content ?? submissionVerdict(check, context);
  if (!content.ok) {
    return {
      kind: 'final',
      result: rejected(file, content.problem.code, content.problem.message, {
        sha256,
        department: check.manifest.department,
        revision: check.manifest.revision,
        details: content.problem.details,
      }),
    };
  }
  // A revision already superseded will be refused at commit: do not archive it (the serial path would not).
  const lastRevision = archiver.lastRevisions.get(check.manifest.department);
  const archived =
    lastRevision !== undefined && check.manifest.revision <= lastRevision
      ? Promise.resolve()
      : archiver.write(sha256, bytes);
  // The raw parsed documents are not needed any more (content.documents holds the checked ones): an import of
  // thousands of bundles keeps every verified bundle until the commit, so drop them now.
  const { content: _verdict, ...rest } = check;
  const kept: BundleAccepted = { ...rest, documents: [] };
  return { kind: 'accept', file, bytes, sha256, check: kept, documents: content.documents, archived };
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

const duplicateOf = (
  file: string,
  known: { sha256: string; department: string; revision: number; status: string; importedAt: string },
): ImportResult => ({
  file,
  status: 'duplicate',
  code: 'DUPLICATE',
  reason:
    known.status === 'accepted'
      ? `이미 받은 번들입니다 (${known.department} r${known.revision}, ${known.importedAt.slice(0, 10)} 가져옴). 바뀐 것이 없습니다.`
      : `이미 격리 보관 중인 번들입니다 (${known.department} r${known.revision}). 키가 승인되면 자동으로 반영됩니다.`,
  department: known.department,
  revision: known.revision,
  sha256: known.sha256,
  documents: 0,
});

/** Thrown inside a transaction to roll it back with a result. */
class Outcome extends Error {
  constructor(readonly result: ImportResult) {
    super(result.reason);
  }
}

function archive(ctx: AppContext, sha256: string, bytes: Buffer): void {
  const path = archivePathOf(ctx.dataDir, sha256);
  if (existsSync(path)) return;
  mkdirSync(archiveDirOf(ctx.dataDir), { recursive: true });
  writeFileAtomic(path, bytes);
}

async function commit(ctx: AppContext, v: Verified): Promise<ImportResult> {
  if (v.kind === 'final') return v.result;
  const now = ctx.now().toISOString();
  if (v.kind === 'quarantine') {
    const { manifest } = v;
    const known = await getReceivedBundle(ctx.db, v.sha256);
    if (known) return duplicateOf(v.file, known);
    archive(ctx, v.sha256, v.bytes);
    await putReceivedBundle(ctx.db, {
      sha256: v.sha256,
      type: manifest.type,
      department: manifest.department,
      keyId: manifest.keyId,
      period: manifest.period,
      revision: manifest.revision,
      previousSha256: manifest.previousBundleSha256,
      createdAt: manifest.createdAt,
      importedAt: now,
      status: 'quarantined',
      manifest: v.manifestText,
      fileName: basename(v.file),
      reasonCode: v.code,
      reason: v.reason,
    });
    return {
      file: v.file,
      status: 'quarantined',
      code: v.code,
      reason: `${v.reason}. 번들은 격리 보관했습니다. 키를 승인하면 반영됩니다.`,
      department: manifest.department,
      revision: manifest.revision,
      sha256: v.sha256,
      documents: manifest.members.filter((m) => m.role === 'document').length,
    };
  }
  throw new Error(`commit: accepted bundles go through commitBatch (${v.file})`);
}

/** Callback stat: cheaper for the calling thread than fs/promises (one per archived bundle). */
const fileExists = (path: string): Promise<boolean> =>
  new Promise((resolve) => stat(path, (error) => resolve(!error)));

/**
 * Commits accepted bundles, in order, in ONE transaction: per-commit fsync (WAL, synchronous=FULL) would
 * otherwise dominate an import of thousands of bundles. Each bundle still stands alone: it runs inside its own
 * SAVEPOINT, and a revision or duplicate check that refuses it rolls back only that savepoint, exactly as its
 * own transaction would have; later bundles see the chain as the earlier ones left it. An unexpected error
 * keeps the bundles before it (committed) and is rethrown, as with one transaction per bundle. Before the
 * commit every accepted bundle's raw file is complete on disk and the archive folder is synced, so the
 * database never names an archive file a power cut could lose.
 */
async function commitBatch(
  ctx: AppContext,
  batch: readonly Extract<Verified, { kind: 'accept' }>[],
): Promise<ImportResult[]> {
  const now = ctx.now().toISOString();
  const results: ImportResult[] = [];
  let failure: { error: unknown } | null = null;
  await ctx.db.transaction().execute(async (trx) => {
    for (const v of batch) {
      await sql`SAVEPOINT bundle_import`.execute(trx);
      try {
        results.push(await writeAccepted(trx, ctx, v, now));
        await sql`RELEASE SAVEPOINT bundle_import`.execute(trx);
      } catch (error) {
        await sql`ROLLBACK TO SAVEPOINT bundle_import`.execute(trx);
        await sql`RELEASE SAVEPOINT bundle_import`.execute(trx);
        if (error instanceof Outcome) {
          results.push(error.result);
          continue;
        }
        failure = { error };
        break;
      }
    }
    const accepted = batch.filter((_v, k) => results[k]?.status === 'accepted');
    if (accepted.length === 0) return;
    await Promise.all(accepted.map((v) => v.archived));
    // A bundle not archived early (judged stale while verifying, yet accepted now) is written here.
    for (const v of accepted) archive(ctx, v.sha256, v.bytes);
    syncDirectory(archiveDirOf(ctx.dataDir));
  });
  if (failure) throw (failure as { error: unknown }).error;
  return results;
}

/** One accepted bundle's rows (inside the caller's savepoint); throws Outcome when its revision is refused. */
async function writeAccepted(
  trx: Transaction<Database>,
  ctx: AppContext,
  v: Extract<Verified, { kind: 'accept' }>,
  now: string,
): Promise<ImportResult> {
  const { manifest } = v.check;
  const base = { department: manifest.department, revision: manifest.revision, sha256: v.sha256 };
  const known = await getReceivedBundle(trx, v.sha256);
  if (known?.status === 'accepted') throw new Outcome(duplicateOf(v.file, known));
  const chain = await getDepartmentChain(trx, manifest.department);
  if (chain && manifest.revision <= chain.lastRevision) {
    throw new Outcome(
      rejected(
        v.file,
        'REVISION_STALE',
        `${manifest.department}의 r${manifest.revision}은(는) 이미 받은 r${chain.lastRevision}보다 오래되었습니다. 더 새 번들을 받았으므로 이 번들은 반영하지 않습니다.`,
        base,
      ),
    );
  }
  if (chain && manifest.previousBundleSha256 !== chain.lastBundleSha256) {
    const named = manifest.previousBundleSha256
      ? `이전 번들(SHA-256 ${manifest.previousBundleSha256.slice(0, 12)}…)`
      : '이전 번들 없음';
    throw new Outcome(
      rejected(
        v.file,
        'CHAIN_FORK',
        `${manifest.department}의 r${manifest.revision}은(는) ${named} 다음에 만들어졌지만, 마지막으로 받은 번들은 r${chain.lastRevision}(SHA-256 ${chain.lastBundleSha256.slice(0, 12)}…)입니다. 빠진 번들을 먼저 가져오거나, 다른 PC에서 만든 번들인지 부서에 확인하세요.`,
        base,
      ),
    );
  }
  await putReceivedBundle(trx, {
    sha256: v.sha256,
    type: manifest.type,
    department: manifest.department,
    keyId: manifest.keyId,
    period: manifest.period,
    revision: manifest.revision,
    previousSha256: manifest.previousBundleSha256,
    createdAt: manifest.createdAt,
    importedAt: now,
    status: 'accepted',
    manifest: known?.manifest ?? serializeManifest(manifest).toString('utf8'),
    fileName: known?.fileName ?? basename(v.file),
    reasonCode: '',
    reason: '',
  });
  // The rows insertReceivedDocument writes, several per statement (one statement each cost more than the data).
  for (let i = 0; i < v.documents.length; i += DOCUMENT_ROWS_PER_INSERT) {
    await trx
      .insertInto('received_documents')
      .values(
        v.documents.slice(i, i + DOCUMENT_ROWS_PER_INSERT).map((row) => ({
          bundle_sha256: v.sha256,
          kind: row.kind,
          project_id: row.projectId,
          slot: row.slot,
          department: manifest.department,
          revision: manifest.revision,
          json: row.json,
          received_at: now,
        })),
      )
      .execute();
  }
  for (const attachment of v.check.attachments) {
    await putAttachment(trx, attachment.bytes, attachment.mediaType, ctx.now());
  }
  await setDepartmentChain(trx, {
    department: manifest.department,
    lastRevision: manifest.revision,
    lastBundleSha256: v.sha256,
    updatedAt: now,
  });
  return {
    file: v.file,
    status: 'accepted',
    code: 'ACCEPTED',
    reason: `${manifest.department} r${manifest.revision}: 문서 ${v.documents.length}건, 첨부 ${v.check.attachments.length}건을 반영했습니다.`,
    ...base,
    documents: v.documents.length,
  };
}

/**
 * After a key is approved: re-verifies its quarantined bundles from the archived bytes and imports them in order
 * of revision. A bundle that still fails (e.g. a newer revision arrived meanwhile) stays in quarantine with the
 * new reason, so nothing is lost.
 */
export async function releaseQuarantined(
  ctx: AppContext,
  department: string,
  keyId: string,
  options: ImportOptions = {},
): Promise<ImportResult[]> {
  const held = await listReceivedBundles(ctx.db, { status: 'quarantined', department, keyId });
  if (held.length === 0) return [];
  const inputs: BundleInput[] = [];
  const missing: ImportResult[] = [];
  for (const bundle of held) {
    const path = archivePathOf(ctx.dataDir, bundle.sha256);
    const bytes = existsSync(path) ? readFileSync(path) : null;
    if (!bytes || sha256Hex(bytes) !== bundle.sha256) {
      missing.push(
        rejected(
          bundle.fileName,
          'ARCHIVE_MISSING',
          `보관된 번들 파일(${path})이 없거나 손상되어 다시 검사할 수 없습니다. 원본 파일을 다시 가져오세요.`,
          {
            department: bundle.department,
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
