import { type CardStatus, FUNDING_SOURCES, type FundingSource } from './common';
import type { ExecutionPlan } from './execution-plan';
import type { FinanceRow } from './finance-row';
import type { ManagementCard } from './management-card';
import { executedTotalsOf, fromMilli, investmentTotalsOf, securedTotal, toMilli } from './totals';

/**
 * 붙임5 재정집행 현황, derived: 초기계획 from the confirmed plan's 연차별 투자수요, 현재계획 and 임기내 계획 from the
 * card's, 집행 from the card's executed half-years grouped by year, 확보내역 and 비고 from the department's
 * finance row. All amounts in 백만원.
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
  /** 임기내 계획 총계 (current plan): sum and per budget year. */
  termPlan: { total: number; byYear: Record<string, number> };
  /** 임기내 집행 총계: sum and per budget year. */
  termExecuted: { total: number; byYear: Record<string, number> };
  /** 비고. */
  note: string;
}

export interface DeriveFinanceInput {
  /** The confirmed 실천계획서 (초기계획). */
  plan: ExecutionPlan;
  /** The department's card for the half-year (현재계획, 이행도, 집행); null before the first card. */
  card: ManagementCard | null;
  /** The department's typed 확보내역 and 비고; null if not yet entered (all zero). */
  secured: FinanceRow | null;
  /** The term's budget years ('2018'…'2022'). */
  budgetYears: readonly string[];
  /** The term's half-years ('2018-H2'…'2022-H1'); only these count as executed. */
  periods: readonly string[];
}

export function deriveFinanceRow(input: DeriveFinanceInput): FinanceTableRow {
  const { plan, card, secured, budgetYears, periods } = input;
  const initial = investmentTotalsOf(
    plan.unitProjects.map((u) => u.investmentNeeds),
    budgetYears,
  );
  const current =
    card === null
      ? initial
      : investmentTotalsOf(
          card.unitProjects.map((u) => u.investmentNeeds),
          budgetYears,
        );
  // Only half-years up to the card's own period have happened; later cells cannot hold executed money.
  const reported = card === null ? [] : periods.filter((p) => p <= card.periodId);
  const executed = executedTotalsOf(card === null ? [] : card.unitProjects.map((u) => u.executed), reported);
  const executedByYear: Record<string, number> = {};
  let executedMilli = 0;
  for (const year of budgetYears) {
    const m = toMilli(executed.byYear[year] ?? 0);
    executedByYear[year] = fromMilli(m);
    executedMilli += m;
  }
  const securedBySource = Object.fromEntries(
    FUNDING_SOURCES.map((s) => [s, fromMilli(toMilli(secured?.secured[s] ?? null))]),
  ) as Record<FundingSource, number>;
  return {
    projectId: plan.projectId,
    projectName: plan.projectName,
    departments: [card?.department ?? secured?.department ?? plan.department],
    status: card?.status ?? null,
    plannedTotal: { initial: initial.total, current: current.total },
    secured: { total: secured === null ? 0 : securedTotal(secured.secured), ...securedBySource },
    termPlan: {
      total: current.withinTerm,
      byYear: Object.fromEntries(budgetYears.map((y) => [y, current.byColumn[y] ?? 0])),
    },
    termExecuted: { total: fromMilli(executedMilli), byYear: executedByYear },
    note: secured?.note ?? '',
  };
}

function addByYear(rows: readonly Record<string, number>[]): Record<string, number> {
  const milli: Record<string, number> = {};
  for (const row of rows) {
    for (const [year, amount] of Object.entries(row)) milli[year] = (milli[year] ?? 0) + toMilli(amount);
  }
  return Object.fromEntries(Object.entries(milli).map(([y, m]) => [y, fromMilli(m)]));
}

function addAmounts(values: readonly number[]): number {
  return fromMilli(values.reduce((acc, v) => acc + toMilli(v), 0));
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
  const secured = {
    total: addAmounts(rows.map((r) => r.secured.total)),
    ...(Object.fromEntries(
      FUNDING_SOURCES.map((s) => [s, addAmounts(rows.map((r) => r.secured[s]))]),
    ) as Record<FundingSource, number>),
  };
  const notes = rows
    .filter((r) => r.note.trim() !== '')
    .map((r) => (rows.length > 1 ? `[${r.departments.join(', ')}] ${r.note.trim()}` : r.note.trim()));
  return {
    projectId: first.projectId,
    projectName: first.projectName,
    departments: [...new Set(rows.flatMap((r) => r.departments))],
    status: first.status,
    plannedTotal: { ...first.plannedTotal },
    secured,
    termPlan: { total: first.termPlan.total, byYear: { ...first.termPlan.byYear } },
    termExecuted: {
      total: addAmounts(rows.map((r) => r.termExecuted.total)),
      byYear: addByYear(rows.map((r) => r.termExecuted.byYear)),
    },
    note: notes.join('\n'),
  };
}

/** Every amount of a row with its dot path ("secured.national", "termExecuted.byYear.2019"). */
export function amountFields(row: FinanceTableRow): Map<string, number> {
  const out = new Map<string, number>();
  out.set('plannedTotal.initial', row.plannedTotal.initial);
  out.set('plannedTotal.current', row.plannedTotal.current);
  out.set('secured.total', row.secured.total);
  for (const s of FUNDING_SOURCES) out.set(`secured.${s}`, row.secured[s]);
  out.set('termPlan.total', row.termPlan.total);
  for (const [y, v] of Object.entries(row.termPlan.byYear)) out.set(`termPlan.byYear.${y}`, v);
  out.set('termExecuted.total', row.termExecuted.total);
  for (const [y, v] of Object.entries(row.termExecuted.byYear)) out.set(`termExecuted.byYear.${y}`, v);
  return out;
}

/**
 * Paths of the amounts that differ from the row as first reported (붙임5: "기 작성사항을 수정할 경우 붉은색으로
 * 표시"). A year present on one side only counts as changed unless it is 0 on the other.
 */
export function changedAmounts(previousRow: FinanceTableRow, row: FinanceTableRow): string[] {
  const before = amountFields(previousRow);
  const after = amountFields(row);
  const paths = [...after.keys(), ...[...before.keys()].filter((k) => !after.has(k))];
  return paths.filter((path) => toMilli(before.get(path) ?? 0) !== toMilli(after.get(path) ?? 0));
}
