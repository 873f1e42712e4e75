import BetterSqlite3 from 'better-sqlite3';

/**
 * A consistent copy of a live database file, taken with SQLite's online backup API on a connection of its own
 * (the app's connection goes on serving requests; a copy of the file itself is not a backup: with WAL it can miss
 * committed pages). The copy is then opened on its own, turned into a single file (no -wal or -shm beside it) and
 * must pass `PRAGMA integrity_check`.
 */
export async function backupDatabaseFile(sourcePath: string, targetPath: string): Promise<void> {
  const source = new BetterSqlite3(sourcePath, { readonly: true, fileMustExist: true });
  try {
    await source.backup(targetPath);
  } finally {
    source.close();
  }
  const copy = new BetterSqlite3(targetPath, { fileMustExist: true });
  try {
    // One self-contained file: the copy leaves WAL mode (the app sets it again when it opens the file).
    copy.pragma('journal_mode = DELETE');
    const check = copy.pragma('integrity_check', { simple: true }) as string;
    if (check !== 'ok') throw new BackupCheckError(check);
  } finally {
    copy.close();
  }
}

/** The copy was written but SQLite's integrity check of it failed (its first finding is the message). */
export class BackupCheckError extends Error {}
