import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runSourceInChild } from '../main/cli/test-cli-child';
import { importKilledMidway } from '../main/services/test-support/kill-import';
import { expect, test } from './fixtures';
import { SetupPage } from './pages/setup-page';
import { SubmissionPage } from './pages/submission-page';

// An import cut off midway (here `pledge import`, killed with SIGKILL as when the PC switches off) is told on the
// office's 제출 파일 받기 until the same folder is imported to the end, or the office says it has seen it.

let scratch: string;
test.beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), 'pledge-interrupted-e2e-'));
});
test.afterEach(() => {
  rmSync(scratch, { recursive: true, force: true });
});

const root = join(import.meta.dirname, '..');

/**
 * Signed files of six departments from the `from`-th, whose keys the office (the app's data folder) approves; made
 * in a child process (the app's modules read the catalog as a JSON module, which this loader does not take).
 */
async function folderOfFiles(dataDir: string, name: string, files: number, from: number): Promise<string> {
  const folder = join(scratch, name);
  const run = await runSourceInChild(
    `
    import { createAppContext } from './main/services/context';
    import { writeChainedFolder } from './main/services/test-support/chained-folder';
    const [dataDir, profileDir, folder, files, from] = process.argv.slice(2);
    const ctx = await createAppContext({ profileDir, dataDirOverride: dataDir, mode: 'cli', appVersion: '0.1.0' });
    try {
      await writeChainedFolder(ctx, folder, Number(files), { from: Number(from), count: 6 });
    } finally {
      await ctx.close();
    }
    `,
    {
      resolveDir: root,
      args: [dataDir, join(scratch, `profile-${name}`), folder, String(files), String(from)],
      timeoutMs: 60_000,
    },
  );
  expect(run.status, run.stderr).toBe(0);
  return folder;
}

const databaseOf = (dataDir: string): string => join(dataDir, 'pledge.sqlite');

test('an import cut off midway is told with what it stored; the same folder again completes it, and 확인했습니다 settles another', async ({
  page,
  app,
}) => {
  test.setTimeout(120_000);
  await page.goto(app.url);
  await new SetupPage(page).chooseOffice();
  const s = new SubmissionPage(page);
  await s.openAsOffice();
  await expect(page.getByTestId('interrupted-imports')).toHaveCount(0);

  const files = 600;
  const first = await folderOfFiles(app.dataDir, 'first', files, 0);
  const cut = await importKilledMidway(databaseOf(app.dataDir), first);
  expect(cut.written).toBeGreaterThan(0);
  expect(cut.written).toBeLessThan(files);

  // Told when the screen is opened again, with the folder, the files given and the files stored.
  await page.reload();
  await s.openAsOffice();
  const notice = page.getByTestId('interrupted-import');
  await expect(notice).toHaveCount(1);
  await expect(notice).toContainText(`${first}, 파일 ${files}개)가 끝나지 않았습니다`);
  await expect(notice).toContainText(`${cut.stored}개는 받아 두었고 그대로 있습니다`);
  await expect(notice).toContainText(
    `나머지 ${files - cut.stored}개는 같은 파일(폴더)을 다시 가져오면 받습니다`,
  );

  // 종합 현황 says its tables lack the rest of that import.
  await page.getByRole('button', { name: '종합 현황', exact: true }).click();
  await expect(page.getByTestId('office-interrupted-imports')).toContainText(
    '끝나지 않은 제출 파일 가져오기가 1건 있습니다',
  );
  await s.openAsOffice();

  // The same folder from the screen: what was stored is 중복, the rest 반영, and the notice is gone.
  const results = await s.importFromPath(first, files);
  await expect(results.locator('.import-summary')).toContainText(
    `${files}개 파일: 반영 ${files - cut.stored} · 중복 ${cut.stored} ·`,
  );
  await expect(page.getByTestId('interrupted-imports')).toHaveCount(0);
  await page.getByRole('button', { name: '종합 현황', exact: true }).click();
  // Asked before the report, which takes longer: once the tables are there, the answer has come.
  await expect(page.getByTestId('office-section-status')).toBeVisible();
  await expect(page.getByTestId('office-interrupted-imports')).toHaveCount(0);
  await s.openAsOffice();

  // Another folder cut off: told after a reload, and 확인했습니다 settles it for good.
  const second = await folderOfFiles(app.dataDir, 'second', files, 6);
  const again = await importKilledMidway(databaseOf(app.dataDir), second);
  await page.reload();
  await s.openAsOffice();
  await expect(notice).toHaveCount(1);
  await expect(notice).toContainText(`${second}, 파일 ${files}개)`);
  await expect(notice).toContainText(`${again.stored}개는 받아 두었고`);
  await page.getByRole('button', { name: '확인했습니다' }).click();
  await expect(page.getByTestId('interrupted-imports')).toHaveCount(0);
  await page.reload();
  await s.openAsOffice();
  await expect(page.getByTestId('import-panel')).toBeVisible();
  await expect(page.getByTestId('interrupted-imports')).toHaveCount(0);
});
