import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { DraftingPage } from './pages/drafting-page';
import { confirmPlanThroughApi } from './support/confirmed-plan';

/**
 * Deleting a row of a list (변경 항목, 담당자, 협조부서, 활동) from the keyboard: a row holding typed text is asked
 * about first, an empty one goes at once, and the focus stays in the list (the next row, else the one before,
 * else the add button), never on the page's <body>.
 */

const department = '경제진흥본부';
const projectId = '1-1-1';

/** The label (or text) of the focused element and whether it sits inside `within`; "<body>" when nothing has it. */
const focused = (page: Page, within: string) =>
  page.evaluate((selector) => {
    const el = document.activeElement;
    if (el === null || el === document.body) return { label: '<body>', inside: false };
    const label =
      el.getAttribute('aria-label') ?? (el as HTMLInputElement).labels?.[0]?.textContent ?? el.textContent;
    return { label: (label ?? '').trim(), inside: el.closest(selector) !== null };
  }, within);

/** Every confirm() question asked, answered by `answers` in turn (취소 when none is left). */
function recordQuestions(page: Page): { questions: string[]; answers: boolean[] } {
  const log = { questions: [] as string[], answers: [] as boolean[] };
  page.on('dialog', (dialog) => {
    log.questions.push(dialog.message());
    void (log.answers.shift() === true ? dialog.accept() : dialog.dismiss());
  });
  return log;
}

test('변경 n 삭제 by Enter asks when the row holds text; afterwards the focus is in 변경 요구내용', async ({
  page,
  app,
}) => {
  const d = new DraftingPage(page);
  await d.start(app.url, department);
  await confirmPlanThroughApi(d, {
    department,
    projectId,
    policyGoal: '○ 입주기업 150개사',
    units: [
      { name: '핀테크랩 운영', detailedPlan: '- 입주공간 지원', schedule: { '2019-H1': '입주기업 선발' } },
    ],
  });
  await page.getByRole('button', { name: `${projectId} 새 조정 요청서` }).click();
  await expect(page.locator('.editor-bar h2')).toContainText('공약 조정 요청서');
  const { questions, answers } = recordQuestions(page);

  await page.getByRole('button', { name: '+ 변경 항목 추가' }).click();
  await d.field('변경 2 구분').fill('사업기간 연장');
  await d.field('변경 2 변경안').fill('사업기간을 2023년 12월까지 연장\n- 제2 핀테크랩 준공 지연 반영');
  await page.getByRole('button', { name: '+ 변경 항목 추가' }).click();
  await expect(d.field('변경 3 구분')).toBeVisible();

  // An empty row goes without a question; the focus moves to the row before it.
  await page.getByRole('button', { name: '변경 3 삭제' }).focus();
  await page.keyboard.press('Enter');
  await expect(d.field('변경 3 구분')).toHaveCount(0);
  expect(questions).toEqual([]);
  await expect(d.field('변경 2 구분')).toBeFocused();

  // A row with 변경안: asked, naming it; 취소 keeps it (and the focus on its button).
  answers.push(false);
  await page.getByRole('button', { name: '변경 2 삭제' }).focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => questions.length).toBe(1);
  expect(questions[0]).toBe(
    "변경 2 '사업기간 연장'을 삭제할까요? 구분, 당초 공약과 변경안이 모두 지워집니다.",
  );
  await expect(d.field('변경 2 변경안')).toHaveValue(
    '사업기간을 2023년 12월까지 연장\n- 제2 핀테크랩 준공 지연 반영',
  );
  await expect(page.getByRole('button', { name: '변경 2 삭제' })).toBeFocused();

  // 확인: the row goes and the keyboard goes on inside 변경 요구내용, not from the top of the page.
  answers.push(true);
  await page.keyboard.press('Enter');
  await expect.poll(() => questions.length).toBe(2);
  await expect(d.field('변경 2 구분')).toHaveCount(0);
  await expect
    .poll(() => focused(page, 'fieldset[data-path="rows"]'))
    .toEqual({
      label: '변경 1 구분',
      inside: true,
    });
  await d.waitSaved();
});

test('담당자, 협조부서 and 활동 rows: asked before text goes, the focus stays in the list', async ({
  page,
  app,
}) => {
  const d = new DraftingPage(page);
  await d.start(app.url, department);
  await d.openPlan(projectId);
  const { questions, answers } = recordQuestions(page);

  // 담당자: the empty third row goes at once, the focus on the row before it.
  await d.fillContact(1, '투자창업과', '김도현', '02-2133-5000');
  await d.field('담당자 2 이름').fill('이서연');
  await page.getByRole('button', { name: '담당자 3 삭제' }).focus();
  await page.keyboard.press('Enter');
  await expect(d.field('담당자 3 이름')).toHaveCount(0);
  await expect(d.field('담당자 2 직위')).toBeFocused();
  expect(questions).toEqual([]);

  // 담당자 1 with its name and phone: asked; then the row that took its place has the focus.
  answers.push(true);
  await page.getByRole('button', { name: '담당자 1 삭제' }).focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => questions.length).toBe(1);
  expect(questions[0]).toBe("담당자 1 '김도현'을 삭제할까요? 소속, 이름과 전화번호가 지워집니다.");
  await expect(d.field('담당자 1 이름')).toHaveValue('이서연');
  await expect(d.field('담당자 1 직위')).toBeFocused();

  // 협조부서 with a name: asked; the last one gone, the focus is on 협조부서 추가.
  await page.getByRole('button', { name: '+ 협조부서 추가' }).click();
  await d.field('협조부서 1 부서명').fill('디지털정책관');
  answers.push(true);
  await page.getByRole('button', { name: '협조부서 1 삭제' }).focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => questions.length).toBe(2);
  expect(questions[1]).toBe(
    "협조부서 1 '디지털정책관'을 삭제할까요? 부서명과 담당자 1명의 소속, 이름, 전화번호가 모두 지워집니다.",
  );
  await expect(d.field('협조부서 1 부서명')).toHaveCount(0);
  await expect(page.getByRole('button', { name: '+ 협조부서 추가' })).toBeFocused();

  // 활동 1 with text: asked; the next 활동 takes its place and the focus.
  await page.getByRole('button', { name: '+ 활동 추가' }).click();
  await page.getByRole('button', { name: '+ 활동 추가' }).click();
  await d.field('활동 1 내용').fill('전문가 자문회의');
  await d.field('활동 2 내용').fill('시민 설명회');
  answers.push(true);
  await page.getByRole('button', { name: '활동 1 삭제' }).focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => questions.length).toBe(3);
  expect(questions[2]).toBe("활동 1 '전문가 자문회의'를 삭제할까요? 내용, 횟수와 일자가 지워집니다.");
  await expect(d.field('활동 1 내용')).toHaveValue('시민 설명회');
  await expect(d.field('활동 1 내용')).toBeFocused();
  await d.waitSaved();
});
