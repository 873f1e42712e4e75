import { describe, expect, it } from 'vitest';
import { countdownLabel, submissionCalendar, weekdayOf } from './calendar';
import { seoulMinseon7Term as seoul } from './load';
import type { Term } from './types';

/** The weekday of an ISO date (0 Sunday … 6 Saturday), by the platform's calendar, not the code under test. */
const weekday = (iso: string) => new Date(`${iso}T00:00:00Z`).getUTCDay();
const days = (from: string, to: string) =>
  (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 864e5;

describe('submissionCalendar', () => {
  it('reads the term on a day in January 2022: six half-years past, 2021-H2 due on the Monday, 2022-H1 later', () => {
    const today = '2022-01-10';
    const calendar = submissionCalendar(seoul, today);
    expect(calendar.rows.map((r) => r.period.id)).toEqual([
      '2018-H2',
      '2019-H1',
      '2019-H2',
      '2020-H1',
      '2020-H2',
      '2021-H1',
      '2021-H2',
      '2022-H1',
    ]);
    expect(calendar.rows.map((r) => r.state)).toEqual([...Array<string>(6).fill('past'), 'now', 'later']);
    // 2022-01-15 is a Saturday, so 2021-H2's cards are due on the Monday after it.
    expect(weekday('2022-01-15')).toBe(6);
    const now = calendar.rows[6];
    expect(now?.period.dueDate).toBe('2022-01-17');
    expect(now?.daysLeft).toBe(days(today, '2022-01-17'));
    expect(calendar.current?.id).toBe('2021-H2');
    expect(calendar.planDueDate).toBe('2018-09-18');
    expect(calendar.planDaysLeft).toBe(days(today, '2018-09-18'));
    expect(calendar.planDaysLeft).toBeLessThan(0);
    // Each past row counts back to its own due date.
    for (const row of calendar.rows) expect(row.daysLeft).toBe(days(today, row.period.dueDate));
  });

  it('keeps a half-year current on its due date and moves on the day after', () => {
    // 2019-07-15 is a Monday: the stated day holds.
    expect(weekday('2019-07-15')).toBe(1);
    const onTheDay = submissionCalendar(seoul, '2019-07-15');
    expect(onTheDay.current?.id).toBe('2019-H1');
    expect(onTheDay.rows.find((r) => r.state === 'now')?.daysLeft).toBe(0);
    const after = submissionCalendar(seoul, '2019-07-16');
    expect(after.current?.id).toBe('2019-H2');
    expect(after.rows.find((r) => r.period.id === '2019-H1')?.state).toBe('past');
  });

  it('has nothing current once the last card of the term is past due, and follows another term', () => {
    const over = submissionCalendar(seoul, '2022-08-01');
    expect(over.current).toBeNull();
    expect(over.rows.every((r) => r.state === 'past')).toBe(true);

    const next: Term = {
      ...seoul,
      id: 'x',
      name: '민선8기',
      start: '2022-07',
      end: '2026-06',
      planDueDate: '2022-10-31',
    };
    const early = submissionCalendar(next, '2022-09-01');
    expect(early.rows).toHaveLength(8);
    expect(early.rows[0]?.period.id).toBe('2022-H2');
    expect(early.rows.at(-1)?.period.id).toBe('2026-H1');
    expect(early.current?.id).toBe('2022-H2');
    expect(early.rows.filter((r) => r.state === 'now')).toHaveLength(1);
    expect(early.planDaysLeft).toBe(days('2022-09-01', '2022-10-31'));
  });
});

describe('countdownLabel', () => {
  it('counts down to the day and says when it has passed', () => {
    expect(countdownLabel(3)).toBe('D-3');
    expect(countdownLabel(0)).toBe('D-day');
    expect(countdownLabel(-1)).toBe('기한 지남');
  });
});

describe('weekdayOf', () => {
  it('names the day of the week', () => {
    expect(weekdayOf('2022-01-15')).toBe('토');
    expect(weekdayOf('2022-01-17')).toBe('월');
    expect(weekdayOf('2018-09-18')).toBe('화');
  });
});
