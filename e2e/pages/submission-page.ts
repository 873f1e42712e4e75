import { expect, type Locator, type Page } from '@playwright/test';

/** The 제출 파일 screen: a department's key and export, or the office's import, registry and quarantine. */
export class SubmissionPage {
  constructor(readonly page: Page) {}

  async openAsDepartment(): Promise<void> {
    await this.page.getByRole('button', { name: '제출 파일', exact: true }).click();
    await expect(this.page.getByTestId('key-panel')).toBeVisible();
  }

  async openAsOffice(): Promise<void> {
    await this.page.getByRole('button', { name: '제출 파일 받기', exact: true }).click();
    await expect(this.page.getByTestId('import-panel')).toBeVisible();
  }

  /** Leaves the screen and comes back, so every panel reads the server again. */
  async reopenAsDepartment(): Promise<void> {
    await this.page.getByRole('button', { name: '공약 목록' }).click();
    await this.openAsDepartment();
  }

  // Department

  get ownFingerprint(): Locator {
    return this.page.getByTestId('own-fingerprint');
  }

  async exportBundle(period: string): Promise<void> {
    await this.page.getByLabel('제출 기간').selectOption(period);
    await this.page.getByRole('button', { name: '제출 파일 만들기' }).click();
  }

  // Office

  async importEnrollment(path: string): Promise<void> {
    await this.page.getByLabel('부서 키 등록 파일·키 교체 문서 가져오기').setInputFiles(path);
    await expect(this.page.getByTestId('enrollment-imported')).toBeVisible();
  }

  /** The number of finished imports shown so far (the results box counts them). */
  private async importRuns(): Promise<number> {
    const results = this.page.getByTestId('import-results');
    return (await results.count()) === 0 ? 0 : Number(await results.getAttribute('data-run'));
  }

  /** Runs `start` and waits for the results table of that import (not the previous one). */
  async waitForImport(start: () => Promise<void>, files: number): Promise<Locator> {
    const before = await this.importRuns();
    await start();
    const results = this.page.getByTestId('import-results');
    await expect(results).toHaveAttribute('data-run', String(before + 1));
    await expect(this.page.getByTestId('import-results-table').locator('tbody tr')).toHaveCount(files);
    return results;
  }

  /** Chooses bundle files in the import panel's file chooser. */
  importBundles(paths: string[]): Promise<Locator> {
    return this.waitForImport(
      () => this.page.getByTestId('import-file-input').setInputFiles(paths),
      paths.length,
    );
  }

  importFromPath(path: string, files: number): Promise<Locator> {
    return this.waitForImport(async () => {
      await this.page.getByLabel('폴더 경로로 가져오기').fill(path);
      await this.page.getByRole('button', { name: '경로에서 가져오기' }).click();
    }, files);
  }

  resultRow(fileName: string): Locator {
    return this.page.getByTestId('import-results-table').locator(`tr[data-file="${fileName}"]`);
  }

  registryRow(keyId: string): Locator {
    return this.page.getByTestId('registry-table').locator(`tr[data-key-id="${keyId}"]`);
  }
}
