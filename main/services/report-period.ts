import type { Kysely } from 'kysely';
import { currentReportingPeriod, listPeriods } from '../../domain/term/periods';
import type { Term } from '../../domain/term/types';
import { latestSubmittedPeriod } from '../../db/bundles';
import type { Database } from '../../db/schema';

/**
 * The half-year the office's report opens on: the latest one an accepted bundle reports on (what the office has
 * just received), else the one whose cards are due next on `todayISO`, else the term's last.
 */
export async function defaultReportPeriod(
  db: Kysely<Database>,
  term: Term,
  todayISO: string,
): Promise<string> {
  const periods = listPeriods(term);
  const submitted = await latestSubmittedPeriod(
    db,
    periods.map((p) => p.id),
  );
  if (submitted !== null) return submitted;
  const period = currentReportingPeriod(term, todayISO) ?? periods.at(-1);
  if (period === undefined) throw new Error(`임기(${term.name})에 반기가 없습니다.`);
  return period.id;
}
