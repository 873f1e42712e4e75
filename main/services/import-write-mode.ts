import type { Kysely } from 'kysely';
import { withRawConnection } from '../../db/create-db';
import type { Database } from '../../db/schema';

/**
 * How the connection writes while an import commits its batches.
 *
 * - **Durable when reported.** Every commit is fsynced as on every connection (synchronous=FULL), so each batch is
 *   on disk before the next one starts and the last one before the import returns its results. (Measured here:
 *   committing without an fsync each and syncing the log once at the end was not faster, 8.1–9.8 s against
 *   7.5–7.8 s for the 10× import, so FULL stays.) A test reads the system calls with strace to check that order.
 * - **No checkpoint inside the import.** SQLite's automatic checkpoint (once the log passes 1,000 pages) would copy
 *   the same index pages into the database file after every batch; it is off during the import. Folding the log
 *   in (0.5–1 s at ten times Seoul's size) waits until a moment after the import has returned its results
 *   (CHECKPOINT_DELAY_MS), between requests. Durability does not depend on it: every commit is in the fsynced log,
 *   and a log left behind (the app closed first) is folded in when the database is closed or opened again.
 *
 * Imports may overlap (two windows, an import started while the last one's checkpoint waits): the setting to
 * restore is the one found before the first of them, and the checkpoint runs once none is running.
 */

/** How long after an import its checkpoint waits: the results are on screen by then. */
export const CHECKPOINT_DELAY_MS = 2_000;

interface Held {
  /** The connection's wal_autocheckpoint before the first import that held it. */
  restore: number;
  /** Imports running now. */
  active: number;
  timer: ReturnType<typeof setTimeout> | null;
}

const held = new WeakMap<object, Held>();

/**
 * Sets the connection up for an import (above); returns the function the import calls when it ends, which
 * schedules the checkpoint (and the setting's return) for when no import runs.
 */
export async function enterImportWrites(db: Kysely<Database>): Promise<() => void> {
  await withRawConnection(db, (sqlite) => {
    const state = held.get(db);
    if (state !== undefined) {
      state.active += 1;
      if (state.timer !== null) clearTimeout(state.timer);
      state.timer = null;
      return;
    }
    const restore = sqlite.pragma('wal_autocheckpoint', { simple: true }) as number;
    sqlite.pragma('wal_autocheckpoint = 0');
    held.set(db, { restore, active: 1, timer: null });
  });
  let released = false;
  return () => {
    const state = held.get(db);
    if (released || state === undefined) return;
    released = true;
    state.active -= 1;
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

/** Whether an import is writing to this database now (between enterImportWrites and the function it returned). */
export function importsRunning(db: Kysely<Database>): boolean {
  return (held.get(db)?.active ?? 0) > 0;
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
  return withRawConnection(db, async (sqlite) => {
    // Whatever held the connection before (a report's read snapshot) finishes first: its continuation, and the
    // response it sends, run before the checkpoint blocks the thread (0.5–1 s at ten times Seoul's size).
    await new Promise<void>((resolve) => setImmediate(resolve));
    // Re-read under the connection's lock: an import may have started while this waited for it.
    if (held.get(db) !== state || state.active > 0) return false;
    held.delete(db);
    sqlite.pragma(`wal_autocheckpoint = ${Math.max(0, Math.floor(state.restore))}`);
    sqlite.pragma('wal_checkpoint(PASSIVE)');
    return true;
  });
}
