// 충돌 as rendered: a frozen-field conflict whose decision was made on other differences waits again, and says so.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import type { Conflict } from '../../../domain/api/contract';
import { seoulMinseon7Catalog } from '../../../domain/catalog/load';
import { ConflictsSection } from './ConflictsSection';

// Rendering calls nothing in main: the API client (which looks for the Electron bridge or the page's token when it
// loads) is left out.
vi.mock('../api/client', () => ({ api: {} }));

const waiting: Conflict = {
  key: 'frozen:1-1-1:2019-H1:경제진흥본부',
  basis: '[]',
  kind: 'frozenFields',
  projectId: '1-1-1',
  periodId: '2019-H1',
  department: '경제진흥본부',
  message: '1-1-1 관리카드(경제진흥본부)의 확정 항목이 확정된 실천계획서와 다릅니다.',
  details: ['정책목표가 확정된 실천계획서와 다릅니다 — 확정: "가" / 카드: "나"'],
  resolution: null,
  resolutionNote: null,
  resolvedAt: null,
  earlierResolution: {
    decision: 'rejected',
    note: '정책목표 임의 변경',
    decidedAt: '2019-07-10T01:00:00.000Z',
  },
};

const render = (conflicts: Conflict[]) =>
  renderToStaticMarkup(
    <ConflictsSection
      conflicts={conflicts}
      catalog={seoulMinseon7Catalog}
      dueDate="2019-07-15"
      onChanged={() => {}}
    />,
  ).replace(/<!-- -->/g, '');

describe('ConflictsSection', () => {
  it('shows a conflict decided on other differences as undecided, with the earlier decision beside it', () => {
    const html = render([waiting]);
    expect(html).toContain('미결정');
    expect(html).toMatch(/이전 결정\(다른 차이에 대해\): 카드 제외, [^<]*2019[^<]* · 정책목표 임의 변경/);
  });

  it('says nothing of an earlier decision when the latest one holds', () => {
    const { earlierResolution: _earlier, ...held } = waiting;
    const html = render([
      {
        ...held,
        resolution: 'rejected',
        resolutionNote: '정책목표 임의 변경',
        resolvedAt: '2019-07-10T01:00:00.000Z',
      },
    ]);
    expect(html).toContain('카드 제외');
    expect(html).not.toContain('이전 결정');
    expect(html).not.toContain('미결정');
  });
});
