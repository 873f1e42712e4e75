import { expect, test } from './fixtures';
import { DraftingPage } from './pages/drafting-page';
import { confirmPlanThroughApi } from './support/confirmed-plan';

/**
 * A co-department (협조부서) writes no card, so its own 임기내 집행 goes in its 재정집행 현황: 1-1-7 is led by
 * 경제진흥본부 with 여성가족정책실 cooperating (붙임1).
 */

test('a co-department types its 임기내 집행 per year in its 재정집행 현황: live 계, stored, printed', async ({
  page,
  app,
}) => {
  const d = new DraftingPage(page);
  await d.start(app.url, '여성가족정책실');
  await d.choosePeriod('2019-H1');
  await page.getByRole('button', { name: '1-1-7 재정집행현황 열기' }).click();
  await expect(page.locator('.editor-bar h2')).toContainText('재정집행 현황');

  // The years up to the half-year: '18 and '19 ('20 has not happened by 2019 상반기).
  await expect(d.field("임기내 집행 '18 (백만원)")).toBeVisible();
  await expect(d.field("임기내 집행 '20 (백만원)")).toHaveCount(0);
  await d.field('확보내역 국비 (백만원)').fill('40');
  await d.field("임기내 집행 '18 (백만원)").fill('2.5');
  await d.field("임기내 집행 '19 (백만원)").fill('1,007.5');
  await expect.poll(() => d.amount('row-executed-total')).toBe(1010);
  // A negative amount is refused under its cell and counts nothing in the 계.
  await d.field("임기내 집행 '19 (백만원)").fill('-1');
  await expect(page.locator('[data-error-for="executed.2019"]')).toContainText('0 이상의 숫자');
  await expect.poll(() => d.amount('row-executed-total')).toBe(2.5);
  await d.field("임기내 집행 '19 (백만원)").fill('7.5');
  await expect.poll(() => d.amount('row-executed-total')).toBe(10);
  await d.waitSaved();

  // Stored by autosave: the reopened form shows it.
  await d.reopen();
  await d.choosePeriod('2019-H1');
  await page.getByRole('button', { name: '1-1-7 재정집행현황 열기' }).click();
  await expect(d.field("임기내 집행 '19 (백만원)")).toHaveValue('7.5');
  await expect(d.field("임기내 집행 '18 (백만원)")).toHaveValue('2.5');
  await expect.poll(() => d.amount('row-executed-total')).toBe(10);

  // The print lists the co-department's own 집행 per year and its 계.
  await page.getByRole('button', { name: '인쇄 / PDF' }).click();
  await page.emulateMedia({ media: 'print' });
  const printed = page.getByTestId('print-view');
  await expect(printed.locator('h1')).toHaveText('재정집행 현황 — 확보·집행내역');
  await expect(printed.getByTestId('print-executed-2019')).toHaveText('7.5 백만원');
  await expect(printed.getByTestId('print-executed-total')).toHaveText('10 백만원');
});

test("the lead department's 재정집행 현황 asks for no 집행: it comes from its 관리카드", async ({
  page,
  app,
}) => {
  const d = new DraftingPage(page);
  await d.start(app.url, '경제진흥본부');
  await d.choosePeriod('2019-H1');
  // Written with the confirmed plan and its card, as the card is: closed until then, saying why.
  const financeButton = page.getByRole('button', { name: '1-1-7 재정집행현황 열기' });
  await expect(financeButton).toBeDisabled();
  await expect(financeButton).toHaveAccessibleDescription('실천계획서 확정 뒤 작성');
  await confirmPlanThroughApi(d, {
    department: '경제진흥본부',
    projectId: '1-1-7',
    policyGoal: '○ 외국인 창업 지원',
    units: [
      { name: '외국인 창업지원', detailedPlan: '- 창업 공간 지원', schedule: { '2019-H1': '지원 개시' } },
    ],
  });
  await d.choosePeriod('2019-H1');
  await financeButton.click();
  await expect(page.locator('.editor-bar h2')).toContainText('재정집행 현황');
  await expect(page.getByTestId('executed-from-card')).toContainText('관리카드의 연차별 집행액');
  await expect(d.field("임기내 집행 '19 (백만원)")).toHaveCount(0);
});
