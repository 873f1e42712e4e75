import { expect, test } from './fixtures';
import { DraftingPage } from './pages/drafting-page';

/** 활동 일자 typed as one line: a wrong date after the first is said, marked and named in 제출 전 확인. */

const department = '경제진흥본부';
const projectId = '1-1-1';

test('the second of two dates refused: its message under the line, the input marked, 제출 전 확인 names the place and leads there', async ({
  page,
  app,
}) => {
  const d = new DraftingPage(page);
  await d.start(app.url, department);
  await d.openPlan(projectId);
  await page.getByRole('button', { name: '+ 활동 추가' }).click();
  await d.field('활동 1 내용').fill('전문가 자문회의');
  const dates = d.field('활동 1 일자');
  await dates.fill('2018-09, 2018-13');

  const message = '13월은 없습니다. 날짜는 "2018-09" 또는 "2018-09-12" 형식이어야 합니다';
  const error = page.locator('[data-error-for="citizenParticipation.activities.0.dates.1"]');
  await expect(error).toHaveText(`2번째 날짜(2018-13): ${message}`);
  await expect(dates).toHaveAttribute('aria-invalid', 'true');
  await expect(dates).toHaveAccessibleDescription(`2번째 날짜(2018-13): ${message}`);

  // The save stores the rest and lists the refused date with its place; the entry leads to the input.
  const entry = page
    .getByTestId('issues-panel')
    .locator('[data-issue-path="citizenParticipation.activities.0.dates.1"]');
  await expect(entry).toContainText(`저장 안 됨 — 활동 1 일자 2번째 날짜: ${message}`);
  await entry.click();
  await expect(dates).toBeFocused();

  // From the form, F6 reaches the list's first entry in one key (not dozens of Tabs), then the menu; Shift+F6
  // comes back to the list.
  const panel = page.getByTestId('issues-panel');
  const firstEntry = panel.locator('button.issue').first();
  await page.keyboard.press('F6');
  await expect(firstEntry).toBeFocused();
  await page.keyboard.press('F6');
  await expect(
    page.getByRole('navigation', { name: '주 메뉴' }).getByRole('button', { name: '문서 작성' }),
  ).toBeFocused();
  await page.keyboard.press('Shift+F6');
  await expect(firstEntry).toBeFocused();
  await entry.click();
  await expect(dates).toBeFocused();

  // Fixed: the message and the mark go.
  await dates.fill('2018-09, 2018-12');
  await expect(error).toHaveCount(0);
  await expect(dates).not.toHaveAttribute('aria-invalid', 'true');
  await d.waitSaved();

  // Typed with dots: read as dates; a day April lacks is named as such, never moved.
  await dates.fill('2018.9.12, 2019.4.31');
  await expect(error).toHaveText('2번째 날짜(2019.4.31): 2019년 4월에는 31일이 없습니다 (1~30일)');
  await dates.fill('2018.9.12, 2019.4.30');
  await expect(error).toHaveCount(0);
  // Left, the line shows the dates as stored; stored so after a reload.
  await dates.press('Tab');
  await expect(dates).toHaveValue('2018-09-12, 2019-04-30');
  await d.waitSaved();
  await d.reopen();
  await d.openPlan(projectId);
  await expect(d.field('활동 1 일자')).toHaveValue('2018-09-12, 2019-04-30');
});
