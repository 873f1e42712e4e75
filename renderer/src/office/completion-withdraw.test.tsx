// 완료 요청: a decision of the half-year can be taken back (결정 취소 (미결정으로)), asked first; a request waiting
// for the office has nothing to take back, and an acceptance carried over from an earlier half-year is taken back
// there. Rendered as markup, nothing called.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import type { CompletionRequestView } from '../../../domain/api/contract';
import { seoulMinseon7Catalog } from '../../../domain/catalog/load';
import { CompletionSection } from './CompletionSection';
import { completionRequest } from './test-support/completion-request';

vi.mock('../api/client', () => ({ api: {} }));

const request = completionRequest;

const render = (r: CompletionRequestView): string =>
  renderToStaticMarkup(
    <CompletionSection
      requests={[r]}
      periodId="2019-H1"
      catalog={seoulMinseon7Catalog}
      onChanged={() => {}}
    />,
  ).replace(/<!-- -->/g, '');

const WITHDRAW = /<button[^>]*data-testid="completion-1-1-1-withdraw"[^>]*>([^<]*)<\/button>/;

describe('완료 요청: 결정 취소', () => {
  it('offers 결정 취소 (미결정으로) on a decision of the half-year, 승인 or 반려, and asks nothing yet', () => {
    for (const decision of ['accepted', 'rejected'] as const) {
      const html = render(
        request({ decision, decidedAt: '2019-07-20T01:00:00.000Z', decidedForPeriodId: '2019-H1' }),
      );
      expect(html.match(WITHDRAW)?.[1]).toBe('결정 취소 (미결정으로)');
      expect(html).not.toMatch(/<button[^>]*data-testid="completion-1-1-1-withdraw"[^>]*disabled/);
      expect(html).toContain('(다시 결정하거나 결정을 취소할 수 있습니다)');
      // The question comes only once the button is pressed.
      expect(html).not.toContain('role="alertdialog"');
    }
  });

  it('offers nothing to take back while the request waits for the office', () => {
    const html = render(request({}));
    expect(html).not.toMatch(WITHDRAW);
    expect(html).toContain('data-value="open"');
  });

  it('an acceptance carried over from an earlier half-year is taken back in that half-year', () => {
    const html = render(
      request({ decision: 'accepted', decidedAt: '2018-12-20T01:00:00.000Z', decidedForPeriodId: '2018-H2' }),
    );
    expect(html).not.toMatch(WITHDRAW);
    expect(html).toContain('결정 취소는 2018년 하반기 완료 요청에서');
  });

  it('a decision taken back shows 미결정 with what was withdrawn and when', () => {
    const html = render(
      request({
        withdrawnDecision: {
          decision: 'accepted',
          note: '',
          decidedAt: '2019-07-20T01:00:00.000Z',
          withdrawnAt: '2019-07-20T02:00:00.000Z',
          withdrawalNote: '잘못 눌렀음',
        },
      }),
    );
    expect(html).toContain('data-value="open"');
    expect(html).not.toMatch(WITHDRAW);
    const withdrawn = /data-testid="completion-1-1-1-withdrawn">([^<]*)</.exec(html)?.[1] ?? '';
    expect(withdrawn).toMatch(/^ \(승인 · .+ — .+에 결정 취소 \(잘못 눌렀음\)\)$/);
  });
});
