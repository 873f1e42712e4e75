import { expect, type Locator, type Page } from '@playwright/test';

/** The planning office's 종합 현황 screen. */
export class OfficeReportPage {
  constructor(readonly page: Page) {}

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.page.getByRole('button', { name: '종합 현황' }).click();
    await expect(this.page.getByTestId('office-report')).toBeVisible();
    await expect(this.page.getByTestId('office-section-status')).toBeVisible();
  }

  /** Calls an API operation the way the renderer does (the per-run token is in the page). */
  async callApi<T>(operation: string, input: unknown): Promise<T> {
    return this.page.evaluate(
      async ({ operation, input }) => {
        const token = document.querySelector<HTMLMetaElement>('meta[name="pledge-token"]')?.content ?? '';
        const response = await fetch(`/api/${operation}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Pledge-Token': token },
          body: JSON.stringify(input),
        });
        const result = (await response.json()) as {
          ok: boolean;
          value?: unknown;
          error?: { message: string };
        };
        if (!result.ok) throw new Error(`${operation}: ${result.error?.message ?? 'failed'}`);
        return result.value;
      },
      { operation, input },
    ) as Promise<T>;
  }

  async tab(id: string): Promise<void> {
    await this.page.getByTestId(`office-tab-${id}`).click();
    await expect(this.page.getByTestId(`office-section-${id}`)).toBeVisible();
  }

  cell(testId: string): Locator {
    return this.page.getByTestId(testId);
  }

  async count(testId: string): Promise<number> {
    const text = (await this.cell(testId).textContent()) ?? '';
    return Number(text.replace(/,/g, ''));
  }

  /** A 붙임5 figure: the exact number behind the formatted cell. */
  async amount(testId: string): Promise<number> {
    const value = await this.cell(testId).getAttribute('data-value');
    if (value === null) throw new Error(`no amount in ${testId}`);
    return Number(value);
  }

  async selectPeriod(periodId: string): Promise<void> {
    await this.page.getByTestId('office-period').selectOption(periodId);
  }
}
