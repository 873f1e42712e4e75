import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_KIND_COMPLETION_RULES, STATUS_CRITERIA } from '../domain/documents';
import { catalog } from './catalog-data';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { DraftingPage } from './pages/drafting-page';

// 경제진흥본부 leads 1-1-1 in the shipped catalog; every expected figure below is computed from the test's inputs.
/**
 * The print view saved as a PDF at the page size its CSS asks for (as the print dialog uses it), kept in
 * test-results: its page size in points and its text without white space.
 */
async function printToPdf(page: Page, name: string): Promise<{ size: number[]; text: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'pledge-pdf-'));
  try {
    const pdfPath = join(dir, name);
    await page.pdf({ path: pdfPath, preferCSSPageSize: true, printBackground: true });
    copyFileSync(pdfPath, join('test-results', name));
    const info = execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' });
    const [, width, height] = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info) ?? [];
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdfPath, '-'], { encoding: 'utf8' });
    return { size: [Math.round(Number(width)), Math.round(Number(height))], text: text.replace(/\s+/g, '') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const department = '경제진흥본부';
const projectId = '1-1-1';
const project = catalog.projects.find((p) => p.id === projectId);
const planRef = { kind: 'executionPlan', projectId, slot: 'plan' };

/** Budget-year columns of 민선7기 as the form labels them, by key. */
const YEAR_LABELS: Record<string, string> = {
  '2018': "'18",
  '2019': "'19",
  '2020': "'20",
  '2021': "'21",
  '2022': "'22.6월",
  afterTerm: '임기후',
};
const TERM_YEARS = ['2018', '2019', '2020', '2021', '2022'];
const SOURCE_LABELS = {
  national: '국비',
  city: '시비',
  district: '구비',
  private: '민간',
  other: '기타',
} as const;
type Source = keyof typeof SOURCE_LABELS;

interface Cell {
  unit: number;
  source: Source;
  column: string;
  text: string;
}

/** Exact sums on integer 천원, like an accountant would add 백만원 figures with three decimals. */
const milli = (text: string) => Math.round(Number(text.replace(/,/g, '')) * 1000);
const sum = (cells: readonly Cell[]) => cells.reduce((acc, c) => acc + milli(c.text), 0) / 1000;

const needs: Cell[] = [
  { unit: 1, source: 'national', column: '2019', text: '500' },
  { unit: 1, source: 'national', column: '2020', text: '500' },
  { unit: 1, source: 'city', column: '2018', text: '1500' },
  { unit: 1, source: 'city', column: '2019', text: '3000' },
  { unit: 1, source: 'city', column: '2022', text: '1500' },
  { unit: 1, source: 'city', column: 'afterTerm', text: '3000' },
  { unit: 2, source: 'city', column: '2019', text: '800.5' },
  { unit: 2, source: 'city', column: '2020', text: '1200' },
  { unit: 2, source: 'private', column: '2020', text: '300.25' },
  { unit: 2, source: 'other', column: 'afterTerm', text: '50.125' },
];
const within = (cells: readonly Cell[]) => cells.filter((c) => c.column !== 'afterTerm');
const after = (cells: readonly Cell[]) => cells.filter((c) => c.column === 'afterTerm');

async function fillPlan(d: DraftingPage, goal: string) {
  const totalWithin = sum(within(needs));
  await d.fillPlanBasics({ goal, totalCost: String(totalWithin), sources: ['국비', '시비', '민간', '기타'] });
  await d.fillUnitText(1, '서울핀테크랩 조성·운영', '- 핀테크 스타트업 입주공간 지원', {
    "'18 하": '핀테크랩 개관',
    "'19 상": '입주기업 60개사 선발',
  });
  await d.page.getByRole('button', { name: '+ 단위사업 추가' }).click();
  await d.fillUnitText(2, '블록체인 기술 실증·인재양성', '- 블록체인 시범사업 공모', {
    "'19 하": '전문인력 양성과정 개설',
  });
  for (const c of needs)
    await d.investmentCell(c.unit, SOURCE_LABELS[c.source], YEAR_LABELS[c.column] ?? '').fill(c.text);
}

test('a plan with two unit projects: live totals match the sums of the typed amounts and survive a reload', async ({
  page,
  app,
}) => {
  const d = new DraftingPage(page);
  await d.start(app.url, department);
  await d.openPlan(projectId);
  await expect(page.getByTestId('project-name')).toHaveText(project?.name ?? '');
  const goal = '○ 2022.6월까지 입주기업 누적 150개사 육성';
  await fillPlan(d, goal);
  await d.waitSaved();
  // 총사업비 is read out in 억·만 원 beside the field: 9,300.75 백만원 (the typed 임기내 needs) = 9,300,750,000 원.
  expect(sum(within(needs))).toBe(9300.75);
  await expect(page.getByTestId('total-cost-reading')).toHaveText('= 93억 75만 원');

  const checkTotals = async () => {
    for (const unit of [1, 2]) {
      const mine = needs.filter((c) => c.unit === unit);
      const prefix = `inv-${unit - 1}`;
      for (const source of Object.keys(SOURCE_LABELS) as Source[]) {
        const row = mine.filter((c) => c.source === source);
        expect(await d.amount(`${prefix}-${source}-within`)).toBe(sum(within(row)));
        expect(await d.amount(`${prefix}-${source}-total`)).toBe(sum(row));
      }
      for (const year of TERM_YEARS) {
        expect(await d.amount(`${prefix}-col-${year}`)).toBe(sum(mine.filter((c) => c.column === year)));
      }
      expect(await d.amount(`${prefix}-col-afterTerm`)).toBe(sum(after(mine)));
      expect(await d.amount(`${prefix}-within`)).toBe(sum(within(mine)));
      expect(await d.amount(`${prefix}-total`)).toBe(sum(mine));
    }
    expect(await d.amount('plan-within')).toBe(sum(within(needs)));
    expect(await d.amount('plan-after')).toBe(sum(after(needs)));
    expect(await d.amount('plan-total')).toBe(sum(needs));
  };
  await checkTotals();
  await page.screenshot({ path: 'test-results/drafting-plan.png', fullPage: true });

  await d.reopen();
  await d.openPlan(projectId);
  await expect(d.field('정책목표 (추후 임의변경불가)')).toHaveValue(goal);
  await expect(d.field('단위사업 2 사업명')).toHaveValue('블록체인 기술 실증·인재양성');
  await expect(d.scheduleCell(1, "'19 상")).toHaveValue('입주기업 60개사 선발');
  await expect(d.field('담당자 1 전화')).toHaveValue('02-2133-5000');
  await expect(page.getByRole('checkbox', { name: '민간', exact: true })).toBeChecked();
  for (const c of needs) {
    await expect(d.investmentCell(c.unit, SOURCE_LABELS[c.source], YEAR_LABELS[c.column] ?? '')).toHaveValue(
      String(Number(c.text)),
    );
  }
  await checkTotals();
});

/** A complete plan, submitted by the department and confirmed by the office; leaves the desk open. */
async function confirmedPlan(d: DraftingPage, goal: string) {
  await d.openPlan(projectId);
  await fillPlan(d, goal);
  await d.waitSaved();
  await d.submit();
  await expect(d.page.getByTestId('submit-message')).toHaveText(
    "제출 표시했습니다. 아직 보내지 않았습니다: '제출 파일' 메뉴에서 제출 파일을 만들어 기획담당관에게 보내세요.",
  );
  await expect(d.statusBadge).toHaveText('제출');
  const confirmed = await d.confirmThroughApi(planRef, department);
  expect(confirmed.ok, confirmed.error?.message).toBe(true);
  await d.back();
}

const executed: Cell[] = [
  { unit: 1, source: 'national', column: "'19 상", text: '120.5' },
  { unit: 1, source: 'city', column: "'18 하", text: '700' },
  { unit: 1, source: 'city', column: "'19 상", text: '1,250' },
  { unit: 2, source: 'city', column: "'19 상", text: '333.333' },
  { unit: 2, source: 'private', column: "'18 하", text: '10' },
];
const secured = [
  { label: '국비', text: '1000' },
  { label: '시·도비', text: '4500.5' },
  { label: '민간', text: '300.25' },
];

test('a confirmed plan freezes its fields on the 2019-H1 card; the derived finance row sums the inputs', async ({
  page,
  app,
}) => {
  const d = new DraftingPage(page);
  await d.start(app.url, department);
  const goal = '○ 입주기업 150개사 육성\n○ 블록체인 전문인력 500명 양성';
  await confirmedPlan(d, goal);
  await expect(page.locator('[data-project-id="1-1-1"]').getByTestId('status-badge').first()).toHaveText(
    '확정',
  );
  // The confirmed plan itself opens read-only.
  await d.openPlan(projectId);
  await expect(page.getByText('확정된 문서입니다')).toBeVisible();
  await expect(d.field('정책목표 (추후 임의변경불가)')).toBeDisabled();
  await expect(d.investmentCell(2, '시비', "'19")).toBeDisabled();
  await expect(page.getByRole('button', { name: '제출', exact: true })).toHaveCount(0);
  await d.back();

  await d.openCard(projectId, '2019-H1');
  // Frozen: shown as text, never as a form control.
  await expect(page.getByTestId('frozen-policy-goal')).toHaveText(goal);
  await expect(page.getByTestId('frozen-unit-name-0')).toHaveText('서울핀테크랩 조성·운영');
  await expect(page.getByTestId('frozen-unit-name-1')).toHaveText('블록체인 기술 실증·인재양성');
  await expect(page.getByTestId('frozen-unit-schedule-0')).toContainText('입주기업 60개사 선발');
  await expect(
    page.getByText('확정된 실천계획서에서 가져온 항목입니다. 변경은 공약 조정 요청서로 합니다.'),
  ).toBeVisible();
  for (const id of [
    'frozen-policy-goal',
    'frozen-unit-name-0',
    'frozen-unit-plan-0',
    'frozen-unit-schedule-1',
  ]) {
    const el = page.getByTestId(id);
    expect(await el.evaluate((e) => e.tagName)).not.toMatch(/^(INPUT|TEXTAREA|SELECT)$/);
    await expect(el.locator('input, textarea, select')).toHaveCount(0);
  }
  await expect(page.getByRole('textbox', { name: /정책목표/ })).toHaveCount(0);
  await expect(page.getByRole('textbox', { name: /사업명/ })).toHaveCount(0);

  // Each status says what it means (the plan's 점검 기준); 완료 opens the plan's 완료 rules above its 근거.
  await expect(page.getByTestId('status-criterion')).toHaveCount(0);
  await page.getByRole('radio', { name: '완료', exact: true }).check();
  await expect(page.getByTestId('status-criterion')).toHaveText(`완료: ${STATUS_CRITERIA.completed}`);
  const criteria = page.getByTestId('card-completion-criteria');
  await expect(criteria).toHaveAttribute('open', '');
  for (const rule of PROJECT_KIND_COMPLETION_RULES) {
    await expect(criteria.getByRole('row', { name: rule.kind })).toContainText(rule.completedWhen);
  }
  await page.getByRole('radio', { name: '정상추진', exact: true }).check();
  await expect(page.getByTestId('status-criterion')).toHaveText(`정상추진: ${STATUS_CRITERIA.onTrack}`);
  await expect(criteria).toHaveCount(0);
  for (const c of executed) await d.executedCell(c.unit, SOURCE_LABELS[c.source], c.column).fill(c.text);
  await d.waitSaved();
  // 집행 above the unit's 투자수요 of a source is flagged before submission (a slipped digit), then withdrawn.
  const issues = page.getByTestId('issues-panel');
  await expect(issues).not.toContainText('집행액 누계');
  const blockchainCity = sum(needs.filter((c) => c.unit === 2 && c.source === 'city'));
  const cityCell = d.executedCell(2, SOURCE_LABELS.city, "'19 상");
  await cityCell.fill(String(blockchainCity + 0.5));
  await d.waitSaved();
  await expect(issues).toContainText(
    `시비 집행액 누계(${(blockchainCity + 0.5).toLocaleString('ko-KR')}백만원)가 연차별 투자수요 계(${blockchainCity.toLocaleString('ko-KR')}백만원)보다 많습니다`,
  );
  // The warning leads to the row's largest amount (the slipped digit, most often): the cell just typed.
  await issues.getByRole('button', { name: /집행액 누계/ }).click();
  await expect(page.locator(':focus')).toHaveAttribute('id', 'f-unitProjects-1-executed-city-2019-H1');
  await expect(cityCell).toBeFocused();
  await cityCell.fill(executed.find((c) => c.unit === 2 && c.source === 'city')!.text);
  await d.waitSaved();
  await expect(issues).not.toContainText('집행액 누계');
  expect(await d.amount('card-executed-total')).toBe(sum(executed));
  expect(await d.amount('exe-0-total')).toBe(sum(executed.filter((c) => c.unit === 1)));
  expect(await d.amount('exe-1-col-2018-H2')).toBe(
    sum(executed.filter((c) => c.unit === 2 && c.column === "'18 하")),
  );

  // 초기계획 = the plan's needs (임기내 + 임기후); the card kept them, so 현재계획 is the same; 집행 = executed.
  await expect.poll(() => d.amount('finance-executed-total')).toBe(sum(executed));
  expect(await d.amount('finance-initial-total')).toBe(sum(needs));
  expect(await d.amount('finance-current-total')).toBe(sum(needs));
  expect(await d.amount('finance-executed-2019')).toBe(sum(executed.filter((c) => c.column === "'19 상")));
  await expect(page.getByTestId('finance-status')).toHaveText('정상추진');
  await page.screenshot({ path: 'test-results/drafting-card.png', fullPage: true });

  await page.getByRole('button', { name: '확보내역 입력 →' }).click();
  await expect(page.locator('.editor-bar h2')).toContainText('재정집행 현황');
  // The form's 붙임5 names next to the card's: which is which is said once, above the cells.
  await expect(page.getByTestId('finance-source-names')).toHaveText(
    '붙임5 양식의 이름입니다: 시·도비는 관리카드의 시비, 시군구비는 구비입니다.',
  );
  for (const s of secured) await d.field(`확보내역 ${s.label} (백만원)`).fill(s.text);
  await d.field('비고 (참고사항)').fill('제2 핀테크랩 예산 포함');
  await d.waitSaved();
  const securedSum = secured.reduce((acc, s) => acc + milli(s.text), 0) / 1000;
  expect(await d.amount('secured-total')).toBe(securedSum);
  await expect.poll(() => d.amount('finance-secured-total')).toBe(securedSum);
  expect(await d.amount('finance-secured-city')).toBe(4500.5);
  expect(await d.amount('finance-executed-total')).toBe(sum(executed));
  await expect(page.getByTestId('finance-note')).toHaveText('제2 핀테크랩 예산 포함');
  // Printed, it says which half-year, in the form's 붙임5 names and 백만원.
  await page.getByRole('button', { name: '인쇄 / PDF' }).click();
  const printed = page.getByTestId('print-view');
  await expect(printed).toContainText('2019년 상반기 (임기 중 확보 누계, 백만원)');
  await expect(printed).toContainText('확보 시·도비');
  await expect(printed).toContainText('4,500.5 백만원');
  // …and under it the project's whole 붙임5 row as the office will consolidate it.
  const row = printed.getByTestId('print-finance-row');
  const printedAmount = async (id: string) =>
    Number(((await row.getByTestId(id).textContent()) ?? '').replace(/,/g, '').trim());
  await expect.poll(() => printedAmount('finance-executed-total')).toBe(sum(executed));
  expect(await printedAmount('finance-initial-total')).toBe(sum(needs));
  await expect(row).toContainText('시·도비');
  // "PDF로 저장" offers the document's name as the file name.
  await expect(page).toHaveTitle(`재정집행 현황 ${projectId} ${project?.name ?? ''}`);
  // On paper the whole row is there, to the last year and 비고, on a landscape page.
  const finance = await printToPdf(page, 'drafting-finance.pdf');
  expect(finance.size).toEqual([842, 595]);
  expect(finance.text).toContain("'22.6월");
  expect(finance.text).toContain('비고');
  expect(finance.text.split('제2핀테크랩예산포함').length - 1).toBe(2);
  await page.keyboard.press('Escape');
  await expect(page).toHaveTitle('공약이행 관리');
  await page.screenshot({ path: 'test-results/drafting-finance.png', fullPage: true });
});

test('invalid amounts and phones are refused at the field; submit is refused and the stored data stays', async ({
  page,
  app,
}) => {
  const d = new DraftingPage(page);
  await d.start(app.url, department);
  await d.openPlan(projectId);
  const cell = d.investmentCell(1, '국비', "'19");
  await cell.fill('100');
  await d.fillContact(1, '투자창업과', '김도현', '02-2133-5000');
  await d.waitSaved();

  const cellError = page.locator('[data-error-for="unitProjects.0.investmentNeeds.national.2019"]');
  await cell.fill('-5');
  await expect(cellError).toHaveText('금액은 0 이상의 숫자여야 합니다 (백만원)');
  await expect(cell).toHaveAttribute('aria-invalid', 'true');
  // The rest of the form is saved; the refused cell keeps its stored value until it is fixed.
  await expect(d.saveIndicator).toHaveText(/^저장됨 \d\d:\d\d:\d\d — 입력 오류 1곳은 저장하지 않았습니다$/);
  await cell.fill('abc');
  await expect(cellError).toHaveText('금액은 0 이상의 숫자여야 합니다 (백만원)');
  await d.field('담당자 1 전화').fill('전화 없음');
  await expect(page.locator('[data-error-for="leadContacts.0.phone"]')).toHaveText(
    '전화번호는 숫자와 - ( ) 로 입력하세요 (예: 02-2133-6610)',
  );
  await expect(d.saveIndicator).toHaveText(/^저장됨 \d\d:\d\d:\d\d — 입력 오류 2곳은 저장하지 않았습니다$/);
  await page.screenshot({ path: 'test-results/drafting-invalid.png' });

  await d.submit();
  await expect(page.getByTestId('submit-message')).toContainText('제출할 수 없습니다');
  await expect(d.statusBadge).toHaveText('작성중');

  await d.reopen();
  await d.openPlan(projectId);
  await expect(d.investmentCell(1, '국비', "'19")).toHaveValue('100');
  await expect(d.field('담당자 1 전화')).toHaveValue('02-2133-5000');
  await expect(d.statusBadge).toHaveText('작성중');
});

test('typing saved before a SIGKILL is there after a restart; an earlier version can be restored', async ({
  page,
  app,
}) => {
  const d = new DraftingPage(page);
  await d.start(app.url, department);
  await d.openPlan(projectId);
  const goal = d.field('정책목표 (추후 임의변경불가)');
  await goal.fill('첫 번째 정책목표');
  await d.waitSaved();
  await goal.fill('두 번째 정책목표: 입주기업 150개사');
  await d.waitSaved();

  await app.server.kill();
  await app.restart();
  await d.reopen(app.url);
  await d.openPlan(projectId);
  await expect(goal).toHaveValue('두 번째 정책목표: 입주기업 150개사');

  await page.getByRole('button', { name: /변경 기록/ }).click();
  const versions = page.locator('[data-version]');
  await expect(versions).toHaveCount(2);
  await expect(versions.first()).toContainText('자동 저장');
  await expect(page.locator('[data-version="1"]')).toContainText('최초 작성');
  await page.locator('[data-version="1"]').click();
  await expect(page.getByTestId('version-diff')).toHaveText('정책목표');
  await page.getByRole('button', { name: '이 버전으로 복원' }).click();
  await expect(goal).toHaveValue('첫 번째 정책목표');
  await page.screenshot({ path: 'test-results/drafting-history.png' });

  await d.reopen();
  await d.openPlan(projectId);
  await expect(goal).toHaveValue('첫 번째 정책목표');
});

test('a card prints to PDF with its number, name and status', async ({ page, app }) => {
  const d = new DraftingPage(page);
  await d.start(app.url, department);
  await confirmedPlan(d, '○ 입주기업 150개사 육성');
  await d.openCard(projectId, '2019-H1');
  // A reason typed for 보류, then the status changed: the form hides it, and so does the printed card.
  await page.getByRole('radio', { name: '보류', exact: true }).check();
  await d.field('보류·폐기 사유').fill('국비 미확보로 보류 검토');
  await page.getByRole('radio', { name: '일부추진', exact: true }).check();
  await d.waitSaved();

  await page.getByRole('button', { name: '인쇄 / PDF' }).click();
  await expect(page.getByTestId('print-view')).toBeVisible();
  await expect(page.getByTestId('print-status')).toHaveText('일부추진');
  await page.screenshot({ path: 'test-results/drafting-print.png', fullPage: true });
  // The page size the app's CSS asks for, as the print dialog uses it: 붙임4 is a portrait A4 form.
  const card = await printToPdf(page, 'drafting-card.pdf');
  expect(card.size).toEqual([595, 842]);
  const squeezed = card.text;
  expect(squeezed).toContain('공약관리카드');
  expect(squeezed).toContain(projectId);
  expect(squeezed).toContain((project?.name ?? '').replace(/\s+/g, ''));
  expect(squeezed).toContain('일부추진');
  expect(squeezed).toContain('2019년상반기');
  // The form's header rows, as on 붙임4: 총괄부서 (the department) and 협조부서.
  expect(squeezed).toContain('총괄부서');
  expect(squeezed).not.toContain('주관부서');
  expect(squeezed).toContain('협조부서');
  expect(squeezed).not.toContain('국비미확보로보류검토');
  expect(squeezed).not.toContain('보류·폐기사유');
});

test("the browser's own 인쇄 (not the app's button or Ctrl+P) prints the official layout too", async ({
  page,
  app,
}) => {
  const d = new DraftingPage(page);
  await d.start(app.url, department);
  await d.openPlan(projectId);
  const goal = '○ 브라우저 메뉴로 인쇄해도 나와야 할 목표';
  await d.field('정책목표 (추후 임의변경불가)').fill(goal);
  // Printed at once, before the autosave: the page is laid out for print with the preview of what was typed.
  const printed = await printToPdf(page, 'drafting-browser-print.pdf');
  expect(printed.text).toContain('공약실천계획서');
  expect(printed.text).toContain(goal.replace(/\s+/g, ''));
  expect(printed.text).not.toContain('제출전확인');
  expect(printed.text).not.toContain('단위사업추가');
  // The preview the browser's print opened closes with it; the form is as it was, and what was typed is saved.
  await expect(page.getByTestId('print-view')).toHaveCount(0);
  await expect(d.field('정책목표 (추후 임의변경불가)')).toHaveValue(goal);
  await expect(d.saveIndicator).toHaveText(/^저장됨 \d\d:\d\d:\d\d$/);
});
