import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, type Page } from '@playwright/test';

/** axe-core itself (Deque's accessibility rules engine), injected into the page under test. */
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The WCAG 2.1 A and AA rules: what KWCAG 2.2 (한국형 웹 콘텐츠 접근성 지침), which public services follow, draws on. */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * Runs axe on the page as it is now and expects no violation of the WCAG 2.1 A/AA rules; a failure lists each
 * rule with the elements breaking it. Injected through the DevTools protocol (not a <script>), which the page's
 * Content-Security-Policy does not govern.
 */
export async function expectAccessible(page: Page, where: string): Promise<void> {
  const hasAxe = await page.evaluate(() => 'axe' in window);
  if (!hasAxe) await page.evaluate(axeSource);
  const violations = await page.evaluate(async (tags) => {
    const axe = (
      window as unknown as {
        axe: { run: (ctx: Document, o: unknown) => Promise<{ violations: Violation[] }> };
      }
    ).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target })),
    }));
  }, TAGS);
  const described = violations.map(
    (v) =>
      `${v.impact ?? ''} ${v.id}: ${v.help} — ${v.nodes
        .slice(0, 5)
        .map((n) => n.target.join(' '))
        .join('; ')}${v.nodes.length > 5 ? ` (+${v.nodes.length - 5})` : ''}`,
  );
  expect(described, `${where}: WCAG 2.1 A/AA`).toEqual([]);
}
