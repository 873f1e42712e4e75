import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { SMALL_CITY, smallCityWorkbook } from '../main/catalog/test-support';
import { startAppServer } from './app-server';
import { catalog as seoul, term } from './catalog-data';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { expectAccessible } from './support/axe';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

test('a department of another city starts from the list file its office handed out', async ({ page }) => {
  // The program's clock in the 민선8기 term the file sets: the half-year 2023-H1 is due in July 2023.
  const root = mkdtempSync(join(tmpdir(), 'pledge-e2e-'));
  const server = await startAppServer({
    root,
    dataDir: join(root, 'data'),
    profileDir: join(root, 'profile'),
    now: '2023-07-03T09:00:00+09:00',
  });
  try {
    await page.goto(server.url);
    // The list and term a new folder would start with are said before the fold is opened, and — the clock being
    // a year past the shipped term's end — that its term is over.
    await expect(page.getByTestId('catalog-in-use')).toContainText(
      `공약사업 목록: ${seoul.city} ${seoul.title} (${seoul.projects.length}개 세부사업), 임기 ${term.name} ${term.start} ~ ${term.end}.`,
    );
    await expect(page.getByTestId('catalog-term-ended')).toContainText('이 목록의 임기는 끝났습니다.');
    const panel = page.locator('details.catalog-file');
    await panel.getByText('다른 시·군이나 다음 임기의 공약사업 목록으로 시작').click();

    // The list in use comes as a workbook to edit: one row per project under its headers.
    const downloading = page.waitForEvent('download');
    await panel.getByRole('button', { name: '지금 목록 엑셀로 내려받기' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^공약사업목록_서울특별시_민선7기_.*\.xlsx$/);
    const downloaded = XLSX.read(readFileSync((await download.path()) ?? ''), { type: 'buffer' });
    expect(downloaded.SheetNames).toEqual(['기본 정보', '분야', '공약사업 목록', '부서 이관']);
    const listSheet = downloaded.Sheets['공약사업 목록'];
    expect(listSheet && XLSX.utils.sheet_to_json(listSheet)).toHaveLength(seoul.projects.length);

    // The small city's own file: what it holds is said before anything is stored.
    await panel.locator('input[type="file"]').setInputFiles({
      name: '가람시_공약사업목록.xlsx',
      mimeType: XLSX_TYPE,
      buffer: smallCityWorkbook(),
    });
    const areas = new Set(SMALL_CITY.projects.map((p) => p.id.split('-')[0])).size;
    const cores = new Set(SMALL_CITY.projects.map((p) => p.id.split('-').slice(0, 2).join('-'))).size;
    await expect(page.getByTestId('catalog-term-ended')).toHaveCount(0);
    await expect(page.getByTestId('catalog-file-summary')).toContainText(
      `${SMALL_CITY.city} ${SMALL_CITY.title} — ${areas}개 분야, ${cores}개 핵심공약, ` +
        `${SMALL_CITY.projects.length}개 세부사업, 부서 ${SMALL_CITY.departments.length}곳; 임기 민선8기 2022-07 ~ 2026-06`,
    );
    await expectAccessible(page, '처음 설정 (공약사업 목록 파일)');
    const department = page.getByLabel('주관부서', { exact: true });
    await expect(department.locator('option')).toHaveText([
      '— 부서를 선택하세요 —',
      ...SMALL_CITY.departments,
    ]);

    const chosen = '경제정책과';
    await department.selectOption(chosen);
    await page.getByRole('button', { name: '저장하고 시작' }).click();
    await expect(page.getByTestId('current-role')).toHaveText(chosen);

    // 공약 목록 is the city's: its own projects first (led, then co-operated), its areas below.
    const led = SMALL_CITY.projects.filter((p) => p.lead === chosen).map((p) => p.id);
    const co = SMALL_CITY.projects
      .filter((p) => (p.co as readonly string[]).includes(chosen))
      .map((p) => p.id);
    await expect(page.getByText(`우리 부서 사업 (${led.length + co.length})`)).toBeVisible();
    await expect(page.getByText('왼쪽 목록에서 세부사업을 선택하세요.')).toContainText(
      `${areas}개 분야, ${cores}개 핵심공약, ${SMALL_CITY.projects.length}개 세부사업`,
    );
    await expect(page.getByText(seoul.projects[0]?.name ?? '')).toHaveCount(0);

    // 문서 작성 runs on the file's term: its eight half-years, and the one due now with its date.
    await page.getByRole('button', { name: '문서 작성' }).click();
    const periods = page.getByLabel('보고 반기').locator('option');
    await expect(periods).toHaveCount(8);
    await expect(periods.first()).toContainText('2022년 하반기');
    await expect(periods.last()).toContainText('2026년 상반기');
    // 2023-07-15 is a Saturday: the card is due on Monday the 17th.
    await expect(page.getByLabel('보고 반기')).toHaveValue('2023-H1');
    await expect(periods.filter({ hasText: '2023년 상반기' })).toHaveText('2023년 상반기 (기한 2023-07-17)');
    const rows = page.getByTestId('desk-projects').locator('tr[data-project-id]');
    await expect(rows).toHaveCount(led.length + co.length);
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-project-id')))).toEqual([
      ...led,
      ...co,
    ]);
  } finally {
    await server.stop();
    rmSync(root, { recursive: true, force: true });
  }
});

test('a list file with problems is named with each problem and changes nothing', async ({ page, app }) => {
  const wb = XLSX.read(smallCityWorkbook(), { type: 'buffer' });
  const list = wb.Sheets['공약사업 목록'];
  if (!list) throw new Error('sheet');
  // The third project's 주관부서 left out, and the fourth numbered under a core pledge of another area.
  list['G4'] = { t: 's', v: '' };
  list['E5'] = { t: 's', v: '1-1-9' };
  const broken = XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer;

  await page.goto(app.url);
  const panel = page.locator('details.catalog-file');
  await panel.getByText('다른 시·군이나 다음 임기의 공약사업 목록으로 시작').click();
  await panel
    .locator('input[type="file"]')
    .setInputFiles({ name: '고친목록.xlsx', mimeType: XLSX_TYPE, buffer: broken });
  const problem = page.getByTestId('catalog-file-problem');
  await expect(problem).toContainText('고친목록.xlsx 파일을 공약사업 목록으로 읽을 수 없습니다');
  await expect(problem).toContainText(
    `'공약사업 목록' 시트 4행 주관부서: ${SMALL_CITY.projects[2]?.id}의 주관부서를 적으세요.`,
  );
  await expect(problem).toContainText(
    `'공약사업 목록' 시트 5행 세부사업: 세부사업 번호 "1-1-9"는 이 행의 핵심공약 2-2로 시작하는 "2-2-1" 형식이어야 합니다.`,
  );
  // The departments offered are still the list in use.
  const options = page.getByLabel('주관부서', { exact: true }).locator('option');
  const seoulDepartments = new Set(seoul.projects.flatMap((p) => [p.leadDepartment, ...p.coDepartments]))
    .size;
  await expect(options).toHaveCount(1 + seoulDepartments);

  // A good file then taken back out: the section stays open, and the choices are the list in use again.
  await panel.locator('input[type="file"]').setInputFiles({
    name: '가람시.xlsx',
    mimeType: XLSX_TYPE,
    buffer: smallCityWorkbook(),
  });
  await expect(options).toHaveCount(1 + SMALL_CITY.departments.length);
  await expect(problem).toHaveCount(0);
  await panel.getByRole('button', { name: '파일 빼기 (지금 목록 쓰기)' }).click();
  await expect(panel).toHaveAttribute('open', '');
  await expect(options).toHaveCount(seoulDepartments + 1);

  await page.getByLabel('기획담당관 — 총괄부서').check();
  await page.getByRole('button', { name: '저장하고 시작' }).click();
  await expect(page.getByTestId('current-role')).toContainText('기획담당관');
  await expect(page.getByText('왼쪽 목록에서 세부사업을 선택하세요.')).toContainText(
    `${seoul.projects.length}개 세부사업`,
  );
});

test('the office renames a project in its list: the changes shown first, then the list on screen', async ({
  page,
  app,
}) => {
  const { panel, wb } = await officeListWorkbook(page, app.url);

  // In the file: one project renamed and the list's 판 moved on.
  const target = seoul.projects[5];
  if (!target) throw new Error('seed');
  const list = wb.Sheets['공약사업 목록'];
  const info = wb.Sheets['기본 정보'];
  if (!list || !info) throw new Error('sheets');
  const row =
    XLSX.utils.sheet_to_json<unknown[]>(list, { header: 1 }).findIndex((r) => r[6] === target.id) + 1;
  list[`H${row}`] = { t: 's', v: `${target.name} (개정)` };
  const versionRow =
    XLSX.utils.sheet_to_json<unknown[]>(info, { header: 1 }).findIndex((r) => r[0] === '목록 판') + 1;
  info[`B${versionRow}`] = { t: 's', v: '2019-03-01 개정' };
  await panel.locator('input[type="file"]').setInputFiles({
    name: '개정목록.xlsx',
    mimeType: XLSX_TYPE,
    buffer: XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer,
  });
  const preview = page.getByTestId('catalog-change-preview');
  await expect(preview.locator('li')).toHaveText([
    `목록 판: ${seoul.version} → 2019-03-01 개정`,
    `세부사업 ${target.id} 이름: ${target.name} → ${target.name} (개정)`,
  ]);
  await expectAccessible(page, '공약사업 목록 관리');
  await preview.getByRole('button', { name: '이 목록으로 바꾸기' }).click();
  await expect(panel).toContainText('공약사업 목록을 바꿨습니다 (판 2019-03-01 개정, 2건)');
  await expect(panel.locator('summary')).toHaveText('공약사업 목록 관리 (판 2019-03-01 개정)');

  // The list on screen is the new one, also after a restart.
  await page.getByRole('searchbox', { name: '검색' }).fill(target.id);
  await expect(page.locator('.catalog-list')).toContainText(`${target.name} (개정)`);
  await app.restart();
  await page.goto(app.url);
  await page.getByRole('button', { name: '공약 목록' }).click();
  await page.getByRole('searchbox', { name: '검색' }).fill(target.id);
  await expect(page.locator('.catalog-list')).toContainText(`${target.name} (개정)`);
});

test('the office moves a project to another lead in a reorganisation: written in the 부서 이관 sheet, shown with it', async ({
  page,
  app,
}) => {
  const { panel, wb } = await officeListWorkbook(page, app.url);

  // 조직개편: the project goes to another department from 2019-H2; the sheet says who had it through 2019-H1.
  const target = seoul.projects.find((p) => p.coDepartments.length > 0);
  const newLead = seoul.projects.find(
    (p) =>
      target &&
      p.leadDepartment !== target.leadDepartment &&
      !target.coDepartments.includes(p.leadDepartment),
  )?.leadDepartment;
  if (!target || newLead === undefined) throw new Error('seed');
  const list = wb.Sheets['공약사업 목록'];
  const info = wb.Sheets['기본 정보'];
  const moves = wb.Sheets['부서 이관'];
  if (!list || !info || !moves) throw new Error('sheets');
  const headers = XLSX.utils.sheet_to_json<unknown[]>(list, { header: 1 })[0] ?? [];
  const row =
    XLSX.utils.sheet_to_json<unknown[]>(list, { header: 1 }).findIndex((r) => r[6] === target.id) + 1;
  list[`${XLSX.utils.encode_col(headers.indexOf('주관부서'))}${row}`] = { t: 's', v: newLead };
  const versionRow =
    XLSX.utils.sheet_to_json<unknown[]>(info, { header: 1 }).findIndex((r) => r[0] === '목록 판') + 1;
  info[`B${versionRow}`] = { t: 's', v: '2019-07-01 조직개편' };
  XLSX.utils.sheet_add_aoa(
    moves,
    [[target.id, '2019년 상반기', target.leadDepartment, target.coDepartments.join(', ')]],
    { origin: 'A2' },
  );
  await panel.locator('input[type="file"]').setInputFiles({
    name: '조직개편.xlsx',
    mimeType: XLSX_TYPE,
    buffer: XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer,
  });
  const preview = page.getByTestId('catalog-change-preview');
  await expect(preview.locator('li')).toHaveText([
    `목록 판: ${seoul.version} → 2019-07-01 조직개편`,
    `세부사업 ${target.id} 주관부서: ${target.leadDepartment} → ${newLead}`,
    `세부사업 ${target.id} 부서 이관 기록: (없음) → 2019-H1까지 ${target.leadDepartment} (협조: ${target.coDepartments.join(', ')})`,
  ]);
  await preview.getByRole('button', { name: '이 목록으로 바꾸기' }).click();
  await expect(panel).toContainText('공약사업 목록을 바꿨습니다 (판 2019-07-01 조직개편, 3건)');

  // The list finds the project by the department that had it, and says who had it until when.
  await page.getByLabel('부서 필터').selectOption(target.leadDepartment);
  const item = page.locator('.catalog-list li', { hasText: target.id });
  await expect(item).toContainText(newLead);
  await expect(item).toContainText(
    `이관: 2019년 상반기까지 ${target.leadDepartment} (협조: ${target.coDepartments.join(', ')})`,
  );
  await item.getByRole('button').click();
  await expect(page.getByTestId('lead-department')).toHaveText(newLead);
  await expect(page.getByTestId('former-assignments')).toHaveText(
    `2019년 상반기까지 ${target.leadDepartment} (협조: ${target.coDepartments.join(', ')})`,
  );
  await expectAccessible(page, '공약사업 목록 (부서 이관)');
});

/** The office's first start, then 공약사업 목록 관리 opened and the list in use downloaded as its workbook. */
async function officeListWorkbook(page: Page, url: string): Promise<{ panel: Locator; wb: XLSX.WorkBook }> {
  await page.goto(url);
  await page.getByLabel('기획담당관 — 총괄부서').check();
  await page.getByRole('button', { name: '저장하고 시작' }).click();
  await expect(page.getByTestId('current-role')).toContainText('기획담당관');
  const panel = page.locator('details.catalog-change');
  await panel.getByText('공약사업 목록 관리').click();
  const downloading = page.waitForEvent('download');
  await panel.getByRole('button', { name: '목록 엑셀로 내려받기' }).click();
  const wb = XLSX.read(readFileSync((await (await downloading).path()) ?? ''), { type: 'buffer' });
  return { panel, wb };
}
