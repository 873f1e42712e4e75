import type { Migration } from './types';

/**
 * One row per import of submission files (제출 파일 받기, `pledge import`) while it runs: written with the first
 * files it stores, counted as its files are written (in each commit's own transaction, so the count is exactly what
 * is stored) and removed when it ends, whether every file was taken or the import failed with a message shown. A row
 * left by a process that is gone is an import cut off midway (the program closed, the PC switched off): the office's
 * import screen and `pledge import` say so until the office has seen it (the row is removed) or imported the same
 * files again to the end. An import that ends leaves the database as it found it but for the files it took. Not
 * part of the data the report reads: no data-generation trigger.
 */
export const migration0018: Migration = {
  version: 18,
  name: 'import runs',
  up(sqlite) {
    sqlite.exec(`
      CREATE TABLE import_runs (
        id INTEGER PRIMARY KEY,
        started_at TEXT NOT NULL,
        -- The importing process: its id, when it started and when the import last wrote (by the computer's
        -- clock), to tell a running import from one cut off.
        pid INTEGER NOT NULL,
        process_started_at TEXT NOT NULL,
        last_seen_at TEXT NOT NULL,
        -- JSON array of what was named to import (folders, files or the names of files sent by the page).
        sources TEXT NOT NULL,
        total INTEGER NOT NULL CHECK (total >= 0),
        -- Files written so far (반영, 격리, 충돌 보류).
        written INTEGER NOT NULL DEFAULT 0 CHECK (written >= 0)
      ) STRICT;
    `);
  },
};
