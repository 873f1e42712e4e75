import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDb } from '../../../db/create-db';
import { listDocuments, saveDocument } from '../../../db/documents';
import { makeTempDir } from '../../../db/test/temp-dir';
import { databaseFileName } from '../../services/context';
import { buildChildCli, type ChildCli } from '../test-cli-child';
import { runPledge as pledge } from '../test-io';

// `pledge draft` on a real department data folder: a file that cannot be read or is not JSON is named in
// Korean and nothing is stored; an export folder that cannot be made fails at once.
let dir: ReturnType<typeof makeTempDir>;
let dept: string;

/** How many documents the folder holds, counted by exporting them. */
async function documentCount(): Promise<number> {
  const out = join(dir.path, `count-${Math.random().toString(36).slice(2)}`);
  const r = await pledge('draft', 'export', '--data', dept, '--out', out);
  expect(r.code).toBe(0);
  return readdirSync(out).length;
}

beforeEach(async () => {
  dir = makeTempDir('cli-helper-draft-');
  dept = join(dir.path, 'dept');
  expect(
    (await pledge('setup', '--data', dept, '--role', 'department', '--department', '경제진흥본부')).code,
  ).toBe(0);
});
afterEach(() => dir.remove());

describe('pledge draft import', () => {
  it('a file that does not exist is named, and nothing is stored', async () => {
    const missing = join(dir.path, 'no-such.json');
    const r = await pledge('draft', 'import', '--data', dept, missing);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`불러올 파일이 없습니다: ${missing}`);
    expect(r.err).not.toContain('ENOENT');
    expect(await documentCount()).toBe(0);
  });

  it('a file that is not JSON, or a folder, is named without the parser message, and nothing is stored', async () => {
    const text = join(dir.path, 'plan.json');
    writeFileSync(text, '공약실천계획서\n1-1-1 …');
    const r = await pledge('draft', 'import', '--data', dept, text);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`문서 JSON 파일이 아닙니다 (JSON 형식으로 읽을 수 없습니다): ${text}`);
    expect(r.err).not.toMatch(/SyntaxError|Unexpected token|is not valid JSON/);

    const folder = join(dir.path, 'folder.json');
    mkdirSync(folder);
    const f = await pledge('draft', 'import', '--data', dept, folder);
    expect(f.code).toBe(1);
    expect(f.err).toContain(`불러올 것은 문서 JSON 파일인데 폴더를 지정했습니다: ${folder}`);
    expect(await documentCount()).toBe(0);
  });

  it('a JSON file saved with a byte-order mark (Windows Notepad) is read', async () => {
    const example = readFileSync(
      join(import.meta.dirname, '..', '..', '..', 'docs', 'examples', 'finance-row.json'),
      'utf8',
    );
    const file = join(dir.path, 'bom.json');
    writeFileSync(file, `\uFEFF${example}`);
    const r = await pledge('draft', 'import', '--data', dept, file);
    expect(r.code).toBe(0);
    expect(r.out).toContain('저장했습니다');
    expect(await documentCount()).toBe(1);
  });
});

describe('pledge draft export', () => {
  it('an --out where a file stands is refused by name, and the file is kept', async () => {
    const file = join(dir.path, 'export');
    writeFileSync(file, 'keep');
    const r = await pledge('draft', 'export', '--data', dept, '--out', file);
    expect(r.code).toBe(1);
    expect(r.err).toContain(
      `문서를 쓸 폴더를 만들 수 없습니다: ${file} (폴더 자리에 같은 이름의 파일이 있습니다)`,
    );
    expect(readFileSync(file, 'utf8')).toBe('keep');
  });

  it('two copies of one document (the department changed in 설정 변경) are written side by side, whatever the department name', async () => {
    const example = join(import.meta.dirname, '..', '..', '..', 'docs', 'examples', 'finance-row.json');
    expect((await pledge('draft', 'import', '--data', dept, example)).code).toBe(0);
    // The same row kept from when this PC was another department, one another city's list names with / and :.
    const db = createDb(join(dept, databaseFileName));
    try {
      const [kept] = await listDocuments(db);
      if (kept === undefined) throw new Error('no document imported');
      await saveDocument(
        db,
        { ...kept, department: '경제/일자리:기획과', reason: 'import', status: 'draft' },
        new Date('2019-07-01T09:00:00Z'),
      );
    } finally {
      await db.destroy();
    }
    const out = join(dir.path, 'export');
    const r = await pledge('draft', 'export', '--data', dept, '--out', out);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    // Both in the folder itself, under names Windows takes as they are (no subfolder, no ':' stream).
    expect(readdirSync(out).sort()).toEqual([
      'finance-1-1-1-2019-H1-경제_일자리_기획과.json',
      'finance-1-1-1-2019-H1-경제진흥본부.json',
    ]);
  });

  describe.runIf(process.platform === 'linux')('where no folder can be made (/proc)', () => {
    let cli: ChildCli;
    beforeAll(async () => {
      cli = await buildChildCli();
    });
    afterAll(() => cli.remove());

    it('fails at once, naming the folder (no endless mkdir)', () => {
      const r = cli.run(['draft', 'export', '--data', dept, '--out', '/proc/pledge-test/export']);
      expect(r.timedOut).toBe(false);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('문서를 쓸 폴더를 만들 수 없습니다: /proc/pledge-test/export');
      expect(r.stderr).toContain('--out 경로를 확인하세요');
    });
  });
});
