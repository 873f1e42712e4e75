import type { Migration } from './types';

/** The four kinds of document (documents.kind): each has its own count. */
const KINDS = ['executionPlan', 'managementCard', 'financeRow', 'changeRequest'] as const;

/**
 * Counters finer than the data generation (0008), for what a report reads again after every change although most
 * changes leave it alone: one per kind of the office's own documents (a 완료 decision or an import writes no
 * confirmed plan, so the 실천계획 확정 list and the confirmed plans read before still hold) and one for the
 * reference data (catalog and term). Kept by triggers in the writing transaction, like the generation, so no
 * writer can forget them and a rolled-back write moves nothing. An update that changes a document's kind counts
 * for both kinds.
 */
export const migration0014: Migration = {
  version: 14,
  name: 'write counts',
  up(sqlite) {
    const bumpKind = (row: 'NEW' | 'OLD') => `UPDATE write_counts SET n = n + 1 WHERE name = ${row}.kind;`;
    const bumpReference = "BEGIN UPDATE write_counts SET n = n + 1 WHERE name = 'reference'; END;";
    sqlite.exec(`
      CREATE TABLE write_counts (
        name TEXT PRIMARY KEY NOT NULL,
        n INTEGER NOT NULL
      ) STRICT;
      INSERT INTO write_counts (name, n) VALUES ${[...KINDS, 'reference'].map((k) => `('${k}', 0)`).join(', ')};
      CREATE TRIGGER documents_insert_count AFTER INSERT ON documents BEGIN ${bumpKind('NEW')} END;
      CREATE TRIGGER documents_update_count AFTER UPDATE ON documents BEGIN
        ${bumpKind('NEW')}
        UPDATE write_counts SET n = n + 1 WHERE name = OLD.kind AND OLD.kind <> NEW.kind;
      END;
      CREATE TRIGGER documents_delete_count AFTER DELETE ON documents BEGIN ${bumpKind('OLD')} END;
      CREATE TRIGGER reference_data_insert_count AFTER INSERT ON reference_data ${bumpReference}
      CREATE TRIGGER reference_data_update_count AFTER UPDATE ON reference_data ${bumpReference}
      CREATE TRIGGER reference_data_delete_count AFTER DELETE ON reference_data ${bumpReference}
    `);
  },
};
