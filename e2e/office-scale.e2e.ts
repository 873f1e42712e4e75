import type { Page, Route } from '@playwright/test';
import type { OfficeReportView, ReceivedBundleView } from '../domain/api/contract';
import type { ConsolidatedFinanceRow } from '../domain/reports';
import { expect, test } from './fixtures';
import { OfficeReportPage } from './pages/office-report-page';
import { SetupPage } from './pages/setup-page';

// The 종합 현황 screen with a 붙임5 of ten times Seoul's size (2,380 rows). The office's own report (empty) is
// fetched from the real API and its finance table filled with rows made here, so the screen gets exactly the
// payload the server would send for that many confirmed plans.

const ROWS_PER_AREA = 340; // 7 areas × 340 = 2,380
const FIRST_ROWS = 150; // renderer/src/office/use-progressive.ts

function makeRow(areaId: number, i: number): ConsolidatedFinanceRow {
  const projectId = `${areaId}-${100 + Math.floor(i / 10)}-${(i % 10) + 1}`;
  return {
    projectId,
    projectName: `사업 ${projectId}`,
    departments: ['경제진흥본부'],
    status: 'onTrack',
    plannedTotal: { initial: 100, current: 100 },
    secured: { total: 10, national: 0, city: 10, district: 0, private: 0, other: 0 },
    termPlan: { total: 100, byYear: [0, 50, 50, 0, 0] },
    termExecuted: { total: 5, byYear: [0, 5, 0, 0, 0] },
    note: '',
    areaId,
    corePledgeId: `${areaId}-${100 + Math.floor(i / 10)}`,
    leadDepartment: '경제진흥본부',
    changedFields: [],
    hasFirstReport: true,
  };
}

async function withBigFinance(route: Route): Promise<void> {
  const response = await route.fetch();
  const body = (await response.json()) as { ok: true; value: OfficeReportView };
  const finance = body.value.report.finance;
  for (const area of finance.areas) {
    area.rows = Array.from({ length: ROWS_PER_AREA }, (_, i) => makeRow(area.areaId, i));
  }
  finance.rowCount = finance.areas.length * ROWS_PER_AREA;
  await route.fulfill({ response, json: body });
}

const financeRows = (page: Page) =>
  page.locator('[data-testid="finance-table"] tr[data-testid^="finance-row-"]');

test('a 2,380-row 붙임5 shows its first rows at once, fills in, and prints whole', async ({ page, app }) => {
  test.setTimeout(120_000);
  await page.route('**/api/getOfficeReport', withBigFinance);
  await page.goto(app.url);
  await new SetupPage(page).chooseOffice();
  const office = new OfficeReportPage(page);
  await office.open(app.url);

  // Right after the click (React renders it in a microtask) the first rows are there, not yet all of them.
  const atFirst = await page.evaluate(async () => {
    document.querySelector<HTMLButtonElement>('[data-testid="office-tab-finance"]')?.click();
    for (let i = 0; i < 3; i++) await Promise.resolve();
    return document.querySelectorAll('[data-testid="finance-table"] tr[data-testid^="finance-row-"]').length;
  });
  expect(atFirst).toBeGreaterThanOrEqual(FIRST_ROWS);
  expect(atFirst).toBeLessThan(7 * ROWS_PER_AREA);
  await expect(page.getByTestId('finance-filling')).toBeAttached();
  await expect(page.getByTestId('finance-filling')).toHaveCount(0, { timeout: 60_000 });
  const total = 7 * ROWS_PER_AREA;
  await expect(financeRows(page)).toHaveCount(total);
  // Every area's subtotal row, once its rows are all there.
  for (let areaId = 1; areaId <= 7; areaId++) {
    await expect(page.getByTestId(`finance-subtotal-${areaId}`)).toBeAttached();
  }

  // Scrolled down and to the right inside its box, the header rows stay on top and 관리번호 and 공약사업명 at
  // the left, above the amounts that scroll under them.
  const scrolled = await page.evaluate(() => {
    const box = document.querySelector<HTMLElement>('[data-testid="finance-scroll"]') as HTMLElement;
    box.scrollTop = 30_000;
    box.scrollLeft = 800;
    const frame = box.getBoundingClientRect();
    const head = (box.querySelector('thead') as HTMLElement).getBoundingClientRect();
    // The row whose middle is at the middle of the box.
    const at = document.elementsFromPoint(frame.left + frame.width / 2, frame.top + frame.height / 2);
    const row = at.map((e) => e.closest('tr[data-testid^="finance-row-"]')).find((r) => r !== null);
    const cells = [...(row as HTMLTableRowElement).cells].map((c) => c.getBoundingClientRect());
    return {
      scrolled: { top: box.scrollTop, left: box.scrollLeft },
      headTop: head.top - frame.top,
      idLeft: (cells[0] as DOMRect).left - frame.left,
      nameLeft: (cells[1] as DOMRect).left - (cells[0] as DOMRect).right,
      amountsUnder: (cells[3] as DOMRect).left < (cells[1] as DOMRect).right,
    };
  });
  expect(scrolled.scrolled.top).toBeGreaterThan(1000);
  expect(scrolled.scrolled.left).toBeGreaterThan(100);
  expect(Math.abs(scrolled.headTop)).toBeLessThanOrEqual(1);
  expect(Math.abs(scrolled.idLeft)).toBeLessThanOrEqual(1);
  expect(Math.abs(scrolled.nameLeft)).toBeLessThanOrEqual(1);
  expect(scrolled.amountsUnder).toBe(true);
  // A subtotal row's label sticks; its first amount scrolls like every amount (it is not taken for a name).
  const subtotalCells = await page
    .getByTestId('finance-subtotal-1')
    .evaluate((row) => [...row.children].slice(0, 2).map((c) => getComputedStyle(c).position));
  expect(subtotalCells).toEqual(['sticky', 'static']);
  // It covers no more than a project row's 관리번호 and 공약사업명 do: no subtotal amount hides under it.
  const edges = await page.evaluate(() => {
    const right = (selector: string) =>
      (document.querySelector(selector) as HTMLElement).getBoundingClientRect().right;
    return {
      label: right('[data-testid="finance-subtotal-1"] > th'),
      name: right('tr[data-testid^="finance-row-"] > :nth-child(2)'),
    };
  });
  expect(Math.abs(edges.label - edges.name)).toBeLessThanOrEqual(1);

  // On a 1366×768 screen the whole box, with its scrollbars, is under the toolbar without scrolling the page; no
  // row shows through the header's bottom edge or at the left edge of 관리번호.
  await page.setViewportSize({ width: 1366, height: 768 });
  const fit = await page.evaluate(() => {
    window.scrollTo(0, 0);
    const box = document.querySelector<HTMLElement>('[data-testid="finance-scroll"]') as HTMLElement;
    const frame = box.getBoundingClientRect();
    const head = (box.querySelector('thead') as HTMLElement).getBoundingClientRect();
    const underHead = document.elementFromPoint(frame.left + frame.width / 2, head.bottom - 0.5);
    const besideId = document.elementFromPoint(frame.left + 0.5, frame.top + frame.height / 2);
    return {
      bottom: frame.bottom,
      viewport: window.innerHeight,
      headEdge: underHead?.closest('thead') !== null,
      idEdge: besideId?.closest('tr > :first-child') !== null,
      debug: [underHead?.outerHTML.slice(0, 80), besideId?.outerHTML.slice(0, 80)],
    };
  });
  expect(fit.bottom).toBeLessThanOrEqual(fit.viewport);
  expect(fit.headEdge, JSON.stringify(fit.debug)).toBe(true);
  expect(fit.idEdge, JSON.stringify(fit.debug)).toBe(true);
  await page.setViewportSize({ width: 1366, height: 900 });

  // 인쇄 from a fresh screen: the table is complete when the print dialog would open.
  await page.reload();
  await office.open(app.url);
  await page.evaluate(() => {
    const w = window as unknown as { rowsAtPrint: number };
    w.rowsAtPrint = -1;
    window.print = () => {
      w.rowsAtPrint = document.querySelectorAll(
        '[data-testid="finance-table"] tr[data-testid^="finance-row-"]',
      ).length;
    };
  });
  await page.getByRole('button', { name: '인쇄' }).click();
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { rowsAtPrint: number }).rowsAtPrint))
    .toBe(total);
});

// 제출 파일 받기 at the office of ten times Seoul's size: 250 departments × 25 files = 6,250 received files. The
// list request is answered with rows made here (the server's own answer is empty on a fresh office copy).
const DEPARTMENTS = 250;
// 실천계획서, then 민선7기's half-years 2018-H2 … 2022-H1.
const PERIODS = [
  'plan',
  ...[2018, 2019, 2020, 2021, 2022].flatMap((y) => [`${y}-H1`, `${y}-H2`]).slice(1, -1),
];

function receivedFiles(): ReceivedBundleView[] {
  const files: ReceivedBundleView[] = [];
  for (let d = 0; d < DEPARTMENTS; d++) {
    const department = `부서${String(d + 1).padStart(3, '0')}`;
    for (let revision = 1; revision <= 25; revision++) {
      const period = PERIODS[Math.min(PERIODS.length - 1, Math.ceil((revision - 1) / 3))] as string;
      const sha256 = (d * 100 + revision).toString(16).padStart(64, '0');
      files.push({
        sha256,
        department,
        keyId: `${String(d).padStart(4, '0')}abcdef012345`,
        period,
        revision,
        createdAt: '2019-07-01T00:00:00.000Z',
        importedAt: '2019-07-02T00:00:00.000Z',
        receivedOn: null,
        status: 'accepted',
        fileName: `공약제출_${department}_${period}_r${revision}.pledge`,
        reasonCode: '',
        reason: '',
        documents: 7,
      });
    }
  }
  return files;
}

test('6,250 received files: 100 shown, 더 보기 adds 100, a department and a half-year narrow the list to their files', async ({
  page,
  app,
}) => {
  const files = receivedFiles();
  await page.route('**/api/listBundles', async (route) => {
    const input = route.request().postDataJSON() as { status?: string };
    await route.fulfill({ json: { ok: true, value: input.status === 'accepted' ? files : [] } });
  });
  await page.goto(app.url);
  await new SetupPage(page).chooseOffice();
  await page.getByRole('button', { name: '제출 파일 받기' }).click();

  const panel = page.getByTestId('accepted-panel');
  const rows = panel.locator('tbody tr');
  await expect(page.getByTestId('accepted-count')).toHaveText(`(${files.length}건)`);
  await expect(rows).toHaveCount(100);
  await expect(page.getByTestId('accepted-shown')).toHaveText(`${files.length}건 중 100건 표시`);
  await panel.getByRole('button', { name: /더 보기/ }).click();
  await expect(rows).toHaveCount(200);

  // One department's files of one half-year, as the test's own rows hold them.
  const department = '부서137';
  const expected = files.filter((f) => f.department === department && f.period === '2020-H2');
  expect(expected.length).toBeGreaterThan(1);
  await panel.getByLabel('부서').selectOption(department);
  await panel.getByLabel('기간').selectOption('2020-H2');
  await expect(rows).toHaveCount(expected.length);
  await expect(page.getByTestId('accepted-shown')).toHaveText(
    `찾은 ${expected.length}건 중 ${expected.length}건 표시`,
  );
  for (const [i, file] of expected.entries()) await expect(rows.nth(i)).toContainText(file.fileName);
  await expect(panel.getByRole('button', { name: /더 보기/ })).toHaveCount(0);

  // Text finds a file by the start of its hash; nothing found says so.
  await panel.getByLabel('부서').selectOption('');
  await panel.getByLabel('기간').selectOption('');
  const one = files[4321] as ReceivedBundleView;
  await panel.getByLabel('파일 이름·해시·키 ID').fill(one.sha256.slice(0, 64));
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(one.fileName);
  await panel.getByLabel('파일 이름·해시·키 ID').fill('없는파일');
  await expect(panel).toContainText('조건에 맞는 파일이 없습니다.');
});
