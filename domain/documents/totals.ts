import { AFTER_TERM, FUNDING_SOURCES, type FundingSource, type MoneyCell } from './common';

/**
 * Sums of the money grids, used live by the forms and by the derived 재정집행 현황. Amounts are added as integers
 * of 1/1000 백만원 (천원) so that 0.1 + 0.2 is 0.3, not 0.30000000000000004.
 */

/** A source × column grid as the forms hold it (cells may be blank). */
export type SourceGrid = Record<FundingSource, Readonly<Record<string, MoneyCell | undefined>>>;

/** 백만원 → integer 천원 units. Non-numbers and blanks count as 0 (the schema rejects them before they matter). */
export function toMilli(amount: MoneyCell | undefined): number {
  if (typeof amount !== 'number' || !Number.isFinite(amount)) return 0;
  return Math.round(amount * 1000);
}

export function fromMilli(milli: number): number {
  return milli / 1000;
}

/** Exact sum of amounts in 백만원. */
export function sumAmounts(values: Iterable<MoneyCell | undefined>): number {
  let milli = 0;
  for (const v of values) milli += toMilli(v);
  return fromMilli(milli);
}

/** Exact difference a − b in 백만원. */
export function subtractAmounts(a: number, b: number): number {
  return fromMilli(toMilli(a) - toMilli(b));
}

export function amountsEqual(a: MoneyCell | undefined, b: MoneyCell | undefined): boolean {
  return toMilli(a) === toMilli(b);
}

const periodsThroughCache = new WeakMap<readonly string[], Map<string, readonly string[]>>();

/**
 * The term's half-years up to and including `periodId` (those whose money can have been spent by then). The same
 * array for the same arguments, so the totals and sums below find what they work out per keys array (column
 * layout, each half-year's budget year) instead of working it out again for each card.
 */
export function periodsThrough(periods: readonly string[], periodId: string): readonly string[] {
  let byPeriod = periodsThroughCache.get(periods);
  if (byPeriod === undefined) {
    byPeriod = new Map();
    periodsThroughCache.set(periods, byPeriod);
  }
  let through = byPeriod.get(periodId);
  if (through === undefined) {
    through = periods.filter((p) => p <= periodId);
    byPeriod.set(periodId, through);
  }
  return through;
}

/** The year of a half-year id: "2019-H1" → "2019". */
export function yearOfPeriod(periodId: string): string {
  return periodId.slice(0, 4);
}

// ---------------------------------------------------------------------------------------------------------------
// 연차별 투자수요

export interface InvestmentRowTotals {
  /** 임기내 계: the term's budget years. */
  withinTerm: number;
  /** 임기후. */
  afterTerm: number;
  /** 계 = 임기내 계 + 임기후. */
  total: number;
}

export interface InvestmentTotals {
  /** Per source row. */
  bySource: Record<FundingSource, InvestmentRowTotals>;
  /** Per column: each budget year and 'afterTerm', summed over the sources. */
  byColumn: Record<string, number>;
  withinTerm: number;
  afterTerm: number;
  total: number;
}

/**
 * Totals of one investment grid. Only `budgetYears` (the term's years, e.g. '2018'…'2022') count towards 임기내;
 * keys outside the term are ignored here and reported by `validateDocument`.
 */
export function investmentGridTotals(grid: SourceGrid, budgetYears: readonly string[]): InvestmentTotals {
  return investmentTotalsOf([grid], budgetYears);
}

/**
 * Where each column key counts: `slots[i]` is the index of key i's first listing (a key listed twice shares that
 * column; its cells then count twice, as listed); `positions` lists every index of each key, and `columns` the same
 * as a list. Half-year keys ("2019-H1") are named properties: the executed totals walk the keys a row holds (most
 * rows are empty) and look each up in `positions`. Year keys ("2019") are array indices, which JSON.parse keeps
 * as sparse elements, and walking them makes a string of each index again: the investment totals look each
 * column's key up in the row instead (the keys are the term's years and 임기후, never a name Object.prototype
 * has). Computed once per keys array (the forms pass the same arrays on every render).
 */
interface ColumnLayout {
  slots: number[];
  positions: Map<string, number[]>;
  columns: { key: string; at: number[] }[];
}

const layouts = new WeakMap<readonly string[], ColumnLayout>();

function layoutOf(keys: readonly string[]): ColumnLayout {
  const slots = keys.map((key, i) => {
    const first = keys.indexOf(key);
    return first === -1 ? i : first;
  });
  const positions = new Map<string, number[]>();
  keys.forEach((key, i) => {
    const list = positions.get(key);
    if (list === undefined) positions.set(key, [i]);
    else list.push(i);
  });
  return { slots, positions, columns: [...positions].map(([key, at]) => ({ key, at })) };
}

function cachedLayout(cacheKey: readonly string[], keys: () => readonly string[]): ColumnLayout {
  let layout = layouts.get(cacheKey);
  if (layout === undefined) {
    layout = layoutOf(keys());
    layouts.set(cacheKey, layout);
  }
  return layout;
}

/** Project totals over several grids (all 단위사업 of a plan or card). */
export function investmentTotalsOf(
  grids: readonly SourceGrid[],
  budgetYears: readonly string[],
): InvestmentTotals {
  // Columns: the budget years, then 임기후 (index yearCount).
  const { slots, columns } = cachedLayout(budgetYears, () => [...budgetYears, AFTER_TERM]);
  const yearCount = budgetYears.length;
  const column = new Array<number>(yearCount + 1).fill(0);
  const bySource = {} as Record<FundingSource, InvestmentRowTotals>;
  let within = 0;
  let after = 0;
  for (const source of FUNDING_SOURCES) {
    let rowWithin = 0;
    let rowAfter = 0;
    for (const grid of grids) {
      const row = grid[source];
      // Keys outside the term are not looked at: validateDocument reports them.
      for (const { key, at } of columns) {
        const m = toMilli(row[key]);
        if (m === 0) continue;
        for (const p of at) {
          if (p < yearCount) rowWithin += m;
          else rowAfter += m;
          const slot = slots[p] as number;
          column[slot] = (column[slot] as number) + m;
        }
      }
    }
    within += rowWithin;
    after += rowAfter;
    bySource[source] = {
      withinTerm: fromMilli(rowWithin),
      afterTerm: fromMilli(rowAfter),
      total: fromMilli(rowWithin + rowAfter),
    };
  }
  const byColumn: Record<string, number> = {};
  for (let i = 0; i <= yearCount; i++) {
    if (slots[i] === i)
      byColumn[i < yearCount ? (budgetYears[i] as string) : AFTER_TERM] = fromMilli(column[i] ?? 0);
  }
  return {
    bySource,
    byColumn,
    withinTerm: fromMilli(within),
    afterTerm: fromMilli(after),
    total: fromMilli(within + after),
  };
}

/** Per-unit and project totals of the investment needs of a plan or card. */
export function investmentTotals(
  units: readonly { investmentNeeds: SourceGrid }[],
  budgetYears: readonly string[],
): { byUnit: InvestmentTotals[]; project: InvestmentTotals } {
  return {
    byUnit: units.map((u) => investmentGridTotals(u.investmentNeeds, budgetYears)),
    project: investmentTotalsOf(
      units.map((u) => u.investmentNeeds),
      budgetYears,
    ),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// 연차별 집행액

export interface ExecutedTotals {
  /** Per source row (the row's 계). */
  bySource: Record<FundingSource, number>;
  /** Per half-year column, summed over the sources. */
  byPeriod: Record<string, number>;
  /** Per year ("2019" = 2019-H1 + 2019-H2), summed over the sources. */
  byYear: Record<string, number>;
  total: number;
}

/** Totals of executed grids over the term's `periods`; keys outside them are ignored (validation reports them). */
export function executedTotalsOf(grids: readonly SourceGrid[], periods: readonly string[]): ExecutedTotals {
  const { slots, positions } = cachedLayout(periods, () => periods);
  const periodCount = periods.length;
  const byPeriodMilli = new Array<number>(periodCount).fill(0);
  const bySource = {} as Record<FundingSource, number>;
  let total = 0;
  for (const source of FUNDING_SOURCES) {
    let row = 0;
    for (const grid of grids) {
      const cells = grid[source];
      for (const key in cells) {
        const at = positions.get(key);
        if (at === undefined) continue; // outside the term: reported by validateDocument
        const m = toMilli(cells[key]);
        if (m === 0) continue;
        for (const p of at) {
          row += m;
          const slot = slots[p] as number;
          byPeriodMilli[slot] = (byPeriodMilli[slot] as number) + m;
        }
      }
    }
    bySource[source] = fromMilli(row);
    total += row;
  }
  const byYearMilli: Record<string, number> = {};
  for (let i = 0; i < periodCount; i++) {
    const year = yearOfPeriod(periods[i] as string);
    byYearMilli[year] = (byYearMilli[year] ?? 0) + (byPeriodMilli[slots[i] as number] as number);
  }
  const byPeriod: Record<string, number> = {};
  for (let i = 0; i < periodCount; i++) {
    if (slots[i] === i) byPeriod[periods[i] as string] = fromMilli(byPeriodMilli[i] ?? 0);
  }
  const byYear: Record<string, number> = {};
  for (const year in byYearMilli) byYear[year] = fromMilli(byYearMilli[year] as number);
  return { bySource, byPeriod, byYear, total: fromMilli(total) };
}

export function executedGridTotals(grid: SourceGrid, periods: readonly string[]): ExecutedTotals {
  return executedTotalsOf([grid], periods);
}

/** Per-unit and project totals of a card's executed amounts; `project.total` is the card header's 집행액. */
export function executedTotals(
  units: readonly { executed: SourceGrid }[],
  periods: readonly string[],
): { byUnit: ExecutedTotals[]; project: ExecutedTotals } {
  return {
    byUnit: units.map((u) => executedGridTotals(u.executed, periods)),
    project: executedTotalsOf(
      units.map((u) => u.executed),
      periods,
    ),
  };
}

/** Sum of the five sources of a secured-amounts record (확보총계). */
export function securedTotal(secured: Readonly<Record<FundingSource, MoneyCell | undefined>>): number {
  return sumAmounts(FUNDING_SOURCES.map((s) => secured[s]));
}

// ---------------------------------------------------------------------------------------------------------------
// Sums for the consolidated 붙임5 row and the comparison

/**
 * What the consolidated 붙임5 row and the half-year comparison need of a plan's or card's investment needs, and
 * no more. The office's report works these out for thousands of documents, so the years are an array of integer
 * 천원 in the order of the term's budget years rather than an object keyed by year (V8 stores keys such as
 * "2019" as array indices, and building such objects was most of the report's cost of totals). The budget years
 * and half-years passed are the term's, each listed once.
 */
export interface InvestmentSums {
  /** Per budget year, in the order of the `budgetYears` given, in 천원 (1/1000 백만원). */
  byYearMilli: readonly number[];
  /** 임기내 계, 임기후 and 계, in 백만원: the same figures as `investmentTotalsOf`. */
  withinTerm: number;
  afterTerm: number;
  total: number;
}

/** The same for a card's executed amounts. */
export interface ExecutedSums {
  /** Per budget year, in the order of the `budgetYears` given, in 천원; a half-year of another year counts in `total` only. */
  byYearMilli: readonly number[];
  /** Every counted half-year, in 백만원: `executedTotalsOf(...).total`. */
  total: number;
}

/** Σ of a plan's or card's 연차별 투자수요 over its 단위사업: per budget year, 임기내, 임기후, 계. */
export function investmentSumsOf(
  units: readonly { investmentNeeds: SourceGrid }[],
  budgetYears: readonly string[],
): InvestmentSums {
  const years = budgetYears.length;
  const byYearMilli = new Array<number>(years).fill(0);
  let within = 0;
  let after = 0;
  for (let u = 0; u < units.length; u++) {
    const grid = (units[u] as { investmentNeeds: SourceGrid }).investmentNeeds;
    for (let s = 0; s < FUNDING_SOURCES.length; s++) {
      const row = grid[FUNDING_SOURCES[s] as FundingSource];
      // Keys outside the term are not looked at: validateDocument reports them.
      for (let y = 0; y < years; y++) {
        const m = toMilli(row[budgetYears[y] as string]);
        if (m === 0) continue;
        byYearMilli[y] = (byYearMilli[y] as number) + m;
        within += m;
      }
      after += toMilli(row[AFTER_TERM]);
    }
  }
  return {
    byYearMilli,
    withinTerm: fromMilli(within),
    afterTerm: fromMilli(after),
    total: fromMilli(within + after),
  };
}

/**
 * Where each counted half-year goes: the index of its year in the budget years (-1: none); absent when the
 * half-year is not counted. Cached per (half-years, budget years) arrays, which the report passes thousands of
 * times (periodsThrough returns one array per half-year).
 */
const periodYearSlots = new WeakMap<readonly string[], WeakMap<readonly string[], Map<string, number>>>();

function periodYearSlotsOf(periods: readonly string[], budgetYears: readonly string[]): Map<string, number> {
  let byYears = periodYearSlots.get(periods);
  if (byYears === undefined) {
    byYears = new WeakMap();
    periodYearSlots.set(periods, byYears);
  }
  let slots = byYears.get(budgetYears);
  if (slots === undefined) {
    slots = new Map(periods.map((p) => [p, budgetYears.indexOf(yearOfPeriod(p))]));
    byYears.set(budgetYears, slots);
  }
  return slots;
}

/** Σ of a card's 연차별 집행액 over its 단위사업 and the half-years `periods` (those counted): per budget year and in all. */
export function executedSumsOf(
  units: readonly { executed: SourceGrid }[],
  periods: readonly string[],
  budgetYears: readonly string[],
): ExecutedSums {
  const slots = periodYearSlotsOf(periods, budgetYears);
  const byYearMilli = new Array<number>(budgetYears.length).fill(0);
  let total = 0;
  for (let u = 0; u < units.length; u++) {
    const grid = (units[u] as { executed: SourceGrid }).executed;
    for (let s = 0; s < FUNDING_SOURCES.length; s++) {
      const row = grid[FUNDING_SOURCES[s] as FundingSource];
      for (const key in row) {
        const slot = slots.get(key);
        if (slot === undefined) continue; // not counted, or outside the term: reported by validateDocument
        const m = toMilli(row[key]);
        if (m === 0) continue;
        total += m;
        if (slot >= 0) byYearMilli[slot] = (byYearMilli[slot] as number) + m;
      }
    }
  }
  return { byYearMilli, total: fromMilli(total) };
}

// ---------------------------------------------------------------------------------------------------------------
// Sums by source, for the checks that compare sources (validateDocument runs them on every unit of every card)

/**
 * Per funding source (in FUNDING_SOURCES order), a grid's sum in 천원 over the columns `keys` (the term's
 * budget years, with or without 임기후, or the half-years counted; each listed once). The same sums as the
 * `bySource` of investmentGridTotals and executedTotalsOf, without their per-column objects.
 */
export function sourceSumsMilli(grid: SourceGrid, keys: readonly string[]): number[] {
  const sums: number[] = [];
  for (const source of FUNDING_SOURCES) {
    const row = grid[source];
    let milli = 0;
    for (const key of keys) milli += toMilli(row[key]);
    sums.push(milli);
  }
  return sums;
}

const withAfterTermCache = new WeakMap<readonly string[], readonly string[]>();

/** The budget years and 임기후: an investment grid's columns (the same array for the same years). */
export function investmentColumns(budgetYears: readonly string[]): readonly string[] {
  let columns = withAfterTermCache.get(budgetYears);
  if (columns === undefined) {
    columns = [...budgetYears, AFTER_TERM];
    withAfterTermCache.set(budgetYears, columns);
  }
  return columns;
}
