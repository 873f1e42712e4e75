import type { FinanceRow, ManagementCard } from '../../../domain/documents';
import { areaOf, expectedFigures, type ExpectedFigures, type FinanceMilli } from './office-oracle';
import { BUDGET_YEARS, catalog, HALF_YEARS, SOURCES } from './random-office';
import { CO_NOTES, type CoDecision, type CoDeptOffice } from './random-office-codept';

/**
 * What the report of a half-year must show for a CoDeptOffice (random-office-codept.ts), added up here from the
 * documents the test generated and the order it sent them in — never from the report code. The office's own
 * figures are office-oracle.ts's for the office's steps (the co-department's cards are nothing to them); on top:
 *
 * - 충돌: one co-department card conflict per half-year the co-department sent a card for, listed in that
 *   half-year's report only, with the office's latest decision on it (and its note) or none (waiting), and whether
 *   the lead's card of that half-year was received (its details say which). A decision holds for every later
 *   version of the card (it is made on the co-department's card of that half-year, not on one version).
 * - 추진상황 (status tables) follow the lead's card only: a co-department's card, taken in or not, 완료 or not, changes
 *   no count and asks the office nothing (no 완료 request of its department).
 * - 제출 현황: a co-department owes its finance row, not a card: its card marks nothing received, on time or late,
 *   for it or for the lead.
 * - 붙임5: a shared project's row sums each department's own 확보 and 집행; its plan figures (초기계획, 현재계획,
 *   임기내 계획) are the plan's and the lead's card's, never the co-department's card's. The co-department's 집행 is
 *   its finance row's `executed` (the years up to the half-year's); only when its row has no `executed` (a row
 *   written before rows held 집행) or did not arrive does the card the office took in stand in: its 집행액 of the
 *   half-years up to its own, grouped by year. The two never add up (docs/documents.md, finance-derive.ts's rule).
 */

export interface ExpectedConflict {
  kind: 'coDepartmentCard';
  projectId: string;
  periodId: string;
  department: string;
  resolution: CoDecision | null;
  resolutionNote: string | null;
  /** The lead's card of the half-year was received (the conflict's first detail says so). */
  leadSent: boolean;
  /**
   * Taking the card in adds its 집행 (its row gives none, or did not come); otherwise the conflict says it will not
   * be added (its second detail).
   */
  cardWouldAdd: boolean;
}

export interface ExpectedCoDept extends ExpectedFigures {
  conflicts: ExpectedConflict[];
  /**
   * The shared project's 임기내 집행 by budget year (BUDGET_YEARS order), in 천원, as its 붙임5 row gives it (and the
   * 반기 비교, which shows each half-year's, a plan confirmed or not).
   */
  sharedExecutedByYear: number[];
  /** The lead's card of the half-year was received (the 반기 비교 shows the project's 집행 only then). */
  leadCardReceived: boolean;
  /** The co-department's card counts in 붙임5 (taken in, and its row gives no 집행). */
  coCardCounts: boolean;
  /** Every project whose lead's card of the half-year was received (the 반기 비교 lists them). */
  withLeadCard: Set<string>;
}

const milli = (v: number | null | undefined): number => Math.round((v ?? 0) * 1000);

/** A card's 집행액 of the half-years up to its own (the term's), by budget year. */
function cardExecutedByYear(card: ManagementCard): number[] {
  return BUDGET_YEARS.map((year) =>
    card.unitProjects.reduce(
      (acc, u) =>
        acc +
        SOURCES.reduce(
          (a, s) =>
            a +
            Object.entries(u.executed[s])
              .filter(([half]) => HALF_YEARS.includes(half) && half <= card.periodId && half.startsWith(year))
              .reduce((x, [, v]) => x + milli(v), 0),
          0,
        ),
      0,
    ),
  );
}

/** A co-department's finance row's 집행, by budget year up to the row's half-year's year. */
const rowExecutedByYear = (row: FinanceRow): number[] =>
  BUDGET_YEARS.map((year) => (year <= row.periodId.slice(0, 4) ? milli(row.executed?.[year]) : 0));

const addInto = (into: number[], more: readonly number[]): void => {
  more.forEach((v, i) => (into[i] = (into[i] ?? 0) + v));
};

export function expectedCoDept(office: CoDeptOffice, periodId: string, dueDate: string): ExpectedCoDept {
  const { shared, co } = office;
  const lead = shared.leadDepartment;
  const base = expectedFigures({ ...office, steps: office.baseSteps }, periodId, dueDate);

  // Replaying every step: the latest version of each document of the half-year, and the office's decisions.
  let leadCard: ManagementCard | undefined;
  let coRow: FinanceRow | undefined;
  let coCard: ManagementCard | undefined;
  let decision: CoDecision | undefined;
  const withLeadCard = new Set<string>();
  const leadOf = (projectId: string) => catalog.projects.find((p) => p.id === projectId)?.leadDepartment;
  for (const step of office.steps) {
    if (step.kind === 'sendCoCard' && step.card.periodId === periodId) coCard = step.card;
    if (step.kind === 'decideCoCard' && step.periodId === periodId) decision = step.decision;
    if (step.kind !== 'send' || step.period !== periodId) continue;
    for (const doc of step.save) {
      if (doc.kind === 'managementCard' && doc.department === leadOf(doc.projectId))
        withLeadCard.add(doc.projectId);
      if (doc.projectId !== shared.id) continue;
      if (doc.kind === 'managementCard' && doc.department === lead) leadCard = doc;
      if (doc.kind === 'financeRow' && doc.department === co) coRow = doc;
    }
  }

  const conflicts: ExpectedConflict[] =
    coCard === undefined
      ? []
      : [
          {
            kind: 'coDepartmentCard',
            projectId: shared.id,
            periodId,
            department: co,
            resolution: decision ?? null,
            resolutionNote: decision === undefined ? null : CO_NOTES[decision],
            leadSent: leadCard !== undefined,
            cardWouldAdd: coRow?.executed === undefined,
          },
        ];

  // 붙임5: the co-department's card stands in for its 집행 only when taken in and its row gives none.
  const coCardCounts = coCard !== undefined && decision === 'accepted' && coRow?.executed === undefined;
  const financeRows = new Map(base.financeRows);
  const financeByArea = new Map(base.financeByArea);
  let financeTotal = base.financeTotal;
  // Each department's own 집행 of the shared project, by year, worked out here on its own.
  const sharedExecutedByYear = BUDGET_YEARS.map(() => 0);
  if (leadCard !== undefined) addInto(sharedExecutedByYear, cardExecutedByYear(leadCard));
  if (coRow?.executed !== undefined) addInto(sharedExecutedByYear, rowExecutedByYear(coRow));
  else if (coCardCounts && coCard !== undefined) addInto(sharedExecutedByYear, cardExecutedByYear(coCard));
  const row = base.financeRows.get(shared.id);
  if (row !== undefined) {
    const extra =
      coCardCounts && coCard !== undefined ? cardExecutedByYear(coCard).reduce((a, b) => a + b, 0) : 0;
    const plus = (f: FinanceMilli): FinanceMilli => ({ ...f, termExecuted: f.termExecuted + extra });
    financeRows.set(shared.id, plus(row));
    const areaId = areaOf(shared.id);
    const area = base.financeByArea.get(areaId);
    if (area !== undefined) financeByArea.set(areaId, plus(area));
    financeTotal = plus(financeTotal);
    // The oracle's two ways of adding agree: office-oracle.ts's total (and the card added) and the years here.
    const total = sharedExecutedByYear.reduce((a, b) => a + b, 0);
    if (total !== row.termExecuted + extra)
      throw new Error(`oracle: ${shared.id} 집행 ${total} by year, ${row.termExecuted + extra} in total`);
  }
  return {
    ...base,
    financeRows,
    financeByArea,
    financeTotal,
    conflicts,
    sharedExecutedByYear,
    leadCardReceived: leadCard !== undefined,
    coCardCounts,
    withLeadCard,
  };
}

/**
 * What the import of each co-department card's file says of it (README: "An import's 'late' and '충돌' are read
 * from the report right after it"): one 충돌 while the office has not decided the half-year's co-department card
 * (a decision holds for the card sent again, so it is not counted again), and never a document late — a
 * co-department owes no card, so its card is no item of 제출 현황, however late it came.
 */
export function expectedCoCardNotes(
  office: CoDeptOffice,
): { at: string; periodId: string; conflicts: number; late: number }[] {
  const decided = new Set<string>();
  const out: { at: string; periodId: string; conflicts: number; late: number }[] = [];
  for (const step of office.steps) {
    if (step.kind === 'decideCoCard') decided.add(step.periodId);
    if (step.kind === 'sendCoCard')
      out.push({
        at: step.at,
        periodId: step.card.periodId,
        conflicts: decided.has(step.card.periodId) ? 0 : 1,
        late: 0,
      });
  }
  return out;
}
