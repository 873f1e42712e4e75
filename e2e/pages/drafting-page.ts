import { expect, type Locator, type Page } from '@playwright/test';
import { SetupPage } from './setup-page';

/** The department's drafting desk and the forms it opens. */
export class DraftingPage {
  readonly saveIndicator: Locator;
  readonly statusBadge: Locator;

  constructor(readonly page: Page) {
    this.saveIndicator = page.getByTestId('save-indicator');
    this.statusBadge = page.locator('.editor-bar').getByTestId('status-badge');
  }

  /** First run as `department`, then the 문서 작성 tab. */
  async start(url: string, department: string): Promise<void> {
    await this.page.goto(url);
    await new SetupPage(this.page).chooseDepartment(department);
    await this.openDesk();
  }

  async openDesk(): Promise<void> {
    await this.page.getByRole('button', { name: '문서 작성' }).click();
    await expect(this.page.getByTestId('desk-projects')).toBeVisible();
  }

  /** After a reload or restart: the app starts on the catalog view. */
  async reopen(url?: string): Promise<void> {
    if (url) await this.page.goto(url);
    else await this.page.reload();
    await this.openDesk();
  }

  async choosePeriod(periodId: string): Promise<void> {
    await this.page.getByLabel('보고 반기').selectOption(periodId);
  }

  async openPlan(projectId: string): Promise<void> {
    await this.page.getByRole('button', { name: `${projectId} 실천계획서 열기` }).click();
    await expect(this.page.locator('.editor-bar h2')).toContainText('공약실천계획서');
  }

  async openCard(projectId: string, periodId: string): Promise<void> {
    await this.choosePeriod(periodId);
    await this.page.getByRole('button', { name: `${projectId} 관리카드 열기` }).click();
    await expect(this.page.locator('.editor-bar h2')).toContainText('공약관리카드');
  }

  field(label: string): Locator {
    return this.page.getByLabel(label, { exact: true });
  }

  /** "단위사업 1 국비 '19 투자수요 (백만원)" */
  investmentCell(unit: number, sourceLabel: string, columnLabel: string): Locator {
    return this.field(`단위사업 ${unit} ${sourceLabel} ${columnLabel} 투자수요 (백만원)`);
  }

  executedCell(unit: number, sourceLabel: string, periodShortLabel: string): Locator {
    return this.field(`단위사업 ${unit} ${sourceLabel} ${periodShortLabel} 집행액 (백만원)`);
  }

  scheduleCell(unit: number, columnLabel: string): Locator {
    return this.field(`단위사업 ${unit} 연차별 추진계획 (추후 임의변경불가) ${columnLabel}`);
  }

  /** Waits until the edits made so far are stored (the indicator leaves and comes back to "저장됨"). */
  async waitSaved(): Promise<void> {
    await expect(this.saveIndicator).not.toHaveText(/^저장됨/);
    await expect(this.saveIndicator).toHaveText(/^저장됨 \d\d:\d\d:\d\d$/);
  }

  /** Text of a computed cell as a number ("1,234.5" → 1234.5). */
  async amount(testId: string): Promise<number> {
    const text = (await this.page.getByTestId(testId).first().textContent()) ?? '';
    return Number(text.replace(/,/g, '').trim());
  }

  async fillContact(index: number, unit: string, name: string, phone: string): Promise<void> {
    await this.field(`담당자 ${index} 소속 과·팀`).fill(unit);
    await this.field(`담당자 ${index} 이름`).fill(name);
    await this.field(`담당자 ${index} 전화`).fill(phone);
  }

  /** The header and classification fields every submittable plan needs. */
  async fillPlanBasics(opts: { goal: string; totalCost: string; sources: string[] }): Promise<void> {
    await this.fillContact(1, '투자창업과', '김도현', '02-2133-5000');
    await this.page.getByRole('radio', { name: '금액', exact: true }).check();
    await this.field('총사업비 금액 (백만원)').fill(opts.totalCost);
    await this.page.getByRole('radio', { name: '신규', exact: true }).check();
    await this.page.getByRole('radio', { name: '임기내', exact: true }).check();
    for (const s of opts.sources) await this.page.getByRole('checkbox', { name: s, exact: true }).check();
    await this.field('정책목표 (추후 임의변경불가)').fill(opts.goal);
    await this.field('사업기간 시작 (연-월)').fill('2018-07');
    await this.field('사업기간 종료 (연-월)').fill('2022-06');
  }

  async fillUnitText(
    unit: number,
    name: string,
    plan: string,
    schedule: Record<string, string>,
  ): Promise<void> {
    await this.field(`단위사업 ${unit} 사업명`).fill(name);
    await this.field(`단위사업 ${unit} 세부 추진계획`).fill(plan);
    for (const [column, text] of Object.entries(schedule)) await this.scheduleCell(unit, column).fill(text);
  }

  async submit(): Promise<void> {
    await this.page.getByRole('button', { name: '제출', exact: true }).click();
  }

  /** The planning office's confirmation, through the browser-mode HTTP bridge with the page's token. */
  async confirmThroughApi(ref: { kind: string; projectId: string; slot: string }, department: string) {
    return this.page.evaluate(
      async ({ ref, department }) => {
        const token = document.querySelector<HTMLMetaElement>('meta[name="pledge-token"]')?.content ?? '';
        const response = await fetch('/api/confirmDocument', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Pledge-Token': token },
          body: JSON.stringify({ ...ref, department }),
        });
        return (await response.json()) as { ok: boolean; error?: { message: string } };
      },
      { ref, department },
    );
  }

  /** Any operation through the browser-mode HTTP bridge (test set-up, e.g. a large document in one go). */
  async callApi<T>(
    name: string,
    input: unknown,
  ): Promise<{ ok: boolean; value?: T; error?: { message: string } }> {
    return this.page.evaluate(
      async ({ name, input }) => {
        const token = document.querySelector<HTMLMetaElement>('meta[name="pledge-token"]')?.content ?? '';
        const response = await fetch(`/api/${name}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Pledge-Token': token },
          body: JSON.stringify(input),
        });
        return (await response.json()) as { ok: boolean; value?: T; error?: { message: string } };
      },
      { name, input },
    );
  }

  async back(): Promise<void> {
    await this.page.getByRole('button', { name: '← 목록으로' }).click();
    await expect(this.page.getByTestId('desk-projects')).toBeVisible();
  }

  /**
   * Reloads the page right away, as a person closing or reloading it would (before the autosave's pause is over),
   * answering the browser's question with `answer`. Returns the save indicator's text at that moment and the
   * types of the dialogs met (filled in as they come: poll it).
   */
  async reloadAnswering(
    answer: 'accept' | 'dismiss',
  ): Promise<{ stateWhenLeaving: string; dialogs: string[] }> {
    const dialogs: string[] = [];
    this.page.once('dialog', (dialog) => {
      dialogs.push(dialog.type());
      void (answer === 'accept' ? dialog.accept() : dialog.dismiss());
    });
    const stateWhenLeaving = await this.page.evaluate(() => {
      const text = document.querySelector('[data-testid="save-indicator"]')?.textContent ?? '';
      setTimeout(() => location.reload(), 0);
      return text;
    });
    return { stateWhenLeaving, dialogs };
  }

  /** Puts `text` on the clipboard and pastes it with Ctrl+V into `cell`, as a person pasting from Excel or HWP. */
  async pasteInto(cell: Locator, text: string): Promise<void> {
    await this.page.evaluate((t) => navigator.clipboard.writeText(t), text);
    await cell.click();
    await this.page.keyboard.press('Control+V');
  }
}
