// 받은 문서 보기·인쇄: above the document, on screen only, each file it attaches with 열기/내려받기 (a card's 완료
// 근거자료 and 시민참여 사진, a plan's 시민참여 첨부, a request's 관련자료); the layout under it names the files for
// paper and has no buttons. Rendered as markup, nothing called.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import type { ProjectDocumentView } from '../../../domain/api/contract';
import { seoulMinseon7Catalog } from '../../../domain/catalog/load';
import type { CatalogProject } from '../../../domain/catalog/types';
import type { Document, ManagementCard } from '../../../domain/documents';
import { exampleCard, exampleChangeRequest, examplePlan } from '../../../domain/documents/test-fixtures';
import { seoulMinseon7Term } from '../../../domain/term/load';
import { ShownDocument } from './ReceivedDocuments';

vi.mock('../api/client', () => ({ api: {} }));

const project = seoulMinseon7Catalog.projects.find((p) => p.id === '1-1-1') as CatalogProject;

const view = (document: Document): ProjectDocumentView => ({
  kind: document.kind,
  slot: document.kind === 'managementCard' ? document.periodId : 'plan',
  department: '경제진흥본부',
  source: { kind: 'received', revision: 2, receivedAt: '2019-07-10T01:00:00.000Z' },
  document,
  earlier: [],
});

/** The markup split where the layout begins: [files above it, the layout]. */
function shown(document: Document): [string, string] {
  const html = renderToStaticMarkup(
    <ShownDocument doc={view(document)} project={project} term={seoulMinseon7Term} />,
  ).replace(/<!-- -->/g, '');
  const at = html.indexOf('<article');
  return [html.slice(0, at), html.slice(at)];
}

const openButtons = (html: string): string[] =>
  [...html.matchAll(/<button[^>]*aria-label="([^"]*열기\/내려받기)"/g)].map((m) => m[1] ?? '');

describe('받은 문서 보기·인쇄: attached files', () => {
  it('a card: its 완료 근거자료 and 시민참여 사진 to open above it, named in the layout without buttons', () => {
    const card: ManagementCard = {
      ...exampleCard(),
      status: 'completed',
      completionEvidence: {
        summary: '',
        attachments: [
          { sha256: 'a'.repeat(64), name: '준공검사조서.pdf', mediaType: 'application/pdf', size: 9 },
        ],
      },
    };
    const [files, layout] = shown(card);
    expect(files).toMatch(/^<div class="screen-only document-files"/);
    expect(openButtons(files)).toEqual([
      '준공검사조서.pdf 열기/내려받기',
      '핀테크랩 개관식.jpg 열기/내려받기',
    ]);
    expect(openButtons(layout)).toEqual([]);
    expect(layout).toContain('완료 근거자료: 준공검사조서.pdf');
    expect(layout).toContain('첨부: 핀테크랩 개관식.jpg');
  });

  it("a plan's 시민참여 첨부 and a request's 관련자료", () => {
    const [planFiles] = shown(examplePlan());
    expect(openButtons(planFiles)).toEqual(['보도자료_핀테크 산업 육성계획.pdf 열기/내려받기']);
    const [requestFiles, requestLayout] = shown(exampleChangeRequest());
    expect(openButtons(requestFiles)).toEqual([
      '전문가 검토의견.pdf 열기/내려받기',
      '공청회 회의자료.hwp 열기/내려받기',
    ]);
    expect(requestLayout).toContain('전문가 검토의견 (전문가 검토의견.pdf)');
  });

  it('a document without files shows its layout alone', () => {
    const card = exampleCard();
    const bare: ManagementCard = {
      ...card,
      status: 'onTrack',
      citizenParticipation: { ...card.citizenParticipation, attachments: [] },
    };
    const [files, layout] = shown(bare);
    expect(files).toBe('');
    expect(layout).toMatch(/^<article/);
  });
});
