import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures';
import { DraftingPage } from './pages/drafting-page';
import { confirmPlanThroughApi } from './support/confirmed-plan';

// A printed 관리카드 keeps every section of 붙임4: one the department wrote nothing in says 해당 없음 under its
// heading (an empty table keeps its header row and gets one row across it), not a heading over nothing.

const department = '경제진흥본부';
const projectId = '1-1-1';
const NONE = '해당 없음';
/** The term's half-years, as 붙임4 heads 연차별 실적; a 2019-H1 card reports on the first two, the rest stay blank. */
const RESULT_COLUMNS = ["'18 하", "'19 상", "'19 하", "'20 상", "'20 하", "'21 상", "'21 하", "'22 상"];

test('a printed card says 해당 없음 in each section and table left empty, and only there', async ({
  page,
  app,
}, testInfo) => {
  const d = new DraftingPage(page);
  await d.start(app.url, department);
  await confirmPlanThroughApi(d, {
    department,
    projectId,
    policyGoal: '○ 입주기업 150개사 육성',
    units: [
      { name: '핀테크랩 운영', detailedPlan: '- 입주공간 지원', schedule: { '2019-H1': '입주기업 선발' } },
      { name: '블록체인 실증', detailedPlan: '- 시범사업 공모', schedule: { '2019-H2': '시범사업 선정' } },
    ],
  });
  await d.openCard(projectId, '2019-H1');
  // Written: unit 1's result and 향후 추진계획, and 타 기관 협조사항. Left empty: unit 2's results and 향후
  // 추진계획, 시민참여, 협조부서 and 추진상 문제점.
  const written = {
    result: '입주기업 62개사 선발',
    futurePlan: '- 하반기 2차 선발',
    cooperation: '- 금융위원회 규제 샌드박스 협의',
  };
  await d.field(`단위사업 1 연차별 실적 ${RESULT_COLUMNS[1]}`).fill(written.result);
  await d.field('단위사업 1 향후 추진계획').fill(written.futurePlan);
  await d.field('타 기관(국가, 타 지자체, 민간 등) 협조사항').fill(written.cooperation);
  await d.fillContact(1, '핀테크산업과', '이서연', '02-2133-5011');
  await d.waitSaved();

  await page.getByRole('button', { name: '인쇄 / PDF' }).click();
  await page.emulateMedia({ media: 'print' });
  const printed = page.getByTestId('print-view');
  await expect(printed).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('card-print.png'), fullPage: true });

  /** The section's text after its heading, white space squeezed. */
  const body = async (section: Locator) => {
    const text = await section.evaluate((el) =>
      [...el.childNodes]
        .filter((n) => !(n instanceof HTMLHeadingElement))
        .map((n) => n.textContent ?? '')
        .join(' '),
    );
    return text.replace(/\s+/g, ' ').trim();
  };
  const section = (name: string) => printed.getByRole('region', { name, exact: true });
  expect(await body(section('추진상 문제점 및 해결방안'))).toBe(NONE);
  // The form's own labels (붙임4).
  expect(await body(section('타 기관(국가, 타 지자체, 민간 등) 협조사항'))).toBe(written.cooperation);
  const participation = section('시민참여 실적 (단위 : 횟수)');
  await expect(participation.locator('.print-none')).toHaveText(NONE);
  await expect(printed.getByRole('row', { name: /^협조부서/ })).toHaveText(`협조부서${NONE}`);
  await expect(printed.getByRole('row', { name: /^담당/ })).not.toContainText(NONE);
  // The phone number is one unbreakable piece of the 담당 line.
  const phone = printed.getByRole('row', { name: /^담당/ }).locator('.unbroken');
  await expect(phone).toHaveText('☎ 02-2133-5011');
  expect(await phone.evaluate((el) => getComputedStyle(el).whiteSpace)).toBe('nowrap');
  await expect(printed.getByRole('heading', { name: '정책개요 (추진계획)' })).toBeVisible();
  await expect(printed.getByRole('row', { name: /^정책목표/ }).locator('th')).toHaveText(
    '정책목표(추후 임의변경불가)',
  );
  await expect(printed.getByRole('rowheader', { name: /^총사업비/ })).toHaveText("총사업비 (~'22.6월까지)");

  const unit = (n: number) => printed.getByRole('region', { name: `단위사업 ${n}`, exact: true });
  const results = (n: number) => unit(n).getByRole('table', { name: '연차별 실적' });
  // The filled table: its header and one row with a cell per half-year, the result under '19 상, later ones blank.
  for (const n of [1, 2]) {
    await expect(results(n).locator('thead th')).toHaveText(RESULT_COLUMNS);
    await expect(results(n).locator('tbody tr')).toHaveCount(1);
  }
  await expect(results(1).locator('tbody td')).toHaveText(
    RESULT_COLUMNS.map((_, i) => (i === 1 ? written.result : '')),
  );
  // The empty one: the same header, and one cell across it.
  const across = results(2).locator('tbody td');
  await expect(across).toHaveText([NONE]);
  await expect(across).toHaveAttribute('colspan', String(RESULT_COLUMNS.length));
  await expect(unit(1)).toContainText(`향후 추진계획: ${written.futurePlan}`);
  await expect(unit(2)).toContainText(`향후 추진계획: ${NONE}`);
  await expect(unit(1)).not.toContainText(NONE);
  // The frozen schedule is filled in both units.
  for (const n of [1, 2])
    await expect(
      unit(n).getByRole('table', { name: '연차별 추진계획 (공약실천계획 작성내용, 임의변경 불가)' }),
    ).not.toContainText(NONE);

  // On paper (the PDF the print dialog makes): the empty sections say so, once each, and the filled ones not.
  const dir = mkdtempSync(join(tmpdir(), 'pledge-card-print-'));
  try {
    const pdfPath = join(dir, 'card.pdf');
    await page.pdf({ path: pdfPath, preferCSSPageSize: true, printBackground: true });
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdfPath, '-'], { encoding: 'utf8' }).replace(
      /\s+/g,
      '',
    );
    const none = NONE.replace(/\s+/g, '');
    const emptyOnes = [
      '협조부서',
      '단위사업 2 연차별 실적',
      '단위사업 2 향후 추진계획',
      '시민참여 실적',
      '문제점',
    ];
    expect(text.split(none).length - 1).toBe(emptyOnes.length);
    expect(text).toContain(`추진상문제점및해결방안${none}`);
    expect(text).toContain(`타기관(국가,타지자체,민간등)협조사항${written.cooperation.replace(/\s+/g, '')}`);
    expect(text).toContain('연차별투자수요(당해연도실제예산으로현행화,단위:백만원)구분');
    expect(text).toContain(`향후추진계획:${none}`);
    expect(text).toContain(`향후추진계획:${written.futurePlan.replace(/\s+/g, '')}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
