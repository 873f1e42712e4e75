import { sql, type Kysely, type Transaction } from 'kysely';
import type { BundleKind, BundlesTable, Database, HeldBundlesTable, SentBundlesTable } from './schema';

type Db = Kysely<Database> | Transaction<Database>;

/** A bundle this copy wrote. */
export interface SentBundle {
  type: BundleKind;
  revision: number;
  sha256: string;
  previousSha256: string | null;
  department: string;
  keyId: string;
  period: string;
  documentCount: number;
  path: string;
  createdAt: string;
}

/** A bundle the office received. */
export interface ReceivedBundle {
  sha256: string;
  type: BundleKind;
  department: string;
  keyId: string;
  period: string;
  revision: number;
  previousSha256: string | null;
  createdAt: string;
  importedAt: string;
  status: 'accepted' | 'quarantined';
  manifest: string;
  fileName: string;
  reasonCode: string;
  reason: string;
}

export interface DepartmentChain {
  department: string;
  lastRevision: number;
  lastBundleSha256: string;
  updatedAt: string;
}

const sentOf = (r: SentBundlesTable): SentBundle => ({
  type: r.type,
  revision: r.revision,
  sha256: r.sha256,
  previousSha256: r.previous_sha256,
  department: r.department,
  keyId: r.key_id,
  period: r.period,
  documentCount: r.document_count,
  path: r.path,
  createdAt: r.created_at,
});

/** A bundles row as the ReceivedBundle the code uses (shared with the import's raw statements). */
export const receivedOf = (r: BundlesTable): ReceivedBundle => ({
  sha256: r.sha256,
  type: r.type,
  department: r.department,
  keyId: r.key_id,
  period: r.period,
  revision: r.revision,
  previousSha256: r.previous_sha256,
  createdAt: r.created_at,
  importedAt: r.imported_at,
  status: r.status,
  manifest: r.manifest,
  fileName: r.file_name,
  reasonCode: r.reason_code,
  reason: r.reason,
});

// ---- bundles this copy wrote

export async function lastSentBundle(db: Db, type: BundleKind): Promise<SentBundle | undefined> {
  const row = await db
    .selectFrom('sent_bundles')
    .selectAll()
    .where('type', '=', type)
    .orderBy('revision', 'desc')
    .executeTakeFirst();
  return row && sentOf(row);
}

export async function listSentBundles(db: Db, type?: BundleKind): Promise<SentBundle[]> {
  let query = db.selectFrom('sent_bundles').selectAll();
  if (type) query = query.where('type', '=', type);
  return (await query.orderBy('revision').execute()).map(sentOf);
}

export async function insertSentBundle(db: Db, sent: SentBundle): Promise<void> {
  await db
    .insertInto('sent_bundles')
    .values({
      type: sent.type,
      revision: sent.revision,
      sha256: sent.sha256,
      previous_sha256: sent.previousSha256,
      department: sent.department,
      key_id: sent.keyId,
      period: sent.period,
      document_count: sent.documentCount,
      path: sent.path,
      created_at: sent.createdAt,
    })
    .execute();
}

/** What recordNextSentBundle did: recorded (under the path publish gave), or not, since another export came first. */
export type NextSentBundleOutcome =
  { recorded: true; path: string } | { recorded: false; last: SentBundle | undefined };

/** The last bundle of its type an export read before signing (null: none yet), which must still be the last. */
export interface SentBundleLink {
  revision: number;
  sha256: string;
}

/**
 * Records `sent` as the next bundle this copy wrote, in one write transaction taken at once (BEGIN IMMEDIATE: a
 * second connection, such as the command line on the same data folder, waits until it ends), and only while the
 * last recorded bundle of its type is still `follows`, the one the export read (usually the one `sent` names as
 * previous; after the chain was resumed from the office's receipts, the one recorded before that); otherwise
 * nothing is written and the outcome names the bundle that came first. Once the row is in, `publish` (still inside the transaction) gives the
 * file its final name and returns the path to record. Should publish, the path's update or the commit fail, the
 * transaction is rolled back, `unpublish` undoes a publish that had happened, and the error is passed on.
 */
export async function recordNextSentBundle(
  db: Kysely<Database>,
  sent: SentBundle,
  follows: SentBundleLink | null,
  publish: () => string,
  unpublish: (path: string) => void,
): Promise<NextSentBundleOutcome> {
  return db.connection().execute(async (conn) => {
    await sql`begin immediate`.execute(conn);
    let published: string | null = null;
    try {
      const last = await lastSentBundle(conn, sent.type);
      if (
        (last?.sha256 ?? null) !== (follows?.sha256 ?? null) ||
        (last?.revision ?? 0) !== (follows?.revision ?? 0)
      ) {
        await sql`rollback`.execute(conn);
        return { recorded: false, last };
      }
      await insertSentBundle(conn, sent);
      published = publish();
      if (published !== sent.path) {
        await conn
          .updateTable('sent_bundles')
          .set({ path: published })
          .where('type', '=', sent.type)
          .where('revision', '=', sent.revision)
          .execute();
      }
      await sql`commit`.execute(conn);
      return { recorded: true, path: published };
    } catch (error) {
      // A failed COMMIT can leave the transaction open; when it is already gone, ROLLBACK's own error says so.
      await sql`rollback`.execute(conn).catch(() => undefined);
      if (published !== null) unpublish(published);
      throw error;
    }
  });
}

// ---- bundles the office received

export async function getReceivedBundle(db: Db, sha256: string): Promise<ReceivedBundle | undefined> {
  const row = await db.selectFrom('bundles').selectAll().where('sha256', '=', sha256).executeTakeFirst();
  return row && receivedOf(row);
}

export async function listReceivedBundles(
  db: Db,
  filter: { status?: 'accepted' | 'quarantined'; department?: string; keyId?: string } = {},
): Promise<ReceivedBundle[]> {
  let query = db.selectFrom('bundles').selectAll();
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.department) query = query.where('department', '=', filter.department);
  if (filter.keyId) query = query.where('key_id', '=', filter.keyId);
  const rows = await query.orderBy('department').orderBy('revision').orderBy('imported_at').execute();
  return rows.map(receivedOf);
}

/** A received bundle as the office's list shows it: everything but the manifest, and its number of documents. */
export interface BundleListing extends Omit<ReceivedBundle, 'manifest'> {
  documents: number;
  /** The 접수일 the office gave at the bundle's import (migration 16), or null: received when imported. */
  receivedOn: string | null;
}

/**
 * The received bundles for the list (제출 파일 목록), in the order of listReceivedBundles. SQLite counts each
 * manifest's document members itself: the manifests (about 2 KB each, thousands of them at the office) never
 * reach JavaScript to be parsed one by one. A manifest that is not JSON counts 0 documents.
 */
export async function listBundleListings(
  db: Db,
  filter: { status?: 'accepted' | 'quarantined' } = {},
): Promise<BundleListing[]> {
  let query = db.selectFrom('bundles').select([
    'sha256',
    'type',
    'department',
    'key_id',
    'period',
    'revision',
    'previous_sha256',
    'created_at',
    'imported_at',
    'status',
    'file_name',
    'reason_code',
    'reason',
    sql<number>`CASE WHEN json_valid(manifest) THEN (SELECT count(*) FROM json_each(manifest, '$.members') AS m
        WHERE m.value ->> 'role' = 'document') ELSE 0 END`.as('documents'),
    sql<string | null>`(SELECT received_on FROM bundle_receipts WHERE bundle_sha256 = bundles.sha256)`.as(
      'received_on',
    ),
  ]);
  if (filter.status) query = query.where('status', '=', filter.status);
  const rows = await query.orderBy('department').orderBy('revision').orderBy('imported_at').execute();
  return rows.map((r) => {
    const { manifest: _manifest, ...listed } = receivedOf({ ...r, manifest: '' });
    return { ...listed, documents: r.documents, receivedOn: r.received_on };
  });
}

/**
 * The latest of `periods` that an accepted submission reports on (plan bundles have no half-year), or null.
 * Answered from the period index (bundles_by_period), one seek per half-year, whatever the number of bundles.
 */
export async function latestSubmittedPeriod(db: Db, periods: readonly string[]): Promise<string | null> {
  if (periods.length === 0) return null;
  const row = await db
    .selectFrom('bundles')
    .select('period')
    .where('period', 'in', [...periods])
    .where('type', '=', 'pledge-submission')
    .where('status', '=', 'accepted')
    .orderBy('period', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.period ?? null;
}

export async function putReceivedBundle(db: Db, bundle: ReceivedBundle): Promise<void> {
  const values = {
    sha256: bundle.sha256,
    type: bundle.type,
    department: bundle.department,
    key_id: bundle.keyId,
    period: bundle.period,
    revision: bundle.revision,
    previous_sha256: bundle.previousSha256,
    created_at: bundle.createdAt,
    imported_at: bundle.importedAt,
    status: bundle.status,
    manifest: bundle.manifest,
    file_name: bundle.fileName,
    reason_code: bundle.reasonCode,
    reason: bundle.reason,
  };
  await db
    .insertInto('bundles')
    .values(values)
    .onConflict((oc) =>
      oc.column('sha256').doUpdateSet({
        status: values.status,
        imported_at: values.imported_at,
        reason_code: values.reason_code,
        reason: values.reason,
      }),
    )
    .execute();
}

/** The raw bytes of a received bundle (bundle_files, migration 0005). */
export async function getBundleFile(db: Db, sha256: string): Promise<Buffer | undefined> {
  const row = await db
    .selectFrom('bundle_files')
    .select('bytes')
    .where('sha256', '=', sha256)
    .executeTakeFirst();
  return row?.bytes;
}

/** The raw bytes of a bundle held as a same-revision conflict (held_bundles, migration 0006). */
export async function getHeldBundleFile(db: Db, sha256: string): Promise<Buffer | undefined> {
  const row = await db
    .selectFrom('held_bundles')
    .select('bytes')
    .where('sha256', '=', sha256)
    .executeTakeFirst();
  return row?.bytes;
}

/** A bundle held as a same-revision conflict with an accepted one (migration 0006); bytes not included. */
export interface HeldBundle {
  sha256: string;
  department: string;
  revision: number;
  period: string;
  keyId: string;
  createdAt: string;
  importedAt: string;
  manifest: string;
  fileName: string;
  conflictsWith: string;
}

export async function listHeldBundles(db: Db): Promise<HeldBundle[]> {
  const rows = await db
    .selectFrom('held_bundles')
    .select([
      'sha256',
      'department',
      'revision',
      'period',
      'key_id',
      'created_at',
      'imported_at',
      'manifest',
      'file_name',
      'conflicts_with',
    ])
    .orderBy('department')
    .orderBy('revision')
    .orderBy('imported_at')
    .execute();
  return rows.map(heldOf);
}

/** A held_bundles row (without its bytes) as the code names it. */
export const heldOf = (r: Omit<HeldBundlesTable, 'bytes'>): HeldBundle => ({
  sha256: r.sha256,
  department: r.department,
  revision: r.revision,
  period: r.period,
  keyId: r.key_id,
  createdAt: r.created_at,
  importedAt: r.imported_at,
  manifest: r.manifest,
  fileName: r.file_name,
  conflictsWith: r.conflicts_with,
});
