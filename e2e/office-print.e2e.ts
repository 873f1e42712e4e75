import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Locator } from '@playwright/test';
import { CARD_STATUS_LABELS } from '../domain/documents';
import { expectAccessible } from './support/axe';
import {
  asAmounts,
  buildScenario,
  CLOCK,
  DEPT_A,
  DEPT_B,
  DEPT_C,
  expectedFinanceMilli,
  projectsLedBy,
  shownAt,
  sumFinance,
} from './support/office-data';
import { correctCity424, openOfficeOn } from './support/office-open';
import type { OfficeServer } from './support/office-server';
import { printedPages } from './support/pdf-pages';

// 제출 현황 → 모아 인쇄: what one department sent for the half-year, on paper. Every expected figure is computed
// from the documents the test drafts (support/office-data.ts), not read back from the app.

let root = '';
let server: OfficeServer | null = null;

test.beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'pledge-office-print-e2e-'));
});

test.afterEach(async () => {
  await server?.stop();
  server = null;
  rmSync(root, { recursive: true, force: true });
});

const cellsOf = async (row: Locator) => (await row.locator('td, th').allTextContents()).map((t) => t.trim());
const money = (text: string | undefined) => Number((text ?? '').replace(/,/g, ''));

test("제출 현황 → 모아 인쇄: a department's received cards, each in its newest revision, and its 붙임5 rows with the corrected amounts in red; then every department that sent something", async ({
  page,
}) => {
  test.setTimeout(150_000);
  const built = buildScenario(root);
  const { changed, revision: correction } = correctCity424(built, 130.25);
  const opened = await openOfficeOn(page, built, root);
  server = opened.server;
  const office = opened.office;
  await office.tab('submissions');

  // A department that sent nothing has nothing to print: no button in its row.
  await expect(
    page.getByRole('button', { name: `${DEPT_C} 받은 문서 모아 인쇄 (2019년 상반기)` }),
  ).toHaveCount(0);
  await expect(page.getByTestId(`submission-${DEPT_C}`).locator('td').last()).toHaveText('–');
  const button = page.getByRole('button', { name: `${DEPT_A} 받은 문서 모아 인쇄 (2019년 상반기)` });
  await page.screenshot({ path: 'test-results/office-submissions.png' });
  await button.click();
  const view = page.getByTestId('print-view');
  await expect(view).toBeVisible();
  await expect(page).toHaveTitle(`2019년 상반기 받은 관리카드·재정집행 현황 ${DEPT_A}`);
  await expect(page.getByRole('button', { name: '닫기' })).toBeFocused();
  await expectAccessible(page, '받은 문서 모아 인쇄');
  await page.screenshot({ path: 'test-results/office-department-print.png' });

  // The first page: every project A leads, each document with when it first arrived (A's file, on time), the others
  // 미제출.
  const sent = built.projects.filter((p) => p.department === DEPT_A);
  const contents = view.getByTestId('batch-contents');
  const led = projectsLedBy(DEPT_A);
  await expect(contents.locator('tbody tr')).toHaveCount(led.length);
  for (const p of led) {
    const row = contents.locator(`tr[data-project-id="${p.id}"]`);
    const state = sent.some((s) => s.projectId === p.id) ? `첫 접수 ${shownAt(CLOCK.aImported)}` : '미제출';
    await expect(row.getByTestId('batch-card-state')).toHaveText(state);
    await expect(row.getByTestId('batch-finance-state')).toHaveText(state);
  }

  // Each card the report counts, from the newest file: A's correction carried the half-year's every card again.
  const cards = view.getByTestId('batch-card');
  await expect(cards).toHaveCount(sent.length);
  for (const p of sent) {
    const card = view.locator(`[data-testid="batch-card"][data-project-id="${p.projectId}"]`);
    await expect(card.getByTestId('print-status')).toHaveText(CARD_STATUS_LABELS[p.status]);
    await expect(card.getByTestId('batch-card-receipt')).toHaveText(
      `제출 파일 r${correction} · ${shownAt(CLOCK.revisionImported)} 접수`,
    );
  }
  const corrected = view.locator('[data-testid="batch-card"][data-project-id="4-2-4"]');
  await expect(corrected).toContainText(
    (changed.units[0]!.executed.city?.['2019-H1'] ?? 0).toLocaleString('ko-KR'),
  );

  // 붙임5 of A's projects as the report computes them, with their 계; the corrected 집행 in red.
  const finance = view.getByTestId('batch-finance');
  await expect(finance.locator('tbody tr[data-project-id]')).toHaveCount(sent.length);
  // Columns: 관리번호, 공약사업명, 이행도, 초기, 현재, 확보총계, 5 sources, 계획 계 + 5 years, 집행 계 + 5 years, 비고.
  const years = 5;
  const at = { initial: 3, current: 4, securedTotal: 5, planTotal: 11, executedTotal: 12 + years };
  const executed2019 = at.executedTotal + 2; // '18, then '19
  for (const p of sent) {
    const expected = asAmounts(expectedFinanceMilli(p));
    const row = finance.locator(`tr[data-project-id="${p.projectId}"]`);
    const cells = await cellsOf(row);
    expect(money(cells[at.initial]), `${p.projectId} 초기계획`).toBe(expected['plannedTotal.initial']);
    expect(money(cells[at.securedTotal]), `${p.projectId} 확보총계`).toBe(expected['secured.total']);
    expect(money(cells[at.planTotal]), `${p.projectId} 임기내 계획`).toBe(expected['termPlan.total']);
    expect(money(cells[at.executedTotal]), `${p.projectId} 임기내 집행`).toBe(expected['termExecuted.total']);
    expect(money(cells[executed2019]), `${p.projectId} '19 집행`).toBe(expected['termExecuted.byYear.2019']);
    const red = row.locator('td.changed');
    if (p.projectId === '4-2-4') {
      // The half-year's city 집행 changed since first reported: the year's 집행 and the term's 집행 계.
      await expect(red).toHaveCount(2);
      expect((await red.allTextContents()).map(money)).toEqual([
        expected['termExecuted.total'],
        expected['termExecuted.byYear.2019'],
      ]);
    } else await expect(red).toHaveCount(0);
  }
  const total = await cellsOf(finance.getByTestId('batch-finance-total'));
  const sum = sumFinance(sent);
  const shift = 2; // the 계 label spans three columns
  expect(total[0]).toBe(`계 (${sent.length}개 사업)`);
  expect(money(total[at.initial - shift])).toBe(sum['plannedTotal.initial']);
  expect(money(total[at.securedTotal - shift])).toBe(sum['secured.total']);
  expect(money(total[at.executedTotal - shift])).toBe(sum['termExecuted.total']);
  await expect(finance).toContainText('빨간 금액: 처음 보고한 뒤 수정된 금액');

  // On paper: the list, each card from the top of a portrait page, then 붙임5 on a landscape page.
  const pages = await printedPages(page, 'office-department-print.pdf');
  expect(pages[0]?.size).toEqual([595, 842]);
  expect(pages[0]?.text.startsWith('받은공약관리카드·재정집행현황')).toBe(true);
  const cardStarts = pages.flatMap((p, n) => (p.text.startsWith('제출파일r') ? [n] : []));
  expect(cardStarts).toHaveLength(sent.length);
  for (const n of cardStarts) expect(pages[n]?.size).toEqual([595, 842]);
  const last = pages.at(-1);
  expect(last?.size).toEqual([842, 595]);
  expect(last?.text.startsWith('재정집행현황')).toBe(true);
  expect(last?.text).toContain(`계(${sent.length}개사업)`);
  expect(last?.rightmostWord).toBeLessThanOrEqual(842 - (10 / 25.4) * 72);

  // Escape closes the preview; the keyboard is back on the department's button.
  await page.keyboard.press('Escape');
  await expect(view).toHaveCount(0);
  await expect(button).toBeFocused();

  // Every department that sent something, one after another: A (its cards as above), then B, whose file came the
  // morning after the due date (지연); C, which sent nothing, is not in it.
  const every = page.getByRole('button', { name: '받은 문서 부서별 모아 인쇄 (2개 부서)' });
  await every.click();
  await expect(page).toHaveTitle('2019년 상반기 받은 관리카드·재정집행 현황 부서별');
  const sections = view.getByTestId('batch-department');
  await expect(sections).toHaveCount(2);
  const fromB = built.projects.filter((p) => p.department === DEPT_B);
  const sectionOf = (dept: string) =>
    view.locator(`[data-testid="batch-department"][data-department="${dept}"]`);
  for (const [dept, projects] of [
    [DEPT_A, sent],
    [DEPT_B, fromB],
  ] as const) {
    const section = sectionOf(dept);
    await expect(section.getByTestId('batch-contents').locator('tbody tr')).toHaveCount(
      projectsLedBy(dept).length,
    );
    await expect(section.getByTestId('batch-card')).toHaveCount(projects.length);
    await expect(section.getByTestId('batch-finance').locator('tbody tr[data-project-id]')).toHaveCount(
      projects.length,
    );
    const total = await cellsOf(section.getByTestId('batch-finance-total'));
    expect(money(total[at.executedTotal - shift]), `${dept} 집행 계`).toBe(
      sumFinance([...projects])['termExecuted.total'],
    );
  }
  for (const p of fromB) {
    await expect(
      sectionOf(DEPT_B).locator(`tr[data-project-id="${p.projectId}"]`).getByTestId('batch-card-state'),
    ).toHaveText(`첫 접수 ${shownAt(CLOCK.bImported)} (지연)`);
  }
  await expect(view.locator(`[data-testid="batch-department"][data-department="${DEPT_C}"]`)).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(every).toBeFocused();
});

test('실천계획 확정 → 확정된 실천계획서 모아 인쇄: one department’s confirmed plans, then every department’s', async ({
  page,
}) => {
  test.setTimeout(150_000);
  const built = buildScenario(root);
  const opened = await openOfficeOn(page, built, root);
  server = opened.server;
  await opened.office.tab('plans');
  await page.screenshot({ path: 'test-results/office-plan-book.png' });

  const print = page.getByRole('button', { name: '확정된 실천계획서 모아 인쇄' });
  // A department with no confirmed plan (C sent none) is told so, and no preview opens.
  await page.getByRole('combobox', { name: '인쇄할 부서' }).selectOption(DEPT_C);
  await print.click();
  await expect(page.getByText(`${DEPT_C}에 확정된 실천계획서가 없습니다.`)).toBeVisible();
  await expect(page.getByTestId('print-view')).toHaveCount(0);
  await page.getByRole('combobox', { name: '인쇄할 부서' }).selectOption(DEPT_A);
  await print.click();
  const view = page.getByTestId('print-view');
  await expect(page).toHaveTitle(`공약실천계획서 확정본 ${DEPT_A}`);
  await expectAccessible(page, '확정된 실천계획서 모아 인쇄');
  // The first page: every project A leads; those it sent were confirmed when the test opened the office (its clock
  // starts at CLOCK.server), the others never arrived.
  const sent = built.projects.filter((p) => p.department === DEPT_A);
  const contents = view.getByTestId('batch-contents');
  await expect(contents.locator('tbody tr')).toHaveCount(projectsLedBy(DEPT_A).length);
  for (const p of projectsLedBy(DEPT_A)) {
    await expect(contents.locator(`tr[data-project-id="${p.id}"]`).getByTestId('plan-book-state')).toHaveText(
      sent.some((s) => s.projectId === p.id)
        ? new RegExp(`^확정 ${CLOCK.server.slice(0, 10)} \\d\\d:\\d\\d$`)
        : '받지 않음',
    );
  }
  // Each confirmed plan, with what the department wrote in it.
  const plans = view.getByTestId('batch-plan');
  await expect(plans).toHaveCount(sent.length);
  for (const [n, p] of sent.entries()) {
    await expect(plans.nth(n)).toHaveAttribute('data-project-id', p.projectId);
    await expect(plans.nth(n)).toContainText(p.policyGoal);
  }
  await page.keyboard.press('Escape');
  await expect(print).toBeFocused();

  // Every department with a confirmed plan: A and B, each from its own first page.
  await page.getByRole('combobox', { name: '인쇄할 부서' }).selectOption('');
  await print.click();
  await expect(page).toHaveTitle('공약실천계획서 확정본 부서별');
  const sections = view.getByTestId('plan-book-section');
  await expect(sections).toHaveCount(2);
  for (const dept of [DEPT_A, DEPT_B]) {
    const section = view.locator(`[data-testid="plan-book-section"][data-department="${dept}"]`);
    await expect(section.getByTestId('batch-plan')).toHaveCount(
      built.projects.filter((p) => p.department === dept).length,
    );
  }
  const pages = await printedPages(page, 'office-plan-book.pdf');
  const planStarts = pages.flatMap((p, n) =>
    p.text.startsWith('공약실천계획서') && !p.text.startsWith('공약실천계획서(확정본)') ? [n] : [],
  );
  expect(planStarts).toHaveLength(built.projects.length);
  expect(pages.filter((p) => p.text.startsWith('공약실천계획서(확정본)'))).toHaveLength(2);
});
