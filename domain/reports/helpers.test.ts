import { describe, expect, it } from 'vitest';
import { plannedSoFar } from './lagging';
import { localDateOf } from './submissions';

const PERIODS = ['2018-H2', '2019-H1', '2019-H2', '2020-H1', '2020-H2', '2021-H1', '2021-H2', '2022-H1'];
const plan = { 2018: 100, 2019: 200, 2020: 400, 2021: 0, 2022: 60 };

describe('plannedSoFar', () => {
  it('counts each budget year by the share of its in-term half-years that have ended', () => {
    expect(plannedSoFar(plan, PERIODS, '2018-H2')).toBe(100);
    expect(plannedSoFar(plan, PERIODS, '2019-H1')).toBe(100 + 100);
    expect(plannedSoFar(plan, PERIODS, '2019-H2')).toBe(300);
    expect(plannedSoFar(plan, PERIODS, '2020-H1')).toBe(300 + 200);
    // 2022 has only its first half in the term: all of it is due by 2022-H1.
    expect(plannedSoFar(plan, PERIODS, '2022-H1')).toBe(760);
    expect(plannedSoFar({ 2019: 0.003 }, PERIODS, '2019-H1')).toBe(0.002);
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
