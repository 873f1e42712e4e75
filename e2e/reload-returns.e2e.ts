import { expect, test } from './fixtures';
import { DraftingPage } from './pages/drafting-page';

// A reload (F5, or the program restarted in the same window) comes back to the form being written, with what was
// typed; back on the list, a reload stays on the list. Another window opens on the list.

const department = '경제진흥본부';
const projectId = '1-1-1';
const goalLabel = '정책목표 (추후 임의변경불가)';

test('a reload comes back to the document open, with what was typed; from the list it stays on the list', async ({
  page,
  app,
}) => {
  const d = new DraftingPage(page);
  await d.start(app.url, department);
  await d.openPlan(projectId);
  const goal = '○ 입주기업 150개사 육성 (새로고침 전 입력)';
  await d.field(goalLabel).fill(goal);
  await d.waitSaved();

  await page.reload();
  await expect(page.locator('.editor-bar h2')).toContainText('공약실천계획서');
  await expect(d.field(goalLabel)).toHaveValue(goal);
  await expect(page.getByTestId('desk-projects')).toHaveCount(0);

  // Another window of the same program opens on the list, not on this one's document.
  const other = await page.context().newPage();
  await other.goto(page.url());
  await expect(other.getByTestId('desk-projects')).toBeVisible();
  await other.close();

  // Left for another screen through the menu, 문서 작성 opens on the list again.
  await page.getByRole('navigation', { name: '주 메뉴' }).getByRole('button', { name: '제출 파일' }).click();
  await d.openDesk();
  await expect(page.locator('.editor-bar')).toHaveCount(0);

  await d.openPlan(projectId);
  await d.back();
  await page.reload();
  await expect(page.getByTestId('desk-projects')).toBeVisible();
  await expect(page.locator('.editor-bar')).toHaveCount(0);
});
