import type { Migration } from './types';

/**
 * The date the office received a bundle, when it says so at the import (접수일): files that came on the share, by
 * mail or on a USB stick by the due date but were imported days later. Without a row, a bundle was received when it
 * was first imported (bundles.imported_at). Keyed by the bundle's hash, not tied to its row, so a bundle that waits
 * in quarantine or is held as a conflict keeps the date through its release or swap. Written once, with the bundle's
 * first import; a later import of the same file claims nothing. Its changes move the data generation (0008) like
 * every table the report reads.
 */
export const migration0016: Migration = {
  version: 16,
  name: 'bundle receipts',
  up(sqlite) {
    const bump = 'BEGIN UPDATE data_generation SET n = n + 1 WHERE id = 1; END';
    sqlite.exec(`
      CREATE TABLE bundle_receipts (
        bundle_sha256 TEXT PRIMARY KEY NOT NULL CHECK (length(bundle_sha256) = 64),
        -- The office-local calendar date (YYYY-MM-DD) the office received the file.
        received_on TEXT NOT NULL CHECK (received_on GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
        recorded_at TEXT NOT NULL
      ) STRICT;
      ${(['INSERT', 'UPDATE', 'DELETE'] as const)
        .map(
          (event) =>
            `CREATE TRIGGER bundle_receipts_${event.toLowerCase()}_generation AFTER ${event} ON bundle_receipts ${bump};`,
        )
        .join('\n')}
    `);
  },
};
