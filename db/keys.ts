import type { Kysely, Transaction } from 'kysely';
import type {
  Database,
  KeyRegistryTable,
  KeyRole,
  OwnKeysTable,
  RegistryKeyStatus,
  TrustedOfficeKeysTable,
} from './schema';

type Db = Kysely<Database> | Transaction<Database>;

/** One of this copy's key pairs (the private key stays in its store; `privateKeyRef` says where). */
export interface OwnKey {
  keyId: string;
  role: KeyRole;
  department: string;
  publicKeyPem: string;
  fingerprint: string;
  privateKeyStore: 'file' | 'safeStorage';
  privateKeyRef: string;
  createdAt: string;
  retiredAt: string | null;
}

export interface RegistryKey {
  department: string;
  keyId: string;
  role: KeyRole;
  publicKeyPem: string;
  fingerprint: string;
  status: RegistryKeyStatus;
  validFrom: string;
  enrolledAt: string;
  approvedAt: string | null;
  /** `revoked`: when it was revoked; `retired`: the moment a rotation replaced it (end of its validity). */
  revokedAt: string | null;
  replacesKeyId: string | null;
}

export interface TrustedOfficeKey {
  keyId: string;
  publicKeyPem: string;
  fingerprint: string;
  status: 'approved' | 'revoked';
  validFrom: string;
  revokedAt: string | null;
  addedAt: string;
}

const ownOf = (r: OwnKeysTable): OwnKey => ({
  keyId: r.key_id,
  role: r.role,
  department: r.department,
  publicKeyPem: r.public_key_pem,
  fingerprint: r.fingerprint,
  privateKeyStore: r.private_key_store,
  privateKeyRef: r.private_key_ref,
  createdAt: r.created_at,
  retiredAt: r.retired_at,
});

const registryOf = (r: KeyRegistryTable): RegistryKey => ({
  department: r.department,
  keyId: r.key_id,
  role: r.role,
  publicKeyPem: r.public_key_pem,
  fingerprint: r.fingerprint,
  status: r.status,
  validFrom: r.valid_from,
  enrolledAt: r.enrolled_at,
  approvedAt: r.approved_at,
  revokedAt: r.revoked_at,
  replacesKeyId: r.replaces_key_id,
});

const trustedOf = (r: TrustedOfficeKeysTable): TrustedOfficeKey => ({
  keyId: r.key_id,
  publicKeyPem: r.public_key_pem,
  fingerprint: r.fingerprint,
  status: r.status,
  validFrom: r.valid_from,
  revokedAt: r.revoked_at,
  addedAt: r.added_at,
});

// ---- own keys

/** The key this copy signs with now (the newest one not retired). */
export async function currentOwnKey(db: Db): Promise<OwnKey | undefined> {
  const row = await db
    .selectFrom('own_keys')
    .selectAll()
    .where('retired_at', 'is', null)
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
  return row && ownOf(row);
}

export async function listOwnKeys(db: Db): Promise<OwnKey[]> {
  const rows = await db.selectFrom('own_keys').selectAll().orderBy('created_at').execute();
  return rows.map(ownOf);
}

export async function insertOwnKey(db: Db, key: OwnKey): Promise<void> {
  await db
    .insertInto('own_keys')
    .values({
      key_id: key.keyId,
      role: key.role,
      department: key.department,
      public_key_pem: key.publicKeyPem,
      fingerprint: key.fingerprint,
      private_key_store: key.privateKeyStore,
      private_key_ref: key.privateKeyRef,
      created_at: key.createdAt,
      retired_at: key.retiredAt,
    })
    .execute();
}

export async function retireOwnKey(db: Db, keyId: string, at: string): Promise<void> {
  await db.updateTable('own_keys').set({ retired_at: at }).where('key_id', '=', keyId).execute();
}

// ---- the office's registry

export async function listRegistryKeys(db: Db): Promise<RegistryKey[]> {
  const rows = await db
    .selectFrom('key_registry')
    .selectAll()
    .orderBy('department')
    .orderBy('enrolled_at')
    .execute();
  return rows.map(registryOf);
}

export async function findRegistryKeys(db: Db, keyId: string): Promise<RegistryKey[]> {
  const rows = await db.selectFrom('key_registry').selectAll().where('key_id', '=', keyId).execute();
  return rows.map(registryOf);
}

export async function getRegistryKey(
  db: Db,
  department: string,
  keyId: string,
): Promise<RegistryKey | undefined> {
  const row = await db
    .selectFrom('key_registry')
    .selectAll()
    .where('department', '=', department)
    .where('key_id', '=', keyId)
    .executeTakeFirst();
  return row && registryOf(row);
}

export async function insertRegistryKey(db: Db, key: RegistryKey): Promise<void> {
  await db
    .insertInto('key_registry')
    .values({
      department: key.department,
      key_id: key.keyId,
      role: key.role,
      public_key_pem: key.publicKeyPem,
      fingerprint: key.fingerprint,
      status: key.status,
      valid_from: key.validFrom,
      enrolled_at: key.enrolledAt,
      approved_at: key.approvedAt,
      revoked_at: key.revokedAt,
      replaces_key_id: key.replacesKeyId,
    })
    .execute();
}

export async function updateRegistryKey(
  db: Db,
  department: string,
  keyId: string,
  change: Partial<Pick<RegistryKey, 'status' | 'approvedAt' | 'revokedAt' | 'replacesKeyId' | 'validFrom'>>,
): Promise<void> {
  await db
    .updateTable('key_registry')
    .set({
      ...(change.status !== undefined ? { status: change.status } : {}),
      ...(change.approvedAt !== undefined ? { approved_at: change.approvedAt } : {}),
      ...(change.revokedAt !== undefined ? { revoked_at: change.revokedAt } : {}),
      ...(change.replacesKeyId !== undefined ? { replaces_key_id: change.replacesKeyId } : {}),
      ...(change.validFrom !== undefined ? { valid_from: change.validFrom } : {}),
    })
    .where('department', '=', department)
    .where('key_id', '=', keyId)
    .execute();
}

// ---- office keys trusted by a department copy

export async function listTrustedOfficeKeys(db: Db): Promise<TrustedOfficeKey[]> {
  const rows = await db.selectFrom('trusted_office_keys').selectAll().orderBy('added_at').execute();
  return rows.map(trustedOf);
}

export async function putTrustedOfficeKey(db: Db, key: TrustedOfficeKey): Promise<void> {
  const values = {
    key_id: key.keyId,
    public_key_pem: key.publicKeyPem,
    fingerprint: key.fingerprint,
    status: key.status,
    valid_from: key.validFrom,
    revoked_at: key.revokedAt,
    added_at: key.addedAt,
  };
  await db
    .insertInto('trusted_office_keys')
    .values(values)
    .onConflict((oc) =>
      oc.column('key_id').doUpdateSet({ status: values.status, revoked_at: values.revoked_at }),
    )
    .execute();
}
