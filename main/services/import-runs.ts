import { resolve } from 'node:path';
import {
  countImportWritten,
  importRuns,
  removeImportRuns,
  startImportRun,
  type ImportRun,
} from '../../db/import-runs';
import { withRawConnection } from '../../db/create-db';
import { SOURCES_KEPT, type InterruptedImportView } from '../../domain/reports/interrupted-import';
import type BetterSqlite3 from 'better-sqlite3';
import type { AppContext } from './context';

/**
 * Imports cut off midway (migration 0018). Each import records itself with the first files it stores, counts the
 * files it writes in the transactions that write them, and removes its record when it ends (taken whole, or failed
 * with its message shown). A record left behind is an import cut off once its process is gone: another process's import whose
 * process no longer exists, or one that has not written for STALE_AFTER_MS (its process id reused by another
 * program after a restart), or this process's own from an earlier start. The office is told until it says it has
 * seen it, or until an import of the same files (or more) runs to its end.
 */

/** An import's process: its id and when it started, by the computer's clock (not PLEDGE_NOW's). */
const processIdentity = (): { pid: number; startedAt: string } => ({
  pid: process.pid,
  startedAt: new Date(Math.round(performance.timeOrigin)).toISOString(),
});

/** A run whose process exists but has not written for this long is taken to be cut off (a reused process id). */
const STALE_AFTER_MS = 10 * 60_000;

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, owned by another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** True while the run's own process may still be importing. */
function isRunning(run: ImportRun, realNow: number = Date.now()): boolean {
  const self = processIdentity();
  if (run.pid === self.pid) return run.processStartedAt === self.startedAt;
  return processExists(run.pid) && realNow - Date.parse(run.lastSeenAt) < STALE_AFTER_MS;
}

/** What an import names: paths as full paths (a folder given twice is one source), page files by name. */
export function sourcesOf(names: readonly string[], arePaths: boolean): string[] {
  return [...new Set(names.map((n) => (arePaths ? resolve(n) : n)))];
}

/**
 * The one import being recorded. Its record is written with the first files it stores, in the same transaction
 * (and counted in each later one): an import that stores nothing writes nothing, and one cut off before its first
 * commit has nothing to tell.
 */
export interface ImportRunHandle {
  /** The record's id once a file was written, else null. */
  readonly id: number | null;
  /** What the import was asked to take, as recorded. */
  readonly sources: readonly string[];
  /** Counts files written; call inside the transaction that writes them. */
  written(sqlite: BetterSqlite3.Database, n: number): void;
}

export function beginImportRun(ctx: AppContext, sources: readonly string[], total: number): ImportRunHandle {
  const self = processIdentity();
  const startedAt = ctx.now().toISOString();
  let id: number | null = null;
  return {
    get id() {
      return id;
    },
    sources,
    written: (sqlite, n) => {
      if (n <= 0) return;
      const seenAt = new Date().toISOString();
      if (id !== null) countImportWritten(sqlite, id, n, seenAt);
      else
        id = startImportRun(sqlite, {
          startedAt,
          pid: self.pid,
          processStartedAt: self.startedAt,
          lastSeenAt: seenAt,
          sources: sources.slice(0, SOURCES_KEPT),
          total,
          written: n,
        });
    },
  };
}

/**
 * Removes the import's record as it ends. One that went through every file it was given (`completed`) also settles
 * the earlier imports cut off whose every source it named again: their files are now taken, or refused with a
 * reason shown. (A cut-off import whose sources were not all kept, SOURCES_KEPT, is settled only by the office.)
 * Writes nothing when there is nothing to remove.
 */
export async function endImportRun(ctx: AppContext, run: ImportRunHandle, completed: boolean): Promise<void> {
  await withRawConnection(ctx.db, (sqlite) => {
    const named = new Set(run.sources);
    const covered = completed
      ? importRuns(sqlite).filter(
          (r) =>
            r.id !== run.id &&
            !isRunning(r) &&
            r.sources.length > 0 &&
            r.sources.length < SOURCES_KEPT &&
            r.sources.every((s) => named.has(s)),
        )
      : [];
    const ids = [...(run.id === null ? [] : [run.id]), ...covered.map((r) => r.id)];
    if (ids.length > 0) sqlite.transaction(() => removeImportRuns(sqlite, ids))();
  });
}

/** Imports cut off midway that the office has not seen yet, oldest first. */
export async function interruptedImports(ctx: AppContext): Promise<InterruptedImportView[]> {
  const runs = await withRawConnection(ctx.db, (sqlite) => importRuns(sqlite));
  return runs
    .filter((r) => !isRunning(r))
    .map(({ id, startedAt, sources, total, written }) => ({ id, startedAt, sources, total, written }));
}

/** The office has seen these notices: they are not shown again (a running import is left). Returns how many. */
export async function acknowledgeInterruptedImports(
  ctx: AppContext,
  ids: readonly number[],
): Promise<number> {
  const cutOff = new Set((await interruptedImports(ctx)).map((r) => r.id));
  return withRawConnection(ctx.db, (sqlite) =>
    removeImportRuns(
      sqlite,
      ids.filter((id) => cutOff.has(id)),
    ),
  );
}
