import type { Kysely } from 'kysely';
import type { Catalog } from '../../domain/catalog/types';
import { asksCompletion, type ManagementCard } from '../../domain/documents';
import { listPeriods } from '../../domain/term/periods';
import type { Term } from '../../domain/term/types';
import type { OfficeDecision } from '../../db/office-decisions';
import type { Database } from '../../db/schema';
import { leadCardRowsOf, leadCardsOf, receivedCards, type ReceivedRow } from './received-documents';

/**
 * The office's decision on a project's 완료 as a half-year's card reports it. 이행 후 계속 추진 is asked and decided
 * the same way (asksCompletion): "reports 완료" below means either. A decision is recorded for the
 * half-year it was asked in (subject `projectId:periodId`), with the card it was made on (the bundle that carried
 * the lead department's card, and its revision).
 *
 * - Carried over: a 완료 the office accepted stays accepted in later half-years as long as the lead department's
 *   card of every half-year since still reports 완료 (a half-year without a card does not interrupt it), so the
 *   office is not asked to decide it again every half-year. Once a card in between reports anything else
 *   (일부추진, 정상추진, …), a later 완료 is a new request the office decides anew. A rejection holds only for its
 *   own half-year: reporting 완료 again later is a new request.
 * - Re-sent within the half-year: the department may send the half-year's card again in a later revision. A
 *   rejection holds only while the card is the one rejected (the same card, unchanged, may come again in a later
 *   bundle, e.g. one re-sent to correct another project): a later revision of the card that still requests 완료
 *   and differs from the rejected one in anything is the department's answer (증빙 보완) and waits for the office
 *   again. An acceptance holds for a later revision that still requests 완료 with the same 완료 근거 (summary and
 *   files): what the office accepted is unchanged, whatever else the card updates; a different 완료 근거 waits for
 *   the office again. A decision that no longer holds stays in the history and is shown with the request
 *   (supersededOf), as made on an earlier revision.
 * - Decisions recorded before the card was (migration 0012) are taken to have been made on the latest card
 *   received by the time of the decision; when none is found, they hold as before.
 */
export interface CompletionDecision extends OfficeDecision {
  /** The half-year the decision was made for: the card's own, or an earlier one whose acceptance carries over. */
  decidedForPeriodId: string;
}

export type CompletionDecisionOf = (projectId: string, periodId: string) => CompletionDecision | undefined;

export interface CompletionDecisions {
  /** The decision that holds for the half-year's card (undefined: the 완료 waits for the office). */
  decisionOf: CompletionDecisionOf;
  /**
   * The half-year's latest decision when it was made on an earlier revision of the card and no longer holds for
   * the current one (the request waits again); undefined otherwise.
   */
  supersededOf: (projectId: string, periodId: string) => OfficeDecision | undefined;
}

/** What the lead department's current card of a half-year reports, by `projectId:periodId` (absent: no card). */
export type ReportedStatuses = ReadonlyMap<string, ManagementCard['status']>;

/**
 * Looks decisions up by project and half-year, from the latest decision per subject (latestDecisions). `periods`
 * are the term's half-years in order; `reported` holds the statuses of the half-years an acceptance would be
 * carried across, and `holds` whether a decision still holds for its half-year's current card
 * (completionDecisionsFor reads both).
 */
export function completionDecisions(
  latest: ReadonlyMap<string, OfficeDecision>,
  periods: readonly string[],
  reported: ReportedStatuses,
  holds: (decision: OfficeDecision) => boolean,
): CompletionDecisions {
  const byProject = decisionsByProject(latest);
  const decisionOf: CompletionDecisionOf = (projectId, periodId) => {
    const own = latest.get(`${projectId}:${periodId}`);
    if (own !== undefined) return holds(own) ? { ...own, decidedForPeriodId: periodId } : undefined;
    const earlier = latestEarlier(byProject.get(projectId), periodId);
    // Carried over only when it accepted the 완료 (and still holds) and no card since reported anything else.
    if (earlier?.decision !== 'accepted' || !holds(earlier)) return undefined;
    const interrupted = periodsBetween(periods, earlier.periodId, periodId).some((p) => {
      const status = reported.get(`${projectId}:${p}`);
      return status !== undefined && !asksCompletion(status);
    });
    return interrupted ? undefined : { ...earlier, decidedForPeriodId: earlier.periodId };
  };
  const supersededOf = (projectId: string, periodId: string) => {
    const own = latest.get(`${projectId}:${periodId}`);
    return own !== undefined && !holds(own) ? own : undefined;
  };
  return { decisionOf, supersededOf };
}

function decisionsByProject(latest: ReadonlyMap<string, OfficeDecision>): Map<string, OfficeDecision[]> {
  const byProject = new Map<string, OfficeDecision[]>();
  for (const d of latest.values()) {
    const list = byProject.get(d.projectId);
    if (list === undefined) byProject.set(d.projectId, [d]);
    else list.push(d);
  }
  return byProject;
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

/** The 완료 request a card makes: its 완료 근거, summary and files. */
const completionRequestOf = (card: ManagementCard): string => JSON.stringify(card.completionEvidence);

/**
 * The card row a decision was made on, among the half-year's revisions of the lead department's card (lowest
 * first): the one recorded, or for a decision recorded without one, the latest received by the time of the
 * decision. null when it cannot be found.
 */
export function decidedRowOf(decision: OfficeDecision, rows: readonly ReceivedRow[]): ReceivedRow | null {
  if (decision.card !== null) {
    const sha = decision.card.bundleSha256;
    return rows.find((r) => r.bundle_sha256 === sha) ?? null;
  }
  const at = Date.parse(decision.decidedAt);
  return rows.filter((r) => Date.parse(r.received_at) <= at).at(-1) ?? null;
}

/**
 * Whether a decision holds for its half-year's current card (see CompletionDecision): the decided card and the
 * current one, when they differ. A decision whose recorded card no longer counts (a same-revision swap put another
 * bundle in its place) is made on a card the report no longer has: it waits for the office again.
 */
export function decisionHoldsFor(
  decision: OfficeDecision,
  decided: { row: ReceivedRow; card: ManagementCard } | null,
  current: { row: ReceivedRow; card: ManagementCard } | undefined,
): boolean {
  if (current === undefined) return true;
  if (decided === null) return decision.card === null;
  if (decided.row.bundle_sha256 === current.row.bundle_sha256) return true;
  if (current.row.revision <= decided.row.revision) return true;
  // A later revision that no longer requests 완료: nothing of the decision applies to it (nor carries over from it).
  if (!asksCompletion(current.card.status)) return false;
  return decision.decision === 'accepted'
    ? completionRequestOf(current.card) === completionRequestOf(decided.card)
    : JSON.stringify(current.card) === JSON.stringify(decided.card);
}

/**
 * The decisions for a report: reads the lead departments' cards the decisions concern — for the 완료 cards asked
 * about (the report's half-year and the one compared with), the cards their decisions were made on and the cards
 * of the half-years an accepted 완료 would be carried across.
 */
export async function completionDecisionsFor(
  db: Kysely<Database>,
  catalog: Catalog,
  term: Term,
  latest: ReadonlyMap<string, OfficeDecision>,
  cards: readonly ManagementCard[],
): Promise<CompletionDecisions> {
  const periods = listPeriods(term).map((p) => p.id);
  const byProject = decisionsByProject(latest);
  // Per half-year, the projects whose cards of it are read: to carry an acceptance across, or to check a decision.
  const between = new Map<string, Set<string>>();
  const relevant: OfficeDecision[] = [];
  const add = (map: Map<string, Set<string>>, periodId: string, projectId: string) => {
    const projects = map.get(periodId);
    if (projects === undefined) map.set(periodId, new Set([projectId]));
    else projects.add(projectId);
  };
  for (const card of cards) {
    if (!asksCompletion(card.status)) continue;
    const own = latest.get(`${card.projectId}:${card.periodId}`);
    if (own !== undefined) {
      relevant.push(own);
      continue;
    }
    const earlier = latestEarlier(byProject.get(card.projectId), card.periodId);
    if (earlier?.decision !== 'accepted') continue;
    relevant.push(earlier);
    for (const p of periodsBetween(periods, earlier.periodId, card.periodId)) add(between, p, card.projectId);
  }
  const reported = new Map<string, ManagementCard['status']>();
  for (const [periodId, projectIds] of between) {
    for (const [projectId, { card }] of await leadCardsOf(db, catalog, periodId, projectIds)) {
      reported.set(`${projectId}:${periodId}`, card.status);
    }
  }
  const decidedPeriods = new Map<string, Set<string>>();
  for (const d of relevant) add(decidedPeriods, d.periodId, d.projectId);
  const holding = new Map<number, boolean>();
  for (const [periodId, projectIds] of decidedPeriods) {
    const rowsByProject = await leadCardRowsOf(db, catalog, periodId, projectIds);
    for (const projectId of projectIds) {
      const d = latest.get(`${projectId}:${periodId}`);
      const rows = rowsByProject.get(projectId) ?? [];
      const currentRow = rows.at(-1);
      if (d === undefined || currentRow === undefined) continue;
      const decidedRow = decidedRowOf(d, rows);
      // Content is read only when the card changed since the decision.
      const changed = decidedRow !== null && decidedRow.bundle_sha256 !== currentRow.bundle_sha256;
      const [currentCard, decidedCard] = await receivedCards(
        db,
        changed ? [currentRow, decidedRow] : [currentRow],
      );
      const current = { row: currentRow, card: currentCard! };
      const decided =
        decidedRow === null ? null : { row: decidedRow, card: changed ? decidedCard! : current.card };
      holding.set(d.id, decisionHoldsFor(d, decided, current));
    }
  }
  return completionDecisions(latest, periods, reported, (d) => holding.get(d.id) ?? true);
}
