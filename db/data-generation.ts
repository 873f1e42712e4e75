import type { Kysely, Transaction } from 'kysely';
import type { Database, DocumentKind } from './schema';

/**
 * The data generation: moved forward by every committed change to the tables the office's report reads (triggers
 * of migration 0008), by this process or any other. Equal generations mean the report's input is unchanged.
 */
export async function dataGeneration(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('data_generation').select('n').where('id', '=', 1).executeTakeFirst();
  if (row === undefined) throw new Error('data_generation 행이 없습니다 (마이그레이션 0008).');
  return row.n;
}

/** What write_counts counts (migration 0014): the office's documents per kind, and the reference data. */
export type WriteCountName = DocumentKind | 'reference';

/**
 * The counters of `names`, joined as one comparable key: equal keys mean none of those was written in between
 * (see migration 0014).
 */
export async function writeCounts(
  db: Kysely<Database> | Transaction<Database>,
  names: readonly WriteCountName[],
): Promise<string> {
  const rows = await db.selectFrom('write_counts').select(['name', 'n']).where('name', 'in', names).execute();
  if (rows.length !== names.length) throw new Error('write_counts 행이 없습니다 (마이그레이션 0014).');
  const byName = new Map(rows.map((r) => [r.name, r.n]));
  return names.map((name) => `${name}:${byName.get(name)}`).join('|');
}
