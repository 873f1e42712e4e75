import { describe, expect, it } from 'vitest';
import { deriveFinanceRow, mergeShared, type FinanceRow } from '../documents';
import { buildOfficeReport } from './build-report';
import { createReportMemo } from './report-memo';
import { emptyInput, makeCard, makeFinanceRow, makePlan, project } from './test-fixtures';
import type { OfficeReport, ReportInput } from './types';

/**
 * 1-1-7 is led by 경제진흥본부 with 여성가족정책실 as co-department (붙임1). The lead reports 10 (백만원) executed in
 * 2019 on its card; the co-department 7.5 in 2019 on its own finance row. 임기내 계획: 100 in 2019 (시비).
 */

const LEAD = '경제진흥본부';
const CO = '여성가족정책실';

function coRow(executed: Record<string, number | null> | undefined): FinanceRow {
  const row = makeFinanceRow('1-1-7', CO, '2019-H1', { national: 40 }, '국비 매칭');
  if (executed !== undefined) row.executed = executed;
  return row;
}

/** `executed` null: a row without the field. */
function input(executed: Record<string, number | null> | null = { '2019': 7.5 }): ReportInput {
  const base = emptyInput('2019-H1');
  const plan = makePlan(project('1-1-7'), { units: [{ needs: [['city', '2019', 100]] }] });
  base.plans = [plan];
  base.cards = [makeCard(plan, '2019-H1', { status: 'onTrack', executed: [[['city', '2019-H1', 10]]] })];
  base.financeRows = [makeFinanceRow('1-1-7', LEAD, '2019-H1', { city: 100 }), coRow(executed ?? undefined)];
  // Lagging lists the project (threshold 90 %), so its 집행률 can be read.
  base.options = { ...base.options, executionRateThreshold: 0.9 };
  return base;
}

const rowOf = (report: OfficeReport) => {
  const row = report.finance.areas.flatMap((a) => a.rows).find((r) => r.projectId === '1-1-7');
  if (row === undefined) throw new Error('no 1-1-7 row');
  return row;
};
const areaOne = (report: OfficeReport) => report.finance.areas.find((a) => a.areaId === 1);

describe("붙임5 of a shared project: the co-department's 집행 from its finance row", () => {
  it('row, area subtotal and grand total hold lead 10 + co-department 7.5 = 17.5 in 2019', () => {
    const report = buildOfficeReport(input());
    const row = rowOf(report);
    expect(row.departments).toEqual([LEAD, CO]);
    expect(row.termExecuted).toEqual({ total: 17.5, byYear: [0, 17.5, 0, 0, 0] });
    expect(row.secured.total).toBe(140);
    expect(areaOne(report)?.subtotal.termExecuted).toEqual({ total: 17.5, byYear: [0, 17.5, 0, 0, 0] });
    expect(report.finance.grandTotal.termExecuted).toEqual({ total: 17.5, byYear: [0, 17.5, 0, 0, 0] });
  });

  it('집행률 in the lagging table uses the merged 집행: 17.5 of the 50 planned so far (half of 2019)', () => {
    const lagging = buildOfficeReport(input()).lagging.find((p) => p.projectId === '1-1-7');
    expect(lagging?.plannedSoFar).toBe(50);
    expect(lagging?.executed).toBe(17.5);
    expect(lagging?.executionRate).toBeCloseTo(0.35, 12);
  });

  it('a co-department row without `executed` (sent before the field existed) adds no 집행', () => {
    const report = buildOfficeReport(input(null));
    expect(rowOf(report).termExecuted.total).toBe(10);
    expect(rowOf(report).secured.total).toBe(140);
    expect(report.finance.grandTotal.termExecuted.total).toBe(10);
  });

  it("a co-department's card taken in by the office does not add on top of its row's 집행", () => {
    const withCard = input();
    const plan = withCard.plans[0]!;
    withCard.cards.push(
      makeCard(plan, '2019-H1', { department: CO, executed: [[['city', '2019-H1', 1000]]] }),
    );
    expect(rowOf(buildOfficeReport(withCard)).termExecuted.total).toBe(17.5);
  });

  it("a changed amount since first reported is marked, and a re-sent row changes the kept table's row", () => {
    const first = input();
    const keys = { budgetYears: ['2018', '2019', '2020', '2021', '2022'], periods: [] as string[] };
    keys.periods = ['2018-H2', '2019-H1', '2019-H2', '2020-H1', '2020-H2', '2021-H1', '2021-H2', '2022-H1'];
    const plan = first.plans[0]!;
    // The first report, as the office derives it from the lowest revisions (lead first).
    first.firstReported = [
      mergeShared([
        deriveFinanceRow({ plan, card: first.cards[0]!, secured: first.financeRows[0]!, ...keys }),
        deriveFinanceRow({ plan, card: null, secured: coRow({ '2019': 7.5 }), ...keys, coDepartment: true }),
      ]),
    ];
    const memo = createReportMemo();
    const before = buildOfficeReport({ ...first, memo });
    expect(rowOf(before).changedFields).toEqual([]);

    // The co-department re-sends its row with 9 in 2019: a new document, the rest unchanged.
    const resent: ReportInput = {
      ...first,
      financeRows: [first.financeRows[0]!, coRow({ '2019': 9 })],
      memo,
    };
    const after = buildOfficeReport(resent);
    expect(rowOf(after).termExecuted.total).toBe(19);
    expect(rowOf(after).changedFields).toEqual(['termExecuted.total', 'termExecuted.byYear.2019']);
    expect(after.finance.grandTotal.termExecuted.total).toBe(19);
    // The kept (memoized) tables equal tables built from nothing.
    expect(after.finance).toEqual(buildOfficeReport({ ...resent, memo: undefined }).finance);
  });
});

/**
 * 반기 비교 of 1-1-7 between 2019-H1 and 2019-H2. 2019-H1: the lead's card 10 (2019-H1), the co-department's row 7.5
 * in 2019. 2019-H2: the lead's card adds 20 (2019-H2) and raises 현재계획 to 150; the co-department's row says 12.5
 * in 2019. Each half-year's 붙임5 row is built by its own report.
 */
describe("반기 비교 of a shared project: each half-year's 집행 and 현재계획 as that half-year's 붙임5", () => {
  const plan = makePlan(project('1-1-7'), { units: [{ needs: [['city', '2019', 100]] }] });
  const leadH1 = makeCard(plan, '2019-H1', { executed: [[['city', '2019-H1', 10]]] });
  const leadH2 = makeCard(plan, '2019-H2', {
    executed: [
      [
        ['city', '2019-H1', 10],
        ['city', '2019-H2', 20],
      ],
    ],
    needs: [[['city', '2019', 150]]],
  });
  /** `executed` null: a row without the field. */
  const rowH1 = (executed: Record<string, number> | null = { '2019': 7.5 }): FinanceRow => {
    const row = makeFinanceRow('1-1-7', CO, '2019-H1', { national: 40 });
    if (executed !== null) row.executed = executed;
    return row;
  };
  const rowH2 = makeFinanceRow('1-1-7', CO, '2019-H2', { national: 60 });
  rowH2.executed = { '2019': 12.5 };

  const firstHalf = (coRows: FinanceRow[], coCards = [] as ReturnType<typeof makeCard>[]): ReportInput => ({
    ...emptyInput('2019-H1'),
    plans: [plan],
    cards: [leadH1, ...coCards],
    financeRows: [makeFinanceRow('1-1-7', LEAD, '2019-H1', { city: 100 }), ...coRows],
  });
  /** 2019-H2's report: the compared half-year's documents as the office's service passes them. */
  const secondHalf = (h1: ReportInput): ReportInput => ({
    ...emptyInput('2019-H2'),
    plans: [plan],
    cards: [leadH2],
    financeRows: [makeFinanceRow('1-1-7', LEAD, '2019-H2', { city: 120 }), rowH2],
    previousCards: h1.cards,
    priorFinanceRows: h1.financeRows,
    options: { executionRateThreshold: 0.3, today: '2020-01-20' },
  });
  const comparedOf = (report: OfficeReport) => {
    const p = report.comparison.projects.find((c) => c.projectId === '1-1-7');
    if (p === undefined) throw new Error('1-1-7 not compared');
    return p;
  };

  it("집행 before and after are the termExecuted totals of the two half-years' 붙임5 rows (co-department included)", () => {
    const h1 = firstHalf([rowH1()]);
    const before = rowOf(buildOfficeReport(h1));
    const report = buildOfficeReport(secondHalf(h1));
    const after = rowOf(report);
    expect(before.termExecuted.total).toBe(17.5);
    expect(after.termExecuted.total).toBe(42.5);
    expect(comparedOf(report)).toMatchObject({
      executedBefore: before.termExecuted.total,
      executedAfter: after.termExecuted.total,
      executedDelta: 25,
      // 현재계획: the lead card's, as 붙임5's.
      plannedBefore: before.plannedTotal.current,
      plannedAfter: after.plannedTotal.current,
    });
    expect([before.plannedTotal.current, after.plannedTotal.current]).toEqual([100, 150]);
    expect(comparedOf(report).changes).toEqual(['executed', 'plannedTotal']);
  });

  it("counts a co-department's documents of the compared half-year only as its 붙임5 does", () => {
    const coCard = makeCard(plan, '2019-H1', { department: CO, executed: [[['city', '2019-H1', 1000]]] });
    for (const h1 of [
      // A card on top of a row with 집행: the row's 집행 only.
      firstHalf([rowH1()], [coCard]),
      // A row sent before rows held 집행: the card the office took in.
      firstHalf([rowH1(null)], [coCard]),
      // Neither row nor card: the lead's only.
      firstHalf([]),
    ]) {
      const total = rowOf(buildOfficeReport(h1)).termExecuted.total;
      expect(comparedOf(buildOfficeReport(secondHalf(h1))).executedBefore).toBe(total);
    }
    expect(rowOf(buildOfficeReport(firstHalf([rowH1(null)], [coCard]))).termExecuted.total).toBe(1010);
  });

  it('a half-year compared with other than the one just before reads its finance rows from previousFinanceRows', () => {
    const h1 = firstHalf([rowH1()]);
    const leadH3 = makeCard(plan, '2020-H1', {
      executed: [
        [
          ['city', '2019-H1', 10],
          ['city', '2019-H2', 20],
        ],
      ],
    });
    const input: ReportInput = {
      ...secondHalf(h1),
      periodId: '2020-H1',
      cards: [leadH3],
      financeRows: [],
      previousPeriodId: '2019-H1',
      priorFinanceRows: [],
      previousFinanceRows: h1.financeRows,
      options: { executionRateThreshold: 0.3, today: '2020-07-20' },
    };
    const report = buildOfficeReport(input);
    expect(comparedOf(report)).toMatchObject({ executedBefore: 17.5, executedAfter: 30 });
    expect(rowOf(report).termExecuted.total).toBe(30);
  });

  it("kept parts follow a re-sent row of the compared half-year's co-department", () => {
    const memo = createReportMemo();
    const h1 = firstHalf([rowH1()]);
    expect(comparedOf(buildOfficeReport({ ...secondHalf(h1), memo })).executedBefore).toBe(17.5);
    const resent = firstHalf([rowH1({ '2019': 9 })]);
    const again = buildOfficeReport({ ...secondHalf(resent), memo });
    expect(comparedOf(again).executedBefore).toBe(19);
    expect(again.comparison).toEqual(buildOfficeReport(secondHalf(resent)).comparison);
  });
});
