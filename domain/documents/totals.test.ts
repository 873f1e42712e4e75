import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptySourceGrid, FUNDING_SOURCES } from './common';
import { BUDGET_YEARS, exampleCard, examplePlan, PERIODS } from './test-fixtures';
import {
  executedSumsOf,
  executedTotals,
  executedTotalsOf,
  investmentGridTotals,
  investmentSumsOf,
  investmentTotals,
  investmentTotalsOf,
  periodsThrough,
  securedTotal,
  subtractAmounts,
  sumAmounts,
} from './totals';

describe('exact sums', () => {
  it('0.1 + 0.2 is 0.3 (no float drift)', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(sumAmounts([0.1, 0.2])).toBe(0.3);
    expect(sumAmounts([0.1, 0.2, null, undefined, 0.3])).toBe(0.6);
    expect(subtractAmounts(0.3, 0.1)).toBe(0.2);
    const grid = emptySourceGrid();
    grid.national['2019'] = 0.1;
    grid.city['2019'] = 0.2;
    expect(investmentGridTotals(grid, BUDGET_YEARS).byColumn['2019']).toBe(0.3);
  });

  it('grid totals equal an integer (천원) reference sum for any grid', () => {
    const milli = fc.integer({ min: 0, max: 10_000_000_000 });
    const keys = [...BUDGET_YEARS, 'afterTerm'];
    const gridArb = fc.array(
      fc.array(fc.option(milli, { nil: null }), { minLength: keys.length, maxLength: keys.length }),
      {
        minLength: FUNDING_SOURCES.length,
        maxLength: FUNDING_SOURCES.length,
      },
    );
    fc.assert(
      fc.property(gridArb, (cells) => {
        const grid = emptySourceGrid();
        FUNDING_SOURCES.forEach((s, si) => {
          keys.forEach((k, ki) => {
            const v = cells[si]![ki]!;
            grid[s][k] = v === null ? null : v / 1000;
          });
        });
        // Reference computed on the generated integers, never on the grid's floats.
        const ref = (pick: (si: number, ki: number) => boolean) =>
          cells.reduce(
            (acc, row, si) => acc + row.reduce<number>((a, v, ki) => a + (pick(si, ki) ? (v ?? 0) : 0), 0),
            0,
          ) / 1000;
        const t = investmentGridTotals(grid, BUDGET_YEARS);
        const afterIdx = keys.length - 1;
        expect(t.withinTerm).toBe(ref((_s, k) => k < afterIdx));
        expect(t.afterTerm).toBe(ref((_s, k) => k === afterIdx));
        expect(t.total).toBe(ref(() => true));
        keys.forEach((key, ki) => expect(t.byColumn[key]).toBe(ref((_s, k) => k === ki)));
        FUNDING_SOURCES.forEach((s, si) => {
          expect(t.bySource[s].withinTerm).toBe(ref((x, k) => x === si && k < afterIdx));
          expect(t.bySource[s].total).toBe(ref((x) => x === si));
        });
      }),
      { numRuns: 200 },
    );
  });

  it('keys outside the term years do not count towards 임기내 계', () => {
    const grid = emptySourceGrid();
    grid.city['2017'] = 100;
    grid.city['2018'] = 5;
    grid.city.afterTerm = 7;
    const t = investmentGridTotals(grid, BUDGET_YEARS);
    expect([t.withinTerm, t.afterTerm, t.total]).toEqual([5, 7, 12]);
  });
});

describe('the example documents (hand-computed)', () => {
  it('plan investment needs: per row, per column, 임기내 계, 임기후, 계', () => {
    const { byUnit, project } = investmentTotals(examplePlan().unitProjects, BUDGET_YEARS);
    // u1: 국비 500+500; 시비 1500+3000+3000+3000+1500, 임기후 3000
    expect(byUnit[0]!.bySource.national).toEqual({ withinTerm: 1000, afterTerm: 0, total: 1000 });
    expect(byUnit[0]!.bySource.city).toEqual({ withinTerm: 12000, afterTerm: 3000, total: 15000 });
    // u2: 시비 800.5+1200+1200+600 = 3800.5; 민간 300.25
    expect(byUnit[1]!.bySource.city.withinTerm).toBe(3800.5);
    expect(byUnit[1]!.bySource.private.withinTerm).toBe(300.25);
    expect(byUnit[1]!.total).toBe(4100.75);
    expect(project.byColumn).toEqual({
      '2018': 1500,
      '2019': 4300.5,
      '2020': 5000.25,
      '2021': 4200,
      '2022': 2100,
      afterTerm: 3000,
    });
    expect([project.withinTerm, project.afterTerm, project.total]).toEqual([17100.75, 3000, 20100.75]);
  });

  it('card executed amounts: per row, per half-year, per year, total (the header 집행액)', () => {
    const { byUnit, project } = executedTotals(exampleCard().unitProjects, PERIODS);
    expect(byUnit[0]!.bySource).toEqual({ national: 200, city: 2650.75, district: 0, private: 0, other: 0 });
    expect(byUnit[1]!.total).toBe(300.125);
    expect(project.byPeriod['2018-H2']).toBe(1450.5);
    expect(project.byPeriod['2019-H1']).toBe(1700.375);
    expect(project.byYear).toEqual({ '2018': 1450.5, '2019': 1700.375, '2020': 0, '2021': 0, '2022': 0 });
    expect(project.total).toBe(3150.875);
  });

  it('확보총계 sums the five sources', () => {
    expect(securedTotal({ national: 500, city: 4300, district: null, private: 0, other: 0.125 })).toBe(
      4800.125,
    );
  });
});

describe('periodsThrough', () => {
  it('lists the half-years up to the given one, the same array each time it is asked', () => {
    const through = periodsThrough(PERIODS, '2019-H2');
    expect(through).toEqual(PERIODS.filter((p) => p <= '2019-H2'));
    expect(through.at(-1)).toBe('2019-H2');
    expect(periodsThrough(PERIODS, '2019-H2')).toBe(through);
    expect(periodsThrough([...PERIODS], '2019-H2')).not.toBe(through);
    expect(periodsThrough(PERIODS, '2018-H1')).toEqual([]);
  });
});

describe('investmentSumsOf / executedSumsOf (the report’s sums)', () => {
  // Cells as a form may hold them: amounts, blanks, keys outside the term (ignored), several 단위사업.
  const amount = fc.oneof(
    fc.integer({ min: 0, max: 10_000_000_000 }).map((m) => m / 1000),
    fc.constant(null),
    fc.constant(undefined),
  );
  const gridOf = (keys: readonly string[]) =>
    fc
      .array(fc.array(amount, { minLength: keys.length, maxLength: keys.length }), {
        minLength: FUNDING_SOURCES.length,
        maxLength: FUNDING_SOURCES.length,
      })
      .map((rows) => {
        const grid = emptySourceGrid() as Record<string, Record<string, number | null | undefined>>;
        FUNDING_SOURCES.forEach((s, si) =>
          keys.forEach((k, ki) => {
            const v = rows[si]?.[ki];
            if (v !== undefined) (grid[s] as Record<string, number | null>)[k] = v;
          }),
        );
        return grid as unknown as ReturnType<typeof emptySourceGrid>;
      });
  const units = (keys: readonly string[]) => fc.array(gridOf(keys), { minLength: 0, maxLength: 4 });

  it('give the figures of investmentTotalsOf, the years in the order of the budget years', () => {
    fc.assert(
      fc.property(units([...BUDGET_YEARS, 'afterTerm', '2031']), (grids) => {
        const sums = investmentSumsOf(
          grids.map((g) => ({ investmentNeeds: g })),
          BUDGET_YEARS,
        );
        const totals = investmentTotalsOf(grids, BUDGET_YEARS);
        expect([sums.withinTerm, sums.afterTerm, sums.total]).toEqual([
          totals.withinTerm,
          totals.afterTerm,
          totals.total,
        ]);
        expect(sums.byYearMilli.map((m) => m / 1000)).toEqual(BUDGET_YEARS.map((y) => totals.byColumn[y]));
      }),
    );
  });

  it('give the figures of executedTotalsOf over the counted half-years, later ones and other keys left out', () => {
    fc.assert(
      fc.property(
        units([...PERIODS, '2031-H1', 'afterTerm']),
        fc.constantFrom(...PERIODS),
        (grids, through) => {
          const counted = periodsThrough(PERIODS, through);
          const sums = executedSumsOf(
            grids.map((g) => ({ executed: g })),
            counted,
            BUDGET_YEARS,
          );
          const totals = executedTotalsOf(grids, counted);
          expect(sums.total).toBe(totals.total);
          expect(sums.byYearMilli.map((m) => m / 1000)).toEqual(
            BUDGET_YEARS.map((y) => totals.byYear[y] ?? 0),
          );
        },
      ),
    );
  });

  it('a half-year whose year is not a budget year counts in the total only', () => {
    const grid = emptySourceGrid();
    grid.city['2018-H2'] = 10;
    grid.city['2019-H1'] = 2.5;
    const sums = executedSumsOf([{ executed: grid }], ['2018-H2', '2019-H1'], ['2019']);
    expect(sums).toEqual({ byYearMilli: [2500], total: 12.5 });
  });
});
