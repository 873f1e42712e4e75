import type BetterSqlite3 from 'better-sqlite3';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Catalog } from '../../domain/catalog/types';
import {
  changeRequestSchema,
  currentDecisionStatus,
  departmentStepsOnly,
  deriveFinanceRow,
  type DocumentTotals,
  mergeShared,
  type ChangeRequest,
  type ExecutionPlan,
  type FinanceRow,
  type FinanceTableRow,
  type ManagementCard,
} from '../../domain/documents';
import { createReportMemo, memoized, memoTable, type ReportMemo } from '../../domain/reports/report-memo';
import type {
  QuarantineReason,
  ReportInput,
  ReportOptions,
  SubmissionRecord,
} from '../../domain/reports/types';
import { reportTotals } from '../../domain/reports/totals-cache';
import { listPeriods } from '../../domain/term/periods';
import type { Term } from '../../domain/term/types';
import { connectionInsideTransaction, withRawConnection } from '../../db/create-db';
import { listDocuments } from '../../db/documents';
import type { Database, DocumentKind } from '../../db/schema';
import { termKeys } from './drafting';

/**
 * What the planning office holds for one half-year, as the report's explicit input. The current version of a
 * document is the latest accepted revision from its department; the office's own decisions (confirmed plans,
 * decided change requests) take precedence over what departments sent.
 */

/** A received document's identity and receipt, without its content. */
export interface ReceivedRow {
  rowid: number;
  bundle_sha256: string;
  kind: DocumentKind;
  project_id: string;
  slot: string;
  department: string;
  revision: number;
  received_at: string;
}

/**
 * Runs synchronous reads on the connection itself (prepared statements, rows as arrays): thousands of rows per
 * report cost a fraction of what they cost through the query builder. Inside a read snapshot the snapshot's
 * transaction already holds the connection; on a database handle the connection's lock is taken.
 */
async function readRaw<T>(
  db: Kysely<Database> | Transaction<Database>,
  read: (sqlite: BetterSqlite3.Database) => T,
): Promise<T> {
  const root = cacheOwners.get(db);
  if (root !== undefined) return read(connectionInsideTransaction(root as Kysely<Database>));
  if (db.isTransaction) throw new Error('readRaw: a transaction other than a read snapshot (inReadSnapshot)');
  return withRawConnection(db, read);
}

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
function latestAndFirst(rows: readonly ReceivedRow[]): { latest: ReceivedRow[]; first: ReceivedRow[] } {
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

/**
 * Parsed documents kept between reports, per database handle: a received row never changes (the table is
 * append-only) and an own document changes only by a new version, so each is read and parsed once per process
 * and the report's totals of it (keyed by the object) are computed once too. The report path only reads them:
 * buildOfficeReport never changes its input (tested) and the office's decisions are applied to copies. Bounded: cleared when it holds more documents than a few reports need.
 */
interface ParsedCache {
  /** By the row's primary key: its bundle (content-addressed), kind, project and slot fix its content. */
  received: Map<string, unknown>;
  /** The same documents by the row objects receivedOf keeps (no key to build while its list is unchanged). */
  receivedByRow: WeakMap<ReceivedRow, unknown>;
  /** By id, version and time of the version. */
  own: Map<string, unknown>;
  totals: Map<string, DocumentTotals>;
  /** The reports' per-project parts (report-memo): they depend on the documents above, by identity. */
  memo: ReportMemo;
  /** receivedOf's lists by `kind|slot`, with the rewrite counter and the highest rowid when read. */
  receivedLists: Map<string, { rewrites: number; maxRowid: number; rows: readonly ReceivedRow[] }>;
  /** An accepted bundle's documents of a half-year (제출 현황), by `sha256|half-year`. */
  bundleDocuments: Map<string, { kind: DocumentKind; projectId: string }[]>;
  /**
   * Whether a received plan matches a version of the office's confirmed document (plan-confirmations.ts), by the
   * received row's key and the document's id, version and time of the version: both sides are fixed by them.
   */
  planMatches: Map<string, boolean>;
}
const MAX_CACHED = 50_000;
const caches = new WeakMap<object, ParsedCache>();
/** A read snapshot's transaction → its database handle, whose caches it uses (see inReadSnapshot). */
const cacheOwners = new WeakMap<object, object>();
const cacheOf = (db: Kysely<Database> | Transaction<Database>): ParsedCache => {
  const owner = cacheOwners.get(db) ?? db;
  let cache = caches.get(owner);
  if (!cache) {
    cache = {
      received: new Map(),
      receivedByRow: new WeakMap(),
      own: new Map(),
      totals: new Map(),
      memo: createReportMemo(),
      receivedLists: new Map(),
      bundleDocuments: new Map(),
      planMatches: new Map(),
    };
    caches.set(owner, cache);
  }
  return cache;
};

/**
 * Runs `read` on one read transaction: in WAL mode every query in it sees the same committed state, so a report
 * built while an import commits (in this process, which waits for the transaction, or in another) holds either
 * all of that import or none of it — never its bundles without their documents. The parsed-document caches stay
 * with `db`. Nothing in `read` may use `db` itself: it would wait for this transaction's connection.
 */
export async function inReadSnapshot<T>(
  db: Kysely<Database>,
  read: (snapshot: Kysely<Database>) => Promise<T>,
): Promise<T> {
  return db.transaction().execute(async (trx) => {
    cacheOwners.set(trx, db);
    return read(trx);
  });
}

/**
 * The kept answers to "does this received plan match a version of the office's confirmed plan?" (see
 * ParsedCache.planMatches), for this database handle or the read snapshot taken on it; bounded like the others.
 */
export function keptPlanMatches(db: Kysely<Database> | Transaction<Database>): Map<string, boolean> {
  const kept = cacheOf(db).planMatches;
  if (kept.size > MAX_CACHED) kept.clear();
  return kept;
}

/** rowids per query: far below SQLite's parameter limit. */
const ROWIDS_PER_QUERY = 500;

/**
 * Received documents as stored: the import schema-checked each one and stored the parsed document, so the report
 * path reads them back without checking every field again (thousands of cards per report). Only rows not parsed
 * before are read from the database.
 */
export const receivedKey = (r: {
  bundle_sha256: string;
  kind: string;
  project_id: string;
  slot: string;
}): string => `${r.bundle_sha256}|${r.kind}|${r.project_id}|${r.slot}`;

async function storedAll<T>(
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
 * The confirmed plan per project: the office's own confirmation alone (실천계획 확정, updated by approved changes).
 * A plan a department sent marked 'confirmed' waits like any other until the office confirms it: the citizens'
 * panel confirms plans through the office, not through a department's copy. A document is confirmed only after
 * it validated (confirmReceivedPlan), so confirmed ones are read as stored, like received documents.
 */
export async function confirmedPlans(db: Kysely<Database> | Transaction<Database>): Promise<ExecutionPlan[]> {
  return (await confirmedPlanHeads(db)).map((h) => h.plan);
}

/** A project's confirmed plan document as confirmedPlans reads it: its id, current version and plan. */
interface ConfirmedPlanHead {
  id: string;
  version: number;
  plan: ExecutionPlan;
}

const ownKey = (id: string, version: number, at: string): string => `${id}#${version}#${at}`;

async function confirmedPlanHeads(
  db: Kysely<Database> | Transaction<Database>,
): Promise<ConfirmedPlanHead[]> {
  const cache = cacheOf(db).own;
  const heads = await db
    .selectFrom('documents')
    .select(['id', 'version', 'updated_at'])
    .where('kind', '=', 'executionPlan')
    .where('status', '=', 'confirmed')
    .orderBy('project_id')
    .orderBy('slot')
    .execute();
  const keyOf = (h: { id: string; version: number; updated_at: string }) =>
    ownKey(h.id, h.version, h.updated_at);
  const missing = heads.filter((h) => !cache.has(keyOf(h)));
  if (cache.size + missing.length > MAX_CACHED) {
    cache.clear();
    cacheOf(db).memo.tables.clear();
  }
  for (let i = 0; i < missing.length; i += ROWIDS_PER_QUERY) {
    const found = await db
      .selectFrom('documents')
      .select(['id', 'version', 'updated_at', 'json'])
      .where(
        'id',
        'in',
        missing.slice(i, i + ROWIDS_PER_QUERY).map((h) => h.id),
      )
      .execute();
    for (const row of found) cache.set(keyOf(row), JSON.parse(row.json) as unknown);
  }
  const byProject = new Map<string, ConfirmedPlanHead>();
  for (const h of heads) {
    const plan = cache.get(keyOf(h)) as ExecutionPlan | undefined;
    if (plan !== undefined) byProject.set(plan.projectId, { id: h.id, version: h.version, plan });
  }
  return [...byProject.values()];
}

/**
 * 붙임5's 초기계획 ("2018년 임기시작 시점 최초 공약실천계획의 총계") per project: the earliest version of its confirmed
 * plan document whose status was 'confirmed'. Every later confirmed version is either the plan confirmed again
 * (a department re-sent it) or an approved change request applied to it, and neither changes the initial plan.
 * The earliest is always a 실천계획 확정: an approval writes a version only over a plan already confirmed
 * (decideChangeRequest refuses otherwise), and versions before the first confirmation are drafts. A document at
 * version 1 (confirmed once, the usual case) is its own first version: only the others are looked up, in one
 * query, and their versions are parsed once and kept with the confirmed plans (same key: id, version, time).
 */
async function initialPlansOf(
  db: Kysely<Database> | Transaction<Database>,
  heads: readonly ConfirmedPlanHead[],
): Promise<Map<string, ExecutionPlan>> {
  const initial = new Map<string, ExecutionPlan>();
  for (const h of heads) initial.set(h.plan.projectId, h.plan);
  const later = heads.filter((h) => h.version > 1);
  if (later.length === 0) return initial;
  const cache = cacheOf(db).own;
  // SQLite gives the other columns of the row whose version is the minimum (its bare-column rule for min()).
  const firsts = await db
    .selectFrom('documents as d')
    .innerJoin('document_versions as v', 'v.document_id', 'd.id')
    .select(['v.document_id as id', sql<number>`min(v.version)`.as('version'), 'v.saved_at'])
    .where('d.kind', '=', 'executionPlan')
    .where('d.status', '=', 'confirmed')
    .where('d.version', '>', 1)
    .where('v.status', '=', 'confirmed')
    .groupBy('v.document_id')
    .execute();
  const firstById = new Map(firsts.map((f) => [f.id, ownKey(f.id, f.version, f.saved_at)]));
  let missing = firsts.filter((f) => !cache.has(ownKey(f.id, f.version, f.saved_at)));
  if (cache.size + missing.length > MAX_CACHED) {
    cache.clear();
    cacheOf(db).memo.tables.clear();
    missing = firsts;
  }
  for (let i = 0; i < missing.length; i += ROWIDS_PER_QUERY) {
    const chunk = missing.slice(i, i + ROWIDS_PER_QUERY);
    const found = await db
      .selectFrom('document_versions')
      .select(['document_id', 'version', 'saved_at', 'json'])
      .where(
        sql<boolean>`(document_id, version) in (values ${sql.join(chunk.map((f) => sql`(${f.id}, ${f.version})`))})`,
      )
      .execute();
    for (const row of found) {
      cache.set(ownKey(row.document_id, row.version, row.saved_at), JSON.parse(row.json) as unknown);
    }
  }
  for (const h of later) {
    const key = firstById.get(h.id);
    const plan = key === undefined ? undefined : (cache.get(key) as ExecutionPlan | undefined);
    if (plan !== undefined) initial.set(h.plan.projectId, plan);
  }
  return initial;
}

/** Totals of the cached documents, kept with them (keyed by object, so a document read anew is counted anew). */
function sharedTotals(db: Kysely<Database> | Transaction<Database>, term: Term): DocumentTotals {
  const { budgetYears, periods } = termKeys(term);
  const key = `${budgetYears.join(',')}|${periods.join(',')}`;
  const cache = cacheOf(db).totals;
  let totals = cache.get(key);
  if (!totals) {
    totals = reportTotals(budgetYears, periods);
    cache.set(key, totals);
  }
  return totals;
}

/** What a department wrote in a request, without the steps and lifecycle that the office records. */
const requestContent = (c: ChangeRequest): string => {
  const { decisionHistory: _history, lifecycle: _lifecycle, ...content } = c;
  return JSON.stringify(content);
};

/**
 * The change requests as the office holds them: the office's copy (made at its first step) with its steps, else the
 * department's latest. While the office has not decided a request, a version the department sent since (its
 * 변경안 or 사유 corrected, e.g. at the office's asking) is what the office reviews and decides on, with the
 * office's steps kept; once approved or rejected, the decided text stays.
 */
export async function currentChangeRequests(db: Kysely<Database>): Promise<ChangeRequest[]> {
  const decided = (await listDocuments(db, { kind: 'changeRequest' })).map((d) =>
    changeRequestSchema.parse(d.json),
  );
  const byId = new Map(decided.map((c) => [`${c.department}|${c.requestId}`, c]));
  const received = await storedAll<unknown>(db, latestAndFirst(await receivedOf(db, 'changeRequest')).latest);
  for (const c of received.map((r) => changeRequestSchema.parse(r))) {
    const key = `${c.department}|${c.requestId}`;
    const own = byId.get(key);
    if (own === undefined) {
      // Until the office records a step, the request stands as the department sent it, without any step a
      // department's file claims for the office or the panel (departmentStepsOnly).
      byId.set(key, departmentStepsOnly(c));
      continue;
    }
    const status = currentDecisionStatus(own);
    if (status === 'approved' || status === 'rejected') continue;
    if (requestContent(c) !== requestContent(own)) {
      byId.set(key, { ...c, lifecycle: own.lifecycle, decisionHistory: own.decisionHistory });
    }
  }
  return [...byId.values()];
}

/** Each project's 붙임5 row as first reported for the half-year (the red marking compares against it). */
function firstReportedRows(
  plans: Map<string, ExecutionPlan>,
  initialPlans: ReadonlyMap<string, ExecutionPlan>,
  catalog: Catalog,
  term: Term,
  first: { cards: ManagementCard[]; finance: FinanceRow[] },
  latest: { cards: ManagementCard[]; finance: FinanceRow[] },
  totals: DocumentTotals,
  periodId: string,
  memo: ReportMemo,
): { rows: FinanceTableRow[]; sameAsCurrent: Set<string> } {
  // The first document per project and department, as a scan of the list in order would find it.
  const byKey = <T extends { projectId: string; department: string }>(
    docs: T[],
  ): Map<string, Map<string, T>> => {
    const map = new Map<string, Map<string, T>>();
    for (const d of docs) {
      let byDepartment = map.get(d.projectId);
      if (byDepartment === undefined) {
        byDepartment = new Map();
        map.set(d.projectId, byDepartment);
      }
      if (!byDepartment.has(d.department)) byDepartment.set(d.department, d);
    }
    return map;
  };
  const cardsFirst = byKey(first.cards);
  const financeFirst = byKey(first.finance);
  const cardsLatest = byKey(latest.cards);
  const financeLatest = byKey(latest.finance);
  const keys = termKeys(term);
  const rows: FinanceTableRow[] = [];
  const sameAsCurrent = new Set<string>();
  const termKey = `${keys.budgetYears.join(',')}|${keys.periods.join(',')}`;
  const kept = memoTable(memo, `first|${periodId}`);
  for (const project of catalog.projects) {
    const plan = plans.get(project.id);
    if (!plan) continue;
    const departments = [project.leadDepartment, ...project.coDepartments];
    const cardByDepartment = cardsFirst.get(project.id);
    const financeByDepartment = financeFirst.get(project.id);
    const latestCard = cardsLatest.get(project.id);
    const latestFinance = financeLatest.get(project.id);
    const initialPlan = initialPlans.get(project.id);
    const deps: unknown[] = [termKey, plan, initialPlan];
    for (const d of departments) {
      deps.push(
        d,
        cardByDepartment?.get(d),
        financeByDepartment?.get(d),
        latestCard?.get(d),
        latestFinance?.get(d),
      );
    }
    const first = memoized(kept, project.id, deps, () => {
      // Nothing re-sent for the half-year (the usual case): the first report is the current one. The documents
      // are the same objects (each stored row is parsed once), so identity is the test.
      if (
        departments.some((d) => cardByDepartment?.has(d) === true || financeByDepartment?.has(d) === true) &&
        departments.every(
          (d) =>
            cardByDepartment?.get(d) === latestCard?.get(d) &&
            financeByDepartment?.get(d) === latestFinance?.get(d),
        )
      )
        return 'same' as const;
      const perDepartment = departments
        .map((department) => {
          const card = cardByDepartment?.get(department) ?? null;
          const secured = financeByDepartment?.get(department) ?? null;
          if (!card && !secured) return null;
          const coDepartment = department !== project.leadDepartment;
          return deriveFinanceRow({ plan, initialPlan, card, secured, ...keys, totals, coDepartment });
        })
        .filter((r): r is FinanceTableRow => r !== null);
      if (perDepartment.length === 0) return null;
      return perDepartment.length === 1 ? perDepartment[0]! : mergeShared(perDepartment);
    });
    if (first === 'same') sameAsCurrent.add(project.id);
    else if (first !== null) rows.push(first);
  }
  return { rows, sameAsCurrent };
}

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
                         WHERE k.department = b.department AND k.key_id = b.key_id) END AS key_status
             FROM bundles b
             WHERE b.type = 'pledge-submission' AND b.period = ? ORDER BY b.department, b.revision`,
        )
        .raw()
        .all(periodId) as [string, string, string, string, string, number, string, string | null][]
    ).map(([department, period, sha256, importedAt, createdAt, revision, status, keyStatus]) => ({
      department,
      period,
      sha256,
      imported_at: importedAt,
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
    receivedAt: b.imported_at,
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
  const lead = new Map(catalog.projects.map((p) => [p.id, p.leadDepartment]));
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

export function previousPeriodOf(term: Term, periodId: string): string | undefined {
  const ids = listPeriods(term).map((p) => p.id);
  const i = ids.indexOf(periodId);
  return i > 0 ? ids[i - 1] : undefined;
}

export async function buildReportInput(
  db: Kysely<Database>,
  catalog: Catalog,
  term: Term,
  periodId: string,
  options: ReportOptions,
  comparePeriodId?: string,
): Promise<ReportInput> {
  const heads = await confirmedPlanHeads(db);
  const plans = heads.map((h) => h.plan);
  const initialPlans = await initialPlansOf(db, heads);
  // Shared with the report and between reports: the first-reported rows and the tables need the same totals.
  const totals = sharedTotals(db, term);
  const cards = latestAndFirst(await receivedOf(db, 'managementCard', periodId));
  const finance = latestAndFirst(await receivedOf(db, 'financeRow', periodId));
  const previousPeriodId = comparePeriodId ?? previousPeriodOf(term, periodId);
  const previousCards = previousPeriodId
    ? await storedAll<ManagementCard>(
        db,
        latestAndFirst(await receivedOf(db, 'managementCard', previousPeriodId)).latest,
      )
    : [];
  // 붙임5's red marking reads the half-year just before (what was "기 작성"); compared with another half-year, it is
  // read on its own.
  const priorPeriodId = previousPeriodOf(term, periodId);
  const priorCards =
    priorPeriodId === undefined || priorPeriodId === previousPeriodId
      ? undefined
      : await storedAll<ManagementCard>(
          db,
          latestAndFirst(await receivedOf(db, 'managementCard', priorPeriodId)).latest,
        );
  const firstCards = await storedAll<ManagementCard>(db, cards.first);
  const firstFinance = await storedAll<FinanceRow>(db, finance.first);
  const latestCards = await storedAll<ManagementCard>(db, cards.latest);
  const latestFinance = await storedAll<FinanceRow>(db, finance.latest);
  const first = firstReportedRows(
    new Map(plans.map((p) => [p.projectId, p])),
    initialPlans,
    catalog,
    term,
    { cards: firstCards, finance: firstFinance },
    { cards: latestCards, finance: latestFinance },
    totals,
    periodId,
    cacheOf(db).memo,
  );
  return {
    catalog,
    term,
    periodId,
    plans,
    initialPlans,
    cards: latestCards,
    previousCards,
    ...(previousPeriodId ? { previousPeriodId } : {}),
    ...(priorCards ? { priorCards } : {}),
    financeRows: latestFinance,
    firstReported: first.rows,
    firstReportedSameAsCurrent: first.sameAsCurrent,
    submissions: await submissionsOf(db, periodId),
    changeRequests: await currentChangeRequests(db),
    options,
    totals,
    memo: cacheOf(db).memo,
  };
}
