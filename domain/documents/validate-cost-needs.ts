import { amountProblem, type TotalCost } from './common';
import { type SourceGrid, sourceSumsMilli, toMilli } from './totals';
import { type Collector, sum, type ValidationContext } from './validate-common';
import { formatAmount } from './validate-format';

// 총사업비 against the document's own 연차별 투자수요, on the plan (붙임3) and on the card (붙임4), whose header
// carries 총사업비 beside the grid it is to agree with.

/** 총사업비 (~'22.6) should equal the 임기내 계 of the investment needs; a 비예산 project should need none. */
export function checkCostAgainstNeeds(
  c: Collector,
  totalCost: TotalCost,
  units: readonly { investmentNeeds: SourceGrid }[],
  ctx: ValidationContext,
): void {
  const withinMilli = units.reduce(
    (acc, u) => acc + sum(sourceSumsMilli(u.investmentNeeds, ctx.budgetYears)),
    0,
  );
  if (
    totalCost?.kind === 'amount' &&
    amountProblem(totalCost.amount) === null &&
    toMilli(totalCost.amount) !== withinMilli
  ) {
    c.warn(
      'totalCost.amount',
      'totalCost.mismatch',
      `총사업비(${formatAmount(totalCost.amount)})가 연차별 투자수요 임기내 계(${formatAmount(withinMilli / 1000)})와 다릅니다`,
    );
  }
  if (totalCost?.kind === 'nonBudget' && withinMilli > 0) {
    c.warn(
      'totalCost',
      'totalCost.mismatch',
      `비예산 사업인데 연차별 투자수요가 ${formatAmount(withinMilli / 1000)} 입력되어 있습니다`,
    );
  }
}
