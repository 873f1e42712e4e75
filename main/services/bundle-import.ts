import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fstatSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  statSync,
  type Dirent,
  type Stats,
} from 'node:fs';
import { basename, join, resolve } from 'node:path';
import {
  DEFAULT_LIMITS,
  MANIFEST_NAME,
  parseManifestBytes,
  recogniseFile,
  serializeManifest,
  type BundleAccepted,
  type ContentContext,
  type KeySnapshotEntry,
  type Manifest,
  type StoredDocumentRow,
} from '../bundles';
import { readZipEntries } from '../bundles/read';
import { TEMP_FILE_NAME } from '../bundles/atomic-file';
import { bundleWrites, type BundleWrites, type HeldBundleRow } from '../../db/bundle-writes';
import {
  getBundleFile,
  getReceivedBundle,
  listReceivedBundles,
  putReceivedBundle,
  type ReceivedBundle,
  type DepartmentChain,
} from '../../db/bundles';
import { withRawConnection } from '../../db/create-db';
import { submissionVerdict } from './bundle-content';
import { enterImportWrites } from './import-write-mode';
import { openImportVerifier, registrySnapshot, type OwnedVerifier, type Verifier } from './bundle-verify';
import type { AppContext } from './context';
import { readManifestClaim } from './manifest-claim';
import { loadCatalog, loadTerm } from './reference';
import { localDateTimeOf } from '../../domain/reports/submissions';
import { josa } from '../../domain/text/josa';

/**
 * 'held': authentic but in conflict with an accepted bundle (same department and revision, different content);
 * kept whole and listed for the office (see held_bundles), not merged.
 */
export type ImportStatus = 'accepted' | 'duplicate' | 'quarantined' | 'held' | 'rejected';

/** The outcome for one file: what happened, a stable code, and the reason in Korean. */
export interface ImportResult {
  file: string;
  status: ImportStatus;
  code: string;
  reason: string;
  department: string | null;
  /** The half-year ("2019-H1") or 'plan' the bundle is for; null when nothing could be read. */
  period: string | null;
  /**
   * True when department and period are only what the file's manifest claims: its signature failed or could not
   * be checked (an unknown key). For display only, marked as unverified; nothing is decided by them.
   */
  unverified: boolean;
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
  /**
   * Bundles in flight at once (read, verified in a worker, content-checked); default IN_FLIGHT, so the worker
   * threads have queued work while this thread commits.
   */
  concurrency?: number;
}

/** Accepted bundles committed in one SQLite transaction (each inside its own savepoint). */
const COMMIT_BATCH = 256;
/**
 * Bundles read and queued for verification at once: enough that the worker threads (IMPORT_WORKER_DEPTH jobs
 * each) keep working while this thread commits a batch; ~17 KB each, so a few MB.
 */
const IN_FLIGHT = 128;

const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const BUNDLE_FILE = /\.(pledge|zip)$/i;
/** Natural Korean order of file names (r2 before r10), one collator for every comparison. */
const fileOrder = new Intl.Collator('ko', { numeric: true });

/** A bundle file renamed on the way (mail gateways add '.txt' or '.bin'): "공약제출….pledge.txt". */
const RENAMED_BUNDLE = /\.pledge\./i;

const systemReason = (error: unknown): string =>
  error instanceof Error ? ((error as NodeJS.ErrnoException).code ?? error.message) : String(error);

/**
 * A file or a folder's bundle files (recursively *.pledge / *.zip), in natural name order. Symbolic links are
 * followed to the file or folder they name (a folder once, so a link back up cannot loop). What is not taken is
 * said, each as a refused result, and the rest is still collected: a file named like a bundle with more after
 * '.pledge' (renamed on the way), a link to nothing, a folder that cannot be read.
 */
export function collectBundleFiles(paths: readonly string[]): { files: string[]; problems: ImportResult[] } {
  const files: string[] = [];
  const problems: ImportResult[] = [];
  const seenFolders = new Set<string>();
  const firstVisit = (stats: { dev: number; ino: number }): boolean => {
    const key = `${stats.dev}:${stats.ino}`;
    if (seenFolders.has(key)) return false;
    seenFolders.add(key);
    return true;
  };
  const looksLikeBundle = (name: string) => BUNDLE_FILE.test(name) || RENAMED_BUNDLE.test(name);
  const walk = (dir: string): void => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      problems.push(
        rejected(
          dir,
          'FOLDER_UNREADABLE',
          `폴더를 읽을 수 없어 그 안의 파일은 가져오지 않았습니다 (${systemReason(error)}). 폴더의 접근 권한을 확인하고 다시 가져오세요. 다른 파일은 따로 검사했습니다.`,
        ),
      );
      return;
    }
    entries.sort((a, b) => fileOrder.compare(a.name, b.name));
    for (const entry of entries) {
      const full = join(dir, entry.name);
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const target = statSync(full);
          isDirectory = target.isDirectory();
          isFile = target.isFile();
        } catch (error) {
          if (looksLikeBundle(entry.name)) {
            problems.push(
              rejected(
                full,
                'LINK_BROKEN',
                `바로 가기(심볼릭 링크)가 가리키는 파일을 열 수 없어 가져오지 않았습니다 (${systemReason(error)}). 원래 파일을 직접 가져오세요.`,
              ),
            );
          }
          continue;
        }
      }
      if (isDirectory) {
        // A folder reached again (a link to a folder above, or one linked twice) is walked once.
        let stats: { dev: number; ino: number } | null = null;
        try {
          stats = statSync(full);
        } catch {
          stats = null; // said by walk, which cannot read it either
        }
        if (stats === null || firstVisit(stats)) walk(full);
      } else if (isFile && TEMP_FILE_NAME.test(entry.name)) {
        // A department's export cut off while writing (".공약제출_…_r3.pledge.<hex>.tmp", copied along with its
        // outbox): never a file the department recorded as sent, so not one to import or to rename.
        continue;
      } else if (isFile && BUNDLE_FILE.test(entry.name)) files.push(full);
      else if (isFile && RENAMED_BUNDLE.test(entry.name)) {
        const cut = entry.name.toLowerCase().lastIndexOf('.pledge') + '.pledge'.length;
        problems.push(
          rejected(
            full,
            'FILE_RENAMED',
            `제출 파일처럼 보이지만 이름이 .pledge로 끝나지 않아 가져오지 않았습니다 (메일이나 복사 중에 이름이 바뀌었을 수 있습니다). 이름 끝의 '${entry.name.slice(cut)}' 부분을 지우고(${entry.name.slice(0, cut)}) 다시 가져오세요.`,
          ),
        );
      }
    }
  };
  for (const raw of paths) {
    const path = resolve(raw);
    let stats: Stats;
    try {
      stats = statSync(path);
    } catch {
      problems.push(rejected(raw, 'FILE_NOT_FOUND', `파일이나 폴더를 찾을 수 없습니다: ${raw}`));
      continue;
    }
    if (!stats.isDirectory()) files.push(path);
    else if (firstVisit(stats)) walk(path);
  }
  return { files: [...new Set(files)], problems };
}

/** Codes of a bundle whose content no longer matches what was signed: changed on the way, or by someone. */
const ALTERED = new Set(['MEMBER_HASH', 'MEMBER_SIZE', 'SIGNATURE_INVALID']);

/** What a person reads first for a file that cannot be taken: what it is and what to do, then the detail. */
function plainReason(code: string, message: string, bytes: Buffer): string {
  const kind = recogniseFile(bytes);
  if (kind === 'enrollment')
    return "이 파일은 제출 파일이 아니라 부서 키 등록 파일(.pledgekey.json)입니다. '부서 키 등록부'의 '부서 키 등록 파일·키 교체 문서 가져오기'로 가져오세요.";
  if (kind === 'rotation')
    return "이 파일은 제출 파일이 아니라 부서의 키 교체 문서(.pledgekey.json)입니다. '부서 키 등록부'의 '부서 키 등록 파일·키 교체 문서 가져오기'로 가져오세요.";
  if (kind === 'repacked-bundle')
    return `압축 프로그램으로 풀었다가 다시 묶은 제출 파일입니다. 이 프로그램이 만든 파일 그대로가 아니어서 반영하지 않았습니다. 부서에 '제출 파일' 화면에서 만든 .pledge 파일을 압축을 풀거나 다시 묶지 말고 그대로 보내 달라고 하세요. (자세히: ${message})`;
  if (kind === 'ordinary-zip')
    return `이 프로그램의 제출 파일이 아닌 일반 압축 파일입니다. 부서가 '제출 파일' 화면에서 만든 .pledge 파일을 압축을 풀거나 다시 묶지 말고 그대로 보내 달라고 하세요. (자세히: ${message})`;
  if (code === 'ZIP_INVALID')
    return `이 프로그램의 제출 파일(.pledge)이 아니거나 손상된 파일입니다. 부서에 파일을 다시 보내 달라고 하세요. (자세히: ${message})`;
  if (ALTERED.has(code))
    return `제출 파일이 서명된 뒤 내용이 바뀌었습니다 (전송 중 손상되었거나 누군가 고쳤습니다). 반영하지 않았습니다. 부서에 원래 파일을 다시 보내 달라고 하세요. (자세히: ${message})`;
  if (code === 'TYPE_MISMATCH')
    return `이 파일은 기획담당관이 부서에 보내는 기준 자료입니다 — 부서의 제출 파일이 아니어서 여기서는 가져오지 않습니다. (자세히: ${message})`;
  return message;
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
    period: null,
    unverified: false,
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
    }
  | { kind: 'duplicate'; file: string; sha256: string }
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

type Accept = Extract<Verified, { kind: 'accept' }>;
type Quarantine = Extract<Verified, { kind: 'quarantine' }>;

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
  const owned: OwnedVerifier | null = options.verifier ? null : openImportVerifier();
  let leaveImportWrites: (() => void) | null = null;
  const verifier = options.verifier ?? (owned as OwnedVerifier).verifier;
  try {
    const keys = await registrySnapshot(ctx);
    // One object for the whole import: the worker pool sends it to each worker once.
    const content: ContentContext = { catalog: await loadCatalog(ctx.db), term: await loadTerm(ctx.db) };
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
        results[first.index] = await commitQuarantine(ctx, first.v);
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
        : rejected(v.file, 'DUPLICATE', '이미 받은 번들입니다.');
    }
    return results;
  } finally {
    await owned?.close();
    leaveImportWrites?.();
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

/** The bytes of a received bundle as archived: in the database, or as a file written by an earlier version. */
export async function readArchivedBundle(ctx: AppContext, sha256: string): Promise<Buffer | null> {
  const stored = await getBundleFile(ctx.db, sha256);
  if (stored) return stored;
  const legacy = join(ctx.dataDir, 'archive', `${sha256}.pledge`);
  return existsSync(legacy) ? readFileSync(legacy) : null;
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

/**
 * The file's bytes, read synchronously: a bundle is a few KB to a few MB, and one blocking read costs this
 * thread far less than the five thread-pool round trips of fs/promises (which, across thousands of files,
 * took more of this thread than the database writes).
 */
function readInput(input: BundleInput): Buffer | ImportResult {
  if ('bytes' in input) return input.bytes;
  let fd: number | null = null;
  try {
    // Opened once: its size from the open file (no second lookup of the path), then read whole.
    fd = openSync(input.path, 'r');
    const size = fstatSync(fd).size;
    if (size > DEFAULT_LIMITS.maxBundleBytes) {
      return rejected(
        input.name,
        'ZIP_LIMIT',
        `파일이 너무 큽니다 (${size}바이트, 최대 ${DEFAULT_LIMITS.maxBundleBytes}바이트)`,
      );
    }
    const bytes = Buffer.allocUnsafe(size);
    let filled = 0;
    while (filled < size) {
      const read = readSync(fd, bytes, filled, size - filled, filled);
      if (read === 0) break; // shorter than when it was opened: checked as the bytes it has
      filled += read;
    }
    return filled === size ? bytes : bytes.subarray(0, filled);
  } catch (error) {
    return rejected(
      input.name,
      'FILE_UNREADABLE',
      `파일을 읽을 수 없습니다: ${error instanceof Error ? error.message : String(error)}`,
    );
  } finally {
    if (fd !== null) closeSync(fd);
  }
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
    const claim = await readManifestClaim(bytes).catch(() => null);
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

const duplicateOf = (
  file: string,
  known: Pick<
    ReceivedBundle,
    'sha256' | 'department' | 'period' | 'revision' | 'status' | 'importedAt' | 'reasonCode'
  >,
): ImportResult => ({
  file,
  status: 'duplicate',
  code: 'DUPLICATE',
  reason:
    known.status === 'accepted'
      ? `이미 받은 번들입니다 (${known.department} r${known.revision}, ${localDateTimeOf(known.importedAt)} 가져옴). 바뀐 것이 없습니다.`
      : known.reasonCode === 'KEY_REVOKED'
        ? `이미 격리 보관 중인 번들입니다 (${known.department} r${known.revision}). 폐기된 키로 서명되어 반영되지 않습니다.`
        : `이미 격리 보관 중인 번들입니다 (${known.department} r${known.revision}). 키가 승인되면 자동으로 반영됩니다.`,
  department: known.department,
  period: known.period,
  // A file quarantined for an unknown key is stored under the department its manifest claims.
  unverified: known.status === 'quarantined' && known.reasonCode === 'KEY_UNKNOWN',
  revision: known.revision,
  sha256: known.sha256,
  documents: 0,
});

/** What to ask the department for when revisions are missing between the last accepted one and this one. */
function missingBetween(last: number, revision: number): string {
  if (revision <= last + 1) return '빠진 번들이 있다면 먼저 가져오거나, ';
  const missing = revision === last + 2 ? `r${last + 1}` : `r${last + 1}–r${revision - 1}`;
  return `부서가 그 사이에 만든 ${missing} 파일을 먼저 가져오거나(부서에 보내 달라고 하세요), `;
}

/**
 * A file chained onto the last accepted one past revisions never received: the department resumed its chain from
 * the office's receipts (이어 보내기) after those files were lost; their half-years come again in later files.
 */
function skippedNote(last: number, revision: number): string {
  if (revision <= last + 1) return '';
  const skipped = revision === last + 2 ? `r${last + 1}` : `r${last + 1}–r${revision - 1}`;
  return last === 0
    ? ` 부서가 ${josa(skipped, '을/를')} 건너뛰고 이 부서의 첫 파일로 보냈습니다.`
    : ` 부서가 받지 못한 ${josa(skipped, '을/를')} 건너뛰고 r${last} 다음으로 이어 보냈습니다.`;
}

/** What to ask the department for when a department's first bundle received is not its first one. */
function missingBefore(revision: number): string {
  const missing = revision <= 2 ? 'r1' : `r1–r${revision - 1}`;
  return revision <= 1
    ? '부서가 그 전에 만든 번들을 먼저(또는 함께) 가져오세요.'
    : `부서가 그 전에 만든 ${missing} 파일을 먼저(또는 함께) 가져오세요 — 부서의 '만든 제출 파일' 목록에 파일 위치가 있습니다.`;
}

/**
 * Why the previous bundle, already in quarantine, is not in the chain yet, and what the office does: the file is not
 * to be asked for again.
 */
function waitingFor(previous: Pick<ReceivedBundle, 'revision' | 'reasonCode' | 'reason'>): string {
  const r = `r${previous.revision}`;
  const then = `${josa(r, '이/가')} 반영된 뒤 이 파일을 다시 가져오세요.`;
  if (previous.reasonCode === 'KEY_UNKNOWN')
    return `등록되지 않은 키로 서명되어 키를 기다리고 있습니다: 부서의 키 등록 파일이나 키 교체 문서를 받아 키를 승인하면 ${josa(r, '이/가')} 반영됩니다. ${then}`;
  if (previous.reasonCode === 'KEY_PENDING')
    return `승인 대기 중인 키로 서명되어 키 승인을 기다리고 있습니다: 지문을 부서와 전화로 확인해 키를 승인하면 ${josa(r, '이/가')} 반영됩니다. ${then}`;
  if (previous.reasonCode === 'KEY_REVOKED')
    return `${josa(r, '은/는')} 폐기된 키로 서명되어 반영할 수 없어, 그 다음에 만든 이 파일도 이어 받을 수 없습니다. 부서와 어떻게 할지 확인하세요.`;
  return `격리 사유: ${previous.reason}. ${then}`;
}

/** Thrown inside a savepoint to roll it back with a result (and, for a conflict, the bundle to hold). */
class Outcome extends Error {
  constructor(
    readonly result: ImportResult,
    readonly hold: HeldBundleRow | null = null,
  ) {
    super(result.reason);
  }
}

/** The bundles row of a received bundle: what its manifest says, and how this import took it. */
function bundleRowOf(
  manifest: Manifest,
  sha256: string,
  importedAt: string,
  outcome: Pick<ReceivedBundle, 'status' | 'manifest' | 'fileName' | 'reasonCode' | 'reason'>,
): ReceivedBundle {
  return {
    sha256,
    type: manifest.type,
    department: manifest.department,
    keyId: manifest.keyId,
    period: manifest.period,
    revision: manifest.revision,
    previousSha256: manifest.previousBundleSha256,
    createdAt: manifest.createdAt,
    importedAt,
    ...outcome,
  };
}

/** What happens next to a file kept in quarantine, by why it is there. */
function quarantineNote(code: string): string {
  if (code === 'KEY_REVOKED') return '번들은 격리 보관했습니다 (반영하지 않았습니다).';
  if (code === 'KEY_UNKNOWN') return '번들은 격리 보관했습니다. 부서의 키를 등록해 승인하면 반영됩니다.';
  return '번들은 격리 보관했습니다. 키를 승인하면 반영됩니다.';
}

/** A bundle held for an unknown, pending or revoked key: its row and bytes, in one transaction. */
async function commitQuarantine(ctx: AppContext, v: Quarantine): Promise<ImportResult> {
  const now = ctx.now().toISOString();
  const { manifest } = v;
  return withRawConnection(ctx.db, (sqlite) => {
    const writes = bundleWrites(sqlite);
    return sqlite.transaction((): ImportResult => {
      const known = writes.getBundle(v.sha256);
      if (known) return duplicateOf(v.file, known);
      writes.putBundle(
        bundleRowOf(manifest, v.sha256, now, {
          status: 'quarantined',
          manifest: v.manifestText,
          fileName: basename(v.file),
          reasonCode: v.code,
          reason: v.reason,
        }),
      );
      writes.putFile(v.sha256, v.bytes, now);
      return {
        file: v.file,
        status: 'quarantined',
        code: v.code,
        reason: `${v.reason}. ${quarantineNote(v.code)}`,
        department: manifest.department,
        period: manifest.period,
        // No key to check the signature with: the manifest's sender is a claim until the key is registered.
        unverified: v.code === 'KEY_UNKNOWN',
        revision: manifest.revision,
        sha256: v.sha256,
        documents: manifest.members.filter((m) => m.role === 'document').length,
      };
    })();
  });
}

/**
 * Commits accepted bundles, in order, in ONE transaction: per-commit fsync (WAL, synchronous=FULL) would
 * otherwise dominate an import of thousands of bundles. Each bundle still stands alone: it runs inside its own
 * savepoint (a nested better-sqlite3 transaction), and a revision or duplicate check that refuses it rolls back
 * only that savepoint, exactly as its own transaction would have; later bundles see the chain as the earlier
 * ones left it. An unexpected error keeps the bundles before it (committed) and is rethrown, as with one
 * transaction per bundle.
 */
async function commitBatch(ctx: AppContext, batch: readonly Accept[]): Promise<ImportResult[]> {
  const now = ctx.now().toISOString();
  return withRawConnection(ctx.db, (sqlite) => {
    const writes = bundleWrites(sqlite);
    const results: ImportResult[] = [];
    let failure: { error: unknown } | null = null;
    const one = sqlite.transaction((v: Accept) => writeAccepted(writes, v, now));
    sqlite.transaction(() => {
      for (const v of batch) {
        try {
          results.push(one(v));
        } catch (error) {
          if (error instanceof Outcome) {
            // The savepoint is gone; a held conflict is written in the batch's transaction. A quarantined bundle
            // released into a conflict is held instead of quarantined (its reason, a key not yet approved, is no
            // longer true): its quarantine row and archived bytes go in the same transaction, the held row keeps
            // the bytes and the time it first arrived.
            if (error.hold) writes.dropQuarantined(error.hold.sha256);
            if (error.hold && !writes.hold(error.hold)) {
              results.push({
                ...error.result,
                status: 'duplicate',
                code: 'DUPLICATE',
                reason: `이미 충돌로 보류 중인 번들입니다 (${error.hold.department} r${error.hold.revision}). 바뀐 것이 없습니다.`,
              });
              continue;
            }
            results.push(error.result);
            continue;
          }
          failure = { error };
          break;
        }
      }
      // SQLite ends the whole transaction itself on some errors (a full disk, an I/O error): nothing of the batch
      // can be committed then, and its own error is the one to report (a COMMIT would only say "no transaction").
      if (failure && !sqlite.inTransaction) throw (failure as { error: unknown }).error;
    })();
    if (failure) throw (failure as { error: unknown }).error;
    return results;
  });
}

/** One accepted bundle's rows and bytes (inside the caller's savepoint); throws Outcome when it is refused. */
function writeAccepted(writes: BundleWrites, v: Accept, now: string): ImportResult {
  const { manifest } = v.check;
  const base = {
    department: manifest.department,
    period: manifest.period,
    unverified: false,
    revision: manifest.revision,
    sha256: v.sha256,
  };
  const known = writes.getBundle(v.sha256);
  if (known?.status === 'accepted') throw new Outcome(duplicateOf(v.file, known));
  const chain = writes.getChain(manifest.department);
  const sameRevision = chain ? writes.acceptedAt(manifest.department, manifest.revision) : undefined;
  if (sameRevision && sameRevision.sha256 !== v.sha256) {
    // Two different bundles with one revision: the accepted one stays, this one is held and listed.
    throw new Outcome(
      {
        file: v.file,
        status: 'held',
        code: 'REVISION_CONFLICT',
        reason: `${manifest.department}의 ${josa(`r${manifest.revision}`, '은/는')} 이미 받은 같은 회차의 번들(SHA-256 ${sameRevision.sha256.slice(0, 12)}…)과 내용이 다릅니다. 먼저 받은 번들을 그대로 두고 이 번들은 충돌로 보류했습니다. 현황 화면의 '충돌'에서 확인하세요.`,
        ...base,
        documents: v.documents.length,
      },
      {
        sha256: v.sha256,
        department: manifest.department,
        revision: manifest.revision,
        period: manifest.period,
        keyId: manifest.keyId,
        createdAt: manifest.createdAt,
        importedAt: known?.importedAt ?? now,
        manifest: serializeManifest(manifest).toString('utf8'),
        fileName: basename(v.file),
        conflictsWith: sameRevision.sha256,
        bytes: v.bytes,
      },
    );
  }
  if (chain && manifest.revision <= chain.lastRevision) {
    throw new Outcome(
      rejected(
        v.file,
        'REVISION_STALE',
        `${manifest.department}의 ${josa(`r${manifest.revision}`, '은/는')} 이미 받은 r${chain.lastRevision}보다 오래되었습니다. 더 새 번들을 받았으므로 이 번들은 반영하지 않습니다.`,
        base,
      ),
    );
  }
  const linksElsewhere = chain
    ? manifest.previousBundleSha256 !== chain.lastBundleSha256
    : manifest.previousBundleSha256 !== null;
  if (linksElsewhere && manifest.previousBundleSha256 !== null) {
    // The previous file may already be here, waiting in quarantine (for its key): say so rather than ask for it.
    const previous = writes.getBundle(manifest.previousBundleSha256);
    if (previous?.status === 'quarantined' && previous.department === manifest.department) {
      throw new Outcome(
        rejected(
          v.file,
          'CHAIN_FORK',
          `${manifest.department}의 ${josa(`r${manifest.revision}`, '은/는')} r${previous.revision}(SHA-256 ${previous.sha256.slice(0, 12)}…) 다음에 만들어졌는데, r${previous.revision} 파일은 이미 받아 격리 보관 중입니다 (${localDateTimeOf(previous.importedAt)} 가져옴). ${waitingFor(previous)}`,
          base,
        ),
      );
    }
  }
  if (!chain && manifest.previousBundleSha256 !== null) {
    // Bundles are per period, not cumulative: accepting this one first would leave the earlier ones (the plan, an
    // earlier half-year) refused for good as older. An import that carries them too commits them first.
    throw new Outcome(
      rejected(
        v.file,
        'CHAIN_FORK',
        `${manifest.department}의 ${josa(`r${manifest.revision}`, '은/는')} 이전 번들(SHA-256 ${manifest.previousBundleSha256.slice(0, 12)}…) 다음에 만들어졌지만, 이 부서의 번들은 아직 하나도 받지 않았습니다. ${missingBefore(manifest.revision)} 번들마다 다른 기간의 문서가 들어 있어 앞의 번들을 건너뛸 수 없습니다.`,
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
        `${manifest.department}의 ${josa(`r${manifest.revision}`, '은/는')} ${named} 다음에 만들어졌지만, 마지막으로 받은 번들은 r${chain.lastRevision}(SHA-256 ${chain.lastBundleSha256.slice(0, 12)}…)입니다. ${missingBetween(chain.lastRevision, manifest.revision)}다른 PC에서 만든 번들인지 부서에 확인하세요.`,
        base,
      ),
    );
  }
  // A bundle quarantined until its key was approved arrived when it was first imported: that time counts for its
  // deadline (the office's approval may come days later), not the time of its release.
  putAccepted(writes, v, {
    importedAt: known?.importedAt ?? now,
    now,
    manifest: known?.manifest,
    fileName: known?.fileName,
  });
  return {
    file: v.file,
    status: 'accepted',
    code: 'ACCEPTED',
    reason: `${manifest.department} r${manifest.revision}: 문서 ${v.documents.length}건, 첨부 ${v.check.attachments.length}건을 반영했습니다.${skippedNote(chain?.lastRevision ?? 0, manifest.revision)}`,
    ...base,
    documents: v.documents.length,
  };
}

/**
 * Writes a verified bundle as accepted — its row, bytes, documents and attachments — and makes it its department's
 * chain head. The caller has checked the revision (writeAccepted, or the held-bundle swap).
 */
export function putAccepted(
  writes: BundleWrites,
  v: CommitReady,
  at: { importedAt: string; now: string; manifest?: string | undefined; fileName?: string | undefined },
): void {
  const { manifest } = v.check;
  writes.putBundle(
    bundleRowOf(manifest, v.sha256, at.importedAt, {
      status: 'accepted',
      manifest: at.manifest ?? serializeManifest(manifest).toString('utf8'),
      fileName: at.fileName ?? basename(v.file),
      reasonCode: '',
      reason: '',
    }),
  );
  writes.putFile(v.sha256, v.bytes, at.now);
  writes.insertDocuments(
    { department: manifest.department, revision: manifest.revision, sha256: v.sha256 },
    v.documents,
    at.importedAt,
  );
  for (const attachment of v.check.attachments) {
    writes.putAttachment(sha256Hex(attachment.bytes), attachment.bytes, attachment.mediaType, at.now);
  }
  writes.setChain({
    department: manifest.department,
    lastRevision: manifest.revision,
    lastBundleSha256: v.sha256,
    updatedAt: at.now,
  });
}

/** A bundle verified completely and ready to be written (its checked documents as stored). */
export type CommitReady = Accept;

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
    const content: ContentContext = { catalog: await loadCatalog(ctx.db), term: await loadTerm(ctx.db) };
    const v = await verifyInput(input, keys, verifier, content, new Set());
    if (v.kind === 'accept') return { ok: true, bundle: v };
    if (v.kind === 'final') return { ok: false, code: v.result.code, reason: v.result.reason };
    if (v.kind === 'quarantine') return { ok: false, code: v.code, reason: v.reason };
    return { ok: false, code: 'DUPLICATE', reason: '이미 받은 번들입니다.' };
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
          `보관된 번들(SHA-256 ${bundle.sha256.slice(0, 12)}…)이 없거나 손상되어 다시 검사할 수 없습니다. 원본 파일을 다시 가져오세요.`,
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
