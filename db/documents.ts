import type { Kysely, Transaction } from 'kysely';
import type { Database, DocumentKind, DocumentStatus, VersionReason } from './schema';

/** A stored document: the current JSON plus its identity and lifecycle. */
export interface StoredDocument {
  id: string;
  kind: DocumentKind;
  projectId: string;
  slot: string;
  department: string;
  status: DocumentStatus;
  json: unknown;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface DocumentVersion {
  version: number;
  status: DocumentStatus;
  json: unknown;
  savedAt: string;
  reason: VersionReason;
}

export interface DocumentIdentity {
  kind: DocumentKind;
  projectId: string;
  slot: string;
  department: string;
}

type Db = Kysely<Database> | Transaction<Database>;

/** Runs `work` in the caller's transaction if there is one, else in a new one (Kysely does not nest them). */
export function inTransaction<T>(db: Db, work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db as Transaction<Database>) : db.transaction().execute(work);
}

export const documentIdOf = (d: DocumentIdentity): string =>
  `${d.kind}:${d.projectId}:${d.slot}:${d.department}`;

/**
 * Thrown when a save is based on an older version than the stored one (another window saved in between). The
 * editor merges the two and saves again by itself (renderer/src/drafting/merge-edits.ts); the message is for when
 * it could not, and for other callers. The versions are kept on the error, not put in the person's words.
 */
export class VersionConflictError extends Error {
  readonly code = 'VERSION_CONFLICT';
  constructor(
    readonly stored: number,
    readonly expected: number,
  ) {
    super(
      '다른 창에서 먼저 저장한 내용이 있어 이번 변경은 아직 저장하지 않았습니다. 그 내용과 합쳐 다시 저장하세요.',
    );
  }
}

export class DocumentFrozenError extends Error {
  readonly code = 'DOCUMENT_FROZEN';
  constructor() {
    super('확정된 문서는 수정할 수 없습니다. 변경이 필요하면 공약 조정 요청서를 작성하세요.');
  }
}

const toStored = (row: Database['documents']): StoredDocument => ({
  id: row.id,
  kind: row.kind,
  projectId: row.project_id,
  slot: row.slot,
  department: row.department,
  status: row.status,
  json: JSON.parse(row.json) as unknown,
  version: row.version,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export async function getDocument(db: Db, id: string): Promise<StoredDocument | undefined> {
  const row = await db.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toStored(row);
}

export interface DocumentFilter {
  kind?: DocumentKind;
  department?: string;
  projectId?: string;
  slot?: string;
}

export async function listDocuments(db: Db, filter: DocumentFilter = {}): Promise<StoredDocument[]> {
  let query = db.selectFrom('documents').selectAll();
  if (filter.kind) query = query.where('kind', '=', filter.kind);
  if (filter.department) query = query.where('department', '=', filter.department);
  if (filter.projectId) query = query.where('project_id', '=', filter.projectId);
  if (filter.slot) query = query.where('slot', '=', filter.slot);
  const rows = await query.orderBy('project_id').orderBy('slot').execute();
  return rows.map(toStored);
}

export interface SaveDocumentInput extends DocumentIdentity {
  json: unknown;
  /** The version the editor started from; null for a new document. Omit to skip the check (imports). */
  expectedVersion?: number | null;
  reason: VersionReason;
  /** The status after saving; editing a submitted document makes it a draft again. */
  status?: DocumentStatus;
  /** Allows writing a confirmed document (confirmation itself, office baseline). */
  allowFrozen?: boolean;
}

/**
 * Saves the current state and appends it as a new version, in one transaction. Saving identical content keeps
 * the version number (autosave fires on every pause in typing; unchanged text must not pile up versions).
 */
export async function saveDocument(db: Db, input: SaveDocumentInput, now: Date): Promise<StoredDocument> {
  const id = documentIdOf(input);
  const json = JSON.stringify(input.json);
  const at = now.toISOString();
  return inTransaction(db, async (trx) => {
    const current = await trx.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirst();
    if (input.expectedVersion !== undefined) {
      const stored = current?.version ?? null;
      if (stored !== input.expectedVersion)
        throw new VersionConflictError(stored ?? 0, input.expectedVersion ?? 0);
    }
    if (current?.status === 'confirmed' && !input.allowFrozen) throw new DocumentFrozenError();
    const status = input.status ?? 'draft';
    if (current && current.json === json && current.status === status) return toStored(current);

    const version = (current?.version ?? 0) + 1;
    if (current) {
      await trx
        .updateTable('documents')
        .set({ json, status, version, updated_at: at })
        .where('id', '=', id)
        .execute();
    } else {
      await trx
        .insertInto('documents')
        .values({
          id,
          kind: input.kind,
          project_id: input.projectId,
          slot: input.slot,
          department: input.department,
          status,
          json,
          version,
          created_at: at,
          updated_at: at,
        })
        .execute();
    }
    await trx
      .insertInto('document_versions')
      .values({
        document_id: id,
        version,
        status,
        json,
        saved_at: at,
        // A document brought in from a file says so from its first version (저장 기록: 가져오기).
        reason: current || input.reason === 'import' ? input.reason : 'create',
      })
      .execute();
    const saved = await trx
      .selectFrom('documents')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    return toStored(saved);
  });
}

/**
 * Deletes a document with its versions, only while it has never been anything but a draft: returns 'deleted',
 * 'missing', or 'sent' (some version was submitted or confirmed) with nothing deleted. One transaction.
 */
export async function deleteNeverSubmitted(db: Db, id: string): Promise<'deleted' | 'missing' | 'sent'> {
  return inTransaction(db, async (trx) => {
    const current = await trx.selectFrom('documents').select('id').where('id', '=', id).executeTakeFirst();
    if (!current) return 'missing';
    const sent = await trx
      .selectFrom('document_versions')
      .select('version')
      .where('document_id', '=', id)
      .where('status', '!=', 'draft')
      .executeTakeFirst();
    if (sent) return 'sent';
    await trx.deleteFrom('document_versions').where('document_id', '=', id).execute();
    await trx.deleteFrom('documents').where('id', '=', id).execute();
    return 'deleted';
  });
}

/** Why the current version of a document was saved ('import': taken from a file, not edited here since). */
export async function currentVersionReason(
  db: Db,
  id: string,
  version: number,
): Promise<VersionReason | null> {
  const row = await db
    .selectFrom('document_versions')
    .select('reason')
    .where('document_id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return row?.reason ?? null;
}

export async function listVersions(db: Db, id: string): Promise<DocumentVersion[]> {
  const rows = await db
    .selectFrom('document_versions')
    .selectAll()
    .where('document_id', '=', id)
    .orderBy('version', 'desc')
    .execute();
  return rows.map((r) => ({
    version: r.version,
    status: r.status,
    json: JSON.parse(r.json) as unknown,
    savedAt: r.saved_at,
    reason: r.reason,
  }));
}

export async function getVersion(db: Db, id: string, version: number): Promise<DocumentVersion | undefined> {
  return (await listVersions(db, id)).find((v) => v.version === version);
}
