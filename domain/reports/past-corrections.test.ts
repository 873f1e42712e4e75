import { describe, expect, it } from 'vitest';
import { buildOfficeReport } from './build-report';
import { createReportMemo } from './report-memo';
import { emptyInput, makeCard, makePlan, project, type Cells } from './test-fixtures';
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
