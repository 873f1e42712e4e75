import type { Kysely } from 'kysely';
import type { Database } from './schema';

/**
 * The data generation: moved forward by every committed change to the tables the office's report reads (triggers
 * of migration 0008), by this process or any other. Equal generations mean the report's input is unchanged.
 */
export async function dataGeneration(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('data_generation').select('n').where('id', '=', 1).executeTakeFirst();
  if (row === undefined) throw new Error('data_generation 행이 없습니다 (마이그레이션 0008).');
  return row.n;
}
