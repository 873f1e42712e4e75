import type { Migration } from './types';

/** The tables whose content the office's report reads; a change to any of them makes a new generation. */
const WATCHED = [
  'bundles',
  'received_documents',
  'held_bundles',
  'documents',
  'office_decisions',
  'reference_data',
] as const;

/**
 * A counter that every committed change to the report's tables moves forward, kept by triggers inside the writing
 * transaction (so it cannot miss a write, from this process or another, nor count one that rolled back). The
 * office keeps a built report for as long as the counter has not moved: reopening the tables costs one read.
 * Received documents are only ever inserted with their bundle row, so their inserts are counted through it (one
 * trigger per bundle, not per document); any update or delete of them counts on its own.
 */
export const migration0008: Migration = {
  version: 8,
  name: 'data generation',
  up(sqlite) {
    const bump = 'BEGIN UPDATE data_generation SET n = n + 1 WHERE id = 1; END';
    const triggers = WATCHED.flatMap((table) =>
      (['INSERT', 'UPDATE', 'DELETE'] as const)
        .filter((event) => !(table === 'received_documents' && event === 'INSERT'))
        .map(
          (event) =>
            `CREATE TRIGGER ${table}_${event.toLowerCase()}_generation AFTER ${event} ON ${table} ${bump};`,
        ),
    );
    sqlite.exec(`
      CREATE TABLE data_generation (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        n INTEGER NOT NULL
      ) STRICT;
      INSERT INTO data_generation (id, n) VALUES (1, 0);
      ${triggers.join('\n')}
    `);
  },
};
