import type BetterSqlite3 from 'better-sqlite3';
import { receivedOf, type DepartmentChain, type HeldBundle, type ReceivedBundle } from './bundles';
import type { BundlesTable } from './schema';

/** One received_documents row as the import writes it. */
export interface ReceivedDocumentRow {
  kind: string;
  projectId: string;
  slot: string;
  json: string;
}

/**
 * The office import's write path on the raw connection (see withRawConnection): statements prepared once per
 * connection and run synchronously, so a batch of bundles is one synchronous transaction with a savepoint per
 * bundle (nested `sqlite.transaction`). Each statement writes exactly what its Kysely twin in bundles.ts,
 * received.ts and attachments.ts writes; the tests compare both paths table by table.
 */
export interface BundleWrites {
  getBundle(sha256: string): ReceivedBundle | undefined;
  getChain(department: string): DepartmentChain | undefined;
  allChains(): DepartmentChain[];
  putBundle(bundle: ReceivedBundle): void;
  putFile(sha256: string, bytes: Uint8Array, storedAt: string): void;
  hasFile(sha256: string): boolean;
  insertDocuments(
    bundle: { sha256: string; department: string; revision: number },
    rows: readonly ReceivedDocumentRow[],
    receivedAt: string,
  ): void;
  putAttachment(sha256: string, bytes: Uint8Array, mediaType: string, createdAt: string): void;
  setChain(chain: DepartmentChain): void;
  /**
   * Records the date the office received a bundle (migration 0016), at the bundle's first import: false (nothing
   * written) when one is recorded already.
   */
  putReceipt(sha256: string, receivedOn: string, recordedAt: string): boolean;
  /** The accepted bundle of a department's revision, if any. */
  acceptedAt(department: string, revision: number): { sha256: string } | undefined;
  /** Holds a same-revision conflict (once per hash); false when it was already held. */
  hold(bundle: HeldBundleRow): boolean;
  isHeld(sha256: string): boolean;
  /**
   * Removes a quarantined bundle's row and archived bytes (released, it became a held conflict, which keeps its own
   * bytes); false when the bundle is not in quarantine.
   */
  dropQuarantined(sha256: string): boolean;
}

/** A held bundle as written: the listed fields and its bytes. */
export interface HeldBundleRow extends HeldBundle {
  bytes: Uint8Array;
}

const cache = new WeakMap<BetterSqlite3.Database, BundleWrites>();

export function bundleWrites(sqlite: BetterSqlite3.Database): BundleWrites {
  const known = cache.get(sqlite);
  if (known) return known;
  const getBundle = sqlite.prepare<[string], BundlesTable>('SELECT * FROM bundles WHERE sha256 = ?');
  const getChain = sqlite.prepare<
    [string],
    { department: string; last_revision: number; last_bundle_sha256: string; updated_at: string }
  >('SELECT * FROM department_chain WHERE department = ?');
  const allChains = sqlite.prepare<
    [],
    { department: string; last_revision: number; last_bundle_sha256: string; updated_at: string }
  >('SELECT * FROM department_chain');
  const putBundle = sqlite.prepare(
    `INSERT INTO bundles (sha256, type, department, key_id, period, revision, previous_sha256, created_at,
       imported_at, status, manifest, file_name, reason_code, reason)
     VALUES (@sha256, @type, @department, @key_id, @period, @revision, @previous_sha256, @created_at,
       @imported_at, @status, @manifest, @file_name, @reason_code, @reason)
     ON CONFLICT (sha256) DO UPDATE SET status = excluded.status, imported_at = excluded.imported_at,
       reason_code = excluded.reason_code, reason = excluded.reason`,
  );
  const putFile = sqlite.prepare(
    'INSERT INTO bundle_files (sha256, bytes, stored_at) VALUES (?, ?, ?) ON CONFLICT (sha256) DO NOTHING',
  );
  const hasFile = sqlite.prepare<[string], { one: number }>(
    'SELECT 1 AS one FROM bundle_files WHERE sha256 = ?',
  );
  const insertDocument = sqlite.prepare(
    `INSERT INTO received_documents (bundle_sha256, kind, project_id, slot, department, revision, json, received_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const putAttachment = sqlite.prepare(
    `INSERT INTO attachments (sha256, media_type, size, bytes, created_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (sha256) DO NOTHING`,
  );
  const setChain = sqlite.prepare(
    `INSERT INTO department_chain (department, last_revision, last_bundle_sha256, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (department) DO UPDATE SET last_revision = excluded.last_revision,
       last_bundle_sha256 = excluded.last_bundle_sha256, updated_at = excluded.updated_at`,
  );
  const putReceipt = sqlite.prepare(
    `INSERT INTO bundle_receipts (bundle_sha256, received_on, recorded_at) VALUES (?, ?, ?)
     ON CONFLICT (bundle_sha256) DO NOTHING`,
  );
  const acceptedAt = sqlite.prepare<[string, number], { sha256: string }>(
    `SELECT sha256 FROM bundles WHERE department = ? AND revision = ? AND status = 'accepted' LIMIT 1`,
  );
  const hold = sqlite.prepare(
    `INSERT INTO held_bundles (sha256, department, revision, period, key_id, created_at, imported_at, manifest,
       file_name, conflicts_with, bytes)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING`,
  );
  const isHeld = sqlite.prepare<[string], { one: number }>(
    'SELECT 1 AS one FROM held_bundles WHERE sha256 = ?',
  );
  const isQuarantined = sqlite.prepare<[string], { one: number }>(
    "SELECT 1 AS one FROM bundles WHERE sha256 = ? AND status = 'quarantined'",
  );
  const dropFile = sqlite.prepare('DELETE FROM bundle_files WHERE sha256 = ?');
  const dropQuarantined = sqlite.prepare("DELETE FROM bundles WHERE sha256 = ? AND status = 'quarantined'");
  const chainOf = (row: {
    department: string;
    last_revision: number;
    last_bundle_sha256: string;
    updated_at: string;
  }): DepartmentChain => ({
    department: row.department,
    lastRevision: row.last_revision,
    lastBundleSha256: row.last_bundle_sha256,
    updatedAt: row.updated_at,
  });

  const writes: BundleWrites = {
    getBundle(sha256) {
      const r = getBundle.get(sha256);
      return r && receivedOf(r);
    },
    getChain(department) {
      const row = getChain.get(department);
      return row && chainOf(row);
    },
    allChains: () => allChains.all().map(chainOf),
    putBundle(b) {
      putBundle.run({
        sha256: b.sha256,
        type: b.type,
        department: b.department,
        key_id: b.keyId,
        period: b.period,
        revision: b.revision,
        previous_sha256: b.previousSha256,
        created_at: b.createdAt,
        imported_at: b.importedAt,
        status: b.status,
        manifest: b.manifest,
        file_name: b.fileName,
        reason_code: b.reasonCode,
        reason: b.reason,
      });
    },
    putFile(sha256, bytes, storedAt) {
      putFile.run(sha256, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), storedAt);
    },
    hasFile: (sha256) => hasFile.get(sha256) !== undefined,
    insertDocuments(bundle, rows, receivedAt) {
      for (const row of rows) {
        insertDocument.run(
          bundle.sha256,
          row.kind,
          row.projectId,
          row.slot,
          bundle.department,
          bundle.revision,
          row.json,
          receivedAt,
        );
      }
    },
    putAttachment(sha256, bytes, mediaType, createdAt) {
      putAttachment.run(
        sha256,
        mediaType,
        bytes.length,
        Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
        createdAt,
      );
    },
    setChain(chain) {
      setChain.run(chain.department, chain.lastRevision, chain.lastBundleSha256, chain.updatedAt);
    },
    putReceipt: (sha256, receivedOn, recordedAt) =>
      putReceipt.run(sha256, receivedOn, recordedAt).changes > 0,
    acceptedAt: (department, revision) => acceptedAt.get(department, revision),
    hold(b) {
      const info = hold.run(
        b.sha256,
        b.department,
        b.revision,
        b.period,
        b.keyId,
        b.createdAt,
        b.importedAt,
        b.manifest,
        b.fileName,
        b.conflictsWith,
        Buffer.from(b.bytes.buffer, b.bytes.byteOffset, b.bytes.byteLength),
      );
      return info.changes > 0;
    },
    isHeld: (sha256) => isHeld.get(sha256) !== undefined,
    dropQuarantined(sha256) {
      if (isQuarantined.get(sha256) === undefined) return false;
      // The bytes first: bundle_files references the row.
      dropFile.run(sha256);
      return dropQuarantined.run(sha256).changes === 1;
    },
  };
  cache.set(sqlite, writes);
  return writes;
}
