import type { Migration } from './types';

/**
 * Bundles held because they conflict with an accepted one: a department sent two different bundles with the same
 * revision (two PCs, a restored backup). The first accepted stays; the other is kept whole here (row and bytes),
 * listed for the office as a conflict, and never merged silently.
 */
export const migration0006: Migration = {
  version: 6,
  name: 'held bundles',
  up(sqlite) {
    sqlite.exec(`
      CREATE TABLE held_bundles (
        sha256 TEXT PRIMARY KEY NOT NULL CHECK (length(sha256) = 64),
        department TEXT NOT NULL,
        revision INTEGER NOT NULL CHECK (revision >= 1),
        period TEXT NOT NULL,
        key_id TEXT NOT NULL,
        created_at TEXT NOT NULL,
        imported_at TEXT NOT NULL,
        manifest TEXT NOT NULL,
        file_name TEXT NOT NULL,
        -- The accepted bundle with the same department and revision.
        conflicts_with TEXT NOT NULL REFERENCES bundles (sha256),
        bytes BLOB NOT NULL
      ) STRICT;

      CREATE INDEX held_bundles_by_department ON held_bundles (department, revision);
    `);
  },
};
