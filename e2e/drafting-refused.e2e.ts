import { expect, test } from './fixtures';
import { DraftingPage } from './pages/drafting-page';

// What a department typed is never held back by one cell the form cannot take: the rest is stored, the refused
// cells are listed and marked, and leaving the editor with them asks first.

const department = '경제진흥본부';
const projectId = '1-1-1';

test('an amount the form cannot take: everything else is saved, the cells are listed, leaving asks first', async ({
  page,
  app,
}) => {
  const d = new DraftingPage(page);
  await d.start(app.url, department);
  await d.openPlan(projectId);
  // Keyboard: an opened document has the focus on its title, so Tab goes into the form, not to the top menu.
  await expect(page.locator('.editor-bar h2')).toBeFocused();
  const goal = '○ 2022.6월까지 입주기업 누적 150개사 육성';
  await d.field('정책목표 (추후 임의변경불가)').fill(goal);
  await d.fillUnitText(1, '서울핀테크랩 조성·운영', '- 입주공간 지원', { "'19 상": '입주기업 선발' });
  await d.investmentCell(1, '시비', "'19").fill('1500');
  // A minus sign and a decimal comma: neither can be stored as an amount in 백만원.
  await d.investmentCell(1, '시비', "'20").fill('-20');
  await d.investmentCell(1, '시비', "'21").fill('1,5');
  await d.investmentCell(1, '시비', "'22.6월").fill('12.3456');

  await expect(d.saveIndicator).toHaveText(/^저장됨 \d\d:\d\d:\d\d — 입력 오류 3곳은 저장하지 않았습니다$/);
  const refused = page.getByTestId('issues-panel').locator('.issue-error', { hasText: '저장 안 됨' });
  await expect(refused).toHaveCount(3);
  await expect(refused.filter({ hasText: '쉼표(,)는 천 단위 구분(1,234)에만 쓸 수 있습니다' })).toHaveCount(
    1,
  );
  // Each says which cell, in the words the cell is labelled with.
  await expect(refused.filter({ hasText: '쉼표' })).toContainText(
    "저장 안 됨 — 단위사업 1 시비 '21 투자수요: 쉼표",
  );
  await expect(refused.filter({ hasText: "'20 투자수요:" })).toHaveCount(1);
  // The refused text stays on screen for the person to fix; it was never read as 15.
  await expect(d.investmentCell(1, '시비', "'21")).toHaveValue('1,5');
  // The live totals leave out what is not saved: only the 1,500 counts.
  expect(await d.amount('inv-0-city-within')).toBe(1500);
  expect(await d.amount('plan-within')).toBe(1500);

  // 목록으로 asks before the refused cells are dropped; "취소" stays in the editor.
  const messages: string[] = [];
  page.once('dialog', (dialog) => {
    messages.push(dialog.message());
    void dialog.dismiss();
  });
  await page.getByRole('button', { name: '← 목록으로' }).click();
  await expect.poll(() => messages.length).toBe(1);
  expect(messages[0]).toContain('입력 오류 3곳은 저장되지 않았습니다');
  await expect(page.locator('.editor-bar h2')).toContainText('공약실천계획서');
  // Every other way out asks the same: the main menu too.
  page.once('dialog', (dialog) => {
    messages.push(dialog.message());
    void dialog.dismiss();
  });
  await page.getByRole('navigation', { name: '주 메뉴' }).getByRole('button', { name: '제출 파일' }).click();
  await expect.poll(() => messages.length).toBe(2);
  expect(messages[1]).toContain('입력 오류 3곳은 저장되지 않았습니다');
  await expect(page.locator('.editor-bar h2')).toContainText('공약실천계획서');
  await expect(d.investmentCell(1, '시비', "'21")).toHaveValue('1,5');

  // A reload (or a crash) now loses only the refused cells.
  await d.reopen();
  await d.openPlan(projectId);
  await expect(d.field('정책목표 (추후 임의변경불가)')).toHaveValue(goal);
  await expect(d.field('단위사업 1 사업명')).toHaveValue('서울핀테크랩 조성·운영');
  await expect(d.scheduleCell(1, "'19 상")).toHaveValue('입주기업 선발');
  await expect(d.investmentCell(1, '시비', "'19")).toHaveValue('1500');
  await expect(d.investmentCell(1, '시비', "'20")).toHaveValue('');
  await expect(d.investmentCell(1, '시비', "'21")).toHaveValue('');
  await expect(d.investmentCell(1, '시비', "'22.6월")).toHaveValue('');
  await expect(d.saveIndicator).toHaveText('저장된 내용');

  // Ctrl+P prints the form's official layout, as the 인쇄 / PDF button does; Esc goes back to the form.
  const title = page.locator('.editor-bar h2');
  await title.focus();
  await page.keyboard.press('Control+p');
  await expect(page.getByTestId('print-view')).toBeVisible();
  await expect(page.getByTestId('print-view')).toContainText('서울핀테크랩 조성·운영');
  // Tab stays in the preview's buttons; Esc closes it and the focus is back where it was.
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press('Tab');
    expect(
      await page.evaluate(() => document.activeElement?.closest('[data-testid="print-view"]') !== null),
    ).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('print-view')).toHaveCount(0);
  await expect(title).toBeFocused();

  // Fixed, the cell saves as any other; 목록으로 then leaves without a question.
  await d.investmentCell(1, '시비', "'20").fill('1,250.5');
  await d.waitSaved();
  page.once('dialog', (dialog) => {
    messages.push(dialog.message());
    void dialog.accept();
  });
  await d.back();
  expect(messages).toHaveLength(2);
  // Back on the desk, the focus is on the button that opened the document.
  await expect(page.getByRole('button', { name: `${projectId} 실천계획서 열기` })).toBeFocused();
  await d.openPlan(projectId);
  await expect(d.investmentCell(1, '시비', "'20")).toHaveValue('1250.5');
});

test('a reload right after typing keeps what was typed, even next to a cell the form cannot take', async ({
  page,
  app,
}) => {
  const d = new DraftingPage(page);
  await d.start(app.url, department);
  await d.openPlan(projectId);
  await d.field('정책목표 (추후 임의변경불가)').fill('○ 처음 목표');
  await d.investmentCell(1, '시비', "'19").fill('1500');
  await d.waitSaved();

  // The last edits, one of them refused, and the page goes away before the autosave's pause is over: only
  // the save on unload can keep them.
  const goal = '○ 떠나기 직전에 고친 목표';
  await d.field('정책목표 (추후 임의변경불가)').fill(goal);
  await d.investmentCell(1, '시비', "'20").fill('-20');
  // What is not stored yet is asked about (the browser's question); the save is on its way meanwhile.
  const { stateWhenLeaving, dialogs } = await d.reloadAnswering('accept');
  expect(stateWhenLeaving).toBe('저장되지 않은 변경 있음');
  await expect.poll(() => dialogs).toEqual(['beforeunload']);
  await page.waitForLoadState('load');
  await d.openDesk();
  await d.openPlan(projectId);
  await expect(d.field('정책목표 (추후 임의변경불가)')).toHaveValue(goal);
  await expect(d.investmentCell(1, '시비', "'19")).toHaveValue('1500');
  await expect(d.investmentCell(1, '시비', "'20")).toHaveValue('');
});

test('a 총사업비 the form cannot take, never saved before, holds back only itself', async ({ page, app }) => {
  const d = new DraftingPage(page);
  await d.start(app.url, department);
  await d.openPlan('1-2-1');
  const goal = '○ 총사업비를 잘못 적어도 남는 목표';
  await d.field('정책목표 (추후 임의변경불가)').fill(goal);
  await d.fillUnitText(1, '첫 단위사업', '- 세부 계획', {});
  // "억" is not an amount in 백만원: 총사업비 was blank before, so it goes back to blank as a whole.
  await page.getByRole('radio', { name: '금액', exact: true }).check();
  await d.field('총사업비 금액 (백만원)').fill('1200억');
  await expect(d.saveIndicator).toHaveText(/^저장됨 \d\d:\d\d:\d\d — 입력 오류 1곳은 저장하지 않았습니다$/);
  await expect(d.field('총사업비 금액 (백만원)')).toHaveValue('1200억');

  await d.reopen();
  await d.openPlan('1-2-1');
  await expect(d.field('정책목표 (추후 임의변경불가)')).toHaveValue(goal);
  await expect(d.field('단위사업 1 사업명')).toHaveValue('첫 단위사업');
  await expect(d.field('총사업비 금액 (백만원)')).toHaveCount(0);
  await expect(page.getByRole('radio', { name: '금액', exact: true })).not.toBeChecked();
});

test('the print shows what is stored around a refused cell, and says that cell is printed as saved', async ({
  page,
  app,
}) => {
  const d = new DraftingPage(page);
  await d.start(app.url, department);
  await d.openPlan(projectId);
  const goal = '○ 인쇄물에 나와야 할 새 목표';
  await d.field('정책목표 (추후 임의변경불가)').fill(goal);
  await d.investmentCell(1, '시비', "'20").fill('-20');
  await expect(d.saveIndicator).toHaveText(/^저장됨 \d\d:\d\d:\d\d — 입력 오류 1곳은 저장하지 않았습니다$/);
  await page.getByRole('button', { name: '인쇄 / PDF' }).click();
  await expect(page.getByTestId('print-view')).toContainText(goal);
  await expect(page.getByTestId('print-notice')).toHaveText(
    '입력 오류 1곳은 저장되지 않은 칸이라 마지막으로 저장한 값으로 인쇄됩니다.',
  );
  await page.keyboard.press('Escape');
});

test('another window saved first: the save merges with it, keeps this window’s text and offers the other’s', async ({
  page,
  app,
  context,
}) => {
  const a = new DraftingPage(page);
  await a.start(app.url, department);
  await a.openPlan(projectId);
  await a.field('정책목표 (추후 임의변경불가)').fill('○ 처음 목표');
  await a.waitSaved();

  // The same plan open in a second window, which saves first.
  const other = await context.newPage();
  const b = new DraftingPage(other);
  await other.goto(app.url);
  await b.openDesk();
  await b.openPlan(projectId);
  await b.field('정책목표 (추후 임의변경불가)').fill('○ 다른 창에서 고친 목표');
  await b.waitSaved();

  await a.field('정책목표 (추후 임의변경불가)').fill('○ 이 창에서 고친 목표');
  await expect(a.saveIndicator).toHaveText(/^다른 창에서 저장한 내용과 합쳐 저장했습니다 \d\d:\d\d:\d\d$/);
  const conflict = page.getByTestId('merge-conflict');
  await expect(conflict.getByRole('heading')).toHaveText('정책목표 (추후 임의변경불가)');
  await expect(page.getByLabel('정책목표 (추후 임의변경불가) — 다른 창에서 저장한 내용')).toHaveValue(
    '○ 다른 창에서 고친 목표',
  );
  await expect(a.field('정책목표 (추후 임의변경불가)')).toHaveValue('○ 이 창에서 고친 목표');

  // Stored: 제출 is held back only by the plan's own blanks, not by a failed save, and leaving asks nothing.
  await expect(page.getByRole('button', { name: '저장된 내용 다시 불러오기' })).toHaveCount(0);
  await page.getByRole('button', { name: '정책목표 (추후 임의변경불가): 이 창의 입력 남기기' }).click();
  await expect(page.getByTestId('merge-conflicts')).toHaveCount(0);
  await a.submit();
  await expect(page.getByTestId('submit-message')).toHaveText(/^오류 \d+건을 고친 뒤 제출하세요/);
  const messages: string[] = [];
  page.on('dialog', (dialog) => {
    messages.push(dialog.message());
    void dialog.dismiss();
  });
  await a.back();
  expect(messages).toEqual([]);
  await a.openPlan(projectId);
  await expect(a.field('정책목표 (추후 임의변경불가)')).toHaveValue('○ 이 창에서 고친 목표');
  await other.close();
});

test('closing or reloading the page with a refused cell asks first; a count typed over its 0 is the number typed', async ({
  page,
  app,
}) => {
  const d = new DraftingPage(page);
  await d.start(app.url, department);
  await d.openPlan(projectId);
  // The counts start at 0: a click into the box and a 3 typed gives 3, not 30.
  const briefings = d.field('설명회·공청회 등 (회)');
  await expect(briefings).toHaveValue('0');
  await briefings.click();
  await page.keyboard.type('3');
  await expect(briefings).toHaveValue('3');
  await page.keyboard.press('Tab');
  await page.keyboard.type('2');
  await expect(d.field('만족도조사 (회)')).toHaveValue('2');
  await d.waitSaved();

  // Nothing refused: a reload goes without a question.
  let asked = 0;
  page.on('dialog', (dialog) => {
    asked += 1;
    expect(dialog.type()).toBe('beforeunload');
    void dialog.dismiss();
  });
  await d.reopen();
  expect(asked).toBe(0);
  await d.openPlan(projectId);
  await expect(d.field('설명회·공청회 등 (회)')).toHaveValue('3');

  // A refused cell: the reload is asked about, and staying keeps the typed text on screen.
  await d.investmentCell(1, '시비', "'20").fill('1,5');
  await expect(d.saveIndicator).toHaveText(/입력 오류 1곳은 저장하지 않았습니다$/);
  await page.reload({ timeout: 5_000 }).catch(() => undefined);
  expect(asked).toBe(1);
  await expect(d.investmentCell(1, '시비', "'20")).toHaveValue('1,5');
});

test('문서 작성 in the top menu, chosen while a document is open, goes back to the list (asking first about refused cells)', async ({
  page,
  app,
}) => {
  const d = new DraftingPage(page);
  await d.start(app.url, department);
  await d.openPlan(projectId);
  const menuItem = page
    .getByRole('navigation', { name: '주 메뉴' })
    .getByRole('button', { name: '문서 작성' });
  await d.investmentCell(1, '시비', "'20").fill('-20');
  await expect(d.saveIndicator).toHaveText(/입력 오류 1곳은 저장하지 않았습니다$/);
  const questions: string[] = [];
  page.once('dialog', (dialog) => {
    questions.push(dialog.message());
    void dialog.dismiss();
  });
  await menuItem.click();
  expect(questions).toEqual([
    '입력 오류 1곳은 저장되지 않았습니다. 지금 나가면 그 칸에 입력한 내용은 사라집니다. 나갈까요?',
  ]);
  await expect(page.locator('.editor-bar h2')).toContainText('공약실천계획서');
  await d.investmentCell(1, '시비', "'20").fill('20');
  await d.waitSaved();
  await menuItem.click();
  await expect(page.getByTestId('desk-projects')).toBeVisible();
  await expect(page.locator('.editor-bar')).toHaveCount(0);
});
