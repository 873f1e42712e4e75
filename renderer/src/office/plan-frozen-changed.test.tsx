// 실천계획 확정: a plan re-sent after the confirmation that rewrites frozen items (추후 임의변경불가) says which,
// beside its row, before the office confirms it.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import type { PlanConfirmationRow } from '../../../domain/plans/confirmation';
import { PlanConfirmationsSection } from './PlanConfirmations';

vi.mock('../api/client', () => ({ api: {} }));

const row = (projectId: string, frozenChanged: string[]): PlanConfirmationRow => ({
  projectId,
  projectName: `사업 ${projectId}`,
  leadDepartment: '경제진흥본부',
  received: { revision: 3, receivedAt: '2019-01-10T00:00:00Z', bundleSha256: 'a'.repeat(64) },
  confirmed: { version: 1, confirmedAt: '2018-11-30T00:00:00Z' },
  state: 'newerReceived',
  approvedKept: [],
  frozenChanged,
});

describe('실천계획 확정: frozen items a re-sent plan changes', () => {
  it('are named beside the row; a row changing none says nothing', () => {
    const html = renderToStaticMarkup(
      <PlanConfirmationsSection
        rows={[row('1-1-1', ['정책목표', '연차별 추진계획 (핀테크랩 운영)']), row('1-1-2', [])]}
        onChanged={() => {}}
      />,
    ).replace(/<!-- -->/g, '');
    const note = /data-testid="plan-1-1-1-frozen-changed"[^>]*>([^<]*)</.exec(html)?.[1];
    expect(note).toBe(
      '확정하면 바뀌는 확정 항목(추후 임의변경불가): 정책목표, 연차별 추진계획 (핀테크랩 운영). 시민공약평가단이 승인한 공약 조정 없이 바꾸는 것이 아닌지 확인하세요.',
    );
    expect(html).not.toContain('data-testid="plan-1-1-2-frozen-changed"');
  });
});
