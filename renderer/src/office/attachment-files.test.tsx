// The office's screens offer each attached file to open: 완료 요청's 완료 근거자료, a pending or approved 조정
// 요청's 관련자료, and above a document shown in its layout (관리카드 보기, 받은 문서 보기·인쇄) its 완료 근거자료,
// 시민참여 첨부 or 관련자료: each a button named with the file's name (rendered as markup, nothing called).
import { renderToStaticMarkup } from 'react-dom/server';
import type { ReactElement } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { CompletionRequestView } from '../../../domain/api/contract';
import { seoulMinseon7Catalog } from '../../../domain/catalog/load';
import type { AttachmentRef } from '../../../domain/documents';
import {
  exampleCard,
  exampleChangeRequest,
  exampleFinanceRow,
  examplePlan,
} from '../../../domain/documents/test-fixtures';
import type { ApprovedChange } from '../../../domain/reports';
import { ChangesSection } from './ChangesSection';
import { CompletionSection } from './CompletionSection';
import { DocumentFilesToOpen } from './DocumentFiles';
import { completionRequest } from './test-support/completion-request';

// Rendering calls nothing in main: the API client (which looks for the Electron bridge or the page's token when it
// loads) is left out.
vi.mock('../api/client', () => ({ api: {} }));

const render = (element: ReactElement): string => renderToStaticMarkup(element).replace(/<!-- -->/g, '');

const file = (name: string, digit: string): AttachmentRef => ({
  sha256: digit.repeat(64),
  name,
  mediaType: 'application/pdf',
  size: 1024,
});
const inspection = file('핀테크랩_준공검사조서.pdf', 'a');

/** The open buttons in the markup: [accessible name, visible text]. */
const openButtons = (html: string): [string, string][] =>
  [...html.matchAll(/<button[^>]*aria-label="([^"]*)"[^>]*>([^<]*)<\/button>/g)]
    .filter((m) => (m[1] ?? '').endsWith('열기/내려받기'))
    .map((m) => [m[1] ?? '', m[2] ?? '']);

const request = (evidence: string, files: AttachmentRef[]): CompletionRequestView =>
  completionRequest({ evidence, evidenceFiles: files });

const completion = (requests: CompletionRequestView[]) =>
  render(
    <CompletionSection
      requests={requests}
      periodId="2019-H1"
      catalog={seoulMinseon7Catalog}
      onChanged={() => {}}
    />,
  );

describe('완료 요청', () => {
  it('offers each 완료 근거자료 to open, by a button named with the file', () => {
    const html = completion([
      request('준공 및 개통 (2019.6.28)', [inspection, file('개통식 사진.jpg', 'b')]),
    ]);
    expect(openButtons(html)).toEqual([
      ['핀테크랩_준공검사조서.pdf 열기/내려받기', '열기/내려받기'],
      ['개통식 사진.jpg 열기/내려받기', '열기/내려받기'],
    ]);
    expect(html).toContain('<span class="file-name">핀테크랩_준공검사조서.pdf</span>');
    expect(html).toContain('aria-label="1-1-1 완료 근거자료"');
    expect(html).toContain('준공 및 개통 (2019.6.28)');
  });

  it('a request resting on a file alone is not said to have no 근거', () => {
    expect(completion([request('', [inspection])])).not.toContain('(근거 없음)');
    const none = completion([request('', [])]);
    expect(none).toContain('(근거 없음)');
    expect(openButtons(none)).toEqual([]);
  });
});

describe('조정 내역: a pending request', () => {
  const pending = () => {
    const r = exampleChangeRequest();
    return { ...r, decisionHistory: r.decisionHistory.slice(0, 1) };
  };
  const changes = (requests: ReturnType<typeof exampleChangeRequest>[]) =>
    render(
      <ChangesSection
        changes={{
          approved: [],
          countsByStatus: {
            requested: 1,
            approvedByDirector: 0,
            reviewing: 0,
            approved: 0,
            rejected: 0,
            draft: 0,
          },
        }}
        pending={requests}
        effects={{}}
        today="2019-07-20"
        onDecided={() => {}}
      />,
    );

  it('lists its 관련자료 (첨부), each with what it is and a button to open it', () => {
    const r = pending();
    expect(r.evidence.map((e) => e.file.name)).toEqual(['전문가 검토의견.pdf', '공청회 회의자료.hwp']);
    const html = changes([r]);
    expect(html).toContain('관련자료 (첨부):');
    expect(openButtons(html)).toEqual([
      ['전문가 검토의견.pdf 열기/내려받기', '열기/내려받기'],
      ['공청회 회의자료.hwp 열기/내려받기', '열기/내려받기'],
    ]);
    expect(html).toContain('전문가 검토의견 <span class="file-name">전문가 검토의견.pdf</span>');
  });

  it('says so when it has none', () => {
    const html = changes([{ ...pending(), evidence: [] }]);
    expect(html).toMatch(/관련자료 \(첨부\): 없음/);
    expect(openButtons(html)).toEqual([]);
  });
});

describe('조정 내역: the approved list', () => {
  const approved = (evidence: ApprovedChange['evidence']): ApprovedChange => ({
    requestId: 'cr-1',
    projectId: '1-1-1',
    projectName: '핀테크 산업 육성',
    department: '경제진흥본부',
    requestedOn: '2019-07-01',
    approvedOn: '2019-07-10',
    approvedBy: '시민공약평가단',
    reason: '사업 여건 변화',
    rows: [{ category: '공약내용 (최종목표 등)', original: '당초', proposed: '변경' }],
    evidence,
    decisionHistory: [],
  });
  const changes = (list: ApprovedChange[]) =>
    render(
      <ChangesSection
        changes={{
          approved: list,
          countsByStatus: {
            requested: 0,
            approvedByDirector: 0,
            reviewing: 0,
            approved: list.length,
            rejected: 0,
            draft: 0,
          },
        }}
        pending={[]}
        effects={{}}
        today="2019-07-20"
        onDecided={() => {}}
      />,
    );

  it('has a 관련자료 column with each file of the request to open', () => {
    const html = changes([
      approved([
        { description: '전문가 검토의견', file: { sha256: 'c'.repeat(64), name: '검토의견서.pdf' } },
        { description: '공청회 회의자료', file: { sha256: 'd'.repeat(64), name: '공청회.hwp' } },
      ]),
    ]);
    expect(html).toContain('<th scope="col">관련자료</th>');
    expect(html).toContain('aria-label="1-1-1 승인된 조정 관련자료"');
    expect(html).toContain('전문가 검토의견 <span class="file-name">검토의견서.pdf</span>');
    expect(openButtons(html)).toEqual([
      ['검토의견서.pdf 열기/내려받기', '열기/내려받기'],
      ['공청회.hwp 열기/내려받기', '열기/내려받기'],
    ]);
  });

  it('says 없음 for a change without files', () => {
    const html = changes([approved([])]);
    expect(html).toMatch(/data-testid="change-approved-cr-1-evidence"><span class="hint">없음<\/span>/);
    expect(openButtons(html)).toEqual([]);
  });
});

describe('a document shown in its layout (관리카드 보기, 받은 문서 보기·인쇄)', () => {
  const photo = file('핀테크랩 개관식.jpg', 'e');

  it("offers a card's 완료 근거자료 and 시민참여 첨부 above it, on screen only", () => {
    const card = {
      ...exampleCard(),
      status: 'completed' as const,
      completionEvidence: { summary: '', attachments: [inspection] },
      citizenParticipation: {
        ...exampleCard().citizenParticipation,
        attachments: [{ category: 'photo' as const, caption: '서울핀테크랩 개관식', file: photo }],
      },
    };
    const html = render(<DocumentFilesToOpen document={card} />);
    expect(html).toMatch(/^<div class="screen-only document-files" data-testid="document-files">/);
    expect(html).toContain('완료 근거자료:');
    expect(html).toContain('시민참여 첨부:');
    expect(html).toContain('aria-label="1-1-1 시민참여 첨부"');
    expect(html).toContain(
      '주요활동사진 · 서울핀테크랩 개관식 <span class="file-name">핀테크랩 개관식.jpg</span>',
    );
    expect(openButtons(html)).toEqual([
      ['핀테크랩_준공검사조서.pdf 열기/내려받기', '열기/내려받기'],
      ['핀테크랩 개관식.jpg 열기/내려받기', '열기/내려받기'],
    ]);
  });

  it('offers no 완료 근거자료 for a card whose status does not show its 완료 근거, and nothing without files', () => {
    const card = {
      ...exampleCard(),
      status: 'onTrack' as const,
      completionEvidence: { summary: '', attachments: [inspection] },
    };
    const html = render(<DocumentFilesToOpen document={card} />);
    expect(html).not.toContain('완료 근거자료');
    // The example card's 시민참여 photo is still offered.
    expect(openButtons(html)).toEqual([['핀테크랩 개관식.jpg 열기/내려받기', '열기/내려받기']]);
    const bare = { ...card, citizenParticipation: { ...card.citizenParticipation, attachments: [] } };
    expect(render(<DocumentFilesToOpen document={bare} />)).toBe('');
    expect(render(<DocumentFilesToOpen document={exampleFinanceRow()} />)).toBe('');
  });

  it("offers a plan's 시민참여 첨부 and a request's 관련자료", () => {
    const plan = render(<DocumentFilesToOpen document={examplePlan()} />);
    expect(plan).toContain('시민참여 첨부:');
    expect(openButtons(plan)).toEqual([['보도자료_핀테크 산업 육성계획.pdf 열기/내려받기', '열기/내려받기']]);
    expect(plan).toContain('언론보도 · 핀테크 산업 육성계획 보도자료 <span class="file-name">');
    const request = render(<DocumentFilesToOpen document={exampleChangeRequest()} />);
    expect(request).toContain('관련자료 (첨부):');
    expect(openButtons(request)).toEqual([
      ['전문가 검토의견.pdf 열기/내려받기', '열기/내려받기'],
      ['공청회 회의자료.hwp 열기/내려받기', '열기/내려받기'],
    ]);
  });
});
