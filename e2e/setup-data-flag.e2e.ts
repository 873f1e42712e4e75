import { join } from 'node:path';
import { expect, test } from './fixtures';

// Started with --data DIR (as every e2e server is, and as a PC's shortcut may be): that folder opens at every such
// start, so the first-run screen names it as the folder given at start, not a default path that would not be used.

test('first run after a start with --data names that folder, offers no default, and says another serves this run only', async ({
  page,
  app,
}) => {
  await page.goto(app.url);
  const hint = page.getByTestId('start-data-dir');
  await expect(hint).toHaveText(
    `시작할 때 지정한 데이터 폴더: ${app.dataDir}. 이렇게 시작하면 언제나 이 폴더를 엽니다. ` +
      '다른 폴더를 적으면 이번 실행에만 쓰이고 기억되지 않습니다 (이 PC의 로컬 디스크에 있는 폴더여야 합니다).',
  );
  const folder = page.getByRole('textbox', { name: '데이터 폴더', exact: true });
  await expect(folder).toHaveValue(app.dataDir);
  await expect(folder).toHaveAccessibleDescription(((await hint.textContent()) ?? '').trim());
  // The profile's default folder, which this start does not open, is shown nowhere.
  const main = page.getByRole('main');
  await expect(main).not.toContainText(join(app.server.profileDir, 'data'));
  await expect(main).not.toContainText('기본값');
  await expect(page.locator('.setup .lead')).toHaveText(
    '이 PC에서 프로그램을 사용하는 부서를 정합니다. 나중에 바꿀 수 있습니다. 데이터 폴더는 프로그램을 시작할 때 지정했습니다.',
  );
});
