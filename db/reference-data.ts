import type { Kysely } from 'kysely';
import type { Database } from './schema';

export interface ReferenceEntry {
  key: string;
  version: string;
  json: unknown;
  updatedAt: string;
}

export async function getReferenceData(
  db: Kysely<Database>,
  key: string,
): Promise<ReferenceEntry | undefined> {
  const row = await db.selectFrom('reference_data').selectAll().where('key', '=', key).executeTakeFirst();
  return (
    row && {
      key: row.key,
      version: row.version,
      json: JSON.parse(row.json) as unknown,
      updatedAt: row.updated_at,
    }
  );
}

export async function putReferenceData(
  db: Kysely<Database>,
  entry: { key: string; version: string; json: unknown },
  now: Date,
): Promise<void> {
  const values = {
    key: entry.key,
    version: entry.version,
    json: JSON.stringify(entry.json),
    updated_at: now.toISOString(),
  };
  await db
    .insertInto('reference_data')
    .values(values)
    .onConflict((oc) =>
      oc
        .column('key')
        .doUpdateSet({ version: values.version, json: values.json, updated_at: values.updated_at }),
    )
    .execute();
}

/** The stored JSON text of a reference entry, unparsed (undefined when there is none). */
export async function getReferenceText(db: Kysely<Database>, key: string): Promise<string | undefined> {
  const row = await db.selectFrom('reference_data').select('json').where('key', '=', key).executeTakeFirst();
  return row?.json;
}
