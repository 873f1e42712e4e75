import { type CardStatus, FUNDING_SOURCES, type FundingSource } from './common';
import type { ExecutionPlan } from './execution-plan';
import type { FinanceRow } from './finance-row';
import type { ManagementCard } from './management-card';
import {
  type ExecutedSums,
  executedSumsOf,
  fromMilli,
  type InvestmentSums,
  investmentSumsOf,
  periodsThrough,
  type SourceGrid,
  toMilli,
  yearOfPeriod,
} from './totals';

/**
 * 붙임5 재정집행 현황, derived: 초기계획 from the first confirmed plan's 연차별 투자수요, 현재계획 and 임기내 계획 from the
 * card's, 집행 from the card's executed half-years grouped by year (a co-department's from its finance row),
 * 확보내역 and 비고 from the department's finance row. All amounts in 백만원.
 *
 * `byYear` lists the amounts per budget year in the order of the term's budget years (`budgetYears` below, the
 * report's `finance.budgetYears`): index i is the year budgetYears[i]. An array, not an object keyed by year:
 * V8 keeps keys such as "2019" as sparse array indices (dictionary elements), and building thousands of those
 * objects was a large part of the consolidated table's cost.
 */

export interface FinanceTableRow {
  /** 관리번호. */
  projectId: string;
  /** 공약사업명. */
  projectName: string;
  /** Departments whose figures are in this row (several after `mergeShared`). */
  departments: string[];
  /** 이행도: the card's 추진상황 (null without a card). */
  status: CardStatus | null;
  /** 계획 총계 (임기내 + 임기후): 초기계획 (the plan) and 현재계획 (the card; equal when nothing changed). */
  plannedTotal: { initial: number; current: number };
  /** 확보내역: 확보총계 and per source. */
  secured: { total: number } & Record<FundingSource, number>;
  /** 임기내 계획 총계 (current plan): sum and per budget year (see `byYear` above). */
  termPlan: { total: number; byYear: number[] };
  /** 임기내 집행 총계: sum and per budget year. */
  termExecuted: { total: number; byYear: number[] };
  /** 비고. */
  note: string;
}

export interface DeriveFinanceInput {
  /** The 실천계획서 in force (현재계획 and 임기내 계획 while there is no card). */
  plan: ExecutionPlan;
  /**
   * The first confirmed version of the plan, whose 연차별 투자수요 is 초기계획 ("2018년 임기시작 시점 최초
   * 공약실천계획의 총계"): a plan confirmed again or changed by an approved request leaves it as it was. Default `plan`.
   */
  initialPlan?: ExecutionPlan | undefined;
  /** The department's card for the half-year (현재계획, 이행도, 집행); null before the first card. */
  card: ManagementCard | null;
  /** The department's typed 확보내역 and 비고; null if not yet entered (all zero). */
  secured: FinanceRow | null;
  /** The term's budget years ('2018'…'2022'). */
  budgetYears: readonly string[];
  /** The term's half-years ('2018-H2'…'2022-H1'); only these count as executed. */
  periods: readonly string[];
  /** Totals already computed for these documents over the same `budgetYears` and `periods` (the report's cache). */
  totals?: DocumentTotals | undefined;
  /**
   * The department is one of the project's co-departments (협조부서), not its lead: it writes no card, and its 집행
   * is its finance row's `executed`. A row written before that field existed falls back to the department's card
   * (one the office took in), so the two never add up.
   */
  coDepartment?: boolean | undefined;
}

/**
 * A document's sums: investment over the budget years, executed over the half-years up to the card's own, each
 * by budget year in the order of `budgetYears`.
 */
export interface DocumentTotals {
  /** The budget years the sums are arranged by. */
  readonly budgetYears: readonly string[];
  investmentOf(doc: { unitProjects: readonly { investmentNeeds: SourceGrid }[] }): InvestmentSums;
  executedOf(card: ManagementCard): ExecutedSums;
}

/** Sums computed on each call (no caching: the forms pass live values that change in place). */
export function directTotals(budgetYears: readonly string[], periods: readonly string[]): DocumentTotals {
  return {
    budgetYears,
    investmentOf: (doc) => investmentSumsOf(doc.unitProjects, budgetYears),
    // Only half-years up to the card's own period have happened; later cells cannot hold executed money.
    executedOf: (card) =>
      executedSumsOf(card.unitProjects, periodsThrough(periods, card.periodId), budgetYears),
  };
}

const sameYears = (a: readonly string[], b: readonly string[]): boolean =>
  a === b || (a.length === b.length && a.every((year, i) => year === b[i]));

const NO_EXECUTED: ExecutedSums = { byYearMilli: [], total: 0 };

/**
 * A co-department's 집행 as its finance row reports it, by budget year; years after the row's own half-year have
 * not happened and count nothing (as a card's later half-years do not).
 */
function rowExecutedSums(row: FinanceRow, budgetYears: readonly string[]): ExecutedSums {
  const through = yearOfPeriod(row.periodId);
  const byYearMilli = budgetYears.map((year) => (year <= through ? toMilli(row.executed?.[year]) : 0));
  return { byYearMilli, total: fromMilli(byYearMilli.reduce((a, b) => a + b, 0)) };
}

/** Where the department's 임기내 집행 comes from: the lead's card, or a co-department's own finance row. */
function departmentExecuted(input: DeriveFinanceInput, totals: DocumentTotals): ExecutedSums {
  const { card, secured } = input;
  if (input.coDepartment === true && secured !== null && secured.executed !== undefined)
    return rowExecutedSums(secured, input.budgetYears);
  return card === null ? NO_EXECUTED : totals.executedOf(card);
}

export function deriveFinanceRow(input: DeriveFinanceInput): FinanceTableRow {
  const { plan, card, secured, budgetYears, periods } = input;
  // Sums kept by the caller count only when arranged by the same years (they are positional).
  const kept = input.totals;
  const totals =
    kept !== undefined && sameYears(kept.budgetYears, budgetYears)
      ? kept
      : directTotals(budgetYears, periods);
  const inForce = totals.investmentOf(plan);
  const initial = input.initialPlan === undefined ? inForce : totals.investmentOf(input.initialPlan);
  const current = card === null ? inForce : totals.investmentOf(card);
  const executed = departmentExecuted(input, totals);
  const executedByYear: number[] = [];
  const termPlanByYear: number[] = [];
  let executedMilli = 0;
  for (let i = 0; i < budgetYears.length; i++) {
    const m = executed.byYearMilli[i] ?? 0;
    executedByYear.push(fromMilli(m));
    executedMilli += m;
    termPlanByYear.push(fromMilli(current.byYearMilli[i] ?? 0));
  }
  const securedAmounts = { total: 0 } as { total: number } & Record<FundingSource, number>;
  let securedMilli = 0;
  for (const s of FUNDING_SOURCES) {
    const m = toMilli(secured?.secured[s] ?? null);
    securedAmounts[s] = fromMilli(m);
    securedMilli += m;
  }
  securedAmounts.total = fromMilli(securedMilli);
  return {
    projectId: plan.projectId,
    projectName: plan.projectName,
    departments: [card?.department ?? secured?.department ?? plan.department],
    status: card?.status ?? null,
    plannedTotal: { initial: initial.total, current: current.total },
    secured: securedAmounts,
    termPlan: { total: current.withinTerm, byYear: termPlanByYear },
    termExecuted: { total: fromMilli(executedMilli), byYear: executedByYear },
    note: secured?.note ?? '',
  };
}

/** Per-year amounts added position by position (a shorter list counts 0 for the years it lacks). */
function addByYear(rows: readonly (readonly number[])[]): number[] {
  const milli: number[] = [];
  for (const row of rows) {
    for (let i = 0; i < row.length; i++) milli[i] = (milli[i] ?? 0) + toMilli(row[i]);
  }
  return milli.map(fromMilli);
}

/**
 * One row for a project shared by several departments: each department reports only its own 확보 and 집행, so
 * those are summed; the plan figures and 이행도 are the project's and are taken from the first row (put the lead
 * department first). 비고 are joined, each prefixed with its department.
 */
export function mergeShared(rows: readonly FinanceTableRow[]): FinanceTableRow {
  const first = rows[0];
  if (first === undefined) throw new Error('합칠 재정집행 현황 행이 없습니다.');
  const other = rows.find((r) => r.projectId !== first.projectId);
  if (other !== undefined) {
    throw new Error(`서로 다른 공약의 행은 합칠 수 없습니다 (${first.projectId}, ${other.projectId}).`);
  }
  let securedMilli = 0;
  let executedMilli = 0;
  const securedBySource = FUNDING_SOURCES.map(() => 0);
  const notes: string[] = [];
  const departments = new Set<string>();
  for (const r of rows) {
    securedMilli += toMilli(r.secured.total);
    executedMilli += toMilli(r.termExecuted.total);
    FUNDING_SOURCES.forEach((s, i) => {
      securedBySource[i] = (securedBySource[i] ?? 0) + toMilli(r.secured[s]);
    });
    for (const d of r.departments) departments.add(d);
    const note = r.note.trim();
    if (note !== '') notes.push(rows.length > 1 ? `[${r.departments.join(', ')}] ${note}` : note);
  }
  const secured = { total: fromMilli(securedMilli) } as FinanceTableRow['secured'];
  FUNDING_SOURCES.forEach((s, i) => {
    secured[s] = fromMilli(securedBySource[i] ?? 0);
  });
  return {
    projectId: first.projectId,
    projectName: first.projectName,
    departments: [...departments],
    status: first.status,
    plannedTotal: { ...first.plannedTotal },
    secured,
    termPlan: { total: first.termPlan.total, byYear: [...first.termPlan.byYear] },
    termExecuted: {
      total: fromMilli(executedMilli),
      byYear: addByYear(rows.map((r) => r.termExecuted.byYear)),
    },
    note: notes.join('\n'),
  };
}

/**
 * The path of a per-year amount: "termExecuted.byYear.2019" for index i of `budgetYears` ("2019"). Paths name the
 * year, not the index, so that they read the same wherever they are shown.
 */
const yearPath = (prefix: string, budgetYears: readonly string[], i: number): string =>
  `${prefix}.${budgetYears[i] ?? `#${i}`}`;

/** Every amount of a row with its dot path ("secured.national", "termExecuted.byYear.2019"). */
export function amountFields(row: FinanceTableRow, budgetYears: readonly string[]): Map<string, number> {
  const out = new Map<string, number>();
  out.set('plannedTotal.initial', row.plannedTotal.initial);
  out.set('plannedTotal.current', row.plannedTotal.current);
  out.set('secured.total', row.secured.total);
  for (const s of FUNDING_SOURCES) out.set(`secured.${s}`, row.secured[s]);
  out.set('termPlan.total', row.termPlan.total);
  row.termPlan.byYear.forEach((v, i) => out.set(yearPath('termPlan.byYear', budgetYears, i), v));
  out.set('termExecuted.total', row.termExecuted.total);
  row.termExecuted.byYear.forEach((v, i) => out.set(yearPath('termExecuted.byYear', budgetYears, i), v));
  return out;
}

/**
 * Paths of the amounts that differ from the row as first reported (붙임5: "기 작성사항을 수정할 경우 붉은색으로
 * 표시"), both rows arranged by `budgetYears`. A year one row lacks counts as 0 there. Same paths, in the same order,
 * as comparing `amountFields` of both rows (the row's paths, then those only the first report has), without
 * building them for every amount of every project.
 */
export function changedAmounts(
  previousRow: FinanceTableRow,
  row: FinanceTableRow,
  budgetYears: readonly string[],
): string[] {
  const out: string[] = [];
  const differs = (a: number | undefined, b: number | undefined) => toMilli(a ?? 0) !== toMilli(b ?? 0);
  if (differs(previousRow.plannedTotal.initial, row.plannedTotal.initial)) out.push('plannedTotal.initial');
  if (differs(previousRow.plannedTotal.current, row.plannedTotal.current)) out.push('plannedTotal.current');
  if (differs(previousRow.secured.total, row.secured.total)) out.push('secured.total');
  for (const s of FUNDING_SOURCES) {
    if (differs(previousRow.secured[s], row.secured[s])) out.push(`secured.${s}`);
  }
  if (differs(previousRow.termPlan.total, row.termPlan.total)) out.push('termPlan.total');
  const byYear = (before: readonly number[], after: readonly number[], prefix: string) => {
    for (let i = 0; i < after.length; i++) {
      if (differs(before[i], after[i])) out.push(yearPath(prefix, budgetYears, i));
    }
  };
  byYear(previousRow.termPlan.byYear, row.termPlan.byYear, 'termPlan.byYear');
  if (differs(previousRow.termExecuted.total, row.termExecuted.total)) out.push('termExecuted.total');
  byYear(previousRow.termExecuted.byYear, row.termExecuted.byYear, 'termExecuted.byYear');
  // Years only the first report has, in its order.
  const onlyBefore = (before: readonly number[], after: readonly number[], prefix: string) => {
    for (let i = after.length; i < before.length; i++) {
      if (differs(before[i], undefined)) out.push(yearPath(prefix, budgetYears, i));
    }
  };
  onlyBefore(previousRow.termPlan.byYear, row.termPlan.byYear, 'termPlan.byYear');
  onlyBefore(previousRow.termExecuted.byYear, row.termExecuted.byYear, 'termExecuted.byYear');
  return out;
}

/**
 * 붙임5's red marking across half-years: the lead's 집행 of the half-years before this card's, as this card states
 * them, against the card of the half-year just before (`prior`, what was "기 작성" when this card was written). A
 * department correcting a past half-year's executed amount (2019-H1's 100 reported as 80 in 2020-H1's card) marks
 * that year's 집행 and, when the sum moved, 집행 총계. The half-year the card reports is new, not a correction, and
 * is compared within its own half-year only (changedAmounts). Paths as changedAmounts names them.
 *
 * From the sums `totals` keeps: the prior card's own sums are its half-years before this one, and this card's are
 * its sums less its own half-year's cells.
 */
export function correctedPastExecuted(
  card: ManagementCard,
  prior: ManagementCard,
  totals: DocumentTotals,
): string[] {
  if (prior.periodId >= card.periodId) return [];
  const budgetYears = totals.budgetYears;
  const then = totals.executedOf(prior);
  const all = totals.executedOf(card);
  // This half-year's own cells, by source, as executedSumsOf reads them.
  let own = 0;
  for (const unit of card.unitProjects) {
    for (const source of FUNDING_SOURCES) own += toMilli(unit.executed[source][card.periodId]);
  }
  const ownYear = budgetYears.indexOf(yearOfPeriod(card.periodId));
  const out: string[] = [];
  for (let i = 0; i < budgetYears.length; i++) {
    const now = (all.byYearMilli[i] ?? 0) - (i === ownYear ? own : 0);
    if (now !== (then.byYearMilli[i] ?? 0)) out.push(yearPath('termExecuted.byYear', budgetYears, i));
  }
  if (toMilli(all.total) - own !== toMilli(then.total)) out.push('termExecuted.total');
  return out;
}

/**
 * The same for a co-department (협조부서), which writes no card: its finance row of this half-year against its row
 * of the half-year just before (`prior`), year by year. A row gives 집행 by year only, so the year of the row's own
 * half-year is not compared (2020-H2's 2020 holds 2020-H1's 집행 and the new half-year's, which cannot be told
 * apart); every earlier year was complete when `prior` was written. 집행 총계 is red when those years' sum moved.
 * Rows written before rows held 집행 (no `executed`) say nothing. Paths as changedAmounts names them.
 */
export function correctedPastRowExecuted(
  row: FinanceRow,
  prior: FinanceRow,
  budgetYears: readonly string[],
): string[] {
  if (prior.periodId >= row.periodId || row.executed === undefined || prior.executed === undefined) return [];
  const year = yearOfPeriod(row.periodId);
  const out: string[] = [];
  let now = 0;
  let then = 0;
  for (let i = 0; i < budgetYears.length; i++) {
    const key = budgetYears[i] as string;
    if (key >= year) continue;
    const a = toMilli(row.executed[key]);
    const b = toMilli(prior.executed[key]);
    now += a;
    then += b;
    if (a !== b) out.push(yearPath('termExecuted.byYear', budgetYears, i));
  }
  if (now !== then) out.push('termExecuted.total');
  return out;
}
