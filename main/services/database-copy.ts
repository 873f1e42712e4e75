import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { backupDatabaseFile } from '../../db/backup';
import { syncDirectory } from '../bundles/atomic-file';

/**
 * A checked copy of a database file at `target` (데이터 백업, 백업에서 복원): taken with SQLite's backup API into a
 * hidden file beside the target, checked (backupDatabaseFile), fsynced, and only then renamed to its name, the
 * folder synced after. When anything fails, the hidden file and whatever SQLite kept beside it are removed and
 * the error (BackupCheckError for a copy that fails its check, else the file system's) is rethrown.
 */
/** `sealedAt`: the time the copy's seal records (the program's clock: PLEDGE_NOW in training replays). */
export async function writeCheckedDatabaseCopy(
  source: string,
  target: string,
  sealedAt: Date = new Date(),
): Promise<void> {
  const dir = dirname(target);
  const temp = join(dir, `.${basename(target)}.${randomBytes(6).toString('hex')}.partial`);
  try {
    await backupDatabaseFile(source, temp, sealedAt);
    const fd = openSync(temp, 'r+');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, target);
    syncDirectory(dir);
  } catch (error) {
    for (const leftover of [temp, `${temp}-wal`, `${temp}-shm`, `${temp}-journal`])
      rmSync(leftover, { force: true });
    throw error;
  }
}
