import { localDateTimeOf } from '../../../domain/reports/submissions';
/** Number formats of the office tables: 백만원 amounts with up to three decimals (천원 precision), rates in %. */

const amountFormat = new Intl.NumberFormat('ko-KR', { maximumFractionDigits: 3 });
const countFormat = new Intl.NumberFormat('ko-KR', { maximumFractionDigits: 0 });

export const formatAmount = (value: number | null | undefined): string =>
  value === null || value === undefined ? '–' : amountFormat.format(value);

export const formatCount = (value: number): string => countFormat.format(value);

/** 0.4567 → "45.7%"; null (empty group, nothing planned) → "–". */
export const formatRate = (ratio: number | null): string =>
  ratio === null ? '–' : `${(Math.round(ratio * 1000) / 10).toFixed(1)}%`;

/** "2019-07-15T09:12:00.000Z" → "2019-07-15 18:12" in the office's local time (KST, +9 h). */
export const formatKoreanDateTime = (iso: string): string => localDateTimeOf(iso);

/** Turns a report path or key into a data-testid-safe fragment ("termExecuted.byYear.2019" stays readable). */
export const testIdPart = (value: string): string => value.replace(/[^\p{L}\p{N}._-]+/gu, '_');
