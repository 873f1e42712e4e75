import BetterSqlite3 from 'better-sqlite3';
import { existsSync, rmSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { RestoredBackup } from '../../domain/api/contract';
import { localDateTimeOf } from '../../domain/reports/submissions';
import { josa } from '../../domain/text/josa';
import {
  assertLocalDatabasePath,
  createFolder,
  folderProblemOf,
  UnsafeDatabasePathError,
} from '../../db/create-db';
import {
  BackupAlteredError,
  BackupCheckError,
  type BackupContents,
  inspectBackupFile,
} from '../../db/backup';
import { contentDigest, SEAL_TABLE } from '../../db/backup-seal';
import { latestSchemaVersion } from '../../db/migrations/index';
import { fileWriteError } from '../bundles/atomic-file';
import { databasePathIn } from './context';
import { writeCheckedDatabaseCopy } from './database-copy';
import { UserError } from './errors';
import type { Who } from './session';

/** What SQLite may keep beside a database file: any of them in the target would be read with the restored file. */
export const DATABASE_FILE_SUFFIXES = ['', '-wal', '-shm', '-journal'] as const;

/**
 * The first file of a database (pledge.sqlite or one SQLite would read with it) in a data folder, or null: a folder
 * with one is not a new data folder (a restore or a new start there would mix with, or overwrite, what is there).
 */
export function databaseFileIn(dataDir: string): string | null {
  const target = databasePathIn(resolve(dataDir));
  return DATABASE_FILE_SUFFIXES.map((s) => `${target}${s}`).find((p) => existsSync(p)) ?? null;
}

/**
 * 백업에서 복원: writes a backup file (데이터 백업's 공약이행_백업_….sqlite, or any copy's pledge.sqlite) into a data
 * folder that holds no database yet, as that folder's pledge.sqlite, after checking it (SQLite's integrity check,
 * this app's tables, a schema this version can open). Nothing is ever overwritten: a folder that already has data
 * is refused. The copy is taken with SQLite's backup API, checked again, fsynced and only then given its name, so
 * a failure leaves the folder as it was. Using the folder is the caller's next step (설정 변경 → 저장하고 시작, or
 * --data DIR). The private signing key is not in a backup, and a data folder signs only with key files inside
 * itself (key-store): the restored copy, on any PC, replaces its key (key-service initKeys) and enrolls the new one.
 *
 * A backup carries its seal (db/backup-seal.ts): content changed since it was made is refused
 * (RESTORE_FILE_ALTERED), the copy written is compared with it too, and the seal is not kept in the restored data.
 * A backup of an earlier version, without one, is restored with a note that it could not be checked. When
 * `options.current` names who uses the data folder in use now, a backup of another role or department is restored
 * only with `confirmRoleChange` (RESTORE_ROLE_CHANGE names both), as 설정 변경 asks before another user's folder.
 */
export async function restoreBackup(
  backupFile: string,
  dataDir: string,
  options: RestoreOptions = {},
): Promise<RestoredBackup> {
  const file = resolve(backupFile);
  if (!existsSync(file) || !statSync(file).isFile()) {
    throw new UserError('RESTORE_FILE_MISSING', `복원할 백업 파일이 없습니다: ${file}`, {
      file: `파일이 없습니다: ${file}`,
    });
  }
  try {
    assertLocalDatabasePath(dataDir);
  } catch (error) {
    if (error instanceof UnsafeDatabasePathError)
      throw new UserError('RESTORE_FOLDER_UNSAFE', error.message, { dataDir: error.message });
    throw error;
  }
  const dir = resolve(dataDir);
  const target = databasePathIn(dir);
  const present = databaseFileIn(dir);
  if (present !== null) {
    const message = `이 폴더에는 이미 데이터가 있습니다 (${present}). 기존 데이터를 덮어쓰지 않으니 빈 폴더나 새 폴더를 고르세요.`;
    throw new UserError('RESTORE_FOLDER_IN_USE', message, { dataDir: message });
  }

  let contents: BackupContents;
  try {
    contents = inspectBackupFile(file, latestSchemaVersion);
  } catch (error) {
    if (error instanceof BackupAlteredError) throw alteredError(file, error.createdAt);
    if (error instanceof BackupCheckError)
      throw new UserError('RESTORE_FILE_INVALID', `복원할 수 없는 파일입니다 (${file}): ${error.message}`, {
        file: error.message,
      });
    throw error;
  }
  const switched = roleSwitch(contents, options);
  if (switched !== null) throw switched;

  // Made one level at a time: where new folders are refused (/proc, some mounted drives) Node 20's recursive
  // mkdir retries forever; this fails at once. What it made is removed again if the copy cannot be written.
  let created: string | null;
  try {
    created = createFolder(dir);
  } catch (error) {
    const message = `복원할 데이터 폴더를 만들 수 없습니다: ${dir} (${folderProblemOf(error)}). 다른 폴더를 고르세요.`;
    throw new UserError('RESTORE_FOLDER_UNUSABLE', message, { dataDir: message });
  }
  try {
    await writeCheckedDatabaseCopy(file, target);
  } catch (error) {
    if (created !== null) rmSync(created, { recursive: true, force: true });
    if (error instanceof BackupCheckError)
      throw new UserError(
        'RESTORE_FILE_INVALID',
        `복원한 사본을 검사했더니 손상되어 있어 지웠습니다: ${error.message}`,
      );
    throw fileWriteError(error, target);
  }
  try {
    unsealRestored(target, contents);
  } catch (error) {
    if (created !== null) rmSync(created, { recursive: true, force: true });
    else for (const suffix of DATABASE_FILE_SUFFIXES) rmSync(`${target}${suffix}`, { force: true });
    throw error instanceof UserError ? error : fileWriteError(error, target);
  }
  const verified = contents.seal.status === 'verified' ? contents.seal.seal : null;
  return {
    dataDir: dir,
    path: target,
    bytes: statSync(target).size,
    schemaVersion: contents.schemaVersion,
    role: contents.setup?.role ?? null,
    department: contents.setup?.department ?? null,
    documents: contents.documents,
    receivedBundles: contents.receivedBundles,
    backupCreatedAt: verified?.createdAt ?? null,
    contentCheck: verified === null ? 'unchecked' : 'verified',
    note: noteOf(contents.seal),
  };
}

export interface RestoreOptions {
  /** Who uses the data folder in use now (null: nobody yet); undefined: not known, nothing to compare. */
  current?: Who | null;
  /** The backup is another user's, and restoring it is meant (asked again after RESTORE_ROLE_CHANGE). */
  confirmRoleChange?: boolean;
}

const whoText = (who: { role: 'office' | 'department'; department: string | null }): string =>
  who.role === 'office' ? '기획담당관' : `주관부서 ${who.department ?? ''}`.trim();

/** What a backup is, for the messages: "기획담당관의 데이터입니다 (… 만든 백업, 문서 3건, 받은 제출 파일 2건)". */
export function describeBackup(contents: BackupContents): string {
  const made =
    contents.seal.status === 'verified'
      ? `${localDateTimeOf(contents.seal.seal.createdAt)}에 만든 백업`
      : '만든 시각 기록 없음';
  const who = contents.setup === null ? '사용자 설정이 없는 데이터' : `${whoText(contents.setup)}의 데이터`;
  return `${who}입니다 (${made}, 문서 ${contents.documents}건, 받은 제출 파일 ${contents.receivedBundles}건)`;
}

/** The refusal of a backup of another role or department than the folder in use, unless confirmed; else null. */
function roleSwitch(contents: BackupContents, options: RestoreOptions): UserError | null {
  const { current } = options;
  const backup = contents.setup;
  if (options.confirmRoleChange === true || current === undefined || current === null || backup === null)
    return null;
  if (backup.role === current.role && (backup.department ?? null) === (current.department ?? null))
    return null;
  const now = whoText(current);
  const then = whoText(backup);
  const message =
    `이 백업 파일은 ${describeBackup(contents)}. 지금 이 PC는 ${josa(now, '으로/로')} 쓰고 있어, ` +
    `복원한 폴더로 시작하면 사용자가 ${now}에서 ${josa(then, '으로/로')} 바뀝니다. 맞는 백업 파일인지 확인하세요.`;
  return new UserError('RESTORE_ROLE_CHANGE', message, { current: now, backup: then });
}

function alteredError(file: string, createdAt: string | null): UserError {
  const made = createdAt === null ? '' : ` (${localDateTimeOf(createdAt)}에 만든 백업)`;
  const message =
    `백업 파일의 내용이 만들 때와 다릅니다 (손상): ${file}${made}\n` +
    '백업 파일 안에 만들 때 기록한 내용 확인값(SHA-256)이 지금 내용과 맞지 않습니다. 저장장치나 복사하는 중에 ' +
    '파일이 바뀐 것으로 보입니다. 이 파일로는 복원하지 않았고 아무것도 바꾸지 않았습니다. 다른 백업 파일을 쓰세요.';
  return new UserError('RESTORE_FILE_ALTERED', message, {
    file: '백업 파일의 내용이 만들 때와 다릅니다 (손상). 다른 백업 파일을 고르세요.',
  });
}

function noteOf(seal: BackupContents['seal']): string | null {
  if (seal.status === 'verified') return null;
  if (seal.status === 'used')
    return '데이터 폴더에서 쓰던 데이터 파일이라, 백업한 뒤 바뀌었는지(손상) 확인할 수 없었습니다.';
  return '이전 버전이 만든 백업(또는 데이터 폴더의 pledge.sqlite)이라 내용 확인값이 없어, 만든 뒤 바뀌었는지(손상) 확인할 수 없었습니다.';
}

/**
 * The restored file compared with the backup's seal (content as verified: the copy on this disk went right), then
 * without a seal: data in use is no backup, and a seal there would only be out of date.
 */
function unsealRestored(target: string, contents: BackupContents): void {
  const sqlite = new BetterSqlite3(target, { fileMustExist: true });
  try {
    if (contents.seal.status === 'verified') {
      const { seal } = contents.seal;
      if (contentDigest(sqlite, seal.createdAt) !== seal.digest)
        throw new UserError(
          'RESTORE_COPY_ALTERED',
          `복원한 사본이 백업 파일과 달라 지웠습니다: ${target}\n` +
            '복원할 폴더의 저장장치에 문제가 있을 수 있으니 다른 폴더(다른 디스크)에 다시 복원하세요.',
        );
    }
    sqlite.exec(`DROP TABLE IF EXISTS ${SEAL_TABLE}`);
  } finally {
    sqlite.close();
  }
}
