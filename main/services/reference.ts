import type { Kysely } from 'kysely';
import { seoulMinseon7Catalog } from '../../domain/catalog/load';
import { catalogSchema, type Catalog } from '../../domain/catalog/types';
import { seoulMinseon7Term } from '../../domain/term/load';
import { termSchema, type Term } from '../../domain/term/types';
import { writeCounts } from '../../db/data-generation';
import { getReferenceData, getReferenceText, putReferenceData } from '../../db/reference-data';
import type { Database } from '../../db/schema';
import { deepFreeze } from './deep-freeze';

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

interface KeptReference {
  /** The reference data's write count when read (migration 0014). */
  count: string;
  catalogText: string | undefined;
  termText: string | undefined;
  value: Readonly<{ catalog: Catalog; term: Term }>;
}
const keptReferences = new WeakMap<object, KeptReference>();

/**
 * The catalog and the term for a reader that keeps them (the office's report cache): parsed and checked again only
 * when their stored text changed since this keeper's last call (not even read while their write count stands),
 * else the same frozen objects (shared, hence frozen): a report after an import or a decision does not parse and
 * check the whole catalog again. Read from `db`, which may be a read snapshot of the keeper's database.
 */
export async function loadReferenceKept(
  db: Kysely<Database>,
  keeper: object,
): Promise<Readonly<{ catalog: Catalog; term: Term }>> {
  // Not even read again while nothing wrote the reference data (its count, read before the text).
  const count = await writeCounts(db, ['reference']);
  const kept = keptReferences.get(keeper);
  if (kept !== undefined && kept.count === count) return kept.value;
  const [catalogText, termText] = await Promise.all([
    getReferenceText(db, 'catalog'),
    getReferenceText(db, 'term'),
  ]);
  if (kept !== undefined && kept.catalogText === catalogText && kept.termText === termText) {
    kept.count = count;
    return kept.value;
  }
  const value = deepFreeze({
    catalog: catalogSchema.parse(catalogText === undefined ? undefined : JSON.parse(catalogText)),
    term: termSchema.parse(termText === undefined ? undefined : JSON.parse(termText)),
  });
  keptReferences.set(keeper, { count, catalogText, termText, value });
  return value;
}
