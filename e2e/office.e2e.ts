import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import * as XLSX from 'xlsx';
import { DEFAULT_LIMITS, writeBundle } from '../main/bundles';
import { readZipEntries } from '../main/bundles/read';
import {
  EXCLUSION_NOTE_MESSAGE,
  FROZEN_ACCEPT_NOTE_MESSAGE,
  PLANS_CONFIRMED_NEXT,
} from '../domain/api/contract';
import { COMPLETION_PROCEDURE, PROJECT_KIND_COMPLETION_RULES } from '../domain/documents';
import { catalog } from './catalog-data';
import { DraftingPage } from './pages/drafting-page';
import { OfficeReportPage } from './pages/office-report-page';
import {
  areaOf,
  asAmounts,
  buildScenario,
  CLOCK,
  DEPT_A,
  DEPT_B,
  DEPT_C,
  expectedCounts,
  expectedFinanceMilli,
  FINANCE_FIELDS,
  PERIOD,
  projectsInArea,
  projectsLedBy,
  STATUSES,
  shownAt,
  sumFinance,
  type BuiltScenario,
} from './support/office-data';
import {
  cardJson,
  CONTACTS,
  financeRowJson,
  planJson,
  pledge,
  type ProjectInput,
} from './support/office-scenario';
import { correctCity424, openOfficeOn } from './support/office-open';
import { startOfficeServer, type OfficeServer } from './support/office-server';
import { expectAccessible } from './support/axe';
import { printedPages } from './support/pdf-pages';

// Every expected figure below is computed from the documents the test itself drafts (support/office-data.ts).

const ALL_STATUSES = [...STATUSES, 'notSubmitted'] as const;
const SHOTS = process.env.OFFICE_SHOTS;

let root = '';
let server: OfficeServer | null = null;
/** The half-year after PERIOD: due 2020-01-15, months after the office's clock (CLOCK.server). */
const NEXT_PERIOD = '2019-H2';

test.beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'pledge-office-e2e-'));
});

test.afterEach(async () => {
  await server?.stop();
  server = null;
  rmSync(root, { recursive: true, force: true });
});

/** Starts the office's program (clock after the deadline); `confirm` confirms every received plan first. */
async function openOffice(
  page: Page,
  built: BuiltScenario,
  options: { confirm?: boolean } = {},
): Promise<OfficeReportPage> {
  const opened = await openOfficeOn(page, built, root, options);
  server = opened.server;
  return opened.office;
}

async function expectStatusRow(office: OfficeReportPage, testId: string, counts: Record<string, number>) {
  for (const s of ALL_STATUSES) {
    await expect(office.cell(`${testId}-${s}`), `${testId}-${s}`).toHaveText(String(counts[s]));
  }
}

test('two departments report (one on time, one late, one missing): status, 붙임5 and submission tables show exactly their figures', async ({
  page,
}) => {
  test.setTimeout(150_000);
  const built = buildScenario(root);
  const { projects } = built;
  const office = await openOffice(page, built);

  await expect(page.getByTestId('office-period')).toHaveValue(PERIOD);

  // 추진상황 by area: the cards sent, 미제출 for every other project of the area (all of C's included).
  for (const areaId of [2, 4, 5]) {
    const ids = projectsInArea(areaId).map((p) => p.id);
    const counts = expectedCounts(ids, projects);
    await expectStatusRow(office, `status-area-${areaId}`, counts);
    await expect(office.cell(`status-area-${areaId}-total`)).toHaveText(String(ids.length));
  }
  const area4 = projectsInArea(4).map((p) => p.id);
  const area4Done = projects.filter(
    (p) => area4.includes(p.projectId) && (p.status === 'completed' || p.status === 'continuing'),
  ).length;
  await expect(office.cell('status-area-4-rate')).toHaveText(
    `${(Math.round((area4Done / area4.length) * 1000) / 10).toFixed(1)}%`,
  );
  // 이행 후 계속 추진 is a 완료 request too (seed 000: 완료기준 = 완료 / 이행후 계속추진): it counts as reported and
  // waits for the office, marked in its own column, until the office decides.
  const area4Continuing = projects.filter(
    (p) => area4.includes(p.projectId) && p.status === 'continuing',
  ).length;
  expect(area4Continuing).toBeGreaterThan(0);
  await expect(office.cell('status-area-4-continuing-undecided')).toHaveText(`결정 대기 ${area4Continuing}`);
  // The whole catalog: 238 projects, 4 with cards.
  await expectStatusRow(
    office,
    'status-total',
    expectedCounts(
      catalog.projects.map((p) => p.id),
      projects,
    ),
  );

  // By department: A and B as sent, C (sent nothing) all 미제출.
  for (const dept of [DEPT_A, DEPT_B, DEPT_C]) {
    const ids = projectsLedBy(dept).map((p) => p.id);
    await expectStatusRow(office, `status-dept-${dept}`, expectedCounts(ids, projects));
  }
  await expect(office.cell(`status-dept-${DEPT_C}-notSubmitted`)).toHaveText(
    String(projectsLedBy(DEPT_C).length),
  );

  // The chart shows the same counts for area 4 (row index = position of the area).
  await expect(page.getByTestId('status-chart').locator('svg title').first()).toHaveText(/분야별/);
  // Every area's name is drawn whole inside the chart (the longest, area 7, was cut off at the left edge).
  const labels = await page
    .getByTestId('status-chart')
    .locator('text.chart-label')
    .evaluateAll((nodes) =>
      nodes.map((n) => ({ text: n.textContent, left: (n as SVGTextElement).getBBox().x })),
    );
  expect(labels.length).toBe(7);
  expect(labels.filter((l) => l.left < 0)).toEqual([]);
  if (SHOTS) await page.screenshot({ path: join(SHOTS, 'status.png'), fullPage: true });

  // 붙임5: every amount per project, area subtotals and the grand total.
  await office.tab('finance');
  for (const p of projects) {
    const expected = asAmounts(expectedFinanceMilli(p));
    for (const field of FINANCE_FIELDS) {
      expect(await office.amount(`finance-row-${p.projectId}-${field}`), `${p.projectId} ${field}`).toBe(
        expected[field],
      );
    }
    await expect(office.cell(`finance-row-${p.projectId}-status`)).not.toHaveText('미제출');
  }
  const grand = sumFinance(projects);
  for (const field of FINANCE_FIELDS) {
    expect(await office.amount(`finance-grand-${field}`), `grand ${field}`).toBe(grand[field]);
  }
  for (const areaId of [4, 5]) {
    const sub = sumFinance(projects.filter((p) => areaOf(p.projectId) === areaId));
    for (const field of FINANCE_FIELDS) {
      expect(await office.amount(`finance-subtotal-${areaId}-${field}`), `area ${areaId} ${field}`).toBe(
        sub[field],
      );
    }
  }
  // The form's (붙임5) headers: 계획 합 and 집행 총계 open the two per-year groups.
  const subHeaders = page.locator('[data-testid="finance-table"] thead tr').nth(1).locator('th');
  const subHeaderTexts = await subHeaders.allInnerTexts();
  expect(subHeaderTexts.slice(0, 3)).toEqual(['초기계획', '현재계획', '확보총계']);
  expect(subHeaderTexts.filter((t) => t === '계획 합' || t === '집행 총계')).toEqual([
    '계획 합',
    '집행 총계',
  ]);
  // First report: nothing is red yet.
  await expect(page.locator('[data-testid="finance-table"] [data-changed="true"]')).toHaveCount(0);
  if (SHOTS) await page.screenshot({ path: join(SHOTS, 'finance.png'), fullPage: true });

  // 제출 현황: A on time (23:00 KST on the due date), B late (08:30 KST the day after), C missing.
  await office.tab('submissions');
  const dueOf = (dept: string) =>
    projectsLedBy(dept).length * 2; /* a card and a finance row per project led */
  await expect(office.cell(`submission-${DEPT_A}-state`)).toHaveAttribute('data-value', 'complete');
  await expect(office.cell(`submission-${DEPT_A}-timeliness`)).toHaveAttribute('data-value', 'onTime');
  await expect(office.cell(`submission-${DEPT_A}-due`)).toHaveText(String(dueOf(DEPT_A)));
  await expect(office.cell(`submission-${DEPT_A}-received`)).toHaveText(String(dueOf(DEPT_A)));
  await expect(office.cell(`submission-${DEPT_A}-when`)).toContainText('2019-07-15 23:00');
  await expect(office.cell(`submission-${DEPT_A}-signature`)).toHaveAttribute('data-value', 'valid');
  await expect(office.cell(`submission-${DEPT_B}-state`)).toHaveAttribute('data-value', 'complete');
  await expect(office.cell(`submission-${DEPT_B}-timeliness`)).toHaveAttribute('data-value', 'late');
  await expect(office.cell(`submission-${DEPT_B}-when`)).toContainText('2019-07-16 08:30');
  // The late file says when B made it (its signed 작성 시각), for the office to weigh; A's on-time one does not.
  await expect(office.cell(`submission-${DEPT_B}-when`)).toContainText('작성 2019-07-01 10:00');
  await expect(office.cell(`submission-${DEPT_A}-when`)).not.toContainText('작성');
  await expect(office.cell(`submission-${DEPT_C}-state`)).toHaveAttribute('data-value', 'none');
  await expect(office.cell(`submission-${DEPT_C}-timeliness`)).toHaveAttribute('data-value', 'none');
  await expect(office.cell(`submission-${DEPT_C}-missing`)).toHaveAttribute(
    'data-count',
    String(dueOf(DEPT_C)),
  );
  await expect(office.cell(`submission-${DEPT_C}-missing`)).toContainText(projectsLedBy(DEPT_C)[0]!.id);
  // Counted by kind: a card per project C leads, a finance row for those and for the ones it co-operates on.
  const cardsOfC = projectsLedBy(DEPT_C).length;
  await expect(office.cell(`submission-${DEPT_C}-missing`)).toContainText(
    `관리카드 ${cardsOfC}건 · 재정집행 ${dueOf(DEPT_C) - cardsOfC}건`,
  );

  // 미제출 안내문 복사: a line for every department that owes something (all but A and B), none for A or B.
  const departments = new Set(catalog.projects.flatMap((p) => [p.leadDepartment, ...p.coDepartments]));
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server!.url });
  const copy = page.getByRole('button', { name: `미제출 안내문 복사 (${departments.size - 2}개 부서)` });
  await copy.click();
  await expect(page.getByText('미제출 안내문을 복사했습니다')).toBeVisible();
  const copied = (await page.evaluate(() => navigator.clipboard.readText())).split('\n');
  expect(copied[0]).toBe(`[2019년 상반기 공약관리카드·재정집행 현황 제출 안내]`);
  expect(copied.filter((l) => l.startsWith('- '))).toHaveLength(departments.size - 2);
  // C sent no 실천계획서 either: it cannot write a card before its plan is confirmed, so the notice asks for the
  // plans first (the table above still counts the cards and finance rows as missing).
  const idsOfC = projectsLedBy(DEPT_C).map((p) => p.id);
  // The particle after the last 관리번호, by how its last digit reads (일, 이, 삼 …: 은 after a final consonant).
  const topic = '0136789'.includes(idsOfC.at(-1)!.at(-1)!) ? '은' : '는';
  expect(copied).toContain(
    `- ${DEPT_C}: 실천계획서를 받지 못한 ${idsOfC.join(', ')}${topic} 실천계획서부터 보내 주십시오 ` +
      '(관리카드·재정집행 현황은 실천계획서 확정 뒤 작성)',
  );
  await expect(office.cell(`submission-${DEPT_C}-missing`)).toContainText(
    `실천계획서 미접수 ${idsOfC.length}개 사업: 관리카드·재정집행 현황은 실천계획서 확정 뒤 작성`,
  );
  expect(copied.some((l) => l.startsWith(`- ${DEPT_A}:`) || l.startsWith(`- ${DEPT_B}:`))).toBe(false);
  // Where the clipboard refuses, the same text is shown selected, to copy by hand.
  await page.evaluate(() => {
    navigator.clipboard.writeText = () => Promise.reject(new Error('denied'));
  });
  await copy.click();
  const box = page.getByRole('textbox', { name: '미제출 안내문' });
  await expect(box).toHaveValue(copied.join('\n'));
  await expect(box).toBeFocused();
  if (SHOTS) {
    await page.screenshot({ path: join(SHOTS, 'submissions.png'), fullPage: true });
    for (const tab of ['lagging', 'participation', 'changes', 'comparison', 'conflicts', 'completion']) {
      await office.tab(tab);
      await page.screenshot({ path: join(SHOTS, `${tab}.png`), fullPage: true });
    }
  }

  // The next half-year is not due yet: nothing is 미제출 or late, C shows 마감 전 (D-n), not red.
  await office.selectPeriod(NEXT_PERIOD);
  await expect(office.cell('submission-summary')).toContainText('(D-');
  await expect(office.cell(`submission-${DEPT_C}-state`)).toHaveText('접수 전');
  await expect(office.cell(`submission-${DEPT_C}-timeliness`)).toHaveAttribute('data-value', 'notYetDue');
  await expect(office.cell(`submission-${DEPT_C}-timeliness`)).toHaveText(/^마감 전 \(D-\d+\)$/);
  // Neutral: not the red of 미제출 (timeliness-none).
  await expect(office.cell(`submission-${DEPT_C}-timeliness`)).toHaveClass('timeliness-notYetDue');
  await expect(office.cell(`submission-${DEPT_C}`)).not.toHaveClass(/overdue/);
  await expect(office.cell('submission-before-due')).toContainText('미제출·지연이 아닙니다');
  // Whom to call about what is still owed: A's 담당 as its 2019-H1 cards name them, for every project A leads;
  // C sent nothing that names anyone.
  const officer = CONTACTS.find((c) => c.position === 'officer')!;
  await expect(office.cell(`submission-${DEPT_A}-contacts`)).toContainText(
    `${officer.name} 담당 ☎ ${officer.phone} — ${projectsLedBy(DEPT_A)
      .map((p) => p.id)
      .join(', ')}`,
  );
  await expect(office.cell(`submission-${DEPT_C}-contacts`)).toHaveText('담당자 미기재');
  await office.tab('status');
  await expect(office.cell('status-area-table').locator('thead')).toContainText('미접수 (기한 전)');
  await office.selectPeriod(PERIOD);
  await expect(office.cell('status-area-table').locator('thead')).toContainText('미제출');

  // Participation: the sum of the cards' counts.
  await office.tab('participation');
  const participationTotal = projects.reduce(
    (acc, p) => acc + Object.values(p.participation).reduce((a, v) => a + v, 0),
    0,
  );
  await expect(office.cell('participation-total-total')).toHaveText(String(participationTotal));

  // 이행 추이: 2018-H2 (nothing sent: every project 미제출), then 2019-H1 as its own 추진상황 counts it.
  await office.tab('trend');
  const everyProject = catalog.projects.map((p) => p.id);
  await expectStatusRow(office, 'trend-period-2018-H2', expectedCounts(everyProject, []));
  await expectStatusRow(office, `trend-period-${PERIOD}`, expectedCounts(everyProject, projects));
  await expect(office.cell(`trend-period-${PERIOD}-total`)).toHaveText(String(everyProject.length));
  await expect(office.cell('trend-area-4').locator('td').nth(1)).toHaveText(
    `${(Math.round((area4Done / area4.length) * 1000) / 10).toFixed(1)}%`,
  );
  await expect(office.cell('trend-period-table').locator('tbody tr')).toHaveCount(2);
  const trendFile = page.waitForEvent('download');
  await page.getByRole('button', { name: '이행 추이 엑셀로 내보내기' }).click();
  expect((await trendFile).suggestedFilename()).toBe(`공약이행추이_${PERIOD}.xlsx`);

  // `pledge report --json` on the same data gives the screen's totals.
  await office.tab('finance');
  const screenGrand = await office.amount('finance-grand-termExecuted.total');
  const screenSecured = await office.amount('finance-grand-secured.total');
  await server?.stop();
  server = null;
  const json = JSON.parse(
    pledge(['report', '--data', built.scenario.officeDir, '--period', PERIOD, '--json'], CLOCK.server),
  ) as {
    report: {
      finance: { grandTotal: { termExecuted: { total: number }; secured: { total: number } } };
      statusTables: { total: { counts: Record<string, number> } };
    };
  };
  expect(json.report.finance.grandTotal.termExecuted.total).toBe(screenGrand);
  expect(json.report.finance.grandTotal.secured.total).toBe(screenSecured);
  expect(json.report.statusTables.total.counts).toEqual(
    expectedCounts(
      catalog.projects.map((p) => p.id),
      projects,
    ),
  );
  // The half-year not due yet: the JSON says what the screen said.
  const next = JSON.parse(
    pledge(['report', '--data', built.scenario.officeDir, '--period', NEXT_PERIOD, '--json'], CLOCK.server),
  ) as {
    report: {
      statusTables: { beforeDue: boolean };
      submissions: {
        beforeDue: boolean;
        daysLeft: number;
        departments: { department: string; timeliness: string; overdue: boolean }[];
      };
    };
  };
  expect(next.report.statusTables.beforeDue).toBe(true);
  expect(next.report.submissions.beforeDue).toBe(true);
  expect(next.report.submissions.daysLeft).toBeGreaterThan(0);
  expect(next.report.submissions.departments.find((d) => d.department === DEPT_C)).toMatchObject({
    timeliness: 'notYetDue',
    overdue: false,
  });
});

test('an executed amount changed in revision 2 is red on screen and in the exported workbook; the public zip holds what pledge publish writes', async ({
  page,
}) => {
  test.setTimeout(150_000);
  const built = buildScenario(root);
  const { projects } = built;
  const { changed } = correctCity424(built, 130.25);

  const office = await openOffice(page, built);
  await office.tab('finance');
  const expected = asAmounts(expectedFinanceMilli(changed));
  for (const field of ['termExecuted.byYear.2019', 'termExecuted.total']) {
    const cell = office.cell(`finance-row-4-2-4-${field}`);
    await expect(cell).toHaveAttribute('data-changed', 'true');
    expect(await office.amount(`finance-row-4-2-4-${field}`)).toBe(expected[field]);
    await expect(cell).toHaveCSS('color', 'rgb(208, 0, 0)');
  }
  for (const field of ['secured.total', 'termExecuted.byYear.2018', 'plannedTotal.initial']) {
    await expect(office.cell(`finance-row-4-2-4-${field}`)).not.toHaveAttribute('data-changed', 'true');
  }
  // Only 4-2-4's two execution cells changed.
  await expect(page.locator('[data-testid="finance-table"] [data-changed="true"]')).toHaveCount(2);

  await expect(page.getByTestId('finance-legend')).toContainText('붉은 숫자');
  const grand = sumFinance(projects);
  expect(await office.amount('finance-grand-termExecuted.total')).toBe(grand['termExecuted.total']);

  // The workbook: same figures, the changed cells with a red number format.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: '엑셀로 내보내기' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`공약이행현황_${PERIOD}.xlsx`);
  const file = join(root, 'report.xlsx');
  await download.saveAs(file);
  const workbook = XLSX.read(readFileSync(file), { type: 'buffer', cellNF: true });
  const sheet = workbook.Sheets['재정집행현황'];
  expect(sheet).toBeDefined();
  const rows = XLSX.utils.sheet_to_json<unknown[]>(sheet!, { header: 1, raw: true, defval: null });
  const groupRow = rows.findIndex((r) => r.includes('임기내 집행 총계'));
  const execStart = rows[groupRow]!.indexOf('임기내 집행 총계');
  const col2019 = rows[groupRow + 1]!.indexOf("'19", execStart);
  const colSecured = rows[groupRow + 1]!.indexOf('확보총계');
  const rowIndex = rows.findIndex((r) => r[0] === '4-2-4');
  const cellAt = (r: number, c: number) => sheet![XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject;
  expect(cellAt(rowIndex, col2019).v).toBe(expected['termExecuted.byYear.2019']);
  expect(cellAt(rowIndex, col2019).z).toContain('[Red]');
  expect(cellAt(rowIndex, execStart).v).toBe(expected['termExecuted.total']);
  expect(cellAt(rowIndex, execStart).z).toContain('[Red]');
  expect(String(cellAt(rowIndex, colSecured).z ?? '')).not.toContain('[Red]');
  // The workbook's grand total row matches the screen's.
  const totalRow = rows.findIndex((r) => r.includes('합계'));
  expect(cellAt(totalRow, execStart).v).toBe(grand['termExecuted.total']);
  expect(cellAt(totalRow, colSecured).v).toBe(grand['secured.total']);

  // 공개 자료: the zip the screen downloads holds exactly the files `pledge publish` writes for the same data.
  const publishing = page.waitForEvent('download');
  await page.getByRole('button', { name: '공개 자료 내보내기' }).click();
  const publicZip = await publishing;
  expect(publicZip.suggestedFilename()).toBe(`공약이행_공개자료_${PERIOD}.zip`);
  await expect(page.getByRole('status').filter({ hasText: '공약이행_공개자료' })).toContainText('index.html');
  const zipFile = join(root, 'public.zip');
  await publicZip.saveAs(zipFile);
  const unpacked = await readZipEntries(readFileSync(zipFile), DEFAULT_LIMITS, { methods: [0, 8] });
  if (!unpacked.ok) throw new Error(unpacked.message);
  const published = join(root, 'published');
  pledge(
    ['publish', '--data', built.scenario.officeDir, '--period', PERIOD, '--out', published],
    CLOCK.server,
  );
  expect(unpacked.entries.map((e) => e.name)).toEqual([
    'index.html',
    'projects.csv',
    'finance.csv',
    'changes.csv',
  ]);
  for (const entry of unpacked.entries) {
    expect(Buffer.from(entry.data).equals(readFileSync(join(published, entry.name))), entry.name).toBe(true);
  }
  // The public finance CSV carries 4-2-4's corrected execution.
  const financeCsv = Buffer.from(unpacked.entries.find((e) => e.name === 'finance.csv')!.data).toString(
    'utf8',
  );
  const csvRow = financeCsv.split('\r\n').find((line) => line.startsWith('4-2-4,'));
  expect(csvRow).toContain(String(expected['termExecuted.total']));

  // 인쇄: every table goes on paper, also those never opened on screen (a section is built when first shown).
  await expect(page.getByTestId('comparison-table')).toHaveCount(0);
  await page.evaluate(() => {
    const w = window as unknown as { printCalls: number };
    w.printCalls = 0;
    window.print = () => {
      w.printCalls += 1;
    };
  });
  await page.getByRole('button', { name: '인쇄' }).click();
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { printCalls: number }).printCalls))
    .toBe(1);
  await expect(page.getByTestId('comparison-table')).toHaveCount(1);
  const pdfPath = join(root, 'report.pdf');
  // The page size the app's CSS asks for, as the print dialog uses it: the office's tables are landscape.
  await page.pdf({ path: pdfPath, preferCSSPageSize: true, printBackground: true });
  // In print the department under a 붙임5 project name is smaller than the name, as on screen (it was a fixed
  // 12 px in a 6.5 pt table).
  await page.emulateMedia({ media: 'print' });
  const sizes = await page
    .locator('[data-testid="finance-table"] td.name .dept')
    .first()
    .evaluate((dept) => [
      parseFloat(getComputedStyle(dept).fontSize),
      parseFloat(getComputedStyle(dept.parentElement as HTMLElement).fontSize),
    ]);
  expect(sizes[0]).toBeLessThan(sizes[1] ?? 0);
  await page.emulateMedia({ media: 'screen' });
  const info = execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' });
  const [, width, height] = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info) ?? [];
  expect([Math.round(Number(width)), Math.round(Number(height))]).toEqual([842, 595]);
  const printed = execFileSync('pdftotext', ['-enc', 'UTF-8', pdfPath, '-'], { encoding: 'utf8' }).replace(
    /\s+/g,
    '',
  );
  for (const title of [
    '추진상황',
    '재정집행현황(붙임5)',
    '제출현황',
    '부진사업',
    '시민참여실적',
    '반기비교',
    '충돌',
  ]) {
    expect(printed, title).toContain(title);
  }
  expect(printed).toContain('4-2-4');
  // Nothing is cut at the right edge: every word ends inside the 10 mm margin (붙임5 has 25 columns).
  const boxes = execFileSync('pdftotext', ['-bbox', pdfPath, '-'], { encoding: 'utf8' });
  const rightEdges = [...boxes.matchAll(/xMax="([\d.]+)"/g)].map((m) => Number(m[1]));
  expect(rightEdges.length).toBeGreaterThan(100);
  expect(Math.max(...rightEdges)).toBeLessThanOrEqual(841.89 - (10 / 25.4) * 72);
});

test('a card whose 정책목표 differs from the confirmed plan is a conflict; 카드 제외 turns the project into 미제출', async ({
  page,
}) => {
  test.setTimeout(150_000);
  const built = buildScenario(root, {
    policyGoalOverride: { projectId: '4-3-3', text: '○ 부서가 임의로 바꾼 목표' },
  });
  const { projects } = built;
  const office = await openOffice(page, built);

  const area4 = projectsInArea(4).map((p) => p.id);
  const before = expectedCounts(area4, projects);
  await expectStatusRow(office, 'status-area-4', before);
  await expect(page.getByTestId('office-tab-conflicts')).toContainText('1');

  await office.tab('conflicts');
  const conflict = office.cell(`conflict-frozen_4-3-3_${PERIOD}_${DEPT_A}`);
  await expect(conflict).toContainText('정책목표');
  await expect(conflict).toHaveAttribute('data-resolution', 'open');
  await expectAccessible(page, '충돌 (결정 전)');
  // The card in question opens in full over the screen, with the 정책목표 the department wrote.
  await conflict.getByRole('button', { name: '4-3-3 관리카드 보기·인쇄' }).click();
  await expect(page.getByTestId('print-view')).toContainText('○ 부서가 임의로 바꾼 목표');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('print-view')).toHaveCount(0);
  // 정책목표 is 추후 임의변경불가: 카드 반영 (Enter on the button) without a reason is refused beside the memo,
  // the focus goes to the memo, and nothing is recorded.
  const memo = conflict.getByRole('textbox');
  await conflict.getByRole('button', { name: '카드 반영' }).focus();
  await page.keyboard.press('Enter');
  await expect(conflict.getByRole('alert')).toHaveText(FROZEN_ACCEPT_NOTE_MESSAGE);
  await expect(memo).toBeFocused();
  await expect(memo).toHaveAttribute('aria-invalid', 'true');
  await expect(conflict).toHaveAttribute('data-resolution', 'open');
  await expectAccessible(page, '충돌 (사유 없이 카드 반영: 메모 옆 오류)');
  await expect(page.getByTestId('office-tab-conflicts')).toContainText('1');
  await conflict.getByRole('button', { name: '카드 제외' }).click();
  await expect(conflict.getByRole('alert')).toHaveText(EXCLUSION_NOTE_MESSAGE);
  await expect(memo).toBeFocused();
  await expect(conflict).toHaveAttribute('data-resolution', 'open');
  await memo.fill('확정 계획과 다른 목표: 부서에 재제출 요청');
  await expect(conflict.getByRole('alert')).toHaveCount(0);
  await conflict.getByRole('button', { name: '카드 제외' }).click();
  await expect(conflict).toHaveAttribute('data-resolution', 'rejected');
  await expect(office.cell(`conflict-frozen_4-3-3_${PERIOD}_${DEPT_A}-resolution`)).toContainText(
    '카드 제외',
  );

  const after = expectedCounts(
    area4,
    projects.filter((p) => p.projectId !== '4-3-3'),
  );
  expect(after.partial).toBe(before.partial! - 1);
  expect(after.notSubmitted).toBe(before.notSubmitted! + 1);
  await office.tab('status');
  await expectStatusRow(office, 'status-area-4', after);
  await expectStatusRow(
    office,
    `status-dept-${DEPT_A}`,
    expectedCounts(
      projectsLedBy(DEPT_A).map((p) => p.id),
      projects.filter((p) => p.projectId !== '4-3-3'),
    ),
  );
  // 제출 현황 owes the excluded card again: one received fewer, named as excluded.
  await office.tab('submissions');
  await expect(office.cell(`submission-${DEPT_A}-state`)).toHaveAttribute('data-value', 'partial');
  // A card and a finance row per project led, less the excluded card.
  await expect(office.cell(`submission-${DEPT_A}-received`)).toHaveText(
    String(projectsLedBy(DEPT_A).length * 2 - 1),
  );
  await expect(office.cell(`submission-${DEPT_A}-missing`)).toHaveAttribute('data-count', '1');
  await expect(office.cell(`submission-${DEPT_A}-missing`)).toContainText(
    '제외한 관리카드 4-3-3 (다시 제출 필요)',
  );
  // 붙임5 says that the excluded project's row (and so the total) counts no 집행: it is the only one without a
  // card, and before the exclusion there was no such note.
  await office.tab('finance');
  await expect(office.cell('finance-row-4-3-3-status')).toHaveText('미제출');
  expect(await office.amount('finance-row-4-3-3-termExecuted.total')).toBe(0);
  const note = page.getByTestId('finance-missing-cards');
  await expect(note).toContainText('관리카드를 받지 못한 사업 1개');
  await expect(note).toContainText('4-3-3');

  // The decision reaches the department with the next 기준 자료: its desk names the excluded card and the reason,
  // and its other cards say nothing.
  await server?.stop();
  server = null;
  const desk = built.desks.A;
  const officeKey = join(root, 'office.pledgekey.json');
  pledge(['keys', 'export', '--data', built.scenario.officeDir, '--out', officeKey], CLOCK.server);
  pledge(['keys', 'import', '--data', desk.dataDir, officeKey], CLOCK.server);
  const baseline = join(root, 'baseline-decisions.pledge');
  pledge(['baseline', 'export', '--data', built.scenario.officeDir, '--out', baseline], CLOCK.server);
  pledge(['baseline', 'apply', baseline, '--data', desk.dataDir], CLOCK.server);
  server = await startOfficeServer({
    dataDir: desk.dataDir,
    profileDir: join(root, 'dept-profile'),
    now: CLOCK.server,
  });
  await page.goto(server.url);
  const departmentDesk = new DraftingPage(page);
  await departmentDesk.openDesk();
  await departmentDesk.choosePeriod(PERIOD);
  const excluded = page.locator('tr[data-project-id="4-3-3"]').getByTestId('card-decision');
  await expect(excluded).toHaveText('제외됨 (다시 제출 필요): 확정 계획과 다른 목표: 부서에 재제출 요청');
  await expect(page.getByTestId('desk-projects').getByTestId('card-decision')).toHaveCount(1);
});

test("approving a change request shows first what it rewrites in the confirmed plan; the half-year's cards written before it stay out of the conflicts", async ({
  page,
}) => {
  test.setTimeout(150_000);
  const built = buildScenario(root);
  const plan = built.plans.get('4-3-3') as { policyGoal: string; projectName: string };
  // The department's request, signed by its director, quoting a 당초 that is not the confirmed text.
  const request = {
    kind: 'changeRequest',
    schemaVersion: 1,
    lifecycle: 'submitted',
    requestId: 'cr-4-3-3-2019-01',
    projectId: '4-3-3',
    projectName: plan.projectName,
    department: DEPT_A,
    contact: { position: 'officer', unit: '', name: '박주무관', phone: '02-2133-1002' },
    rows: [{ category: '공약내용 (최종목표 등)', original: '○ 예전 문구', proposed: '○ 조정한 최종목표' }],
    reason: '사업 여건 변화',
    evidence: [],
    decisionHistory: [
      { status: 'requested', date: '2019-07-02', by: DEPT_A, note: '' },
      { status: 'approvedByDirector', date: '2019-07-03', by: '소방재난본부장', note: '' },
    ],
  };
  built.scenario.draft(built.desks.A, request, CLOCK.cardsDrafted);
  built.scenario.importBundles(
    [built.scenario.exportBundle(built.desks.A, PERIOD, CLOCK.cardsDrafted).path],
    CLOCK.revisionImported,
  );
  const office = await openOffice(page, built);
  await expect(page.getByTestId('office-tab-conflicts')).not.toContainText(/\d/);

  await office.tab('changes');
  const item = office.cell('change-pending-cr-4-3-3-2019-01');
  // Named by what it changes (its rows' 구분) and the day it was requested, not by its id.
  const subject = `${request.rows[0]?.category} 변경 요청`;
  await expect(item.getByRole('heading')).toContainText(
    `4-3-3 ${plan.projectName} · ${DEPT_A} · ${subject} (요청일 ${request.decisionHistory[0]?.date})`,
  );
  const decide = async (status: string) => {
    await item.getByRole('combobox', { name: '결정' }).selectOption({ label: status });
    await item.getByRole('textbox', { name: '결정한 사람(기관)' }).fill('시민공약평가단');
  };
  // Who decided is required, and said in Korean with the field focused (not the browser's own bubble).
  await item.getByRole('combobox', { name: '결정' }).selectOption({ label: '총괄부서 검토중' });
  await item.getByRole('textbox', { name: '결정한 사람(기관)' }).fill('');
  await item.getByRole('button', { name: '기록' }).click();
  await expect(item.getByRole('alert')).toHaveText('결정한 사람(기관)을 입력하세요. 예: 시민공약평가단');
  await expect(item.getByRole('textbox', { name: '결정한 사람(기관)' })).toBeFocused();
  await decide('총괄부서 검토중');
  await item.getByRole('button', { name: '기록' }).click();
  await expect(item).toContainText("'총괄부서 검토중'으로 기록했습니다.");
  // The box moves on to the next steps, both final: none is chosen for the office, and who decided the last
  // step is forgotten.
  const choice = item.getByRole('combobox', { name: '결정' });
  await expect(choice.locator('option')).toHaveText(['고르세요', '승인(시민공약평가단 심의)', '반려']);
  await expect(choice.locator('option:checked')).toHaveText('고르세요');
  await expect(item.getByRole('textbox', { name: '결정한 사람(기관)' })).toHaveValue('');
  const preview = office.cell('change-pending-cr-4-3-3-2019-01-preview');
  await expect(preview).toHaveCount(0);
  await item.getByRole('textbox', { name: '결정한 사람(기관)' }).fill('시민공약평가단');
  await item.getByRole('button', { name: '기록' }).click();
  await expect(item.getByRole('alert')).toHaveText('결정을 고르세요 (승인 또는 반려).');
  await expect(choice).toBeFocused();

  // Choosing 승인 shows what the confirmed plan becomes, and that the request quotes another 당초.
  await decide('승인(시민공약평가단 심의)');
  await expect(preview).toContainText(`정책목표: ‘${plan.policyGoal}’ → ‘○ 조정한 최종목표’`);
  await expect(preview).toContainText('요청서의 당초 내용이 지금 확정된 정책목표와 다릅니다');
  // 기록 asks first, naming what changes; Escape (or 취소) records nothing.
  await item.getByRole('button', { name: '기록' }).click();
  const question = office.cell('change-pending-cr-4-3-3-2019-01-confirm');
  await expect(question).toContainText(
    `4-3-3 ${subject}을 '승인(시민공약평가단 심의)'으로 기록합니다. 확정된 실천계획서의 정책목표가 바뀌고`,
  );
  await expect(question).toContainText('기록한 뒤에는 되돌릴 수 없습니다.');
  await expect(question.getByRole('button', { name: '취소' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(question).toHaveCount(0);
  await expect(item.getByRole('button', { name: '기록' })).toBeFocused();
  await expect(item.getByTestId('change-pending-cr-4-3-3-2019-01-status')).toContainText('총괄부서 검토중');
  await item.getByRole('button', { name: '기록' }).click();
  await question.getByRole('button', { name: '승인(시민공약평가단 심의)으로 기록' }).click();
  await expect(office.cell('change-outcome')).toContainText(
    `4-3-3 ${subject}: '승인(시민공약평가단 심의)'으로 기록했습니다. 확정된 실천계획서의 정책목표를 바꿨습니다`,
  );
  await expect(item).toHaveCount(0);
  await expect(office.cell('changes-approved-table')).toContainText('○ 조정한 최종목표');
  // The 2019-H1 card was written under the plan in force when the half-year ended: no conflict.
  await expect(page.getByTestId('office-tab-conflicts')).not.toContainText(/\d/);
  const view = await office.callApi<{ conflicts: unknown[] }>('getOfficeReport', {
    periodId: PERIOD,
    today: '2019-07-25',
  });
  expect(view.conflicts).toEqual([]);
});

test('a 완료 the office has not decided is counted as 완료 and marked 결정 대기 until the office decides', async ({
  page,
}) => {
  test.setTimeout(150_000);
  // The card cites a 완료 근거자료 file (a small PDF-like file; its bytes are compared, not its format).
  const evidenceBytes = Buffer.from('%PDF-1.4\n% 준공검사조서 (4-6-4)\n%%EOF\n', 'utf8');
  const built = buildScenario(root, {
    completed: '4-6-4',
    evidence: { name: '준공검사조서.pdf', mediaType: 'application/pdf', bytes: evidenceBytes },
  });
  const { projects } = built;
  const office = await openOffice(page, built);
  const area4 = projectsInArea(4).map((p) => p.id);
  const counts = expectedCounts(area4, projects);
  expect(counts.completed).toBe(1);
  await expectStatusRow(office, 'status-area-4', counts);
  await expect(office.cell('status-area-4-undecided')).toHaveText('결정 대기 1');
  await expect(office.cell(`status-dept-${DEPT_B}-undecided`)).toHaveText('결정 대기 1');
  await expect(office.cell('status-total-undecided')).toHaveText('결정 대기 1');
  await expect(office.cell(`status-dept-${DEPT_A}-undecided`)).toHaveCount(0);
  await expect(page.getByTestId('status-undecided-note')).toContainText('1건은 부서가 완료를 요청했지만');
  await office.tab('finance');
  await expect(office.cell('finance-row-4-6-4-status')).toHaveText('완료 (결정 대기)');
  // 이행 추이 says it too, on the half-year's row.
  await office.tab('trend');
  await expect(office.cell(`trend-period-${PERIOD}-undecided`)).toHaveText('결정 대기 1');
  await office.tab('status');
  if (SHOTS) await page.screenshot({ path: join(SHOTS, 'status-undecided.png'), fullPage: true });

  await office.tab('completion');
  await expect(office.cell('completion-4-6-4-evidence')).toContainText('준공 및 개통');
  // The office opens the attached evidence where it decides: the file the department attached, byte for byte.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    office
      .cell('completion-4-6-4-evidence')
      .getByRole('button', { name: '준공검사조서.pdf 열기/내려받기' })
      .click(),
  ]);
  expect(download.suggestedFilename()).toBe('준공검사조서.pdf');
  const saved = await download.path();
  expect(readFileSync(saved)).toEqual(evidenceBytes);
  // The plan's 완료 rules sit above the requests, folded; opened, they give the rule for each kind of project.
  const criteria = page.getByTestId('completion-criteria');
  await expect(criteria).not.toHaveAttribute('open');
  await criteria.getByText('완료 판단 기준').click();
  await expect(criteria).toHaveAttribute('open', '');
  await expect(criteria).toContainText(COMPLETION_PROCEDURE);
  for (const rule of PROJECT_KIND_COMPLETION_RULES) {
    await expect(criteria.getByRole('row', { name: rule.kind })).toContainText(rule.completedWhen);
  }
  // The whole card opens over the screen, in its official layout; the memo being typed stays.
  const memo = page.getByLabel('4-6-4 완료 요청 메모');
  await memo.fill('준공 확인');
  const cardButton = page.getByRole('button', { name: '4-6-4 관리카드 보기·인쇄' });
  await cardButton.click();
  const view = page.getByTestId('print-view');
  await expect(view.getByTestId('print-status')).toHaveText('완료');
  await expect(view).toContainText('준공 및 개통');
  await expect(view).toContainText('완료 근거자료: 준공검사조서.pdf');
  // Above the card, on screen only, the same file opens from the overlay.
  const [fromCard] = await Promise.all([
    page.waitForEvent('download'),
    view
      .getByTestId('document-files')
      .getByRole('button', { name: '준공검사조서.pdf 열기/내려받기' })
      .click(),
  ]);
  expect(readFileSync(await fromCard.path())).toEqual(evidenceBytes);
  await expect(view).toContainText(projects.find((p) => p.projectId === '4-6-4')!.policyGoal);
  await expect(view.getByTestId('print-notice')).toContainText(`${shownAt(CLOCK.bImported)} 접수`);
  await page.keyboard.press('Escape');
  await expect(view).toHaveCount(0);
  await expect(cardButton).toBeFocused();
  await expect(memo).toHaveValue('준공 확인');
  await office.cell('completion-4-6-4').getByRole('button', { name: '승인' }).click();
  await expect(office.cell('completion-4-6-4-decision')).toHaveAttribute('data-value', 'accepted');
  await office.tab('status');
  await expectStatusRow(office, 'status-area-4', counts);
  await expect(office.cell('status-total-undecided')).toHaveCount(0);
  await expect(page.getByTestId('status-undecided-note')).toHaveCount(0);
  await office.tab('finance');
  await expect(office.cell('finance-row-4-6-4-status')).toHaveText('완료');
  // Decided on another tab: 이행 추이 is built again once it is looked at.
  await office.tab('trend');
  await expect(office.cell(`trend-period-${PERIOD}-completed`)).toHaveText('1');
  await expect(office.cell(`trend-period-${PERIOD}-undecided`)).toHaveCount(0);

  // A mistaken 승인 is taken back to 미결정: asked first (the question starts on its cancel; Escape answers it so).
  await office.tab('completion');
  const withdraw = office.cell('completion-4-6-4').getByRole('button', { name: '결정 취소 (미결정으로)' });
  await withdraw.click();
  const question = page.getByRole('alertdialog');
  await expect(question).toContainText('4-6-4 완료 요청의 승인 결정을 취소하고 미결정으로 돌립니다.');
  await expect(question.getByRole('button', { name: '그대로 두기' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(question).toHaveCount(0);
  await expect(withdraw).toBeFocused();
  await expect(office.cell('completion-4-6-4-decision')).toHaveAttribute('data-value', 'accepted');
  await page.getByLabel('4-6-4 완료 요청 메모').fill('잘못 승인함');
  await withdraw.click();
  await question.getByRole('button', { name: '미결정으로 되돌리기' }).click();
  await expect(page.getByText('4-6-4 완료 요청의 승인 결정을 취소했습니다.')).toBeVisible();
  await expect(office.cell('completion-4-6-4-decision')).toHaveAttribute('data-value', 'open');
  await expect(office.cell('completion-4-6-4-withdrawn')).toContainText('결정 취소 (잘못 승인함)');
  await expect(withdraw).toHaveCount(0);
  // 결정 대기 again, everywhere it was before the decision.
  await office.tab('status');
  await expectStatusRow(office, 'status-area-4', counts);
  await expect(office.cell('status-area-4-undecided')).toHaveText('결정 대기 1');
  await expect(office.cell(`status-dept-${DEPT_B}-undecided`)).toHaveText('결정 대기 1');
  await expect(office.cell('status-total-undecided')).toHaveText('결정 대기 1');
  await expect(page.getByTestId('status-undecided-note')).toContainText('1건은 부서가 완료를 요청했지만');
  await office.tab('finance');
  await expect(office.cell('finance-row-4-6-4-status')).toHaveText('완료 (결정 대기)');
  await office.tab('trend');
  await expect(office.cell(`trend-period-${PERIOD}-undecided`)).toHaveText('결정 대기 1');
});

test('a second bundle with a revision already taken (the department copied to another PC) is held and listed; the tables keep the first until the office swaps it in, and the next 기준 자료 tells the PC whose file is held', async ({
  page,
}) => {
  test.setTimeout(150_000);
  const built = buildScenario(root);
  const { scenario, projects, desks, plans } = built;
  // Department A's data copied to a second PC: the same key and the same revision chain.
  const secondPc = { ...desks.A, dataDir: join(root, 'dept-A-second-pc') };
  cpSync(desks.A.dataDir, secondPc.dataDir, { recursive: true });
  const base = projects.find((p) => p.projectId === '4-2-4')!;
  const withExecution = (amount: number) => {
    const p = structuredClone(base);
    p.units[0]!.executed.city = { ...p.units[0]!.executed.city, '2019-H1': amount };
    return p;
  };
  const kept = withExecution(130.25);
  scenario.draft(desks.A, cardJson(plans.get('4-2-4')!, kept, PERIOD), CLOCK.revisionImported);
  const first = scenario.exportBundle(desks.A, PERIOD, CLOCK.revisionImported);
  scenario.draft(
    secondPc,
    cardJson(plans.get('4-2-4')!, withExecution(999.5), PERIOD),
    CLOCK.revisionImported,
  );
  const other = scenario.exportBundle(secondPc, PERIOD, CLOCK.revisionImported);
  expect(other.revision).toBe(first.revision);

  scenario.importBundles([first.path], CLOCK.revisionImported);
  const imported = JSON.parse(
    pledge(['import', '--data', scenario.officeDir, other.path, '--json'], CLOCK.revisionImported),
  ) as { held: { code: string; reason: string }[]; accepted: unknown[] };
  expect(imported.accepted).toEqual([]);
  expect(imported.held.map((h) => h.code)).toEqual(['REVISION_CONFLICT']);
  expect(imported.held[0]!.reason).toContain('충돌로 보류');

  const office = await openOffice(page, built);
  await office.tab('finance');
  const expected = asAmounts(expectedFinanceMilli(kept));
  expect(await office.amount('finance-row-4-2-4-termExecuted.total')).toBe(expected['termExecuted.total']);

  await expect(page.getByTestId('office-tab-conflicts')).toContainText('1');
  await office.tab('conflicts');
  const heldSha = createHash('sha256').update(readFileSync(other.path)).digest('hex');
  const firstSha = createHash('sha256').update(readFileSync(first.path)).digest('hex');
  const conflict = office.cell(`conflict-same-revision_${heldSha}`);
  await expect(conflict).toContainText('같은 회차의 다른 제출 파일');
  await expect(conflict).toContainText(heldSha.slice(0, 12));
  await expect(conflict).toContainText(firstSha.slice(0, 12));
  // When each was made, in the office's time (both exported at 10:00 KST).
  await expect(conflict).toContainText('2019-07-20 10:00 작성');
  // What differs, in the office's words: the card, and its 집행액 as each bundle would count it.
  await expect(conflict).toContainText('내용이 다른 문서: 공약관리카드 4-2-4 (2019년 상반기)');
  const ko = (milli: number) => (milli / 1000).toLocaleString('ko-KR', { maximumFractionDigits: 3 });
  const counted = expectedFinanceMilli(kept);
  const heldFigures = expectedFinanceMilli(withExecution(999.5));
  await expect(conflict).toContainText(
    `임기내 집행 계 ${ko(counted['termExecuted.total']!)} → ${ko(heldFigures['termExecuted.total']!)}`,
  );
  await expect(conflict).not.toContainText('확보');
  // The heading names every project the held bundle carries, and the half-year in words.
  await expect(conflict.locator('h4')).toContainText('사업 4-2-4, 4-3-3');
  await expect(conflict.locator('h4')).toContainText('2019년 상반기');
  await expect(conflict).toHaveAttribute('data-resolution', 'open');
  await expect(conflict.getByRole('button')).toHaveText([
    '보류한 제출 파일로 바꾸기',
    '반영한 제출 파일 유지',
  ]);
  // Its memo goes back to the department with the decision: the field says so.
  await expect(conflict.getByText('메모 (다음 기준 자료로 부서에도 전달)')).toBeVisible();
  await conflict.getByRole('textbox').fill('부서 확인: 첫 PC 파일이 최종본');
  await conflict.getByRole('button', { name: '반영한 제출 파일 유지' }).click();
  await expect(conflict).toHaveAttribute('data-resolution', 'rejected');
  await expect(office.cell(`conflict-same-revision_${heldSha}-resolution`)).toContainText(
    '반영한 제출 파일 유지',
  );
  // The note is kept with the decision and shown with its time.
  await expect(office.cell(`conflict-same-revision_${heldSha}-note`)).toContainText(
    '부서 확인: 첫 PC 파일이 최종본',
  );
  if (SHOTS) await page.screenshot({ path: join(SHOTS, 'conflict-held.png'), fullPage: true });

  // Acknowledging changes no figure: the first bundle's amounts stay.
  await office.tab('finance');
  expect(await office.amount('finance-row-4-2-4-termExecuted.total')).toBe(expected['termExecuted.total']);

  // The department says the second PC's card is the right one: the office swaps it in. Its amounts count now,
  // and the first bundle is the one held (the choice can be reversed the same way).
  await office.tab('conflicts');
  await conflict.getByRole('button', { name: '보류한 제출 파일로 바꾸기' }).click();
  await expect(page.getByRole('status').filter({ hasText: '보류한 제출 파일' })).toContainText(
    heldSha.slice(0, 12),
  );
  // The decided item left the list with the focus on its button: the keyboard goes on from the message.
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.hasAttribute('data-focus-fallback') ?? false))
    .toBe(true);
  const swappedBack = office.cell(`conflict-same-revision_${firstSha}`);
  await expect(swappedBack).toContainText('보류했던 제출 파일로 바꿔 반영');
  await expect(swappedBack).toHaveAttribute('data-resolution', 'rejected');
  // Its decision reads as what was just done, not as "keep the counted one".
  await expect(office.cell(`conflict-same-revision_${firstSha}-resolution`)).toContainText(
    '결정: 보류했던 제출 파일로 바꿔 반영함 ·',
  );
  await expect(office.cell(`conflict-same-revision_${firstSha}-resolution`)).not.toContainText(
    '반영한 제출 파일 유지',
  );
  await expect(conflict).toHaveCount(0);
  await expect(page.getByTestId('office-tab-conflicts')).not.toContainText('1');
  await office.tab('finance');
  const swappedIn = asAmounts(expectedFinanceMilli(withExecution(999.5)));
  expect(swappedIn['termExecuted.total']).not.toBe(expected['termExecuted.total']);
  expect(await office.amount('finance-row-4-2-4-termExecuted.total')).toBe(swappedIn['termExecuted.total']);

  // The next 기준 자료 tells the first PC, whose file is now the held one, what the office decided.
  const packaged = '2019-07-26T09:00:00+09:00';
  const officeKey = join(root, 'office-key.pledgekey.json');
  pledge(['keys', 'export', '--data', scenario.officeDir, '--out', officeKey], packaged);
  pledge(['keys', 'import', '--data', desks.A.dataDir, officeKey], packaged);
  const baseline = join(root, 'baseline-held.pledge');
  expect(pledge(['baseline', 'export', '--data', scenario.officeDir, '--out', baseline], packaged)).toContain(
    '보류 제출 파일 결정 1건',
  );
  expect(pledge(['baseline', 'apply', baseline, '--data', desks.A.dataDir], packaged)).toContain(
    '보류된 이 부서 제출 파일에 대한 결정 1건',
  );
  const desk = await startOfficeServer({
    dataDir: desks.A.dataDir,
    profileDir: join(root, 'dept-A-profile'),
    now: packaged,
  });
  try {
    await page.goto(desk.url);
    await page.getByRole('button', { name: '제출 파일', exact: true }).click();
    const firstFile = page.getByTestId(`sent-file-r${first.revision}`);
    await expect(firstFile.getByTestId('sent-file-receipt')).toHaveText('보류: 같은 회차의 다른 파일 반영');
    const decision = firstFile.getByTestId('sent-file-held-decision');
    await expect(decision).toContainText('같은 회차의 다른 제출 파일을 반영하기로 정했습니다 (2019-07-25');
    await expect(decision).toContainText('이 파일의 내용은 반영되지 않습니다');
    // The file counted was made on the second PC: the next revision must come from there.
    await expect(decision).toContainText('반영된 파일은 다른 PC(또는 다른 데이터 폴더)에서 만든 것입니다');
  } finally {
    await desk.stop();
  }
});

test("a co-department's card is listed as a conflict; '카드 반영' adds its 집행액 to the project's 붙임5 row", async ({
  page,
}) => {
  test.setTimeout(150_000);
  const built = buildScenario(root);
  const { scenario } = built;
  // 1-1-7 is led by 경제진흥본부 with 여성가족정책실 cooperating (붙임1).
  const LEAD = '경제진흥본부';
  const CO = '여성가족정책실';
  const project = catalog.projects.find((p) => p.id === '1-1-7')!;
  expect([project.leadDepartment, project.coDepartments]).toEqual([LEAD, [CO]]);
  const lead = scenario.enrollDepartment(LEAD, CLOCK.setup);
  const co = scenario.enrollDepartment(CO, CLOCK.setup);
  const zero = { national: null, city: null, district: null, private: null, other: null };
  const leadInput: ProjectInput = {
    projectId: '1-1-7',
    department: LEAD,
    status: 'onTrack',
    policyGoal: '○ 여성 창업 지원 확대',
    units: [
      {
        id: 'u1',
        name: '여성 창업 공간 조성',
        needs: { city: { '2018': 40, '2019': 200.5, '2020': 150 } },
        executed: { city: { '2018-H2': 12, '2019-H1': 40.25 } },
      },
    ],
    secured: { ...zero, city: 240.5 },
    participation: { briefings: 1, surveys: 0, expertConsultations: 0, mediaReports: 0, other: 0 },
  };
  const plan = planJson(leadInput);
  scenario.draft(lead, plan, CLOCK.plansDrafted);
  scenario.importBundles([scenario.exportBundle(lead, 'plan', CLOCK.plansDrafted).path], CLOCK.plansImported);
  scenario.draft(lead, cardJson(plan, leadInput, PERIOD), CLOCK.cardsDrafted);
  scenario.draft(lead, financeRowJson(leadInput, PERIOD), CLOCK.cardsDrafted);
  scenario.importBundles([scenario.exportBundle(lead, PERIOD, CLOCK.cardsDrafted).path], CLOCK.aImported);

  // The department app lets a co-department write only its finance row; a card can still come from an older
  // copy or another tool, signed with the department's key. Signed here with 여성가족정책실's own key file.
  const coInput: ProjectInput = {
    ...leadInput,
    department: CO,
    units: [{ ...leadInput.units[0]!, executed: { city: { '2019-H1': 7.5 } } }],
  };
  const keyFile = readdirSync(join(co.dataDir, 'keys')).find((f) => f.endsWith('.key'))!;
  const coBundle = await writeBundle({
    manifestFields: {
      type: 'pledge-submission',
      appVersion: '0.1.0',
      department: CO,
      period: PERIOD,
      createdAt: CLOCK.cardsDrafted,
      revision: 1,
      previousBundleSha256: null,
    },
    documents: [
      {
        path: 'documents/card-1-1-7-2019-H1.json',
        json: { ...cardJson(plan, coInput, PERIOD), lifecycle: 'submitted' },
      },
    ],
    attachments: [],
    privateKeyPem: readFileSync(join(co.dataDir, 'keys', keyFile), 'utf8'),
  });
  const coPath = join(root, 'co-card.pledge');
  writeFileSync(coPath, coBundle);
  scenario.importBundles([coPath], CLOCK.aImported);

  const office = await openOffice(page, built);
  await office.callApi('confirmReceivedPlan', { projectId: '1-1-7' });
  await office.open(server!.url);
  const leadOnly = asAmounts(expectedFinanceMilli(leadInput));
  const coOnly = asAmounts(expectedFinanceMilli(coInput));
  await office.tab('finance');
  expect(await office.amount('finance-row-1-1-7-termExecuted.total')).toBe(leadOnly['termExecuted.total']);
  // 1-1-7's long name wraps inside its cell instead of running into 이행도 (on screen and on paper).
  const nameCell = page.locator('[data-testid="finance-row-1-1-7"] td.name');
  await expect(nameCell).toContainText(project.name);
  expect(await nameCell.evaluate((td) => td.scrollWidth - td.clientWidth)).toBeLessThanOrEqual(1);

  await expect(page.getByTestId('office-tab-conflicts')).toContainText('1');
  await office.tab('conflicts');
  const conflict = office.cell(`conflict-co-card_1-1-7_${PERIOD}_${CO}`);
  await expect(conflict).toContainText('두 부서의 관리카드');
  await expect(conflict).toContainText(`주관부서는 ${LEAD}인데 ${CO}도 관리카드를 보냈습니다`);
  await expect(conflict).toHaveAttribute('data-resolution', 'open');
  await conflict.getByRole('button', { name: '카드 반영' }).click();
  await expect(conflict).toHaveAttribute('data-resolution', 'accepted');

  // Taken in: the co-department's 집행액 joins the lead's in the project's row and in the grand total.
  await office.tab('finance');
  const both = (field: string) => Math.round((leadOnly[field]! + coOnly[field]!) * 1000) / 1000;
  expect(coOnly['termExecuted.total']).toBe(7.5);
  for (const field of ['termExecuted.total', 'termExecuted.byYear.2019']) {
    expect(await office.amount(`finance-row-1-1-7-${field}`), field).toBe(both(field));
  }
  // The lead's card still decides the status: 1-1-7 counts once, 정상추진.
  await office.tab('status');
  await expect(office.cell('status-area-1-onTrack')).toHaveText('1');
});

test('the office confirms the received practice plans on screen; 붙임5 then lists those projects', async ({
  page,
}) => {
  test.setTimeout(150_000);
  const built = buildScenario(root);
  const { projects } = built;
  const office = await openOffice(page, built, { confirm: false });

  // Nothing confirmed yet: no 붙임5 row; the tab names how many plans wait.
  await office.tab('finance');
  await expect(page.getByTestId('finance-legend')).toContainText('사업 0개');
  // …and the projects that reported anyway are named, not dropped silently.
  await expect(page.getByTestId('finance-without-plan')).toContainText(
    `실천계획서를 받았지만 확정하지 않아 붙임5와 집행률에서 뺀 사업 ${projects.length}개: `,
  );
  for (const p of projects) await expect(page.getByTestId('finance-without-plan')).toContainText(p.projectId);
  await expect(page.getByTestId('office-tab-plans')).toContainText(String(projects.length));
  await office.tab('plans');
  const waiting = page.getByTestId('plan-table').locator('tbody tr');
  await expect(waiting).toHaveCount(projects.length);
  // 부서별: each lead department's plans (led, not received, waiting, confirmed), counted from the catalog and what
  // the test sent; the summary says how many departments still owe plans.
  const ledBy = (department: string) =>
    catalog.projects.filter((p) => p.leadDepartment === department).length;
  const sentBy = (department: string) => projects.filter((p) => p.department === department).length;
  const leads = [...new Set(catalog.projects.map((p) => p.leadDepartment))];
  const owing = leads.filter((d) => ledBy(d) > sentBy(d));
  const byDepartment = page.getByTestId('plan-departments');
  await byDepartment.locator('summary').click();
  await expect(byDepartment.locator('summary')).toHaveText(
    `부서별 현황: 계획서를 다 보내지 않은 부서 ${owing.length}곳 (받지 않은 계획서 ${catalog.projects.length - projects.length}건)`,
  );
  for (const department of [...new Set(projects.map((p) => p.department)), DEPT_C]) {
    const row = byDepartment.locator(`tr[data-department="${department}"]`);
    await expect(row.locator('td')).toHaveText([
      String(ledBy(department)),
      String(ledBy(department) - sentBy(department)),
      String(sentBy(department)),
      '0',
    ]);
  }
  await expect(byDepartment.locator('tbody tr')).toHaveCount(leads.length);
  for (const p of projects) {
    await expect(office.cell(`plan-${p.projectId}-state`)).toHaveAttribute('data-value', 'awaiting');
  }

  // Select every waiting plan (keyboard: the header checkbox), confirm, and answer the question.
  await page.getByTestId('plan-select-all').focus();
  await page.keyboard.press('Space');
  await expect(page.getByTestId('plan-confirm-selected')).toHaveText(
    `선택한 계획서 확정 (${projects.length}건)`,
  );
  // The question takes the focus on 취소 (confirming cannot be undone): Escape cancels (back to the button),
  // Shift+Tab then Enter on 확정 confirms.
  await page.getByTestId('plan-confirm-selected').click();
  await expect(page.getByRole('alertdialog')).toContainText(`${projects.length}건을 확정합니다`);
  await expect(page.getByRole('alertdialog').getByRole('button', { name: '취소' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await expect(page.getByTestId('plan-confirm-selected')).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByTestId('plan-confirm-yes')).toBeFocused();
  if (SHOTS) await page.screenshot({ path: join(SHOTS, 'plans.png'), fullPage: true });
  await page.keyboard.press('Enter');
  await expect(
    page.getByText(`실천계획서 ${projects.length}건을 확정했습니다. ${PLANS_CONFIRMED_NEXT}`),
  ).toBeVisible();
  await expect(page.getByTestId('plan-outcome')).toBeFocused();
  await expect(page.getByTestId('plan-empty')).toBeVisible();
  await page.getByTestId('plan-filter').selectOption('confirmed');
  await expect(waiting).toHaveCount(projects.length);

  // 붙임5 now has exactly those projects, with the plan's 초기계획 computed by the test from what it drafted.
  await office.tab('finance');
  await expect(page.getByTestId('finance-legend')).toContainText(`사업 ${projects.length}개`);
  await expect(page.getByTestId('finance-without-plan')).toHaveCount(0);
  for (const p of projects) {
    const expected = asAmounts(expectedFinanceMilli(p));
    expect(await office.amount(`finance-row-${p.projectId}-plannedTotal.initial`)).toBe(
      expected['plannedTotal.initial'],
    );
  }

  // Back in front with nothing changed: the tables stay. Changed from elsewhere (here a key revoked through the
  // API, as the command line or another window would): the tables are built again, and the screen says why.
  const focus = () => page.evaluate(() => window.dispatchEvent(new Event('focus')));
  await focus();
  await expect(page.getByTestId('office-changed-elsewhere')).toHaveCount(0);
  const keys = await office.callApi<{ keyId: string; role: string; status: string }[]>(
    'listRegistryKeys',
    {},
  );
  const departmentKey = keys.find((k) => k.role === 'department' && k.status === 'approved');
  if (departmentKey === undefined) throw new Error('no approved department key');
  await office.callApi('revokeKey', { keyId: departmentKey.keyId });
  await focus();
  await expect(page.getByTestId('office-changed-elsewhere')).toContainText('표를 다시 계산했습니다');
  await expect(page.getByTestId('finance-legend')).toContainText(`사업 ${projects.length}개`);
});

test('공약 목록 → 받은 문서: the office reads a project’s confirmed plan, its newest card and its 재정집행 현황 in their official layout', async ({
  page,
}) => {
  test.setTimeout(150_000);
  const built = buildScenario(root);
  const { projects } = built;
  const before = structuredClone(built.projects.find((p) => p.projectId === '4-2-4')!.units[0]!.executed);
  const { changed, revision: correction } = correctCity424(built, 130.25);
  const unit = changed.units[0]!;
  await openOffice(page, built);

  await page.getByRole('button', { name: '공약 목록' }).click();
  await page.getByRole('searchbox', { name: '검색' }).fill('4-2-4');
  await page.getByTestId('search-results').locator('[data-project-id="4-2-4"]').click();
  const received = page.getByTestId('received-documents');
  const row = (kind: string) => received.locator(`tr[data-kind="${kind}"]`);
  await expect(received.locator('tbody tr')).toHaveCount(3);
  await expect(row('executionPlan').getByTestId('received-source')).toHaveText('확정본 (기획담당관)');
  await page.screenshot({ path: 'test-results/received-documents.png' });
  // The card as the report counts it: the correction, received at its import (Korean time).
  await expect(row('managementCard').getByTestId('received-source')).toHaveText(
    `제출 파일 r${correction} · ${shownAt(CLOCK.revisionImported)} 접수`,
  );

  await row('executionPlan')
    .getByRole('button', { name: /보기·인쇄$/ })
    .click();
  const view = page.getByTestId('print-view');
  await expect(view.locator('h1')).toHaveText('공약실천계획서');
  await expect(view).toContainText(changed.policyGoal);
  await page.keyboard.press('Escape');
  await expect(view).toHaveCount(0);
  await expect(row('executionPlan').getByRole('button', { name: /보기·인쇄$/ })).toBeFocused();

  await row('managementCard')
    .getByRole('button', { name: `공약관리카드 2019년 상반기 ${DEPT_A} 보기·인쇄` })
    .click();
  await expect(view.getByTestId('print-status')).toHaveText('정상추진');
  await expect(view).toContainText(`${unit.name} 1단계 실적`);
  // The half-year's 집행 over every source, as corrected: summed here from the test's own input.
  const halfYearExecuted = (grids: typeof unit.executed) =>
    Object.values(grids).reduce((acc, grid) => acc + (grid?.['2019-H1'] ?? 0), 0);
  const executed2019H1 = halfYearExecuted(unit.executed);
  await expect(view).toContainText(executed2019H1.toLocaleString('ko-KR'));
  await expect(view).toContainText((unit.executed.city?.['2019-H1'] ?? 0).toLocaleString('ko-KR'));
  await expect(view.getByTestId('print-notice')).toContainText('여기서 고칠 수 없습니다');
  await expect(page).toHaveTitle(`공약관리카드 4-2-4 2019년 상반기 ${DEPT_A}`);
  const pages = await printedPages(page, 'received-card.pdf');
  expect(pages[0]?.size).toEqual([595, 842]);
  expect(pages.map((p) => p.text).join('')).toContain(`${unit.name}1단계실적`.replace(/\s+/g, ''));
  await page.keyboard.press('Escape');

  // The card A sent first stays as its history: one earlier revision, with the 집행 as first reported.
  const earlier = row('managementCard').getByTestId('received-earlier').getByRole('button');
  await expect(earlier).toHaveCount(1);
  await earlier.click();
  await expect(view.getByTestId('print-notice')).toContainText(`제출 파일 r${correction}`);
  // Its 시비 집행 of the half-year as first sent, not the corrected one; its half-year total as first sent.
  const cityAt = (grids: typeof unit.executed) => (grids.city?.['2019-H1'] ?? 0).toLocaleString('ko-KR');
  await expect(view).toContainText(cityAt(before));
  await expect(view).not.toContainText(cityAt(unit.executed));
  await expect(view).toContainText(halfYearExecuted(before).toLocaleString('ko-KR'));
  await page.keyboard.press('Escape');
  await expect(row('executionPlan').getByTestId('received-earlier')).toHaveText('—');

  await row('financeRow')
    .getByRole('button', { name: /보기·인쇄$/ })
    .click();
  const secured = changed.secured;
  const securedTotal = Object.values(secured).reduce<number>((acc, v) => acc + (v ?? 0), 0);
  await expect(view.getByTestId('print-secured-total')).toHaveText(
    `${securedTotal.toLocaleString('ko-KR')} 백만원`,
  );
  await expectAccessible(page, '받은 문서 보기');
  await page.keyboard.press('Escape');

  // From 종합 현황: a lagging project's 관리번호 leads to its page in 공약 목록, the keyboard on its title.
  const office = new OfficeReportPage(page);
  await page.getByRole('button', { name: '종합 현황' }).click();
  await office.tab('lagging');
  const lagging = projects.find((p) => p.status === 'partial')!;
  await page.getByRole('button', { name: `${lagging.projectId} 받은 문서 보기 (공약 목록)` }).click();
  const title = page.getByTestId('project-detail').locator('h2');
  await expect(title).toContainText(lagging.projectId);
  await expect(title).toBeFocused();
  await expect(received.locator('tr[data-kind="managementCard"]')).toHaveCount(1);
  await received
    .locator('tr[data-kind="managementCard"]')
    .getByRole('button', { name: /보기·인쇄$/ })
    .click();
  await expect(view.getByTestId('print-status')).toHaveText('일부추진');
});
