// Every screen, form and office table checked with axe-core against the WCAG 2.1 A/AA rules (the basis of KWCAG,
// which public services in Korea are certified against): names for every control, headers for every table,
// contrast, landmarks, ARIA used as specified. A failure lists each rule broken and where.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OfficeReportPage } from './pages/office-report-page';
import { DraftingPage } from './pages/drafting-page';
import { SubmissionPage } from './pages/submission-page';
import { expect, test } from './fixtures';
import { expectAccessible } from './support/axe';
import { confirmPlanThroughApi } from './support/confirmed-plan';
import { buildScenario, CLOCK } from './support/office-data';
import { startOfficeServer } from './support/office-server';

const department = '경제진흥본부';
const projectId = '1-1-1';

test('a department: setup, desk, the four forms, 제출 파일 and 공약 목록 pass the WCAG 2.1 A/AA rules', async ({
  page,
  app,
}) => {
  const d = new DraftingPage(page);
  await page.goto(app.url);
  await expect(page.getByRole('button', { name: '저장하고 시작' })).toBeVisible();
  await expectAccessible(page, '처음 설정');
  await d.start(app.url, department);
  await expectAccessible(page, '문서 작성');

  await d.openPlan(projectId);
  await expectAccessible(page, '실천계획서');
  await page.getByRole('button', { name: '← 목록으로' }).click();
  await confirmPlanThroughApi(d, {
    department,
    projectId,
    policyGoal: '○ 2022.6월까지 입주기업 누적 150개사 육성',
    units: [
      { name: '핀테크랩 운영', detailedPlan: '- 입주공간 지원', schedule: { '2019-H1': '입주기업 선발' } },
    ],
  });

  await d.openCard(projectId, '2019-H1');
  await page.getByRole('radio', { name: '완료', exact: true }).check();
  await expect(page.getByTestId('card-completion-criteria')).toBeVisible();
  await expectAccessible(page, '관리카드 (완료 선택, 완료 판단 기준 펼침)');
  await page.getByRole('button', { name: '← 목록으로' }).click();

  await page.getByRole('button', { name: `${projectId} 재정집행현황 열기` }).click();
  await expect(page.locator('.editor-bar h2')).toContainText('재정집행');
  await expectAccessible(page, '재정집행현황');
  await page.getByRole('button', { name: '← 목록으로' }).click();

  await page.getByRole('button', { name: `${projectId} 새 조정 요청서` }).click();
  await expect(page.locator('.editor-bar h2')).toContainText('공약 조정 요청서');
  await expectAccessible(page, '조정 요청서');
  await page.getByRole('button', { name: '← 목록으로' }).click();

  await new SubmissionPage(page).openAsDepartment();
  await expectAccessible(page, '제출 파일');
  await page.getByRole('button', { name: '공약 목록' }).click();
  await page
    .getByRole('button', { name: new RegExp(`^${projectId} `) })
    .first()
    .click();
  await expectAccessible(page, '공약 목록');
});

test('the office: 제출 파일 받기 and every tab of 종합 현황 pass the WCAG 2.1 A/AA rules', async ({
  page,
}) => {
  test.setTimeout(150_000);
  const root = mkdtempSync(join(tmpdir(), 'pledge-a11y-e2e-'));
  const built = buildScenario(root, { completed: '4-6-4' });
  const server = await startOfficeServer({
    dataDir: built.scenario.officeDir,
    profileDir: join(root, 'profile'),
    now: CLOCK.server,
  });
  try {
    const office = new OfficeReportPage(page);
    await page.goto(server.url);
    await new SubmissionPage(page).openAsOffice();
    await expectAccessible(page, '제출 파일 받기');
    await office.open(server.url);
    for (const tab of [
      'status',
      'finance',
      'submissions',
      'lagging',
      'participation',
      'changes',
      'comparison',
      'trend',
      'conflicts',
      'completion',
      'plans',
    ]) {
      await office.tab(tab);
      // 이행 추이 is built when first opened: checked once its tables are there.
      if (tab === 'trend') await page.getByTestId('trend').waitFor();
      await expectAccessible(page, `종합 현황 ${tab}`);
    }
  } finally {
    await server.stop();
    rmSync(root, { recursive: true, force: true });
  }
});
