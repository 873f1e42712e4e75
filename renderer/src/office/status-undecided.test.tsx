// 이행 후 계속 추진 waits for the office's decision as 완료 does (seed 000: 완료기준 = 완료 / 이행후 계속추진): the
// status tables mark each waiting count in its own column and say so under the tables, and 완료 요청 names what
// the department reported.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { seoulMinseon7Catalog } from '../../../domain/catalog/load';
import { REPORT_STATUSES, type ReportStatus, type StatusTableRow } from '../../../domain/reports';
import { CompletionSection } from './CompletionSection';
import { StatusTables } from './StatusTables';
import { completionRequest } from './test-support/completion-request';

vi.mock('../api/client', () => ({ api: {} }));

const counts = (over: Partial<Record<ReportStatus, number>>): Record<ReportStatus, number> => ({
  ...(Object.fromEntries(REPORT_STATUSES.map((s) => [s, 0])) as Record<ReportStatus, number>),
  ...over,
});
const row = (key: string, completedUndecided: number, continuingUndecided: number): StatusTableRow => ({
  key,
  label: key === 'total' ? '합계' : `${key}. 분야`,
  counts: counts({ completed: 2, continuing: 3, onTrack: 5 }),
  total: 10,
  completionRate: 0.5,
  completedUndecided,
  continuingUndecided,
});

const text = (html: string, testId: string): string | null =>
  new RegExp(`data-testid="${testId}"[^>]*>([^<]*)<`).exec(html)?.[1] ?? null;

describe('결정 대기 of 이행 후 계속 추진', () => {
  it('is marked in the 이행 후 계속 추진 column and named under the tables', () => {
    const html = renderToStaticMarkup(
      <StatusTables
        tables={{
          beforeDue: false,
          byArea: [row('1', 1, 2)],
          byCorePledge: [],
          byDepartment: [],
          total: row('total', 1, 2),
        }}
        definition="(완료 + 이행 후 계속 추진) ÷ 세부사업 수"
      />,
    ).replace(/<!-- -->/g, '');
    expect(text(html, 'status-area-1-undecided')).toBe('결정 대기 1');
    expect(text(html, 'status-area-1-continuing-undecided')).toBe('결정 대기 2');
    expect(text(html, 'status-total-continuing-undecided')).toBe('결정 대기 2');
    expect(text(html, 'status-undecided-note')).toContain(
      '완료 2건 가운데 1건, 이행 후 계속 추진 3건 가운데 2건은',
    );
  });

  it('is listed in 완료 요청 with the status the card reports', () => {
    const request = completionRequest({ status: 'continuing', evidence: '조례 제정 후 매년 공모' });

    const html = renderToStaticMarkup(
      <CompletionSection
        requests={[request]}
        periodId="2019-H1"
        catalog={seoulMinseon7Catalog}
        onChanged={() => {}}
      />,
    ).replace(/<!-- -->/g, '');
    expect(text(html, 'completion-1-1-1-status')).toBe('이행 후 계속 추진');
    expect(html).toContain('보고한 추진상황');
  });
});
