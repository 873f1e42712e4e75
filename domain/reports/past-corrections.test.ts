import { describe, expect, it } from 'vitest';
import { buildOfficeReport } from './build-report';
import { createReportMemo } from './report-memo';
import { emptyInput, makeCard, makeFinanceRow, makePlan, project, type Cells } from './test-fixtures';
import type { OfficeReport, ReportInput } from './types';

/**
 * 붙임5 "기 작성사항을 수정할 경우 붉은색으로 표시" across half-years: 1-1-1's lead reports 2019-H1's 집행 in its 2019-H1
 * card, then in its 2019-H2 card (which carries 2019-H1 forward) either as it was or corrected.
 */

const plan = makePlan(project('1-1-1'), { units: [{ needs: [['city', '2019', 500]] }] });
const h1Card = makeCard(plan, '2019-H1', { executed: [[['city', '2019-H1', 100]]] });

/** The 2019-H2 report with a 2019-H2 card holding `executed`, the 2019-H1 card as the half-year before. */
function report(executed: Cells, extra: Partial<ReportInput> = {}): OfficeReport {
  const input = emptyInput('2019-H2');
  input.plans = [plan];
  input.cards = [makeCard(plan, '2019-H2', { executed: [executed] })];
  input.previousCards = [h1Card];
  return buildOfficeReport({ ...input, ...extra });
}

const changed = (r: OfficeReport): string[] => {
  const row = r.finance.areas.flatMap((a) => a.rows).find((x) => x.projectId === '1-1-1');
  if (row === undefined) throw new Error('no 1-1-1 row');
  return [...row.changedFields].sort();
};

describe('a past half-year’s 집행 corrected in a later card is red', () => {
  it('carried forward unchanged, with the new half-year added: nothing is red', () => {
    expect(
      changed(
        report([
          ['city', '2019-H1', 100],
          ['city', '2019-H2', 50],
        ]),
      ),
    ).toEqual([]);
  });

  it('2019-H1 reported as 80 after 100: the 2019 집행 and 집행 총계 are red', () => {
    expect(
      changed(
        report([
          ['city', '2019-H1', 80],
          ['city', '2019-H2', 50],
        ]),
      ),
    ).toEqual(['termExecuted.byYear.2019', 'termExecuted.total']);
  });

  it('moved to another source with the same sum: still nothing red (붙임5 shows sums by year)', () => {
    expect(
      changed(
        report([
          ['national', '2019-H1', 30],
          ['city', '2019-H1', 70],
        ]),
      ),
    ).toEqual([]);
  });

  it('compared with another half-year, the half-year just before still decides (priorCards)', () => {
    const input: Partial<ReportInput> = {
      previousCards: [makeCard(plan, '2018-H2', {})],
      previousPeriodId: '2018-H2',
      priorCards: [h1Card],
    };
    expect(changed(report([['city', '2019-H1', 80]], input))).toEqual([
      'termExecuted.byYear.2019',
      'termExecuted.total',
    ]);
    // Without the half-year before, nothing can be said to have been corrected.
    expect(changed(report([['city', '2019-H1', 80]], { ...input, priorCards: [] }))).toEqual([]);
  });

  it('a kept report marks the correction too, and drops it once the card is sent again as before', () => {
    const memo = createReportMemo();
    expect(changed(report([['city', '2019-H1', 80]], { memo }))).toEqual([
      'termExecuted.byYear.2019',
      'termExecuted.total',
    ]);
    expect(changed(report([['city', '2019-H1', 100]], { memo }))).toEqual([]);
  });
});

/**
 * The same for a co-department, which writes no card: 1-1-7 is led by 경제진흥본부 with 여성가족정책실 as co-department
 * (붙임1). The co-department's 2019-H2 finance row says 2019's 집행 was 30; its 2020-H1 row states 2019 again and
 * adds 2020.
 */
describe('a past year’s 집행 a co-department corrected in a later finance row is red', () => {
  const LEAD = '경제진흥본부';
  const CO = '여성가족정책실';
  const sharedPlan = makePlan(project('1-1-7'), { units: [{ needs: [['city', '2019', 100]] }] });
  const coRow = (periodId: string, executed: Record<string, number> | undefined) => {
    const row = makeFinanceRow('1-1-7', CO, periodId, { national: 40 });
    if (executed !== undefined) row.executed = executed;
    return row;
  };
  const before = coRow('2019-H2', { '2019': 30 });

  /** The `periodId` report with the co-department's row `executed`, and `prior` as the half-year before's rows. */
  function sharedReport(
    periodId: string,
    executed: Record<string, number> | undefined,
    prior: ReportInput['priorFinanceRows'] = [before],
    memo?: ReportInput['memo'],
  ): string[] {
    const input = emptyInput(periodId);
    input.plans = [sharedPlan];
    input.cards = [makeCard(sharedPlan, periodId, { executed: [[['city', '2019-H1', 10]]] })];
    input.financeRows = [makeFinanceRow('1-1-7', LEAD, periodId, { city: 100 }), coRow(periodId, executed)];
    input.priorFinanceRows = prior;
    if (memo !== undefined) input.memo = memo;
    const row = buildOfficeReport(input)
      .finance.areas.flatMap((a) => a.rows)
      .find((x) => x.projectId === '1-1-7');
    if (row === undefined) throw new Error('no 1-1-7 row');
    return [...row.changedFields].sort();
  }

  it('2019 stated again as before, 2020 added: nothing is red', () => {
    expect(sharedReport('2020-H1', { '2019': 30, '2020': 12 })).toEqual([]);
  });

  it('2019 stated as 25 after 30: the 2019 집행 and 집행 총계 are red', () => {
    expect(sharedReport('2020-H1', { '2019': 25, '2020': 12 })).toEqual([
      'termExecuted.byYear.2019',
      'termExecuted.total',
    ]);
  });

  it('a year moved to another year with the same sum: that year is red, the total is not', () => {
    expect(sharedReport('2020-H1', { '2018': 5, '2019': 25 })).toEqual([
      'termExecuted.byYear.2018',
      'termExecuted.byYear.2019',
    ]);
  });

  it('the row’s own year grows with the new half-year: not a correction (2019-H2 after 2019-H1)', () => {
    const h1 = coRow('2019-H1', { '2019': 10 });
    expect(sharedReport('2019-H2', { '2019': 30 }, [h1])).toEqual([]);
  });

  it('without the half-year before, a row without 집행, or the lead’s own row: nothing to compare', () => {
    expect(sharedReport('2020-H1', { '2019': 25 }, [])).toEqual([]);
    expect(sharedReport('2020-H1', undefined)).toEqual([]);
    // The lead's past 집행 is its card's; a lead's finance row of the half-year before is not read.
    const leadBefore = makeFinanceRow('1-1-7', LEAD, '2019-H2', {});
    leadBefore.executed = { '2019': 999 };
    expect(sharedReport('2020-H1', { '2019': 30 }, [leadBefore, before])).toEqual([]);
    // A row of another half-year than the one just before is not the one to compare with.
    expect(sharedReport('2020-H1', { '2019': 25 }, [coRow('2019-H1', { '2019': 30 })])).toEqual([]);
  });

  it('a kept report marks the correction too, and drops it once the row is sent again as before', () => {
    const memo = createReportMemo();
    expect(sharedReport('2020-H1', { '2019': 25 }, [before], memo)).toEqual([
      'termExecuted.byYear.2019',
      'termExecuted.total',
    ]);
    expect(sharedReport('2020-H1', { '2019': 30 }, [before], memo)).toEqual([]);
    // The half-year before's row re-sent with 25 as well: the new row agrees with it, nothing is red.
    expect(sharedReport('2020-H1', { '2019': 25 }, [coRow('2019-H2', { '2019': 25 })], memo)).toEqual([]);
  });
});
