import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { startAppServer, type AppServer } from './app-server';
import { expect, test } from './fixtures';
import { SetupPage } from './pages/setup-page';
import {
  examplePlan,
  officeAndDepartment,
  pledge,
  prepareDepartment,
  sha256Of,
} from './pages/submission-cli';
import { SubmissionPage } from './pages/submission-page';
import { expectAccessible } from './support/axe';

const department = '경제진흥본부';

let scratch: string;
/** A server a test starts itself (on data made beforehand), stopped after it. */
let server: AppServer | null = null;
test.beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), 'pledge-submission-e2e-'));
});
test.afterEach(async () => {
  await server?.stop();
  server = null;
  rmSync(scratch, { recursive: true, force: true });
});

test('office: enrollment fingerprint, quarantine until approval, release, corrupted file rejected, duplicate', async ({
  page,
  app,
}, testInfo) => {
  const dept = prepareDepartment(scratch, department);
  const bundleName = basename(dept.bundlePath);
  // The corrupted copy: one byte changed inside the plan document's JSON (a digit of its policy goal).
  const member = dept.documentPaths[0] ?? '';
  expect(member).toBe('documents/plan-1-1-1-plan.json');
  const bytes = readFileSync(dept.bundlePath);
  const at = bytes.indexOf(Buffer.from('2022.6월까지', 'utf8'));
  expect(at).toBeGreaterThan(0);
  bytes[at] = bytes[at] === 0x32 ? 0x33 : 0x32;
  const corruptPath = join(scratch, 'corrupt.pledge');
  writeFileSync(corruptPath, bytes);
  expect(sha256Of(corruptPath)).not.toBe(dept.bundleSha256);

  await page.goto(app.url);
  await new SetupPage(page).chooseOffice();
  const s = new SubmissionPage(page);
  await s.openAsOffice();

  // The enrollment shows the fingerprint the department's CLI printed, and waits for approval.
  await s.importEnrollment(dept.enrollmentPath);
  await expect(page.getByTestId('imported-fingerprint')).toHaveText(dept.fingerprint);
  await expect(s.registryRow(dept.keyId).getByTestId('key-status')).toHaveText('승인 대기');
  await expect(s.registryRow(dept.keyId).getByTestId('registry-fingerprint')).toHaveText(dept.fingerprint);

  // Before approval the bundle is kept in quarantine, not merged.
  await s.importBundles([dept.bundlePath]);
  await expect(s.resultRow(bundleName).getByTestId('import-outcome')).toHaveText('격리');
  await expect(s.resultRow(bundleName).getByTestId('import-reason')).toContainText(dept.keyId);
  await expect(s.resultRow(bundleName)).toContainText(department);
  await expect(s.resultRow(bundleName)).toContainText('r1');
  await expect(page.getByTestId('import-progress-count')).toHaveText('1 / 1');
  await expect(page.getByTestId('quarantined-count')).toHaveText('(1건)');
  await expect(page.getByTestId('quarantined-table')).toContainText(dept.bundleSha256.slice(0, 12));
  // Why it waits has a full-width line of its own, readable without scrolling sideways.
  const reason = page.getByTestId('quarantined-reason');
  await expect(reason).toContainText('이유: ');
  const table = await page.getByTestId('quarantined-table').boundingBox();
  const line = await reason.boundingBox();
  expect(line && table ? line.width / table.width : 0).toBeGreaterThan(0.9);
  await page
    .getByTestId('quarantined-panel')
    .screenshot({ path: testInfo.outputPath('office-quarantine-reason.png') });
  await expect(page.getByTestId('accepted-panel')).toContainText('아직 반영된 제출 파일이 없습니다.');
  await page.screenshot({ path: testInfo.outputPath('office-quarantined.png'), fullPage: true });

  // Approval asks the phone question with the fingerprint, then releases the quarantined bundle. Escape
  // closes the question and gives the focus back to the button that asked it.
  const approveButton = s.registryRow(dept.keyId).getByRole('button', { name: /승인/ });
  await approveButton.click();
  const dialog = page.getByTestId('confirm-key-dialog');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(approveButton).toBeFocused();
  await approveButton.click();
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('전화로 확인한 지문과 같습니까?');
  await expect(dialog.getByTestId('confirm-fingerprint')).toHaveText(dept.fingerprint);
  await page.screenshot({ path: testInfo.outputPath('office-confirm-dialog.png') });
  await dialog.getByRole('button', { name: /승인/ }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('released-count')).toHaveText('1');
  await expect(page.getByTestId('released-table').getByTestId('import-outcome')).toHaveText('반영');
  await expect(s.registryRow(dept.keyId).getByTestId('key-status')).toHaveText('승인');
  await expect(page.getByTestId('quarantined-count')).toHaveText('(0건)');
  await expect(page.getByTestId('accepted-table')).toContainText(dept.bundleSha256.slice(0, 12));

  // One changed byte: rejected, naming the damaged member. The good file again: a duplicate, nothing changes.
  await s.importBundles([corruptPath, dept.bundlePath]);
  const bad = s.resultRow('corrupt.pledge');
  await expect(bad.getByTestId('import-outcome')).toHaveText('거부');
  await expect(bad.getByTestId('import-reason')).toContainText(member);
  await expect(bad).toHaveClass(/row-rejected/);
  await expect(s.resultRow(bundleName).getByTestId('import-outcome')).toHaveText('중복');
  await expect(page.getByTestId('import-progress-count')).toHaveText('2 / 2');
  await expect(page.getByTestId('import-results')).toContainText(
    '반영 0 · 중복 1 · 격리 0 · 충돌 보류 0 · 거부 1',
  );
  await expectAccessible(page, '제출 파일 받기 (가져오기 결과)');
  await page.screenshot({ path: testInfo.outputPath('office-after-imports.png'), fullPage: true });

  // The folder-path import (browser mode): the same file found in its folder is again a duplicate.
  await s.importFromPath(join(scratch, 'bundles'), 1);
  await expect(s.resultRow(bundleName).getByTestId('import-outcome')).toHaveText('중복');
  // A folder without any submission file says so, instead of a finished import of nothing.
  const empty = join(scratch, 'empty');
  mkdirSync(empty, { recursive: true });
  await page.getByLabel('폴더 경로로 가져오기').fill(empty);
  await page.getByRole('button', { name: '경로에서 가져오기' }).click();
  await expect(page.getByTestId('import-panel').getByRole('alert')).toHaveText(
    `${empty}에서 제출 파일(*.pledge, *.zip)을 찾지 못했습니다. 폴더 경로가 맞는지, 파일이 그 안에 있는지 확인하세요.`,
  );
  await expect(page.getByTestId('import-progress')).toHaveCount(0);
  // A path that does not exist is said to be missing, not listed as a refused file.
  const nowhere = join(scratch, '없는폴더');
  await page.getByLabel('폴더 경로로 가져오기').fill(nowhere);
  await page.getByRole('button', { name: '경로에서 가져오기' }).click();
  await expect(page.getByTestId('import-panel').getByRole('alert')).toHaveText(
    `${nowhere}: 이 경로의 파일이나 폴더가 없습니다. 경로를 확인하세요 (탐색기의 주소 표시줄에서 복사해 붙여 넣을 수 있습니다).`,
  );
  await expect(page.getByTestId('import-results')).toHaveCount(0);

  // The office's own key, for baselines.
  await page.getByTestId('key-panel').getByRole('button', { name: '서명 키 만들기' }).click();
  await expect(page.getByTestId('own-fingerprint')).toHaveText(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
  await page.getByRole('button', { name: '기준 자료 내보내기' }).click();
  await expect(page.getByTestId('baseline-exported')).toContainText('회차 r1');
  // What the office UI wrote is what a department's copy accepts: its enrollment, then the signed baseline.
  await page.getByTestId('key-panel').getByRole('button', { name: '등록 파일 내보내기' }).click();
  const officeEnrollment = (await page.getByTestId('enrollment-path').textContent()) ?? '';
  const baselinePath = (await page.getByTestId('baseline-path').textContent()) ?? '';
  // 내려받기 gives the same bytes (in browser mode the page cannot open the program's outbox).
  const baselineDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: '기준 자료 내려받기' }).click();
  const gotBaseline = await baselineDownload;
  expect(gotBaseline.suggestedFilename()).toBe(basename(baselinePath));
  expect(readFileSync((await gotBaseline.path()) ?? '').equals(readFileSync(baselinePath))).toBe(true);
  pledge('keys', 'import', officeEnrollment, '--data', dept.dataDir);
  const applied = JSON.parse(pledge('baseline', 'apply', baselinePath, '--data', dept.dataDir, '--json')) as {
    status: string;
    sha256: string;
  };
  expect(applied).toMatchObject({ status: 'applied', sha256: sha256Of(baselinePath) });
  for (const id of [
    'import-panel',
    'registry-panel',
    'quarantined-panel',
    'key-panel',
    'baseline-export-panel',
  ])
    await page.getByTestId(id).screenshot({ path: testInfo.outputPath(`office-${id}.png`) });
});

test('department: key with fingerprint and 0600 file, nothing to send, then a plan bundle r1 with a refused document', async ({
  page,
  app,
}, testInfo) => {
  await page.goto(app.url);
  await new SetupPage(page).chooseDepartment(department);
  const s = new SubmissionPage(page);
  await s.openAsDepartment();

  await page.getByRole('button', { name: '서명 키 만들기' }).click();
  await expect(s.ownFingerprint).toBeVisible();
  const shown = (await s.ownFingerprint.textContent()) ?? '';
  const keyId = (await page.getByTestId('own-key-id').textContent()) ?? '';

  // The fingerprint and the protection are what the data folder really holds (the CLI reads the same folder).
  const status = JSON.parse(pledge('keys', 'status', '--data', app.dataDir, '--json')) as {
    keyId: string;
    fingerprint: string;
  };
  expect(shown).toBe(status.fingerprint);
  expect(keyId).toBe(status.keyId);
  // Said in words (a permission number means nothing on Windows); the file's mode is checked below.
  await expect(page.getByTestId('key-protection')).toContainText('현재 사용자만 읽을 수 있는 파일');
  const keyFiles = readdirSync(join(app.dataDir, 'keys'));
  expect(keyFiles.length).toBeGreaterThan(0);
  for (const f of keyFiles) expect(statSync(join(app.dataDir, 'keys', f)).mode & 0o777).toBe(0o600);

  await page.getByRole('button', { name: '등록 파일 내보내기' }).click();
  const enrollmentPath = (await page.getByTestId('enrollment-path').textContent()) ?? '';
  const enrollment = JSON.parse(readFileSync(enrollmentPath, 'utf8')) as {
    fingerprint: string;
    publicKeyPem: string;
  };
  expect(enrollment.fingerprint).toBe(shown);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '등록 파일 내려받기' }).click();
  const downloaded = await download;
  expect(downloaded.suggestedFilename()).toBe(basename(enrollmentPath));
  expect(readFileSync((await downloaded.path()) ?? '', 'utf8')).toBe(readFileSync(enrollmentPath, 'utf8'));
  await page.getByTestId('key-panel').screenshot({ path: testInfo.outputPath('department-key-panel.png') });

  // Nothing drafted: a clear message, nothing to press, and no file.
  await page.getByLabel('제출 기간').selectOption('plan');
  await expect(page.getByTestId('export-no-documents')).toHaveText(
    '작성한 실천계획서가 없습니다. ‘문서 작성’에서 먼저 작성하세요.',
  );
  await expect(page.getByRole('button', { name: '제출 파일 만들기' })).toBeDisabled();
  const outbox = join(app.dataDir, 'outbox');
  const bundlesIn = () => readdirSync(outbox).filter((f) => f.endsWith('.pledge'));
  expect(bundlesIn()).toEqual([]);

  // Two plans saved through the app's own API: one complete, one without its policy goal.
  const saved = await page.evaluate(
    async (docs) => {
      const token = document.querySelector<HTMLMetaElement>('meta[name="pledge-token"]')?.content ?? '';
      const out: unknown[] = [];
      for (const json of docs) {
        const doc = json as { projectId: string };
        const response = await fetch('/api/saveDraft', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Pledge-Token': token },
          body: JSON.stringify({
            kind: 'executionPlan',
            projectId: doc.projectId,
            slot: 'plan',
            json,
            expectedVersion: null,
          }),
        });
        out.push(await response.json());
      }
      return out as { ok: boolean }[];
    },
    [examplePlan(), examplePlan({ projectId: '1-1-2', policyGoal: '' })],
  );
  expect(saved.map((r) => r.ok)).toEqual([true, true]);

  await s.reopenAsDepartment();
  await expect(page.getByTestId('export-panel')).toContainText('1-1-2');
  // Before the file is made: the complete plan, never marked 제출, is said to go as it is now.
  await page.getByLabel('제출 기간').selectOption('plan');
  const complete = page.getByTestId('export-doc-tag').filter({ hasText: '실천계획서 · 작성중' });
  await expect(complete).toHaveCount(1);
  await expect(page.getByTestId('export-draft-hint')).toContainText(
    '‘작성중’인 문서도 오류가 없으면 지금 내용 그대로 제출 파일에 들어갑니다.',
  );
  await s.exportBundle('plan');
  const result = page.getByTestId('export-result');
  await expect(result).toBeVisible();
  await expect(page.getByTestId('export-revision')).toHaveText('r1');
  await expect(page.getByTestId('export-documents').locator('li')).toHaveCount(1);
  await expect(page.getByTestId('export-documents')).toContainText('1-1-1');
  const refused = page.getByTestId('export-refused');
  await expect(refused).toContainText('1-1-2');
  // Named in words, with where to fix it; no field path.
  await expect(refused).toContainText("정책목표를 입력하세요. 문서를 열어 '제출 전 확인'에서 고치세요.");
  await expect(refused).not.toContainText('policyGoal');

  const bundlePath = (await page.getByTestId('export-path').textContent()) ?? '';
  const sha = sha256Of(bundlePath);
  const bundleDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: '제출 파일 내려받기' }).click();
  const gotBundle = await bundleDownload;
  expect(gotBundle.suggestedFilename()).toBe(basename(bundlePath));
  expect(sha256Of((await gotBundle.path()) ?? '')).toBe(sha);
  await expect(page.getByTestId('export-sha256')).toHaveText(`${sha.slice(0, 12)}…`);
  await expect(page.getByTestId('export-sha256-full')).toHaveText(sha);

  // The file verifies with the public key from the enrollment file the app wrote.
  const pem = join(scratch, 'department.pub.pem');
  writeFileSync(pem, enrollment.publicKeyPem);
  const verified = execFileSync(
    process.execPath,
    [join(import.meta.dirname, '..', 'bin', 'pledge.mjs'), 'bundle', 'verify', bundlePath, '--key', pem],
    { encoding: 'utf8' },
  );
  expect(verified).toContain('검증 성공');
  await page.screenshot({ path: testInfo.outputPath('department-screen.png'), fullPage: true });
  await page
    .getByTestId('export-panel')
    .screenshot({ path: testInfo.outputPath('department-export-panel.png') });
  expect(bundlesIn()).toEqual([basename(bundlePath)]);
});

test('department: the office key is trusted by its enrollment, then a signed baseline applies once', async ({
  page,
  app,
}, testInfo) => {
  // The office side, made with the CLI.
  const officeDir = join(scratch, 'office-data');
  pledge('setup', '--data', officeDir, '--role', 'office');
  pledge('keys', 'init', '--data', officeDir);
  const officeEnrollment = join(scratch, 'office.pledgekey.json');
  const officeKey = JSON.parse(
    pledge('keys', 'export', '--data', officeDir, '--out', officeEnrollment, '--json'),
  ) as { fingerprint: string };
  const baselinePath = join(scratch, 'baseline.pledge');
  pledge('baseline', 'export', '--data', officeDir, '--out', baselinePath);
  const baselineSha = sha256Of(baselinePath);

  await page.goto(app.url);
  await new SetupPage(page).chooseDepartment(department);
  const s = new SubmissionPage(page);
  await s.openAsDepartment();
  const applyPanel = page.getByTestId('baseline-apply-panel');
  await expect(page.getByTestId('baseline-last')).toHaveText('아직 적용한 기준 자료가 없습니다.');

  // Not trusted yet: refused with the server's reason, nothing applied.
  await applyPanel.getByLabel('기준 자료 파일 선택').setInputFiles(baselinePath);
  await expect(applyPanel.getByRole('alert')).toContainText('기획담당관의 키가 등록되어 있지 않습니다');
  await expect(page.getByTestId('baseline-applied')).toHaveCount(0);

  // Each file in the other's picker is named for what it is, in plain words.
  await applyPanel.getByLabel('기준 자료 파일 선택').setInputFiles(officeEnrollment);
  await expect(applyPanel.getByRole('alert')).toHaveText(
    /^이 파일은 서명 키 등록 파일입니다 — 기준 자료가 아닙니다\. .*'기획담당관 키 등록 파일 가져오기'/,
  );
  const keyPanel = page.getByTestId('key-panel');
  await page.getByLabel('기획담당관 키 등록 파일 가져오기').setInputFiles(baselinePath);
  await expect(keyPanel.getByRole('alert')).toHaveText(/^키 등록 파일이 아닙니다 \(너무 큽니다\)/);
  await expect(keyPanel.getByRole('alert')).not.toContainText('text');

  // The fingerprint is shown first; 다릅니다 trusts nothing, 같습니다 trusts the key.
  const trustedKeys = page.getByTestId('key-panel').locator('.trusted-keys li');
  const ask = page.getByTestId('trust-office-key');
  await page.getByLabel('기획담당관 키 등록 파일 가져오기').setInputFiles(officeEnrollment);
  await expect(ask).toContainText(officeKey.fingerprint);
  await expect(ask.getByRole('button', { name: '다릅니다: 넣지 않기' })).toBeFocused();
  await ask.getByRole('button', { name: '다릅니다: 넣지 않기' }).click();
  await expect(ask).toHaveCount(0);
  await expect(trustedKeys).toHaveCount(0);
  await page.getByLabel('기획담당관 키 등록 파일 가져오기').setInputFiles(officeEnrollment);
  await ask.getByRole('button', { name: '같습니다: 신뢰하기' }).click();
  await expect(trustedKeys).toContainText(officeKey.fingerprint);

  await applyPanel.getByLabel('기준 자료 파일 선택').setInputFiles(baselinePath);
  const applied = page.getByTestId('baseline-applied');
  await expect(applied).toContainText('적용했습니다');
  await expect(applied).toContainText('r1');
  await expect(applied).toContainText(baselineSha.slice(0, 12));
  await page.screenshot({ path: testInfo.outputPath('department-baseline.png'), fullPage: true });

  // The same package again changes nothing, and says so.
  await applyPanel.getByLabel('기준 자료 파일 선택').setInputFiles(baselinePath);
  await expect(applied).toContainText('이미 적용한 기준 자료입니다');
  // Back on the screen later, the panel still says which package was applied last.
  await page.getByRole('button', { name: '공약 목록' }).click();
  await s.openAsDepartment();
  await expect(page.getByTestId('baseline-applied')).toHaveCount(0);
  await expect(page.getByTestId('baseline-last')).toContainText(`마지막으로 적용한 기준 자료: 회차 r1 · `);
  await expect(page.getByTestId('baseline-last')).toContainText(baselineSha.slice(0, 12));

  // Trust withdrawn (asked first; 취소 keeps it): a package it signed is refused, and the key is not taken again.
  const withdraw = page.getByTestId('withdraw-office-key');
  await trustedKeys.getByRole('button', { name: /신뢰 철회/ }).click();
  await expect(withdraw).toContainText('다시 신뢰할 수 없습니다');
  await expect(withdraw).toContainText('신뢰하는 기획담당관 키가 남지 않습니다');
  await expect(withdraw.getByRole('button', { name: '취소' })).toBeFocused();
  await page
    .getByTestId('key-panel')
    .screenshot({ path: testInfo.outputPath('department-withdraw-office-key.png') });
  await withdraw.getByRole('button', { name: '취소' }).click();
  await expect(trustedKeys.locator('.key-status')).toHaveText('신뢰');
  await trustedKeys.getByRole('button', { name: /신뢰 철회/ }).click();
  await withdraw.getByRole('button', { name: '신뢰 철회' }).click();
  await expect(withdraw).toHaveCount(0);
  await expect(trustedKeys.locator('.key-status')).toHaveText('신뢰 철회');
  await expect(trustedKeys.getByRole('button')).toHaveCount(0);
  const second = join(scratch, 'baseline-2.pledge');
  pledge('baseline', 'export', '--data', officeDir, '--out', second);
  await applyPanel.getByLabel('기준 자료 파일 선택').setInputFiles(second);
  await expect(applyPanel.getByRole('alert')).toContainText('신뢰를 철회한 기획담당관 키');
  await page.getByLabel('기획담당관 키 등록 파일 가져오기').setInputFiles(officeEnrollment);
  await ask.getByRole('button', { name: '같습니다: 신뢰하기' }).click();
  await expect(page.getByTestId('key-panel').getByRole('alert')).toContainText('신뢰를 철회한 기획담당관 키');
});

test('department: the office baseline says whether the last submission file arrived (접수 확인)', async ({
  page,
}) => {
  // Both copies made with the CLI, on the half-year's clock; then the department's program is opened.
  const now = '2019-07-10T09:00:00+09:00';
  // The office imports the next day and makes its packages the day after.
  const imported = '2019-07-11T14:00:00+09:00';
  const packaged = '2019-07-12T10:00:00+09:00';
  const copies = officeAndDepartment(scratch, department, now);
  const deptDir = copies.deptDir;

  // r1 reaches the office; r2, made after a fix, does not (yet).
  const r1 = join(scratch, 'r1.pledge');
  const r2 = join(scratch, 'r2.pledge');
  copies.send('첫 제출', r1);
  copies.send('고친 비고', r2);
  const officeImports = (file: string) => copies.officeImports(imported, file);
  expect(officeImports(r1)).toHaveLength(1);
  const first = join(scratch, 'baseline-1.pledge');
  copies.packageAt(packaged, first);

  server = await startAppServer({
    dataDir: deptDir,
    profileDir: join(scratch, 'profile'),
    root: scratch,
    now,
  });
  await page.goto(server.url);
  const lastSent = page.getByTestId('last-sent');
  const openDesk = async () => {
    await page.getByRole('button', { name: '문서 작성' }).click();
    await expect(lastSent).toContainText('r2');
  };
  await openDesk();
  // No package applied yet: the desk says which file was made and nothing about its receipt.
  await expect(page.getByTestId('office-receipt')).toHaveCount(0);

  const s = new SubmissionPage(page);
  const applyPackage = async (path: string, expected: string) => {
    await s.openAsDepartment();
    await page.getByTestId('baseline-apply-panel').getByLabel('기준 자료 파일 선택').setInputFiles(path);
    await expect(page.getByTestId('baseline-receipts')).toHaveText(expected);
  };
  await applyPackage(first, '이 부서의 제출 파일 1건 (2019-07-12 10:00 기준)');
  // The list of files made says it per file: r1 arrived, r2 is not in the package.
  const receiptOf = (revision: number) =>
    page.getByTestId(`sent-file-r${revision}`).getByTestId('sent-file-receipt');
  await expect(receiptOf(1)).toHaveText('반영됨 (2019-07-11 14:00 접수)');
  await expect(receiptOf(2)).toHaveText('기준 자료에 없음: 보냈는지 확인');
  await openDesk();
  const receipt = page.getByTestId('office-receipt');
  await expect(receipt).toContainText(
    '기획담당관의 기준 자료(2019-07-12 10:00 기준)에 이 파일이 없습니다 (이 반기 파일은 r1까지 받음). 보냈는지 확인하세요.',
  );
  await expect(receipt).toHaveClass(/sent-missing/);

  // r2 arrives; the next package confirms it.
  expect(officeImports(r2)).toHaveLength(1);
  const second = join(scratch, 'baseline-2.pledge');
  copies.packageAt(packaged, second);
  await applyPackage(second, '이 부서의 제출 파일 2건 (2019-07-12 10:00 기준)');
  await expect(receiptOf(2)).toHaveText('반영됨 (2019-07-11 14:00 접수)');
  await openDesk();
  await expect(receipt).toHaveText('· 기획담당관 접수 확인: 반영됨 (2019-07-11 14:00 접수)');
  await expect(receipt).not.toHaveClass(/sent-missing/);
});
