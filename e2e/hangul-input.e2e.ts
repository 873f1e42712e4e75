import type { CDPSession, Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { DraftingPage } from './pages/drafting-page';

/**
 * Korean is typed through an input method: each syllable is composed (ㅎ → 하 → 한) before it is committed, and the
 * field holds the syllable being composed meanwhile. An autosave, a Ctrl+S or a click elsewhere can come in the
 * middle of a syllable; none may lose, double or split what was typed. The composition is driven through Chromium's
 * own input-method events (CDP Input.imeSetComposition / Input.insertText), as an IME drives them.
 */

const department = '경제진흥본부';
const projectId = '1-1-1';

const JAMO_INITIAL = 'ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ';

/** The states an IME shows while composing one syllable: "한" → ㅎ, 하, 한 (other characters: none). */
function compositionSteps(char: string): string[] {
  const code = char.charCodeAt(0) - 0xac00;
  if (code < 0 || code > 11171) return [];
  const initial = Math.floor(code / 588);
  const medial = Math.floor((code % 588) / 28);
  const open = String.fromCharCode(0xac00 + initial * 588 + medial * 28);
  const steps = [JAMO_INITIAL[initial] as string, open];
  if (code % 28 !== 0) steps.push(char);
  return steps;
}

class Ime {
  private constructor(private readonly cdp: CDPSession) {}

  static async on(page: Page): Promise<Ime> {
    return new Ime(await page.context().newCDPSession(page));
  }

  /** Shows `text` as the syllable being composed (not committed). */
  async compose(text: string): Promise<void> {
    await this.cdp.send('Input.imeSetComposition', {
      text,
      selectionStart: text.length,
      selectionEnd: text.length,
    });
  }

  /** Commits `text` in place of the syllable being composed. */
  async commit(text: string): Promise<void> {
    await this.cdp.send('Input.insertText', { text });
  }

  /**
   * Types `text` syllable by syllable. With `leaveLastOpen` the last syllable stays composed, not committed, as
   * when the person stops in the middle of a word.
   */
  async type(text: string, options: { leaveLastOpen?: boolean } = {}): Promise<void> {
    const chars = [...text];
    for (let i = 0; i < chars.length; i++) {
      const char = chars[i] as string;
      const steps = compositionSteps(char);
      for (const step of steps) await this.compose(step);
      if (options.leaveLastOpen === true && i === chars.length - 1 && steps.length > 0) return;
      await this.commit(char);
    }
  }
}

/** The document as stored, read back through the API (not from the screen). */
async function storedPlan(d: DraftingPage): Promise<Record<string, unknown>> {
  const opened = await d.callApi<{ document: Record<string, unknown> }>('openDocument', {
    kind: 'executionPlan',
    projectId,
    slot: 'plan',
  });
  expect(opened.ok, opened.error?.message).toBe(true);
  return opened.value?.document ?? {};
}

async function focusEnd(field: Locator): Promise<void> {
  await field.click();
  await field.press('End');
}

test('Hangul composed through the input method is stored whole when an autosave comes mid-syllable', async ({
  page,
  app,
}) => {
  const d = new DraftingPage(page);
  await d.start(app.url, department);
  await d.openPlan(projectId);
  const ime = await Ime.on(page);

  const goal = d.field('정책목표 (추후 임의변경불가)');
  await focusEnd(goal);
  // Stopped in the middle of 업: the autosave after the pause stores what the field holds then, 업 included,
  // and the syllable is still being composed after it.
  await ime.type('입주기업', { leaveLastOpen: true });
  await expect(goal).toHaveValue('입주기업');
  await d.waitSaved();
  expect((await storedPlan(d)).policyGoal).toBe('입주기업');
  // The syllable survived the save: it is still being composed, and committing it takes its place.
  await ime.commit('업');
  await ime.type(' 150개사 유치');
  await expect(goal).toHaveValue('입주기업 150개사 유치');
  await d.waitSaved();

  // A one-line field: the contact's name, left mid-syllable by a click on another field (the browser commits it).
  const name = d.field('담당자 1 이름');
  await focusEnd(name);
  await ime.type('김도현', { leaveLastOpen: true });
  await goal.click();
  await expect(name).toHaveValue('김도현');
  await d.waitSaved();

  // A cell of 연차별 추진계획 left by Tab mid-syllable: the syllable is committed and the next cell has the keyboard.
  const firstHalf = d.scheduleCell(1, "'19 상");
  await focusEnd(firstHalf);
  await ime.type('1기 선발', { leaveLastOpen: true });
  await page.keyboard.press('Tab');
  await expect(firstHalf).toHaveValue('1기 선발');
  await expect(d.scheduleCell(1, "'19 하")).toBeFocused();
  await d.waitSaved();

  // Ctrl+S in the middle of a syllable saves the field as it shows, and the syllable is still there to finish.
  const detail = d.field('단위사업 1 세부 추진계획');
  await focusEnd(detail);
  await ime.type('입주공간 지원', { leaveLastOpen: true });
  await expect(d.saveIndicator).not.toHaveText(/^저장됨/);
  await page.keyboard.press('Control+s');
  await expect(d.saveIndicator).toHaveText(/^저장됨 \d\d:\d\d:\d\d$/);
  expect((await storedPlan(d)).unitProjects).toMatchObject([{ detailedPlan: '입주공간 지원' }]);
  await ime.commit('원');
  await expect(detail).toHaveValue('입주공간 지원');

  // What the screen shows is what was typed, once each, and what is stored is the same: committing the syllable
  // the save already held left nothing more to save.
  await expect(d.saveIndicator).toHaveText(/^저장됨 \d\d:\d\d:\d\d$/);
  const stored = await storedPlan(d);
  expect(stored.policyGoal).toBe('입주기업 150개사 유치');
  const contacts = stored.leadContacts as { name: string }[];
  expect(contacts[0]?.name).toBe('김도현');
  const units = stored.unitProjects as { detailedPlan: string; schedule: Record<string, string> }[];
  expect(units[0]?.detailedPlan).toBe('입주공간 지원');
  expect(units[0]?.schedule['2019-H1']).toBe('1기 선발');

  // And after the program is started again.
  await app.restart();
  await d.reopen(app.url);
  await d.openPlan(projectId);
  await expect(goal).toHaveValue('입주기업 150개사 유치');
  await expect(name).toHaveValue('김도현');
  await expect(detail).toHaveValue('입주공간 지원');
  await expect(firstHalf).toHaveValue('1기 선발');
});
