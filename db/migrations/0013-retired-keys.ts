import type { Migration } from './types';

/**
 * A registry key replaced by a rotation is `retired`, not `revoked`: it stays valid for bundles whose signed
 * `createdAt` is before `revoked_at` (the moment it was retired), while a revoked key (lost or stolen) refuses
 * everything. SQLite cannot change a CHECK constraint in place, so the table is rebuilt (its generation triggers,
 * dropped with it, are made again).
 *
 * Rows written before this version: a rotation set the old key to `revoked` and recorded itself in the new key's
 * `replaces_key_id` (same department). Only a rotation could leave such a pair — a rotation needs an approved old
 * key, and revoking a key that was already revoked changed nothing — so those rows become `retired`, keeping their
 * `revoked_at` (when the office applied the rotation). Every other revoked row stays revoked.
 */
export const migration0013: Migration = {
  version: 13,
  name: 'retired keys',
  up(sqlite) {
    const bump = 'BEGIN UPDATE data_generation SET n = n + 1 WHERE id = 1; END';
    sqlite.exec(`
      CREATE TABLE key_registry_new (
        department TEXT NOT NULL,
        key_id TEXT NOT NULL CHECK (length(key_id) = 16),
        role TEXT NOT NULL CHECK (role IN ('department', 'office')),
        public_key_pem TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'retired', 'revoked')),
        valid_from TEXT NOT NULL,
        enrolled_at TEXT NOT NULL,
        approved_at TEXT,
        -- revoked: when it was revoked; retired: the end of its validity (bundles made before it are accepted).
        revoked_at TEXT,
        replaces_key_id TEXT,
        PRIMARY KEY (department, key_id)
      ) STRICT;

      INSERT INTO key_registry_new
        SELECT k.department, k.key_id, k.role, k.public_key_pem, k.fingerprint,
               CASE WHEN k.status = 'revoked' AND EXISTS (
                      SELECT 1 FROM key_registry n
                       WHERE n.department = k.department AND n.replaces_key_id = k.key_id
                    ) THEN 'retired' ELSE k.status END,
               k.valid_from, k.enrolled_at, k.approved_at, k.revoked_at, k.replaces_key_id
          FROM key_registry k;

      DROP TABLE key_registry;
      ALTER TABLE key_registry_new RENAME TO key_registry;
      ${(['INSERT', 'UPDATE', 'DELETE'] as const)
        .map(
          (event) =>
            `CREATE TRIGGER key_registry_${event.toLowerCase()}_generation AFTER ${event} ON key_registry ${bump};`,
        )
        .join('\n')}
      UPDATE data_generation SET n = n + 1 WHERE id = 1;
    `);
  },
};
