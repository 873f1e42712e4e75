import BetterSqlite3 from 'better-sqlite3';
import { closeSync, openSync, readSync, statSync } from 'node:fs';

/** What every start reads before its first screen, by table (a file made by an older version may lack one). */
const STARTUP_READS: readonly (readonly [string, string])[] = [
  ['settings', "SELECT value FROM settings WHERE key = 'setup'"],
  ['reference_data', "SELECT * FROM reference_data WHERE key IN ('catalog', 'term')"],
];

/** The first 16 bytes of every SQLite database file. */
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * Looks at an existing database file without changing it or the files beside it, before the read-write open
 * (createDb) is allowed near it: the SQLite error that says it cannot be read, or null (no file, a sound one, or a
 * problem the normal open reports itself).
 *
 * First the file's own header: a file that does not start as a database is not one, whatever lies beside it. SQLite
 * itself would read a `-wal` from another database over it (and the read-write open would then checkpoint that log
 * into the file), or roll a `-journal` back into it. Then a read-only connection reads the schema: it never
 * checkpoints a WAL or rolls a journal back (a hot journal makes it fail with SQLITE_READONLY_ROLLBACK, left to the
 * normal open: that is SQLite's recovery of a sound file after a crash), then the rows every start reads first.
 * A few quick reads for a sound file.
 */
export function probeDatabaseFile(path: string): unknown {
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) return null;
    size = stat.size;
  } catch {
    return null;
  }
  if (size === 0) return null;
  const head = Buffer.alloc(SQLITE_HEADER.length);
  let read: number;
  try {
    const fd = openSync(path, 'r');
    try {
      read = readSync(fd, head, 0, head.length, 0);
    } finally {
      closeSync(fd);
    }
  } catch {
    return null;
  }
  if (read < head.length || !head.equals(SQLITE_HEADER)) {
    return Object.assign(new Error('file is not a database (header)'), { code: 'SQLITE_NOTADB' });
  }

  let probe: BetterSqlite3.Database | undefined;
  try {
    probe = new BetterSqlite3(path, { readonly: true, fileMustExist: true });
    probe.pragma('schema_version');
    probe.prepare('SELECT count(*) FROM sqlite_master').get();
    // A sound schema can sit over a damaged page that the start reads first: who uses the folder (getSetup) and the
    // catalog and term. Read here, the same way, so such a file goes to the recovery screen, not to a window that
    // cannot show anything.
    for (const [table, read] of STARTUP_READS) {
      const present = probe
        .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")
        .get(table);
      if (present !== undefined) probe.prepare(read).all();
    }
    return null;
  } catch (error) {
    return error;
  } finally {
    probe?.close();
  }
}
