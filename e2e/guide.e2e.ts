import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startAppServer } from './app-server';
import { expect, test } from './fixtures';
import { officeAndDepartment, pledgeAt } from './pages/submission-cli';
import { SetupPage } from './pages/setup-page';
import { expectAccessible } from './support/axe';
import { printedPages } from './support/pdf-pages';

/** The shipped term, read as a file: the calendar's rows are counted from it here, not from the app. */
const term = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', 'domain', 'term', 'data', 'seoul-minseon7.term.json'), 'utf8'),
) as { start: string; end: string; planDueDate: string };
const days = (from: string, to: string) =>
  (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 864e5;

/** The term's half-years as "2019년 상반기" labels, from its first and last months. */
function halfYears(): string[] {
  const [sy, sm] = term.start.split('-').map(Number) as [number, number];
  const [ey, em] = term.end.split('-').map(Number) as [number, number];
  const labels: string[] = [];
  for (let i = sy * 2 + (sm <= 6 ? 0 : 1); i <= ey * 2 + (em <= 6 ? 0 : 1); i++)
    labels.push(`${Math.floor(i / 2)}년 ${i % 2 === 0 ? '상반기' : '하반기'}`);
  return labels;
}

test('F1 opens a department its guide: the deadlines as the program’s clock reads them, the files it sent, printed', async ({
  page,
}) => {
  const root = mkdtempSync(join(tmpdir(), 'pledge-e2e-'));
  const today = '2022-01-10';
  // With the command line, that morning: the department sends its 2019-H1 재정집행 현황 (r1, late), the office
  // imports it an hour later and makes a package, which the department applies (접수 확인).
  const department = '경제진흥본부';
  const copies = officeAndDepartment(root, department, `${today}T09:00:00+09:00`);
  const r1 = join(root, 'r1.pledge');
  copies.send('늦은 제출', r1);
  expect(copies.officeImports(`${today}T10:00:00+09:00`, r1)).toHaveLength(1);
  const baseline = join(root, 'baseline.pledge');
  copies.packageAt(`${today}T11:00:00+09:00`, baseline);
  pledgeAt(`${today}T11:30:00+09:00`, 'baseline', 'apply', baseline, '--data', copies.deptDir);
  const server = await startAppServer({
    root,
    dataDir: copies.deptDir,
    profileDir: join(root, 'profile'),
    now: `${today}T12:00:00+09:00`,
  });
  try {
    await page.goto(server.url);
    await expect(page.getByTestId('current-role')).toContainText(department);

    await page.keyboard.press('F1');
    const menu = page.getByRole('navigation', { name: '주 메뉴' });
    await expect(menu.getByRole('button', { name: '사용 안내' })).toHaveAttribute('aria-current', 'page');
    await expect(menu.getByRole('button', { name: '사용 안내' })).toBeFocused();
    await expect(page.getByRole('heading', { level: 2 })).toHaveText(`사용 안내 — 주관부서 (${department})`);

    // The term's half-years, each with its due date; the one due next is marked, the earlier ones have passed.
    const labels = halfYears();
    const rows = page.getByTestId('guide-calendar').locator('tbody tr');
    await expect(rows.locator('th')).toHaveText(labels);
    // 2021년 하반기 is due on 2022-01-15, a Saturday: the Monday after it.
    expect(new Date('2022-01-15T00:00:00Z').getUTCDay()).toBe(6);
    const current = page.getByTestId('guide-calendar').locator('tr[aria-current="date"]');
    await expect(current).toHaveCount(1);
    await expect(current.locator('th')).toHaveText('2021년 하반기');
    await expect(current).toContainText('2022-01-17 (월)');
    await expect(current).toContainText('1월 15일이 토요일이어서 다음 평일로 미룸');
    await expect(current).toContainText(`이번 제출 · D-${days(today, '2022-01-17')}`);
    const passed = labels.indexOf('2021년 하반기');
    await expect(rows.filter({ hasText: '기한 지남' })).toHaveCount(passed);
    await expect(page.getByTestId('guide-plan-due')).toHaveText(
      `실천계획서(와 조정 요청서) 제출기한: ${term.planDueDate} (화) — 기한 지남 · 보낸 제출 파일: 아직 만들지 않음`,
    );
    // The file sent for 2019-H1, with what the office's package says of it; nothing for the other half-years.
    await expect(page.getByTestId('guide-sent-2019-H1')).toHaveText(
      `r1 (${today} 09:00 만듦) · 반영됨 (${today} 10:00 접수)`,
    );
    await expect(page.getByTestId('guide-sent-2021-H2')).toHaveText('아직 만들지 않음');
    await expect(page.getByTestId('guide-today')).toContainText(`오늘 ${today} (월)`);

    // The steps name the menus with their keys; the data folder is this copy's.
    await expect(page.getByTestId('guide-steps')).toContainText('‘문서 작성’ (Alt+1)');
    await expect(page.getByTestId('guide-steps')).toContainText('‘제출 파일’ (Alt+2)');
    await expect(page.getByTestId('guide-data-dir')).toHaveText(server.dataDir);
    await expectAccessible(page, '사용 안내 (주관부서)');

    // On paper: the guide without the menu bar and its 인쇄 button.
    const pages = await printedPages(page, 'guide-department.pdf');
    const text = pages.map((p) => p.text).join('');
    expect(text).toContain('제출일정');
    expect(text).toContain('2021년하반기');
    expect(text).toContain('2022-01-17(월)');
    expect(text).toContain('할일순서');
    expect(text).not.toContain('공약이행관리');
  } finally {
    await server.stop();
    rmSync(root, { recursive: true, force: true });
  }
});

test('the office’s guide is its half-year, opened from the menu; after the term nothing is due', async ({
  page,
  app,
}) => {
  await page.goto(app.url);
  await new SetupPage(page).chooseOffice();
  await expect(page.getByTestId('current-role')).toContainText('기획담당관');
  const menu = page.getByRole('navigation', { name: '주 메뉴' });
  expect(await menu.getByRole('button').allTextContents()).toEqual([
    '제출 파일 받기',
    '종합 현황',
    '공약 목록',
    '사용 안내',
  ]);
  await page.keyboard.press('Alt+4');
  await expect(page.getByRole('heading', { level: 2 })).toHaveText('사용 안내 — 기획담당관 (총괄부서)');
  const steps = page.getByTestId('guide-steps');
  await expect(steps).toContainText('부서 키 등록부');
  await expect(steps).toContainText('‘종합 현황’ (Alt+2)');
  await expect(steps).not.toContainText('문서 작성');
  // The machine's clock is past the term's last due date (2022): every row has passed, nothing is current.
  const rows = page.getByTestId('guide-calendar').locator('tbody tr');
  await expect(rows).toHaveCount(halfYears().length);
  await expect(rows.filter({ hasText: '기한 지남' })).toHaveCount(halfYears().length);
  await expect(page.getByText('임기의 마지막 제출기한이 지났습니다.')).toBeVisible();
  await expectAccessible(page, '사용 안내 (기획담당관)');
  // Opened again, the program shows the office's first screen, 제출 파일 받기 (Alt+1).
  await page.reload();
  await expect(menu.getByRole('button', { name: '제출 파일 받기' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByTestId('start-hints')).toHaveCount(0);
});

test('공약 목록, where the program opens after the first setup, says where the work is: each role’s screens with their keys, and the guide', async ({
  page,
  app,
}) => {
  await page.goto(app.url);
  await new SetupPage(page).chooseDepartment('경제진흥본부');
  const hints = page.getByTestId('start-hints');
  await expect(hints.getByRole('listitem')).toHaveText([
    /^문서 작성 Alt\+1 /,
    /^제출 파일 Alt\+2 /,
    /^사용 안내 F1 처음이면/,
  ]);
  // The keys said are the menu's own: Alt+2 opens 제출 파일.
  await page.keyboard.press('Alt+2');
  await expect(page.getByTestId('export-panel')).toBeVisible();
  await page.getByRole('button', { name: '공약 목록' }).click();
  await hints.getByRole('link', { name: '문서 작성' }).click();
  await expect(page.getByTestId('desk-projects')).toBeVisible();
  await page.getByRole('button', { name: '공약 목록' }).click();
  await hints.getByRole('link', { name: '사용 안내' }).click();
  await expect(page.getByRole('heading', { name: /^사용 안내 — /, level: 2 })).toBeVisible();
  await expectAccessible(page, '사용 안내');
  await page.getByRole('button', { name: '공약 목록' }).click();
  await expectAccessible(page, '공약 목록 (시작 안내)');
});
