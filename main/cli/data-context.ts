import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import {
  assertLocalDatabasePath,
  assertNotNetworkPath,
  DataFolderError,
  UnsafeDatabasePathError,
} from '../../db/create-db';
import {
  createAppContext,
  databaseFileName,
  databasePathIn,
  unreadableDatabaseError,
  type AppContext,
} from '../services/context';
import { lostDataFileError } from '../services/database-probe';
import { storageError, UserError } from '../services/errors';
import { UsageError } from './io';

/** The app version for manifests: package.json next to the running bundle (out/cli → ../..) or the cwd. */
export function cliAppVersion(): string {
  const roots = [process.argv[1] ? join(dirname(resolve(process.argv[1])), '..', '..') : null, process.cwd()];
  for (const root of roots) {
    const path = root && join(root, 'package.json');
    if (!path || !existsSync(path)) continue;
    try {
      const pkg = JSON.parse(readFileSync(path, 'utf8')) as { name?: unknown; version?: unknown };
      if (pkg.name === 'pledge-tracker' && typeof pkg.version === 'string') return pkg.version;
    } catch {
      // try the next candidate
    }
  }
  return '0.1.0';
}

export interface DataFolderUse {
  /** The command's purpose is to make the folder a data folder (setup): a missing folder is created. */
  create?: boolean;
  /** The command commits its work in batches (import): a failure leaves the batches before it written. */
  writesInBatches?: boolean;
}

const SIDE_FILES = ['', '-wal', '-shm', '-journal'];

const statOrNull = (path: string) => {
  try {
    return statSync(path);
  } catch {
    return null;
  }
};

/** The first folder of `dir`'s path that does not exist yet (the one a create would start with), or null. */
function firstMissingFolder(dir: string): string | null {
  let missing: string | null = null;
  for (let current = dir; !existsSync(current); current = dirname(current)) {
    missing = current;
    if (dirname(current) === current) break;
  }
  return missing;
}

/**
 * The folder given with --data, checked before anything is opened or created: a network share is refused on the
 * argument as typed (resolve() would turn "\\server\share" into a relative path on POSIX), a file in its place
 * is refused, and unless the command creates data folders (setup) the folder must exist and hold a database.
 * Returns the full path.
 */
export function checkDataFolder(dataDir: string | undefined, use: DataFolderUse = {}): string {
  if (!dataDir) throw new UsageError('--data DIR 로 데이터 폴더를 지정하세요.');
  try {
    // A new database is not made on a mapped network drive; one already there opens (assertLocalDatabasePath).
    if (use.create === true) assertLocalDatabasePath(dataDir);
    else assertNotNetworkPath(dataDir);
  } catch (error) {
    if (!(error instanceof UnsafeDatabasePathError)) throw error;
    throw new UserError('DATA_DIR_UNSAFE', `${error.message} --data 로 이 PC의 폴더를 지정하세요.`);
  }
  const dir = resolve(dataDir);
  const stat = statOrNull(dir);
  if (stat !== null && !stat.isDirectory())
    throw new UserError(
      'DATA_DIR_NOT_FOLDER',
      `--data 로 지정한 경로가 폴더가 아니라 파일입니다: ${dir}\n데이터 폴더의 경로를 확인하세요.`,
    );
  if (use.create) return dir;
  const setupHint = `경로가 맞는지 확인하거나, 새 데이터 폴더라면 먼저 'pledge setup --data ${dataDir} --role …'으로 설정하세요.`;
  if (stat === null) throw new UserError('DATA_DIR_MISSING', `데이터 폴더가 없습니다: ${dir}\n${setupHint}`);
  // A folder in use that lost its data file: said as such, never as a new folder to set up.
  const lost = lostDataFileError(databasePathIn(dir));
  if (lost !== null) throw lost;
  if (!existsSync(databasePathIn(dir)))
    throw new UserError(
      'DATA_DIR_EMPTY',
      `이 폴더에는 공약이행 데이터(${databaseFileName})가 없습니다: ${dir}\n${setupHint}`,
    );
  return dir;
}

/** A Korean message for a database that could not be opened (the message itself when it is one already). */
function openError(error: unknown, dir: string): unknown {
  if (error instanceof UserError || error instanceof DataFolderError) return error;
  return unreadableDatabaseError(error, databasePathIn(dir));
}

/**
 * What the data file or the disk did while the command ran, in Korean and naming the data file: a damaged page that
 * a query came upon (the open only reads the file's first pages), a full disk, a lock held too long, a read error.
 * Any other error as it was. Each command writes in one transaction (an import in batches), so SQLite has rolled
 * the failed one back and the message says what stands.
 */
function workError(error: unknown, dir: string, use: DataFolderUse): unknown {
  if (error instanceof UserError || error instanceof UsageError) return error;
  const path = databasePathIn(dir);
  const unreadable = unreadableDatabaseError(error, path);
  if (unreadable !== error) return unreadable;
  const storage = storageError(error, { partOfImport: use.writesInBatches === true });
  if (storage === null) return error;
  const fromSqlite = /^SQLITE_/.test(String((error as { code?: unknown }).code));
  return new UserError(
    storage.code,
    fromSqlite ? `${storage.message}\n데이터 파일: ${path}` : storage.message,
  );
}

/**
 * Opens the data folder given with --data for one command and closes it afterwards. Only a command that creates
 * data folders (`use.create`) may open a folder without a database; if that command then fails, what it created
 * (the folder, or the database in a folder that had none) is removed again, so a mistaken command leaves nothing.
 */
export async function withData<T>(
  dataDir: string | undefined,
  work: (ctx: AppContext) => Promise<T>,
  use: DataFolderUse = {},
): Promise<T> {
  const dir = checkDataFolder(dataDir, use);
  const createdFolder = firstMissingFolder(dir);
  const hadDatabase = SIDE_FILES.some((s) => existsSync(`${databasePathIn(dir)}${s}`));
  const undoCreate = () => {
    if (!use.create) return;
    if (createdFolder !== null) rmSync(createdFolder, { recursive: true, force: true });
    else if (!hadDatabase) for (const s of SIDE_FILES) rmSync(`${databasePathIn(dir)}${s}`, { force: true });
  };
  let ctx: AppContext;
  try {
    ctx = await createAppContext({
      profileDir: dir,
      dataDirOverride: dir,
      mode: 'cli',
      appVersion: cliAppVersion(),
    });
  } catch (error) {
    undoCreate();
    throw openError(error, dir);
  }
  let ok = false;
  try {
    const result = await work(ctx);
    ok = true;
    return result;
  } catch (error) {
    throw workError(error, dir, use);
  } finally {
    await ctx.close();
    if (!ok) undoCreate();
  }
}
