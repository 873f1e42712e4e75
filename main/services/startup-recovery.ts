import { existsSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, isAbsolute, relative, resolve } from 'node:path';
import type { Handlers, NewDataDirInput, SetupState, StartupProblem } from '../../domain/api/contract';
import { operationNames } from '../../domain/api/operations';
import { localDateOf } from '../../domain/reports/submissions';
import {
  assertLocalDatabasePath,
  createFolder,
  folderProblemOf,
  UnsafeDatabasePathError,
} from '../../db/create-db';
import { latestSchemaVersion } from '../../db/migrations/index';
import type { AppMode } from './context';
import { databaseFileName, databasePathIn } from './context';
import { DATABASE_FILE_SUFFIXES, databaseFileIn, restoreBackup } from './data-restore';
import { lostDataFileIn, lostDataFileMessage, startAnewIn, type LostDataFile } from './database-probe';
import { UserError } from './errors';
import { notFullPathHere, sameFolder } from './local-path';

/**
 * The start-up recovery screen's side in main: when the data folder's database file cannot be read (not a
 * database, or damaged: DATA_DIR_UNREADABLE), or is missing or empty while the folder still holds the program's
 * files (keys, made submission files: database-probe.ts lostDataFileIn), the app still starts, with these handlers
 * only. The screen offers a new data folder (with a backup file restored into it, or empty: its first run) or
 * another try on the same one (which creates nothing); for a lost data file also a backup restored into that same
 * folder, or, chosen with a warning, a new start there. Every other operation is refused with the problem's
 * message. The unreadable file and its folder are never touched, nor the lost file's folder until the person
 * chooses it. app-runtime.ts owns the switch to the full handlers.
 */

/** The problem to show for a start-up failure, or null when it is not one the recovery screen handles. */
export function startupProblemOf(
  error: unknown,
  dataDir: string,
  now: Date,
  remembered: boolean,
): StartupProblem | null {
  if (!(error instanceof UserError) || error.code !== 'DATA_DIR_UNREADABLE') return null;
  const databasePath = databasePathIn(dataDir);
  const place = {
    databasePath,
    dataDir,
    suggestedDataDir: suggestNewDataDir(dataDir, now),
    remembered,
    checkedAt: now.toISOString(),
  };
  // Missing or empty beside the program's files: said as such, not as a damaged file (the open reports either as
  // DATA_DIR_UNREADABLE, so the folder is looked at again here).
  const lost = lostDataFileIn(databasePath);
  if (lost !== null) {
    return {
      code: 'DATA_DIR_UNREADABLE',
      kind: lost.state,
      found: lost.found,
      message: lostDataFileMessage(lost, 'app'),
      ...place,
    };
  }
  return {
    code: 'DATA_DIR_UNREADABLE',
    kind: 'unreadable',
    found: [],
    message:
      `공약이행 데이터베이스가 아니거나 손상된 파일이라 데이터를 열 수 없습니다: ${databasePath}\n` +
      '이 파일은 고치거나 지우지 않았습니다. 데이터 백업 파일이 있으면 ‘새 데이터 폴더로 시작’에 새 폴더와 그 백업 ' +
      '파일을 입력해 백업한 데이터로 시작하세요. 이 파일을 백업한 파일로 직접 바꾸려면 같은 폴더의 ' +
      `${databaseFileName}-wal, ${databaseFileName}-shm, ${databaseFileName}-journal 파일도 함께 다른 곳으로 ` +
      '옮긴 뒤 다시 시도하세요. 백업이 없으면 이 파일을 그대로 두고 전산 담당자에게 문의하세요.',
    ...place,
  };
}

/**
 * A new folder beside the unreadable one: its name, '-새로' and the date (in Korea's time, as the app's other
 * dates), numbered on when a folder of that name already holds data or the program's files (or a file has the
 * name).
 */
export function suggestNewDataDir(dataDir: string, now: Date): string {
  const base = `${resolve(dataDir)}-새로-${localDateOf(now.toISOString()).replaceAll('-', '')}`;
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    const usable =
      !existsSync(candidate) ||
      (statSync(candidate).isDirectory() &&
        databaseFileIn(candidate) === null &&
        lostDataFileIn(databasePathIn(candidate)) === null);
    if (usable || n >= 99) return candidate;
  }
}

/** A refusal of the folder typed, shown next to the field. */
const folderRefused = (code: string, message: string): UserError =>
  new UserError(code, message, { dataDir: message });

/** A folder made ready for a new data file: what was created, or emptied, in it (undoNewDataDirSafely). */
export interface PreparedDataDir {
  dir: string;
  /** The first folder created on the way to it, or null when it existed. */
  created: string | null;
  /** Empty data files taken away from a folder that lost its data file (put back by the undo). */
  emptied: string[];
}

/**
 * The folder typed for 새 데이터 폴더로 시작, made ready: a full local path, holding no database (nothing is
 * overwritten, and the unreadable folder is never chosen again by mistake) and none of the program's files (a data
 * folder that lost its data file: its keys and submission files are not mixed into a new start), created if
 * missing. Returns the folder and what was created (to remove if it cannot be used after all). A folder inside the
 * unreadable one (`damaged`) is refused too: that folder is to be left as it is.
 *
 * The one exception is `damaged` itself when it is a folder that lost its data file (missing or empty, beside the
 * program's files): typed there, it is the person's choice on the recovery screen (after its warning) to restore a
 * backup into that folder or to start anew in it. The empty data file is taken away (a restore writes only where
 * there is none) and the folder may then be opened (startAnewIn).
 */
export function prepareNewDataDir(dataDir: string, damaged: string | null): PreparedDataDir {
  // Checked before resolve(): on POSIX a "\\server\share" string would otherwise become a relative path.
  try {
    assertLocalDatabasePath(dataDir);
  } catch (error) {
    if (error instanceof UnsafeDatabasePathError) throw folderRefused('NEW_DATA_DIR_UNSAFE', error.message);
    throw error;
  }
  const notFull = notFullPathHere(dataDir, '데이터 폴더가');
  if (notFull !== null) throw folderRefused('NEW_DATA_DIR_UNSAFE', notFull);
  const dir = resolve(dataDir);
  if (damaged !== null && !sameFolder(dir, damaged) && isInside(dir, resolve(damaged))) {
    throw folderRefused(
      'NEW_DATA_DIR_INSIDE_DAMAGED',
      `열 수 없는 데이터 파일이 있는 폴더(${resolve(damaged)}) 안에는 새 데이터 폴더를 만들지 않습니다. 그 폴더 밖의 폴더를 입력하세요.`,
    );
  }
  const lost = lostDataFileIn(databasePathIn(dir));
  if (lost !== null) {
    if (damaged !== null && sameFolder(dir, damaged)) return startAnewInLostFolder(lost);
    throw folderRefused(
      'NEW_DATA_DIR_IN_USE',
      `이 폴더에는 공약이행 관리 프로그램이 만든 파일이 있습니다 (${lost.found.join('; ')}). 다른 데이터 폴더의 ` +
        '파일과 섞이지 않도록 비어 있거나 아직 없는 폴더를 입력하세요.',
    );
  }
  const present = databaseFileIn(dir);
  if (present !== null) {
    throw folderRefused(
      'NEW_DATA_DIR_IN_USE',
      `이 폴더에는 이미 데이터 파일이 있습니다 (${present}). 있는 파일을 덮어쓰지 않으니 비어 있거나 아직 없는 폴더를 입력하세요.`,
    );
  }
  try {
    return { dir, created: createFolder(dir), emptied: [] };
  } catch (error) {
    throw folderRefused(
      'NEW_DATA_DIR_UNUSABLE',
      `새 데이터 폴더를 만들 수 없습니다: ${dir} (${folderProblemOf(error)}). 다른 폴더를 입력하세요.`,
    );
  }
}

/**
 * The recovery screen's folder that lost its data file, chosen for a restore or a new start: refused while a log
 * of the data (`-wal`, `-journal`) still holds something, as the last trace of the data; else the empty data file
 * and logs (and the `-shm` index) are taken away, and the folder may be opened.
 */
function startAnewInLostFolder(lost: LostDataFile): PreparedDataDir {
  const logs = ['-wal', '-journal'].map((suffix) => `${lost.databasePath}${suffix}`);
  const kept = logs.filter((log) => (sizeOrNull(log) ?? 0) > 0);
  if (kept.length > 0) {
    throw folderRefused(
      'NEW_DATA_DIR_IN_USE',
      `이 폴더의 ${kept.map((log) => basename(log)).join(', ')} 파일에 데이터가 남아 있을 수 있어 이 폴더에는 새 ` +
        '데이터 파일을 만들지 않습니다. 그 파일을 그대로 두고 전산 담당자에게 문의하거나, 다른 폴더를 입력하세요.',
    );
  }
  const emptied = [lost.databasePath, ...logs].filter((path) => sizeOrNull(path) === 0);
  try {
    for (const path of emptied) rmSync(path);
    rmSync(`${lost.databasePath}-shm`, { force: true });
  } catch (error) {
    putBack(emptied);
    throw folderRefused(
      'NEW_DATA_DIR_UNUSABLE',
      `빈 데이터 파일을 치울 수 없습니다: ${lost.databasePath} (${folderProblemOf(error)}). 폴더의 권한을 확인하세요.`,
    );
  }
  startAnewIn(lost.dataDir);
  return { dir: lost.dataDir, created: null, emptied };
}

/** The size of a file, or null when there is none. */
function sizeOrNull(path: string): number | null {
  try {
    const stat = statSync(path);
    return stat.isFile() ? stat.size : null;
  } catch {
    return null;
  }
}

/** Puts empty data files taken away back in place (nothing is written over a file there meanwhile). */
function putBack(emptied: readonly string[]): void {
  for (const path of emptied) if (!existsSync(path)) writeFileSync(path, '', { flag: 'wx' });
}

/** Whether `dir` lies inside `parent` (both resolved). */
function isInside(dir: string, parent: string): boolean {
  const path = relative(parent, dir);
  return path !== '' && !path.startsWith('..') && !isAbsolute(path);
}

/**
 * Undoes prepareNewDataDir when the folder could not be opened: what it created, or the files made in it. Its own
 * failure is only logged: the error that made the undo needed is the one to show.
 */
export function undoNewDataDirSafely(prepared: PreparedDataDir): void {
  try {
    if (prepared.created !== null) {
      rmSync(prepared.created, { recursive: true, force: true });
      return;
    }
    const path = databasePathIn(prepared.dir);
    for (const suffix of DATABASE_FILE_SUFFIXES) rmSync(`${path}${suffix}`, { force: true });
    // A folder that lost its data file is as it was found: its empty file back, and closed to the open again.
    putBack(prepared.emptied);
    startAnewIn(prepared.dir, true);
  } catch (error) {
    console.error(`[recovery] could not remove what was made in ${prepared.dir}`, error);
  }
}

/**
 * 새 데이터 폴더로 시작 with a backup file: the backup restored into the folder just prepared (empty), as 백업에서
 * 복원 does (a full local path, the file's checks), so the app opens on the restored data. Its refusals name the
 * field they are about (file or folder).
 */
export async function restoreIntoNewDataDir(backupFile: string, dir: string): Promise<void> {
  const notFull = notFullPathHere(backupFile, '백업 파일 경로가');
  if (notFull !== null) throw new UserError('RESTORE_FILE_MISSING', notFull, { backupFile: notFull });
  try {
    await restoreBackup(backupFile, dir);
  } catch (error) {
    // 백업에서 복원's field is `file`; here it is `backupFile` (its refusals of the file, checked or copied).
    if (!(error instanceof UserError) || !error.code.startsWith('RESTORE_FILE')) throw error;
    throw new UserError(error.code, error.message, { backupFile: error.details?.file ?? error.message });
  }
}

/** A failure to open a folder, as a message for the screen (a UserError keeps its own). */
export function openFailure(error: unknown, field?: 'dataDir'): UserError {
  if (error instanceof UserError)
    return field === undefined || error.details !== undefined
      ? error
      : new UserError(error.code, error.message, { [field]: error.message });
  const reason = error instanceof Error ? error.message : String(error);
  const message = `데이터 폴더를 사용할 수 없습니다: ${reason}`;
  return new UserError('DATA_DIR_UNUSABLE', message, field === undefined ? undefined : { [field]: message });
}

/** What the recovery handlers act on (app-runtime.ts). */
export interface Recovery {
  readonly mode: AppMode;
  readonly appVersion: string;
  problem(): StartupProblem;
  retry(): Promise<StartupProblem | null>;
  startWithNewDataDir(input: NewDataDirInput): Promise<SetupState>;
}

/** Every operation of the contract while the data cannot be read: the recovery screen's, the rest refused. */
export function recoveryHandlers(recovery: Recovery): Handlers {
  const refuse = (): never => {
    throw new UserError('DATA_DIR_UNREADABLE', recovery.problem().message);
  };
  const refused = Object.fromEntries(operationNames.map((name) => [name, refuse])) as unknown as Handlers;
  return {
    ...refused,
    getAppInfo: () => ({
      version: recovery.appVersion,
      mode: recovery.mode === 'electron' ? 'electron' : 'browser',
      databasePath: recovery.problem().databasePath,
      schemaVersion: latestSchemaVersion,
    }),
    getStartupProblem: () => recovery.problem(),
    retryStartup: () => recovery.retry(),
    startWithNewDataDir: (input) => recovery.startWithNewDataDir(input),
  };
}
