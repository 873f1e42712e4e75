import { test as base, expect } from '@playwright/test';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { backupDatabaseFile } from '../db/backup';
import { createDb } from '../db/create-db';
import { setSetting } from '../db/settings';
import { startAppServer, type AppServer } from './app-server';
import { SetupPage } from './pages/setup-page';
import { GARBAGE, sha256 } from '../main/services/test-support/unreadable-file';
import { expectAccessible } from './support/axe';

/**
 * The start-up recovery screen: the data folder's pledge.sqlite is not a database, the app starts anyway (browser
 * mode, the same launcher as npm start) and says so; a new data folder leads to the first-run setup, another try
 * opens the same folder once a sound file is in place. The unreadable file is never changed.
 */

const test = base.extend<{ broken: { server: AppServer; root: string; file: string; hash: string } }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form
  broken: async ({}, use) => {
    const root = mkdtempSync(join(tmpdir(), 'pledge-e2e-recovery-'));
    const dataDir = join(root, 'data');
    mkdirSync(dataDir);
    const file = join(dataDir, 'pledge.sqlite');
    writeFileSync(file, GARBAGE);
    const server = await startAppServer({ root, dataDir, profileDir: join(root, 'profile') });
    await use({ server, root, file, hash: sha256(file) });
    await server.stop();
    rmSync(root, { recursive: true, force: true });
  },
});

test('데이터 파일을 열 수 없음 → 새 데이터 폴더로 시작: the problem and the file named, then the first-run setup on the new folder', async ({
  page,
  broken,
}) => {
  await page.goto(broken.server.url);
  await expect(
    page.getByRole('heading', { name: '공약이행 관리 — 데이터 파일을 열 수 없습니다' }),
  ).toBeVisible();
  await expect(page.getByTestId('unreadable-path')).toHaveText(broken.file);
  await expect(page.getByRole('main')).toContainText(
    '공약이행 데이터베이스가 아니거나 손상되어 열 수 없습니다',
  );
  await expect(page.getByRole('main')).toContainText('고치거나 지우지 않았고');

  // The suggested folder is beside the damaged one, and the field has the keyboard.
  const field = page.getByLabel('새 데이터 폴더', { exact: true });
  await expect(field).toBeFocused();
  await expect(field).toHaveValue(new RegExp(`^${broken.server.dataDir}-새로-\\d{8}$`));
  // Started with --data (as the launcher here is): the new folder is for this run only.
  await expect(page.getByRole('main')).toContainText('이번 실행에만 씁니다 (--data로 시작함)');

  // A relative path and the damaged folder itself are refused next to the field, and nothing is made.
  await field.fill('새 폴더');
  await field.press('Enter');
  await expect(page.getByRole('alert')).toHaveText(/^데이터 폴더는 전체 경로로 입력하세요/);
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toBeFocused();
  await field.fill(broken.server.dataDir);
  await page.getByRole('button', { name: '새 데이터 폴더로 시작' }).click();
  await expect(page.getByRole('alert')).toContainText('이 폴더에는 이미 데이터 파일이 있습니다');
  expect(readdirSync(broken.root)).toEqual(['data']);

  // A good folder, submitted with Enter: the first-run setup, on that folder.
  const fresh = join(broken.root, '새 데이터');
  await field.fill(fresh);
  await field.press('Enter');
  await expect(page.getByRole('heading', { name: '공약이행 관리 — 처음 설정' })).toBeVisible();
  await expect(page.getByLabel('데이터 폴더', { exact: true })).toHaveValue(fresh);
  await expect(page.getByRole('region', { name: '백업에서 복원' })).toBeVisible();
  await new SetupPage(page).chooseDepartment('도시교통본부');
  await expect(page.getByTestId('current-role')).toHaveText('도시교통본부');
  expect(existsSync(join(fresh, 'pledge.sqlite'))).toBe(true);

  expect(sha256(broken.file)).toBe(broken.hash);
  expect(readdirSync(broken.server.dataDir)).toEqual(['pledge.sqlite']);
});

test('다시 시도: still unreadable keeps the screen with the message; a sound file put in its place opens the same folder', async ({
  page,
  broken,
}) => {
  await page.goto(broken.server.url);
  const retry = page.getByRole('button', { name: '다시 시도' });
  await retry.click();
  await expect(page.getByRole('alert')).toContainText('다시 시도했지만 아직 열 수 없습니다');
  await expect(page.getByRole('alert')).toContainText(broken.file);
  expect(sha256(broken.file)).toBe(broken.hash);

  // The user puts the damaged file aside and a sound database in its place (as from a backup).
  const aside = join(broken.root, 'damaged.sqlite');
  renameSync(broken.file, aside);
  const sound = createDb(broken.file);
  await sound.destroy();
  await retry.click();
  await expect(page.getByRole('heading', { name: '공약이행 관리 — 처음 설정' })).toBeVisible();
  await expect(page.getByLabel('데이터 폴더', { exact: true })).toHaveValue(broken.server.dataDir);
  expect(sha256(aside)).toBe(broken.hash);
});

test('다시 시도 with the file moved away: 데이터 파일이 없습니다, and nothing is created', async ({
  page,
  broken,
}) => {
  await page.goto(broken.server.url);
  await expect(page.getByRole('main')).toContainText('다시 시도는 새 파일을 만들지 않습니다');
  const aside = join(broken.root, 'damaged.sqlite');
  renameSync(broken.file, aside);
  await page.getByRole('button', { name: '다시 시도' }).click();
  await expect(page.getByRole('main')).toContainText(`데이터 파일이 없습니다: ${broken.file}`);
  await expect(
    page.getByRole('heading', { name: '공약이행 관리 — 데이터 파일을 열 수 없습니다' }),
  ).toBeVisible();
  expect(readdirSync(broken.server.dataDir)).toEqual([]);
  expect(sha256(aside)).toBe(broken.hash);
});

test('새 데이터 폴더로 시작 with a backup file: a bad file is refused at its field, a real backup opens the app on its data', async ({
  page,
  broken,
}) => {
  // A department's data, backed up as 데이터 백업 does.
  const source = join(broken.root, 'source', 'pledge.sqlite');
  const db = createDb(source);
  await setSetting(db, 'setup', { role: 'department', department: '도시교통본부' });
  await db.destroy();
  const backup = join(broken.root, '공약이행_백업_20261203.sqlite');
  await backupDatabaseFile(source, backup);

  await page.goto(broken.server.url);
  const fresh = join(broken.root, '복원한 데이터');
  await page.getByLabel('새 데이터 폴더', { exact: true }).fill(fresh);
  const file = page.getByLabel('백업 파일 (있으면)');
  await file.fill(broken.file);
  await page.getByRole('button', { name: '새 데이터 폴더로 시작' }).click();
  await expect(page.locator('#recovery-backup-file-error')).toBeVisible();
  await expect(file).toHaveAttribute('aria-invalid', 'true');
  await expect(file).toBeFocused();
  await expectAccessible(page, '시작 복구 화면 (백업 파일 오류)');
  expect(existsSync(fresh)).toBe(false);

  await file.fill(backup);
  await file.press('Enter');
  await expect(page.getByTestId('current-role')).toHaveText('도시교통본부');
  expect(existsSync(join(fresh, 'pledge.sqlite'))).toBe(true);
  expect(sha256(broken.file)).toBe(broken.hash);
});

test('a data file gone empty beside the folder’s key and submission files: named, nothing written; 새로 시작 only once ticked', async ({
  page,
}) => {
  const root = mkdtempSync(join(tmpdir(), 'pledge-e2e-lost-'));
  const dataDir = join(root, 'data');
  mkdirSync(join(dataDir, 'keys'), { recursive: true });
  mkdirSync(join(dataDir, 'outbox'), { recursive: true });
  writeFileSync(join(dataDir, 'keys', 'k1.key'), 'secret key bytes');
  writeFileSync(join(dataDir, 'outbox', '경제진흥본부-2019-H1-r3.pledge'), 'PK bundle bytes');
  const file = join(dataDir, 'pledge.sqlite');
  writeFileSync(file, '');
  const listing = () =>
    ['keys', 'outbox', '.'].flatMap((d) => readdirSync(join(dataDir, d)).map((f) => `${d}/${f}`)).sort();
  const before = listing();
  const server = await startAppServer({ root, dataDir, profileDir: join(root, 'profile') });
  try {
    await page.goto(server.url);
    await expect(
      page.getByRole('heading', { name: '공약이행 관리 — 데이터 파일이 비어 있습니다' }),
    ).toBeVisible();
    await expect(page.getByTestId('lost-data-file')).toHaveText(file);
    const found = page.getByTestId('lost-found').locator('li');
    await expect(found).toHaveCount(2);
    await expect(found.filter({ hasText: 'keys/' })).toContainText('k1.key');
    await expect(found.filter({ hasText: 'outbox/' })).toContainText('경제진흥본부-2019-H1-r3.pledge');
    await expect(page.getByRole('main')).toContainText('지금까지 작성하고 보낸 문서는 돌아오지 않습니다');
    await expect(page.getByRole('main')).toContainText('이 폴더에 아무것도 만들거나 바꾸지 않았습니다');
    await expect(page.getByLabel('백업 파일', { exact: true })).toBeFocused();
    await expect(page.getByLabel('복원할 데이터 폴더', { exact: true })).toHaveValue(dataDir);
    await expectAccessible(page, '데이터 파일이 비어 있음');

    // 새로 시작 in this folder without the tick: refused at the checkbox, nothing written.
    await page.getByLabel('새로 시작할 데이터 폴더', { exact: true }).fill(dataDir);
    await page.getByRole('button', { name: '이 폴더에서 새로 시작' }).click();
    await expect(page.getByRole('alert')).toContainText(
      '새로 시작하려면 지금까지의 문서가 돌아오지 않는다는 것을',
    );
    await expect(
      page.getByLabel('지금까지의 문서가 돌아오지 않는다는 것을 알고 새로 시작합니다'),
    ).toBeFocused();
    expect(listing()).toEqual(before);
    expect(readdirSync(dataDir).filter((f) => f.startsWith('pledge.sqlite'))).toEqual(['pledge.sqlite']);

    // Ticked: the first-run setup in this folder, the key and the submission file left as they were.
    await page.getByLabel('지금까지의 문서가 돌아오지 않는다는 것을 알고 새로 시작합니다').check();
    await page.getByRole('button', { name: '이 폴더에서 새로 시작' }).click();
    await expect(page.getByRole('heading', { name: '공약이행 관리 — 처음 설정' })).toBeVisible();
    expect(readdirSync(join(dataDir, 'keys'))).toEqual(['k1.key']);
    expect(readdirSync(join(dataDir, 'outbox'))).toEqual(['경제진흥본부-2019-H1-r3.pledge']);
  } finally {
    await server.stop();
    rmSync(root, { recursive: true, force: true });
  }
});
