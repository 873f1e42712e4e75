/**
 * When a deadline that falls on a day off ends: 민법 제161조 ("기간의 말일이 토요일 또는 공휴일에 해당한 때에는 기간은
 * 그 익일로 만료한다"), which the 행정기본법 (제6조) applies to the administration's own periods too. The days off
 * known here are Saturdays, Sundays and the public holidays on a fixed solar date (관공서의 공휴일에 관한 규정 제2조).
 * Holidays on a lunar date (설날, 부처님오신날, 추석), substitute holidays and one-off 임시공휴일 are not: none of them
 * can fall on the 15th of January or July or the two days after it, where the term's card deadlines are.
 */

/** "MM-DD" → the holiday's name. */
const FIXED_HOLIDAYS: Readonly<Record<string, string>> = {
  '01-01': '새해 첫날',
  '03-01': '삼일절',
  '05-05': '어린이날',
  '06-06': '현충일',
  '08-15': '광복절',
  '10-03': '개천절',
  '10-09': '한글날',
  '12-25': '기독탄신일',
};

const WEEKDAYS = ['일요일', '월요일', '화요일', '수요일', '목요일', '금요일', '토요일'] as const;

function utcDateOf(iso: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const date = m === null ? null : new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (date === null || date.toISOString().slice(0, 10) !== iso) {
    throw new Error(`날짜 형식이 올바르지 않습니다: "${iso}" (YYYY-MM-DD)`);
  }
  return date;
}

/** Why the day is not a working day ('토요일', '일요일', '삼일절', …), or null on a working day. */
export function dayOffReason(iso: string): string | null {
  const date = utcDateOf(iso);
  const holiday = FIXED_HOLIDAYS[iso.slice(5)];
  if (holiday !== undefined) return holiday;
  const weekday = date.getUTCDay();
  return weekday === 0 || weekday === 6 ? WEEKDAYS[weekday] : null;
}

export interface DeadlineOnWorkingDay {
  /** The day the deadline ends: the stated day, or the first working day after it. */
  date: string;
  /** Why it moved ("1월 15일이 토요일이어서 다음 평일로 미룸, 민법 제161조"), or null when the stated day is a working day. */
  movedBecause: string | null;
}

/** A deadline stated for `iso`, moved past the days off that follow it (민법 제161조). */
export function deadlineOnWorkingDay(iso: string): DeadlineOnWorkingDay {
  const first = dayOffReason(iso);
  if (first === null) return { date: iso, movedBecause: null };
  const date = utcDateOf(iso);
  let next = iso;
  // Saturday, Sunday and a holiday on Monday are the longest run of fixed days off: a few steps at most.
  do {
    date.setUTCDate(date.getUTCDate() + 1);
    next = date.toISOString().slice(0, 10);
  } while (dayOffReason(next) !== null);
  // Every name of a day off ends in ㄹ (토요일, 삼일절, 한글날 …): '이어서' reads right after each.
  const stated = `${Number(iso.slice(5, 7))}월 ${Number(iso.slice(8, 10))}일`;
  return { date: next, movedBecause: `${stated}이 ${first}이어서 다음 평일로 미룸, 민법 제161조` };
}
