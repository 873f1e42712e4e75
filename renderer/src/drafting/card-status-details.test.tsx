// What the card form says under 추진상황: 완료 and 이행 후 계속 추진 are both asked with a 완료 근거 and decided by the
// planning office (seed 000: 완료기준 = 완료 / 이행후 계속추진); 폐기 stands on an approved 공약 조정 (임의조정 불가).
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import type { CardStatus } from '../../../domain/documents';
import { exampleCard } from '../../../domain/documents/test-fixtures';
import { seoulMinseon7Term } from '../../../domain/term/load';
import { CardForm } from './CardForm';
import { openedDraft } from './test-support/opened-draft';

vi.mock('../api/client', () => ({ api: {} }));
vi.mock('./EditorFrame', () => ({
  EditorFrame: ({ children }: { children: ReactNode }) => <>{children}</>,
}));

function renderCard(status: CardStatus): string {
  const document = { ...exampleCard(), status };
  return renderToStaticMarkup(
    <CardForm
      opened={openedDraft(document)}
      term={seoulMinseon7Term}
      onReload={() => undefined}
      onClose={() => undefined}
      onOpenSecured={() => undefined}
    />,
  ).replace(/<!-- -->/g, '');
}

const hasTestId = (html: string, id: string): boolean => html.includes(`data-testid="${id}"`);

describe('card form: what each 추진상황 asks for', () => {
  it.each<[CardStatus, string]>([
    ['completed', '완료는'],
    ['continuing', '이행 후 계속 추진도'],
  ])('%s: the 완료 근거 fields, and that the office decides', (status, subject) => {
    const html = renderCard(status);
    expect(html).toContain('data-path="completionEvidence"');
    expect(html).toContain(`${subject} 기획담당관이 관리카드의 추진실적과 완료`);
    expect(hasTestId(html, 'card-completion-criteria')).toBe(true);
    expect(hasTestId(html, 'card-dropped-hint')).toBe(false);
  });

  it('폐기: the 사유, and that it needs an approved 공약 조정', () => {
    const html = renderCard('dropped');
    expect(html).toContain('보류·폐기 사유');
    expect(html).toContain('공약 조정 요청서로 시민공약평가단의 승인을 받은 뒤에');
    expect(html).not.toContain('data-path="completionEvidence"');
  });

  it('정상추진: neither', () => {
    const html = renderCard('onTrack');
    expect(html).not.toContain('data-path="completionEvidence"');
    expect(hasTestId(html, 'card-dropped-hint')).toBe(false);
    expect(hasTestId(html, 'card-completion-criteria')).toBe(false);
  });
});
