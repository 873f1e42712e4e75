import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { DraftingPage } from './pages/drafting-page';

// Leaving the editor right after typing, before the autosave's pause is over or while its save runs, first saves
// and waits for that save: nothing typed goes silently. A save that fails or refuses a cell is asked about, naming
// why; a failure stays said until a save succeeds.

const department = '경제진흥본부';
const projectId = '1-1-1';
const goalLabel = '정책목표 (추후 임의변경불가)';
const DISK_FULL =
  '디스크 공간이 부족해 데이터를 저장하지 못했습니다. 데이터 폴더가 있는 디스크의 공간을 비운 뒤 다시 시도하세요.';

/** Reads the save indicator and presses the button in the same moment (no autosave can come in between). */
async function pressNow(page: Page, name: string): Promise<string> {
  return page.evaluate((name) => {
    const text = document.querySelector('[data-testid="save-indicator"]')?.textContent ?? '';
    const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);
    if (!button) throw new Error(`no button ${name}`);
    button.click();
    return text;
  }, name);
}

/** Answers the next question with 취소 (dismiss) or 확인 (accept) and keeps its text. */
function answerNext(page: Page, answer: 'dismiss' | 'accept'): string[] {
  const asked: string[] = [];
  page.once('dialog', (dialog) => {
    asked.push(dialog.message());
    void (answer === 'accept' ? dialog.accept() : dialog.dismiss());
  });
  return asked;
}

/** The server's answer when the disk is full (what main/services/errors.ts says for SQLITE_FULL). */
async function failSavesWithFullDisk(page: Page): Promise<void> {
  await page.route('**/api/saveDraft', (route) =>
    route.fulfill({
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify({ ok: false, error: { code: 'DISK_FULL', message: DISK_FULL } }),
    }),
  );
}

test('"-20" typed and ← 목록으로 pressed at once: the save is waited for, the refused cell asked about', async ({
  page,
  app,
}) => {
  const d = new DraftingPage(page);
  await d.start(app.url, department);
  await d.openPlan(projectId);
  await d.field(goalLabel).fill('○ 떠나기 직전에 쓴 목표');
  await d.investmentCell(1, '시비', "'20").fill('-20');
  const asked = answerNext(page, 'dismiss');
  expect(await pressNow(page, '← 목록으로')).toBe('저장되지 않은 변경 있음');
  await expect
    .poll(() => asked)
    .toEqual([
      '입력 오류 1곳은 저장되지 않았습니다. 지금 나가면 그 칸에 입력한 내용은 사라집니다. 나갈까요?',
    ]);
  // 취소: still in the editor, the typed text on screen, the rest stored.
  await expect(page.locator('.editor-bar h2')).toContainText('공약실천계획서');
  await expect(d.investmentCell(1, '시비', "'20")).toHaveValue('-20');
  await expect(d.saveIndicator).toHaveText(/입력 오류 1곳은 저장하지 않았습니다$/);

  // The top menu, pressed the same way, asks the same.
  await d.investmentCell(1, '시비', "'21").fill('-5');
  const again = answerNext(page, 'dismiss');
  await pressNow(page, '제출 파일');
  await expect
    .poll(() => again)
    .toEqual([
      '입력 오류 2곳은 저장되지 않았습니다. 지금 나가면 그 칸에 입력한 내용은 사라집니다. 나갈까요?',
    ]);
  await expect(d.investmentCell(1, '시비', "'21")).toHaveValue('-5');
  await d.reopen();
  await d.openPlan(projectId);
  await expect(d.field(goalLabel)).toHaveValue('○ 떠나기 직전에 쓴 목표');
});

test('a save that failed is asked about by its reason, also after one more keystroke, until a save succeeds', async ({
  page,
  app,
}) => {
  const d = new DraftingPage(page);
  await d.start(app.url, department);
  await d.openPlan(projectId);
  await failSavesWithFullDisk(page);
  await d.field(goalLabel).fill('○ 디스크가 찬 날 쓴 목표');
  await expect(d.saveIndicator).toHaveText(`저장하지 못했습니다: ${DISK_FULL}`);

  // One more character: the failure is still said, and leaving (which tries once more) asks, naming it.
  await d.field(goalLabel).press('End');
  await page.keyboard.type('!');
  await expect(d.saveIndicator).toHaveText(`저장하지 못했습니다: ${DISK_FULL}`);
  const asked = answerNext(page, 'dismiss');
  await pressNow(page, '← 목록으로');
  await expect
    .poll(() => asked)
    .toEqual([
      `저장하지 못한 변경이 있습니다 (${DISK_FULL}). 지금 나가면 마지막으로 저장한 뒤 입력한 내용은 사라집니다. 나갈까요?`,
    ]);
  await expect(page.locator('.editor-bar h2')).toContainText('공약실천계획서');
  await expect(d.field(goalLabel)).toHaveValue('○ 디스크가 찬 날 쓴 목표!');

  // 설정 변경 asks the same; closing or reloading the page asks too (the browser's question).
  const setup = answerNext(page, 'dismiss');
  await page.getByRole('button', { name: '설정 변경' }).click();
  await expect.poll(() => setup).toHaveLength(1);
  expect(setup[0]).toContain(DISK_FULL);
  const types: string[] = [];
  page.once('dialog', (dialog) => {
    types.push(dialog.type());
    void dialog.dismiss();
  });
  await page.reload({ timeout: 5_000 }).catch(() => undefined);
  expect(types).toEqual(['beforeunload']);
  await expect(d.field(goalLabel)).toHaveValue('○ 디스크가 찬 날 쓴 목표!');

  // Space freed: leaving saves, then goes without a question, and the text is stored.
  await page.unroute('**/api/saveDraft');
  const none = answerNext(page, 'dismiss');
  await page.getByRole('button', { name: '← 목록으로' }).click();
  await expect(page.getByTestId('desk-projects')).toBeVisible();
  expect(none).toEqual([]);
  await d.reopen();
  await d.openPlan(projectId);
  await expect(d.field(goalLabel)).toHaveValue('○ 디스크가 찬 날 쓴 목표!');
});

test('a valid value typed and ← 목록으로 pressed within the autosave pause: no question, and it is stored', async ({
  page,
  app,
}) => {
  const d = new DraftingPage(page);
  await d.start(app.url, department);
  await d.openPlan(projectId);
  await d.field(goalLabel).fill('○ 바로 나가도 남는 목표');
  await d.investmentCell(1, '시비', "'19").fill('1500');
  const asked = answerNext(page, 'accept');
  expect(await pressNow(page, '← 목록으로')).toBe('저장되지 않은 변경 있음');
  await expect(page.getByTestId('desk-projects')).toBeVisible();
  expect(asked).toEqual([]);

  // Opened again (from the server, after a reload): the value is there.
  await d.reopen();
  await d.openPlan(projectId);
  await expect(d.field(goalLabel)).toHaveValue('○ 바로 나가도 남는 목표');
  await expect(d.investmentCell(1, '시비', "'19")).toHaveValue('1500');

  // The same through the top menu, with the save held up on its way: the way out waits for it ("저장 중…").
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/saveDraft', async (route) => {
    await held;
    await route.continue();
  });
  await d.field(goalLabel).fill('○ 메뉴로 나가도 남는 목표');
  await pressNow(page, '제출 파일');
  await expect(d.saveIndicator).toHaveText('저장 중…');
  await expect(page.locator('.editor-bar h2')).toContainText('공약실천계획서');
  release();
  await expect(page.locator('.editor-bar')).toHaveCount(0);
  expect(asked).toEqual([]);
  await page.unroute('**/api/saveDraft');
  await d.openDesk();
  await d.openPlan(projectId);
  await expect(d.field(goalLabel)).toHaveValue('○ 메뉴로 나가도 남는 목표');
});

test('closing asked about a pending save and the person stays: the save sent on the way out counts, the next one follows it', async ({
  page,
  app,
}) => {
  const d = new DraftingPage(page);
  await d.start(app.url, department);
  await d.openPlan(projectId);
  await d.field(goalLabel).fill('○ 닫으려다 머문 목표');
  const { stateWhenLeaving: stateWhenClosing, dialogs } = await d.reloadAnswering('dismiss');
  expect(stateWhenClosing).toBe('저장되지 않은 변경 있음');
  await expect.poll(() => dialogs).toEqual(['beforeunload']);
  await expect(d.saveIndicator).toHaveText(/^저장됨 \d\d:\d\d:\d\d$/);
  // Not "another window saved first": the save sent as the page was closing carried, and returned, the version.
  await d.field(goalLabel).fill('○ 머문 뒤 고친 목표');
  await d.waitSaved();
  await d.reopen();
  await d.openPlan(projectId);
  await expect(d.field(goalLabel)).toHaveValue('○ 머문 뒤 고친 목표');
});

test('a long Korean document (over 64 KiB in UTF-8, under 60,000 characters) typed just before a reload is kept', async ({
  page,
  app,
}) => {
  const d = new DraftingPage(page);
  await d.start(app.url, department);
  await d.openPlan(projectId);
  await d.field('단위사업 1 사업명').fill('첫째 사업');
  await d.waitSaved();
  // 15,000 + 10,000 Hangul characters: 75,000 bytes in UTF-8, beyond what a keepalive request may carry.
  const goal = `○ ${'가나다라마바사아자차'.repeat(1_500)}`;
  const plan = `- ${'세부추진계획입니다'.repeat(1_111)}`;
  await d.field(goalLabel).fill(goal);
  await d.field('단위사업 1 세부 추진계획').fill(plan);
  const { stateWhenLeaving } = await d.reloadAnswering('accept');
  expect(stateWhenLeaving).toBe('저장되지 않은 변경 있음');
  await page.waitForLoadState('load');
  await d.openDesk();
  await d.openPlan(projectId);
  await expect(d.field(goalLabel)).toHaveValue(goal);
  await expect(d.field('단위사업 1 세부 추진계획')).toHaveValue(plan);
});
