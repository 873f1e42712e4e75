import type { PeriodId, Term } from './types';
import { deadlineOnWorkingDay } from './working-days';

/**
 * The term's reporting calendar, derived from the term data alone: half-years (상반기 1–6월, 하반기 7–12월), the
 * management card due on `cardDueDay` of the month after each half ends, and the column headings of the forms.
 * Pure: "today" is always a parameter.
 */

export interface Period {
  id: PeriodId;
  year: number;
  half: 1 | 2;
  /** "2019년 상반기" */
  label: string;
  /** "'19 상" */
  shortLabel: string;
  /** First day, ISO "YYYY-MM-DD". */
  start: string;
  /** Last day, ISO. */
  end: string;
  /**
   * 공약관리카드 due date: `cardDueDay` of the month after `end` (2018-H2 → 2019-01-15), or the first working day
   * after it when that day is a day off (2021-H2 → 2022-01-15, a Saturday → 2022-01-17; see working-days.ts).
   */
  dueDate: string;
  /** Why `dueDate` is not the stated day ("1월 15일이 토요일이어서 다음 평일로 미룸, 민법 제161조"), else null. */
  dueDateMovedBecause: string | null;
}

/** A yearly money column (연차별 투자수요·집행액): '18 … '22.6월. */
export interface BudgetYearColumn {
  /** The calendar year, "2018". */
  key: string;
  /** "'18", or "'22.6월" for a last year the term leaves before December. */
  label: string;
}

/** Key of the schedule column for work planned after the term. */
export const AFTER_TERM_KEY = 'afterTerm';

/** A half-year schedule column (연차별 추진계획·실적), the term's periods followed by 임기후. */
export interface ScheduleColumn {
  key: PeriodId | typeof AFTER_TERM_KEY;
  /** "'19 상", or "임기후". */
  label: string;
  /** Upper header row: "'19", "'22.6월", or "임기후". */
  yearLabel: string;
  /** Lower header row: "상반" / "하반", empty for 임기후. */
  halfLabel: string;
}

interface YearMonth {
  year: number;
  month: number;
}

interface YearMonthDay extends YearMonth {
  day: number;
}

const pad2 = (n: number) => String(n).padStart(2, '0');
const twoDigitYear = (year: number) => `'${pad2(year % 100)}`;

function parseYearMonth(value: string): YearMonth {
  const m = /^(\d{4})-(\d{2})$/.exec(value);
  const month = Number(m?.[2]);
  if (!m || month < 1 || month > 12) throw new Error(`연월 형식이 올바르지 않습니다: "${value}" (YYYY-MM)`);
  return { year: Number(m[1]), month };
}

function parseDate(value: string): YearMonthDay {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (m) {
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const check = new Date(Date.UTC(year, month - 1, day));
    if (check.getUTCFullYear() === year && check.getUTCMonth() === month - 1 && check.getUTCDate() === day) {
      return { year, month, day };
    }
  }
  throw new Error(`날짜 형식이 올바르지 않습니다: "${value}" (YYYY-MM-DD)`);
}

const halfOfMonth = (month: number): 1 | 2 => (month <= 6 ? 1 : 2);
/** Half-years counted from year 0, so consecutive halves differ by one. */
const halfIndex = (year: number, half: 1 | 2) => year * 2 + (half - 1);

function makePeriod(term: Term, year: number, half: 1 | 2): Period {
  const dueYear = half === 1 ? year : year + 1;
  const dueMonth = half === 1 ? 7 : 1;
  const due = deadlineOnWorkingDay(`${dueYear}-${pad2(dueMonth)}-${pad2(term.cardDueDay)}`);
  return {
    id: `${year}-H${half}`,
    year,
    half,
    label: `${year}년 ${half === 1 ? '상반기' : '하반기'}`,
    shortLabel: `${twoDigitYear(year)} ${half === 1 ? '상' : '하'}`,
    start: half === 1 ? `${year}-01-01` : `${year}-07-01`,
    end: half === 1 ? `${year}-06-30` : `${year}-12-31`,
    dueDate: due.date,
    dueDateMovedBecause: due.movedBecause,
  };
}

/** The half-years the term touches, in order: 민선7기 gives 2018-H2 … 2022-H1 (8 periods). */
export function listPeriods(term: Term): Period[] {
  const start = parseYearMonth(term.start);
  const end = parseYearMonth(term.end);
  const first = halfIndex(start.year, halfOfMonth(start.month));
  const last = halfIndex(end.year, halfOfMonth(end.month));
  const periods: Period[] = [];
  for (let i = first; i <= last; i++) {
    periods.push(makePeriod(term, Math.floor(i / 2), i % 2 === 0 ? 1 : 2));
  }
  return periods;
}

/** The period with this id, or null when the term does not include it. */
export function findPeriod(term: Term, periodId: string): Period | null {
  return listPeriods(term).find((p) => p.id === periodId) ?? null;
}

export function isPeriodInTerm(term: Term, periodId: string): boolean {
  return findPeriod(term, periodId) !== null;
}

/** The term's half-year containing the date, or null outside the term's half-years. */
export function periodOf(term: Term, dateISO: string): Period | null {
  const date = parseDate(dateISO);
  return findPeriod(term, `${date.year}-H${halfOfMonth(date.month)}`);
}

/**
 * The period whose management card is due next: the first one whose due date is today or later.
 * On 2019-01-03 that is 2018-H2 (due 2019-01-15); from 2019-01-16 it is 2019-H1 (due 2019-07-15).
 * Null once the term's last card is past due.
 */
export function currentReportingPeriod(term: Term, todayISO: string): Period | null {
  parseDate(todayISO);
  return listPeriods(term).find((p) => p.dueDate >= todayISO) ?? null;
}

/** Whole days from one ISO date to another: 0 on the same day, negative when `toISO` is earlier. */
export function daysUntil(fromISO: string, toISO: string): number {
  const from = parseDate(fromISO);
  const to = parseDate(toISO);
  const ms = Date.UTC(to.year, to.month - 1, to.day) - Date.UTC(from.year, from.month - 1, from.day);
  return Math.round(ms / 86_400_000);
}

function yearLabel(term: Term, year: number): string {
  const end = parseYearMonth(term.end);
  return year === end.year && end.month < 12 ? `${twoDigitYear(year)}.${end.month}월` : twoDigitYear(year);
}

/** Yearly money columns: '18, '19, '20, '21, '22.6월 for 민선7기. */
export function listBudgetYears(term: Term): BudgetYearColumn[] {
  const start = parseYearMonth(term.start);
  const end = parseYearMonth(term.end);
  const columns: BudgetYearColumn[] = [];
  for (let year = start.year; year <= end.year; year++) {
    columns.push({ key: String(year), label: yearLabel(term, year) });
  }
  return columns;
}

/** Half-year schedule columns: the term's periods ('18 하 … '22 상), then 임기후. */
export function listScheduleColumns(term: Term): ScheduleColumn[] {
  const columns: ScheduleColumn[] = listPeriods(term).map((p) => ({
    key: p.id,
    label: p.shortLabel,
    yearLabel: yearLabel(term, p.year),
    halfLabel: p.half === 1 ? '상반' : '하반',
  }));
  columns.push({ key: AFTER_TERM_KEY, label: '임기후', yearLabel: '임기후', halfLabel: '' });
  return columns;
}
