// Helpers for the bundle tests and the benchmark: real data folders, real keys, real bundles.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { sql } from 'kysely';
import { fingerprint, keyId, writeBundle, type Manifest } from '../bundles';
import { insertRegistryKey } from '../../db/keys';
import { setSetting } from '../../db/settings';
import { createAppContext, type AppContext } from './context';
import { exportEnrollment, importEnrollment, initKeys, loadSigningKey, markApproved } from './key-service';

export const OFFICE = '기획담당관';

/**
 * Registers a department's public key at the office as approved since the start of the term, without the
 * enrollment round trip (the benchmark and batch tests register hundreds of departments).
 */
export async function registerApprovedKey(
  office: AppContext,
  department: string,
  publicKeyPem: string,
): Promise<void> {
  await insertRegistryKey(office.db, {
    department,
    keyId: keyId(publicKeyPem),
    role: 'department',
    publicKeyPem,
    fingerprint: fingerprint(publicKeyPem),
    status: 'approved',
    validFrom: '2018-01-01T00:00:00.000Z',
    enrolledAt: '2018-01-01T00:00:00.000Z',
    approvedAt: '2018-01-01T00:00:00.000Z',
    revokedAt: null,
    replacesKeyId: null,
  });
}

/** A copy of the app (department or office) with its own data folder and key pair. */
export async function makeCopy(
  root: string,
  name: string,
  who: { role: 'department'; department: string } | { role: 'office' },
  now: () => Date = () => new Date('2019-07-01T09:00:00Z'),
): Promise<AppContext> {
  const ctx = await createAppContext({
    profileDir: join(root, name, 'profile'),
    dataDirOverride: join(root, name, 'data'),
    mode: 'cli',
    appVersion: '0.1.0',
    now,
  });
  await setSetting(ctx.db, 'setup', {
    role: who.role,
    department: who.role === 'department' ? who.department : null,
  });
  await initKeys(ctx);
  return ctx;
}

/** The department's enrollment imported by the office (pending), and approved unless told otherwise. */
export async function enroll(office: AppContext, department: AppContext, approve = true): Promise<string> {
  const { text, keyId } = await exportEnrollment(department);
  await importEnrollment(office, text);
  if (approve) await markApproved(office, keyId);
  return keyId;
}

/** Every table's rows, in a stable order: two dumps are equal only if the database content is the same. */
export async function dumpDatabase(ctx: AppContext): Promise<Record<string, unknown[]>> {
  const tables = await sql<{ name: string }>`
    SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name
  `.execute(ctx.db);
  const dump: Record<string, unknown[]> = {};
  for (const { name } of tables.rows) {
    const rows = await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(name)}`.execute(ctx.db);
    dump[name] = rows.rows
      .map((r) =>
        JSON.stringify(r, (_k, v: unknown) =>
          Buffer.isBuffer(v) || v instanceof Uint8Array ? `bytes:${Buffer.from(v).toString('hex')}` : v,
        ),
      )
      .sort();
  }
  return dump;
}

export const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

export interface SubmissionSpec {
  department: string;
  period: Manifest['period'];
  revision: number;
  previousBundleSha256: string | null;
  documents: { path: string; json: unknown }[];
  attachments?: { bytes: Uint8Array; mediaType: string }[];
  createdAt?: string;
}

/** Signs a submission directly (for what the app's export would never write: other projects, bad fields). */
export async function signSubmission(privateKeyPem: string, spec: SubmissionSpec): Promise<Buffer> {
  return writeBundle({
    manifestFields: {
      type: 'pledge-submission',
      appVersion: '0.1.0',
      department: spec.department,
      period: spec.period,
      createdAt: spec.createdAt ?? '2019-07-02T09:00:00.000Z',
      revision: spec.revision,
      previousBundleSha256: spec.previousBundleSha256,
    },
    documents: spec.documents,
    attachments: spec.attachments ?? [],
    privateKeyPem,
  });
}

export async function privateKeyOf(ctx: AppContext): Promise<string> {
  return (await loadSigningKey(ctx)).privateKeyPem;
}
