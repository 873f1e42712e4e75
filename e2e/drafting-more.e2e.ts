import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addPlanUnitProject, emptyChangeRequest, emptyExecutionPlan } from '../domain/documents';
import { removeServerFolders, startAppServer } from './app-server';
import { catalog, term } from './catalog-data';
import { expect, test } from './fixtures';
import { DraftingPage } from './pages/drafting-page';
import { SubmissionPage } from './pages/submission-page';

const department = '경제진흥본부';
const projectId = '1-1-1';
const projectName = catalog.projects.find((p) => p.id === projectId)?.name ?? '';

const GOAL = '○ 2022.6월까지 입주기업 누적 150개사 육성';

/** 1-1-1's plan with every required field: it can be marked 제출. */
function completePlan() {
  const plan = { ...emptyExecutionPlan(projectId, department, projectName), policyGoal: GOAL };
  plan.leadContacts[0] = { position: 'chief', unit: '투자창업과', name: '김도현', phone: '02-2133-5000' };
  plan.totalCost = { kind: 'nonBudget' };
  plan.newOrContinuing = 'new';
  plan.completionTiming = 'withinTerm';
  plan.projectPeriod = { from: '2018-07', to: '2022-06' };
  plan.unitProjects[0] = {
    ...plan.unitProjects[0]!,
    name: '핀테크랩 운영',
    detailedPlan: '- 입주공간 지원',
    schedule: { '2019-H1': '입주기업 선발' },
  };
  return plan;
}

test('a change request takes 당초 from the confirmed plan (read-only), autosaves and is submitted', async ({
  page,
  app,
}) => {
  const d = new DraftingPage(page);
  await d.start(app.url, department);
  await expect(page.getByTestId('deadline-panel')).toBeVisible();
  await page.screenshot({ path: 'test-results/drafting-desk.png' });

  // A confirmed plan, set up through the API: the plan form itself is covered by drafting.e2e.ts.
  const plan = completePlan();
  const goal = plan.policyGoal;
  const ref = { kind: 'executionPlan', projectId, slot: 'plan' };
  const saved = await d.callApi<{ version: number }>('saveDraft', {
    ...ref,
    json: plan,
    expectedVersion: null,
  });
  expect(saved.ok, saved.error?.message).toBe(true);
  const submitted = await d.callApi('submitDocument', { ...ref, expectedVersion: saved.value?.version });
  expect(submitted.ok, submitted.error?.message).toBe(true);
  expect((await d.confirmThroughApi(ref, department)).ok).toBe(true);

  await d.reopen();
  await page.getByRole('button', { name: `${projectId} 새 조정 요청서` }).click();
  await expect(page.locator('.editor-bar h2')).toContainText('공약 조정 요청서');
  await expect(page.getByTestId('change-original-0')).toContainText(goal);
  await expect(page.getByRole('textbox', { name: '변경 1 당초' })).toHaveCount(0);
  await d.field('담당자 이름').fill('박지훈');
  await d.field('담당자 전화').fill('02-2133-5011');
  // The heading names what the request changes: the 구분 of its one row so far.
  await expect(page.getByTestId('request-subject')).toHaveText('공약내용 (최종목표 등) 변경');
  await d.field('변경 1 변경안').fill('○ 2022.6월까지 입주기업 누적 120개사 육성');
  await d.field('변경 요구사유').fill('입주공간 공사 지연');
  await d.waitSaved();
  await page.screenshot({ path: 'test-results/drafting-request.png', fullPage: true });
  await d.submit();
  await expect(page.getByTestId('submit-message')).toHaveText(
    "제출 표시했습니다. 아직 보내지 않았습니다: '제출 파일' 메뉴에서 제출 파일을 만들어 기획담당관에게 보내세요.",
  );
  await expect(d.statusBadge).toHaveText('제출');
  // A change after 제출 makes it a draft again, and says so; 제출 again marks it.
  await d.field('변경 요구사유').fill('입주공간 공사 지연 (2019.6월 준공 예정)');
  await d.waitSaved();
  await expect(page.getByTestId('submit-message')).toHaveText(
    "제출 표시한 문서를 고쳐 작성중으로 돌아갔습니다. 다 고친 뒤 다시 '제출'을 누르고, 제출 파일을 다시 만들어 보내세요.",
  );
  await expect(d.statusBadge).toHaveText('작성중');
  await d.submit();
  await expect(d.statusBadge).toHaveText('제출');

  await d.back();
  const row = page.locator(`[data-project-id="${projectId}"]`);
  await expect(row).toContainText('(제출)');
  // Named by what it changes (the 구분 of its one row) and when it was started, not by the app's internal number.
  await expect(row).toContainText(
    /공약내용 \(최종목표 등\) 변경 · \d{4}-\d\d-\d\d \d\d:\d\d 작성 시작 \(제출\)/,
  );
  await expect(row).not.toContainText(/cr-\d{13}/);

  // A request opened and left untouched is not kept; one given up after typing is deleted with 삭제.
  const newRequest = page.getByRole('button', { name: `${projectId} 새 조정 요청서` });
  await newRequest.click();
  await expect(page.locator('.editor-bar h2')).toContainText('공약 조정 요청서');
  await d.back();
  await expect(row).not.toContainText('(작성중)');
  await newRequest.click();
  await d.field('변경 요구사유').fill('다시 생각해 보니 필요 없음');
  await d.waitSaved();
  await d.back();
  await expect(row).toContainText('(작성중)');
  // Two requests with long names still fit the desk on a 1024-pixel screen: the names wrap, nothing is cut off.
  await page.setViewportSize({ width: 1024, height: 768 });
  const fits = await page.getByTestId('desk-projects').evaluate((table) => {
    const box = table.parentElement as HTMLElement;
    return table.getBoundingClientRect().right <= box.getBoundingClientRect().right + 1;
  });
  expect(fits).toBe(true);
  await page.setViewportSize({ width: 1366, height: 900 });
  // Before a file is made, its preview marks the draft as staying behind, and only it.
  await new SubmissionPage(page).openAsDepartment();
  await page.getByLabel('제출 기간').selectOption('2019-H1');
  const requestTags = page.getByTestId('export-doc-tag').filter({ hasText: '조정 요청서' });
  await expect(requestTags).toHaveCount(2);
  await expect(requestTags.filter({ hasText: '작성 중, 보내지 않음' })).toHaveCount(1);
  await expect(page.getByTestId('export-held-hint')).toBeVisible();
  await d.openDesk();
  await row.getByRole('button', { name: /작성 시작 \(작성중\)/ }).click();
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: '삭제', exact: true }).click();
  await expect(page.getByTestId('desk-projects')).toBeVisible();
  await expect(row).not.toContainText('(작성중)');
  await expect(row).toContainText('(제출)');
  // The submitted one offers no 삭제.
  await row.getByRole('button', { name: /\(제출\)/ }).click();
  await expect(page.locator('.editor-bar h2')).toContainText('공약 조정 요청서');
  await expect(page.getByRole('button', { name: '삭제', exact: true })).toHaveCount(0);
});

test('제출 파일 만들기: a half-year whose only documents are requests not yet requested offers nothing, and says why, not as errors', async ({
  page,
  app,
}) => {
  const d = new DraftingPage(page);
  await d.start(app.url, department);
  // Two 조정 요청서 being written (never 제출'd), saved through the API: nothing else for 2019-H2.
  // Named as the desk names them: "cr-" and the moment each was started (09:05 and 09:06 in Korea).
  for (const [slot, category] of [
    ['cr-1562544300000', '사업기간'],
    ['cr-1562544360000', '총사업비'],
  ] as const) {
    const saved = await d.callApi('saveDraft', {
      kind: 'changeRequest',
      projectId,
      slot,
      json: {
        ...emptyChangeRequest(slot, projectId, department, projectName),
        contact: { position: 'officer', unit: '투자창업과', name: '김도현', phone: '02-2133-5000' },
        rows: [{ category, original: '당초', proposed: '변경' }],
        reason: '사업 여건 변화',
      },
      expectedVersion: null,
    });
    expect(saved.ok, saved.error?.message).toBe(true);
  }
  const s = new SubmissionPage(page);
  await s.openAsDepartment();
  await page.getByLabel('제출 기간').selectOption('2019-H2');
  // Not offered as a project to send (no "보낼 공약사업 (1/1)"), and the reason is said.
  await expect(page.getByTestId('export-no-documents')).toHaveText(
    '2019년 하반기에 보낼 수 있는 문서가 없습니다: 아직 요청하지 않은 조정 요청서뿐입니다.',
  );
  await expect(page.locator('.export-projects')).toHaveCount(0);
  await expect(page.getByTestId('export-held-hint')).toContainText(
    `요청하지 않은 조정 요청서만 있는 사업: ${projectId}.`,
  );
  // Made anyway: no file, and the two requests are listed as left out by choice, not as errors to fix.
  await s.exportBundle('2019-H2');
  const nothing = page.getByTestId('export-nothing');
  await expect(nothing).toContainText('2019년 하반기에 보낼 수 있는 문서가 없습니다.');
  await expect(nothing).toContainText('아직 요청하지 않은 조정 요청서 2건은 넣지 않습니다');
  await expect(page.getByTestId('export-refused')).toHaveCount(0);
  const unrequested = page.getByTestId('export-unrequested');
  await expect(unrequested.locator('li')).toHaveText([
    `${projectId} ${projectName} 공약 조정 요청서 (사업기간 변경 · 2019-07-08 09:05 작성 시작)`,
    `${projectId} ${projectName} 공약 조정 요청서 (총사업비 변경 · 2019-07-08 09:06 작성 시작)`,
  ]);
});

test.describe('on a PC set to another time zone', () => {
  test.use({ timezoneId: 'America/New_York' });

  test("a new change request is named by the program's clock (PLEDGE_NOW), in Korea's time", async ({
    page,
  }) => {
    // A training session replaying 2019 상반기: 2019-07-08 09:05 in Korea, still 7 July 20:05 in New York.
    const root = mkdtempSync(join(tmpdir(), 'pledge-e2e-'));
    const server = await startAppServer({
      root,
      dataDir: join(root, 'data'),
      profileDir: join(root, 'profile'),
      now: '2019-07-08T00:05:00Z',
    });
    try {
      const d = new DraftingPage(page);
      await d.start(server.url, department);
      await page.getByRole('button', { name: `${projectId} 새 조정 요청서` }).click();
      // The program's clock runs on from PLEDGE_NOW: a few seconds have passed on it, not the PC's years.
      const started = /2019-07-08 09:0\d 작성 시작/;
      await expect(page.locator('.editor-bar h2')).toContainText('공약 조정 요청서');
      await expect(page.locator('.editor-bar h2')).toContainText(started);
      await d.field('변경 요구사유').fill('교육용 재연');
      await d.waitSaved();
      // "저장됨" is the time the program stored it, by its clock in Korea's time (here 20:05 on the PC's own).
      await expect(d.saveIndicator).toHaveText(/^저장됨 09:0\d:\d\d$/);
      await d.back();
      const request = page
        .locator(`[data-project-id="${projectId}"]`)
        .getByRole('button', { name: /작성 시작 \(작성중\)/ });
      await expect(request).toHaveText(/2019-07-08 09:0\d 작성 시작 \(작성중\)$/);
    } finally {
      await server.stop();
      removeServerFolders(server);
    }
  });
});

test('steady typing with no pause is saved every few seconds, not only after the typing stops', async ({
  page,
  app,
}) => {
  const d = new DraftingPage(page);
  await d.start(app.url, department);
  await d.openPlan(projectId);
  const goal = d.field('정책목표 (추후 임의변경불가)');
  await goal.click();
  // About 9 s of typing, a key every 110 ms: never the 0.8 s pause the autosave otherwise waits for.
  const text =
    '○ 2022년 6월까지 핀테크 입주기업 누적 150개사를 육성하고 투자 유치 500억원을 달성한다 (중간 목표 포함)';
  await page.keyboard.type(text, { delay: 110 });
  // Read from the server at once, before the pause after the last key could have saved it: what is stored is a
  // good part of what was typed (saved at least every 3 s), not nothing.
  const stored = await d.callApi<{ document: { policyGoal: string } }>('openDocument', {
    kind: 'executionPlan',
    projectId,
    slot: 'plan',
  });
  const saved = stored.value?.document.policyGoal ?? '';
  expect(text.startsWith(saved)).toBe(true);
  expect(saved.length).toBeGreaterThan(text.length / 3);
  await d.waitSaved();
});

test('typed while the program was down, saved by itself once it is back on its address (new token), no reload', async ({
  page,
  app,
}) => {
  const d = new DraftingPage(page);
  await d.start(app.url, department);
  await d.openPlan(projectId);
  const goal = d.field('정책목표 (추후 임의변경불가)');
  await goal.fill('○ 입주기업 100개사');
  await d.waitSaved();

  await app.server.kill();
  const typed = '○ 2022.6월까지 입주기업 누적 150개사 육성 (서버가 멈춘 동안 입력)';
  await goal.fill(typed);
  await expect(d.saveIndicator).toContainText('저장하지 못했습니다');
  await expect(d.saveIndicator).toContainText('다시 실행되면 자동으로 저장합니다');

  // Started again by the person on the same address: a new per-run token, the page not reloaded, no key pressed.
  await app.restart({ samePort: true });
  await expect(d.saveIndicator).toHaveText(/^저장됨 \d\d:\d\d:\d\d$/, { timeout: 15_000 });
  const stored = await d.callApi<{ document: { policyGoal: string } }>('openDocument', {
    kind: 'executionPlan',
    projectId,
    slot: 'plan',
  });
  expect(stored.value?.document.policyGoal).toBe(typed);

  // What was typed after the restart is saved as usual, and all of it is there after a reload.
  await goal.press('End');
  await page.keyboard.type(' 추가');
  await d.waitSaved();
  await d.reopen();
  await d.openPlan(projectId);
  await expect(goal).toHaveValue(`${typed} 추가`);
});

test('a plan with 10 unit projects: typing in the last unit keeps every key, and its totals follow', async ({
  page,
  app,
}) => {
  const d = new DraftingPage(page);
  await d.start(app.url, department);
  let plan = emptyExecutionPlan(projectId, department, projectName);
  let units = plan.unitProjects;
  while (units.length < 10) units = addPlanUnitProject(units);
  plan = {
    ...plan,
    unitProjects: units.map((u, i) => ({
      ...u,
      name: `단위사업 이름 ${i + 1}`,
      investmentNeeds: { ...u.investmentNeeds, city: { '2019': 100 * (i + 1), '2020': 50 } },
    })),
  };
  const saved = await d.callApi('saveDraft', {
    kind: 'executionPlan',
    projectId,
    slot: 'plan',
    json: plan,
    expectedVersion: null,
  });
  expect(saved.ok, saved.error?.message).toBe(true);
  await d.openPlan(projectId);
  await expect(page.getByTestId('unit-9')).toBeVisible();

  // Typed key by key at the keyboard's pace: every key lands, in order, in the 10th unit. How long a key takes is
  // not asserted here (a shared 2-core machine makes any bound flaky); it is attached to the test's report.
  const text = '연차별 세부 추진계획을 입력하는 중입니다 0123456789';
  const area = d.field('단위사업 10 세부 추진계획');
  await area.click();
  const started = Date.now();
  await page.keyboard.type(text);
  const perKeyMs = (Date.now() - started) / text.length;
  await expect(area).toHaveValue(text);
  test.info().annotations.push({ type: 'ms per key (10 units)', description: perKeyMs.toFixed(1) });
  // The other units' text is untouched.
  await expect(d.field('단위사업 1 세부 추진계획')).toHaveValue('');

  const cell = d.investmentCell(10, '시비', "'21");
  await cell.fill('12.5');
  // 10 units × (100·i + 50) in 2019/2020, plus the new cell.
  const expected =
    (Array.from({ length: 10 }, (_, i) => 100 * (i + 1) + 50).reduce((a, b) => a + b, 0) * 1000 + 12_500) /
    1000;
  await expect.poll(() => d.amount('plan-total')).toBe(expected);
  await d.waitSaved();
});

test('attachments: an allowed file is stored and listed with its size, a refused type gets a Korean message', async ({
  page,
  app,
}) => {
  const d = new DraftingPage(page);
  await d.start(app.url, department);
  await d.openPlan(projectId);
  const picker = d.field('사진·보도자료 첨부');
  // The chooser opens from a Korean button (the browser's own "Choose File" button is hidden).
  const chooser = page.locator('.attachment-picker', { hasText: '사진·보도자료 첨부' });
  await expect(chooser.getByRole('button', { name: '파일 선택…' })).toBeVisible();
  await expect(chooser).toContainText('선택한 파일 없음');
  const bytes = Buffer.from('설명회 사진 대신 쓰는 텍스트 파일', 'utf8');
  await picker.setInputFiles({ name: '설명회.txt', mimeType: 'text/plain', buffer: bytes });
  const item = page.getByTestId('attachment-item');
  await expect(item).toHaveCount(1);
  await expect(chooser).toContainText('설명회.txt');
  await expect(item).toContainText('설명회.txt');
  await expect(item).toContainText(`(${bytes.length} B)`);
  await d.waitSaved();

  await picker.setInputFiles({ name: 'movie.zip', mimeType: 'application/zip', buffer: Buffer.from('PK') });
  await expect(page.getByTestId('attachment-error')).toContainText(
    '첨부할 수 없는 파일 형식입니다: movie.zip',
  );
  await expect(item).toHaveCount(1);

  // Several chosen at once: each allowed one is attached in the order chosen, the refused one is named alone.
  const chosen = [
    { name: '공청회.txt', mimeType: 'text/plain', buffer: Buffer.from('공청회 자료', 'utf8') },
    { name: 'archive.zip', mimeType: 'application/zip', buffer: Buffer.from('PK') },
    { name: '자문회의.txt', mimeType: 'text/plain', buffer: Buffer.from('자문회의 자료', 'utf8') },
  ];
  await picker.setInputFiles(chosen);
  const allowed = chosen.filter((f) => f.name.endsWith('.txt')).map((f) => f.name);
  await expect(item).toHaveCount(1 + allowed.length);
  await expect(page.getByTestId('attachment-error')).toHaveText([
    '첨부할 수 없는 파일 형식입니다: archive.zip (사진 PNG·JPEG·GIF, PDF, 한글(HWP), 워드, 엑셀, 텍스트만 가능).',
  ]);
  await expect(chooser).toContainText(`공청회.txt 외 ${chosen.length - 1}개`);
  for (const [i, name] of ['설명회.txt', ...allowed].entries()) await expect(item.nth(i)).toContainText(name);
  await d.waitSaved();

  await d.reopen();
  await d.openPlan(projectId);
  await expect(page.getByTestId('attachment-item')).toHaveCount(1 + allowed.length);
  await expect(page.getByTestId('attachment-item').first()).toContainText('설명회.txt');
});

test('deleting a unit project asks first, naming it, and keeps the focus in the list', async ({
  page,
  app,
}) => {
  const d = new DraftingPage(page);
  await d.start(app.url, department);
  // Before its plan is confirmed, the card cannot be opened, and the desk says why in words, not a tooltip.
  const cardButton = page.getByRole('button', { name: `${projectId} 관리카드 열기` });
  await expect(cardButton).toBeDisabled();
  await expect(cardButton).toHaveAccessibleDescription('실천계획서 확정 뒤 작성');
  await expect(page.locator(`[data-project-id="${projectId}"]`)).toContainText('실천계획서 확정 뒤 작성');
  // …and how a plan becomes confirmed on this PC: through the office's 기준 자료, applied on 제출 파일.
  await expect(page.getByTestId('desk-plan-hint')).toContainText('‘제출 파일’ 화면의 ‘기준 자료 적용’에서');
  await d.openPlan(projectId);
  await d.field('단위사업 1 사업명').fill('첫째 사업');
  await page.getByRole('button', { name: '+ 단위사업 추가' }).click();
  await d.field('단위사업 2 사업명').fill('둘째 사업');
  await d.waitSaved();

  const messages: string[] = [];
  page.once('dialog', (dialog) => {
    messages.push(dialog.message());
    void dialog.dismiss();
  });
  await page.getByRole('button', { name: '단위사업 2 삭제' }).click();
  await expect.poll(() => messages.length).toBe(1);
  expect(messages[0]).toBe(
    "단위사업 2 '둘째 사업'을 삭제할까요? 사업명, 세부 추진계획, 추진계획과 투자수요 금액이 모두 지워집니다.",
  );
  await expect(d.field('단위사업 2 사업명')).toHaveValue('둘째 사업');

  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: '단위사업 2 삭제' }).click();
  await expect(d.field('단위사업 2 사업명')).toHaveCount(0);
  await expect(page.getByTestId('unit-0').locator('h4')).toBeFocused();
  await d.waitSaved();
});

test('the night before the 실천계획서 deadline the desk counts the plans, not the cards that wait for them', async ({
  page,
}) => {
  const root = mkdtempSync(join(tmpdir(), 'pledge-e2e-'));
  const dayBefore = new Date(Date.parse(`${term.planDueDate}T00:00:00Z`) - 86_400_000)
    .toISOString()
    .slice(0, 10);
  // 21:00 in Korea, the evening before the due date.
  const server = await startAppServer({
    root,
    dataDir: join(root, 'data'),
    profileDir: join(root, 'profile'),
    now: `${dayBefore}T12:00:00Z`,
  });
  try {
    const d = new DraftingPage(page);
    await d.start(server.url, department);
    const leads = catalog.projects.filter((p) => p.leadDepartment === department);
    const coProjects = catalog.projects.filter((p) => p.coDepartments.includes(department));
    expect(leads.length).toBeGreaterThan(1);
    const plan = page.getByTestId('plan-deadline');
    await expect(plan).toContainText(`실천계획서 제출 기한 ${term.planDueDate}`);
    await expect(page.getByTestId('plan-dday')).toHaveText('D-1');
    await expect(page.getByTestId('plan-dday')).toHaveClass(/dday-soon/);
    await expect(page.getByTestId('plan-to-write')).toHaveText(String(leads.length));
    await expect(page.getByTestId('plan-last-sent')).toContainText('아직 만들지 않음');
    // The half-year's cards wait for the confirmed plans: not counted as owed, and said so; only the
    // co-departments' 재정집행현황 are. Its file, months before its due date, is no warning yet.
    await expect(page.getByTestId('lacking-count')).toHaveText(String(coProjects.length));
    await expect(page.getByTestId('lacking-waits')).toHaveText(
      ` (실천계획서 확정 전 ${leads.length}건 제외)`,
    );
    await expect(page.getByTestId('last-sent').locator('strong')).not.toHaveClass(/sent-missing/);
    // The plan line comes first, above the half-year's.
    const [planTop, periodTop] = await Promise.all([
      plan.evaluate((el) => el.getBoundingClientRect().top),
      page.getByTestId('dday').evaluate((el) => el.getBoundingClientRect().top),
    ]);
    expect(planTop).toBeLessThan(periodTop);
    await page.screenshot({ path: 'test-results/desk-plan-deadline.png' });
  } finally {
    await server.stop();
    removeServerFolders(server);
  }
});

test('the day after a half-year’s due date the desk leads with what that half-year still owes, and shows it on request', async ({
  page,
}) => {
  const root = mkdtempSync(join(tmpdir(), 'pledge-e2e-'));
  // 09:30 in Korea on 2019-07-16, the day after 2019 상반기's due date.
  const server = await startAppServer({
    root,
    dataDir: join(root, 'data'),
    profileDir: join(root, 'profile'),
    now: '2019-07-16T00:30:00Z',
  });
  try {
    const d = new DraftingPage(page);
    await d.start(server.url, department);
    // 1-1-1's plan confirmed (through the API): its card and 재정집행현황 are owed, as every co-department's row.
    const ref = { kind: 'executionPlan', projectId, slot: 'plan' };
    const saved = await d.callApi<{ version: number }>('saveDraft', {
      ...ref,
      json: completePlan(),
      expectedVersion: null,
    });
    expect(saved.ok, saved.error?.message).toBe(true);
    expect((await d.callApi('submitDocument', { ...ref, expectedVersion: saved.value?.version })).ok).toBe(
      true,
    );
    expect((await d.confirmThroughApi(ref, department)).ok).toBe(true);
    await d.reopen();
    const coProjects = catalog.projects.filter((p) => p.coDepartments.includes(department));
    const overdue = page.getByTestId('overdue-deadline');
    await expect(overdue).toContainText(
      '지난 보고 2019년 상반기 관리카드·재정집행현황 · 제출 기한 2019-07-15 D+1',
    );
    await expect(page.getByTestId('overdue-owed')).toHaveText(
      `미작성·작성중·오류 ${coProjects.length + 1}건`,
    );
    // The desk itself has moved on to the half-year due next.
    await expect(page.getByTestId('deadline-panel')).toContainText('이번 보고 2019년 하반기');
    const periodSelect = page.getByRole('combobox', { name: '보고 반기' });
    await expect(periodSelect).toHaveValue('2019-H2');
    await overdue.getByRole('button', { name: '2019년 상반기 문서 보기' }).click();
    await expect(periodSelect).toHaveValue('2019-H1');
    await expect(periodSelect).toBeFocused();
    // The overdue line comes first in the panel.
    const [overdueTop, periodTop] = await Promise.all([
      overdue.evaluate((el) => el.getBoundingClientRect().top),
      page.getByTestId('dday').evaluate((el) => el.getBoundingClientRect().top),
    ]);
    expect(overdueTop).toBeLessThan(periodTop);
    await page.screenshot({ path: 'test-results/desk-overdue.png' });
  } finally {
    await server.stop();
    removeServerFolders(server);
  }
});

test('제출 pressed far down a long form answers in the sticky bar, in sight, not at the page’s top', async ({
  page,
  app,
}) => {
  const d = new DraftingPage(page);
  await page.setViewportSize({ width: 1366, height: 768 });
  await d.start(app.url, department);
  const saved = await d.callApi('saveDraft', {
    kind: 'executionPlan',
    projectId,
    slot: 'plan',
    json: completePlan(),
    expectedVersion: null,
  });
  expect(saved.ok, saved.error?.message).toBe(true);
  await d.reopen();
  await d.openPlan(projectId);
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  const scrolled = await page.evaluate(() => window.scrollY);
  expect(scrolled).toBeGreaterThan(768);
  await page.locator('.editor-bar').getByRole('button', { name: '제출', exact: true }).click();
  // Marked: the answer (marked, not yet sent — make the 제출 파일) is in sight where the button was pressed.
  const message = page.getByTestId('submit-message');
  await expect(message).toContainText('아직 보내지 않았습니다');
  await expect(message).toBeInViewport();
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(768);
});
