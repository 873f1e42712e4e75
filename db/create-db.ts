import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect, type KyselyPlugin } from 'kysely';
import { existsSync, mkdirSync, realpathSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { migrate } from './migrate';
import type { Database } from './schema';

export class UnsafeDatabasePathError extends Error {
  readonly code = 'DB_PATH_UNSAFE';
}

/**
 * Windows' extended-length and device forms of a local drive path (\\?\C:\…, \\.\C:\…, with / too): they begin
 * like a network path but name a folder on this PC's own drive. \\?\UNC\server\share is a share, as is any
 * other \\?\ path (a volume GUID may name a mounted network volume, and no user types one).
 */
const LOCAL_DEVICE_PATH = /^[\\/]{2}[?.][\\/][A-Za-z]:([\\/]|$)/;

/** What a drive's root is on Windows: `fs.realpathSync.native`, which asks Windows (GetFinalPathNameByHandle). */
export type DriveRootResolver = (root: string) => string;

/**
 * The network share behind a mapped drive letter (net use Z: \\server\share, a 홈 드라이브 on the city's file server),
 * or null for a local drive, a SUBST of one, or a drive that cannot be asked (absent: the folder checks say so).
 * Windows answers a mapped drive's root with its share's path (\\server\share\, or \\?\UNC\server\share\);
 * the text alone cannot tell Z: from C:.
 */
function mappedNetworkShare(
  path: string,
  resolveRoot: DriveRootResolver,
): { drive: string; root: string } | null {
  const letter = /^(?:[\\/]{2}[?.][\\/])?([A-Za-z]):/.exec(path)?.[1];
  if (letter === undefined) return null;
  const drive = `${letter.toUpperCase()}:`;
  let root: string;
  try {
    root = resolveRoot(`${drive}\\`);
  } catch {
    return null;
  }
  const share = root.replace(/^\\\\\?\\UNC\\/i, '\\\\');
  return /^\\\\[^\\?.]/.test(share) ? { drive, root: share } : null;
}

/**
 * WAL does not work over a network filesystem, and department data folders are sometimes put on a share:
 * refuse UNC paths (\\server\share, //server/share, \\?\UNC\server\share) before SQLite can silently corrupt
 * them. By the path's text alone: every open of a database goes through it (createDb).
 */
export function assertNotNetworkPath(path: string): void {
  if (/^(\\\\|\/\/)/.test(path) && !LOCAL_DEVICE_PATH.test(path)) {
    throw new UnsafeDatabasePathError(
      `데이터 폴더는 이 PC의 로컬 디스크에 있어야 합니다. 네트워크 공유 폴더(${path})에는 데이터베이스를 둘 수 없습니다.`,
    );
  }
}

/**
 * A data folder being chosen (setup, 새 데이터 폴더로 시작, 다른 데이터 폴더 열기, a restore's target, the CLI's
 * --data): not a network path (assertNotNetworkPath), nor on Windows a drive letter mapped to a share. An existing
 * database on a mapped drive, from before this check, still opens where the program last left it (createDb checks
 * the text only), so no one is locked out of data kept there; it is refused only when chosen anew.
 */
export function assertLocalDatabasePath(
  path: string,
  platform: NodeJS.Platform = process.platform,
  resolveRoot: DriveRootResolver = realpathSync.native,
): void {
  assertNotNetworkPath(path);
  const mapped = platform === 'win32' ? mappedNetworkShare(path, resolveRoot) : null;
  if (mapped !== null) {
    throw new UnsafeDatabasePathError(
      `데이터 폴더는 이 PC의 로컬 디스크에 있어야 합니다. ${mapped.drive} 드라이브는 네트워크 공유 폴더(${mapped.root})에 연결된 네트워크 드라이브이므로 데이터베이스를 둘 수 없습니다.`,
    );
  }
}

/** A folder the database cannot be put in: it cannot be created or written, or a file stands in its place. */
export class DataFolderError extends Error {
  readonly code = 'DATA_FOLDER_UNUSABLE';
}

const folderProblems: Record<string, string> = {
  ENOENT: '이 위치에는 폴더를 만들 수 없습니다',
  EACCES: '쓸 권한이 없습니다',
  EPERM: '쓸 권한이 없습니다',
  EROFS: '읽기 전용 저장장치입니다',
  ENOSPC: '디스크 공간이 부족합니다',
  EEXIST: '폴더 자리에 같은 이름의 파일이 있습니다',
  ENOTDIR: '폴더 경로 중간에 같은 이름의 파일이 있습니다',
};

/** Why a file-system call on a folder failed, in Korean (the error's code when it is not one of the usual ones). */
export function folderProblemOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? '';
  return folderProblems[code] ?? `파일 시스템 오류 ${code || String(error)}`;
}

/**
 * Creates `dir` and its missing parents one level at a time, and fails at the first level that cannot be made
 * with the file system's error (EEXIST or ENOTDIR for a file where a folder should be), after removing the levels
 * it made. Not mkdirSync's recursive mode: where a parent exists but refuses new entries with ENOENT (/proc, some
 * mounted drives), Node 20's recursive mkdir retries forever instead of failing. Returns the first folder it
 * created (removing it undoes the call), or null when `dir` existed.
 */
export function createFolder(dir: string): string | null {
  const missing: string[] = [];
  let current = resolve(dir);
  while (!existsSync(current)) {
    missing.unshift(current);
    const parent = dirname(current);
    if (parent === current) break;
    current = parent;
  }
  if (existsSync(current) && !statSync(current).isDirectory()) {
    const code = missing.length === 0 ? 'EEXIST' : 'ENOTDIR';
    throw Object.assign(new Error(`${code}: not a directory, mkdir '${current}'`), { code });
  }
  const first = missing[0];
  try {
    for (const level of missing) mkdirSync(level);
  } catch (error) {
    // Nothing half-made left behind: the levels this call created are empty.
    if (first !== undefined) rmSync(first, { recursive: true, force: true });
    throw error;
  }
  return first ?? null;
}

/** The pragmas of every open connection (better-sqlite3 does not keep `synchronous` across reopen). */
export function applyConnectionPragmas(sqlite: BetterSqlite3.Database): void {
  // 16 KB pages for a new file (SQLite's default is 4 KB; on an existing file this does nothing, and it must come
  // before WAL mode fixes the size). Every committed page goes to the WAL as its own frame and write call, so an
  // office import of ~190 MB (documents and each bundle's bytes) writes a quarter of the frames: replaying the 10x
  // benchmark's rows took 1.8-2.0 s instead of 3.1-3.2 s here.
  sqlite.pragma(`page_size = ${PAGE_SIZE}`);
  sqlite.pragma('journal_mode = WAL');
  // FULL: a confirmed save survives a power cut (NORMAL could lose the last commits in WAL mode).
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // 64 MB of page cache (SQLite's default is 2 MB): an office import writes hundreds of MB into indexes keyed by
  // hashes, so with 2 MB most index pages are read back for every few rows (replaying the 10x benchmark's rows:
  // 17-28% faster). Allocated only as pages are used, so a small department database costs no more.
  sqlite.pragma(`cache_size = -${PAGE_CACHE_KIB}`);
  // Savepoints and sorts keep their temporary data in memory, not in a temporary file. The office import gives each
  // bundle a savepoint inside its batch's transaction, and SQLite copies every page a savepoint first changes into
  // a sub-journal, ~0.25 MB per bundle at 16 KB pages: through a file that was 5-7% of the 10x import's time here.
  // A savepoint keeps at most the pages one bundle or one document save changes. A sort or a temporary index no
  // longer spills to disk either, so it is bounded by RAM: the app's sorts read no blob column and its migrations
  // index small columns; never sort or index bundle_files' or held_bundles' bytes in one statement.
  sqlite.pragma('temp_store = MEMORY');
}

/** Page size of a database file this app creates, in bytes. */
export const PAGE_SIZE = 16_384;

/** Page cache per connection, in KiB. */
export const PAGE_CACHE_KIB = 65_536;

export interface CreateDbOptions {
  readonly?: boolean;
}

/** Opens (creating if needed) the database at `path`, migrates it, and returns a Kysely handle. */
export function createDb(path: string, options: CreateDbOptions = {}): Kysely<Database> {
  assertNotNetworkPath(path);
  if (path !== ':memory:') {
    const folder = dirname(path);
    try {
      createFolder(folder);
    } catch (error) {
      throw new DataFolderError(`데이터 폴더를 만들 수 없습니다: ${folder} (${folderProblemOf(error)}).`);
    }
  }
  let sqlite: BetterSqlite3.Database;
  try {
    sqlite = new BetterSqlite3(path, { readonly: options.readonly ?? false });
  } catch (error) {
    if ((error as { code?: unknown }).code !== 'SQLITE_CANTOPEN') throw error;
    throw new DataFolderError(
      `데이터베이스 파일을 열거나 만들 수 없습니다: ${path} (폴더에 쓸 권한이 있는지, 같은 이름의 폴더가 있지 않은지 확인하세요).`,
    );
  }
  try {
    applyConnectionPragmas(sqlite);
    migrate(sqlite);
  } catch (error) {
    sqlite.close();
    throw error;
  }
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  rawConnections.set(db, sqlite);
  return db;
}

/** The better-sqlite3 connection under each handle createDb returned (not under a transaction's handle). */
const rawConnections = new WeakMap<Kysely<Database>, BetterSqlite3.Database>();

/**
 * Runs `fn` on the connection under a createDb handle while holding Kysely's connection lock, so no Kysely
 * transaction is open or starts meanwhile. For hot write paths that need cached prepared statements and
 * synchronous transactions (savepoints via nested `sqlite.transaction`); everything else uses Kysely.
 */
export async function withRawConnection<T>(
  db: Kysely<Database>,
  fn: (sqlite: BetterSqlite3.Database) => T,
): Promise<T> {
  const sqlite = rawConnections.get(db);
  if (!sqlite) throw new Error('withRawConnection: not a handle from createDb (a transaction?)');
  return db.connection().execute(async () => fn(sqlite));
}

/**
 * The connection under a createDb handle, for synchronous reads by code running inside a transaction that handle
 * opened (inReadSnapshot): the transaction holds Kysely's connection lock for its whole run, so these reads are
 * part of it and see its snapshot. Anywhere else use withRawConnection.
 */
export function connectionInsideTransaction(root: Kysely<Database>): BetterSqlite3.Database {
  const sqlite = rawConnections.get(root);
  if (!sqlite) throw new Error('connectionInsideTransaction: not a handle from createDb');
  return sqlite;
}

/** `db.withPlugin(plugin)`: a handle on the same connection, which the raw reads above find as they find db's. */
export function withPluginOnSameConnection(db: Kysely<Database>, plugin: KyselyPlugin): Kysely<Database> {
  const derived = db.withPlugin(plugin);
  const sqlite = rawConnections.get(db);
  if (sqlite) rawConnections.set(derived, sqlite);
  return derived;
}
