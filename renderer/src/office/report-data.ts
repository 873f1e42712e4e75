import { currentReportingPeriod, listPeriods, type Period } from '../../../domain/term/periods';
import type { Term } from '../../../domain/term/types';
import { api } from '../api/client';

/**
 * The half-year the screen opens on: the latest one any accepted bundle reports on, else the one whose cards are
 * due next by the program's clock (the server's "today", which tests can set), else the term's last.
 */
export async function defaultPeriodId(term: Term, periods: Period[]): Promise<string> {
  const ids = new Set(periods.map((p) => p.id as string));
  const bundles = await api.listBundles({ status: 'accepted' });
  const withData = bundles
    .map((b) => b.period)
    .filter((p) => ids.has(p))
    .sort();
  const latest = withData.at(-1);
  if (latest) return latest;
  const first = periods[0];
  if (!first) throw new Error('임기에 반기가 없습니다.');
  // The server's clock (PLEDGE_NOW in tests) decides "now"; the report states it in meta.today.
  const probe = await api.getOfficeReport({ periodId: first.id });
  return (currentReportingPeriod(term, probe.report.meta.today) ?? periods.at(-1) ?? first).id;
}

export const termPeriods = (term: Term): Period[] => listPeriods(term);

/** Saves a base64 file through the browser's download (works in Electron and in browser mode). */
export function downloadBase64(fileName: string, mediaType: string, dataBase64: string): void {
  const binary = atob(dataBase64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: mediaType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Let the browser start the download before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
