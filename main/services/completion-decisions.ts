import type { Kysely } from 'kysely';
import type { Catalog } from '../../domain/catalog/types';
import type { ManagementCard } from '../../domain/documents';
import { listPeriods } from '../../domain/term/periods';
import type { Term } from '../../domain/term/types';
import type { OfficeDecision } from '../../db/office-decisions';
import type { Database } from '../../db/schema';
import { leadCardsOf } from './office-snapshot';

/**
 * The office's decision on a project's 완료 as a half-year's card reports it. A decision is recorded for the
 * half-year it was asked in (subject `projectId:periodId`); a 완료 the office accepted stays accepted in later
 * half-years as long as the lead department's card of every half-year since still reports 완료 (a half-year
 * without a card does not interrupt it), so the office is not asked to decide it again every half-year. Once a
 * card in between reports anything else (일부추진, 정상추진, …), a later 완료 is a new request the office decides
 * anew. A rejection holds only for its own half-year: reporting 완료 again later is a new request.
 */
export interface CompletionDecision extends OfficeDecision {
  /** The half-year the decision was made for: the card's own, or an earlier one whose acceptance carries over. */
  decidedForPeriodId: string;
}

export type CompletionDecisionOf = (projectId: string, periodId: string) => CompletionDecision | undefined;

/** What the lead department's current card of a half-year reports, by `projectId:periodId` (absent: no card). */
export type ReportedStatuses = ReadonlyMap<string, ManagementCard['status']>;

/**
 * Looks decisions up by project and half-year, from the latest decision per subject (latestDecisions). `periods`
 * are the term's half-years in order; `reported` holds the statuses of the half-years an acceptance would be
 * carried across (completionDecisionsFor reads them).
 */
export function completionDecisions(
  latest: ReadonlyMap<string, OfficeDecision>,
  periods: readonly string[],
  reported: ReportedStatuses,
): CompletionDecisionOf {
  const byProject = new Map<string, OfficeDecision[]>();
  for (const d of latest.values()) {
    const list = byProject.get(d.projectId);
    if (list === undefined) byProject.set(d.projectId, [d]);
    else list.push(d);
  }
  return (projectId, periodId) => {
    const own = latest.get(`${projectId}:${periodId}`);
    if (own !== undefined) return { ...own, decidedForPeriodId: periodId };
    const earlier = latestEarlier(byProject.get(projectId), periodId);
    // Carried over only when it accepted the 완료 and no card since reported anything else.
    if (earlier?.decision !== 'accepted') return undefined;
    const interrupted = periodsBetween(periods, earlier.periodId, periodId).some((p) => {
      const status = reported.get(`${projectId}:${p}`);
      return status !== undefined && status !== 'completed';
    });
    return interrupted ? undefined : { ...earlier, decidedForPeriodId: earlier.periodId };
  };
}

/** The project's latest decided half-year before this one. */
function latestEarlier(decisions: readonly OfficeDecision[] | undefined, periodId: string) {
  let earlier: OfficeDecision | undefined;
  for (const d of decisions ?? []) {
    if (d.periodId < periodId && (earlier === undefined || d.periodId > earlier.periodId)) earlier = d;
  }
  return earlier;
}

/** The half-years strictly between two (period ids sort in time order). */
const periodsBetween = (periods: readonly string[], after: string, before: string): string[] =>
  periods.filter((p) => p > after && p < before);

/**
 * The decisions for a report: reads what the lead departments' cards reported in the half-years an accepted 완료
 * would be carried across, for the 완료 cards asked about (the report's half-year and the one compared with).
 */
export async function completionDecisionsFor(
  db: Kysely<Database>,
  catalog: Catalog,
  term: Term,
  latest: ReadonlyMap<string, OfficeDecision>,
  cards: readonly ManagementCard[],
): Promise<CompletionDecisionOf> {
  const periods = listPeriods(term).map((p) => p.id);
  const byProject = new Map<string, OfficeDecision[]>();
  for (const d of latest.values()) {
    const list = byProject.get(d.projectId);
    if (list === undefined) byProject.set(d.projectId, [d]);
    else list.push(d);
  }
  // Per half-year in between, the projects whose cards of it decide whether an acceptance carries over.
  const needed = new Map<string, Set<string>>();
  for (const card of cards) {
    if (card.status !== 'completed' || latest.has(`${card.projectId}:${card.periodId}`)) continue;
    const earlier = latestEarlier(byProject.get(card.projectId), card.periodId);
    if (earlier?.decision !== 'accepted') continue;
    for (const p of periodsBetween(periods, earlier.periodId, card.periodId)) {
      const projects = needed.get(p);
      if (projects === undefined) needed.set(p, new Set([card.projectId]));
      else projects.add(card.projectId);
    }
  }
  const reported = new Map<string, ManagementCard['status']>();
  for (const [periodId, projectIds] of needed) {
    for (const [projectId, { card }] of await leadCardsOf(db, catalog, periodId, projectIds)) {
      reported.set(`${projectId}:${periodId}`, card.status);
    }
  }
  return completionDecisions(latest, periods, reported);
}
