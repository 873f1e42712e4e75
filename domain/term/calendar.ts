import { currentReportingPeriod, daysUntil, listPeriods, type Period } from './periods';
import type { Term } from './types';

/**
 * 제출 일정: the term's deadlines as a person reads them on a given day — the 실천계획서's, then each half-year's
 * 관리카드·재정집행현황 with whether it has passed, is the one to send now, or comes later. Pure: "today" is the
 * program's date in Korea (main's clock), so a training session replaying a past half-year reads that half-year.
 */

/** past: its due date is before today; now: the next due (the one 문서 작성 counts down to); later: after it. */
export type CalendarState = 'past' | 'now' | 'later';

export interface CalendarRow {
  period: Period;
  state: CalendarState;
  /** Days from today to the due date: 0 on the day, negative once it has passed. */
  daysLeft: number;
}

export interface SubmissionCalendar {
  today: string;
  planDueDate: string;
  planDaysLeft: number;
  rows: CalendarRow[];
  /** The half-year whose cards are due next; null once the term's last is past due. */
  current: Period | null;
}

export function submissionCalendar(term: Term, today: string): SubmissionCalendar {
  const current = currentReportingPeriod(term, today);
  const rows = listPeriods(term).map((period): CalendarRow => {
    const daysLeft = daysUntil(today, period.dueDate);
    const state: CalendarState =
      daysLeft < 0 ? 'past' : current !== null && period.id === current.id ? 'now' : 'later';
    return { period, state, daysLeft };
  });
  return {
    today,
    planDueDate: term.planDueDate,
    planDaysLeft: daysUntil(today, term.planDueDate),
    rows,
    current,
  };
}

/** "D-3", "D-day", or "기한 지남" once the day has passed. */
export function countdownLabel(daysLeft: number): string {
  if (daysLeft < 0) return '기한 지남';
  return daysLeft === 0 ? 'D-day' : `D-${daysLeft}`;
}

const WEEKDAY_SHORT = ['일', '월', '화', '수', '목', '금', '토'] as const;

/** "월" for a Monday: the day of the week of an ISO date, as a Korean calendar prints it. */
export function weekdayOf(iso: string): string {
  return WEEKDAY_SHORT[new Date(`${iso}T00:00:00Z`).getUTCDay()] ?? '';
}
