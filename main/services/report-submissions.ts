import type { Kysely, Transaction } from 'kysely';
import type { QuarantineReason, SubmissionRecord } from '../../domain/reports/types';
import type { Database, DocumentKind } from '../../db/schema';
import { cacheOf, MAX_CACHED, readRaw, ROWIDS_PER_QUERY } from './snapshot-cache';

/** The half-year's submission files (제출 현황): every bundle of the half-year with its documents' kinds and projects. */
export async function submissionsOf(
  db: Kysely<Database> | Transaction<Database>,
  periodId: string,
): Promise<SubmissionRecord[]> {
  const bundles = await readRaw(db, (sqlite) =>
    (
      sqlite
        .prepare(
          `SELECT b.department, b.period, b.sha256, b.imported_at, b.created_at, b.revision, b.status,
               CASE WHEN b.status = 'quarantined'
                 THEN (SELECT k.status FROM key_registry k
                         WHERE k.department = b.department AND k.key_id = b.key_id) END AS key_status,
               r.received_on
             FROM bundles b LEFT JOIN bundle_receipts r ON r.bundle_sha256 = b.sha256
             WHERE b.type = 'pledge-submission' AND b.period = ? ORDER BY b.department, b.revision`,
        )
        .raw()
        .all(periodId) as [
        string,
        string,
        string,
        string,
        string,
        number,
        string,
        string | null,
        string | null,
      ][]
    ).map(([department, period, sha256, importedAt, createdAt, revision, status, keyStatus, receivedOn]) => ({
      department,
      period,
      sha256,
      imported_at: importedAt,
      received_on: receivedOn,
      created_at: createdAt,
      revision,
      status,
      keyStatus,
    })),
  );
  const listed = cacheOf(db).bundleDocuments;
  const keyOf = (sha256: string) => `${sha256}|${periodId}`;
  // An accepted bundle's documents never change (its hash fixes its content): read once. Others are read each
  // time (a quarantined bundle has none until its key is approved).
  const unread = bundles.filter((b) => b.status !== 'accepted' || !listed.has(keyOf(b.sha256)));
  if (listed.size + unread.length > MAX_CACHED) listed.clear();
  const read = new Map<string, { kind: DocumentKind; projectId: string }[]>();
  for (let i = 0; i < unread.length; i += ROWIDS_PER_QUERY) {
    const shas = unread.slice(i, i + ROWIDS_PER_QUERY).map((b) => b.sha256);
    // Found by the bundles' key; '+' keeps SQLite from walking the half-year's whole index instead.
    const docs = await readRaw(
      db,
      (sqlite) =>
        sqlite
          .prepare(
            `SELECT bundle_sha256, kind, project_id FROM received_documents
               WHERE +slot = ? AND bundle_sha256 IN (${shas.map(() => '?').join(',')})
               ORDER BY kind, revision, rowid`,
          )
          .raw()
          .all(periodId, ...shas) as [string, DocumentKind, string][],
    );
    for (const [sha256, kind, projectId] of docs) {
      const list = read.get(sha256);
      if (list === undefined) read.set(sha256, [{ kind, projectId }]);
      else list.push({ kind, projectId });
    }
  }
  for (const b of unread) if (b.status === 'accepted') listed.set(keyOf(b.sha256), read.get(b.sha256) ?? []);
  return bundles.map((b) => ({
    department: b.department,
    periodId: b.period,
    bundleSha256: b.sha256,
    // The 접수일 the office gave at the import, when it did; otherwise the import itself.
    receivedAt: b.received_on ?? b.imported_at,
    ...(b.received_on === null ? {} : { importedAt: b.imported_at }),
    createdAt: b.created_at,
    revision: b.revision,
    signature: b.status === 'accepted' ? 'valid' : 'quarantined',
    ...(b.status === 'accepted' ? {} : { quarantineReason: quarantineReasonOf(b.keyStatus) }),
    documents: (b.status === 'accepted' ? listed.get(keyOf(b.sha256)) : read.get(b.sha256)) ?? [],
  }));
}

/** Why a bundle waits in quarantine, from its key's state in the registry now (none: never registered). */
function quarantineReasonOf(keyStatus: string | null): QuarantineReason {
  if (keyStatus === null) return 'unregistered';
  if (keyStatus === 'pending') return 'pending';
  if (keyStatus === 'revoked') return 'revoked';
  if (keyStatus === 'retired') return 'retired';
  return 'other';
}
