// A lead's 재정집행현황 is written with its confirmed plan and card (초기계획 and 집행 come from them), so the desk
// opens it, as it opens the card, once the office has confirmed the plan; a row already written stays open. A
// co-department's row waits for nothing.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import type { DocumentRef } from '../../../domain/api/contract';
import type { Lifecycle } from '../../../domain/documents';
import { ProjectRow } from './DraftingScreen';

vi.mock('../api/client', () => ({ api: {} }));

function row(role: 'lead' | 'co', plan: Lifecycle | null, finance: Lifecycle | null): string {
  const statusOf = (ref: DocumentRef): Lifecycle | null =>
    ref.kind === 'executionPlan' ? plan : ref.kind === 'financeRow' ? finance : null;
  return renderToStaticMarkup(
    <table>
      <tbody>
        <ProjectRow
          project={{ projectId: '1-1-3', projectName: '사업', role }}
          periodId="2019-H1"
          statusOf={statusOf}
          requests={[]}
          cardDecisions={[]}
          onOpen={() => undefined}
          onNewRequest={() => undefined}
        />
      </tbody>
    </table>,
  );
}

/** The 재정집행현황 button's opening tag. */
const financeButton = (html: string): string =>
  /<button[^>]*aria-label="1-1-3 재정집행현황 열기"[^>]*>/.exec(html)?.[0] ?? '';

describe('desk: the lead’s 재정집행현황 waits for the confirmed plan', () => {
  it('is closed, with the reason on the page, while the plan is not confirmed', () => {
    for (const plan of [null, 'draft', 'submitted'] as const) {
      const html = row('lead', plan, null);
      expect(financeButton(html), String(plan)).toContain('disabled=""');
      expect(financeButton(html)).toContain('aria-describedby="finance-wait-1-1-3"');
      expect(html).toContain('<span class="hint" id="finance-wait-1-1-3">실천계획서 확정 뒤 작성</span>');
    }
  });

  it('opens once the plan is confirmed, and a row already written stays open', () => {
    expect(financeButton(row('lead', 'confirmed', null))).not.toContain('disabled');
    expect(financeButton(row('lead', 'submitted', 'draft'))).not.toContain('disabled');
    expect(row('lead', 'submitted', 'draft')).not.toContain('finance-wait-1-1-3');
  });

  it('a co-department’s row waits for nothing', () => {
    expect(financeButton(row('co', null, null))).not.toContain('disabled');
  });
});
