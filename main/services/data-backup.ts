import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { DataBackup } from '../../domain/api/contract';
import { BackupCheckError } from '../../db/backup';
import { ReadOnlySourceError } from '../../db/backup-source';
import { createFolder } from '../../db/create-db';
import { fileWriteError } from '../bundles/atomic-file';
import { type AppContext, databasePathIn } from './context';
import { writeCheckedDatabaseCopy } from './database-copy';
import { UserError } from './errors';

/**
 * 데이터 백업: a checked copy of this copy's database (drafts, versions, attachments, received bundles, decisions)
 * as one file, `공약이행_백업_<local date-time>.sqlite`, in the folder given (which must exist: a USB stick, another
 * disk) or in the data folder's `backups` folder. The private signing key is not in it (it stays in keys/ or the
 * OS key store). The file carries its own seal (db/backup-seal.ts: a SHA-256 of its content in a table of its own),
 * which 백업에서 복원 checks, so it is restored with 백업에서 복원 (pledge restore), not copied by hand. Nothing is
 * left behind when it fails: the copy is written beside its name and renamed only once SQLite has checked it.
 * The data folder is only read: a folder that cannot be written (read-only) can still be backed up elsewhere.
 */
const BACKUP_FOLDER_NAME = 'backups';

const pad = (n: number) => String(n).padStart(2, '0');
const localStamp = (d: Date) =>
  `${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}-${pad(d.getHours())}${pad(d.getMinutes())}${pad(d.getSeconds())}`;

export async function backupData(ctx: AppContext, folder?: string): Promise<DataBackup> {
  return backupDataFolder(ctx.dataDir, folder, ctx.now());
}

/**
 * backupData of a data folder that is not open (the command line's `pledge backup`): its database is only read,
 * never opened for writing nor migrated, so a read-only folder or an older schema is backed up as it is.
 */
export async function backupDataFolder(
  dataDir: string,
  folder: string | undefined,
  createdAt: Date,
): Promise<DataBackup> {
  const dir = resolve(folder ?? join(dataDir, BACKUP_FOLDER_NAME));
  if (folder === undefined) {
    try {
      createFolder(dir);
    } catch (error) {
      throw fileWriteError(error, dir);
    }
  } else if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new UserError('BACKUP_FOLDER_MISSING', `백업을 저장할 폴더가 없습니다: ${dir}`, {
      folder: `폴더가 없습니다: ${dir}`,
    });
  }
  const base = `공약이행_백업_${localStamp(createdAt)}`;
  let path = join(dir, `${base}.sqlite`);
  for (let n = 2; existsSync(path); n++) path = join(dir, `${base}_${n}.sqlite`);
  try {
    await writeCheckedDatabaseCopy(databasePathIn(dataDir), path, createdAt);
  } catch (error) {
    if (error instanceof ReadOnlySourceError)
      throw new UserError(
        'BACKUP_SOURCE_READONLY',
        `${error.message}\n데이터 파일: ${databasePathIn(dataDir)}`,
      );
    if (error instanceof BackupCheckError) {
      const dataFile = databasePathIn(dataDir);
      if (error.sourceDamaged)
        throw new UserError(
          'BACKUP_SOURCE_DAMAGED',
          `데이터 파일이 손상되어 있어 온전한 백업을 만들 수 없습니다 (만든 사본은 지웠습니다): ${dataFile}\n` +
            '더 작업하지 말고 전산 담당자에게 알리세요. 전에 만든 데이터 백업 파일이 있으면 설정 변경 → 백업에서 복원' +
            '(명령줄에서는 pledge restore 백업파일 --data 새_폴더)으로 ' +
            `새 데이터 폴더에 복원할 수 있습니다. (SQLite 검사: ${error.message})`,
        );
      throw new UserError(
        'BACKUP_CHECK_FAILED',
        `백업 파일을 검사했더니 손상되어 있어 지웠습니다. 데이터 파일(${dataFile})은 검사해 보니 온전합니다: ` +
          `백업을 쓴 저장장치(${dir})에 문제가 있을 수 있으니 다른 폴더에 다시 백업하세요. (SQLite 검사: ${error.message})`,
      );
    }
    // SQLite's own open of the new file (not an errno): a folder that exists but takes no new files.
    if ((error as { code?: unknown } | undefined)?.code === 'SQLITE_CANTOPEN')
      throw new UserError(
        'BACKUP_FOLDER_UNWRITABLE',
        `이 폴더에는 백업 파일을 만들 수 없습니다: ${dir} (쓸 권한이 없거나 파일을 둘 수 없는 폴더입니다). 다른 폴더를 고르세요.`,
        { folder: `백업 파일을 만들 수 없는 폴더입니다: ${dir}` },
      );
    throw fileWriteError(error, path);
  }
  return { path, bytes: statSync(path).size, createdAt: createdAt.toISOString() };
}
