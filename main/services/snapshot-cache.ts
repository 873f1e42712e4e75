import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely, Transaction } from 'kysely';
import type { DocumentTotals } from '../../domain/documents';
import { createReportMemo, type ReportMemo } from '../../domain/reports/report-memo';
import { connectionInsideTransaction, withRawConnection } from '../../db/create-db';
import type { Database, DocumentKind } from '../../db/schema';
import type { ReceivedRow } from './received-documents';

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
  /** Whole answers kept while what they were read from is unchanged (keptWhile), by name. */
  answers: Map<string, { key: readonly unknown[]; value: unknown }>;
}
export const MAX_CACHED = 50_000;
const caches = new WeakMap<object, ParsedCache>();
/** A read snapshot's transaction → its database handle, whose caches it uses (see inReadSnapshot). */
const cacheOwners = new WeakMap<object, object>();
export const cacheOf = (db: Kysely<Database> | Transaction<Database>): ParsedCache => {
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
      answers: new Map(),
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

/**
 * The answer kept under `name` if it was read with the same `key` (compared item by item with ===), else `read()`,
 * kept for the next call. The key must be read before the answer (write counts first, then the data): a write
 * committed in between then leaves a key that is already old, read again next time, never a new key on old data.
 * The answer is shared: callers must not change it.
 */
export async function keptWhile<T>(
  db: Kysely<Database> | Transaction<Database>,
  name: string,
  key: readonly unknown[],
  read: () => Promise<T>,
): Promise<T> {
  const answers = cacheOf(db).answers;
  const kept = answers.get(name);
  if (kept !== undefined && kept.key.length === key.length && kept.key.every((k, i) => k === key[i]))
    return kept.value as T;
  const value = await read();
  answers.set(name, { key, value });
  return value;
}

/** rowids per query: far below SQLite's parameter limit. */
export const ROWIDS_PER_QUERY = 500;

/**
 * Runs synchronous reads on the connection itself (prepared statements, rows as arrays): thousands of rows per
 * report cost a fraction of what they cost through the query builder. Inside a read snapshot the snapshot's
 * transaction already holds the connection; on a database handle the connection's lock is taken.
 */
export async function readRaw<T>(
  db: Kysely<Database> | Transaction<Database>,
  read: (sqlite: BetterSqlite3.Database) => T,
): Promise<T> {
  const root = cacheOwners.get(db);
  if (root !== undefined) return read(connectionInsideTransaction(root as Kysely<Database>));
  if (db.isTransaction) throw new Error('readRaw: a transaction other than a read snapshot (inReadSnapshot)');
  return withRawConnection(db, read);
}
