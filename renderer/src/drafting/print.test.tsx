// The printed forms name the attached files: the card's 완료 근거자료 (also when a 완료 rests on files alone), and
// the change request's 관련자료 under the same heading level as 변경 요구내용 and 변경 요구사유 (붙임6's □).
import { renderToStaticMarkup } from 'react-dom/server';
import type { ReactElement } from 'react';
import { describe, expect, it } from 'vitest';
import type { AttachmentRef, ManagementCard } from '../../../domain/documents';
import { exampleCard, exampleChangeRequest } from '../../../domain/documents/test-fixtures';
import { seoulMinseon7Term } from '../../../domain/term/load';
import { CardPrint, ChangeRequestPrint } from './print';

const render = (element: ReactElement): string => renderToStaticMarkup(element).replace(/<!-- -->/g, '');

const file = (name: string, digit: string): AttachmentRef => ({
  sha256: digit.repeat(64),
  name,
  mediaType: 'application/pdf',
  size: 1024,
});

const completedCard = (summary: string, attachments: AttachmentRef[]): ManagementCard => ({
  ...exampleCard(),
  status: 'completed',
  completionEvidence: { summary, attachments },
});

/** The 완료 근거 row's cell, or null when the card prints none. */
const evidenceCell = (html: string): string | null =>
  /data-testid="print-completion-evidence">(.*?)<\/td>/s.exec(html)?.[1] ?? null;

describe('관리카드 print: 완료 근거', () => {
  it('lists the 완료 근거자료 by name under the 완료 근거 text', () => {
    const html = render(
      <CardPrint
        card={completedCard('준공 및 개통 (2019.6.28)', [
          file('핀테크랩_준공검사조서.pdf', 'a'),
          file('개통식 사진.jpg', 'b'),
        ])}
        term={seoulMinseon7Term}
      />,
    );
    expect(evidenceCell(html)).toBe(
      '준공 및 개통 (2019.6.28)\n완료 근거자료: 핀테크랩_준공검사조서.pdf, 개통식 사진.jpg',
    );
  });

  it('prints the row for a 완료 resting on a file alone', () => {
    const html = render(
      <CardPrint
        card={completedCard('', [file('핀테크랩_준공검사조서.pdf', 'a')])}
        term={seoulMinseon7Term}
      />,
    );
    expect(evidenceCell(html)).toBe('완료 근거자료: 핀테크랩_준공검사조서.pdf');
  });

  it('prints no 완료 근거 for a card without one, nor for one whose status does not show it', () => {
    expect(
      evidenceCell(render(<CardPrint card={completedCard('', [])} term={seoulMinseon7Term} />)),
    ).toBeNull();
    const onTrack = { ...completedCard('', [file('a.pdf', 'a')]), status: 'onTrack' as const };
    expect(evidenceCell(render(<CardPrint card={onTrack} term={seoulMinseon7Term} />))).toBeNull();
  });
});

describe('조정 요청서 print', () => {
  const html = render(<ChangeRequestPrint request={exampleChangeRequest()} />);

  it('heads 변경 요구내용, 변경 요구사유 and 관련자료 (첨부) alike, in the form order', () => {
    const headings = [...html.matchAll(/<h(\d)>([^<]*)<\/h\d>/g)].map((m) => `h${m[1]} ${m[2]}`);
    expect(headings).toEqual([
      'h1 공약 조정 요청서',
      'h2 변경 요구내용',
      'h2 변경 요구사유',
      'h2 관련자료 (첨부)',
    ]);
    expect(html).not.toContain('<caption>변경 요구내용</caption>');
  });

  it('lists each 관련자료 with its file name', () => {
    expect(html).toContain('<li>전문가 검토의견 (전문가 검토의견.pdf)</li>');
    expect(html).toContain('<li>공청회 회의자료 (공청회 회의자료.hwp)</li>');
  });
});
