import type { BundleImportResult } from '../../../domain/api/contract';

export const IMPORT_STATUS_LABELS: Record<BundleImportResult['status'], string> = {
  accepted: '반영',
  duplicate: '중복',
  quarantined: '격리',
  held: '충돌 보류',
  rejected: '거부',
};

export { KEY_STATUS_LABELS } from '../../../domain/api/contract';

export const periodLabel = (period: string): string => {
  if (period === 'plan') return '실천계획서';
  const m = /^(\d{4})-H([12])$/.exec(period);
  return m ? `${m[1]}년 ${m[2] === '1' ? '상반기' : '하반기'}` : period;
};

/** "2019-06-30T01:02:03.000Z" → local "2019-06-30 10:02". */
export function formatTime(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export const shortHash = (sha: string | null): string => (sha ? `${sha.slice(0, 12)}…` : '');
