import { existsSync, rmSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { RestoredBackup } from '../../domain/api/contract';
import {
  assertLocalDatabasePath,
  createFolder,
  folderProblemOf,
  UnsafeDatabasePathError,
} from '../../db/create-db';
import { BackupCheckError, inspectBackupFile } from '../../db/backup';
import { latestSchemaVersion } from '../../db/migrations/index';
import { fileWriteError } from '../bundles/atomic-file';
import { databasePathIn } from './context';
import { writeCheckedDatabaseCopy } from './database-copy';
import { UserError } from './errors';

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
 */
export async function restoreBackup(backupFile: string, dataDir: string): Promise<RestoredBackup> {
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

  let contents: ReturnType<typeof inspectBackupFile>;
  try {
    contents = inspectBackupFile(file, latestSchemaVersion);
  } catch (error) {
    if (error instanceof BackupCheckError)
      throw new UserError('RESTORE_FILE_INVALID', `복원할 수 없는 파일입니다 (${file}): ${error.message}`, {
        file: error.message,
      });
    throw error;
  }

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
  return {
    dataDir: dir,
    path: target,
    bytes: statSync(target).size,
    schemaVersion: contents.schemaVersion,
    role: contents.setup?.role ?? null,
    department: contents.setup?.department ?? null,
    documents: contents.documents,
    receivedBundles: contents.receivedBundles,
  };
}
