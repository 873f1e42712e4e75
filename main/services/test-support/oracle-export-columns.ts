import { expect } from 'vitest';
import type { FundingSource } from '../../../domain/documents';
import type { FinanceMilli, StatusKey } from './office-oracle';
import type { YearColumns } from './office-oracle-finance';
import { BUDGET_YEARS, SOURCES } from './random-office';

/**
 * What the exports oracle test reads the office's files by: the forms' words for statuses and funding sources, and
 * 붙임5's columns as amount paths ("termExecuted.byYear.2019") found from their headers — written here from the
 * forms (DOMAIN.md, 붙임5) rather than taken from the app's label tables or layout.
 */

export const STATUS_LABELS: Record<StatusKey, string> = {
  completed: '완료',
  continuing: '이행 후 계속 추진',
  onTrack: '정상추진',
  partial: '일부추진',
  onHold: '보류',
  dropped: '폐기',
  notSubmitted: '미제출',
};
export const STATUS_BY_LABEL = new Map(Object.entries(STATUS_LABELS).map(([k, v]) => [v, k as StatusKey]));
const SOURCE_BY_LABEL = new Map<string, FundingSource>([
  ['국비', 'national'],
  ['시·도비', 'city'],
  ['시군구비', 'district'],
  ['민간', 'private'],
  ['기타', 'other'],
]);

export const figuresZero = (): FinanceMilli => ({
  initial: 0,
  current: 0,
  secured: 0,
  termPlan: 0,
  termExecuted: 0,
});
export const columnsZero = (): YearColumns => ({
  termPlan: BUDGET_YEARS.map(() => 0),
  termExecuted: BUDGET_YEARS.map(() => 0),
  secured: Object.fromEntries(SOURCES.map((s) => [s, 0])) as YearColumns['secured'],
});

/**
 * A 붙임5 row's amounts by path, in 천원: the totals office-oracle.ts gives, and with office-oracle-finance.ts's
 * per-year and per-source columns (`columns`) every amount of the row.
 */
export function expectedAmounts(figures: FinanceMilli, columns?: YearColumns): Map<string, number> {
  const totals: [string, number][] = [
    ['plannedTotal.initial', figures.initial],
    ['plannedTotal.current', figures.current],
    ['secured.total', figures.secured],
    ['termPlan.total', figures.termPlan],
    ['termExecuted.total', figures.termExecuted],
  ];
  if (columns === undefined) return new Map(totals);
  return new Map<string, number>([
    ...totals,
    ...SOURCES.map((s): [string, number] => [`secured.${s}`, columns.secured[s]]),
    ...BUDGET_YEARS.map((y, i): [string, number] => [`termPlan.byYear.${y}`, columns.termPlan[i] ?? 0]),
    ...BUDGET_YEARS.map((y, i): [string, number] => [
      `termExecuted.byYear.${y}`,
      columns.termExecuted[i] ?? 0,
    ]),
  ]);
}
const ALL_PATHS = [...expectedAmounts(figuresZero(), columnsZero()).keys()].sort();

/**
 * The amount paths of 붙임5's columns, from their headers: [group, sub-header] in the workbook's two merged header
 * rows, or the CSV's flat "임기내 계획 '19" (csvHeaderAsGroup). The year columns follow the term's budget years in
 * order.
 */
export function amountPaths(headers: readonly (readonly [string, string])[]): Map<number, string> {
  const paths = new Map<number, string>();
  let planYear = 0;
  let executedYear = 0;
  headers.forEach(([group, sub], c) => {
    if (group === '계획 총계' && sub === '초기계획') paths.set(c, 'plannedTotal.initial');
    else if (group === '계획 총계' && sub === '현재계획') paths.set(c, 'plannedTotal.current');
    else if (group === '확보내역' && sub === '확보총계') paths.set(c, 'secured.total');
    else if (group === '확보내역') paths.set(c, `secured.${SOURCE_BY_LABEL.get(sub) ?? `? ${sub}`}`);
    else if (group === '임기내 계획 총계')
      paths.set(c, sub === '계획 합' ? 'termPlan.total' : `termPlan.byYear.${BUDGET_YEARS[planYear++]}`);
    else if (group === '임기내 집행 총계')
      paths.set(
        c,
        sub === '집행 총계' ? 'termExecuted.total' : `termExecuted.byYear.${BUDGET_YEARS[executedYear++]}`,
      );
  });
  expect([...paths.values()].sort(), '붙임5의 금액 열').toEqual(ALL_PATHS);
  return paths;
}

/** The finance CSV's flat headers as [group, sub-header], the workbook's words. */
export const csvHeaderAsGroup = (header: string): [string, string] => {
  if (header === '초기계획' || header === '현재계획') return ['계획 총계', header];
  if (header === '확보총계') return ['확보내역', header];
  if (header.startsWith('확보 ')) return ['확보내역', header.slice('확보 '.length)];
  if (header === '임기내 계획 계') return ['임기내 계획 총계', '계획 합'];
  if (header.startsWith('임기내 계획 ')) return ['임기내 계획 총계', header];
  if (header === '임기내 집행 계') return ['임기내 집행 총계', '집행 총계'];
  if (header.startsWith('임기내 집행 ')) return ['임기내 집행 총계', header];
  return ['', header];
};

/**
 * Each amount of a row against the oracle's (the paths `expected` has: every one, or the totals only); a 확보 cell
 * left empty (no 재정집행현황 received) only where it adds up to 0.
 */
export function compareAmounts(
  read: (column: number) => number | null,
  paths: ReadonlyMap<number, string>,
  expected: ReadonlyMap<string, number>,
  what: string,
): void {
  for (const [c, path] of paths) {
    if (!expected.has(path)) continue;
    const actual = read(c);
    if (actual === null && path.startsWith('secured.')) expect(expected.get(path), `${what} ${path}`).toBe(0);
    else expect(actual, `${what} ${path}`).toBe(expected.get(path));
  }
}
