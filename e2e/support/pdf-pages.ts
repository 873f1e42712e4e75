import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';

export interface PdfPage {
  /** Width and height in points, rounded: [595, 842] is A4 portrait. */
  size: [number, number];
  /** The page's text without white space. */
  text: string;
  /** The right edge of the rightmost word, in points. */
  rightmostWord: number;
}

/**
 * The page printed as Chromium prints it (page.pdf at the page sizes its CSS asks for, as the print dialog does),
 * kept in test-results under `name`, read back page by page with poppler's pdfinfo and pdftotext.
 */
export async function printedPages(page: Page, name: string): Promise<PdfPage[]> {
  const dir = mkdtempSync(join(tmpdir(), 'pledge-pdf-pages-'));
  try {
    const pdfPath = join(dir, name);
    await page.pdf({ path: pdfPath, preferCSSPageSize: true, printBackground: true });
    copyFileSync(pdfPath, join('test-results', name));
    const count = Number(
      /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' }))?.[1],
    );
    const pages: PdfPage[] = [];
    for (let n = 1; n <= count; n++) {
      const range = ['-f', String(n), '-l', String(n)];
      const info = execFileSync('pdfinfo', [...range, pdfPath], { encoding: 'utf8' });
      const [, width, height] = /Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/.exec(info) ?? [];
      const text = execFileSync('pdftotext', [...range, '-enc', 'UTF-8', pdfPath, '-'], { encoding: 'utf8' });
      const boxes = execFileSync('pdftotext', [...range, '-bbox', pdfPath, '-'], { encoding: 'utf8' });
      const rightEdges = [...boxes.matchAll(/<word xMin="[\d.]+" yMin="[\d.]+" xMax="([\d.]+)"/g)].map((m) =>
        Number(m[1]),
      );
      pages.push({
        size: [Math.round(Number(width)), Math.round(Number(height))],
        text: text.replace(/\s+/g, ''),
        rightmostWord: Math.max(0, ...rightEdges),
      });
    }
    return pages;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
