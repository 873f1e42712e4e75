// The office's decisions on cards as the department sees them: in words, beside a file's 접수 확인, and in the
// desk's 관리카드 cell of the project and half-year decided on.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import type { DeadlineView, OfficeCardDecision } from '../../../domain/api/contract';
import { listPeriods } from '../../../domain/term/periods';
import { seoulMinseon7Term } from '../../../domain/term/load';
import {
  cardDecisionLabel,
  cardDecisionLines,
  decisionsOnCard,
  decisionsOnFile,
} from './card-decision-label';
import { CardDecisionList } from './CardDecisions';
import { DeadlinePanel, ProjectRow } from './DraftingScreen';

// Rendering calls nothing in main: the API client (which looks for the Electron bridge or the page's token when it
// loads) is left out.
vi.mock('../api/client', () => ({ api: {} }));

const excluded: OfficeCardDecision = {
  projectId: '1-1-3',
  periodId: '2019-H1',
  kind: 'cardExcluded',
  reason: '정책목표가 조정 전 내용입니다',
  decidedAt: '2019-07-20T01:00:00.000Z', // 10:00 KST
  revision: 2,
};
const approved: OfficeCardDecision = {
  ...excluded,
  projectId: '1-1-1',
  kind: 'completionAccepted',
  reason: '',
  decidedAt: '2019-07-20T02:00:00.000Z',
};
const rejected: OfficeCardDecision = {
  ...excluded,
  projectId: '1-1-2',
  kind: 'completionRejected',
  reason: '완료 근거 부족',
};
/** A decision on another half-year's card, sent in another file. */
const earlier: OfficeCardDecision = { ...rejected, periodId: '2018-H2', revision: 1 };

/** Text of rendered markup, tags dropped (entities as React writes them). */
const textOf = (html: string): string => html.replace(/<[^>]+>/g, '');

describe('cardDecisionLabel', () => {
  it('says an excluded card is to be sent again with the office’s reason, and a 완료 decision as 승인 or 반려: 사유', () => {
    expect(cardDecisionLabel(excluded)).toEqual({
      text: `제외됨 (다시 제출 필요): ${excluded.reason}`,
      warn: true,
    });
    expect(cardDecisionLabel(approved)).toEqual({ text: '완료 승인', warn: false });
    expect(cardDecisionLabel(rejected)).toEqual({ text: `완료 반려: ${rejected.reason}`, warn: true });
    // A decision recorded without a note (before one was required) still reads whole.
    expect(cardDecisionLabel({ kind: 'completionRejected', reason: ' ' }).text).toBe('완료 반려');
  });

  it('names the project and when the office decided, one line per card of a file', () => {
    expect(cardDecisionLines([approved, excluded])).toEqual([
      {
        key: '1-1-1|2019-H1|completionAccepted',
        text: '1-1-1 관리카드 완료 승인 (2019-07-20 11:00 결정)',
        warn: false,
      },
      {
        key: '1-1-3|2019-H1|cardExcluded',
        text: `1-1-3 관리카드 제외됨 (다시 제출 필요): ${excluded.reason} (2019-07-20 10:00 결정)`,
        warn: true,
      },
    ]);
  });

  it('picks the decisions of a project’s card of a half-year, and those of one file', () => {
    const all = [approved, rejected, excluded, earlier];
    expect(decisionsOnCard(all, '1-1-2', '2019-H1')).toEqual([rejected]);
    expect(decisionsOnCard(all, '1-1-2', '2018-H2')).toEqual([earlier]);
    expect(decisionsOnCard(all, '1-1-4', '2019-H1')).toEqual([]);
    expect(decisionsOnFile(all, '2019-H1', 2)).toEqual([approved, rejected, excluded]);
    expect(decisionsOnFile(all, '2019-H1', 1)).toEqual([]);
  });
});

describe('the decisions on screen', () => {
  it('lists a file’s decisions under its 접수 확인, marking what the department must do; nothing for none', () => {
    const html = renderToStaticMarkup(<CardDecisionList decisions={[approved, excluded]} testId="x" />);
    expect(html).toContain('data-testid="x"');
    expect(html.match(/<li/g)).toHaveLength(2);
    expect(html).toContain('<li class="sent-missing">1-1-3 관리카드 제외됨 (다시 제출 필요)');
    expect(html).toContain('<li>1-1-1 관리카드 완료 승인');
    expect(renderToStaticMarkup(<CardDecisionList decisions={[]} testId="x" />)).toBe('');
  });

  it('shows the decision in the desk’s 관리카드 cell of that project, instead of the card’s state alone', () => {
    const row = (decisions: OfficeCardDecision[]) =>
      renderToStaticMarkup(
        <table>
          <tbody>
            <ProjectRow
              project={{ projectId: '1-1-3', projectName: '사업', role: 'lead' }}
              periodId="2019-H1"
              statusOf={(ref) => (ref.kind === 'executionPlan' ? 'confirmed' : 'draft')}
              requests={[]}
              cardDecisions={decisions}
              onOpen={() => undefined}
              onNewRequest={() => undefined}
            />
          </tbody>
        </table>,
      );
    const shown = row([excluded]);
    expect(shown).toContain('data-testid="card-decision"');
    expect(textOf(shown)).toContain(`작성중제외됨 (다시 제출 필요): ${excluded.reason}`);
    expect(textOf(row([rejected]))).toContain(`완료 반려: ${rejected.reason}`);
    expect(row([])).not.toContain('card-decision');
  });

  it('the deadline panel says the decisions on the last file beside its 접수 확인, apart from it', () => {
    const period = listPeriods(seoulMinseon7Term).find((p) => p.id === '2019-H1') ?? null;
    const deadlines: DeadlineView = {
      period,
      daysLeft: 5,
      projects: [],
      lastSent: {
        revision: 2,
        createdAt: '2019-07-05T01:00:00.000Z',
        documents: 3,
        changedSince: 0,
        receipt: {
          asOf: '2019-07-20T05:00:00.000Z',
          state: 'accepted',
          receivedAt: '2019-07-06T01:00:00.000Z',
        },
      },
      cardDecisions: [approved, rejected, excluded, earlier],
      plan: null,
      overdue: null,
    };
    const html = renderToStaticMarkup(<DeadlinePanel deadlines={deadlines} onShowPeriod={() => undefined} />);
    const receipt = /data-testid="office-receipt">(.*?)<\/span>/.exec(html)?.[1];
    // The 접수 확인 reads as before; the decisions follow it, one per card of r2 (not the earlier half-year's).
    expect(textOf(receipt ?? '')).toBe(' · 기획담당관 접수 확인: 반영됨 (2019-07-06 10:00 접수)');
    const list = /data-testid="last-sent-card-decisions"[^>]*>(.*?)<\/ul>/.exec(html)?.[1] ?? '';
    expect(list.match(/<li/g)).toHaveLength(3);
    expect(textOf(list)).toContain(`1-1-2 관리카드 완료 반려: ${rejected.reason}`);
    expect(textOf(list)).not.toContain('2018');
  });
});
