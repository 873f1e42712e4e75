import { describe, expect, it } from 'vitest';
import {
  amountFields,
  changedAmounts,
  deriveFinanceRow,
  directTotals,
  type FinanceTableRow,
  mergeShared,
} from './finance-derive';
import { emptySourceGrid } from './common';
import { BUDGET_YEARS, exampleCard, exampleFinanceRow, examplePlan, PERIODS } from './test-fixtures';

const derive = (over: Partial<Parameters<typeof deriveFinanceRow>[0]> = {}) =>
  deriveFinanceRow({
    plan: examplePlan(),
    card: exampleCard(),
    secured: exampleFinanceRow(),
    budgetYears: BUDGET_YEARS,
    periods: PERIODS,
    ...over,
  });

describe('deriveFinanceRow (붙임5) from the 1-1-1 examples, figures computed by hand', () => {
  it('fills every column', () => {
    expect(derive()).toEqual({
      projectId: '1-1-1',
      projectName: '마포 핀테크 랩을 거점으로 핀테크·블록체인 산업 생태계 구축',
      departments: ['경제진흥본부'],
      status: 'onTrack',
      // 초기: plan 17,100.75 in term + 3,000 after; 현재: card lowered 2019 시비 of u1 by 200.
      plannedTotal: { initial: 20100.75, current: 19900.75 },
      secured: { total: 4800, national: 500, city: 4300, district: 0, private: 0, other: 0 },
      termPlan: {
        total: 16900.75,
        byYear: [1500, 4100.5, 5000.25, 4200, 2100],
      },
      termExecuted: {
        total: 3150.875,
        byYear: [1450.5, 1700.375, 0, 0, 0],
      },
      note: '2019년 국비 500백만원 교부 결정',
    });
  });

  it('without a card: 현재계획 equals 초기계획, nothing executed, no 이행도', () => {
    const row = derive({ card: null, secured: null });
    expect(row.status).toBeNull();
    expect(row.plannedTotal).toEqual({ initial: 20100.75, current: 20100.75 });
    expect(row.termPlan.total).toBe(17100.75);
    expect(row.termExecuted.total).toBe(0);
    expect(row.secured.total).toBe(0);
    expect(row.note).toBe('');
  });

  it('초기계획 from the first confirmed plan; 현재계획 and 임기내 계획 without a card from the plan in force', () => {
    const first = examplePlan();
    const inForce = examplePlan();
    // The plan confirmed again with 1,000 more 시비 in 2021: 20,100.75 + 1,000 in all, 18,100.75 in the term.
    inForce.unitProjects[0]!.investmentNeeds.city['2021'] = 4000;
    const withCard = derive({ plan: inForce, initialPlan: first });
    expect(withCard.plannedTotal).toEqual({ initial: 20100.75, current: 19900.75 });
    const withoutCard = derive({ plan: inForce, initialPlan: first, card: null });
    expect(withoutCard.plannedTotal).toEqual({ initial: 20100.75, current: 21100.75 });
    expect(withoutCard.termPlan.total).toBe(18100.75);
    // Without a first version given, the plan is both.
    expect(derive({ plan: inForce, card: null }).plannedTotal.initial).toBe(21100.75);
  });

  it('ignores executed cells after the card period', () => {
    const card = exampleCard();
    card.unitProjects[0]!.executed.city['2020-H1'] = 999;
    expect(derive({ card }).termExecuted.total).toBe(3150.875);
  });

  it('uses sums kept by the caller only when they are arranged by the same budget years', () => {
    const expected = derive();
    const kept = directTotals(BUDGET_YEARS, PERIODS);
    expect(derive({ totals: kept })).toEqual(expected);
    // Sums by the years in another order would put each year's amount under another year: computed anew.
    const reversed = directTotals([...BUDGET_YEARS].reverse(), PERIODS);
    expect(derive({ totals: reversed })).toEqual(expected);
    expect(derive({ totals: reversed }).termPlan.byYear[0]).toBe(1500);
  });
});

describe('mergeShared', () => {
  it('sums each department own 확보 and 집행 and keeps the project plan figures', () => {
    const lead = derive();
    const coCard = exampleCard();
    coCard.department = '여성가족정책실';
    coCard.unitProjects = coCard.unitProjects.map((u) => ({ ...u, executed: emptySourceGrid() }));
    coCard.unitProjects[0]!.executed.district['2019-H1'] = 0.1;
    coCard.unitProjects[0]!.executed.city['2018-H2'] = 0.2;
    const coRow = { ...exampleFinanceRow(), department: '여성가족정책실', note: '구비 매칭' };
    coRow.secured = { national: null, city: 0.2, district: 0.1, private: null, other: null };
    const co = derive({ card: coCard, secured: coRow });
    const merged = mergeShared([lead, co]);
    expect(merged.departments).toEqual(['경제진흥본부', '여성가족정책실']);
    expect(merged.plannedTotal).toEqual(lead.plannedTotal);
    expect(merged.termPlan).toEqual(lead.termPlan);
    expect(merged.secured).toEqual({
      total: 4800.3,
      national: 500,
      city: 4300.2,
      district: 0.1,
      private: 0,
      other: 0,
    });
    expect(merged.termExecuted).toEqual({
      total: 3151.175,
      byYear: [1450.7, 1700.475, 0, 0, 0],
    });
    expect(merged.note).toBe('[경제진흥본부] 2019년 국비 500백만원 교부 결정\n[여성가족정책실] 구비 매칭');
  });

  it('refuses rows of different projects and an empty list', () => {
    const a = derive();
    const b: FinanceTableRow = { ...a, projectId: '1-1-2' };
    expect(() => mergeShared([a, b])).toThrow('서로 다른 공약의 행은 합칠 수 없습니다 (1-1-1, 1-1-2).');
    expect(() => mergeShared([])).toThrow('합칠 재정집행 현황 행이 없습니다.');
  });
});

describe('changedAmounts (red marking)', () => {
  it('lists exactly the amounts that moved since first reported', () => {
    const first = derive();
    expect(changedAmounts(first, derive(), BUDGET_YEARS)).toEqual([]);
    const card = exampleCard();
    card.unitProjects[1]!.investmentNeeds.city['2021'] = 1300; // +100 in 2021
    const secured = exampleFinanceRow();
    secured.secured.city = 4300.001;
    expect(changedAmounts(first, derive({ card, secured }), BUDGET_YEARS)).toEqual([
      'plannedTotal.current',
      'secured.total',
      'secured.city',
      'termPlan.total',
      'termPlan.byYear.2021',
    ]);
  });

  it('a year one row lacks counts as zero there, and is named by its year', () => {
    const years = [...BUDGET_YEARS, '2023'];
    const a = derive();
    const b: FinanceTableRow = {
      ...a,
      termExecuted: { ...a.termExecuted, byYear: [...a.termExecuted.byYear, 0] },
    };
    expect(changedAmounts(a, b, years)).toEqual([]);
    expect(changedAmounts(b, a, years)).toEqual([]);
    const c: FinanceTableRow = {
      ...a,
      termExecuted: { ...a.termExecuted, byYear: [...a.termExecuted.byYear, 1] },
    };
    expect(changedAmounts(a, c, years)).toEqual(['termExecuted.byYear.2023']);
    // Only the first report has it: listed after the row's own paths.
    const d: FinanceTableRow = {
      ...a,
      secured: { ...a.secured, city: a.secured.city + 1, total: a.secured.total + 1 },
    };
    expect(changedAmounts(c, d, years)).toEqual([
      'secured.total',
      'secured.city',
      'termExecuted.byYear.2023',
    ]);
  });

  it('names the same paths as comparing every amount of both rows', () => {
    const first = derive();
    const card = exampleCard();
    card.unitProjects[0]!.executed.city['2019-H1'] = 7;
    card.unitProjects[1]!.investmentNeeds.national['2018'] = 3;
    const later = derive({ card });
    const before = amountFields(first, BUDGET_YEARS);
    const after = amountFields(later, BUDGET_YEARS);
    const moved = [...after].filter(([path, v]) => v !== before.get(path)).map(([path]) => path);
    expect(moved.length).toBeGreaterThan(2);
    expect(changedAmounts(first, later, BUDGET_YEARS)).toEqual(moved);
  });
});
