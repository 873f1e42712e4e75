import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalogSchema, type Catalog } from '../domain/catalog/types';
import { termSchema, type Term } from '../domain/term/types';

/** The shipped catalog, read as a file (Playwright's loader does not take JSON module imports). */
export const catalog: Catalog = catalogSchema.parse(
  JSON.parse(
    readFileSync(join(import.meta.dirname, '..', 'domain', 'catalog', 'data', 'seoul-minseon7.json'), 'utf8'),
  ),
);

/** The shipped term (민선7기), read as a file like the catalog. */
export const term: Term = termSchema.parse(
  JSON.parse(
    readFileSync(
      join(import.meta.dirname, '..', 'domain', 'term', 'data', 'seoul-minseon7.term.json'),
      'utf8',
    ),
  ),
);
