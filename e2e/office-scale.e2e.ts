import type { Page, Route } from '@playwright/test';
import type { OfficeReportView } from '../domain/api/contract';
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
    termPlan: { total: 100, byYear: { '2018': 0, '2019': 50, '2020': 50, '2021': 0, '2022': 0 } },
    termExecuted: { total: 5, byYear: { '2018': 0, '2019': 5, '2020': 0, '2021': 0, '2022': 0 } },
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
