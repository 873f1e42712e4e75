import type { Migration } from './types';

/**
 * The raw bytes of every received bundle (accepted or in quarantine), kept in the database instead of one fsynced
 * file per bundle under archive/: the bytes and the rows they produced commit in the same transaction, so a power
 * cut can never leave a row without its file or a file without its row, and an import of thousands of bundles
 * pays one fsync per commit instead of one per file. Bundles archived as files by earlier versions stay readable
 * there (readArchivedBundle looks in both places).
 */
export const migration0005: Migration = {
  version: 5,
  name: 'bundle files',
  up(sqlite) {
    sqlite.exec(`
      CREATE TABLE bundle_files (
        sha256 TEXT PRIMARY KEY NOT NULL REFERENCES bundles (sha256) CHECK (length(sha256) = 64),
        bytes BLOB NOT NULL,
        stored_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
