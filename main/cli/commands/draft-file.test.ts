import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../db/test/temp-dir';
import { runPledge as pledge } from '../test-io';

// `pledge draft pack` on one department PC and `pledge draft take` on another, real data folders and file.
let dir: ReturnType<typeof makeTempDir>;
const examples = join(import.meta.dirname, '..', '..', '..', 'docs', 'examples');

beforeEach(() => {
  dir = makeTempDir('cli-draft-file-');
});
afterEach(() => dir.remove());

async function departmentPc(name: string): Promise<string> {
  const data = join(dir.path, name);
  expect(
    (await pledge('setup', '--data', data, '--role', 'department', '--department', '경제진흥본부')).code,
  ).toBe(0);
  return data;
}

describe('pledge draft pack / take', () => {
  it('carries every project written on one PC to another, showing first what each document does', async () => {
    const first = await departmentPc('pc1');
    const second = await departmentPc('pc2');
    const plan = JSON.parse(readFileSync(join(examples, 'execution-plan.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    const planPath = join(dir.path, 'plan.json');
    writeFileSync(planPath, JSON.stringify({ ...plan, policyGoal: '1과가 쓴 목표' }));
    expect((await pledge('draft', 'import', '--data', first, planPath)).code).toBe(0);
    expect((await pledge('draft', 'import', '--data', first, join(examples, 'finance-row.json'))).code).toBe(
      0,
    );

    const file = join(dir.path, 'made.pledgedraft');
    const packed = await pledge('draft', 'pack', '--data', first, '--projects', 'all', '--out', file);
    expect(packed.code).toBe(0);
    expect(packed.out).toContain(`작성 문서 파일을 썼습니다: ${file}`);

    const shown = await pledge('draft', 'take', '--data', second, file);
    expect(shown.code).toBe(0);
    expect(shown.out).toContain('1-1-1 공약실천계획서: 새로 들어옴');
    expect(shown.out).toContain('1-1-1 재정집행 현황 2019년 상반기: 새로 들어옴');
    expect(shown.out).toContain('가져올 문서 2건: --yes 를 붙여 다시 실행하면 가져옵니다.');

    const taken = await pledge('draft', 'take', '--data', second, file, '--yes');
    expect(taken.out).toContain('2건을 가져왔습니다 (작성중)');
    const out = join(dir.path, 'exported');
    expect((await pledge('draft', 'export', '--data', second, '--out', out)).code).toBe(0);
    const stored = JSON.parse(readFileSync(join(out, 'plan-1-1-1-plan.json'), 'utf8')) as {
      policyGoal: string;
    };
    expect(stored.policyGoal).toBe('1과가 쓴 목표');

    const again = await pledge('draft', 'take', '--data', second, file, '--json');
    const parsed = JSON.parse(again.out) as { preview: { rows: { action: string }[] }; imported: unknown[] };
    expect(parsed.preview.rows.map((r) => r.action)).toEqual(['same', 'same']);
    expect(parsed.imported).toEqual([]);

    const missing = await pledge('draft', 'take', '--data', second, join(dir.path, 'none.pledgedraft'));
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('작성 문서 파일이 없습니다');
  });
});
