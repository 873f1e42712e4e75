// The import's results as rendered: a file whose documents count late says so in its outcome, and one whose cards
// brought undecided conflicts says how many and where they wait; a plain accepted file says neither.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { BundleImportResult } from '../../../domain/api/contract';
import { ImportResultsTable } from './ImportResultsTable';

const accepted = (file: string, extra: Partial<BundleImportResult> = {}): BundleImportResult => ({
  file,
  status: 'accepted',
  code: 'ACCEPTED',
  reason: '경제진흥본부 r4: 문서 2건, 첨부 0건을 반영했습니다.',
  department: '경제진흥본부',
  period: '2019-H1',
  unverified: false,
  revision: 4,
  sha256: 'ab'.repeat(32),
  documents: 2,
  ...extra,
});

const rowOf = (html: string, file: string): string =>
  new RegExp(`<tr\\b[^>]*data-file="${file}"[^>]*>(.*?)</tr>`).exec(html)?.[1] ?? '';
const text = (html: string): string => html.replace(/<[^>]*>/g, '').replace(/<!-- -->/g, '');

describe('ImportResultsTable', () => {
  const html = renderToStaticMarkup(
    <ImportResultsTable
      results={[
        accepted('c-r4.pledge', { late: { dueDate: '2019-07-15', documents: 2 } }),
        accepted('a-r4.pledge', { conflicts: 3 }),
        accepted('b-r2.pledge'),
      ]}
    />,
  );

  it('marks a late file 기한 지남: 지연 and says how many documents count late', () => {
    const row = rowOf(html, 'c-r4.pledge');
    expect(text(/data-testid="import-outcome"[^>]*>([^<]*)</.exec(row)?.[1] ?? '')).toBe(
      '반영 (기한 지남: 지연)',
    );
    expect(text(row)).toContain(
      '제출 기한(2019-07-15) 뒤에 받아 문서 2건이 제출 현황에서 지연으로 집계됩니다.',
    );
    expect(row).not.toContain('import-conflicts');
  });

  it('names the conflicts a file brought and where they wait', () => {
    const row = rowOf(html, 'a-r4.pledge');
    expect(/data-testid="import-conflicts"[^>]*>([^<]*)</.exec(row)?.[1]).toBe('충돌 3건 → 종합 현황 › 충돌');
    expect(text(row)).not.toContain('지연');
  });

  it('says only 반영 for a file in time with nothing to decide', () => {
    const row = rowOf(html, 'b-r2.pledge');
    expect(/data-testid="import-outcome"[^>]*>([^<]*)</.exec(row)?.[1]).toBe('반영');
    expect(row).not.toContain('import-conflicts');
    expect(row).not.toContain('import-late');
  });
});
