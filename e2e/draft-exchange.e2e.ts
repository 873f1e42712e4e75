import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startAppServer } from './app-server';
import { expect, test } from './fixtures';
import { pledgeAt } from './pages/submission-cli';
import { expectAccessible } from './support/axe';

const DEPARTMENT = '경제진흥본부';
const examples = join(import.meta.dirname, '..', 'docs', 'examples');
const example = (name: string) =>
  JSON.parse(readFileSync(join(examples, name), 'utf8')) as Record<string, unknown>;

test('one PC of a department makes a 작성 문서 파일 of chosen projects; the key holder’s PC previews it and takes it', async ({
  page,
}) => {
  const root = mkdtempSync(join(tmpdir(), 'pledge-e2e-'));
  const first = join(root, 'pc1');
  const second = join(root, 'pc2');
  const write = (dataDir: string, clock: string, name: string, json: Record<string, unknown>) => {
    const path = join(root, `${name}.json`);
    writeFileSync(path, JSON.stringify(json));
    pledgeAt(clock, 'draft', 'import', '--data', dataDir, path);
  };
  // PC 2 (the key holder's) began 1-1-1's plan on July 1; PC 1 (a 과) wrote it again on July 2, with 1-1-1's
  // 재정집행 현황 and 1-1-2's plan.
  const plan = example('execution-plan.json');
  pledgeAt(
    '2019-07-01T09:00:00+09:00',
    'setup',
    '--data',
    second,
    '--role',
    'department',
    '--department',
    DEPARTMENT,
  );
  write(second, '2019-07-01T10:00:00+09:00', 'pc2-plan', { ...plan, policyGoal: '서무가 처음 쓴 목표' });
  pledgeAt(
    '2019-07-01T09:00:00+09:00',
    'setup',
    '--data',
    first,
    '--role',
    'department',
    '--department',
    DEPARTMENT,
  );
  write(first, '2019-07-02T10:00:00+09:00', 'pc1-plan', { ...plan, policyGoal: '1과가 쓴 정책목표' });
  write(first, '2019-07-02T10:05:00+09:00', 'pc1-finance', example('finance-row.json'));
  write(first, '2019-07-02T10:10:00+09:00', 'pc1-other', {
    ...plan,
    projectId: '1-1-2',
    policyGoal: '다른 과',
  });

  const made = join(root, 'made.pledgedraft');
  const one = await startAppServer({
    root,
    dataDir: first,
    profileDir: join(root, 'p1'),
    now: '2019-07-02T11:00:00+09:00',
  });
  try {
    await page.goto(one.url);
    await page.getByRole('button', { name: '문서 작성' }).click();
    const panel = page.getByTestId('draft-exchange');
    await panel.getByText('다른 PC와 작성 문서 주고받기 (같은 부서)').click();
    // The projects this PC wrote, all chosen; 1-1-2 is another 과's and is left out.
    await expect(panel.getByRole('checkbox', { name: /^1-1-/ })).toHaveCount(2);
    await panel.getByRole('checkbox', { name: /^1-1-2 / }).uncheck();
    const download = page.waitForEvent('download');
    await panel.getByRole('button', { name: '작성 문서 파일 만들기 (사업 1개)' }).click();
    await (await download).saveAs(made);
    await expect(panel.getByRole('status')).toContainText('작성문서_경제진흥본부_20190702-1100.pledgedraft');
  } finally {
    await one.stop();
  }

  const two = await startAppServer({
    root,
    dataDir: second,
    profileDir: join(root, 'p2'),
    now: '2019-07-03T09:00:00+09:00',
  });
  try {
    await page.goto(two.url);
    await page.getByRole('button', { name: '문서 작성' }).click();
    const panel = page.getByTestId('draft-exchange');
    await panel.getByText('다른 PC와 작성 문서 주고받기 (같은 부서)').click();
    await panel.locator('input[type="file"]').setInputFiles(made);
    const preview = panel.getByTestId('draft-import-preview');
    await expect(preview).toContainText('2019-07-02 11:00에 만든 파일, 문서 2건');
    const rows = preview.locator('tbody tr');
    await expect(rows).toHaveCount(2);
    const planRow = rows.filter({ hasText: '공약실천계획서' });
    await expect(planRow).toHaveAttribute('data-action', 'replace');
    await expect(planRow).toContainText('2019-07-02 10:00');
    await expect(planRow).toContainText('2019-07-01 10:00 저장');
    await expect(planRow).toContainText('이 PC 문서를 바꿈');
    await expect(rows.filter({ hasText: '재정집행 현황 2019년 상반기' })).toHaveAttribute(
      'data-action',
      'new',
    );
    await expect(preview.getByRole('checkbox', { checked: true })).toHaveCount(2);
    await expectAccessible(page, '작성 문서 가져오기 미리 보기');

    await preview.getByRole('button', { name: '고른 문서 가져오기 (2건)' }).click();
    await expect(panel).toContainText('2건을 가져왔습니다');
    await expect(preview).toHaveCount(0);

    // The plan is PC 1's now, and PC 2's own text is one click away in its 저장 기록.
    await page.getByRole('button', { name: '1-1-1 실천계획서 열기' }).click();
    await expect(page.getByLabel('정책목표 (추후 임의변경불가)')).toHaveValue('1과가 쓴 정책목표');
  } finally {
    await two.stop();
    rmSync(root, { recursive: true, force: true });
  }
});
