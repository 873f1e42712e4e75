import type BetterSqlite3 from 'better-sqlite3';
import type { Selectable } from 'kysely';
import type { ImportRunsTable } from './schema';

/** An import of submission files, running or cut off midway, as recorded (migration 0018). */
export interface ImportRun {
  id: number;
  startedAt: string;
  pid: number;
  processStartedAt: string;
  lastSeenAt: string;
  sources: string[];
  total: number;
  written: number;
}

/** A row as SQLite returns it. */
type ImportRunRow = Selectable<ImportRunsTable>;

const sourcesOf = (text: string): string[] => {
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) ? parsed.filter((s): s is string => typeof s === 'string') : [];
  } catch {
    return [];
  }
};

const runOf = (row: ImportRunRow): ImportRun => ({
  id: row.id,
  startedAt: row.started_at,
  pid: row.pid,
  processStartedAt: row.process_started_at,
  lastSeenAt: row.last_seen_at,
  sources: sourcesOf(row.sources),
  total: row.total,
  written: row.written,
});

/** Records an import (with the files of its first commit); returns its id. */
export function startImportRun(sqlite: BetterSqlite3.Database, run: Omit<ImportRun, 'id'>): number {
  const info = sqlite
    .prepare(
      `INSERT INTO import_runs (started_at, pid, process_started_at, last_seen_at, sources, total, written)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      run.startedAt,
      run.pid,
      run.processStartedAt,
      run.lastSeenAt,
      JSON.stringify(run.sources),
      run.total,
      run.written,
    );
  return Number(info.lastInsertRowid);
}

/** Counts files written by an import: call inside the transaction that writes them. */
export function countImportWritten(
  sqlite: BetterSqlite3.Database,
  id: number,
  written: number,
  seenAt: string,
): void {
  sqlite
    .prepare(`UPDATE import_runs SET written = written + ?, last_seen_at = ? WHERE id = ?`)
    .run(written, seenAt, id);
}

/** Every recorded import (running, or cut off and not yet seen), oldest first. */
export function importRuns(sqlite: BetterSqlite3.Database): ImportRun[] {
  return sqlite.prepare<[], ImportRunRow>(`SELECT * FROM import_runs ORDER BY id`).all().map(runOf);
}

/** Removes imports' records (ended, seen, or completed by a later import); returns how many. */
export function removeImportRuns(sqlite: BetterSqlite3.Database, ids: readonly number[]): number {
  const remove = sqlite.prepare(`DELETE FROM import_runs WHERE id = ?`);
  let removed = 0;
  for (const id of ids) removed += remove.run(id).changes;
  return removed;
}
