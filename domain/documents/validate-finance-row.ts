import { FUNDING_SOURCES, type MoneyCell } from './common';
import type { FinanceRow } from './finance-row';
import { fromMilli, toMilli } from './totals';
import { checkExecutedAgainstSecured } from './validate-card';
import {
  checkAmount,
  checkPeriodInTerm,
  Collector,
  largestCellPath,
  requireText,
  type ValidationContext,
  type ValidationResult,
} from './validate-common';
import { formatAmount, periodLabel } from './validate-format';

// ---------------------------------------------------------------------------------------------------------------
// 재정집행 현황 (the department's part)

export function validateFinanceRow(doc: FinanceRow, ctx: ValidationContext): ValidationResult {
  const c = new Collector();
  requireText(c, 'department', doc.department, '부서명을 입력하세요');
  checkPeriodInTerm(c, 'periodId', doc.periodId, ctx);
  for (const source of FUNDING_SOURCES) checkAmount(c, `secured.${source}`, doc.secured[source]);
  if (ctx.card) checkExecutedAgainstSecured(c, ctx.card, doc, ctx, (source) => `secured.${source}`);
  if (doc.executed !== undefined) checkRowExecuted(c, doc, doc.executed, ctx);
  if (ctx.previousFinanceRow) checkSecuredNotLower(c, doc, ctx.previousFinanceRow);
  return c.result();
}

const securedTotalMilli = (row: FinanceRow): number =>
  FUNDING_SOURCES.reduce((sum, s) => sum + toMilli(row.secured[s]), 0);

/**
 * 확보내역 is a 누계 and starts from the last half-year's figures: a 확보총계 below that half-year's is most likely a
 * slip, but can be a correction, so it is a warning naming the earlier figure. Only against an earlier half-year.
 */
function checkSecuredNotLower(c: Collector, doc: FinanceRow, previous: FinanceRow): void {
  if (previous.periodId >= doc.periodId) return;
  const before = securedTotalMilli(previous);
  const now = securedTotalMilli(doc);
  if (now >= before) return;
  // The source that fell most is where the form points.
  const fell = FUNDING_SOURCES.map((s) => ({
    s,
    drop: toMilli(previous.secured[s]) - toMilli(doc.secured[s]),
  })).sort((a, b) => b.drop - a.drop)[0];
  c.warn(
    `secured.${fell?.s ?? FUNDING_SOURCES[0]}`,
    'secured.decreased',
    `확보 누계가 지난 반기(${periodLabel(previous.periodId)} ${formatAmount(fromMilli(before))})보다 적습니다. 고친 것이 맞는지 확인하세요`,
  );
}

/**
 * A co-department's own 임기내 집행 by year: amounts, years of the term up to the row's half-year, and (a warning)
 * more spent than its 확보총계. On the lead department's row the field counts for nothing, which is said.
 */
function checkRowExecuted(
  c: Collector,
  doc: FinanceRow,
  executed: Readonly<Record<string, MoneyCell | undefined>>,
  ctx: ValidationContext,
): void {
  const through = doc.periodId.slice(0, 4);
  for (const [year, value] of Object.entries(executed)) {
    const path = `executed.${year}`;
    checkAmount(c, path, value);
    if (!ctx.budgetYears.includes(year)) {
      c.error(
        path,
        'budgetYear.outOfTerm',
        `${year}년은 임기(${ctx.budgetYears.join(', ')}) 밖의 연도입니다`,
      );
    } else if (year > through && toMilli(value) !== 0) {
      c.error(
        path,
        'period.future',
        `${year}년 집행액은 이 재정집행 현황의 보고 반기(${periodLabel(doc.periodId)}) 이후라 입력할 수 없습니다`,
      );
    }
  }
  const years = ctx.budgetYears.filter((y) => y <= through);
  const spentMilli = years.reduce((sum, y) => sum + toMilli(executed[y]), 0);
  if (ctx.leadDepartment !== undefined && ctx.leadDepartment === doc.department) {
    if (Object.values(executed).some((v) => toMilli(v) !== 0)) {
      c.warn(
        'executed',
        'executed.ignored',
        `주관부서의 집행액은 관리카드의 연차별 집행액에서 가져옵니다. 여기 입력된 임기내 집행은 반영되지 않습니다`,
      );
    }
    return;
  }
  const securedMilli = FUNDING_SOURCES.reduce((sum, s) => sum + toMilli(doc.secured[s]), 0);
  if (spentMilli > securedMilli) {
    c.warn(
      largestCellPath('executed', executed, years),
      'executed.exceedsSecured',
      `임기내 집행 계(${formatAmount(fromMilli(spentMilli))})가 확보총계(${formatAmount(fromMilli(securedMilli))})보다 많습니다`,
    );
  }
}
