import { sql, type Kysely, type Transaction } from 'kysely';
import { catalogAt } from '../../domain/catalog/assignments';
import type { Catalog } from '../../domain/catalog/types';
import type { ManagementCard } from '../../domain/documents';
import type { Database, DocumentKind, ReceivedDocumentsTable } from '../../db/schema';
import { cacheOf, MAX_CACHED, readRaw, ROWIDS_PER_QUERY } from './snapshot-cache';

/** A received document's identity and receipt, without its content: its stored row but for the JSON. */
export type ReceivedRow = Omit<ReceivedDocumentsTable, 'json'> & { rowid: number };

type RawReceived = [number, string, DocumentKind, string, string, string, number, string];

const RECEIVED_COLUMNS = `rd.rowid, rd.bundle_sha256, rd.kind, rd.project_id, rd.slot, rd.department, rd.revision,
  rd.received_at`;

/**
 * Received documents of a kind (and half-year) from accepted bundles, lowest revision first (content not read).
 * Kept per database handle: while no received document or bundle was updated or deleted since (the counter of
 * migration 0009), the list read before still holds and only rows appended since — rowids above the highest one
 * seen then — are read and merged in. The list returned is shared: callers must not change it.
 */
export async function receivedOf(
  db: Kysely<Database> | Transaction<Database>,
  kind: DocumentKind,
  slot?: string,
): Promise<readonly ReceivedRow[]> {
  const lists = cacheOf(db).receivedLists;
  const key = `${kind}|${slot ?? ''}`;
  const next = await readRaw(db, (sqlite) => {
    const rewrites = sqlite.prepare('SELECT n FROM received_rewrites WHERE id = 1').pluck().get() as number;
    const maxRowid = (sqlite.prepare('SELECT max(rowid) FROM received_documents').pluck().get() ??
      0) as number;
    const kept = lists.get(key);
    if (kept !== undefined && kept.rewrites === rewrites) {
      if (kept.maxRowid === maxRowid) return kept;
      // Only the rows appended since: the rowid range, not the (slot, kind) index ('+' keeps it unused).
      const appended = sqlite
        .prepare(
          `SELECT ${RECEIVED_COLUMNS} FROM received_documents rd JOIN bundles b ON b.sha256 = rd.bundle_sha256
             WHERE rd.rowid > ? AND b.status = 'accepted' AND +rd.kind = ?${slot === undefined ? '' : ' AND +rd.slot = ?'}
             ORDER BY rd.rowid`,
        )
        .raw()
        .all(...(slot === undefined ? [kept.maxRowid, kind] : [kept.maxRowid, kind, slot])) as RawReceived[];
      if (appended.length === 0) return { ...kept, maxRowid };
      // Stable: rows of one revision stay in rowid order, as the full query's index gives them.
      const rows = [...kept.rows, ...appended.map(receivedRowOf)].sort((a, b) => a.revision - b.revision);
      return { rewrites, maxRowid, rows };
    }
    const rows = sqlite
      .prepare(
        `SELECT ${RECEIVED_COLUMNS} FROM received_documents rd JOIN bundles b ON b.sha256 = rd.bundle_sha256
           WHERE b.status = 'accepted' AND rd.kind = ?${slot === undefined ? '' : ' AND rd.slot = ?'}
           ORDER BY rd.revision`,
      )
      .raw()
      .all(...(slot === undefined ? [kind] : [kind, slot])) as RawReceived[];
    return { rewrites, maxRowid, rows: rows.map(receivedRowOf) };
  });
  lists.set(key, next);
  return next.rows;
}

const receivedRowOf = (r: RawReceived): ReceivedRow => ({
  rowid: r[0],
  bundle_sha256: r[1],
  kind: r[2],
  project_id: r[3],
  slot: r[4],
  department: r[5],
  revision: r[6],
  received_at: r[7],
});

/** The latest revision per (project, slot, department), and the earliest, from rows sorted by revision. */
export function latestAndFirst(rows: readonly ReceivedRow[]): {
  latest: ReceivedRow[];
  first: ReceivedRow[];
} {
  // receivedOf gives the same list again while nothing changed: its split is the same too.
  const kept = splits.get(rows);
  if (kept !== undefined) return kept;
  const latest = new Map<string, ReceivedRow>();
  const first = new Map<string, ReceivedRow>();
  for (const row of rows) {
    const key = `${row.project_id}|${row.slot}|${row.department}`;
    latest.set(key, row);
    if (!first.has(key)) first.set(key, row);
  }
  const split = { latest: [...latest.values()], first: [...first.values()] };
  splits.set(rows, split);
  return split;
}

const splits = new WeakMap<readonly ReceivedRow[], { latest: ReceivedRow[]; first: ReceivedRow[] }>();

/** A received row's primary key: its bundle (content-addressed), kind, project and slot fix its content. */
export const receivedKey = (r: {
  bundle_sha256: string;
  kind: string;
  project_id: string;
  slot: string;
}): string => `${r.bundle_sha256}|${r.kind}|${r.project_id}|${r.slot}`;

/**
 * Received documents as stored: the import schema-checked each one and stored the parsed document, so the report
 * path reads them back without checking every field again (thousands of cards per report). Only rows not parsed
 * before are read from the database.
 */
export async function storedAll<T>(
  db: Kysely<Database> | Transaction<Database>,
  rows: readonly ReceivedRow[],
): Promise<T[]> {
  const parsed = cacheOf(db);
  const cache = parsed.received;
  const unread = (): Map<number, string> => {
    const missing = new Map<number, string>();
    for (const r of rows) {
      if (parsed.receivedByRow.has(r)) continue;
      const key = receivedKey(r);
      if (!cache.has(key)) missing.set(r.rowid, key);
    }
    return missing;
  };
  let missing = unread();
  if (cache.size + missing.size > MAX_CACHED) {
    cache.clear();
    parsed.receivedByRow = new WeakMap();
    // The kept parts hold the documents they were computed from: they go too, so both can be collected.
    parsed.memo.tables.clear();
    missing = unread();
  }
  const ids = [...missing.keys()];
  for (let i = 0; i < ids.length; i += ROWIDS_PER_QUERY) {
    // Between chunks the event loop serves other work (an import's progress, the verify workers' answers): the
    // first report at ten times Seoul's size reads thousands of documents. Other database requests of this
    // process wait for the report's read snapshot (inReadSnapshot) to end.
    if (i > 0) await new Promise<void>((resolve) => setImmediate(resolve));
    const found = await db
      .selectFrom('received_documents')
      .select([sql<number>`rowid`.as('rowid'), 'bundle_sha256', 'kind', 'project_id', 'slot', 'json'])
      .where(sql<boolean>`rowid in (${sql.join(ids.slice(i, i + ROWIDS_PER_QUERY))})`)
      .execute();
    // Keyed by what the row is, not by the rowid the lookup used.
    for (const row of found) cache.set(receivedKey(row), JSON.parse(row.json) as unknown);
  }
  return rows.map((r) => {
    let value = parsed.receivedByRow.get(r);
    if (value === undefined) {
      value = cache.get(receivedKey(r));
      if (value === undefined) throw new Error(`받은 문서(${r.kind} ${r.project_id})를 읽지 못했습니다.`);
      parsed.receivedByRow.set(r, value);
    }
    return value as T;
  });
}

/**
 * The cards each of these projects' lead departments sent for a half-year, every accepted revision with its
 * received row, lowest revision first; projects without one are absent. Content is not read.
 */
export async function leadCardRowsOf(
  db: Kysely<Database> | Transaction<Database>,
  catalog: Catalog,
  periodId: string,
  projectIds: ReadonlySet<string>,
): Promise<Map<string, ReceivedRow[]>> {
  // The half-year's leads: after a move (부서 이관) the lead of that half-year.
  const lead = new Map(catalogAt(catalog, periodId).projects.map((p) => [p.id, p.leadDepartment]));
  const byProject = new Map<string, ReceivedRow[]>();
  for (const r of await receivedOf(db, 'managementCard', periodId)) {
    if (!projectIds.has(r.project_id) || lead.get(r.project_id) !== r.department) continue;
    const rows = byProject.get(r.project_id);
    if (rows === undefined) byProject.set(r.project_id, [r]);
    else rows.push(r);
  }
  return byProject;
}

/** The cards of these received rows, as stored (read once per process, like the report's own). */
export const receivedCards = (
  db: Kysely<Database> | Transaction<Database>,
  rows: readonly ReceivedRow[],
): Promise<ManagementCard[]> => storedAll<ManagementCard>(db, rows);

/**
 * The current card (latest accepted revision) each of these projects' lead departments sent for a half-year, with
 * its received row; projects without one are absent. Reads only those projects' documents.
 */
export async function leadCardsOf(
  db: Kysely<Database> | Transaction<Database>,
  catalog: Catalog,
  periodId: string,
  projectIds: ReadonlySet<string>,
): Promise<Map<string, { row: ReceivedRow; card: ManagementCard }>> {
  const rows = [...(await leadCardRowsOf(db, catalog, periodId, projectIds)).values()].map((r) => r.at(-1)!);
  const cards = await receivedCards(db, rows);
  return new Map(rows.map((row, i) => [row.project_id, { row, card: cards[i]! }]));
}
