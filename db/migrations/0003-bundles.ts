import type { Migration } from './types';

/**
 * Signed bundles: this copy's own key pair, the office's key registry, the office key a department trusts,
 * the bundles this copy wrote, the bundles the office received (accepted or in quarantine), the documents they
 * carried, and per department the last accepted revision and bundle hash (rollback, replay and fork checks).
 */
export const migration0003: Migration = {
  version: 3,
  name: 'keys, bundles and received documents',
  up(sqlite) {
    sqlite.exec(`
      CREATE TABLE own_keys (
        key_id TEXT PRIMARY KEY NOT NULL CHECK (length(key_id) = 16),
        role TEXT NOT NULL CHECK (role IN ('department', 'office')),
        department TEXT NOT NULL,
        public_key_pem TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        -- Where the private key is: 'file' (a 0600 key file) or 'safeStorage' (Electron), and its path or name.
        private_key_store TEXT NOT NULL CHECK (private_key_store IN ('file', 'safeStorage')),
        private_key_ref TEXT NOT NULL,
        created_at TEXT NOT NULL,
        -- Set when a newer key replaced this one; the current key has none.
        retired_at TEXT
      ) STRICT;

      CREATE TABLE key_registry (
        department TEXT NOT NULL,
        key_id TEXT NOT NULL CHECK (length(key_id) = 16),
        role TEXT NOT NULL CHECK (role IN ('department', 'office')),
        public_key_pem TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'revoked')),
        valid_from TEXT NOT NULL,
        enrolled_at TEXT NOT NULL,
        approved_at TEXT,
        revoked_at TEXT,
        replaces_key_id TEXT,
        PRIMARY KEY (department, key_id)
      ) STRICT;

      CREATE TABLE trusted_office_keys (
        key_id TEXT PRIMARY KEY NOT NULL CHECK (length(key_id) = 16),
        public_key_pem TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('approved', 'revoked')),
        valid_from TEXT NOT NULL,
        revoked_at TEXT,
        added_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE sent_bundles (
        type TEXT NOT NULL CHECK (type IN ('pledge-submission', 'pledge-baseline')),
        revision INTEGER NOT NULL CHECK (revision >= 1),
        sha256 TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),
        previous_sha256 TEXT,
        department TEXT NOT NULL,
        key_id TEXT NOT NULL,
        period TEXT NOT NULL,
        document_count INTEGER NOT NULL CHECK (document_count >= 0),
        path TEXT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (type, revision)
      ) STRICT;

      CREATE TABLE bundles (
        sha256 TEXT PRIMARY KEY NOT NULL CHECK (length(sha256) = 64),
        type TEXT NOT NULL CHECK (type IN ('pledge-submission', 'pledge-baseline')),
        department TEXT NOT NULL,
        key_id TEXT NOT NULL,
        period TEXT NOT NULL,
        revision INTEGER NOT NULL CHECK (revision >= 1),
        previous_sha256 TEXT,
        created_at TEXT NOT NULL,
        imported_at TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('accepted', 'quarantined')),
        manifest TEXT NOT NULL,
        file_name TEXT NOT NULL,
        -- Why the bundle is in quarantine (empty once accepted).
        reason_code TEXT NOT NULL,
        reason TEXT NOT NULL
      ) STRICT;

      CREATE INDEX bundles_by_department ON bundles (department, revision);

      CREATE TABLE received_documents (
        bundle_sha256 TEXT NOT NULL REFERENCES bundles (sha256),
        kind TEXT NOT NULL CHECK (kind IN ('executionPlan', 'managementCard', 'financeRow', 'changeRequest')),
        project_id TEXT NOT NULL,
        slot TEXT NOT NULL,
        department TEXT NOT NULL,
        revision INTEGER NOT NULL CHECK (revision >= 1),
        json TEXT NOT NULL,
        received_at TEXT NOT NULL,
        PRIMARY KEY (bundle_sha256, kind, project_id, slot)
      ) STRICT;

      CREATE INDEX received_by_identity ON received_documents (kind, project_id, slot, department, revision);

      CREATE TABLE department_chain (
        department TEXT PRIMARY KEY NOT NULL,
        last_revision INTEGER NOT NULL CHECK (last_revision >= 1),
        last_bundle_sha256 TEXT NOT NULL CHECK (length(last_bundle_sha256) = 64),
        updated_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
