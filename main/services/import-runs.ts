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
 * Imports cut off midway (migration 0018). Each import records itself as it starts, counts the files it writes in
 * the transactions that write them, and removes its record when it ends (taken whole, or failed with its message
 * shown). A record left behind is an import cut off once its process is gone: another process's import whose
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
export function isRunning(run: ImportRun, realNow: number = Date.now()): boolean {
  const self = processIdentity();
  if (run.pid === self.pid) return run.processStartedAt === self.startedAt;
  return processExists(run.pid) && realNow - Date.parse(run.lastSeenAt) < STALE_AFTER_MS;
}

/** What an import names: paths as full paths (a folder given twice is one source), page files by name. */
export function sourcesOf(names: readonly string[], arePaths: boolean): string[] {
  return [...new Set(names.map((n) => (arePaths ? resolve(n) : n)))];
}

/** The one import being recorded: its id, for the commits that count its files. */
export interface ImportRunHandle {
  readonly id: number;
  /** Counts files written; call inside the transaction that writes them. */
  written(sqlite: BetterSqlite3.Database, n: number): void;
}

export async function beginImportRun(
  ctx: AppContext,
  sources: readonly string[],
  total: number,
): Promise<ImportRunHandle> {
  const self = processIdentity();
  const id = await withRawConnection(ctx.db, (sqlite) =>
    startImportRun(sqlite, {
      startedAt: ctx.now().toISOString(),
      pid: self.pid,
      processStartedAt: self.startedAt,
      lastSeenAt: new Date().toISOString(),
      sources: sources.slice(0, SOURCES_KEPT),
      total,
    }),
  );
  return {
    id,
    written: (sqlite, n) => {
      if (n > 0) countImportWritten(sqlite, id, n, new Date().toISOString());
    },
  };
}

/**
 * Removes the import's record as it ends. One that went through every file it was given (`completed`) also settles
 * the earlier imports cut off whose every source it named again: their files are now taken, or refused with a
 * reason shown. (A cut-off import whose sources were not all kept, SOURCES_KEPT, is settled only by the office.)
 */
export async function endImportRun(
  ctx: AppContext,
  run: ImportRunHandle,
  sources: readonly string[],
  completed: boolean,
): Promise<void> {
  await withRawConnection(ctx.db, (sqlite) =>
    sqlite.transaction(() => {
      const named = new Set(sources);
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
      removeImportRuns(sqlite, [run.id, ...covered.map((r) => r.id)]);
    })(),
  );
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
