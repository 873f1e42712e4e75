import type { Kysely, Transaction } from 'kysely';
import type { Database, DocumentKind, ReceivedDocumentsTable } from './schema';

type Db = Kysely<Database> | Transaction<Database>;

/** A document as the office received it in one bundle. */
export interface ReceivedDocument {
  bundleSha256: string;
  kind: DocumentKind;
  projectId: string;
  slot: string;
  department: string;
  revision: number;
  json: unknown;
  receivedAt: string;
}

export interface ReceivedFilter {
  kind?: DocumentKind;
  department?: string;
  projectId?: string;
  bundleSha256?: string;
}

/** A stored row as a received document, its JSON parsed. */
const receivedDocumentOf = (r: ReceivedDocumentsTable): ReceivedDocument => ({
  bundleSha256: r.bundle_sha256,
  kind: r.kind,
  projectId: r.project_id,
  slot: r.slot,
  department: r.department,
  revision: r.revision,
  json: JSON.parse(r.json) as unknown,
  receivedAt: r.received_at,
});

/** Every received copy, oldest revision first. */
export async function listReceivedDocuments(
  db: Db,
  filter: ReceivedFilter = {},
): Promise<ReceivedDocument[]> {
  let query = db.selectFrom('received_documents').selectAll();
  if (filter.kind) query = query.where('kind', '=', filter.kind);
  if (filter.department) query = query.where('department', '=', filter.department);
  if (filter.projectId) query = query.where('project_id', '=', filter.projectId);
  if (filter.bundleSha256) query = query.where('bundle_sha256', '=', filter.bundleSha256);
  const rows = await query
    .orderBy('project_id')
    .orderBy('kind')
    .orderBy('slot')
    .orderBy('department')
    .orderBy('revision')
    .execute();
  return rows.map(receivedDocumentOf);
}

/** The newest received copy of each document (highest revision per kind, project, slot and department). */
export async function latestReceivedDocuments(
  db: Db,
  filter: Omit<ReceivedFilter, 'bundleSha256'> = {},
): Promise<ReceivedDocument[]> {
  const latest = new Map<string, ReceivedDocument>();
  for (const doc of await listReceivedDocuments(db, filter)) {
    latest.set(`${doc.kind}:${doc.projectId}:${doc.slot}:${doc.department}`, doc);
  }
  return [...latest.values()];
}

/**
 * A project's documents of the given kinds from accepted bundles only (not one held or quarantined), every
 * revision, lowest first: the newest of each (kind, slot, department) is the one the report counts, the others its
 * history. Read through the (kind, project) index.
 */
export async function acceptedOfProject(
  db: Db,
  projectId: string,
  kinds: readonly DocumentKind[],
): Promise<ReceivedDocument[]> {
  const rows = await db
    .selectFrom('received_documents as rd')
    .innerJoin('bundles as b', 'b.sha256', 'rd.bundle_sha256')
    .selectAll('rd')
    .where('b.status', '=', 'accepted')
    .where('rd.kind', 'in', kinds)
    .where('rd.project_id', '=', projectId)
    .orderBy('rd.revision')
    .execute();
  return rows.map(receivedDocumentOf);
}
