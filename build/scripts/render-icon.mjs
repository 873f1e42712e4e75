// Renders the app icon (renderer/public/icon.svg, also the browser-mode favicon) to build/resources/icon.png,
// 512×512, which electron-builder turns into the Windows installer's and shortcuts' icon (and Linux's). Run after
// changing the SVG: `node build/scripts/render-icon.mjs` (needs Debian's chromium, like the e2e tests).
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const svg = readFileSync(join(root, 'renderer/public/icon.svg'), 'utf8');
const browser = await chromium.launch({
  executablePath: process.env.PLEDGE_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
try {
  const page = await browser.newPage({ viewport: { width: 512, height: 512 } });
  await page.setContent(
    `<html><body style="margin:0;background:transparent">${svg.replace('<svg ', '<svg width="512" height="512" ')}</body></html>`,
  );
  const png = await page.locator('svg').screenshot({ omitBackground: true });
  writeFileSync(join(root, 'build/resources/icon.png'), png);
  console.log(`build/resources/icon.png: ${png.length} bytes`);
} finally {
  await browser.close();
}
