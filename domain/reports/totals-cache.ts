import {
  type DocumentTotals,
  type ExecutedTotals,
  executedTotalsOf,
  type InvestmentTotals,
  investmentTotalsOf,
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
  const investment = new Map<object, InvestmentTotals>();
  const executed = new Map<object, ExecutedTotals>();
  return {
    investmentOf(doc: { unitProjects: readonly { investmentNeeds: SourceGrid }[] }): InvestmentTotals {
      let totals = investment.get(doc);
      if (totals === undefined) {
        totals = investmentTotalsOf(
          doc.unitProjects.map((u) => u.investmentNeeds),
          budgetYears,
        );
        investment.set(doc, totals);
      }
      return totals;
    },
    executedOf(card: ManagementCard): ExecutedTotals {
      let totals = executed.get(card);
      if (totals === undefined) {
        totals = executedTotalsOf(
          card.unitProjects.map((u) => u.executed),
          periodsThrough(periods, card.periodId),
        );
        executed.set(card, totals);
      }
      return totals;
    },
  };
}
