import type { Locator } from '@playwright/test';
import { CARD_STATUS_LABELS, type CardStatus } from '../domain/documents';
import { catalog } from './catalog-data';
import { expect, test } from './fixtures';
import { DraftingPage } from './pages/drafting-page';
import { expectAccessible } from './support/axe';
import { confirmPlanThroughApi } from './support/confirmed-plan';
import { printedPages } from './support/pdf-pages';

// 모아 인쇄 on the desk: a half-year's stored 관리카드 and the department's 붙임5 in one print, for the director's
// sign-off (결재) or one PDF. Every expected figure is computed below from what the test stores.

const department = '경제진흥본부';
const PERIOD = '2019-H1';
const nameOf = (id: string) => catalog.projects.find((p) => p.id === id)?.name ?? '';
const squeeze = (text: string) => text.replace(/\s+/g, '');

/** What the test writes into each project's card (its first unit) and 재정집행 현황; null: not written. */
const inputs: {
  projectId: string;
  plan: boolean;
  card: { status: CardStatus; need2019: number; needAfter: number; executed: number } | null;
  secured: { national: number; city: number; note: string } | null;
}[] = [
  {
    projectId: '1-1-1',
    plan: true,
    card: { status: 'onTrack', need2019: 1200.5, needAfter: 300, executed: 410.25 },
    secured: { national: 500, city: 700.5, note: '추경 반영' },
  },
  {
    projectId: '1-1-2',
    plan: true,
    card: { status: 'partial', need2019: 80, needAfter: 0, executed: 12.5 },
    secured: null,
  },
  // Its plan is not confirmed: its 재정집행 현황 is stored, but its 붙임5 row cannot be computed yet.
  { projectId: '1-1-3', plan: false, card: null, secured: { national: 0, city: 30, note: '' } },
];

async function call<T>(d: DraftingPage, name: string, input: unknown): Promise<T> {
  const result = await d.callApi<T>(name, input);
  expect(result.ok, result.error?.message).toBe(true);
  return result.value as T;
}

/** A document of the half-year as the form would open it, changed by `edit`, saved as a draft. */
async function saveEdited(
  d: DraftingPage,
  ref: { kind: string; projectId: string; slot: string },
  edit: (doc: Record<string, unknown>) => void,
): Promise<void> {
  const opened = await call<{ document: Record<string, unknown> }>(d, 'openDocument', ref);
  const doc = structuredClone(opened.document);
  edit(doc);
  await call(d, 'saveDraft', { ...ref, json: doc, expectedVersion: null });
}

const cellsOf = async (row: Locator) => (await row.locator('td, th').allTextContents()).map((t) => t.trim());
const money = (text: string | undefined) => Number((text ?? '').replace(/,/g, ''));

test('모아 인쇄: the list of the half-year, each written card on its own page, and the department’s 붙임5 with its 계', async ({
  page,
  app,
}) => {
  const d = new DraftingPage(page);
  await d.start(app.url, department);
  for (const input of inputs.filter((i) => i.plan)) {
    await confirmPlanThroughApi(d, {
      department,
      projectId: input.projectId,
      policyGoal: `○ ${input.projectId} 정책목표`,
      units: [
        { name: `${input.projectId} 단위사업`, detailedPlan: '- 추진', schedule: { [PERIOD]: '착수' } },
      ],
    });
  }
  for (const input of inputs) {
    const { card, secured } = input;
    if (card !== null) {
      await saveEdited(d, { kind: 'managementCard', projectId: input.projectId, slot: PERIOD }, (doc) => {
        doc.status = card.status;
        const unit = (doc.unitProjects as Record<string, Record<string, Record<string, number>>>[])[0];
        if (unit === undefined) throw new Error('the card has no unit');
        unit.investmentNeeds = {
          ...unit.investmentNeeds,
          city: { 2019: card.need2019, afterTerm: card.needAfter },
        };
        unit.executed = { ...unit.executed, city: { [PERIOD]: card.executed } };
      });
    }
    if (secured !== null) {
      await saveEdited(d, { kind: 'financeRow', projectId: input.projectId, slot: PERIOD }, (doc) => {
        doc.secured = { ...(doc.secured as object), national: secured.national, city: secured.city };
        doc.note = secured.note;
      });
    }
  }
  await d.reopen();

  // A half-year with nothing written says so, and opens no preview.
  await d.choosePeriod('2020-H1');
  await page
    .getByRole('button', { name: '반기 문서 모아 인쇄 (2020년 상반기 관리카드·재정집행 현황)' })
    .click();
  await expect(page.getByText('2020년 상반기에 인쇄할 관리카드·재정집행 현황이 없습니다')).toBeVisible();
  await expect(page.getByTestId('print-view')).toHaveCount(0);

  await d.choosePeriod(PERIOD);
  const button = page.getByRole('button', {
    name: '반기 문서 모아 인쇄 (2019년 상반기 관리카드·재정집행 현황)',
  });
  await button.click();
  const view = page.getByTestId('print-view');
  await expect(view).toBeVisible();
  await expect(page).toHaveTitle(`2019년 상반기 관리카드·재정집행 현황 ${department}`);
  await expect(page.getByRole('button', { name: '닫기' })).toBeFocused();
  await expectAccessible(page, '모아 인쇄 미리 보기');

  // The first page lists every project of the department, with what of it is printed.
  const departmentProjects = catalog.projects.filter(
    (p) => p.leadDepartment === department || p.coDepartments.includes(department),
  );
  const contents = view.getByTestId('batch-contents');
  await expect(contents.locator('tbody tr')).toHaveCount(departmentProjects.length);
  for (const input of inputs) {
    const row = contents.locator(`tr[data-project-id="${input.projectId}"]`);
    await expect(row.getByTestId('batch-card-state')).toHaveText(input.card === null ? '미작성' : /^작성중/);
    await expect(row.getByTestId('batch-finance-state')).toHaveText(
      input.secured === null ? '미작성' : /^작성중/,
    );
  }
  const untouched = departmentProjects.find(
    (p) => p.leadDepartment === department && !inputs.some((i) => i.projectId === p.id),
  );
  await expect(contents.locator(`tr[data-project-id="${untouched?.id}"] td`).nth(2)).toHaveText('미작성');

  // Each written card, in the desk's order, with the status stored.
  const written = inputs.filter((i) => i.card !== null);
  const cards = view.getByTestId('batch-card');
  await expect(cards).toHaveCount(written.length);
  for (const [n, input] of written.entries()) {
    await expect(cards.nth(n)).toHaveAttribute('data-project-id', input.projectId);
    await expect(cards.nth(n).getByTestId('print-status')).toHaveText(CARD_STATUS_LABELS[input.card!.status]);
  }

  // 붙임5 of the department: a row for each project with a card or a 재정집행 현황 and a confirmed plan.
  const finance = view.getByTestId('batch-finance');
  const rows = finance.locator('tbody tr[data-project-id]');
  const withRow = inputs.filter((i) => i.plan);
  await expect(rows).toHaveCount(withRow.length);
  // Columns: 관리번호, 공약사업명, 이행도, 초기, 현재, 확보총계, 국비, 시·도비, 시군구비, 민간, 기타, 계획 계 + 5 years,
  // 집행 계 + 5 years, 비고.
  const years = 5;
  const at = { current: 4, securedTotal: 5, national: 6, city: 7, planTotal: 11, executedTotal: 12 + years };
  for (const input of withRow) {
    const cells = await cellsOf(finance.locator(`tr[data-project-id="${input.projectId}"]`));
    expect(cells[1]).toBe(nameOf(input.projectId));
    expect(cells[2]).toBe(input.card === null ? '-' : CARD_STATUS_LABELS[input.card.status]);
    expect(money(cells[at.current])).toBe((input.card?.need2019 ?? 0) + (input.card?.needAfter ?? 0));
    expect(money(cells[at.securedTotal])).toBe((input.secured?.national ?? 0) + (input.secured?.city ?? 0));
    expect(money(cells[at.planTotal])).toBe(input.card?.need2019 ?? 0);
    expect(money(cells[at.executedTotal])).toBe(input.card?.executed ?? 0);
    expect(cells.at(-1)).toBe(input.secured?.note ?? '');
  }
  const sum = (f: (i: (typeof inputs)[number]) => number) => withRow.reduce((acc, i) => acc + f(i), 0);
  const total = await cellsOf(finance.getByTestId('batch-finance-total'));
  // The 계 row's label spans the first three columns: its amounts start one cell earlier.
  const shift = 2;
  expect(total[0]).toBe(`계 (${withRow.length}개 사업)`);
  expect(money(total[at.current - shift])).toBe(
    sum((i) => (i.card?.need2019 ?? 0) + (i.card?.needAfter ?? 0)),
  );
  expect(money(total[at.securedTotal - shift])).toBe(
    sum((i) => (i.secured?.national ?? 0) + (i.secured?.city ?? 0)),
  );
  expect(money(total[at.national - shift])).toBe(sum((i) => i.secured?.national ?? 0));
  expect(money(total[at.executedTotal - shift])).toBe(sum((i) => i.card?.executed ?? 0));
  await expect(finance.getByTestId('batch-finance-missing')).toContainText('1-1-3');

  // On paper: the list first, each card from the top of a page (portrait), 붙임5 last on landscape pages with
  // nothing cut at the right edge.
  const pages = await printedPages(page, 'batch-print.pdf');
  expect(pages[0]?.size).toEqual([595, 842]);
  expect(pages[0]?.text).toContain(squeeze(nameOf('1-1-3')));
  expect(pages[0]?.text).not.toContain('추진상황');
  const cardStarts = pages.flatMap((p, n) => (p.text.startsWith('공약관리카드2019년상반기') ? [n] : []));
  expect(cardStarts).toHaveLength(written.length);
  for (const [k, n] of cardStarts.entries()) {
    expect(pages[n]?.size).toEqual([595, 842]);
    expect(pages[n]?.text).toContain(written[k]!.projectId);
  }
  const last = pages.at(-1);
  expect(last?.size).toEqual([842, 595]);
  expect(last?.text.startsWith('재정집행현황')).toBe(true);
  expect(last?.text).toContain(`계(${withRow.length}개사업)`);
  expect(last?.rightmostWord).toBeLessThanOrEqual(842 - (10 / 25.4) * 72);

  // Escape closes the preview; the keyboard is back on 모아 인쇄.
  await page.keyboard.press('Escape');
  await expect(view).toHaveCount(0);
  await expect(button).toBeFocused();
});

test('실천계획서 모아 인쇄: the list of the projects the department leads, then each written plan from the top of a page', async ({
  page,
  app,
}) => {
  const d = new DraftingPage(page);
  await d.start(app.url, department);
  // Nothing written yet: said, and no preview.
  await page.getByRole('button', { name: '실천계획서 모아 인쇄' }).click();
  await expect(page.getByText('인쇄할 실천계획서가 없습니다')).toBeVisible();
  await expect(page.getByTestId('print-view')).toHaveCount(0);

  // One plan confirmed, one saved as a draft, the rest not written.
  const goals = { '1-1-1': '○ 확정된 계획의 목표', '1-1-4': '○ 작성 중인 계획의 목표' } as const;
  await confirmPlanThroughApi(d, {
    department,
    projectId: '1-1-1',
    policyGoal: goals['1-1-1'],
    units: [
      { name: '핀테크랩 운영', detailedPlan: '- 입주공간 지원', schedule: { [PERIOD]: '입주기업 선발' } },
    ],
  });
  await saveEdited(d, { kind: 'executionPlan', projectId: '1-1-4', slot: 'plan' }, (doc) => {
    doc.policyGoal = goals['1-1-4'];
  });
  await d.reopen();
  await page.getByRole('button', { name: '실천계획서 모아 인쇄' }).click();
  const view = page.getByTestId('print-view');
  await expect(view).toBeVisible();
  await expect(page).toHaveTitle(`공약실천계획서 ${department}`);

  // The list: every project the department leads (a co-department writes no plan).
  const led = catalog.projects.filter((p) => p.leadDepartment === department);
  const contents = view.getByTestId('batch-contents');
  await expect(contents.locator('tbody tr')).toHaveCount(led.length);
  await expect(contents.locator('tr[data-project-id="1-1-1"]').getByTestId('batch-plan-state')).toHaveText(
    '확정',
  );
  await expect(contents.locator('tr[data-project-id="1-1-4"]').getByTestId('batch-plan-state')).toHaveText(
    /^작성중/,
  );
  await expect(contents.locator('tr[data-project-id="1-1-2"]').getByTestId('batch-plan-state')).toHaveText(
    '미작성',
  );

  const plans = view.getByTestId('batch-plan');
  await expect(plans).toHaveCount(2);
  for (const [n, [projectId, goal]] of Object.entries(goals).entries()) {
    await expect(plans.nth(n)).toHaveAttribute('data-project-id', projectId);
    await expect(plans.nth(n)).toContainText(goal);
  }
  const pages = await printedPages(page, 'batch-plans.pdf');
  for (const goal of Object.values(goals)) {
    const at = pages.findIndex((p) => p.text.includes(squeeze(goal)));
    expect(at).toBeGreaterThan(0);
    expect(pages[at]?.text.startsWith('공약실천계획서공약번호')).toBe(true);
    expect(pages[at]?.size).toEqual([595, 842]);
  }
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: '실천계획서 모아 인쇄' })).toBeFocused();
});
