import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from '@playwright/test';
import { startAppServer, type AppServer } from './app-server';
import { catalog } from './catalog-data';
import { expect, test } from './fixtures';
import { DraftingPage } from './pages/drafting-page';
import { examplePlan, pledge, pledgeJson } from './pages/submission-cli';
import { SubmissionPage } from './pages/submission-page';
import { expectAccessible } from './support/axe';
import { buildScenario, CLOCK, PERIOD } from './support/office-data';
import { openOfficeOn } from './support/office-open';
import { pledge as pledgeAt } from './support/office-scenario';

// Layout at the screen sizes the offices have (1280 and 1024 px wide), on a phone (the public page) and on paper.

let scratch = '';
let server: AppServer | null = null;
test.beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), 'pledge-layout-e2e-'));
});
test.afterEach(async () => {
  await server?.stop();
  server = null;
  rmSync(scratch, { recursive: true, force: true });
});

/** A department's copy made with the CLI: its key, enrollment file and a signed plan bundle for `projectId`. */
function departmentBundle(department: string, projectId: string) {
  const dir = join(scratch, projectId);
  const dataDir = join(dir, 'data');
  pledge('setup', '--data', dataDir, '--role', 'department', '--department', department);
  pledge('keys', 'init', '--data', dataDir);
  const enrollmentPath = join(dir, 'enrollment.pledgekey.json');
  const { keyId } = pledgeJson<{ keyId: string }>(
    'keys',
    'export',
    '--data',
    dataDir,
    '--out',
    enrollmentPath,
  );
  const planPath = join(dir, 'plan.json');
  writeFileSync(planPath, JSON.stringify({ ...examplePlan({ projectId }), department }));
  pledge('draft', 'import', '--data', dataDir, planPath);
  const { path } = pledgeJson<{ path: string }>('bundle', 'export', '--data', dataDir, '--period', 'plan');
  return { enrollmentPath, keyId, bundlePath: path };
}

const ledBy = (department: string) => {
  const project = catalog.projects.find((p) => p.leadDepartment === department);
  if (!project) throw new Error(`no project led by ${department}`);
  return project.id;
};

/**
 * Every table of the screen, measured in the page: a table wider than the box it sits in (or a cell whose
 * content is wider than the cell) is named with its widths. Nothing may be cut off or pushed out of its box.
 */
function tablesOutOfTheirBox(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('table')].flatMap((table) => {
      const box = table.parentElement;
      if (!box) return [];
      const name = table.dataset.testid ?? table.className;
      const problems: string[] = [];
      if (table.offsetWidth > box.clientWidth || box.scrollWidth > box.clientWidth)
        problems.push(`${name}: table ${table.offsetWidth} px in a box of ${box.clientWidth} px`);
      const panel = table.closest('.sub-panel');
      if (panel && table.getBoundingClientRect().right > panel.getBoundingClientRect().right)
        problems.push(`${name}: table ends right of its panel`);
      for (const cell of table.querySelectorAll<HTMLElement>('th, td'))
        if (cell.scrollWidth > cell.clientWidth + 1)
          problems.push(`${name}: cell "${(cell.textContent ?? '').slice(0, 30)}" cut`);
      return problems;
    }),
  );
}

test('office 제출 파일 받기: the import results, quarantined, registry and received tables fit their boxes at 1280×800 and 1024×700', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  // The longest department names of the catalog; one key approved (its file received), one waiting (its file
  // quarantined, its row with both buttons).
  const approved = departmentBundle('일자리노동정책관', ledBy('일자리노동정책관'));
  const waiting = departmentBundle('민생사법경찰단', ledBy('민생사법경찰단'));
  const officeDir = join(scratch, 'office', 'data');
  pledge('setup', '--data', officeDir, '--role', 'office');
  pledge('keys', 'import', approved.enrollmentPath, '--data', officeDir);
  pledge('keys', 'approve', approved.keyId, '--data', officeDir);
  pledge('keys', 'import', waiting.enrollmentPath, '--data', officeDir);
  pledge('import', approved.bundlePath, '--data', officeDir);
  server = await startAppServer({
    dataDir: officeDir,
    profileDir: join(scratch, 'office', 'profile'),
    root: join(scratch, 'office'),
  });

  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 1024, height: 700 },
  ]) {
    await page.setViewportSize(viewport);
    await page.goto(server.url);
    const s = new SubmissionPage(page);
    await s.openAsOffice();
    await s.importBundles([waiting.bundlePath, approved.bundlePath]);
    await expect(page.getByTestId('quarantined-count')).toHaveText('(1건)');
    await expect(page.getByTestId('accepted-count')).toHaveText('(1건)');
    await expect(page.getByTestId('registry-table').locator('tbody tr')).toHaveCount(2);
    for (const id of ['import-results-table', 'quarantined-table', 'registry-table', 'accepted-table'])
      await expect(page.getByTestId(id)).toBeVisible();
    await page.screenshot({
      path: testInfo.outputPath(`office-submission-${viewport.width}.png`),
      fullPage: true,
    });
    expect(await tablesOutOfTheirBox(page), `at ${viewport.width}×${viewport.height}`).toEqual([]);
    // The last column of each is inside the window: 받은 때, the registry's buttons.
    for (const cell of [
      page.getByTestId('quarantined-table').locator('tbody tr').first().locator('td').last(),
      page.getByTestId('registry-table').getByRole('button', { name: /폐기/ }).last(),
    ]) {
      const box = await cell.boundingBox();
      expect(box && box.x + box.width).toBeLessThanOrEqual(viewport.width);
    }
  }
});

test('the public report (index.html) fits a 390 px phone: tables scroll in their own box, the page never sideways', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  // The office of the office e2e tests (two departments' plans, cards with results and finance rows), published
  // with the CLI as the city's website receives it.
  const built = buildScenario(join(scratch, 'office'));
  const site = join(scratch, 'site');
  pledgeAt(['publish', '--data', built.scenario.officeDir, '--period', PERIOD, '--out', site], CLOCK.server);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(pathToFileURL(join(site, 'index.html')).href);
  await expect(page.getByRole('heading', { name: '사업별 추진상황' })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('public-390.png'), fullPage: true });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  // Every table is whole inside a box that scrolls sideways if it must; the box itself is inside the screen.
  const boxes = await page.evaluate(() =>
    [...document.querySelectorAll('table')].map((t) => {
      const box = t.parentElement!;
      return {
        scrolls: getComputedStyle(box).overflowX === 'auto' || box.scrollWidth <= box.clientWidth,
        right: box.getBoundingClientRect().right,
      };
    }),
  );
  expect(boxes.length).toBeGreaterThan(5);
  for (const b of boxes) {
    expect(b.scrolls).toBe(true);
    expect(b.right).toBeLessThanOrEqual(390);
  }
  // A public website of the city: the WCAG 2.1 A/AA rules KWCAG certification draws on.
  await expectAccessible(page, '공개 자료 index.html');
});

/** A department with its 1-1-1 plan confirmed (imported with the CLI, submitted and confirmed through the API). */
async function departmentWithConfirmedPlan(page: Page, url: string, dataDir: string): Promise<DraftingPage> {
  const d = new DraftingPage(page);
  await d.start(url, '경제진흥본부');
  const planPath = join(scratch, 'plan.json');
  writeFileSync(planPath, JSON.stringify(examplePlan()));
  pledge('draft', 'import', '--data', dataDir, planPath);
  const ref = { kind: 'executionPlan', projectId: '1-1-1', slot: 'plan' };
  const submitted = await d.callApi('submitDocument', { ...ref, expectedVersion: 1 });
  expect(submitted.ok, submitted.error?.message).toBe(true);
  const confirmed = await d.confirmThroughApi(ref, '경제진흥본부');
  expect(confirmed.ok, confirmed.error?.message).toBe(true);
  await d.reopen(url);
  return d;
}

test('at 1024×700 the 제출 전 확인 panel and its counts stay in sight while the long card form scrolls', async ({
  page,
  app,
}, testInfo) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  const d = await departmentWithConfirmedPlan(page, app.url, app.dataDir);
  await d.openCard('1-1-1', '2019-H1');
  const count = page.getByTestId('issues-panel').locator('.issue-count');
  await expect(count).toHaveText(/^오류 \d+건 · 확인 \d+건$/);
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  expect(height).toBeGreaterThan(3 * 700);
  /** The count is inside the window and nothing (the sticky bar, the form) lies over it. */
  const countInSight = () =>
    count.evaluate((el) => {
      const r = el.getBoundingClientRect();
      const hit = document.elementFromPoint(r.left + 4, r.top + r.height / 2);
      return r.top >= 0 && r.bottom <= window.innerHeight && hit !== null && el.contains(hit);
    });
  // On opening, at the top of the form, and halfway down it — without scrolling to the page's end.
  expect(await countInSight()).toBe(true);
  await page.screenshot({ path: testInfo.outputPath('issues-1024-top.png') });
  await page.evaluate((y) => window.scrollTo(0, y), Math.round(height / 2));
  expect(await countInSight()).toBe(true);
  await page.screenshot({ path: testInfo.outputPath('issues-1024-middle.png') });
  // An error in the list still leads to its field, which comes into view clear of the panel.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page
    .getByTestId('issues-panel')
    .getByRole('button', { name: /추진상황을 선택하세요/ })
    .click();
  const focused = await page.evaluate(() => {
    const f = document.activeElement!.getBoundingClientRect();
    const panel = document.querySelector('[data-testid="issues-panel"]')!.getBoundingClientRect();
    return { bottom: f.bottom, panelTop: panel.top };
  });
  expect(focused.bottom).toBeLessThanOrEqual(focused.panelTop);

  // Folded to its one-line bar (by keyboard), the panel gives the form the room; its counts stay in sight.
  const panel = page.getByTestId('issues-panel');
  const list = panel.locator('.issue-list');
  const panelBox = async () => {
    const box = await panel.boundingBox();
    if (box === null) throw new Error('제출 전 확인 is not on screen');
    return box;
  };
  const open = await panelBox();
  const fold = panel.getByRole('button', { name: '제출 전 확인 접기' });
  await expect(fold).toHaveAttribute('aria-expanded', 'true');
  await fold.focus();
  await page.keyboard.press('Enter');
  const unfold = panel.getByRole('button', { name: '제출 전 확인 펼치기' });
  await expect(unfold).toHaveAttribute('aria-expanded', 'false');
  await expect(unfold).toBeFocused();
  await expect(list).toBeHidden();
  const folded = await panelBox();
  expect(folded.height).toBeLessThanOrEqual(48);
  expect(folded.y).toBeGreaterThan(open.y + 60);
  expect(folded.y + folded.height).toBeCloseTo(open.y + open.height, 0);
  await expect(count).toHaveText(/^오류 \d+건 · 확인 \d+건$/);
  expect(await countInSight()).toBe(true);
  await page.screenshot({ path: testInfo.outputPath('issues-1024-folded.png') });
  // Still folded as the problems change: the count follows, and is said (a polite live region).
  const errorsIn = async () => Number(/^오류 (\d+)건/.exec((await count.textContent()) ?? '')?.[1]);
  const before = await errorsIn();
  await page.getByRole('radio', { name: '정상추진', exact: true }).check();
  await d.waitSaved();
  await expect.poll(errorsIn).toBe(before - 1);
  await expect(panel.locator('.issues-summary')).toHaveAttribute('aria-live', 'polite');
  await expect(list).toBeHidden();
  // Beside the form (a wide window) the list is open as always, with no fold; narrowed again, the choice holds,
  // and for the rest of the session (the document opened again).
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(list).toBeVisible();
  await expect(panel.getByRole('button', { name: /^제출 전 확인/ })).toBeHidden();
  await page.setViewportSize({ width: 1024, height: 700 });
  await expect(list).toBeHidden();
  await d.back();
  await d.openCard('1-1-1', '2019-H1');
  await expect(unfold).toHaveAttribute('aria-expanded', 'false');
  await expect(list).toBeHidden();
  // 제출 refused for the errors: the list of what to fix opens.
  await d.submit();
  await expect(page.getByRole('alert').filter({ hasText: '오류' }).first()).toBeVisible();
  await expect(fold).toHaveAttribute('aria-expanded', 'true');
  await expect(list).toBeVisible();
  // Folded and unfolded again by keyboard, it is as it was.
  await fold.focus();
  await page.keyboard.press('Enter');
  await expect(list).toBeHidden();
  await unfold.focus();
  await page.keyboard.press('Space');
  await expect(fold).toHaveAttribute('aria-expanded', 'true');
  await expect(list).toBeVisible();
  await page.evaluate(() => window.scrollTo(0, 0));
  expect((await panelBox()).height).toBeCloseTo(open.height, 0);
});

/** The page printed as Chromium prints it (page.pdf); the text and each word's box read back with pdftotext. */
function pdfWords(pdfPath: string): { text: string; words: { word: string; height: number }[] } {
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdfPath, '-'], { encoding: 'utf8' });
  const bbox = execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', pdfPath, '-'], { encoding: 'utf8' });
  const words = [
    ...bbox.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</g),
  ].map((m) => ({ word: m[3] ?? '', height: Number(m[2]) - Number(m[1]) }));
  return { text: text.replace(/\s+/g, ''), words };
}

test('the printed 재정집행 현황: 붙임5 row in readable type, no screen hint, 확보총계 right-aligned like the other amounts', async ({
  page,
  app,
}, testInfo) => {
  const d = await departmentWithConfirmedPlan(page, app.url, app.dataDir);
  await d.choosePeriod('2019-H1');
  await page.getByRole('button', { name: '1-1-1 재정집행현황 열기' }).click();
  await expect(page.locator('.editor-bar h2')).toContainText('재정집행 현황');
  await d.field('확보내역 국비 (백만원)').fill('1000');
  await d.field('확보내역 시·도비 (백만원)').fill('4500.5');
  await d.waitSaved();
  // On screen the row says how it is computed.
  await expect(page.getByTestId('finance-panel')).toContainText('마지막으로 저장한 내용으로 계산합니다');

  await page.getByRole('button', { name: '인쇄 / PDF' }).click();
  const printed = page.getByTestId('print-view');
  const row = printed.getByTestId('print-finance-row');
  await expect(row.getByTestId('finance-secured-total')).toHaveText('5,500.5');
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: testInfo.outputPath('finance-print.png'), fullPage: true });
  const total = printed.locator('tr', { has: page.locator('th', { hasText: '확보총계' }) }).locator('td');
  await expect(total).toHaveText('5,500.5 백만원');
  const national = printed.locator('tr', { has: page.locator('th', { hasText: '확보 국비' }) }).locator('td');
  for (const cell of [total, national])
    expect(await cell.evaluate((el) => getComputedStyle(el).textAlign)).toBe('right');
  // 붙임5's row at 9pt (12 px), not shrunk.
  expect(
    await row
      .locator('td')
      .first()
      .evaluate((el) => parseFloat(getComputedStyle(el).fontSize)),
  ).toBeGreaterThanOrEqual(12);

  const pdfPath = join(scratch, 'finance.pdf');
  await page.pdf({ path: pdfPath, preferCSSPageSize: true, printBackground: true });
  const { text, words } = pdfWords(pdfPath);
  expect(text).toContain('단위:백만원');
  expect(text).not.toContain('마지막으로저장한내용으로계산합니다');
  expect(text).toContain('5,500.5백만원');
  // The row's header word on paper: type about 9pt high (the page was shrunk to under 6pt before).
  const header = words.find((w) => w.word === '초기계획');
  expect(header?.height ?? 0).toBeGreaterThanOrEqual(8);
});

test('a form with a long project name at 1180×900: the side panel starts below the wrapped bar, a half-year cell shows all its text', async ({
  page,
  app,
}, testInfo) => {
  await page.setViewportSize({ width: 1180, height: 900 });
  // The catalog's longest project name: the bar's title wraps it to a second line.
  const longest = [...catalog.projects].sort((a, b) => b.name.length - a.name.length)[0]!;
  const d = new DraftingPage(page);
  await d.start(app.url, longest.leadDepartment);
  await d.openPlan(longest.id);
  const bar = page.locator('.editor-bar');
  const side = page.locator('.editor-side');
  const barBox = (await bar.boundingBox())!;
  expect(barBox.height, 'the bar wraps (else this test measures nothing)').toBeGreaterThan(60);
  // Scrolled down, both stick: the panel's top is below the bar's bottom, never under it.
  await page.evaluate(() => window.scrollTo(0, 1500));
  await expect
    .poll(async () => {
      const [b, s] = [await bar.boundingBox(), await side.boundingBox()];
      return b !== null && s !== null && b.y === 0 && s.y >= b.y + b.height;
    })
    .toBe(true);

  // A 연차별 추진계획 entry of a usual length: the cell grows to show it all, from its first word.
  const cell = page.locator('.text-grid textarea').first();
  const entry =
    '기본계획 수립 및 관계기관 협의, 타당성 조사 용역 발주와 중간보고, 시민 의견 수렴을 위한 공청회 개최';
  await cell.fill(entry);
  await cell.press('Tab');
  await d.waitSaved();
  const shown = await cell.evaluate((el: HTMLTextAreaElement) => ({
    hidden: el.scrollHeight - el.clientHeight,
    scrollTop: el.scrollTop,
  }));
  expect(shown).toEqual({ hidden: 0, scrollTop: 0 });
  await page.screenshot({ path: testInfo.outputPath('plan-long-name-1180.png') });

  // A contact named without a phone, then 제출: the message under 전화 leaves the row's inputs on one line.
  await d.fillContact(1, '돌봄정책과', '김도현', '');
  await d.submit();
  const row = page.locator('.contact-row').first();
  await expect(row.locator('.field-error')).toHaveCount(1);
  const tops = await row
    .locator('input, select')
    .evaluateAll((fields) => fields.map((f) => Math.round(f.getBoundingClientRect().top)));
  expect(tops.length).toBe(4);
  expect(new Set(tops).size, `the inputs' tops: ${tops.join(', ')}`).toBe(1);
  // 직위 first, 삭제 last, as the row reads.
  const lefts = await row
    .locator('select, input, button')
    .evaluateAll((items) => items.map((i) => i.getBoundingClientRect().left));
  expect(lefts).toEqual([...lefts].sort((a, b) => a - b));
  await row.screenshot({ path: testInfo.outputPath('contact-row-error-1180.png') });
});

test('office at 1366×768: long tables keep their header row in sight as the page scrolls; a 관리번호 never breaks across lines', async ({
  page,
}, testInfo) => {
  test.setTimeout(150_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  const built = buildScenario(join(scratch, 'office'));
  const { office, server: officeServer } = await openOfficeOn(page, built, join(scratch, 'office-run'));
  try {
    /** The header cell's top is at the window's top, and it is what shows there (no row over it). */
    const headerInSight = (table: string) =>
      page
        .getByTestId(table)
        .locator('thead th')
        .first()
        .evaluate((th) => {
          const r = th.getBoundingClientRect();
          const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
          return Math.abs(r.top) < 1 && hit !== null && th.contains(hit);
        });
    await office.tab('status');
    const pledgeRows = page.getByTestId('status-pledge-table').locator('tbody tr');
    await expect(pledgeRows).toHaveCount(catalog.corePledges.length);
    await pledgeRows.nth(50).scrollIntoViewIfNeeded();
    await expect.poll(() => headerInSight('status-pledge-table')).toBe(true);
    await page.screenshot({ path: testInfo.outputPath('status-pledge-scrolled-1366.png') });

    await office.tab('submissions');
    const rows = page.getByTestId('submission-table').locator('tbody tr');
    await rows.last().scrollIntoViewIfNeeded();
    await expect.poll(() => headerInSight('submission-table')).toBe(true);
    // Every project number listed as missing is on one line ("2-6-6", never "2-" and "6-6").
    const numbers = page.getByTestId('submission-table').locator('.missing-projects .unbroken');
    expect(await numbers.count()).toBeGreaterThan(20);
    const broken = await numbers.evaluateAll((spans) =>
      spans.filter((s) => s.getClientRects().length !== 1).map((s) => s.textContent),
    );
    expect(broken).toEqual([]);
    // The page itself never scrolls sideways: these tables are not scroll boxes of their own, so each must fit the
    // window, at 1366 and at 1024 px.
    for (const width of [1366, 1024]) {
      await page.setViewportSize({ width, height: 768 });
      for (const tab of ['status', 'submissions', 'lagging', 'plans']) {
        await office.tab(tab);
        expect(
          await page.evaluate(() => document.documentElement.scrollWidth),
          `${tab} at ${width} px`,
        ).toBeLessThanOrEqual(width);
      }
    }
    await page.setViewportSize({ width: 1366, height: 768 });

    // On paper: 부진 사업's 관리번호 (a link to 받은 문서 on screen) is printed as the number, and a section with no
    // table (no conflict) runs on after the one before instead of taking a page of its own.
    await office.tab('lagging');
    await office.tab('conflicts');
    await expect(page.getByTestId('conflicts-empty')).toBeVisible();
    await page.emulateMedia({ media: 'print' });
    const firstId = page.getByTestId('lagging-table').locator('tbody tr').first().locator('td, th').first();
    // innerText: the text as laid out (a hidden link would leave the cell empty).
    expect(await firstId.evaluate((el) => (el as HTMLElement).innerText.trim())).toMatch(/^\d+-\d+-\d+$/);
    const breakBefore = (id: string) =>
      page.getByTestId(`office-section-${id}`).evaluate((el) => getComputedStyle(el).breakBefore);
    expect(await breakBefore('conflicts')).toBe('auto');
    expect(await breakBefore('lagging')).toBe('page');
    await page.emulateMedia({ media: 'screen' });
  } finally {
    await officeServer.stop();
  }
});
