import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectsForDepartment } from '../domain/catalog/search';
import { startAppServer, type AppServer } from './app-server';
import { catalog, term } from './catalog-data';
import { expect, test } from './fixtures';
import { DraftingPage } from './pages/drafting-page';
import { exampleCard } from './pages/submission-cli';
import { SubmissionPage } from './pages/submission-page';

// The night before the deadline: what the half-year still lacks is said before the file is made (without holding
// it back), and 총사업비 reads well and tells a refused value to assistive technology.

const department = '경제진흥본부';

let scratch: string;
let server: AppServer | null = null;
test.beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), 'pledge-export-missing-e2e-'));
});
test.afterEach(async () => {
  await server?.stop();
  server = null;
  rmSync(scratch, { recursive: true, force: true });
});

test('제출 파일 warns which projects still lack a 관리카드 or 재정집행현황 for the half-year, and still makes the file', async ({
  page,
}) => {
  // Five days before 2019-H1's deadline (Jul 15), only 1-1-1's card is written; its 재정집행현황 is not.
  const now = '2019-07-10T09:00:00+09:00';
  const at = (...args: string[]) =>
    execFileSync(process.execPath, [join(import.meta.dirname, '..', 'bin', 'pledge.mjs'), ...args], {
      encoding: 'utf8',
      env: { ...process.env, PLEDGE_NOW: '2019-07-03T09:00:00+09:00' },
    });
  const dataDir = join(scratch, 'department');
  at('setup', '--data', dataDir, '--role', 'department', '--department', department);
  at('keys', 'init', '--data', dataDir);
  const cardPath = join(scratch, 'card.json');
  writeFileSync(cardPath, JSON.stringify(exampleCard()));
  at('draft', 'import', '--data', dataDir, cardPath);
  // And 1-1-1's card for 2018-H2, half a year late (due Jan 15): the example card up to that half-year.
  const late = '2018-H2';
  const upTo = (grid: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(grid).filter(([period]) => period <= late));
  const example = exampleCard() as { unitProjects: { results: object; executed: Record<string, object> }[] };
  const lateCard = {
    ...example,
    periodId: late,
    unitProjects: example.unitProjects.map((u) => ({
      ...u,
      results: upTo(u.results as Record<string, unknown>),
      executed: Object.fromEntries(
        Object.entries(u.executed).map(([source, grid]) => [source, upTo(grid as Record<string, unknown>)]),
      ),
    })),
  };
  const lateCardPath = join(scratch, 'card-late.json');
  writeFileSync(lateCardPath, JSON.stringify(lateCard));
  at('draft', 'import', '--data', dataDir, lateCardPath);

  const projects = projectsForDepartment(catalog, department);
  const lead = projects.filter((p) => p.leadDepartment === department);
  expect(lead[0]?.id).toBe('1-1-1');
  const named = (list: typeof projects) =>
    list
      .slice(0, 3)
      .map((p) => `${p.id} ${p.name}`)
      .join(', ') + ` 외 ${list.length - 3}개`;

  server = await startAppServer({ dataDir, profileDir: join(scratch, 'profile'), root: scratch, now });
  await page.goto(server.url);
  const s = new SubmissionPage(page);
  await s.openAsDepartment();
  const panel = page.getByTestId('export-panel');
  await expect(panel.getByLabel('제출 기간')).toHaveValue('2019-H1');
  await expect(panel.locator('.export-projects legend')).toHaveText('보낼 공약사업 (1/1)');

  // Before the file is made: how many of the department's projects lack each document, naming the first three.
  const missing = page.getByTestId('export-missing');
  await expect(missing).toBeVisible();
  await expect(missing).toContainText(
    `2019년 상반기에 아직 작성하지 않은 문서가 있습니다 (이 부서의 공약사업 ${projects.length}개 중).`,
  );
  await expect(page.getByTestId('export-missing-cards')).toHaveText(
    `2019년 상반기 관리카드가 없는 사업 ${lead.length - 1}개: ${named(lead.slice(1))}`,
  );
  await expect(page.getByTestId('export-missing-finance')).toHaveText(
    `2019년 상반기 재정집행현황이 없는 사업 ${projects.length}개: ${named(projects)}`,
  );
  await expect(missing).toContainText('붙임5에 확보내역 0으로 집계됩니다');

  // It does not block: the file is made with the one card, and the warning stays beside the result.
  await page.getByRole('button', { name: '제출 파일 만들기' }).click();
  await expect(page.getByTestId('export-result')).toContainText('문서 1건');
  await expect(page.getByTestId('export-documents')).toHaveText('1-1-1 공약관리카드 (2019년 상반기)');
  await expect(missing).toBeVisible();

  // A late file for 2018-H2 is warned of the same way, for that half-year (not the one due), and made all the same.
  await panel.getByLabel('제출 기간').selectOption(late);
  await expect(missing).toContainText(
    `2018년 하반기에 아직 작성하지 않은 문서가 있습니다 (이 부서의 공약사업 ${projects.length}개 중).`,
  );
  await expect(page.getByTestId('export-missing-cards')).toHaveText(
    `2018년 하반기 관리카드가 없는 사업 ${lead.length - 1}개: ${named(lead.slice(1))}`,
  );
  await expect(page.getByTestId('export-missing-finance')).toHaveText(
    `2018년 하반기 재정집행현황이 없는 사업 ${projects.length}개: ${named(projects)}`,
  );
  await page.getByRole('button', { name: '제출 파일 만들기' }).click();
  await expect(page.getByTestId('export-documents')).toHaveText('1-1-1 공약관리카드 (2018년 하반기)');
  await expect(missing).toBeVisible();

  // A half-year with nothing written yet (2019-H2, early): every lead project lacks its card.
  await panel.getByLabel('제출 기간').selectOption('2019-H2');
  await expect(page.getByTestId('export-missing-cards')).toHaveText(
    `2019년 하반기 관리카드가 없는 사업 ${lead.length}개: ${named(lead)}`,
  );

  // The plans' period: the led projects with no 실천계획서 written (none is, here), and the plans' due date.
  await panel.getByLabel('제출 기간').selectOption('plan');
  await expect(missing).toContainText(
    `아직 작성하지 않은 실천계획서가 있습니다: 이 부서가 주관하는 공약사업 ${lead.length}개 중 ${lead.length}개.`,
  );
  await expect(page.getByTestId('export-missing-plans')).toHaveText(named(lead));
  await expect(missing).toContainText(`(실천계획서 제출 기한 ${term.planDueDate})`);
  await expect(page.getByTestId('export-missing-cards')).toHaveCount(0);
});

test('총사업비: its reading stays on one line at 1280 and 1024 px, and a refused value marks the box', async ({
  page,
  app,
}) => {
  const d = new DraftingPage(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  await d.start(app.url, department);
  await d.openPlan('1-2-1');
  await page.getByRole('radio', { name: '금액', exact: true }).check();
  const box = d.field('총사업비 금액 (백만원)');
  const reading = page.getByTestId('total-cost-reading');
  await box.fill('9000');
  await expect(reading).toHaveText('= 90억 원');
  // The number of line boxes the reading's text is laid out on.
  const lines = () =>
    reading.evaluate((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
    });
  expect(await lines()).toBe(1);
  await page.setViewportSize({ width: 1024, height: 900 });
  await expect(reading).toHaveText('= 90억 원');
  expect(await lines()).toBe(1);

  // A value the form cannot take: the box is marked invalid and points at the message under it.
  await expect(box).not.toHaveAttribute('aria-invalid', 'true');
  await box.fill('1200억');
  await expect(d.saveIndicator).toHaveText(/입력 오류 1곳은 저장하지 않았습니다$/);
  const error = page.locator('[data-error-for="totalCost"]');
  await expect(error).toBeVisible();
  await expect(box).toHaveAttribute('aria-invalid', 'true');
  const errorId = await error.getAttribute('id');
  expect(errorId).toBeTruthy();
  const describedBy = ((await box.getAttribute('aria-describedby')) ?? '').split(' ');
  expect(describedBy).toContain(errorId);
  expect(describedBy).toContain(await reading.getAttribute('id'));
  const message = ((await error.textContent()) ?? '').trim();
  expect(message).not.toBe('');
  // The reading is empty for text that is no amount, so the message is the whole description.
  await expect(box).toHaveAccessibleDescription(message);

  // Fixed: no longer invalid, and described by its reading only.
  await box.fill('1200');
  await expect(error).toHaveCount(0);
  await expect(box).not.toHaveAttribute('aria-invalid', 'true');
  await expect(box).toHaveAttribute('aria-describedby', (await reading.getAttribute('id')) ?? '');
});
