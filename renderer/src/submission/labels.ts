import { localDateTimeOf } from '../../../domain/reports/submissions';

export { IMPORT_STATUS_LABELS } from '../../../domain/reports/import-outcome';

export { KEY_STATUS_LABELS } from '../../../domain/api/contract';

export const periodLabel = (period: string): string => {
  if (period === 'plan') return '실천계획서';
  const m = /^(\d{4})-H([12])$/.exec(period);
  return m ? `${m[1]}년 ${m[2] === '1' ? '상반기' : '하반기'}` : period;
};

/** "2019-06-30T01:02:03.000Z" → "2019-06-30 10:02", in Korea's time (KST). */
export function formatTime(iso: string | null): string {
  if (!iso) return '';
  // Korea's time, as every other time the program shows (the office's deadlines, the files' 만든 시각), whatever
  // zone the PC is set to.
  return localDateTimeOf(iso);
}

export const shortHash = (sha: string | null): string => (sha ? `${sha.slice(0, 12)}…` : '');
