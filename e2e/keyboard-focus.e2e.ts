import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { PLANS_CONFIRMED_NEXT } from '../domain/api/contract';
import { expect, test } from './fixtures';
import { DraftingPage } from './pages/drafting-page';
import { OfficeReportPage } from './pages/office-report-page';
import { SetupPage } from './pages/setup-page';
import { SubmissionPage } from './pages/submission-page';
import { CLOCK, DEPT_A, projectsOf } from './support/office-data';
import { OfficeScenario, planJson } from './support/office-scenario';
import { startOfficeServer, type OfficeServer } from './support/office-server';

// Keyboard only: after each action the focus stays where the person can go on, never on the page's <body>.

const department = '경제진흥본부';

/** The text of the element that has the focus, or "<body>" when nothing has it (the keyboard starts over). */
const focusedText = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return el === null || el === document.body ? '<body>' : (el.textContent ?? '').trim();
  });

test.describe('office: 실천계획 확정', () => {
  let root = '';
  let server: OfficeServer | null = null;
  test.beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'pledge-focus-e2e-'));
  });
  test.afterEach(async () => {
    await server?.stop();
    server = null;
    rmSync(root, { recursive: true, force: true });
  });

  test('the question focuses 취소 first; after 확정 the focus is on the outcome message', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    // One department's plans, received by the office.
    const scenario = new OfficeScenario(root);
    scenario.setupOffice(CLOCK.setup);
    const desk = scenario.enrollDepartment(DEPT_A, CLOCK.setup);
    const projects = projectsOf().filter((p) => p.department === DEPT_A);
    for (const p of projects) scenario.draft(desk, planJson(p), CLOCK.plansDrafted);
    scenario.importBundles(
      [scenario.exportBundle(desk, 'plan', CLOCK.plansDrafted).path],
      CLOCK.plansImported,
    );
    server = await startOfficeServer({
      dataDir: scenario.officeDir,
      profileDir: join(root, 'profile'),
      now: CLOCK.server,
    });

    const office = new OfficeReportPage(page);
    await office.open(server.url);
    await office.tab('plans');
    const n = projects.length;
    const ask = page.getByTestId('plan-confirm-selected');
    await page.getByTestId('plan-select-all').focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('Shift+Tab');
    await expect(ask).toBeFocused();
    await expect(ask).toHaveText(`선택한 계획서 확정 (${n}건)`);

    // Confirming cannot be undone: the question starts on 취소, so Enter-Enter confirms nothing.
    await page.keyboard.press('Enter');
    const question = page.getByRole('alertdialog');
    await expect(question).toContainText(`${n}건을 확정합니다`);
    await expect(question.getByRole('button', { name: '취소' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(question).toHaveCount(0);
    await expect(ask).toBeFocused();
    await expect(page.getByTestId('plan-table').locator('tbody tr')).toHaveCount(n);

    // Asked again, 확정 is one Shift+Tab away; once confirmed, the focus is on what happened.
    await page.keyboard.press('Enter');
    await expect(question.getByRole('button', { name: '취소' })).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    await expect(page.getByTestId('plan-confirm-yes')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('plan-empty')).toBeVisible();
    await expect
      .poll(() => focusedText(page))
      .toBe(`실천계획서 ${n}건을 확정했습니다. ${PLANS_CONFIRMED_NEXT}`);
    // From there the keyboard goes on to the 보기 filter.
    await page.keyboard.press('Tab');
    await expect(page.getByTestId('plan-filter')).toBeFocused();
  });
});

test('department: after 서명 키 만들기 the focus is on the message saying the key was made', async ({
  page,
  app,
}) => {
  await page.goto(app.url);
  await new SetupPage(page).chooseDepartment(department);
  const s = new SubmissionPage(page);
  await s.openAsDepartment();
  await page.getByTestId('key-panel').getByRole('button', { name: '서명 키 만들기' }).focus();
  await page.keyboard.press('Enter');
  await expect(s.ownFingerprint).toBeVisible();
  await expect(page.getByText('새 서명 키를 만들었습니다.')).toBeVisible();
  await expect.poll(() => focusedText(page)).toBe('새 서명 키를 만들었습니다.');
  // The next step, 등록 파일 내보내기, is a few Tabs away in the same panel (not from the top of the page).
  for (let i = 0; i < 5; i += 1) {
    await page.keyboard.press('Tab');
    if (
      await page
        .getByRole('button', { name: '등록 파일 내보내기' })
        .evaluate((b) => b === document.activeElement)
    )
      break;
  }
  await expect(page.getByRole('button', { name: '등록 파일 내보내기' })).toBeFocused();
});

test('department: 키 교체 asks with 취소 first, cancelling returns to 키 교체…, and after 교체 the focus is on its message', async ({
  page,
  app,
}) => {
  await page.goto(app.url);
  await new SetupPage(page).chooseDepartment(department);
  const s = new SubmissionPage(page);
  await s.openAsDepartment();
  await page.getByTestId('key-panel').getByRole('button', { name: '서명 키 만들기' }).click();
  const oldKeyId = (await page.getByTestId('own-key-id').textContent()) ?? '';
  expect(oldKeyId).not.toBe('');

  const rotate = page.getByRole('button', { name: '키 교체…' });
  const question = page.getByRole('alertdialog');
  await rotate.focus();
  await page.keyboard.press('Enter');
  await expect(question.getByRole('button', { name: '취소' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(question).toHaveCount(0);
  await expect(rotate).toBeFocused();
  await expect(page.getByTestId('own-key-id')).toHaveText(oldKeyId);
  // Escape answers it as 취소 does, from either of its buttons.
  await page.keyboard.press('Enter');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Escape');
  await expect(question).toHaveCount(0);
  await expect(rotate).toBeFocused();
  await expect(page.getByTestId('own-key-id')).toHaveText(oldKeyId);

  await page.keyboard.press('Enter');
  await page.keyboard.press('Shift+Tab');
  await expect(question.getByRole('button', { name: '새 키로 교체' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('own-key-id')).not.toHaveText(oldKeyId);
  await expect.poll(() => focusedText(page)).toMatch(/^키를 교체했습니다 \(이전 키 /);
});

test('a 제출 refused for errors puts the focus on the first faulty field', async ({ page, app }) => {
  const d = new DraftingPage(page);
  await d.start(app.url, department);
  await d.openPlan('1-1-1');
  const submit = page.getByRole('button', { name: '제출', exact: true });
  const firstError = page.getByTestId('issues-panel').locator('.issue-error').first();

  // A new, empty plan: the stored document's first error.
  await submit.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('submit-message')).toContainText('고친 뒤 제출하세요');
  const path = await firstError.getAttribute('data-issue-path');
  const field = page.locator('form.doc-form :focus');
  await expect(field).toHaveCount(1);
  // The first error is about the contacts as a whole ("담당자를 한 명 이상 입력하세요"): its first box.
  expect(path).toBe('leadContacts');
  await expect(field).toHaveAttribute('name', 'leadContacts.0.unit');

  // A cell the save refused is listed first, and is where 제출 takes the keyboard.
  const cell = d.investmentCell(1, '국비', "'19");
  await cell.fill('abc');
  await expect(d.saveIndicator).toHaveText(/입력 오류 1곳은 저장하지 않았습니다$/);
  await submit.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('submit-message')).toContainText('입력 오류가 있어 저장하지 못했으므로');
  await expect(firstError).toHaveAttribute('data-issue-path', 'unitProjects.0.investmentNeeds.national.2019');
  await expect(cell).toBeFocused();
});
