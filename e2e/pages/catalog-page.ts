import type { Locator, Page } from '@playwright/test';

/** The catalog browser. */
export class CatalogPage {
  readonly search: Locator;
  readonly results: Locator;
  readonly ownProjects: Locator;
  readonly detail: Locator;

  constructor(private readonly page: Page) {
    this.search = page.getByRole('searchbox', { name: '검색' });
    this.results = page.getByTestId('search-results');
    this.ownProjects = page.getByTestId('own-projects');
    this.detail = page.getByTestId('project-detail');
  }

  /** Project ids in the order shown inside `scope`. */
  async projectIds(scope: Locator): Promise<string[]> {
    return scope
      .locator('[data-project-id]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-project-id') ?? ''));
  }

  async firstListedProjectIds(count: number): Promise<string[]> {
    const all = await this.projectIds(this.page.locator('.catalog-list'));
    return all.slice(0, count);
  }

  async open(projectId: string, scope: Locator): Promise<void> {
    await scope.locator(`[data-project-id="${projectId}"]`).first().click();
  }
}
