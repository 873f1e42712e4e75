import { AFTER_TERM } from './common';

// Formatting for the validators' messages (and the app's half-year labels).

/** One formatter for every message: toLocaleString with options builds a new one on each call. */
const AMOUNT_FORMAT = new Intl.NumberFormat('ko-KR', { maximumFractionDigits: 3 });

export function formatAmount(amount: number): string {
  return `${AMOUNT_FORMAT.format(amount)}백만원`;
}

/** "2019-H1" → "2019년 상반기", "afterTerm" → "임기후". */
export function periodLabel(key: string): string {
  if (key === AFTER_TERM) return '임기후';
  const m = /^(\d{4})-H([12])$/.exec(key);
  if (m === null) return key;
  return `${m[1]}년 ${m[2] === '1' ? '상반기' : '하반기'}`;
}

/**
 * periodLabel read back: "2019년 상반기" → "2019-H1", "임기후" → "afterTerm" (spaces aside); null for any other
 * text. Whether the half-year is the term's is the caller's to check.
 */
export function periodKeyOfLabel(label: string): string | null {
  const words = label.normalize('NFKC').replace(/\s+/g, '');
  if (words === '임기후') return AFTER_TERM;
  const m = /^(\d{4})년(상|하)반기$/.exec(words);
  if (m === null) return null;
  return `${m[1] as string}-H${m[2] === '상' ? '1' : '2'}`;
}

/** The last month of the term, "YYYY-MM", from its last half-year. */
export function termEndMonth(periods: readonly string[]): string | null {
  const last = periods.at(-1);
  if (last === undefined || !/^\d{4}-H[12]$/.test(last)) return null;
  return `${last.slice(0, 4)}-${last.endsWith('H1') ? '06' : '12'}`;
}
