import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { OfficeReportPage } from './pages/office-report-page';
import { SubmissionPage } from './pages/submission-page';
import { buildScenario, CLOCK, DEPT_A, DEPT_B } from './support/office-data';
import { startOfficeServer, type OfficeServer } from './support/office-server';

// 접수일: A's and B's 2019-H1 files came on the share by the due date (2019-07-15); the office imports them ten days
// later (its clock: 2019-07-25 09:00 KST) and says when they came.

let root = '';
let server: OfficeServer | null = null;

test.beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'pledge-received-on-e2e-'));
});
test.afterEach(async () => {
  await server?.stop();
  server = null;
  rmSync(root, { recursive: true, force: true });
});

/** The office (its clock ten days after the due date) with every plan confirmed, on 제출 파일 받기; A's and B's files. */
async function openInbox(page: Page) {
  const built = buildScenario(root, { cardsImported: false });
  server = await startOfficeServer({
    dataDir: built.scenario.officeDir,
    profileDir: join(root, 'profile'),
    now: CLOCK.server,
  });
  const office = new OfficeReportPage(page);
  await page.goto(server.url);
  for (const p of built.projects) await office.callApi('confirmReceivedPlan', { projectId: p.projectId });
  const inbox = new SubmissionPage(page);
  await inbox.openAsOffice();
  return { built, office, inbox, url: server.url, files: [built.cardFiles.A, built.cardFiles.B] };
}

test('files imported after the due date count from the 접수일 the office gives; a future date imports nothing', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const { office, inbox, files, url } = await openInbox(page);

  // The day after the office's today: refused, said, nothing taken.
  await page.getByLabel('접수일 (선택)').fill('2019-07-26');
  await page.getByTestId('import-file-input').setInputFiles(files);
  await expect(page.getByRole('alert')).toContainText('접수일 2019-07-26은 오늘(2019-07-25)보다 뒤입니다');
  await expect(page.getByTestId('import-results')).toHaveCount(0);

  await page.getByLabel('접수일 (선택)').fill('2019-07-15');
  await inbox.importBundles(files);
  // The results say which 접수일 they were taken with; the field is empty again for the next import.
  await expect(page.getByTestId('import-receipt-used')).toHaveText('· 접수일 2019-07-15로 가져왔습니다');
  await expect(page.getByLabel('접수일 (선택)')).toHaveValue('');
  // The list of files received says when each was received, and when it was imported.
  for (const file of files) {
    const row = page.getByTestId('accepted-table').locator('tr', { hasText: basename(file) });
    await expect(row).toContainText('2019-07-15');
    await expect(row).toContainText('접수일 지정 · 가져옴 2019-07-25 09:0');
  }
  for (const file of files) {
    await expect(inbox.resultRow(basename(file)).getByTestId('import-outcome')).toHaveText('반영');
    await expect(inbox.resultRow(basename(file)).getByTestId('import-reason')).toContainText(
      '접수일: 2019-07-15 (지정)',
    );
  }

  await office.open(url);
  await office.selectPeriod('2019-H1');
  await office.tab('submissions');
  for (const dept of [DEPT_A, DEPT_B]) {
    await expect(office.cell(`submission-${dept}-state`)).toHaveAttribute('data-value', 'complete');
    await expect(office.cell(`submission-${dept}-timeliness`)).toHaveAttribute('data-value', 'onTime');
    await expect(office.cell(`submission-${dept}-when`)).toContainText('2019-07-15 (r2)');
    // The program's clock runs on from 09:00 while the test works.
    await expect(office.cell(`submission-${dept}-receipt-2`)).toHaveText(
      /^접수일 지정 · 가져옴 2019-07-25 09:0\d$/,
    );
  }
});

test('files imported after the due date with no 접수일 are said 지연 in the import results, as 제출 현황 counts them', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const { built, office, inbox, files, url } = await openInbox(page);
  await inbox.importBundles(files);
  // The notes come after the results (read from the half-year's tables): every document of both files is late.
  await expect(page.getByTestId('import-results')).toHaveAttribute('data-notes', 'done');
  await expect(page.getByTestId('import-late-count')).toHaveText('· 기한 지남 2');
  for (const [file, department] of [
    [built.cardFiles.A, DEPT_A],
    [built.cardFiles.B, DEPT_B],
  ] as const) {
    const row = inbox.resultRow(basename(file));
    await expect(row.getByTestId('import-outcome')).toHaveText('반영 (기한 지남: 지연)');
    const documents = built.projects.filter((p) => p.department === department).length * 2;
    await expect(row.getByTestId('import-late')).toContainText(
      `제출 기한(2019-07-15) 뒤에 받아 문서 ${documents}건이 제출 현황에서 지연으로 집계됩니다.`,
    );
  }

  await office.open(url);
  await office.selectPeriod('2019-H1');
  await office.tab('submissions');
  for (const dept of [DEPT_A, DEPT_B])
    await expect(office.cell(`submission-${dept}-timeliness`)).toHaveAttribute('data-value', 'late');
});
