import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startAppServer, type AppServer } from './app-server';
import { expect, test } from './fixtures';
import { officeAndDepartment } from './pages/submission-cli';
import { SubmissionPage } from './pages/submission-page';
import { expectAccessible } from './support/axe';

const department = '경제진흥본부';

let scratch: string;
let server: AppServer | null = null;
test.beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), 'pledge-chain-resume-e2e-'));
});
test.afterEach(async () => {
  await server?.stop();
  server = null;
  rmSync(scratch, { recursive: true, force: true });
});

test('a file lost on the way: the department chains its next file onto the office’s last one, which the office takes', async ({
  page,
}) => {
  const now = '2019-07-10T09:00:00+09:00';
  const imported = '2019-07-11T14:00:00+09:00';
  const packaged = '2019-07-12T10:00:00+09:00';
  const copies = officeAndDepartment(scratch, department, now);
  const file = (name: string) => join(scratch, name);
  copies.send('첫 제출', file('r1.pledge'));
  copies.send('잃어버린 USB', file('r2.pledge'));
  copies.send('그 다음', file('r3.pledge'));
  expect(copies.officeImports(imported, file('r1.pledge'))).toHaveLength(1);
  // r2 never arrives; r3 and every later file would be refused for it.
  const refused = (() => {
    try {
      copies.officeImports(imported, file('r3.pledge'));
      return null;
    } catch (error) {
      // pledge import exits 1 when a file is refused; its JSON summary names why.
      return JSON.parse(String((error as { stdout: unknown }).stdout)) as { rejected: { code: string }[] };
    }
  })();
  expect(refused?.rejected.map((r) => r.code)).toEqual(['CHAIN_FORK']);
  copies.packageAt(packaged, file('baseline-1.pledge'));

  server = await startAppServer({ dataDir: copies.deptDir, profileDir: file('profile'), root: scratch, now });
  await page.goto(server.url);
  const s = new SubmissionPage(page);
  await s.openAsDepartment();
  const panel = page.getByTestId('chain-resume');
  // Nothing to resume before a package says what the office holds.
  await expect(panel).toHaveCount(0);
  await page
    .getByTestId('baseline-apply-panel')
    .getByLabel('기준 자료 파일 선택')
    .setInputFiles(file('baseline-1.pledge'));
  await expect(page.getByTestId('baseline-receipts')).toHaveText(
    '이 부서의 제출 파일 1건 (2019-07-12 10:00 기준)',
  );
  await expect(panel).toContainText(
    '기획담당관이 마지막으로 받은 이 부서의 파일은 r1(2019년 상반기, 2019-07-11 14:00 받음)입니다.',
  );
  await expect(panel.getByTestId('chain-resume-lost')).toHaveText(
    '이 PC에서 만든 r2(2019년 상반기), r3(2019년 상반기) 파일은 받지 못했습니다.',
  );
  await expectAccessible(page, '제출 파일 (이어 보내기 제안)');

  // The question starts on 취소; cancelling changes nothing and returns to the button.
  const open = panel.getByRole('button', { name: 'r1 다음으로 이어 보내기…' });
  await open.click();
  const question = panel.getByRole('alertdialog');
  await expect(question).toContainText('다음 파일은 r4가 됩니다.');
  await expect(question).toContainText(
    'r2(2019년 상반기), r3(2019년 상반기)은 나중에 찾아 보내도 기획담당관이 받지 않으니',
  );
  await expect(question.getByRole('button', { name: '취소' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(question).toHaveCount(0);
  await expect(open).toBeFocused();
  await open.click();
  await question.getByRole('button', { name: '이어 보내기' }).click();
  const resumed = panel.getByTestId('chain-resumed');
  await expect(resumed).toHaveText(
    '다음 제출 파일은 r4로, 기획담당관이 받은 r1 다음으로 이어집니다. 받지 못한 파일의 기간(2019년 상반기)은 제출 파일을 다시 만들어 보내세요.',
  );
  await expect(resumed).toBeFocused();
  // Stored: the screen opened again says the same.
  await s.reopenAsDepartment();
  await expect(panel.getByTestId('chain-resumed')).toContainText('다음 제출 파일은 r4로');

  // The next file, made on the screen, follows r1 and says so; the office takes it.
  await s.exportBundle('2019-H1');
  await expect(page.getByTestId('export-revision')).toHaveText('r4');
  await expect(page.getByTestId('export-order')).toHaveText(
    '이어 보내기: 이 파일은 기획담당관이 받은 r1 다음으로 이어집니다. 그 사이에 만든 파일은 보내지 않아도 됩니다.',
  );
  const r4 = (await page.getByTestId('export-path').textContent()) ?? '';
  await server.stop();
  server = null;
  expect(copies.officeImports(imported, r4)).toHaveLength(1);
  copies.packageAt(packaged, file('baseline-2.pledge'));
  server = await startAppServer({ dataDir: copies.deptDir, profileDir: file('profile'), root: scratch, now });
  await page.goto(server.url);
  await s.openAsDepartment();
  await page
    .getByTestId('baseline-apply-panel')
    .getByLabel('기준 자료 파일 선택')
    .setInputFiles(file('baseline-2.pledge'));
  await expect(page.getByTestId('baseline-receipts')).toHaveText(
    '이 부서의 제출 파일 2건 (2019-07-12 10:00 기준)',
  );
  await expect(panel).toHaveCount(0);
  const receiptOf = (revision: number) =>
    page.getByTestId(`sent-file-r${revision}`).getByTestId('sent-file-receipt');
  await expect(receiptOf(4)).toHaveText('반영됨 (2019-07-11 14:00 접수)');
  await expect(receiptOf(3)).toHaveText('건너뜀 (이어 보내기)');
  await expect(receiptOf(2)).toHaveText('건너뜀 (이어 보내기)');
  await expect(receiptOf(1)).toHaveText('반영됨 (2019-07-11 14:00 접수)');
  // The chain goes on from r4 as usual.
  await s.exportBundle('2019-H1');
  await expect(page.getByTestId('export-revision')).toHaveText('r5');
  await expect(page.getByTestId('export-order')).toContainText('이 파일은 r4 다음 파일이니');
});
