import { describe, expect, it } from 'vitest';
import { dayOffReason, deadlineOnWorkingDay } from './working-days';

describe('dayOffReason', () => {
  it('knows weekends and the fixed-date public holidays, and nothing else', () => {
    // Days read off a calendar: 2022-01-15 was a Saturday, 2022-01-16 a Sunday, 2022-01-17 a Monday.
    expect(dayOffReason('2022-01-15')).toBe('토요일');
    expect(dayOffReason('2022-01-16')).toBe('일요일');
    expect(dayOffReason('2022-01-17')).toBeNull();
    expect(dayOffReason('2019-03-01')).toBe('삼일절'); // a Friday
    expect(dayOffReason('2021-10-09')).toBe('한글날'); // a Saturday: the holiday is named
    expect(dayOffReason('2019-07-15')).toBeNull(); // a Monday
  });

  it("names every day off with a word ending in a consonant, as the message's 이어서 needs", () => {
    const names = new Set<string>();
    for (
      let day = new Date(Date.UTC(2024, 0, 1));
      day.getUTCFullYear() === 2024;
      day.setUTCDate(day.getUTCDate() + 1)
    ) {
      const reason = dayOffReason(day.toISOString().slice(0, 10));
      if (reason !== null) names.add(reason);
    }
    expect(names.size).toBe(10); // Saturday, Sunday and the eight fixed-date holidays
    for (const name of names) expect((name.charCodeAt(name.length - 1) - 0xac00) % 28).not.toBe(0);
  });

  it('refuses what is not a calendar date', () => {
    expect(() => dayOffReason('2022-02-30')).toThrow(/날짜 형식/);
    expect(() => dayOffReason('2022-1-5')).toThrow(/날짜 형식/);
  });
});

describe('deadlineOnWorkingDay', () => {
  it('keeps a working day', () => {
    expect(deadlineOnWorkingDay('2020-01-15')).toEqual({ date: '2020-01-15', movedBecause: null });
  });

  it('moves past a weekend, and past a holiday right after it', () => {
    expect(deadlineOnWorkingDay('2022-01-15')).toEqual({
      date: '2022-01-17',
      movedBecause: '1월 15일이 토요일이어서 다음 평일로 미룸, 민법 제161조',
    });
    // 2021-12-25 (기독탄신일) a Saturday → Monday 2021-12-27; 2022-01-01 a Saturday → Monday 2022-01-03.
    expect(deadlineOnWorkingDay('2021-12-25').date).toBe('2021-12-27');
    expect(deadlineOnWorkingDay('2022-01-01').date).toBe('2022-01-03');
    expect(deadlineOnWorkingDay('2022-01-01').movedBecause).toBe(
      '1월 1일이 새해 첫날이어서 다음 평일로 미룸, 민법 제161조',
    );
    // A Friday holiday: 2019-03-01 → Monday 2019-03-04.
    expect(deadlineOnWorkingDay('2019-03-01').date).toBe('2019-03-04');
  });
});
