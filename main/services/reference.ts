import type { Kysely } from 'kysely';
import { seoulMinseon7Catalog } from '../../domain/catalog/load';
import { catalogSchema, type Catalog } from '../../domain/catalog/types';
import { seoulMinseon7Term } from '../../domain/term/load';
import { termSchema, type Term } from '../../domain/term/types';
import { getReferenceData, putReferenceData } from '../../db/reference-data';
import type { Database } from '../../db/schema';

/**
 * The catalog and the term are data: shipped for Seoul's 민선7기, stored in the database on first open, and
 * replaced later by the planning office's baseline packages. The stored copy is what the app uses.
 */
export async function ensureReferenceData(db: Kysely<Database>, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    if (!(await getReferenceData(trx, 'catalog'))) {
      await putReferenceData(
        trx,
        { key: 'catalog', version: seoulMinseon7Catalog.version, json: seoulMinseon7Catalog },
        now,
      );
    }
    if (!(await getReferenceData(trx, 'term'))) {
      await putReferenceData(
        trx,
        { key: 'term', version: seoulMinseon7Term.id, json: seoulMinseon7Term },
        now,
      );
    }
  });
}

export async function loadCatalog(db: Kysely<Database>): Promise<Catalog> {
  const entry = await getReferenceData(db, 'catalog');
  return catalogSchema.parse(entry?.json);
}

export async function loadTerm(db: Kysely<Database>): Promise<Term> {
  const entry = await getReferenceData(db, 'term');
  return termSchema.parse(entry?.json);
}
