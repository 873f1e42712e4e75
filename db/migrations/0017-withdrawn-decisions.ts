import type { Migration } from './types';

/**
 * A 완료 decision can be taken back (결정 취소): the office records a 'withdrawn' row for the subject, after which
 * the request waits for the office again, as before any decision. Rows stay append-only (the accepted or rejected
 * row withdrawn stays as history); the latest per subject counts. Only a 완료 decision can be withdrawn.
 *
 * SQLite cannot change a CHECK constraint in place: the table is rebuilt with the same columns, ids and rows,
 * its index and its data-generation triggers (0008).
 */
export const migration0017: Migration = {
  version: 17,
  name: 'withdrawn decisions',
  up(sqlite) {
    const bump = 'BEGIN UPDATE data_generation SET n = n + 1 WHERE id = 1; END';
    sqlite.exec(`
      CREATE TABLE office_decisions_0017 (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('completion', 'conflict')),
        subject TEXT NOT NULL,
        project_id TEXT NOT NULL,
        period_id TEXT NOT NULL,
        decision TEXT NOT NULL CHECK (
          decision IN ('accepted', 'rejected') OR (decision = 'withdrawn' AND kind = 'completion')
        ),
        note TEXT NOT NULL,
        decided_at TEXT NOT NULL,
        card_bundle_sha256 TEXT,
        card_revision INTEGER,
        decided_basis TEXT
      ) STRICT;
      INSERT INTO office_decisions_0017
        (id, kind, subject, project_id, period_id, decision, note, decided_at, card_bundle_sha256, card_revision,
         decided_basis)
        SELECT id, kind, subject, project_id, period_id, decision, note, decided_at, card_bundle_sha256,
          card_revision, decided_basis
        FROM office_decisions;
      DROP TABLE office_decisions;
      ALTER TABLE office_decisions_0017 RENAME TO office_decisions;
      CREATE INDEX office_decisions_by_subject ON office_decisions (kind, subject, id);
      ${(['INSERT', 'UPDATE', 'DELETE'] as const)
        .map(
          (event) =>
            `CREATE TRIGGER office_decisions_${event.toLowerCase()}_generation AFTER ${event} ON office_decisions ${bump};`,
        )
        .join('\n')}
    `);
  },
};
