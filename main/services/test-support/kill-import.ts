import BetterSqlite3 from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';

/**
 * An import cut off midway, for the tests: the built CLI killed as when the PC switches off. No catalog or app
 * import here, so that the browser tests (whose loader takes no JSON modules) can use it too.
 */

const ACCEPTED = "SELECT count(*) FROM bundles WHERE status = 'accepted'";

/** The repository's root: the CLI the tests run is out/cli/pledge.mjs, built from the current code. */
const root = join(import.meta.dirname, '..', '..', '..');

export interface CutOff {
  /** The import's record as the killed process left it. */
  total: number;
  written: number;
  /** Bundles the killed import left accepted in the database (counted before and after it). */
  stored: number;
}

/**
 * Runs `pledge import --data DIR FOLDER` (DIR: the folder of `databaseFile`) in a child process and kills it (SIGKILL: no handler runs, as when the PC
 * switches off) once its record shows files written, watching the database from this process.
 */
export async function importKilledMidway(databaseFile: string, folder: string): Promise<CutOff> {
  const dataDir = dirname(databaseFile);
  // Records left by earlier imports are not this one's.
  const before = new BetterSqlite3(databaseFile, { readonly: true, fileMustExist: true });
  const lastBefore = before.prepare('SELECT coalesce(max(id), 0) FROM import_runs').pluck().get() as number;
  const acceptedBefore = before.prepare(ACCEPTED).pluck().get() as number;
  before.close();
  const cli = join(root, 'out', 'cli', 'pledge.mjs');
  const child = spawn(process.execPath, [cli, 'import', '--data', dataDir, folder], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<NodeJS.Signals | null>((resolve) =>
    child.on('exit', (_code, signal) => resolve(signal)),
  );
  let ended = false;
  void exited.then(() => (ended = true));
  const deadline = Date.now() + 60_000;
  let watcher: BetterSqlite3.Database | null = null;
  try {
    for (;;) {
      if (ended) throw new Error(`the import ended before it could be cut off: ${stderr}`);
      if (Date.now() > deadline) throw new Error(`no file written within a minute: ${stderr}`);
      watcher ??= openWatcher(databaseFile);
      const run = watcher
        .prepare<[number], { written: number }>(
          'SELECT written FROM import_runs WHERE id > ? ORDER BY id DESC',
        )
        .get(lastBefore);
      if (run !== undefined && run.written > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    child.kill('SIGKILL');
    const signal = await exited;
    if (signal !== 'SIGKILL') throw new Error(`the import ended by itself: ${stderr}`);
    const sqlite = watcher as BetterSqlite3.Database;
    const run = sqlite
      .prepare<[number], { total: number; written: number }>(
        'SELECT total, written FROM import_runs WHERE id > ? ORDER BY id DESC',
      )
      .get(lastBefore);
    if (run === undefined) throw new Error('no import recorded');
    const stored = (sqlite.prepare(ACCEPTED).pluck().get() as number) - acceptedBefore;
    return { total: run.total, written: run.written, stored };
  } finally {
    watcher?.close();
    if (!ended) child.kill('SIGKILL');
  }
}

/** A read-only connection to the data folder's database. */
function openWatcher(databaseFile: string): BetterSqlite3.Database {
  return new BetterSqlite3(databaseFile, { readonly: true, fileMustExist: true });
}
