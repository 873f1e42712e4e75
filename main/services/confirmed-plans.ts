import { sql, type Kysely, type Transaction } from 'kysely';
import type { ExecutionPlan } from '../../domain/documents';
import type { Database } from '../../db/schema';
import { writeCounts } from '../../db/data-generation';
import { cacheOf, keptWhile, MAX_CACHED, ROWIDS_PER_QUERY } from './snapshot-cache';

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
export interface ConfirmedPlanHead {
  id: string;
  version: number;
  plan: ExecutionPlan;
}

const ownKey = (id: string, version: number, at: string): string => `${id}#${version}#${at}`;

/**
 * Kept while no plan document was written (write counts, migration 0014): an import or a 완료 decision reads the
 * list of the last report again without a query. The list is shared: callers must not change it.
 */
export async function confirmedPlanHeads(
  db: Kysely<Database> | Transaction<Database>,
): Promise<readonly ConfirmedPlanHead[]> {
  const key = [await writeCounts(db, ['executionPlan'])];
  return keptWhile(db, 'confirmedPlanHeads', key, () => readConfirmedPlanHeads(db));
}

async function readConfirmedPlanHeads(
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
export async function initialPlansOf(
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
