import { emptyExecutionPlan } from '../domain/documents';
import { catalog } from './catalog-data';
import { expect, test } from './fixtures';
import { DraftingPage } from './pages/drafting-page';

/** How people type and paste into the forms: 구분 that fills 당초, amounts and year-months as written. */

const department = '경제진흥본부';
const projectId = '1-1-1';
const projectName = catalog.projects.find((p) => p.id === projectId)?.name ?? '';

/** A confirmed plan with 총사업비 12,000 백만원 and 사업기간 2018-07 ~ 2022-06, set up through the API. */
async function confirmPlan(d: DraftingPage): Promise<void> {
  const plan = {
    ...emptyExecutionPlan(projectId, department, projectName),
    policyGoal: '○ 입주기업 150개사',
  };
  plan.leadContacts[0] = { position: 'chief', unit: '투자창업과', name: '김도현', phone: '02-2133-5000' };
  plan.totalCost = { kind: 'amount', amount: 12000 };
  plan.fundingSources = ['city'];
  plan.newOrContinuing = 'new';
  plan.completionTiming = 'withinTerm';
  plan.projectPeriod = { from: '2018-07', to: '2022-06' };
  plan.unitProjects[0] = {
    ...plan.unitProjects[0]!,
    name: '핀테크랩 운영',
    detailedPlan: '- 입주공간 지원',
    schedule: { '2019-H1': '입주기업 선발' },
    investmentNeeds: { ...plan.unitProjects[0]!.investmentNeeds, city: { '2019': 12000 } },
  };
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
}

test('a change row added later takes 당초 from the confirmed plan once its 구분 is picked, and its errors name the row', async ({
  page,
  app,
}) => {
  const d = new DraftingPage(page);
  await d.start(app.url, department);
  await confirmPlan(d);
  await page.getByRole('button', { name: `${projectId} 새 조정 요청서` }).click();
  await expect(page.locator('.editor-bar h2')).toContainText('공약 조정 요청서');

  await page.getByRole('button', { name: '+ 변경 항목 추가' }).click();
  await d.field('변경 2 구분').fill('총사업비');
  await expect(d.field('변경 2 당초')).toHaveValue('12,000 백만원');
  // Another 구분: 당초 filled from the plan follows it.
  await d.field('변경 2 구분').fill('사업기간');
  await expect(d.field('변경 2 당초')).toHaveValue('2018년 7월 ~ 2022년 6월');
  // Text the person wrote in 당초 is never replaced by a change of 구분.
  await page.getByRole('button', { name: '+ 변경 항목 추가' }).click();
  await d.field('변경 3 당초').fill('직접 쓴 당초');
  await d.field('변경 3 구분').fill('총사업비');
  await expect(d.field('변경 3 당초')).toHaveValue('직접 쓴 당초');
  await d.waitSaved();

  // The rows' missing parts are listed with their row.
  const issues = page.getByTestId('issues-panel');
  await expect(issues).toContainText('변경 항목 2: 변경안을 입력하세요');
  await expect(issues).toContainText('변경 항목 3: 변경안을 입력하세요');
  await expect(issues).not.toContainText('당초 공약을 입력하세요');

  // Stored: the reopened request shows the filled 당초.
  await d.back();
  await page
    .locator(`[data-project-id="${projectId}"]`)
    .getByRole('button', { name: /작성 시작 \(작성중\)/ })
    .click();
  await expect(d.field('변경 2 당초')).toHaveValue('2018년 7월 ~ 2022년 6월');
  await expect(d.field('변경 3 당초')).toHaveValue('직접 쓴 당초');
});

test('amounts too large or with ₩ say why; 사업기간 written as 2018.7 or 22년 6월 is stored as YYYY-MM', async ({
  page,
  app,
}) => {
  const d = new DraftingPage(page);
  await d.start(app.url, department);
  await d.openPlan(projectId);
  const cell = d.investmentCell(1, '시비', "'19");
  const cellError = page.locator('[data-error-for="unitProjects.0.investmentNeeds.city.2019"]');
  await cell.fill('99999999999999999');
  await expect(cellError).toHaveText('금액이 너무 큽니다. 9,007,199,254,740 백만원 이하로 입력하세요');
  await cell.fill('₩1,000');
  await expect(cellError).toHaveText('₩ 표시는 빼고 백만원 단위의 숫자만 입력하세요 (예: 10억원은 1,000)');
  await cell.fill('1,000');
  await expect(cellError).toHaveCount(0);

  // A refused 사업기간 never saved before is listed once, with what was typed — not also as "입력하세요".
  const issues = page.getByTestId('issues-panel');
  await d.field('사업기간 시작 (연-월)').fill('18.7');
  await expect(d.saveIndicator).toHaveText(/입력 오류 1곳은 저장하지 않았습니다$/);
  await expect(issues.locator('.issue-error', { hasText: '저장 안 됨' })).toContainText('연도는 네 자리로');
  await expect(issues).not.toContainText('사업 시작 연월을 입력하세요');

  await d.field('사업기간 시작 (연-월)').fill('2018. 7.');
  await d.field('사업기간 종료 (연-월)').fill('22년 6월');
  await expect(page.locator('[data-error-for^="projectPeriod"]')).toHaveCount(0);
  // Leaving a box shows the form it is stored in.
  await d.field('사업기간 시작 (연-월)').focus();
  await d.field('사업기간 시작 (연-월)').blur();
  await expect(d.field('사업기간 시작 (연-월)')).toHaveValue('2018-07');
  await d.waitSaved();
  await expect(issues).not.toContainText('연월을 입력하세요');
  // A two-digit year without 년 is not guessed: the accepted form is shown with the person's numbers.
  await d.field('사업기간 종료 (연-월)').fill('22.6');
  await expect(page.locator('[data-error-for="projectPeriod.to"]')).toHaveText(
    '연도는 네 자리로 "2022-06"처럼 입력하세요',
  );
  await d.field('사업기간 종료 (연-월)').fill('2022.6');
  await d.waitSaved();

  await d.reopen();
  await d.openPlan(projectId);
  await expect(d.field('사업기간 시작 (연-월)')).toHaveValue('2018-07');
  await expect(d.field('사업기간 종료 (연-월)')).toHaveValue('2022-06');
  await expect(cell).toHaveValue('1000');
});

test('a row copied from Excel and pasted into one cell spreads over the row and the rows below', async ({
  page,
  app,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const d = new DraftingPage(page);
  await d.start(app.url, department);
  await d.openPlan(projectId);

  // One row (with Excel's line break after it): '19, '20, '21, '22.6월, then 임기후 (임기내 계 is computed).
  await d.pasteInto(d.investmentCell(1, '국비', "'19"), '100\t1,200\t300\t400\t50\r\n');
  await expect(d.investmentCell(1, '국비', "'19")).toHaveValue('100');
  await expect(d.investmentCell(1, '국비', "'20")).toHaveValue('1,200');
  await expect(d.investmentCell(1, '국비', "'21")).toHaveValue('300');
  await expect(d.investmentCell(1, '국비', "'22.6월")).toHaveValue('400');
  await expect(d.field('단위사업 1 국비 임기후 투자수요 (백만원)')).toHaveValue('50');
  await expect(page.locator('[data-error-for^="unitProjects.0.investmentNeeds"]')).toHaveCount(0);
  await expect.poll(() => d.amount('inv-0-national-within')).toBe(2000);
  await expect.poll(() => d.amount('inv-0-national-total')).toBe(2050);

  // Two rows from 시비 '21: each value checked as if typed there ("abc" is refused in its own cell).
  await d.pasteInto(d.investmentCell(1, '시비', "'21"), '10\tabc\n20\t30\n');
  await expect(d.investmentCell(1, '시비', "'21")).toHaveValue('10');
  await expect(d.investmentCell(1, '시비', "'22.6월")).toHaveValue('abc');
  await expect(page.locator('[data-error-for="unitProjects.0.investmentNeeds.city.2022"]')).toHaveText(
    '금액은 0 이상의 숫자여야 합니다 (백만원)',
  );
  await expect(d.investmentCell(1, '구비', "'21")).toHaveValue('20');
  await expect(d.investmentCell(1, '구비', "'22.6월")).toHaveValue('30');
  await d.investmentCell(1, '시비', "'22.6월").fill('15');

  // A block larger than the grid: what fits is placed, the rest is counted and said.
  await d.pasteInto(d.field('단위사업 1 기타 임기후 투자수요 (백만원)'), '7\t8\t9\n1\t2\n');
  await expect(d.field('단위사업 1 기타 임기후 투자수요 (백만원)')).toHaveValue('7');
  await expect(page.getByTestId('inv-0-paste-note')).toHaveText(
    '붙여넣은 값 5개 중 4개는 표 밖이라 넣지 못했습니다 (1개를 넣었습니다). 붙여넣을 칸을 확인하세요.',
  );

  // A row copied from a sheet shaped like the printed form: '18 … '22.6월, 임기내 계, 임기후, 계. The totals are
  // recognised by adding up the years and left out, so 임기후 gets 임기후.
  const privateYears = [60, 70, 80, 90, 100];
  const privateWithin = privateYears.reduce((a, b) => a + b, 0);
  const officialRow = [...privateYears, privateWithin, 25, privateWithin + 25].join('\t');
  await d.pasteInto(d.investmentCell(1, '민간', "'18"), `${officialRow}\r\n`);
  await expect(d.investmentCell(1, '민간', "'18")).toHaveValue('60');
  await expect(d.investmentCell(1, '민간', "'22.6월")).toHaveValue('100');
  await expect(d.field('단위사업 1 민간 임기후 투자수요 (백만원)')).toHaveValue('25');
  await expect.poll(() => d.amount('inv-0-private-within')).toBe(privateWithin);
  await expect.poll(() => d.amount('inv-0-private-total')).toBe(privateWithin + 25);
  await expect(page.getByTestId('inv-0-paste-note')).toHaveText(
    "'임기내 계', '계' 열은 표가 계산하는 칸이라 건너뛰었습니다 (붙여넣은 값이 합과 맞습니다).",
  );
  // When the value at 임기내 계 is not the years' sum, which value is which is not guessed: nothing is placed.
  const wrongRow = [1, 2, 3, 4, 5, 99, 6].join('\t');
  await d.pasteInto(d.investmentCell(1, '민간', "'18"), `${wrongRow}\r\n`);
  await expect(page.getByTestId('inv-0-paste-note')).toHaveText(
    "붙여넣은 1번째 줄은 칸보다 값이 많아 양식의 열 순서로 읽었지만, '임기내 계' 자리에 붙여넣은 값(99)이 " +
      '연도별 금액의 합(15)과 다릅니다. 어느 값이 어느 칸인지 알 수 없어 아무것도 넣지 않았습니다. ' +
      '합계 열을 빼고 복사하거나 원래 표의 합계를 확인하세요.',
  );
  await expect(d.investmentCell(1, '민간', "'18")).toHaveValue('60');
  await expect(d.field('단위사업 1 민간 임기후 투자수요 (백만원)')).toHaveValue('25');

  // Text with tabs pasted into a schedule cell spreads over the half-years.
  await d.pasteInto(d.scheduleCell(1, "'19 상"), '1기 선발\t"2기 선발\n(30개사)"\t성과 공유\r\n');
  await expect(d.scheduleCell(1, "'19 상")).toHaveValue('1기 선발');
  await expect(d.scheduleCell(1, "'19 하")).toHaveValue('2기 선발\n(30개사)');
  await expect(d.scheduleCell(1, "'20 상")).toHaveValue('성과 공유');
  await d.waitSaved();

  // Stored by autosave like typed values.
  await d.reopen();
  await d.openPlan(projectId);
  await expect(d.investmentCell(1, '국비', "'20")).toHaveValue('1200');
  await expect(d.investmentCell(1, '구비', "'22.6월")).toHaveValue('30');
  await expect(d.field('단위사업 1 기타 임기후 투자수요 (백만원)')).toHaveValue('7');
  await expect(d.field('단위사업 1 민간 임기후 투자수요 (백만원)')).toHaveValue('25');
  await expect(d.scheduleCell(1, "'19 하")).toHaveValue('2기 선발\n(30개사)');
});

test('확보내역 takes a pasted row: the five sources, or a 붙임5 row with 확보총계 first', async ({
  page,
  app,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const d = new DraftingPage(page);
  await d.start(app.url, department);
  await confirmPlan(d);
  await d.choosePeriod('2019-H1');
  await page.getByRole('button', { name: `${projectId} 재정집행현황 열기` }).click();
  await expect(page.locator('.editor-bar h2')).toContainText('재정집행 현황');
  const secured = (label: string) => d.field(`확보내역 ${label} (백만원)`);

  // The five sources as on the screen, pasted into 국비.
  await d.pasteInto(secured('국비'), '1,000\t4,500.5\t0\t\t20\r\n');
  await expect(secured('국비')).toHaveValue('1,000');
  await expect(secured('시·도비')).toHaveValue('4,500.5');
  await expect(secured('시군구비')).toHaveValue('0');
  await expect(secured('민간')).toHaveValue('');
  await expect(secured('기타')).toHaveValue('20');
  await expect.poll(() => d.amount('secured-total')).toBe(5520.5);
  await expect(page.getByTestId('secured-paste-note')).toHaveCount(0);

  // A row copied from 붙임5 (확보총계, 국비, 시·도비, 시군구비, 민간, 기타): 확보총계 is recognised and left out.
  const sources = [2000, 3000, 0, 500, 0];
  const official = [sources.reduce((a, b) => a + b, 0), ...sources].join('\t');
  await d.pasteInto(secured('국비'), `${official}\r\n`);
  await expect(secured('국비')).toHaveValue('2000');
  await expect(secured('시·도비')).toHaveValue('3000');
  await expect(secured('민간')).toHaveValue('500');
  await expect(secured('기타')).toHaveValue('0');
  await expect.poll(() => d.amount('secured-total')).toBe(5500);
  await expect(page.getByTestId('secured-paste-note')).toHaveText(
    "'확보총계' 열은 표가 계산하는 칸이라 건너뛰었습니다 (붙여넣은 값이 합과 맞습니다).",
  );
  await d.waitSaved();

  // Stored by autosave like typed values.
  await d.reopen();
  await d.choosePeriod('2019-H1');
  await page.getByRole('button', { name: `${projectId} 재정집행현황 열기` }).click();
  await expect(secured('시·도비')).toHaveValue('3000');
  await expect(secured('민간')).toHaveValue('500');
});
