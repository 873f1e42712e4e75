import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { DraftingPage } from './pages/drafting-page';
import { expectAccessible } from './support/axe';
import { confirmPlanThroughApi } from './support/confirmed-plan';

// The same 관리카드 open in two windows: what each window types is kept. Different fields are merged and saved
// at once; the same field typed differently keeps this window's text, with the other window's beside it to choose.

const department = '경제진흥본부';
const projectId = '1-1-1';
const period = '2019-H1';
const COOPERATION = '타 기관(국가, 타 지자체, 민간 등) 협조사항';
const PROBLEMS = '추진상 문제점 및 해결방안';
const RESULT = "단위사업 1 연차별 실적 '19 상";
const MERGED = /^다른 창에서 저장한 내용과 합쳐 저장했습니다 \d\d:\d\d:\d\d$/;

/** Two windows on the card of `period`, the first having confirmed the plan the card copies. */
async function twoWindowsOnCard(page: Page, url: string): Promise<[DraftingPage, DraftingPage]> {
  const a = new DraftingPage(page);
  await a.start(url, department);
  await confirmPlanThroughApi(a, {
    department,
    projectId,
    policyGoal: '○ 입주기업 150개사 육성',
    units: [
      { name: '핀테크랩 운영', detailedPlan: '- 입주공간 지원', schedule: { '2019-H1': '입주기업 선발' } },
    ],
  });
  await a.openCard(projectId, period);
  // The card is stored once before the second window opens it: both start from the same version.
  await a.field(PROBLEMS).fill('- 처음 적은 문제점');
  await a.waitSaved();
  const page2 = await page.context().newPage();
  const b = new DraftingPage(page2);
  await page2.goto(url);
  await b.openDesk();
  await b.openCard(projectId, period);
  await expect(b.field(PROBLEMS)).toHaveValue('- 처음 적은 문제점');
  return [a, b];
}

/** The card as stored: the page reloaded and the card opened again. */
async function reopened(d: DraftingPage): Promise<void> {
  await d.reopen();
  await d.openCard(projectId, period);
}

test('two windows editing different fields of one card: both edits are stored, and the first window shows the second’s', async ({
  page,
  app,
}) => {
  const [a, b] = await twoWindowsOnCard(page, app.url);
  const cooperation = '- 금융위원회와 규제 샌드박스 협의 (첫째 창)';
  const problems = '- 입주공간 부족: 2개층 추가 임차 검토 (둘째 창)';

  await a.field(COOPERATION).fill(cooperation);
  await a.waitSaved();
  // The second window still holds the version both opened: its save meets the first window's and merges with it.
  await b.field(PROBLEMS).fill(problems);
  await expect(b.saveIndicator).toHaveText(MERGED);
  await expect(b.field(COOPERATION)).toHaveValue(cooperation);
  await expect(b.field(PROBLEMS)).toHaveValue(problems);
  await expect(b.page.getByTestId('merge-conflicts')).toHaveCount(0);

  // The first window, with nothing unsaved, takes the second's save when its tab comes back to the front (headless
  // Chromium keeps every page visible and focused, so the browser's event is sent by hand).
  await a.page.bringToFront();
  await a.page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
  await expect(a.field(PROBLEMS)).toHaveValue(problems);
  await expect(a.saveIndicator).toHaveText(/^다른 창에서 저장한 내용을 불러왔습니다 \d\d:\d\d:\d\d$/);
  await expect(a.field(COOPERATION)).toHaveValue(cooperation);

  // Stored: both fields, as each window typed them.
  await reopened(a);
  await expect(a.field(COOPERATION)).toHaveValue(cooperation);
  await expect(a.field(PROBLEMS)).toHaveValue(problems);
  await b.page.close();
});

test('the same field typed differently in two windows: this window’s text is kept and the other’s can be chosen', async ({
  page,
  app,
}) => {
  const [a, b] = await twoWindowsOnCard(page, app.url);
  const first = '1기 입주기업 52개사 선발 (첫째 창)';
  const second = '1기 입주기업 52개사 선발, 투자유치 120억원 — 둘째 창에서 길게 쓴 문단';
  const cooperation = '- 둘째 창에서만 고친 협조사항';

  await a.field(RESULT).fill(first);
  await a.waitSaved();
  await b.field(COOPERATION).fill(cooperation);
  await b.field(RESULT).fill(second);
  await expect(b.saveIndicator).toHaveText(MERGED);

  // Nothing typed in the second window is dropped: its text stays in the field and is stored …
  const panel = b.page.getByTestId('merge-conflicts');
  await expect(panel).toBeVisible();
  const conflict = panel.getByTestId('merge-conflict');
  await expect(conflict).toHaveCount(1);
  await expect(conflict.getByRole('heading')).toHaveText(RESULT);
  await expect(b.field(RESULT)).toHaveValue(second);
  await expect(b.page.getByLabel(`${RESULT} — 이 창의 입력`)).toHaveValue(second);
  // … and the first window's is shown beside it, to copy or to take.
  await expect(b.page.getByLabel(`${RESULT} — 다른 창에서 저장한 내용`)).toHaveValue(first);
  await expect(b.field(COOPERATION)).toHaveValue(cooperation);
  await expectAccessible(b.page, 'the card with fields two windows changed differently');

  await reopened(a);
  await expect(a.field(RESULT)).toHaveValue(second);
  await expect(a.field(COOPERATION)).toHaveValue(cooperation);

  // Taken from the keyboard: the other window's text goes into the field and is saved; the panel is gone.
  await b.page.getByRole('button', { name: `${RESULT}: 다른 창의 내용으로 바꾸기` }).focus();
  await b.page.keyboard.press('Enter');
  await expect(panel).toHaveCount(0);
  await expect(b.field(RESULT)).toHaveValue(first);
  await expect(b.field(RESULT)).toBeFocused();
  await b.waitSaved();
  await reopened(a);
  await expect(a.field(RESULT)).toHaveValue(first);
  await expect(a.field(COOPERATION)).toHaveValue(cooperation);
  await b.page.close();
});

test('a 단위사업 deleted in one window and typed into in the other is kept, and can be deleted after all from the panel', async ({
  page,
  app,
}) => {
  const planProject = '1-1-2';
  const a = new DraftingPage(page);
  await a.start(app.url, department);
  await a.openPlan(planProject);
  await a.field('단위사업 1 사업명').fill('첫째 사업');
  await page.getByRole('button', { name: '+ 단위사업 추가' }).click();
  await a.field('단위사업 2 사업명').fill('둘째 사업');
  await a.waitSaved();
  const page2 = await page.context().newPage();
  const b = new DraftingPage(page2);
  await page2.goto(app.url);
  await b.openDesk();
  await b.openPlan(planProject);
  await expect(b.field('단위사업 2 사업명')).toHaveValue('둘째 사업');

  // The first window deletes 단위사업 2; the second, still on the version both opened, types into it.
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: '단위사업 2 삭제' }).click();
  await expect(a.field('단위사업 2 사업명')).toHaveCount(0);
  await a.waitSaved();
  await b.field('단위사업 2 세부 추진계획').fill('- 둘째 창에서 쓴 계획');
  await expect(b.saveIndicator).toHaveText(MERGED);

  // What was typed is not dropped: the row stays, and the panel offers to keep it or delete it.
  const panel = b.page.getByTestId('merge-conflicts');
  await expect(panel.getByTestId('merge-conflict').getByRole('heading')).toHaveText('단위사업 2');
  await expect(panel).toContainText('다른 창에서 삭제한 줄에 이 창에서 입력했으므로 그 줄을 남겨 두었습니다');
  await expect(b.field('단위사업 2 세부 추진계획')).toHaveValue('- 둘째 창에서 쓴 계획');
  await expectAccessible(b.page, 'the plan with a row deleted in another window');

  // Deleted after all, from the keyboard: the row goes from the form and from the store.
  await b.page.getByRole('button', { name: '단위사업 2: 줄 삭제' }).focus();
  await b.page.keyboard.press('Enter');
  await expect(panel).toHaveCount(0);
  await expect(b.field('단위사업 2 사업명')).toHaveCount(0);
  await expect(b.field('단위사업 1 사업명')).toHaveValue('첫째 사업');
  // The keyboard goes to the row before it (there is none after), not back to the top of the page.
  await expect
    .poll(() => b.page.evaluate(() => document.activeElement?.closest('[data-testid="unit-0"]') !== null))
    .toBe(true);
  await b.waitSaved();
  await a.reopen();
  await a.openPlan(planProject);
  await expect(a.field('단위사업 1 사업명')).toHaveValue('첫째 사업');
  await expect(a.field('단위사업 2 사업명')).toHaveCount(0);
  await b.page.close();
});
