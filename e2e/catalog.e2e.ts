import { catalog } from './catalog-data';
import { expect, test } from './fixtures';
import { CatalogPage } from './pages/catalog-page';
import { SetupPage } from './pages/setup-page';

// The department is taken from the shipped catalog data; expectations are computed here from that data.
const department = '도시교통본부';
const leadProjects = catalog.projects.filter((p) => p.leadDepartment === department).map((p) => p.id);
const coProjects = catalog.projects
  .filter((p) => p.leadDepartment !== department && p.coDepartments.includes(department))
  .map((p) => p.id);

test('first run as a department lists its own projects first, and the choice survives a reload', async ({
  page,
  app,
}) => {
  await page.goto(app.url);
  await expect(page.getByRole('heading', { name: /처음 설정/ })).toBeVisible();
  // The window's icon (the favicon in browser mode) is served with the page.
  const iconHref = await page.locator('link[rel="icon"]').getAttribute('href');
  const icon = await page.request.get(new URL(iconHref ?? '', page.url()).href);
  expect(icon.status()).toBe(200);
  expect(icon.headers()['content-type']).toContain('image/svg+xml');
  expect(await icon.text()).toContain('<svg');
  await new SetupPage(page).chooseDepartment(department);

  const catalogPage = new CatalogPage(page);
  await expect(page.getByTestId('current-role')).toHaveText(department);
  await expect(catalogPage.ownProjects).toBeVisible();
  expect(leadProjects.length).toBeGreaterThan(0);
  const own = await catalogPage.projectIds(catalogPage.ownProjects);
  expect(own.slice(0, leadProjects.length).sort()).toEqual([...leadProjects].sort());
  expect(own.slice(leadProjects.length).sort()).toEqual([...coProjects].sort());
  // The very first projects on the screen are the department's own.
  expect(await catalogPage.firstListedProjectIds(own.length)).toEqual(own);
  // From an own project's detail straight to its documents: the 문서 작성 list, that project's row in reach.
  const target = own[Math.min(3, own.length - 1)] ?? '';
  await catalogPage.open(target, catalogPage.ownProjects);
  await catalogPage.detail.getByTestId('open-project-documents').click();
  const row = page.getByTestId('desk-projects').locator(`tr[data-project-id="${target}"]`);
  await expect(row).toBeInViewport();
  await expect(row.getByRole('button').first()).toBeFocused();
  // Another department's project offers no such way (its documents are not this department's).
  await page.getByRole('button', { name: '공약 목록' }).click();
  const others = catalog.projects.find(
    (p) => p.leadDepartment !== department && !p.coDepartments.includes(department),
  );
  await catalogPage.search.fill(others?.id ?? '');
  await catalogPage.open(others?.id ?? '', catalogPage.results);
  await expect(catalogPage.detail).toContainText(others?.name ?? '');
  await expect(catalogPage.detail.getByTestId('open-project-documents')).toHaveCount(0);

  // Opened again, the program shows the department's own first screen, 문서 작성 (Alt+1), with its projects.
  await page.reload();
  await expect(page.getByTestId('current-role')).toHaveText(department);
  const menu = page.getByRole('navigation', { name: '주 메뉴' });
  await expect(menu.getByRole('button', { name: '문서 작성' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByTestId('desk-projects').locator('tr[data-project-id]')).toHaveCount(
    leadProjects.length + coProjects.length,
  );
  await menu.getByRole('button', { name: '공약 목록' }).click();
  await expect(catalogPage.ownProjects).toBeVisible();

  // Also across a restart of the program: the role is stored in SQLite in the data folder.
  await app.restart();
  await page.goto(app.url);
  await expect(page.getByTestId('current-role')).toHaveText(department);
  await expect(menu.getByRole('button', { name: '문서 작성' })).toHaveAttribute('aria-current', 'page');
});

test('search finds projects by number and by Korean text, and shows both numberings', async ({
  page,
  app,
}) => {
  await page.goto(app.url);
  await new SetupPage(page).chooseOffice();
  const catalogPage = new CatalogPage(page);
  await expect(page.getByTestId('current-role')).toContainText('기획담당관');

  await catalogPage.search.fill('3-2-1');
  await expect(catalogPage.results.locator('[data-project-id="3-2-1"]')).toBeVisible();
  const byNumber = await catalogPage.projectIds(catalogPage.results);
  expect(byNumber[0]).toBe('3-2-1');

  await catalogPage.search.fill('어린이집');
  const expected = catalog.projects
    .filter((p) => (p.name + p.subItems.join(' ')).includes('어린이집'))
    .map((p) => p.id);
  expect(expected.length).toBeGreaterThan(0);
  await expect(catalogPage.results.locator('[data-project-id]').first()).toBeVisible();
  const byText = await catalogPage.projectIds(catalogPage.results);
  for (const id of expected) expect(byText).toContain(id);

  const target = catalog.projects.find((p) => p.id === expected[0]);
  const core = catalog.corePledges.find((c) => c.id === target?.corePledgeId);
  await catalogPage.open(expected[0] ?? '', catalogPage.results);
  await expect(catalogPage.detail).toContainText(target?.name ?? '');
  await expect(page.getByTestId('lead-department')).toHaveText(target?.leadDepartment ?? '');
  await expect(page.getByTestId('campaign-number')).toContainText(`공약 ${core?.campaignNumber}번`);
});

test('setup shows each error once and drops old ones; after it the menu is reachable from the keyboard', async ({
  page,
  app,
}) => {
  await page.goto(app.url);
  const folder = page.getByRole('textbox', { name: '데이터 폴더', exact: true });
  const unusable = page.getByText(/데이터 폴더를 사용할 수 없습니다/);
  // A folder inside a file: the server refuses it, and says so at the field only, not twice.
  await page.getByLabel('기획담당관 — 총괄부서').check();
  await folder.fill('/etc/hostname/pledge');
  await page.getByRole('button', { name: '저장하고 시작' }).click();
  await expect(unusable).toHaveCount(1);
  await expect(folder).toHaveAttribute('aria-invalid', 'true');
  await expect(folder).toBeFocused();

  // The next try's own error replaces it: no message of the last try is left on the screen.
  await page.getByLabel('주관부서 (실천계획서').check();
  await folder.fill(app.dataDir);
  await page.getByRole('button', { name: '저장하고 시작' }).click();
  await expect(page.getByText('주관부서를 선택하세요.', { exact: true })).toHaveCount(1);
  await expect(unusable).toHaveCount(0);

  await page.getByLabel('기획담당관 — 총괄부서').check();
  await page.getByRole('button', { name: '저장하고 시작' }).click();
  await expect(page.getByTestId('current-role')).toContainText('기획담당관');
  await expect(page.getByRole('searchbox', { name: '검색' })).toBeFocused();

  // F6 goes to the menu (its current item) and back; Alt+n opens the n-th item.
  const menu = page.getByRole('navigation', { name: '주 메뉴' });
  const items = await menu.getByRole('button').allTextContents();
  expect(items).toEqual(['제출 파일 받기', '종합 현황', '공약 목록', '사용 안내']);
  await page.keyboard.press('F6');
  await expect(menu.getByRole('button', { name: '공약 목록' })).toBeFocused();
  await page.keyboard.press('F6');
  await expect(page.getByRole('searchbox', { name: '검색' })).toBeFocused();
  await page.keyboard.press('Alt+2');
  await expect(menu.getByRole('button', { name: '종합 현황' })).toHaveAttribute('aria-current', 'page');
  await expect(menu.getByRole('button', { name: '종합 현황' })).toBeFocused();
  await expect(page.getByRole('tablist', { name: '종합 현황 표' })).toBeVisible();
  await page.keyboard.press('F6');
  await expect(menu.getByRole('button', { name: '종합 현황' })).not.toBeFocused();
  expect(await page.evaluate(() => document.querySelector('main')?.contains(document.activeElement))).toBe(
    true,
  );

  // 본문 바로가기 (KWCAG's 반복 영역 건너뛰기): the Tab stop before the menu, on screen only while it has the
  // focus; Enter goes past the menu into the screen.
  const skip = page.getByRole('link', { name: '본문 바로가기' });
  await expect(skip).not.toBeInViewport();
  await menu.getByRole('button').first().focus();
  await page.keyboard.press('Shift+Tab');
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(skip).not.toBeFocused();
  expect(await page.evaluate(() => document.querySelector('main')?.contains(document.activeElement))).toBe(
    true,
  );
  await expect(menu.getByRole('button', { name: '종합 현황' })).toHaveAttribute('aria-current', 'page');
});
