import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { Catalog } from '../domain/catalog/types';
import { CARD_STATUS_LABELS, FUNDING_SOURCE_LABELS } from '../domain/documents';
import { findPeriod } from '../domain/term/periods';
import { writeCatalogWorkbook } from '../main/catalog/catalog-workbook';
import { catalog, term } from './catalog-data';
import { DraftingPage } from './pages/drafting-page';
import { expectAccessible } from './support/axe';
import { DEPT_A, DEPT_B, projectsOf } from './support/office-data';
import { cardJson, OfficeScenario, planJson, pledge } from './support/office-scenario';
import { startOfficeServer, type OfficeServer } from './support/office-server';

// 조직개편: 4-3-3 moves from DEPT_A to DEPT_B after 2019-H1. The office records it in its list file and sends the
// next 기준 자료; DEPT_B's PC then has the project from 2019-H2 on, reads DEPT_A's confirmed plan and starts its
// first card from DEPT_A's last one. Each program runs on its own data folder and clock, through the real CLI.

const PROJECT = '4-3-3';
const CLOCK = {
  setup: '2019-01-05T10:00:00+09:00',
  plans: '2019-01-10T10:00:00+09:00',
  confirmed: '2019-01-20T10:00:00+09:00',
  cards: '2019-07-05T10:00:00+09:00',
  imported: '2019-07-10T10:00:00+09:00',
  moved: '2019-07-20T10:00:00+09:00',
  desk: '2019-07-25T09:00:00+09:00',
};

let root = '';
let server: OfficeServer | null = null;

test.beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'pledge-move-e2e-'));
});

test.afterEach(async () => {
  await server?.stop();
  server = null;
  rmSync(root, { recursive: true, force: true });
});

test('after a move the new lead’s desk has the project from its first half-year, on the first lead’s plan and last card', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const scenario = new OfficeScenario(root);
  scenario.setupOffice(CLOCK.setup);
  const former = scenario.enrollDepartment(DEPT_A, CLOCK.setup);
  const taker = scenario.enrollDepartment(DEPT_B, CLOCK.setup);
  const officeKey = join(root, 'office.pledgekey.json');
  pledge(['keys', 'export', '--data', scenario.officeDir, '--out', officeKey], CLOCK.setup);
  for (const desk of [former, taker])
    pledge(['keys', 'import', '--data', desk.dataDir, officeKey], CLOCK.setup);

  // DEPT_A's plan, confirmed and sent back; its 2019-H1 card received.
  const project = projectsOf().find((p) => p.projectId === PROJECT)!;
  const plan = planJson(project);
  scenario.draft(former, plan, CLOCK.plans);
  scenario.importBundles([scenario.exportBundle(former, 'plan', CLOCK.plans).path], CLOCK.confirmed);
  pledge(['plans', '--data', scenario.officeDir, '--confirm', 'all'], CLOCK.confirmed);
  const first = join(root, 'baseline-r1.pledge');
  pledge(['baseline', 'export', '--data', scenario.officeDir, '--out', first], CLOCK.confirmed);
  pledge(['baseline', 'apply', first, '--data', former.dataDir], CLOCK.confirmed);
  scenario.draft(former, cardJson(plan, project, '2019-H1'), CLOCK.cards);
  scenario.importBundles([scenario.exportBundle(former, '2019-H1', CLOCK.cards).path], CLOCK.imported);

  // The office's list file: 4-3-3's lead is DEPT_B, and the 부서 이관 sheet says DEPT_A had it through 2019-H1.
  const moved: Catalog = structuredClone(catalog);
  moved.version = '2019-07-20 조직개편';
  const entry = moved.projects.find((p) => p.id === PROJECT)!;
  entry.formerAssignments = [
    { through: '2019-H1', leadDepartment: entry.leadDepartment, coDepartments: [...entry.coDepartments] },
  ];
  entry.leadDepartment = DEPT_B;
  entry.coDepartments = entry.coDepartments.filter((d) => d !== DEPT_B);
  const listFile = join(root, '조직개편.xlsx');
  writeFileSync(listFile, writeCatalogWorkbook(moved, term));
  pledge(['catalog', '--data', scenario.officeDir, '--replace', listFile, '--yes'], CLOCK.moved);
  const second = join(root, 'baseline-r2.pledge');
  pledge(['baseline', 'export', '--data', scenario.officeDir, '--out', second], CLOCK.moved);
  expect(pledge(['baseline', 'apply', second, '--data', taker.dataDir], CLOCK.moved)).toContain(
    '인계 관리카드 1건',
  );

  server = await startOfficeServer({
    dataDir: taker.dataDir,
    profileDir: join(root, 'taker-profile'),
    now: CLOCK.desk,
  });
  const d = new DraftingPage(page);
  await d.reopen(server.url);
  const row = page.locator(`tr[data-project-id="${PROJECT}"]`);
  // 2019-H1 was DEPT_A's: not on DEPT_B's desk. From 2019-H2 it is, its plan confirmed (the first lead's).
  await d.choosePeriod('2019-H1');
  await expect(row).toHaveCount(0);
  await d.choosePeriod('2019-H2');
  await expect(row).toBeVisible();
  await expect(row.getByTestId('status-badge').first()).toContainText('확정');
  await expectAccessible(page, '문서 작성 (넘겨받은 사업)');

  // The plan reads only.
  await d.openPlan(PROJECT);
  await expect(page.locator('.editor-bar')).toContainText('확정');
  await expect(d.field('정책목표')).toHaveCount(0);
  await d.back();

  // The first card goes on from DEPT_A's: its 추진상황 and 집행, under DEPT_B, with the 담당자 left blank.
  await d.openCard(PROJECT, '2019-H2');
  await expect(
    page.getByRole('radio', { name: CARD_STATUS_LABELS[project.status], exact: true }),
  ).toBeChecked();
  const h1 = findPeriod(term, '2019-H1')!.shortLabel;
  await expect(d.executedCell(1, FUNDING_SOURCE_LABELS.city, h1)).toHaveValue(
    String(project.units[0]!.executed.city!['2019-H1']),
  );
  for (const i of [1, 2, 3]) await expect(d.field(`담당자 ${i} 이름`)).toHaveValue('');
  await expect(page.getByRole('group', { name: '기본 정보' })).toContainText(`주관부서${DEPT_B}`);
});
