import { describe, expect, it } from 'vitest';
import { dateListErrors, normalizedDateLine, readDateList } from './date-list';

describe('readDateList', () => {
  it('splits a typed line at commas and spaces', () => {
    expect(readDateList('2018-09, 2018-13')).toEqual(['2018-09', '2018-13']);
    expect(readDateList(' 2018-09 ,, 2018-10-02  ')).toEqual(['2018-09', '2018-10-02']);
    expect(readDateList('')).toEqual([]);
  });
});

describe('normalizedDateLine', () => {
  it('shows each date it reads in the stored form, and keeps one it cannot read as typed', () => {
    expect(normalizedDateLine('2018.9.12, 2018.10')).toBe('2018-09-12, 2018-10');
    expect(normalizedDateLine('2018-09 2019.4.31 작년')).toBe('2018-09, 2019.4.31, 작년');
    expect(normalizedDateLine('')).toBe('');
  });
});

describe('dateListErrors', () => {
  const message = '날짜는 "2018-09" 또는 "2018-09-12" 형식이어야 합니다';
  it('gives the message of every date, not only the first', () => {
    // As react-hook-form nests an error at "….dates.1": an array with a hole at 0.
    const errors: unknown[] = [];
    errors[1] = { type: 'invalid_format', message };
    errors[3] = { type: 'server', message };
    expect(dateListErrors(errors)).toEqual([
      { index: 1, message },
      { index: 3, message },
    ]);
  });

  it("gives the list's own message, alone or beside the dates'", () => {
    expect(dateListErrors({ type: 'too_big', message: '50개 이하로 입력하세요' })).toEqual([
      { index: null, message: '50개 이하로 입력하세요' },
    ]);
    const both = Object.assign([{ message }], { root: { message: '목록 형식이어야 합니다' } });
    expect(dateListErrors(both)).toEqual([
      { index: null, message: '목록 형식이어야 합니다' },
      { index: 0, message },
    ]);
    expect(dateListErrors(undefined)).toEqual([]);
  });
});
