import { FINANCE_SOURCE_LABELS, FUNDING_SOURCES } from '../../../domain/documents';
import type { FinanceAmounts } from '../../../domain/reports/types';
import type { BudgetYearColumn } from '../../../domain/term/periods';
import { formatMoney } from './form-kit';

/**
 * 붙임5's two header rows and its amount cells, shared by the one derived row under a card or 재정집행 현황 form
 * (FinancePanel) and the department's whole table in 모아 인쇄.
 */

export function FinanceHead({ years, withName }: { years: readonly BudgetYearColumn[]; withName: boolean }) {
  return (
    <thead>
      <tr>
        <th rowSpan={2}>관리번호</th>
        {withName && <th rowSpan={2}>공약사업명</th>}
        <th rowSpan={2}>이행도</th>
        <th colSpan={2}>계획 총계</th>
        <th colSpan={1 + FUNDING_SOURCES.length}>확보내역</th>
        <th colSpan={1 + years.length}>임기내 계획</th>
        <th colSpan={1 + years.length}>임기내 집행</th>
        <th rowSpan={2}>비고</th>
      </tr>
      <tr>
        <th>초기계획</th>
        <th>현재계획</th>
        <th>확보총계</th>
        {FUNDING_SOURCES.map((s) => (
          <th key={s}>{FINANCE_SOURCE_LABELS[s]}</th>
        ))}
        <th>계</th>
        {years.map((y) => (
          <th key={`p${y.key}`}>{y.label}</th>
        ))}
        <th>계</th>
        {years.map((y) => (
          <th key={`e${y.key}`}>{y.label}</th>
        ))}
      </tr>
    </thead>
  );
}

/**
 * The amounts of a row or a total, from 초기계획 to the last year's 집행. `testIdPrefix` ("finance") names each cell
 * (finance-initial-total, finance-secured-city, finance-executed-2019, …) where the table has one row.
 */
export function FinanceAmountCells({
  amounts,
  years,
  testIdPrefix,
  changed,
}: {
  amounts: FinanceAmounts;
  years: readonly BudgetYearColumn[];
  testIdPrefix?: string;
  /**
   * Amounts changed since first reported, by their path in the report ("secured.city",
   * "termExecuted.byYear.2019"): printed red, as the office's 붙임5 shows them.
   */
  changed?: ReadonlySet<string>;
}) {
  const id = (name: string) => (testIdPrefix === undefined ? undefined : `${testIdPrefix}-${name}`);
  const num = (path: string) => (changed?.has(path) ? 'num changed' : 'num');
  return (
    <>
      <td className={num('plannedTotal.initial')} data-testid={id('initial-total')}>
        {formatMoney(amounts.plannedTotal.initial)}
      </td>
      <td className={num('plannedTotal.current')} data-testid={id('current-total')}>
        {formatMoney(amounts.plannedTotal.current)}
      </td>
      <td className={num('secured.total')} data-testid={id('secured-total')}>
        {formatMoney(amounts.secured.total)}
      </td>
      {FUNDING_SOURCES.map((s) => (
        <td key={s} className={num(`secured.${s}`)} data-testid={id(`secured-${s}`)}>
          {formatMoney(amounts.secured[s])}
        </td>
      ))}
      <td className={num('termPlan.total')} data-testid={id('term-plan-total')}>
        {formatMoney(amounts.termPlan.total)}
      </td>
      {years.map((y, i) => (
        <td
          key={`p${y.key}`}
          className={num(`termPlan.byYear.${y.key}`)}
          data-testid={id(`term-plan-${y.key}`)}
        >
          {formatMoney(amounts.termPlan.byYear[i] ?? 0)}
        </td>
      ))}
      <td className={num('termExecuted.total')} data-testid={id('executed-total')}>
        {formatMoney(amounts.termExecuted.total)}
      </td>
      {years.map((y, i) => (
        <td
          key={`e${y.key}`}
          className={num(`termExecuted.byYear.${y.key}`)}
          data-testid={id(`executed-${y.key}`)}
        >
          {formatMoney(amounts.termExecuted.byYear[i] ?? 0)}
        </td>
      ))}
    </>
  );
}
