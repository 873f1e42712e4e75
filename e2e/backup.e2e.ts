import BetterSqlite3 from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { expect, test } from './fixtures';
import { SetupPage } from './pages/setup-page';

test('설정 변경 → 데이터 백업: a checked copy in the folder typed, a missing folder named in the message', async ({
  page,
  app,
}) => {
  await page.goto(app.url);
  await new SetupPage(page).chooseDepartment('도시교통본부');
  await expect(page.getByTestId('current-role')).toHaveText('도시교통본부');
  await page.getByRole('button', { name: '설정 변경' }).click();
  await expect(page.getByRole('heading', { name: '공약이행 관리 — 설정 변경' })).toBeVisible();
  const panel = page.getByRole('region', { name: '데이터 백업' });

  const missing = join(app.dataDir, '..', 'no-usb-here');
  await panel.getByLabel('백업 파일을 둘 폴더').fill(missing);
  await panel.getByRole('button', { name: '지금 백업' }).click();
  await expect(panel.getByRole('alert')).toContainText('백업을 저장할 폴더가 없습니다');
  await expect(panel.getByRole('alert')).toContainText('no-usb-here');

  const usb = join(app.dataDir, '..', 'usb');
  mkdirSync(usb, { recursive: true });
  await panel.getByLabel('백업 파일을 둘 폴더').fill(usb);
  await panel.getByRole('button', { name: '지금 백업' }).click();
  const shown = await panel.getByTestId('backup-path').textContent();
  expect(shown).not.toBeNull();
  // On a USB stick or another disk: no reminder to copy it elsewhere.
  await expect(panel.getByTestId('backup-same-disk')).toHaveCount(0);
  expect(readdirSync(usb)).toEqual([basename(shown ?? '')]);
  // The copy is a database in its own right, with the choice made on the first-run screen in it.
  const copy = new BetterSqlite3(shown ?? '', { readonly: true });
  try {
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    const setup = copy.prepare(`SELECT value FROM settings WHERE key = 'setup'`).get() as { value: string };
    expect(JSON.parse(setup.value)).toMatchObject({ role: 'department', department: '도시교통본부' });
  } finally {
    copy.close();
  }
});

test('백업에서 복원: a folder with data is refused; a new one gets the backup, the form points at it, the app then uses it, and a key left on the old PC is replaced', async ({
  page,
  app,
}) => {
  await page.goto(app.url);
  await new SetupPage(page).chooseDepartment('도시교통본부');
  // The department's signing key, made on 제출 파일 before the backup.
  await page.getByRole('button', { name: '제출 파일' }).click();
  await page.getByTestId('key-panel').getByRole('button', { name: '서명 키 만들기' }).click();
  const firstKeyId = (await page.getByTestId('own-key-id').textContent()) ?? '';
  expect(firstKeyId).toMatch(/^[0-9a-f]{16}$/);
  await page.getByRole('button', { name: '설정 변경' }).click();
  const backupPanel = page.getByRole('region', { name: '데이터 백업' });
  const usb = join(app.dataDir, '..', 'usb');
  mkdirSync(usb, { recursive: true });
  await backupPanel.getByLabel('백업 파일을 둘 폴더').fill(usb);
  await backupPanel.getByRole('button', { name: '지금 백업' }).click();
  const backupFile = (await backupPanel.getByTestId('backup-path').textContent()) ?? '';
  expect(backupFile).toContain('공약이행_백업_');

  const panel = page.getByRole('region', { name: '백업에서 복원' });
  await panel.getByLabel('백업 파일').fill(backupFile);
  await panel.getByLabel('복원할 새 데이터 폴더').fill(app.dataDir);
  await panel.getByRole('button', { name: '복원' }).click();
  await expect(panel.getByRole('alert')).toContainText('이 폴더에는 이미 데이터가 있습니다');

  const restored = join(app.dataDir, '..', 'restored-data');
  await panel.getByLabel('복원할 새 데이터 폴더').fill(restored);
  await panel.getByRole('button', { name: '복원' }).click();
  await expect(panel.getByTestId('restore-path')).toHaveText(join(restored, 'pledge.sqlite'));
  await expect(panel).toContainText('주관부서 도시교통본부');
  await expect(page.getByLabel('데이터 폴더', { exact: true })).toHaveValue(restored);
  await expect(page.getByLabel('주관부서', { exact: true })).toHaveValue('도시교통본부');

  // The setup read again after saving comes slowly (a busy PC): until it comes no screen shows the one from
  // before, so 설정 변경 cannot open on the old folder (both folders are 도시교통본부's: the role tells nothing).
  await page.evaluate(() => {
    const fetchNow = window.fetch.bind(window);
    window.fetch = async (input, init) => {
      if (String(input).endsWith('/api/getSetup')) await new Promise((resolve) => setTimeout(resolve, 1_500));
      return fetchNow(input, init);
    };
  });
  await page.getByRole('button', { name: '저장하고 시작' }).click();
  await expect(page.getByTestId('current-role')).toHaveText('도시교통본부');
  // The app now works on the restored folder: a backup without a folder goes to its backups/.
  await page.getByRole('button', { name: '설정 변경' }).click();
  await expect(page.getByLabel('데이터 폴더', { exact: true })).toHaveValue(restored);
  await page.getByRole('region', { name: '데이터 백업' }).getByRole('button', { name: '지금 백업' }).click();
  await expect(page.getByTestId('backup-path')).toContainText(join(restored, 'backups'));
  // …on the same disk as the data, which the message says, asking for a copy elsewhere.
  await expect(page.getByTestId('backup-same-disk')).toContainText(
    'USB 저장장치나 다른 디스크에도 복사해 두세요',
  );
  expect(readdirSync(join(restored, 'backups'))).toHaveLength(1);

  // As on another PC: the first folder's key file is gone. The key panel says the key cannot sign here, and a
  // new key replaces it.
  rmSync(join(app.dataDir, 'keys'), { recursive: true, force: true });
  await page.getByRole('button', { name: '취소' }).click();
  await page.getByRole('button', { name: '제출 파일' }).click();
  const keyPanel = page.getByTestId('key-panel');
  await expect(keyPanel.getByTestId('own-key-id')).toHaveText(firstKeyId);
  await expect(keyPanel.getByTestId('key-problem')).toContainText('이 PC에서 개인 키를 읽을 수 없습니다');
  await keyPanel.getByRole('button', { name: '새 서명 키 만들기' }).click();
  await expect(keyPanel.getByText('새 서명 키를 만들었습니다.')).toBeVisible();
  await expect(keyPanel.getByTestId('key-problem')).toHaveCount(0);
  await expect(keyPanel.getByTestId('own-key-id')).not.toHaveText(firstKeyId);
  expect(readdirSync(join(restored, 'keys'))).toHaveLength(1);
});

test("백업에서 복원 of the office's backup on a department PC asks first, naming both users; 복원하지 않기 writes nothing", async ({
  page,
  app,
}) => {
  // The office's data, backed up with the command line (as the office's PC would have made it).
  const root = join(app.dataDir, '..');
  const officeDir = join(root, 'office-data');
  const usb = join(root, 'usb');
  mkdirSync(usb, { recursive: true });
  const pledge = (...args: string[]) =>
    execFileSync(process.execPath, [join(import.meta.dirname, '..', 'bin', 'pledge.mjs'), ...args], {
      encoding: 'utf8',
    });
  pledge('setup', '--data', officeDir, '--role', 'office');
  pledge('backup', '--data', officeDir, '--out', usb);
  const [backupName] = readdirSync(usb);
  const backupFile = join(usb, backupName ?? '');

  await page.goto(app.url);
  await new SetupPage(page).chooseDepartment('도시교통본부');
  await page.getByRole('button', { name: '설정 변경' }).click();
  const panel = page.getByRole('region', { name: '백업에서 복원' });
  const restored = join(root, 'restored-data');
  await panel.getByLabel('백업 파일').fill(backupFile);
  await panel.getByLabel('복원할 새 데이터 폴더').fill(restored);
  await panel.getByRole('button', { name: '복원', exact: true }).click();
  const question = panel.getByTestId('restore-role-change');
  await expect(question).toContainText('기획담당관의 데이터입니다');
  await expect(question).toContainText('주관부서 도시교통본부에서 기획담당관으로 바뀝니다');
  await question.getByRole('button', { name: '복원하지 않기' }).click();
  await expect(question).toHaveCount(0);
  expect(existsSync(join(restored, 'pledge.sqlite'))).toBe(false);
  await expect(page.getByLabel('주관부서', { exact: true })).toHaveValue('도시교통본부');

  await panel.getByRole('button', { name: '복원', exact: true }).click();
  await question.getByRole('button', { name: '그래도 복원하기' }).click();
  await expect(panel.getByTestId('restore-path')).toHaveText(join(restored, 'pledge.sqlite'));
  await expect(panel).toContainText('기획담당관');
  await expect(page.getByLabel('데이터 폴더', { exact: true })).toHaveValue(restored);
});

test("설정 변경 to another department asks first when the folder holds this department's key", async ({
  page,
  app,
}) => {
  await page.goto(app.url);
  await new SetupPage(page).chooseDepartment('경제진흥본부');
  await expect(page.getByTestId('current-role')).toHaveText('경제진흥본부');
  await page.getByRole('button', { name: '제출 파일', exact: true }).click();
  await page.getByRole('button', { name: /서명 키 만들기/ }).click();
  await expect(page.getByTestId('own-fingerprint')).toBeVisible();

  // One wrong pick in the list: asked, with what stays behind; not changed until confirmed.
  const pick = async () => {
    await page.getByRole('button', { name: '설정 변경' }).click();
    await page.getByLabel('주관부서', { exact: true }).selectOption('관광체육국');
    await page.getByRole('button', { name: '저장하고 시작' }).click();
  };
  await pick();
  const asked = page.getByTestId('identity-change');
  await expect(asked).toContainText(
    '이 데이터 폴더에는 경제진흥본부의 서명 키가 있습니다. 관광체육국으로 바꾸면',
  );
  await expect(asked.getByRole('button', { name: '바꾸지 않기' })).toBeFocused();
  await asked.getByRole('button', { name: '바꾸지 않기' }).click();
  await expect(asked).toHaveCount(0);
  await page.getByRole('button', { name: '취소' }).click();
  await expect(page.getByTestId('current-role')).toHaveText('경제진흥본부');

  await pick();
  await page.getByTestId('identity-change').getByRole('button', { name: '그래도 바꾸기' }).click();
  await expect(page.getByTestId('current-role')).toHaveText('관광체육국');
});
