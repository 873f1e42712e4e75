import { FINANCE_SOURCE_LABELS, FUNDING_SOURCES, type FundingSource } from '../documents';

/**
 * The Korean name of a 붙임5 amount path ("secured.city", "termExecuted.byYear.2019"), as the columns of the
 * table and of finance.csv name it: what the office and the public read where a report lists changed amounts.
 */
export function financeFieldLabel(
  path: string,
  budgetYears: readonly { key: string; label: string }[],
): string {
  if (path === 'plannedTotal.initial') return '초기계획';
  if (path === 'plannedTotal.current') return '현재계획';
  if (path === 'secured.total') return '확보총계';
  if (path.startsWith('secured.')) {
    const source = path.slice('secured.'.length);
    if ((FUNDING_SOURCES as readonly string[]).includes(source))
      return `확보 ${FINANCE_SOURCE_LABELS[source as FundingSource]}`;
  }
  const part = /^(termPlan|termExecuted)\.(total|byYear\.(.+))$/.exec(path);
  if (part !== null) {
    const what = part[1] === 'termPlan' ? '임기내 계획' : '임기내 집행';
    if (part[2] === 'total') return `${what} 계`;
    const key = part[3] as string;
    return `${what} ${budgetYears.find((y) => y.key === key)?.label ?? key}`;
  }
  return path;
}
