import { describe, expect, it } from 'vitest';
import { plannedSoFar } from './lagging';
import { localDateOf } from './submissions';

const PERIODS = ['2018-H2', '2019-H1', '2019-H2', '2020-H1', '2020-H2', '2021-H1', '2021-H2', '2022-H1'];
const YEARS = ['2018', '2019', '2020', '2021', '2022'];
const plan = [100, 200, 400, 0, 60];

describe('plannedSoFar', () => {
  it('counts each budget year by the share of its in-term half-years that have ended', () => {
    expect(plannedSoFar(plan, YEARS, PERIODS, '2018-H2')).toBe(100);
    expect(plannedSoFar(plan, YEARS, PERIODS, '2019-H1')).toBe(100 + 100);
    expect(plannedSoFar(plan, YEARS, PERIODS, '2019-H2')).toBe(300);
    expect(plannedSoFar(plan, YEARS, PERIODS, '2020-H1')).toBe(300 + 200);
    // 2022 has only its first half in the term: all of it is due by 2022-H1.
    expect(plannedSoFar(plan, YEARS, PERIODS, '2022-H1')).toBe(760);
    expect(plannedSoFar([0, 0.003], YEARS, PERIODS, '2019-H1')).toBe(0.002);
    // A year outside the term's half-years (none of it can be due) and a missing year count nothing.
    expect(plannedSoFar([5, 0, 0, 0, 0, 7], [...YEARS, '2023'], PERIODS, '2022-H1')).toBe(5);
    expect(plannedSoFar([100], YEARS, PERIODS, '2022-H1')).toBe(100);
  });
});

describe('localDateOf', () => {
  it('takes the office-local (KST) date of a timestamp', () => {
    expect(localDateOf('2019-07-15T23:59:59+09:00')).toBe('2019-07-15');
    expect(localDateOf('2019-07-15T15:00:00Z')).toBe('2019-07-16');
    expect(localDateOf('2019-07-15T14:59:59Z')).toBe('2019-07-15');
    expect(localDateOf('2019-07-15')).toBe('2019-07-15');
    expect(localDateOf('2019-07-15T15:00:00Z', 0)).toBe('2019-07-15');
    expect(() => localDateOf('어제')).toThrow('접수 일시 형식');
  });
});
