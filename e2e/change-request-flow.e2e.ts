import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { writeBundle } from '../main/bundles';
import { DraftingPage } from './pages/drafting-page';
import { OfficeReportPage } from './pages/office-report-page';
import { DEPT_A, projectsOf } from './support/office-data';
import { OfficeScenario, planJson, pledge } from './support/office-scenario';
import { startOfficeServer, type OfficeServer } from './support/office-server';
import { expectAccessible } from './support/axe';

// A change request from the department's form to the office's decision and back, as two people would do it:
// nothing is injected into the request; each side's program runs on its own data folder and clock.

const PROJECT = '4-3-3';
const CLOCK = {
  setup: '2019-01-05T10:00:00+09:00',
  plans: '2019-01-10T10:00:00+09:00',
  confirmed: '2019-01-20T10:00:00+09:00',
  /** 08:30 on July 1 in Korea (still June 30 in UTC): the day the department submits its request. */
  requested: '2019-07-01T08:30:00+09:00',
  sent: '2019-07-02T10:00:00+09:00',
  imported: '2019-07-03T10:00:00+09:00',
  office: '2019-07-20T10:00:00+09:00',
  /** The department's old plan, sent again after the approval. */
  resent: '2019-07-20T15:00:00+09:00',
  baseline: '2019-07-21T10:00:00+09:00',
};

let root = '';
let server: OfficeServer | null = null;

test.beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'pledge-change-e2e-'));
});

test.afterEach(async () => {
  await server?.stop();
  server = null;
  rmSync(root, { recursive: true, force: true });
});

test('a request written and submitted in the department’s form is reviewed and approved by the office, and the approval reaches the plan, the change list and the department', async ({
  page,
}) => {
  test.setTimeout(180_000);
  // The department's plan, confirmed by the office and sent back in a baseline package.
  const scenario = new OfficeScenario(root);
  scenario.setupOffice(CLOCK.setup);
  const desk = scenario.enrollDepartment(DEPT_A, CLOCK.setup);
  const project = projectsOf().find((p) => p.projectId === PROJECT)!;
  const plan = planJson(project);
  scenario.draft(desk, plan, CLOCK.plans);
  scenario.importBundles([scenario.exportBundle(desk, 'plan', CLOCK.plans).path], CLOCK.confirmed);
  pledge(['plans', '--data', scenario.officeDir, '--confirm', 'all'], CLOCK.confirmed);
  const officeKey = join(root, 'office.pledgekey.json');
  pledge(['keys', 'export', '--data', scenario.officeDir, '--out', officeKey], CLOCK.confirmed);
  pledge(['keys', 'import', '--data', desk.dataDir, officeKey], CLOCK.confirmed);
  const firstBaseline = join(root, 'baseline-r1.pledge');
  pledge(['baseline', 'export', '--data', scenario.officeDir, '--out', firstBaseline], CLOCK.confirmed);
  pledge(['baseline', 'apply', firstBaseline, '--data', desk.dataDir], CLOCK.confirmed);

  // The department writes its request in the form and submits it.
  server = await startOfficeServer({
    dataDir: desk.dataDir,
    profileDir: join(root, 'dept-profile'),
    now: CLOCK.requested,
  });
  const dept = new DraftingPage(page);
  await dept.reopen(server.url);
  await page.getByRole('button', { name: `${PROJECT} 새 조정 요청서` }).click();
  await expect(page.locator('.editor-bar h2')).toContainText('공약 조정 요청서');
  const proposedGoal = `${String(plan.policyGoal)} 및 시민 대피훈련 연 2회`;
  await dept.field('담당자 소속 과·팀').fill('재난대응과');
  await dept.field('담당자 이름').fill('박주무관');
  await dept.field('담당자 전화').fill('02-2133-1002');
  await dept.field('변경 1 변경안').fill(proposedGoal);
  // A 사업기간 the approval writes into the plan, as the form's 사업기간 boxes read it.
  await page.getByRole('button', { name: '+ 변경 항목 추가' }).click();
  await dept.field('변경 2 구분').fill('사업기간');
  await expect(dept.field('변경 2 당초')).toHaveValue('2018년 7월 ~ 2022년 6월');
  await dept.field('변경 2 변경안').fill('2018.7 ~ 23년 6월');
  // A 총사업비 that cannot be read as 백만원, and a 기타 row: recorded, not applied.
  const unreadableCost = '약 120억 원 (증액)';
  await page.getByRole('button', { name: '+ 변경 항목 추가' }).click();
  await dept.field('변경 3 구분').fill('총사업비');
  await dept.field('변경 3 변경안').fill(unreadableCost);
  await page.getByRole('button', { name: '+ 변경 항목 추가' }).click();
  await dept.field('변경 4 구분').fill('기타');
  await dept.field('변경 4 당초').fill('시민 대피훈련 없음');
  await dept.field('변경 4 변경안').fill('시민 대피훈련 추가');
  await dept.field('변경 요구사유').fill('시민 참여 확대 요구');
  await dept.waitSaved();
  await dept.submit();
  await expect(page.getByRole('status').filter({ hasText: '제출 표시했습니다' })).toBeVisible();
  // 처리 이력 shows the 요청 step the server recorded, dated by the program's clock in Korea, without reopening.
  await expect(page.getByTestId('decision-steps')).toContainText(`${CLOCK.requested.slice(0, 10)} 요청`);
  await server.stop();
  server = null;

  const bundle = scenario.exportBundle(desk, '2019-H1', CLOCK.sent);
  scenario.importBundles([bundle.path], CLOCK.imported);

  // The office reviews it, then records the citizens' panel's approval.
  server = await startOfficeServer({
    dataDir: scenario.officeDir,
    profileDir: join(root, 'office-profile'),
    now: CLOCK.office,
  });
  const office = new OfficeReportPage(page);
  await office.open(server.url);
  await office.tab('changes');
  const item = page.locator('li.decision-item[data-testid^="change-pending-cr-"]');
  await expect(item).toHaveCount(1);
  // Requested on the day of the department's program clock, in Korea.
  await expect(item.getByRole('heading')).toContainText(`(요청일 ${CLOCK.requested.slice(0, 10)})`);
  const choice = item.getByRole('combobox', { name: '결정' });
  await expect(choice.locator('option')).toHaveText(['총괄부서 검토중', '반려']);
  await item.getByRole('textbox', { name: '결정한 사람(기관)' }).fill('기획담당관');
  await item.getByRole('button', { name: '기록' }).click();
  await expect(item).toContainText("'총괄부서 검토중'으로 기록했습니다.");
  await expect(choice.locator('option:checked')).toHaveText('고르세요');
  await choice.selectOption({ label: '승인(시민공약평가단 심의)' });
  await expect(item.getByTestId(/-preview$/)).toContainText(
    `정책목표: ‘${String(plan.policyGoal)}’ → ‘${proposedGoal}’`,
  );
  await expect(item.getByTestId(/-preview-lead$/)).toContainText(
    '지금 진행 중인 반기부터의 관리카드는 바뀐 내용과, 이미 끝난 반기의 관리카드는 그때의 계획과 비교합니다',
  );
  await expectAccessible(page, '조정 내역 (승인 미리보기)');
  await expect(item.getByTestId(/-preview$/)).toContainText(
    '사업기간: ‘2018년 7월 ~ 2022년 6월’ → ‘2018년 7월 ~ 2023년 6월’',
  );
  // The rows it does not apply are named beside what it rewrites, with why, before and after the approval.
  const unreadable = `변경 3 (총사업비) '${unreadableCost}': 백만원 단위 금액으로 읽을 수 없습니다`;
  await expect(item.getByTestId(/-unreadable$/)).toContainText(unreadable);
  const notApplied = '기타는 확정된 실천계획서에 자동으로 반영되지 않고 조정 내역에만 기록됩니다';
  await expect(item.getByTestId(/-not-applied$/)).toContainText(notApplied);
  await item.getByRole('textbox', { name: '결정한 사람(기관)' }).fill('시민공약평가단');
  await item.getByRole('button', { name: '기록' }).click();
  const question = item.getByRole('alertdialog');
  await expect(question).toContainText('확정된 실천계획서의 정책목표·사업기간이 바뀌고');
  await question.getByRole('button', { name: '승인(시민공약평가단 심의)으로 기록' }).click();
  await expect(office.cell('change-outcome')).toContainText(
    '확정된 실천계획서의 정책목표·사업기간을 바꿨습니다',
  );
  await expect(office.cell('change-outcome')).toContainText(unreadable);
  await expect(office.cell('change-outcome')).toContainText(notApplied);
  await expect(item).toHaveCount(0);
  await expect(office.cell('changes-approved-table')).toContainText(proposedGoal);
  await server.stop();
  server = null;

  // The department sends its old plan again (an older copy, with the old 정책목표 and 사업기간): 실천계획 확정
  // marks what differs from the approval, and confirming it keeps what the citizens' panel approved.
  const keyFile = readdirSync(join(desk.dataDir, 'keys')).find((f) => f.endsWith('.key'))!;
  const units = plan.unitProjects as { name: string; detailedPlan: string }[];
  const resent = {
    ...plan,
    unitProjects: units.map((u, i) => (i === 0 ? { ...u, detailedPlan: `${u.detailedPlan} (보완)` } : u)),
  };
  const resentBundle = await writeBundle({
    manifestFields: {
      type: 'pledge-submission',
      appVersion: '0.1.0',
      department: DEPT_A,
      period: 'plan',
      createdAt: CLOCK.resent,
      revision: bundle.revision + 1,
      previousBundleSha256: createHash('sha256').update(readFileSync(bundle.path)).digest('hex'),
    },
    documents: [{ path: `documents/plan-${PROJECT}-plan.json`, json: resent }],
    attachments: [],
    privateKeyPem: readFileSync(join(desk.dataDir, 'keys', keyFile), 'utf8'),
  });
  const resentPath = join(root, 'resent-plan.pledge');
  writeFileSync(resentPath, resentBundle);
  scenario.importBundles([resentPath], CLOCK.resent);
  server = await startOfficeServer({
    dataDir: scenario.officeDir,
    profileDir: join(root, 'office-profile'),
    now: CLOCK.resent,
  });
  await office.open(server.url);
  await office.tab('plans');
  await expect(office.cell(`plan-${PROJECT}-state`)).toHaveAttribute('data-value', 'newerReceived');
  const kept = office.cell(`plan-${PROJECT}-approved-kept`);
  await expect(kept).toContainText(
    `정책목표: 받은 계획서 '${String(plan.policyGoal)}', 승인 '${proposedGoal}'`,
  );
  await expect(kept).toContainText(
    "사업기간: 받은 계획서 '2018년 7월 ~ 2022년 6월', 승인 '2018년 7월 ~ 2023년 6월'",
  );
  // Its 세부 추진계획 "(보완)" rewrites a frozen item (추후 임의변경불가) no approval covers: named beside the row
  // and in the question, for the office to check before confirming.
  await expect(office.cell(`plan-${PROJECT}-frozen-changed`)).toHaveText(
    `확정하면 바뀌는 확정 항목(추후 임의변경불가): 단위사업 '${units[0]!.name}'의 세부 추진계획. 시민공약평가단이 승인한 공약 조정 없이 바꾸는 것이 아닌지 확인하세요.`,
  );
  await page.getByRole('checkbox', { name: `${PROJECT} 확정 선택` }).check();
  await page.getByTestId('plan-confirm-selected').click();
  await expect(page.getByTestId('plan-confirm-frozen')).toContainText(
    `${PROJECT}의 받은 계획서는 확정된 계획서의 확정 항목(추후 임의변경불가)을 바꿉니다`,
  );
  await expect(page.getByRole('alertdialog')).toContainText(
    `${PROJECT}의 받은 계획서는 시민공약평가단이 승인한 변경과 다릅니다: 확정해도 승인된 내용(정책목표·사업기간)은 그대로 두고`,
  );
  await page.getByTestId('plan-confirm-yes').click();
  await expect(page.getByTestId('plan-outcome')).toContainText(
    `받은 계획서와 달라도 시민공약평가단이 승인한 변경은 그대로 두었습니다: ${PROJECT}의 정책목표·사업기간.`,
  );
  await page.getByTestId('plan-filter').selectOption('confirmed');
  await expect(office.cell(`plan-${PROJECT}-state`)).toHaveAttribute('data-value', 'confirmed');
  await server.stop();
  server = null;

  // The public change list, and the department's copy after the next baseline package.
  const published = join(root, 'public');
  pledge(
    ['publish', '--data', scenario.officeDir, '--period', '2019-H1', '--out', published],
    CLOCK.baseline,
  );
  expect(readFileSync(join(published, 'changes.csv'), 'utf8')).toContain(proposedGoal);
  const baseline = join(root, 'baseline-r2.pledge');
  pledge(['baseline', 'export', '--data', scenario.officeDir, '--out', baseline], CLOCK.baseline);
  pledge(['baseline', 'apply', baseline, '--data', desk.dataDir], CLOCK.baseline);
  const exported = join(root, 'dept-export');
  pledge(['draft', 'export', '--data', desk.dataDir, '--out', exported], CLOCK.baseline);
  const files = readdirSync(exported);
  const read = (prefix: string) =>
    JSON.parse(
      readFileSync(
        join(
          exported,
          files.find((f) => f.startsWith(prefix))!,
        ),
        'utf8',
      ),
    ) as Record<string, unknown>;
  const theirPlan = read(`plan-${PROJECT}`);
  expect(theirPlan.policyGoal).toBe(proposedGoal);
  expect(theirPlan.projectPeriod).toEqual({ from: '2018-07', to: '2023-06' });
  expect(theirPlan.totalCost).toEqual(plan.totalCost);
  // …and the rest of the plan sent again is what was confirmed.
  expect((theirPlan.unitProjects as { detailedPlan: string }[])[0]?.detailedPlan).toBe(
    resent.unitProjects[0]?.detailedPlan,
  );
  const decided = read(`change-${PROJECT}`) as { decisionHistory: { status: string; date: string }[] };
  expect(decided.decisionHistory.map((d) => [d.status, d.date])).toEqual([
    ['requested', CLOCK.requested.slice(0, 10)],
    ['reviewing', CLOCK.office.slice(0, 10)],
    ['approved', CLOCK.office.slice(0, 10)],
  ]);

  // On the department's desk, 2019-H1 ended before the approval: its card keeps the plan as confirmed then, as
  // the office holds it, and says what changed since; 2019-H2's card takes the plan as it is now.
  server = await startOfficeServer({
    dataDir: desk.dataDir,
    profileDir: join(root, 'dept-profile'),
    now: CLOCK.baseline,
  });
  await dept.reopen(server.url);
  await dept.openCard(PROJECT, '2019-H1');
  await expect(page.getByTestId('frozen-policy-goal')).toHaveText(String(plan.policyGoal));
  await expect(page.getByTestId('frozen-project-period')).toHaveText('2018-07 ~ 2022-06');
  await expect(page.getByTestId('earlier-plan-note')).toHaveText(
    `2019년 상반기 말에 효력이 있던 실천계획서를 따릅니다. 그 뒤 바뀐 정책목표, 사업기간, 단위사업 '${units[0]!.name}'의 세부 추진계획은 이후 반기의 관리카드에 적용됩니다.`,
  );
  await dept.back();
  await dept.openCard(PROJECT, '2019-H2');
  await expect(page.getByTestId('frozen-policy-goal')).toHaveText(proposedGoal);
  await expect(page.getByTestId('frozen-project-period')).toHaveText('2018-07 ~ 2023-06');
  await expect(page.getByTestId('earlier-plan-note')).toHaveCount(0);
});
