import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { examples } from '../../../domain/documents/test-fixtures';
import { saveDocument } from '../../../db/documents';
import { makeTempDir } from '../../../db/test/temp-dir';
import { createAppContext } from '../../services/context';
import { main } from '../index';

// `pledge audit` on an office that imported a department's file; then the data file is edited with the sqlite3
// tool, as someone outside the program could.
let dir: ReturnType<typeof makeTempDir>;
let officeDir: string;
let deptDir: string;

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

beforeEach(async () => {
  dir = makeTempDir('pledge-cli-audit-');
  officeDir = join(dir.path, 'office');
  deptDir = join(dir.path, 'dept');
  expect((await run('setup', '--data', officeDir, '--role', 'office')).code).toBe(0);
  expect(
    (await run('setup', '--data', deptDir, '--role', 'department', '--department', '경제진흥본부')).code,
  ).toBe(0);
  const ctx = await createAppContext({
    profileDir: deptDir,
    dataDirOverride: deptDir,
    mode: 'cli',
    appVersion: '0.1.0',
  });
  await saveDocument(
    ctx.db,
    {
      kind: 'financeRow',
      projectId: '1-1-1',
      slot: '2019-H1',
      department: '경제진흥본부',
      json: examples.financeRowJson,
      reason: 'submit',
      status: 'submitted',
    },
    new Date(),
  );
  await ctx.close();
  expect((await run('keys', 'init', '--data', deptDir)).code).toBe(0);
  const enrolment = join(dir.path, 'dept.pledgekey.json');
  const exported = await run('keys', 'export', '--out', enrolment, '--data', deptDir);
  const keyId = /키 ID: ([0-9a-f]{16})/.exec(exported.out)?.[1] ?? '';
  expect((await run('keys', 'import', enrolment, '--data', officeDir)).code).toBe(0);
  expect((await run('keys', 'approve', keyId, '--data', officeDir)).code).toBe(0);
  const bundle = join(dir.path, 'r1.pledge');
  expect(
    (await run('bundle', 'export', '--period', '2019-H1', '--out', bundle, '--data', deptDir)).code,
  ).toBe(0);
  expect((await run('import', bundle, '--data', officeDir)).code).toBe(0);
});
afterEach(() => dir.remove());

describe('pledge audit', () => {
  it('finds the stored documents as the file carries them, then names the one edited with sqlite3', async () => {
    const sound = await run('audit', '--data', officeDir);
    expect(sound.code).toBe(0);
    expect(sound.out).toContain('제출 파일 1개, 문서 1건을 점검했습니다.');
    expect(sound.out).toContain('이상 없음');

    execFileSync('sqlite3', [
      join(officeDir, 'pledge.sqlite'),
      `UPDATE received_documents SET json = json_set(json, '$.secured.national', 999999);`,
    ]);
    const changed = await run('audit', '--data', officeDir, '--json');
    expect(changed.code).toBe(1);
    const audit = JSON.parse(changed.out) as {
      problems: { fileName: string; department: string; problem: string }[];
    };
    expect(audit.problems).toEqual([
      expect.objectContaining({
        fileName: 'r1.pledge',
        department: '경제진흥본부',
        problem: 'documents/finance-1-1-1-2019-H1.json: 저장된 문서의 내용이 파일과 다릅니다.',
      }),
    ]);
    const said = await run('audit', '--data', officeDir);
    expect(said.code).toBe(1);
    expect(said.out).toContain(
      '- r1.pledge (경제진흥본부 r1): documents/finance-1-1-1-2019-H1.json: 저장된 문서의 내용이 파일과 다릅니다.',
    );
    expect(said.out).toContain('다른 점이 있습니다.');
  });

  it('is refused on a department copy', async () => {
    const r = await run('audit', '--data', deptDir);
    expect(r.code).toBe(1);
    expect(r.err).toContain('기획담당관');
  });
});
