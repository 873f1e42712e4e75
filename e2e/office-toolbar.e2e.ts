import type { Route } from '@playwright/test';
import { expect, test } from './fixtures';
import { OfficeReportPage } from './pages/office-report-page';
import { SetupPage } from './pages/setup-page';

// The 종합 현황 toolbar: 반기, 비교 반기 and 집행률 기준, as a tired person uses them.

test('the toolbar: a comparison never stays on the reported half-year, old tables are marked while the next are computed, 기준 takes "%"', async ({
  page,
  app,
}) => {
  await page.goto(app.url);
  await new SetupPage(page).chooseOffice();
  const office = new OfficeReportPage(page);
  await office.open(app.url);
  const period = page.getByTestId('office-period');
  const compare = page.getByTestId('office-compare');
  const options = await period
    .locator('option')
    .evaluateAll((els) =>
      els.map((e) => ({ id: (e as HTMLOptionElement).value, label: e.textContent ?? '' })),
    );
  expect(options.length).toBeGreaterThan(3);
  const [first, second, third] = options as [
    { id: string; label: string },
    { id: string; label: string },
    { id: string; label: string },
  ];

  // Report the third half-year compared with the first; then report the first: the comparison falls back to
  // 직전 반기 instead of comparing the first with itself.
  await period.selectOption(third.id);
  await compare.selectOption(first.id);
  await office.tab('comparison');
  await expect(page.getByTestId('comparison-summary')).toContainText(`${first.label} → ${third.label}`);
  // Only earlier half-years are offered: a later one would turn every 개선 into 악화.
  expect(
    await compare.locator('option').evaluateAll((els) => els.map((e) => (e as HTMLOptionElement).value)),
  ).toEqual(['', first.id, second.id]);
  await period.selectOption(first.id);
  await expect(compare).toHaveValue('');
  await expect(compare.locator('option')).toHaveCount(1);
  // The term's first half-year has nothing before it: said so, not "every project changed".
  await expect(page.getByTestId('comparison-summary')).toHaveText(
    `${first.label}는 임기의 첫 반기라 비교할 이전 반기가 없습니다.`,
  );

  // While the next half-year is computed, the tables on screen are the previous one's: marked, and 인쇄 waits.
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route('**/api/getOfficeReport', async (route: Route) => {
    await held;
    await route.continue();
  });
  await period.selectOption(second.id);
  await expect(page.getByTestId('office-period-label')).toHaveText(second.label);
  await expect(page.getByRole('status').filter({ hasText: '계산하는 중' })).toHaveText(
    `${second.label} 종합 현황을 계산하는 중… 아래 표는 아직 ${first.label} 자료입니다.`,
  );
  await expect(page.locator('.office-sections')).toHaveAttribute('aria-busy', 'true');
  await expect(page.getByRole('button', { name: '인쇄' })).toBeDisabled();
  release();
  await expect(page.getByRole('status').filter({ hasText: '계산하는 중' })).toHaveCount(0);
  await expect(page.locator('.office-sections')).not.toHaveAttribute('aria-busy', 'true');
  await expect(page.getByRole('button', { name: '인쇄' })).toBeEnabled();
  await expect(page.getByTestId('comparison-summary')).toContainText(`${first.label} → ${second.label}`);
  await page.unroute('**/api/getOfficeReport');

  // A keyboard user exporting stays on the button: it is disabled while the file is made, then focused again.
  const exportButton = page.getByRole('button', { name: '엑셀로 내보내기' });
  await exportButton.focus();
  const download = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  await download;
  await expect(page.getByRole('status').filter({ hasText: '파일을 내려받았습니다' })).toBeVisible();
  await expect(exportButton).toBeFocused();

  // 집행률 기준: "45%" is a percentage as people type it; an impossible one says which value still applies.
  const threshold = page.getByTestId('office-threshold');
  await threshold.fill('45%');
  await threshold.press('Enter');
  await expect(page.locator('.office-meta')).toContainText('집행률 기준 45.0%');
  await threshold.fill('150');
  await threshold.press('Tab');
  await expect(page.getByRole('alert').filter({ hasText: '집행률 기준은' })).toHaveText(
    '집행률 기준은 0~100(%) 사이 숫자로 입력하세요. 지금은 45.0%를 적용하고 있습니다.',
  );
  await expect(page.locator('.office-meta')).toContainText('집행률 기준 45.0%');
  // Said while typing, before the box is left; a good value clears it.
  await threshold.fill('abc');
  await expect(threshold).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('alert').filter({ hasText: '집행률 기준은' })).toBeVisible();
  await threshold.fill('40');
  await expect(page.getByRole('alert').filter({ hasText: '집행률 기준은' })).toHaveCount(0);
});

test('집행률 기준 between 0 and 1 is applied as typed, with a note saying how to type the percentage probably meant', async ({
  page,
  app,
}) => {
  await page.goto(app.url);
  await new SetupPage(page).chooseOffice();
  const office = new OfficeReportPage(page);
  await office.open(app.url);
  const threshold = page.getByTestId('office-threshold');
  const note = page.getByTestId('office-threshold-note');

  // Typed as a ratio ("0.3", "0,25"): applied as that many percent, and the note names the number meant.
  for (const { typed, particle } of [
    { typed: '0.3', particle: '을' }, // 삼십을
    { typed: '0,02', particle: '를' }, // 이를
  ]) {
    const applied = Number(typed.replace(',', '.'));
    const meant = Math.round(applied * 100 * 1000) / 1000;
    await threshold.fill(typed);
    await threshold.press('Enter');
    await expect(page.locator('.office-meta')).toContainText(
      `집행률 기준 ${(Math.round(applied * 10) / 10).toFixed(1)}%`,
    );
    await expect(note).toHaveText(
      `${applied}%로 적용했습니다. ${meant}%라면 ${meant}${particle} 입력하세요.`,
    );
    await expect(note).toHaveAttribute('role', 'status');
    await expect(threshold).toHaveAttribute('aria-describedby', (await note.getAttribute('id')) ?? '');
    // A note, not a refusal: the box is not marked invalid.
    await expect(threshold).not.toHaveAttribute('aria-invalid', 'true');
  }

  // The percentage meant, 0 and 1 take no note.
  for (const typed of ['30', '0', '1']) {
    await threshold.fill(typed);
    await threshold.press('Enter');
    await expect(page.locator('.office-meta')).toContainText(`집행률 기준 ${Number(typed).toFixed(1)}%`);
    await expect(note).toHaveCount(0);
  }
});
