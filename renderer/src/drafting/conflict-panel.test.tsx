// The same card open in two windows, the same fields changed differently: this window's text is what is saved, and
// the other window's is shown beside it, named as the form names the field, with a choice per field.
import { isValidElement, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { exampleCard, examplePlan } from '../../../domain/documents/test-fixtures';
import { ConflictPanel, conflictText } from './ConflictPanel';
import { fieldLabelOf } from './field-label';
import { mergeEdits } from './merge-edits';
import type { ConflictEntry } from './use-autosave';

vi.mock('../api/client', () => ({ api: {} }));

const entries = (base: unknown, theirs: unknown, mine: unknown): ConflictEntry[] =>
  mergeEdits(base, theirs, mine).conflicts.map((c) => ({ ...c, label: fieldLabelOf(c.path) }));

const render = (conflicts: ConflictEntry[]) =>
  renderToStaticMarkup(<ConflictPanel conflicts={conflicts} onResolve={() => undefined} />).replace(
    /<!-- -->/g,
    '',
  );

/**
 * Calls the onClick of the button reading `text`, found in the element tree with its function components called by
 * hand (the panel's have no hooks): a click without a DOM. False when there is no such button.
 */
function clickButton(node: ReactNode, text: string): boolean {
  if (Array.isArray(node)) return node.some((child: ReactNode) => clickButton(child, text));
  if (!isValidElement(node)) return false;
  if (typeof node.type === 'function')
    return clickButton((node.type as (props: unknown) => ReactNode)(node.props), text);
  const props = node.props as { children?: ReactNode; onClick?: () => void };
  if (node.type === 'button' && props.children === text && props.onClick) {
    props.onClick();
    return true;
  }
  return clickButton(props.children, text);
}

const escaped = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

describe('ConflictPanel', () => {
  it('shows nothing when the windows changed different fields', () => {
    const base = exampleCard();
    const theirs = { ...structuredClone(base), cooperation: '다른 창' };
    const mine = { ...structuredClone(base), problemsAndSolutions: '이 창' };
    expect(render(entries(base, theirs, mine))).toBe('');
  });

  it('lists each field both windows changed, by its Korean name, with both texts and a choice', () => {
    const base = exampleCard();
    const theirs = structuredClone(base);
    const mine = structuredClone(base);
    theirs.cooperation = '- 금융위원회와 협의 (다른 창)';
    mine.cooperation = '- 금융위원회·금감원과 협의 (이 창에서 쓴 긴 문단)';
    theirs.leadContacts[0]!.phone = '02-2133-1111';
    mine.leadContacts[0]!.phone = '02-2133-2222';
    const conflicts = entries(base, theirs, mine);
    const html = render(conflicts);

    expect(conflicts.map((c) => [c.path, c.label])).toEqual([
      ['leadContacts', '주관부서 담당자'],
      ['cooperation', '타 기관 협조사항'],
    ]);
    expect(html).toContain('다른 창과 다르게 고친 항목 2곳');
    expect(html.match(/data-testid="merge-conflict"/g)).toHaveLength(2);
    expect(html).toContain(escaped(mine.cooperation));
    expect(html).toContain(escaped(theirs.cooperation));
    expect(html).toContain('aria-label="타 기관 협조사항 — 이 창의 입력"');
    expect(html).toContain('aria-label="타 기관 협조사항 — 다른 창에서 저장한 내용"');
    expect(html).toContain('aria-label="타 기관 협조사항: 다른 창의 내용으로 바꾸기"');
    expect(html).toContain('aria-label="주관부서 담당자: 이 창의 입력 남기기"');
    // A row of contacts reads as its filled cells.
    expect(html).toContain('02-2133-2222');
    expect(html).toContain('02-2133-1111');
    // Both texts can be selected and copied, neither edited.
    expect(html.match(/<textarea readOnly=""/g)).toHaveLength(4);
  });

  it('a row deleted in the other window but typed into here is kept, and says so', () => {
    const base = examplePlan();
    const theirs = { ...structuredClone(base), unitProjects: base.unitProjects.slice(0, 1) };
    const mine = structuredClone(base);
    mine.unitProjects[1]!.detailedPlan = '이 창에서 쓴 세부 계획';
    const conflicts = entries(base, theirs, mine);
    expect(conflicts.map((c) => c.label)).toEqual(['단위사업 2']);
    const html = render(conflicts);
    expect(html).toContain('이 창에서 쓴 세부 계획');
    expect(html).toContain('(삭제함)');
    expect(html).toContain('다른 창에서 삭제한 줄에 이 창에서 입력했으므로 그 줄을 남겨 두었습니다');
    expect(html).not.toContain('다른 창의 내용으로 바꾸기');
    // Kept or deleted after all, from the panel.
    expect(html).toContain('aria-label="단위사업 2: 줄 남기기"');
    expect(html).toContain('aria-label="단위사업 2: 줄 삭제"');
  });

  it('each choice on a row deleted in one window takes the side that keeps it or the side that deleted it', () => {
    const base = examplePlan();
    const deletedThere = entries(
      base,
      { ...structuredClone(base), unitProjects: base.unitProjects.slice(0, 1) },
      {
        ...structuredClone(base),
        unitProjects: base.unitProjects.map((u, i) => (i === 1 ? { ...u, detailedPlan: '이 창' } : u)),
      },
    );
    const deletedHere = entries(
      base,
      {
        ...structuredClone(base),
        unitProjects: base.unitProjects.map((u, i) => (i === 1 ? { ...u, detailedPlan: '다른 창' } : u)),
      },
      { ...structuredClone(base), unitProjects: base.unitProjects.slice(0, 1) },
    );
    const chosen = (conflicts: ConflictEntry[], button: string): string[] => {
      const taken: string[] = [];
      const element = ConflictPanel({
        conflicts,
        onResolve: (path, take) => taken.push(`${path}:${take}`),
      });
      expect(clickButton(element, button)).toBe(true);
      return taken;
    };
    expect(chosen(deletedThere, '줄 삭제')).toEqual(['unitProjects.1:theirs']);
    expect(chosen(deletedThere, '줄 남기기')).toEqual(['unitProjects.1:mine']);
    expect(chosen(deletedHere, '줄 삭제')).toEqual(['unitProjects.1:mine']);
    expect(chosen(deletedHere, '줄 남기기')).toEqual(['unitProjects.1:theirs']);
    expect(render(deletedHere)).toContain(
      '이 창에서 삭제한 줄을 다른 창에서 고쳤으므로 그 줄을 되살려 두었습니다',
    );
  });

  it('reads values as typed: blanks, lists one a line, rows by their filled cells', () => {
    expect(conflictText('')).toBe('(비어 있음)');
    expect(conflictText(null)).toBe('(비어 있음)');
    expect(conflictText(1200)).toBe('1200');
    expect(conflictText(['city', 'national'])).toBe('city\nnational');
    expect(conflictText({ position: 'chief', unit: '투자창업과', name: '', phone: '02-1' })).toBe(
      'chief · 투자창업과 · 02-1',
    );
  });
});
