import type { ExecutionPlan, FinanceRow, FundingSource, ManagementCard } from '../../../domain/documents';
import { expectedFinance, type Grid, gridMilli, milli, sum, yearOf } from './office-oracle-finance';
import { AFTER_TERM, BUDGET_YEARS, HALF_YEARS, SOURCES } from './random-office';
import type { CoDecision, CoDeptOffice } from './random-office-codept';

/**
 * 붙임5's red marks (`changedFields`) of the shared project's row for a CoDeptOffice (random-office-codept.ts),
 * worked out here from the documents the test generated, the order they reached the office in and the office's
 * decisions on the co-department's card — never from the report code. The rules are README.md's ("What counts as
 * first reported", "Red amounts across half-years are 집행 only, against the half-year just before", and a
 * co-department's card "Not taken in (waiting or 반영 안 함), it counts nowhere: not in the 붙임5 row as first
 * reported either"):
 *
 * - Within the half-year: an amount of the row red when it differs from the same amount of the row built from each
 *   document's first version of the half-year (the lead's card, the lead's finance row, the co-department's finance
 *   row, and the co-department's card — the last only when the office's latest decision on it took it in, in the
 *   first report as in the current one). The row's plan figures (초기계획, 현재계획, 임기내 계획) are always the plan's
 *   and the lead card's; the co-department's card gives 집행 only, and only when its row gives none. A project that
 *   sent nothing that counts for the half-year has no first report and nothing red.
 * - Across half-years, 집행 only: the lead's latest card against its latest card of the half-year just before (past
 *   half-years, year by year, and 집행 총계 when their sum moved), the co-department's latest row against its row of
 *   the half-year just before (years before the half-year's own). A co-department's card is compared with nothing
 *   across half-years.
 *
 * While the co-department's card counts nowhere in the half-year, the documents that count are random-office.ts's
 * own, so the finance oracle (office-oracle-finance.ts) must say the same of the row: checked here (an "oracle:"
 * error when the two disagree).
 */

const needsMilli = (units: readonly { investmentNeeds: unknown }[], keep: (column: string) => boolean) =>
  sum(units.map((u) => gridMilli(u.investmentNeeds as Grid, keep)));
/** A card's 집행액 of the term's half-years that pass `keep`, in 천원. */
const cardExecuted = (card: ManagementCard, keep: (halfYear: string) => boolean): number =>
  sum(card.unitProjects.map((u) => gridMilli(u.executed as Grid, (h) => HALF_YEARS.includes(h) && keep(h))));

/** Every version of the shared project's documents of a half-year, in the order the office received them. */
export interface SharedVersions {
  leadCards: ManagementCard[];
  leadRows: FinanceRow[];
  coRows: FinanceRow[];
  coCards: ManagementCard[];
  /** The office's latest decision on the co-department's card of the half-year (undefined: waiting). */
  decision: CoDecision | undefined;
}

export function sharedVersions(office: CoDeptOffice, periodId: string): SharedVersions {
  const { shared, co } = office;
  const out: SharedVersions = { leadCards: [], leadRows: [], coRows: [], coCards: [], decision: undefined };
  for (const step of office.steps) {
    if (step.kind === 'sendCoCard' && step.card.periodId === periodId) out.coCards.push(step.card);
    if (step.kind === 'decideCoCard' && step.periodId === periodId) out.decision = step.decision;
    if (step.kind !== 'send' || step.period !== periodId) continue;
    for (const doc of step.save) {
      if (doc.projectId !== shared.id) continue;
      if (doc.kind === 'managementCard' && doc.department === shared.leadDepartment) out.leadCards.push(doc);
      if (doc.kind === 'financeRow' && doc.department === shared.leadDepartment) out.leadRows.push(doc);
      if (doc.kind === 'financeRow' && doc.department === co) out.coRows.push(doc);
    }
  }
  return out;
}

export interface ExpectedRed {
  /** The amount paths shown red, sorted. */
  changed: string[];
  hasFirstReport: boolean;
  /** Whether the co-department's card counts in the half-year (taken in); what is red then is this file's alone. */
  coCardCounted: boolean;
}

/** The shared project's red marks in the half-year's 붙임5; undefined without a confirmed plan (no row). */
export function expectedSharedRed(office: CoDeptOffice, periodId: string): ExpectedRed | undefined {
  const { shared } = office;
  const confirmed = office.steps.some((s) => s.kind === 'confirm' && s.projectId === shared.id);
  const plan = office.steps
    .flatMap((s) => (s.kind === 'send' && s.period === 'plan' ? s.save : []))
    .find((d): d is ExecutionPlan => d.kind === 'executionPlan' && d.projectId === shared.id);
  if (!confirmed || plan === undefined) return undefined;

  const now = sharedVersions(office, periodId);
  const coCardCounted = now.coCards.length > 0 && now.decision === 'accepted';
  const periodYear = yearOf(periodId);
  const pick = <T>(versions: readonly T[], which: 'first' | 'latest'): T | undefined =>
    which === 'first' ? versions[0] : versions.at(-1);

  const amounts = (which: 'first' | 'latest'): Map<string, number> => {
    const leadCard = pick(now.leadCards, which);
    const leadRow = pick(now.leadRows, which);
    const coRow = pick(now.coRows, which);
    const coCard = coCardCounted ? pick(now.coCards, which) : undefined;
    const current = (leadCard ?? plan).unitProjects;
    const termPlan = BUDGET_YEARS.map((y) => needsMilli(current, (c) => c === y));
    const termExecuted = BUDGET_YEARS.map((y) => {
      const lead =
        leadCard === undefined ? 0 : cardExecuted(leadCard, (h) => h <= periodId && yearOf(h) === y);
      let coPart = 0;
      if (coRow?.executed !== undefined) coPart = y <= periodYear ? milli(coRow.executed[y]) : 0;
      else if (coCard !== undefined) coPart = cardExecuted(coCard, (h) => h <= periodId && yearOf(h) === y);
      return lead + coPart;
    });
    const rows = [leadRow, coRow].filter((r): r is FinanceRow => r !== undefined);
    const secured = Object.fromEntries(
      SOURCES.map((s) => [s, sum(rows.map((r) => milli(r.secured[s])))]),
    ) as Record<FundingSource, number>;
    const all = (c: string) => c === AFTER_TERM || BUDGET_YEARS.includes(c);
    return new Map<string, number>([
      ['plannedTotal.initial', needsMilli(plan.unitProjects, all)],
      ['plannedTotal.current', needsMilli(current, all)],
      ['secured.total', sum(SOURCES.map((s) => secured[s]))],
      ...SOURCES.map((s): [string, number] => [`secured.${s}`, secured[s]]),
      ['termPlan.total', sum(termPlan)],
      ...BUDGET_YEARS.map((y, i): [string, number] => [`termPlan.byYear.${y}`, termPlan[i] ?? 0]),
      ['termExecuted.total', sum(termExecuted)],
      ...BUDGET_YEARS.map((y, i): [string, number] => [`termExecuted.byYear.${y}`, termExecuted[i] ?? 0]),
    ]);
  };

  const hasFirstReport =
    now.leadCards.length > 0 || now.leadRows.length > 0 || now.coRows.length > 0 || coCardCounted;
  const changed = new Set<string>();
  if (hasFirstReport) {
    const first = amounts('first');
    for (const [path, value] of amounts('latest')) if (first.get(path) !== value) changed.add(path);
  }

  // Across half-years: against the half-year just before, as the office holds it (each document's latest).
  const priorId = HALF_YEARS[HALF_YEARS.indexOf(periodId) - 1];
  const before = priorId === undefined ? undefined : sharedVersions(office, priorId);
  const leadNow = now.leadCards.at(-1);
  const leadThen = before?.leadCards.at(-1);
  if (leadNow !== undefined && leadThen !== undefined) {
    const past = (card: ManagementCard, year: string) =>
      cardExecuted(card, (h) => h < periodId && yearOf(h) === year);
    for (const y of BUDGET_YEARS)
      if (past(leadNow, y) !== past(leadThen, y)) changed.add(`termExecuted.byYear.${y}`);
    if (cardExecuted(leadNow, (h) => h < periodId) !== cardExecuted(leadThen, (h) => h < periodId))
      changed.add('termExecuted.total');
  }
  const coNow = now.coRows.at(-1)?.executed;
  const coThen = before?.coRows.at(-1)?.executed;
  if (coNow !== undefined && coThen !== undefined) {
    const years = BUDGET_YEARS.filter((y) => y < periodYear);
    for (const y of years) if (milli(coNow[y]) !== milli(coThen[y])) changed.add(`termExecuted.byYear.${y}`);
    if (sum(years.map((y) => milli(coNow[y]))) !== sum(years.map((y) => milli(coThen[y]))))
      changed.add('termExecuted.total');
  }
  const out: ExpectedRed = { changed: [...changed].sort(), hasFirstReport, coCardCounted };

  // Not taken in, the co-department's card counts nowhere: the finance oracle, which knows no such card, agrees.
  if (!coCardCounted) {
    const finance = expectedFinance({ ...office, steps: office.baseSteps }, periodId, 0).rows.get(shared.id);
    const theirs = finance && { changed: finance.changed, hasFirstReport: finance.hasFirstReport };
    const ours = { changed: out.changed, hasFirstReport: out.hasFirstReport };
    if (JSON.stringify(theirs) !== JSON.stringify(ours))
      throw new Error(
        `oracle: ${shared.id} ${periodId} red ${JSON.stringify(ours)}, the finance oracle ${JSON.stringify(theirs)}`,
      );
  }
  return out;
}
