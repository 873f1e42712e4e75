import type { Page } from '@playwright/test';

/** The first-run screen. */
export class SetupPage {
  constructor(private readonly page: Page) {}

  async chooseDepartment(department: string): Promise<void> {
    await this.page.getByLabel('주관부서 (실천계획서').check();
    await this.page.getByLabel('주관부서', { exact: true }).selectOption(department);
    await this.page.getByRole('button', { name: '저장하고 시작' }).click();
  }

  async chooseOffice(): Promise<void> {
    await this.page.getByLabel('기획담당관 — 총괄부서').check();
    await this.page.getByRole('button', { name: '저장하고 시작' }).click();
  }
}
