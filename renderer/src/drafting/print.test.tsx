// The printed forms name the attached files: the card's 완료 근거자료 (also when a 완료 rests on files alone), and
// the change request's 관련자료 under the same heading level as 변경 요구내용 and 변경 요구사유 (붙임6's □).
import { renderToStaticMarkup } from 'react-dom/server';
import type { ReactElement } from 'react';
import { describe, expect, it } from 'vitest';
import type { AttachmentRef, ManagementCard } from '../../../domain/documents';
import { exampleCard, exampleChangeRequest } from '../../../domain/documents/test-fixtures';
import { FUNDING_SOURCE_LABELS } from '../../../domain/documents';
import { seoulMinseon7Term } from '../../../domain/term/load';
import { listPeriods } from '../../../domain/term/periods';
import { formatMoney } from './form-kit';
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

const text = (cell: string): string => cell.replace(/&#x27;/g, "'").replace(/&amp;/g, '&');

/** The header cells and the body rows' cells (as text) of the print tables captioned `caption`. */
function gridOf(html: string, caption: string): { heads: string[]; rows: string[][] }[] {
  const tables = [...html.matchAll(/<table class="print-grid"><caption>(.*?)<\/caption>(.*?)<\/table>/gs)];
  return tables
    .filter((t) => t[1] === caption)
    .map((t) => {
      const body = t[2] ?? '';
      const head = /<thead>(.*?)<\/thead>/s.exec(body)?.[1] ?? '';
      const rows = [...(/<tbody>(.*?)<\/tbody>/s.exec(body)?.[1] ?? '').matchAll(/<tr>(.*?)<\/tr>/gs)];
      return {
        heads: [...head.matchAll(/<th>(.*?)<\/th>/g)].map((m) => text(m[1] ?? '')),
        rows: rows.map((r) =>
          [...(r[1] ?? '').matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/gs)].map((m) => text(m[1] ?? '')),
        ),
      };
    });
}

describe('관리카드 print: every half-year of the term, as 붙임4 heads them', () => {
  const card = exampleCard();
  // A value typed for a half-year after the card's own (left in the grid) is neither printed nor summed.
  const unit = card.unitProjects[0]!;
  unit.results['2020-H1'] = '아직 오지 않은 반기';
  unit.executed.city['2020-H1'] = 999;
  const html = render(<CardPrint card={card} term={seoulMinseon7Term} />);
  const halfYears = listPeriods(seoulMinseon7Term);

  it('heads 연차별 실적 with all eight half-years and leaves those after the card blank', () => {
    const [results] = gridOf(html, '연차별 실적');
    expect(results?.heads).toEqual(halfYears.map((p) => p.shortLabel));
    const cells = results?.rows[0] ?? [];
    expect(cells).toHaveLength(halfYears.length);
    halfYears.forEach((p, i) => {
      const expected = p.id <= card.periodId ? (unit.results[p.id] ?? '') : '';
      expect(cells[i], p.id).toBe(expected);
    });
  });

  it('heads 연차별 집행액 with all eight half-years; later ones are blank and out of the 계', () => {
    const [executed] = gridOf(html, '연차별 집행액 (단위 : 백만원)');
    expect(executed?.heads).toEqual(['구분', ...halfYears.map((p) => p.shortLabel), '계']);
    const cityRow = executed?.rows.find((r) => r[0] === FUNDING_SOURCE_LABELS.city) ?? [];
    const reported = halfYears.filter((p) => p.id <= card.periodId);
    const citySum = reported.reduce((sum, p) => sum + (unit.executed.city[p.id] ?? 0), 0);
    expect(cityRow.at(-1)).toBe(formatMoney(citySum));
    halfYears.forEach((p, i) => {
      if (p.id > card.periodId) expect(cityRow[i + 1], p.id).toBe('');
    });
    const totalRow = executed?.rows.find((r) => r[0] === '계') ?? [];
    expect(totalRow.slice(1 + reported.length, 1 + halfYears.length)).toEqual(
      halfYears.slice(reported.length).map(() => ''),
    );
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
