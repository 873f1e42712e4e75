// 충돌 as rendered: a frozen-field conflict whose decision was made on other differences waits again, and says so.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import type { Conflict } from '../../../domain/api/contract';
import { seoulMinseon7Catalog } from '../../../domain/catalog/load';
import { decisionMessage } from './conflict-messages';
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

describe('a conflict decision’s message', () => {
  const projectIds = Array.from({ length: 30 }, (_, i) => `1-1-${i + 1}`);
  const held: Conflict = {
    key: 'same-revision:ab12',
    kind: 'sameRevision',
    projectId: '1-1-4',
    projectIds,
    periodId: '2019-H1',
    department: '경제진흥본부',
    message: '경제진흥본부가 같은 회차(r4)로 내용이 다른 제출 파일을 두 번 보냈습니다.',
    details: [],
    resolution: null,
    resolutionNote: null,
    resolvedAt: null,
    heldSha256: 'ab12',
    heldFile: { period: '2019-H1', revision: 4, documents: 60, projects: 30 },
  };

  it('names the whole held file, its documents and projects, not one of its projects', () => {
    const text = decisionMessage(held, '반영한 제출 파일 유지');
    expect(text).toBe(
      "경제진흥본부 2019년 상반기 r4 제출 파일(문서 60건, 사업 30개): '반영한 제출 파일 유지'로 정했습니다.",
    );
    expect(text).not.toContain('1-1-4');
  });

  it('names a plan file as 실천계획서, and a card conflict by its project', () => {
    const plan = { ...held, heldFile: { period: 'plan', revision: 1, documents: 3, projects: 3 } };
    expect(decisionMessage(plan, '반영한 제출 파일 유지')).toBe(
      "경제진흥본부 실천계획서 r1 제출 파일(문서 3건, 사업 3개): '반영한 제출 파일 유지'로 정했습니다.",
    );
    expect(decisionMessage(waiting, '카드 제외')).toBe("1-1-1 경제진흥본부: '카드 제외'로 정했습니다.");
  });
});
