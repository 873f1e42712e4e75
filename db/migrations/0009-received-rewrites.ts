import type { Migration } from './types';

/**
 * A counter of every change to received documents or bundles that is not an insert: a document row updated or
 * deleted (a held bundle swapped in, bytes and rows replaced), a bundle row updated or deleted (released from
 * quarantine, demoted by a swap). While it has not moved, the received documents a report listed before are all
 * still there, unchanged, under accepted bundles, and anything new has a higher rowid (rows are only appended):
 * the report reads only those (see received-documents' receivedOf). Kept by triggers in the writing transaction,
 * like the data generation (0008), so no writer can forget it.
 */
export const migration0009: Migration = {
  version: 9,
  name: 'received rewrites',
  up(sqlite) {
    const bump = 'BEGIN UPDATE received_rewrites SET n = n + 1 WHERE id = 1; END';
    const triggers = (['received_documents', 'bundles'] as const).flatMap((table) =>
      (['UPDATE', 'DELETE'] as const).map(
        (event) =>
          `CREATE TRIGGER ${table}_${event.toLowerCase()}_rewrites AFTER ${event} ON ${table} ${bump};`,
      ),
    );
    sqlite.exec(`
      CREATE TABLE received_rewrites (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        n INTEGER NOT NULL
      ) STRICT;
      INSERT INTO received_rewrites (id, n) VALUES (1, 0);
      ${triggers.join('\n')}
    `);
  },
};
