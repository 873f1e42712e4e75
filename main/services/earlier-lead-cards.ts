import type { Kysely, Transaction } from 'kysely';
import { leadAt } from '../../domain/catalog/assignments';
import type { Catalog, CatalogProject } from '../../domain/catalog/types';
import type { ManagementCard } from '../../domain/documents';
import { listPeriods } from '../../domain/term/periods';
import type { Term } from '../../domain/term/types';
import type { Database } from '../../db/schema';
import { latestAndFirst, type ReceivedRow, receivedOf, storedAll } from './received-documents';

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
  const leadRows = async (halfYear: string) =>
    byDepartment(latestAndFirst(await receivedOf(db, 'managementCard', halfYear)).latest);
  const reports = (rows: Map<string, ReceivedRow>, halfYear: string) => (project: CatalogProject) =>
    rows.get(`${project.id}|${leadAt(project, halfYear)}`);
  const prior = ids[index - 1] as string;
  const inHalfYear = reports(await leadRows(periodId), periodId);
  const inPrior = reports(await leadRows(prior), prior);
  let missing = catalog.projects.filter((p) => !inHalfYear(p) && !inPrior(p));
  const found: ReceivedRow[] = [];
  for (const halfYear of ids.slice(0, index - 1).reverse()) {
    if (missing.length === 0) break;
    const cardOf = reports(await leadRows(halfYear), halfYear);
    missing = missing.filter((project) => {
      const row = cardOf(project);
      if (row !== undefined) found.push(row);
      return row === undefined;
    });
  }
  return found.length === 0 ? [] : storedAll<ManagementCard>(db, found);
}

/** Rows by "project|department", kept while receivedOf gives the same list (as latestAndFirst keeps its split). */
const indexes = new WeakMap<readonly ReceivedRow[], Map<string, ReceivedRow>>();
function byDepartment(rows: readonly ReceivedRow[]): Map<string, ReceivedRow> {
  let index = indexes.get(rows);
  if (index === undefined) {
    index = new Map(rows.map((r) => [`${r.project_id}|${r.department}`, r]));
    indexes.set(rows, index);
  }
  return index;
}
