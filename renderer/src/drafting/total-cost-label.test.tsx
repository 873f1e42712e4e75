// 총사업비 on the plan and card forms is headed as 붙임3/붙임4 head it, "(~'22.6월까지)", from the term's end (the
// term is data), the same words as the forms' print.
import type { ReactElement, ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { exampleCard, examplePlan } from '../../../domain/documents/test-fixtures';
import { seoulMinseon7Term } from '../../../domain/term/load';
import type { Term } from '../../../domain/term/types';
import { CardForm } from './CardForm';
import { PlanForm } from './PlanForm';
import { openedDraft } from './test-support/opened-draft';
import { CardPrint, PlanPrint } from './print';

// Rendering calls nothing in main; the editor's frame (its bar, issue list and print overlay, which read the
// window) is left out: what is checked is the form's own fields.
vi.mock('../api/client', () => ({ api: {} }));
vi.mock('./EditorFrame', () => ({
  EditorFrame: ({ children }: { children: ReactNode }) => <>{children}</>,
}));

/** The markup, the form's apostrophe ('22) read back from its entity. */
const render = (element: ReactElement): string =>
  renderToStaticMarkup(element)
    .replace(/<!-- -->/g, '')
    .replace(/&#x27;/g, "'");

const opened = openedDraft;

const noop = () => undefined;

/** The legend of the 총사업비 field, or null. */
const legend = (html: string): string | null =>
  /<fieldset[^>]*data-path="totalCost"[^>]*><legend>(.*?)<\/legend>/s.exec(html)?.[1] ?? null;

/** The print's 총사업비 row header, or null. */
const printedHeader = (html: string): string | null =>
  /<th scope="row">(총사업비[^<]*)<\/th>/.exec(html)?.[1] ?? null;

const nextTerm: Term = {
  ...seoulMinseon7Term,
  id: 'next',
  name: '다음 임기',
  start: '2022-07',
  end: '2026-06',
};

describe('총사업비 legend on the plan and card forms', () => {
  it.each([
    [seoulMinseon7Term, "총사업비 (~'22.6월까지)"],
    [nextTerm, "총사업비 (~'26.6월까지)"],
  ])('names the term’s end as the form and its print do (%#)', (term, expected) => {
    const plan = render(
      <PlanForm opened={opened(examplePlan())} term={term} onReload={noop} onClose={noop} />,
    );
    const card = render(
      <CardForm
        opened={opened(exampleCard())}
        term={term}
        onReload={noop}
        onClose={noop}
        onOpenSecured={noop}
      />,
    );
    expect(legend(plan)).toBe(expected);
    expect(legend(card)).toBe(expected);
    expect(printedHeader(render(<PlanPrint plan={examplePlan()} term={term} />))).toBe(expected);
    expect(printedHeader(render(<CardPrint card={exampleCard()} term={term} />))).toBe(expected);
  });
});
