import { expect, test } from './fixtures';
import { DraftingPage } from './pages/drafting-page';

/** Text copied from HWP or Word into a 연차별 추진계획 cell: it stays in that cell, as the browser pastes it. */

const department = '경제진흥본부';
const projectId = '1-1-1';

test('HWP text with indents and tabs pasted into a schedule cell stays whole in that cell; Ctrl+Z takes it back', async ({
  page,
  app,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const d = new DraftingPage(page);
  await d.start(app.url, department);
  await d.openPlan(projectId);

  const cell = d.scheduleCell(1, "'19 상");
  const next = d.scheduleCell(1, "'19 하");
  await next.fill('해외진출 지원');
  await cell.fill('');
  const hwp = '- 입주기업 선발\n\t· 1차 20개사\t(3월)\n\t· 2차 30개사\t(9월)';
  await d.pasteInto(cell, hwp);
  await expect(cell).toHaveValue(hwp);
  await expect(next).toHaveValue('해외진출 지원');
  await expect(page.locator('[data-testid$="-paste-note"]')).toHaveCount(0);
  await d.waitSaved();

  // The browser's own paste: undo takes it back.
  await page.keyboard.press('Control+Z');
  await expect(cell).toHaveValue('');
  await page.keyboard.press('Control+Shift+Z');
  await expect(cell).toHaveValue(hwp);

  // A block copied from Excel still spreads over the half-years.
  await d.pasteInto(d.scheduleCell(1, "'20 상"), '착공\t준공\r\n');
  await expect(d.scheduleCell(1, "'20 상")).toHaveValue('착공');
  await expect(d.scheduleCell(1, "'20 하")).toHaveValue('준공');
  await d.waitSaved();

  await d.reopen();
  await d.openPlan(projectId);
  await expect(d.scheduleCell(1, "'19 상")).toHaveValue(hwp);
  await expect(d.scheduleCell(1, "'19 하")).toHaveValue('해외진출 지원');
});
