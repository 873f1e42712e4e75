import { FUNDING_SOURCES } from '../documents';
import type { FinanceAmounts } from './types';

/**
 * A 붙임5 amount column, in the form's order: its path (the same path `changedFields` names, "secured.city",
 * "termExecuted.byYear.2019") and how to read it from a row, a subtotal or the total. The screen's table and the
 * workbook's sheet lay out the same columns.
 */
export interface FinanceColumn {
  path: string;
  get: (a: FinanceAmounts) => number;
}

/** The columns for the term's budget years ("2018" …): 계획 총계, 확보내역, 임기내 계획, 임기내 집행. */
export function financeColumns(budgetYears: readonly string[]): FinanceColumn[] {
  return [
    { path: 'plannedTotal.initial', get: (a) => a.plannedTotal.initial },
    { path: 'plannedTotal.current', get: (a) => a.plannedTotal.current },
    { path: 'secured.total', get: (a) => a.secured.total },
    ...FUNDING_SOURCES.map((s) => ({ path: `secured.${s}`, get: (a: FinanceAmounts) => a.secured[s] })),
    { path: 'termPlan.total', get: (a) => a.termPlan.total },
    ...budgetYears.map((y, i) => ({
      path: `termPlan.byYear.${y}`,
      get: (a: FinanceAmounts) => a.termPlan.byYear[i] ?? 0,
    })),
    { path: 'termExecuted.total', get: (a) => a.termExecuted.total },
    ...budgetYears.map((y, i) => ({
      path: `termExecuted.byYear.${y}`,
      get: (a: FinanceAmounts) => a.termExecuted.byYear[i] ?? 0,
    })),
  ];
}
