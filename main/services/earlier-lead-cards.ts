import type { Kysely, Transaction } from 'kysely';
import type { Catalog } from '../../domain/catalog/types';
import type { ManagementCard } from '../../domain/documents';
import { listPeriods } from '../../domain/term/periods';
import type { Term } from '../../domain/term/types';
import type { Database } from '../../db/schema';
import { leadCardRowsOf, type ReceivedRow, receivedCards } from './received-documents';

/**
 * 시민참여 실적 as last reported (ReportInput.earlierCards): for each project whose lead sent no card of the
 * half-year nor of the one just before (each half-year's lead, as received), its lead's latest card of an earlier
 * half-year (the lead of that half-year), newest half-year first. Only those projects' cards are read: none while
 * every lead reported in the last two half-years.
 */
export async function earlierLeadCards(
  db: Kysely<Database> | Transaction<Database>,
  catalog: Catalog,
  term: Term,
  periodId: string,
): Promise<ManagementCard[]> {
  const ids = listPeriods(term).map((p) => p.id);
  const index = ids.indexOf(periodId);
  if (index < 2) return [];
  const all = new Set(catalog.projects.map((p) => p.id));
  const reported = async (halfYear: string) => leadCardRowsOf(db, catalog, halfYear, all);
  const [inHalfYear, inPrior] = [await reported(periodId), await reported(ids[index - 1] as string)];
  const missing = new Set([...all].filter((id) => !inHalfYear.has(id) && !inPrior.has(id)));
  const found: ReceivedRow[] = [];
  for (const halfYear of ids.slice(0, index - 1).reverse()) {
    if (missing.size === 0) break;
    for (const [projectId, rows] of await leadCardRowsOf(db, catalog, halfYear, missing)) {
      found.push(rows.at(-1) as ReceivedRow);
      missing.delete(projectId);
    }
  }
  return found.length === 0 ? [] : receivedCards(db, found);
}
