import { expect, test } from './fixtures';
import { DraftingPage } from './pages/drafting-page';
import { confirmPlanThroughApi } from './support/confirmed-plan';

// The card's frozen fields are marked with something every PC draws: most government PCs (and this one) have
// no emoji font, so a 🔒 drawn by CSS came out as a box or nothing, and a screen reader read it as an emoji name.

const department = '경제진흥본부';
const projectId = '1-1-1';
/** Emoji and pictographs (🔒 and the like), and the variation selector that asks for an emoji glyph. */
const PICTOGRAPH = /[\p{Extended_Pictographic}\u{FE0F}]/u;

test('the frozen fields of a card are marked by a 고정 badge with an accessible name, and no emoji anywhere', async ({
  page,
  app,
}, testInfo) => {
  const d = new DraftingPage(page);
  await d.start(app.url, department);
  const goal = '○ 입주기업 150개사 육성';
  await confirmPlanThroughApi(d, {
    department,
    projectId,
    policyGoal: goal,
    units: [
      { name: '핀테크랩 운영', detailedPlan: '- 입주공간 지원', schedule: { '2019-H1': '입주기업 선발' } },
    ],
  });
  await d.openCard(projectId, '2019-H1');

  const frozen = page.getByRole('region', { name: '확정된 실천계획서 항목' });
  await expect(frozen.getByTestId('frozen-policy-goal')).toHaveText(goal);
  const note = frozen.getByRole('note');
  await expect(note).toHaveText(
    '고정 확정된 실천계획서에서 가져온 항목입니다. 변경은 공약 조정 요청서로 합니다.',
  );
  // The badge: visible text, and a name saying what it means, not what it looks like.
  const badge = note.getByRole('img', { name: '고정: 수정할 수 없는 항목' });
  await expect(badge).toBeVisible();
  await expect(badge).toHaveText('고정');
  const box = await badge.boundingBox();
  expect(box?.width ?? 0).toBeGreaterThan(0);
  await note.screenshot({ path: testInfo.outputPath('frozen-note.png') });

  // Nothing drawn by CSS in front of or after the note, its badge or the section, and no emoji in their text.
  const generated = await frozen.evaluate((section) =>
    [section, ...section.querySelectorAll('*')].flatMap((el) =>
      (['::before', '::after'] as const).map((pseudo) => getComputedStyle(el, pseudo).content),
    ),
  );
  for (const content of generated) expect(content).not.toMatch(PICTOGRAPH);
  expect(generated.filter((c) => c !== 'none' && c !== 'normal')).toEqual([]);
  expect(await frozen.innerText()).not.toMatch(PICTOGRAPH);
});
