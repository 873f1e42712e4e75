import { closeSync, fsyncSync, openSync } from 'node:fs';
import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { withRawConnection } from '../../db/create-db';
import type { Database } from '../../db/schema';

/**
 * How the connection writes while an import commits its batches, and what the import does before it returns.
 *
 * - **Durable when reported.** Every connection runs with synchronous=FULL: each commit fsyncs the WAL. An import
 *   commits dozens of batches (18 ms each in fsync at ten times Seoul's size); during it the connection runs with
 *   synchronous=NORMAL — each commit is still atomic and the database consistent after a crash or power loss, only
 *   the latest commits may be lost then — and before the import returns its results, the WAL file is fsynced once
 *   (syncLog), which is what FULL would have done at the last commit: everything reported as 반영 is on disk.
 *   Nothing was reported of batches a power loss takes back; their files are imported again.
 * - **No checkpoint inside the import.** SQLite's automatic checkpoint (once the log passes 1,000 pages) would copy
 *   the same index pages into the database file after every batch; it is off during the import. Folding the log
 *   in (0.5–1 s at ten times Seoul's size) waits until a moment after the import has returned its results
 *   (CHECKPOINT_DELAY_MS), between requests. A log left behind (the app closed first) is folded in when the
 *   database is closed or opened again.
 *
 * Imports may overlap (two windows, an import started while the last one's checkpoint waits): the settings to
 * restore are the ones found before the first of them, each import syncs the log before it returns, and the
 * settings come back and the checkpoint runs once none is running.
 */

/** How long after an import its checkpoint waits: the results are on screen by then. */
export const CHECKPOINT_DELAY_MS = 2_000;

interface Held {
  /** The connection's settings before the first import that held it. */
  restore: { autocheckpoint: number; synchronous: number };
  /** Imports running now. */
  active: number;
  timer: ReturnType<typeof setTimeout> | null;
}

const held = new WeakMap<object, Held>();

/**
 * Sets the connection up for an import (above); returns the function the import awaits before it returns its
 * results: it syncs the log and, once no import runs, schedules the checkpoint and the settings' return.
 */
export async function enterImportWrites(db: Kysely<Database>): Promise<() => Promise<void>> {
  await withRawConnection(db, (sqlite) => {
    const state = held.get(db);
    if (state !== undefined) {
      state.active += 1;
      if (state.timer !== null) clearTimeout(state.timer);
      state.timer = null;
      return;
    }
    const restore = {
      autocheckpoint: sqlite.pragma('wal_autocheckpoint', { simple: true }) as number,
      synchronous: sqlite.pragma('synchronous', { simple: true }) as number,
    };
    sqlite.pragma('wal_autocheckpoint = 0');
    // Only a WAL database has one log to sync at the end (the office's always is: applyConnectionPragmas).
    if (isWal(sqlite)) sqlite.pragma('synchronous = NORMAL');
    held.set(db, { restore, active: 1, timer: null });
  });
  let released = false;
  return async () => {
    const state = held.get(db);
    if (released || state === undefined) return;
    released = true;
    await withRawConnection(db, (sqlite) => {
      state.active -= 1;
      syncLog(sqlite);
      if (state.active === 0) sqlite.pragma(`synchronous = ${state.restore.synchronous}`);
    });
    if (state.active > 0) return;
    state.timer = setTimeout(() => {
      state.timer = null;
      // A closed database (the app or a test ended first) folds its log in when closing: nothing is lost.
      checkpointHeld(db).catch(() => undefined);
    }, CHECKPOINT_DELAY_MS);
    // The checkpoint never keeps a finished CLI or test process alive.
    state.timer.unref();
  };
}

/**
 * Runs a scheduled checkpoint now (the benchmark, which times it on its own, and tests): folds the log into the
 * database and gives the connection its checkpoint setting back. Does nothing while an import still runs or when
 * none ended since the last checkpoint. Returns whether it ran.
 */
export async function checkpointHeld(db: Kysely<Database>): Promise<boolean> {
  const state = held.get(db);
  if (state === undefined) return false;
  if (state.timer !== null) clearTimeout(state.timer);
  state.timer = null;
  return withRawConnection(db, (sqlite) => {
    // Re-read under the connection's lock: an import may have started while this waited for it.
    if (held.get(db) !== state || state.active > 0) return false;
    held.delete(db);
    sqlite.pragma(`wal_autocheckpoint = ${Math.max(0, Math.floor(state.restore.autocheckpoint))}`);
    sqlite.pragma('wal_checkpoint(PASSIVE)');
    return true;
  });
}

const isWal = (sqlite: BetterSqlite3.Database): boolean =>
  !sqlite.memory && sqlite.pragma('journal_mode', { simple: true }) === 'wal';

/**
 * Makes every commit so far durable: one fsync of the WAL file (SQLite names it `<database>-wal`), as
 * synchronous=FULL does at each commit. SQLite has written the frames by the time a commit returns; an fsync of
 * the file through any descriptor flushes them (fsync, FlushFileBuffers on Windows). Returns the file synced.
 */
export function syncLog(sqlite: BetterSqlite3.Database): string | null {
  if (!isWal(sqlite)) return null;
  const path = `${sqlite.name}-wal`;
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return path;
}
