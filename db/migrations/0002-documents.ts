import type { Migration } from './types';

/**
 * Department drafting: the current state of each document, every saved version (nothing typed is ever
 * overwritten), and attachments stored once by content hash.
 */
export const migration0002: Migration = {
  version: 2,
  name: 'documents, versions and attachments',
  up(sqlite) {
    sqlite.exec(`
      CREATE TABLE documents (
        id TEXT PRIMARY KEY NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('executionPlan', 'managementCard', 'financeRow', 'changeRequest')),
        project_id TEXT NOT NULL,
        -- 'plan' for a practice plan, a half-year id ('2019-H1') for cards and finance rows, the request id for
        -- change requests.
        slot TEXT NOT NULL,
        department TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'confirmed')),
        json TEXT NOT NULL,
        version INTEGER NOT NULL CHECK (version >= 1),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (kind, project_id, slot, department)
      ) STRICT;

      CREATE INDEX documents_by_project ON documents (project_id, kind);

      CREATE TABLE document_versions (
        document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        version INTEGER NOT NULL,
        status TEXT NOT NULL,
        json TEXT NOT NULL,
        saved_at TEXT NOT NULL,
        reason TEXT NOT NULL CHECK (reason IN ('create', 'autosave', 'submit', 'confirm', 'restore', 'import', 'reopen')),
        PRIMARY KEY (document_id, version)
      ) STRICT;

      CREATE TABLE attachments (
        sha256 TEXT PRIMARY KEY NOT NULL CHECK (length(sha256) = 64),
        media_type TEXT NOT NULL,
        size INTEGER NOT NULL CHECK (size >= 0),
        bytes BLOB NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
