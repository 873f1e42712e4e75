import {
  type DocumentTotals,
  type ExecutedSums,
  executedSumsOf,
  type InvestmentSums,
  investmentSumsOf,
  type ManagementCard,
  periodsThrough,
  type SourceGrid,
} from '../documents';

/**
 * Each plan's and card's totals computed once per report: the finance table, the comparison and the derived rows
 * all need them. Created by `buildContext` and dropped with it — the documents are not mutated while a report is
 * built, unlike the forms' live values, so identity is a safe key here and only here.
 */
export function reportTotals(budgetYears: readonly string[], periods: readonly string[]): DocumentTotals {
  const investment = new Map<object, InvestmentSums>();
  const executed = new Map<object, ExecutedSums>();
  return {
    budgetYears,
    investmentOf(doc: { unitProjects: readonly { investmentNeeds: SourceGrid }[] }): InvestmentSums {
      let totals = investment.get(doc);
      if (totals === undefined) {
        totals = investmentSumsOf(doc.unitProjects, budgetYears);
        investment.set(doc, totals);
      }
      return totals;
    },
    executedOf(card: ManagementCard): ExecutedSums {
      let totals = executed.get(card);
      if (totals === undefined) {
        totals = executedSumsOf(card.unitProjects, periodsThrough(periods, card.periodId), budgetYears);
        executed.set(card, totals);
      }
      return totals;
    },
  };
}
