import { describe, expect, it } from 'vitest';
import { seoulMinseon7Term as term } from './load';
import {
  AFTER_TERM_KEY,
  currentReportingPeriod,
  daysUntil,
  findPeriod,
  isPeriodInTerm,
  listBudgetYears,
  listPeriods,
  listScheduleColumns,
  periodOf,
} from './periods';
import { termSchema, type Term } from './types';

describe('seoul-minseon7 term data', () => {
  it('is 민선7기, 2018-07 to 2022-06, cards due on the 15th, plans due 2018-09-18', () => {
    expect(term).toEqual({
      id: 'seoul-minseon7',
      name: '민선7기',
      start: '2018-07',
      end: '2022-06',
      cardDueDay: 15,
      planDueDate: '2018-09-18',
    });
  });
});

describe('listPeriods', () => {
  it('gives the eight half-years 2018-H2 … 2022-H1', () => {
    expect(listPeriods(term).map((p) => p.id)).toEqual([
      '2018-H2',
      '2019-H1',
      '2019-H2',
      '2020-H1',
      '2020-H2',
      '2021-H1',
      '2021-H2',
      '2022-H1',
    ]);
  });

  it('labels, bounds and due dates each half-year', () => {
    const [first, second] = listPeriods(term);
    expect(first).toEqual({
      id: '2018-H2',
      year: 2018,
      half: 2,
      label: '2018년 하반기',
      shortLabel: "'18 하",
      start: '2018-07-01',
      end: '2018-12-31',
      dueDate: '2019-01-15',
      dueDateMovedBecause: null,
    });
    expect(second).toEqual({
      id: '2019-H1',
      year: 2019,
      half: 1,
      label: '2019년 상반기',
      shortLabel: "'19 상",
      start: '2019-01-01',
      end: '2019-06-30',
      dueDate: '2019-07-15',
      dueDateMovedBecause: null,
    });
    expect(listPeriods(term).at(-1)?.dueDate).toBe('2022-07-15');
  });

  it('moves a due date that falls on a Saturday to the Monday after (민법 제161조): 2021-H2 is due 2022-01-17', () => {
    const moved = listPeriods(term).filter((p) => p.dueDateMovedBecause !== null);
    // In 민선7기 only 2022-01-15 falls on a day off.
    expect(moved.map((p) => [p.id, p.dueDate])).toEqual([['2021-H2', '2022-01-17']]);
    expect(moved[0]?.dueDateMovedBecause).toBe('1월 15일이 토요일이어서 다음 평일로 미룸, 민법 제161조');
    // The card for 2021-H2 is still the one due on 2022-01-16 (a Sunday) and on the Monday itself.
    expect(currentReportingPeriod(term, '2022-01-16')?.id).toBe('2021-H2');
    expect(currentReportingPeriod(term, '2022-01-17')?.id).toBe('2021-H2');
    expect(currentReportingPeriod(term, '2022-01-18')?.id).toBe('2022-H1');
  });

  it('works for another term from its data alone (민선8기, due on the 10th)', () => {
    const next: Term = termSchema.parse({
      ...term,
      id: 'x',
      name: '민선8기',
      start: '2022-07',
      end: '2026-06',
      cardDueDay: 10,
    });
    const periods = listPeriods(next);
    expect(periods.map((p) => p.id)).toEqual([
      '2022-H2',
      '2023-H1',
      '2023-H2',
      '2024-H1',
      '2024-H2',
      '2025-H1',
      '2025-H2',
      '2026-H1',
    ]);
    expect(periods[0]?.dueDate).toBe('2023-01-10');
  });
});

describe('periodOf and isPeriodInTerm', () => {
  it('finds the half-year of a date across the year boundary', () => {
    expect(periodOf(term, '2018-07-01')?.id).toBe('2018-H2');
    expect(periodOf(term, '2018-12-31')?.id).toBe('2018-H2');
    expect(periodOf(term, '2019-01-01')?.id).toBe('2019-H1');
    expect(periodOf(term, '2019-06-30')?.id).toBe('2019-H1');
    expect(periodOf(term, '2019-07-01')?.id).toBe('2019-H2');
    expect(periodOf(term, '2022-06-30')?.id).toBe('2022-H1');
  });

  it('is null outside the term', () => {
    expect(periodOf(term, '2018-06-30')).toBeNull();
    expect(periodOf(term, '2022-07-01')).toBeNull();
  });

  it('knows which period ids belong to the term', () => {
    expect(isPeriodInTerm(term, '2018-H2')).toBe(true);
    expect(isPeriodInTerm(term, '2022-H1')).toBe(true);
    expect(isPeriodInTerm(term, '2018-H1')).toBe(false);
    expect(isPeriodInTerm(term, '2022-H2')).toBe(false);
    expect(isPeriodInTerm(term, 'nonsense')).toBe(false);
    expect(findPeriod(term, '2020-H2')?.label).toBe('2020년 하반기');
  });

  it('rejects malformed and impossible dates with a Korean message', () => {
    expect(() => periodOf(term, '2019-1-3')).toThrow('날짜 형식이 올바르지 않습니다');
    expect(() => periodOf(term, '2019-02-30')).toThrow('날짜 형식이 올바르지 않습니다');
  });
});

describe('currentReportingPeriod', () => {
  it('is the half-year just ended until its card is due', () => {
    expect(currentReportingPeriod(term, '2019-01-03')?.id).toBe('2018-H2');
    expect(currentReportingPeriod(term, '2019-01-15')?.id).toBe('2018-H2');
  });

  it('moves to the running half-year the day after the due date', () => {
    expect(currentReportingPeriod(term, '2019-01-16')?.id).toBe('2019-H1');
    expect(currentReportingPeriod(term, '2019-01-20')?.id).toBe('2019-H1');
    expect(currentReportingPeriod(term, '2019-07-15')?.id).toBe('2019-H1');
    expect(currentReportingPeriod(term, '2019-07-16')?.id).toBe('2019-H2');
  });

  it('covers the first half-year of the term and the days before it', () => {
    expect(currentReportingPeriod(term, '2018-07-01')?.id).toBe('2018-H2');
    expect(currentReportingPeriod(term, '2018-12-31')?.id).toBe('2018-H2');
    expect(currentReportingPeriod(term, '2018-01-01')?.id).toBe('2018-H2');
  });

  it('is the last half-year until its card is due, then null', () => {
    expect(currentReportingPeriod(term, '2022-07-15')?.id).toBe('2022-H1');
    expect(currentReportingPeriod(term, '2022-07-16')).toBeNull();
  });
});

describe('daysUntil', () => {
  it('counts whole days, across years and leap days', () => {
    expect(daysUntil('2019-01-03', '2019-01-15')).toBe(12);
    expect(daysUntil('2018-12-31', '2019-01-15')).toBe(15);
    expect(daysUntil('2020-02-28', '2020-03-01')).toBe(2);
    expect(daysUntil('2019-02-28', '2019-03-01')).toBe(1);
    expect(daysUntil('2019-01-15', '2019-01-15')).toBe(0);
    expect(daysUntil('2019-01-20', '2019-01-15')).toBe(-5);
    expect(daysUntil('2018-07-01', '2022-06-30')).toBe(1460);
  });
});

describe('form columns', () => {
  it("lists the yearly money columns '18 … '22.6월", () => {
    expect(listBudgetYears(term)).toEqual([
      { key: '2018', label: "'18" },
      { key: '2019', label: "'19" },
      { key: '2020', label: "'20" },
      { key: '2021', label: "'21" },
      { key: '2022', label: "'22.6월" },
    ]);
  });

  it('labels a last year that runs to December without a month', () => {
    const toDecember: Term = { ...term, end: '2022-12' };
    expect(listBudgetYears(toDecember).at(-1)).toEqual({ key: '2022', label: "'22" });
  });

  it('lists the half-year schedule columns, then 임기후', () => {
    const columns = listScheduleColumns(term);
    expect(columns.map((c) => c.label)).toEqual([
      "'18 하",
      "'19 상",
      "'19 하",
      "'20 상",
      "'20 하",
      "'21 상",
      "'21 하",
      "'22 상",
      '임기후',
    ]);
    expect(columns.at(-1)).toEqual({
      key: AFTER_TERM_KEY,
      label: '임기후',
      yearLabel: '임기후',
      halfLabel: '',
    });
    expect(columns[0]).toEqual({ key: '2018-H2', label: "'18 하", yearLabel: "'18", halfLabel: '하반' });
    expect(columns[7]).toEqual({ key: '2022-H1', label: "'22 상", yearLabel: "'22.6월", halfLabel: '상반' });
  });
});
