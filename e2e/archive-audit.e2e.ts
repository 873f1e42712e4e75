import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { SubmissionPage } from './pages/submission-page';
import { expectAccessible } from './support/axe';
import { buildScenario, CLOCK, DEPT_A } from './support/office-data';
import { startOfficeServer } from './support/office-server';

let root = '';
test.beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'pledge-audit-e2e-'));
});
test.afterEach(() => rmSync(root, { recursive: true, force: true }));

test('받은 제출 파일 점검: the files as imported, then a card changed in the data file with sqlite3 is named', async ({
  page,
}) => {
  test.setTimeout(120_000);
  // Two departments each sent a plan file and a 2019-H1 file (a card and a finance row per project).
  const built = buildScenario(root);
  const server = await startOfficeServer({
    dataDir: built.scenario.officeDir,
    profileDir: join(root, 'profile'),
    now: CLOCK.server,
  });
  try {
    await page.goto(server.url);
    await new SubmissionPage(page).openAsOffice();
    const panel = page.getByTestId('archive-audit-panel');
    await panel.getByRole('button', { name: '점검하기' }).click();
    const result = page.getByTestId('archive-audit-result');
    await expect(result).toContainText(
      `이상 없음: 제출 파일 4개, 문서 ${built.projects.length * 3}건이 받은 그대로입니다`,
    );
    await expectAccessible(page, '받은 제출 파일 점검');

    // Someone edits a stored card with the sqlite3 tool while the program runs.
    const changed = built.projects.find((p) => p.department === DEPT_A)!;
    execFileSync('sqlite3', [
      join(built.scenario.officeDir, 'pledge.sqlite'),
      `UPDATE received_documents SET json = json_set(json, '$.status', 'completed')
         WHERE kind = 'managementCard' AND project_id = '${changed.projectId}';`,
    ]);
    await panel.getByRole('button', { name: '점검하기' }).click();
    await expect(result).toContainText('받은 파일과 다른 점이 1건 있습니다');
    const problems = page.getByTestId('archive-audit-problems').locator('li');
    await expect(problems).toHaveCount(1);
    // A's plan file is r1, its half-year file r2.
    await expect(problems.first()).toContainText(`(${DEPT_A} r2)`);
    await expect(problems.first()).toContainText(
      `documents/card-${changed.projectId}-2019-H1.json: 저장된 문서의 내용이 파일과 다릅니다.`,
    );
    await expectAccessible(page, '받은 제출 파일 점검 (다른 점)');
  } finally {
    await server.stop();
  }
});
