import type { Migration } from './types';

/**
 * The planning office's decisions: a department's request to mark a project 완료 (accepted or rejected, twice a
 * year) and the resolution of conflicts between received documents. Every decision is a new row; the latest
 * per subject counts, earlier ones stay as history.
 */
export const migration0004: Migration = {
  version: 4,
  name: 'office decisions',
  up(sqlite) {
    sqlite.exec(`
      CREATE TABLE office_decisions (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('completion', 'conflict')),
        -- What was decided: for 'completion' the project and half-year, for 'conflict' the conflict's key.
        subject TEXT NOT NULL,
        project_id TEXT NOT NULL,
        period_id TEXT NOT NULL,
        decision TEXT NOT NULL CHECK (decision IN ('accepted', 'rejected')),
        note TEXT NOT NULL,
        decided_at TEXT NOT NULL
      ) STRICT;

      CREATE INDEX office_decisions_by_subject ON office_decisions (kind, subject, id);
    `);
  },
};
