import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { assemble, takeApart } from '../main/bundles/test-support/craft';
import { expect, test } from './fixtures';
import { SetupPage } from './pages/setup-page';
import { prepareDepartment } from './pages/submission-cli';
import { SubmissionPage } from './pages/submission-page';

// The office's import results: each file's department and half-year, the ones a refused file only claims marked
// as such, and "—" for a file that is no bundle.

const department = '경제진흥본부';

let scratch: string;
test.beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), 'pledge-import-results-e2e-'));
});
test.afterEach(() => {
  rmSync(scratch, { recursive: true, force: true });
});

/** The bundle with its manifest's period changed after signing: the signature no longer matches. */
async function withPeriodChanged(bundle: Buffer, period: string): Promise<Buffer> {
  const pieces = await takeApart(bundle);
  return assemble(
    pieces.map((p) => {
      if (p.name !== 'manifest.json') return p;
      const manifest = JSON.parse(p.data.toString('utf8')) as Record<string, unknown>;
      return { name: p.name, data: Buffer.from(JSON.stringify({ ...manifest, period }), 'utf8') };
    }),
  );
}

test('a file refused for its signature names the department and half-year it claims, marked unverified; 기간 and 회차 under the department', async ({
  page,
  app,
}) => {
  const dept = prepareDepartment(scratch, department);
  const forgedPath = join(scratch, 'forged.pledge');
  writeFileSync(forgedPath, await withPeriodChanged(readFileSync(dept.bundlePath), '2019-H1'));
  const junkPath = join(scratch, 'junk.pledge');
  writeFileSync(junkPath, '제출 파일이 아닌 글');

  await page.goto(app.url);
  await new SetupPage(page).chooseOffice();
  const s = new SubmissionPage(page);
  await s.openAsOffice();
  // The key is registered (not yet approved): the signature can be checked.
  await s.importEnrollment(dept.enrollmentPath);
  await s.importBundles([dept.bundlePath, forgedPath, junkPath]);

  const headers = page.getByTestId('import-results-table').locator('thead th');
  await expect(headers).toHaveText(['파일', '결과', '부서 · 기간', '문서', '이유']);

  // Signed by the registered key: held for its approval, the department and period as signed.
  const held = s.resultRow(basename(dept.bundlePath));
  await expect(held.getByTestId('import-outcome')).toHaveText('격리');
  await expect(held.getByTestId('import-department')).toHaveText(department);
  await expect(held.getByTestId('import-period')).toHaveText('실천계획서');
  await expect(held.getByTestId('import-revision')).toHaveText(' · r1');

  // Changed after signing: refused, yet the office sees whose file for which half-year it claims to be.
  const forged = s.resultRow('forged.pledge');
  await expect(forged.getByTestId('import-outcome')).toHaveText('거부');
  await expect(forged.getByTestId('import-reason')).toContainText('서명된 뒤 내용이 바뀌었습니다');
  await expect(forged.getByTestId('import-department')).toHaveText(`${department} (서명 확인 안 됨)`);
  await expect(forged.getByTestId('import-period')).toHaveText('2019년 상반기 (확인 안 됨)');

  // Nothing readable: a dash, not an empty cell.
  const junk = s.resultRow('junk.pledge');
  await expect(junk.getByTestId('import-outcome')).toHaveText('거부');
  await expect(junk.getByTestId('import-department')).toHaveText('—');
  await expect(junk.getByTestId('import-period')).toHaveText('—');

  // The claim is not trusted for anything: only the signed bundle is in the received list.
  await expect(page.getByTestId('quarantined-count')).toHaveText('(1건)');
});

test('the screen starts the file checks when it opens, and its progress requests wait for the import instead of a pause between polls', async ({
  page,
  app,
}) => {
  const dept = prepareDepartment(scratch, department);

  await page.goto(app.url);
  await new SetupPage(page).chooseOffice();
  const s = new SubmissionPage(page);
  // Opening 제출 파일 받기 asks the program to start its file checks before a file is chosen.
  const prepared = page.waitForResponse((r) => r.url().endsWith('/api/prepareImport'));
  await s.openAsOffice();
  expect(await (await prepared).json()).toEqual({ ok: true, value: null });
  await s.importEnrollment(dept.enrollmentPath);

  // Each progress request asks to be answered when the import ends (or after a while, for a long import's bar):
  // the results come when the import is done, not at the next poll.
  const asked: { waitMs?: number }[] = [];
  const answers: { ok: boolean; value?: { finished: boolean; results: { status: string }[] | null } }[] = [];
  page.on('requestfinished', (r) => {
    if (!r.url().endsWith('/api/getImportProgress')) return;
    asked.push(r.postDataJSON() as { waitMs?: number });
    void r.response().then(async (res) => answers.push((await res?.json()) as (typeof answers)[number]));
  });
  await s.importBundles([dept.bundlePath]);
  await expect.poll(() => answers.some((a) => a.value?.finished === true)).toBe(true);
  expect(asked.length).toBeGreaterThan(0);
  for (const body of asked) expect(body.waitMs).toBeGreaterThan(0);
  expect(answers.at(-1)).toMatchObject({
    ok: true,
    value: { finished: true, results: [{ status: 'quarantined' }] },
  });
  await expect(s.resultRow(basename(dept.bundlePath)).getByTestId('import-outcome')).toHaveText('격리');
});
