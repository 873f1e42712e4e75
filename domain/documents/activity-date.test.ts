import { describe, expect, it } from 'vitest';
import { ACTIVITY_DATE_MESSAGE, activityDateSchema, parseActivityDateText } from './common';

// 활동 일자 as people type them: the dotted and Korean forms are read, a date the calendar lacks is named.

describe('활동 일자', () => {
  it.each([
    ['2018-09', '2018-09'],
    ['2018-09-12', '2018-09-12'],
    ['2018.9', '2018-09'],
    ['2018.9.', '2018-09'],
    ['2018.9.12', '2018-09-12'],
    ['2018.9.12.', '2018-09-12'],
    ['2018/9/3', '2018-09-03'],
    ['2018년9월', '2018-09'],
    ['2018년9월12일', '2018-09-12'],
    ['２０１８.９.１２', '2018-09-12'],
    ['2020-02-29', '2020-02-29'],
  ])('%s is read as %s', (typed, expected) => {
    expect(parseActivityDateText(typed)).toEqual({ value: expected });
    expect(activityDateSchema.parse(typed)).toBe(expected);
  });

  it('names a day or a month the calendar lacks', () => {
    expect(parseActivityDateText('2019.4.31')).toEqual({
      problem: '2019년 4월에는 31일이 없습니다 (1~30일)',
    });
    expect(parseActivityDateText('2019-02-29')).toEqual({
      problem: '2019년 2월에는 29일이 없습니다 (1~28일)',
    });
    expect(parseActivityDateText('2018-09-00')).toEqual({
      problem: '2018년 9월에는 0일이 없습니다 (1~30일)',
    });
    expect(parseActivityDateText('2018-13')).toEqual({
      problem: `13월은 없습니다. ${ACTIVITY_DATE_MESSAGE}`,
    });
  });

  it('refuses what is no date with the accepted forms', () => {
    for (const typed of ['9월', '18.9.12', '2018', '2018-09-12-01', '작년 가을']) {
      expect(parseActivityDateText(typed), typed).toEqual({ problem: ACTIVITY_DATE_MESSAGE });
      expect(activityDateSchema.safeParse(typed).error?.issues[0]?.message).toBe(ACTIVITY_DATE_MESSAGE);
    }
  });
});
