import { existsSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../db/test/temp-dir';
import { buildChildCli, type ChildCli } from '../test-cli-child';
import { runPledge as pledge } from '../test-io';

// Files named on the command line by keys, bundle and baseline, on real data folders: a file to read that is not
// there is named in Korean; an --out where no file can be made fails at once, before anything is stored.
let dir: ReturnType<typeof makeTempDir>;
let office: string;
let dept: string;

const keyIdOf = async (data: string) =>
  (JSON.parse((await pledge('keys', 'status', '--data', data, '--json')).out) as { keyId: string }).keyId;

beforeEach(async () => {
  dir = makeTempDir('cli-helper-files-');
  office = join(dir.path, 'office');
  dept = join(dir.path, 'dept');
  expect((await pledge('setup', '--data', office, '--role', 'office')).code).toBe(0);
  expect((await pledge('keys', 'init', '--data', office)).code).toBe(0);
  expect(
    (await pledge('setup', '--data', dept, '--role', 'department', '--department', '경제진흥본부')).code,
  ).toBe(0);
  expect((await pledge('keys', 'init', '--data', dept)).code).toBe(0);
});
afterEach(() => dir.remove());

describe('a file to read that is not there', () => {
  it('is named with what it was for, for keys import, bundle verify (file and --key) and baseline apply', async () => {
    const missing = join(dir.path, 'missing.file');
    const cases: [string[], string][] = [
      [['keys', 'import', missing, '--data', office], `가져올 키 파일: ${missing} — 파일이 없습니다.`],
      [['bundle', 'verify', missing, '--data', office], `검사할 제출 파일: ${missing} — 파일이 없습니다.`],
      [['bundle', 'verify', missing, '--key', missing], `검사할 제출 파일: ${missing} — 파일이 없습니다.`],
      [
        ['baseline', 'apply', missing, '--data', dept],
        `적용할 기준 자료 파일: ${missing} — 파일이 없습니다.`,
      ],
    ];
    for (const [argv, message] of cases) {
      const r = await pledge(...argv);
      expect(r.code, argv.join(' ')).toBe(1);
      expect(r.err, argv.join(' ')).toContain(message);
      expect(r.err, argv.join(' ')).not.toContain('ENOENT');
    }
    const bundle = join(dir.path, 'some.pledge');
    writeFileSync(bundle, 'x');
    const key = await pledge('bundle', 'verify', bundle, '--key', missing);
    expect(key.err).toContain(`--key 로 지정한 공개 키 파일: ${missing} — 파일이 없습니다.`);
    const folder = await pledge('keys', 'import', dir.path, '--data', office);
    expect(folder.err).toContain(`가져올 키 파일: ${dir.path} — 파일이 아니라 폴더입니다.`);
  });
});

describe('a file too large for what it is given as', () => {
  it('is refused by its size before it is read, in Korean, naming the file, its size and the limit', async () => {
    // Sparse: the sizes are real to stat and to a read, but take no disk.
    const huge = join(dir.path, 'huge.pledge');
    writeFileSync(huge, '');
    truncateSync(huge, 600 * 1024 * 1024);
    const bigKey = join(dir.path, 'big.pledgekey.json');
    writeFileSync(bigKey, '');
    truncateSync(bigKey, 2 * 1024 * 1024);
    const hugeJson = join(dir.path, 'huge.json');
    writeFileSync(hugeJson, '');
    truncateSync(hugeJson, 600 * 1024 * 1024);
    const small = join(dir.path, 'small.pledge');
    writeFileSync(small, 'x');
    const cases: [string[], string, string][] = [
      [['bundle', 'verify', huge, '--data', office], huge, '검사할 제출 파일은 100.0MB까지 읽습니다'],
      [['bundle', 'verify', small, '--key', bigKey], bigKey, '공개 키 파일은 1.0MB까지 읽습니다'],
      [['keys', 'import', bigKey, '--data', office], bigKey, '가져올 키 파일은 1.0MB까지 읽습니다'],
      [['catalog', '--data', office, '--replace', huge], huge, '공약사업 목록 파일은 100.0MB까지 읽습니다'],
      [['draft', 'take', '--data', dept, huge], huge, '작성 문서 파일은 100.0MB까지 읽습니다'],
      [
        ['draft', 'import', '--data', dept, hugeJson],
        hugeJson,
        '불러올 문서 JSON 파일은 100.0MB까지 읽습니다',
      ],
    ];
    for (const [argv, file, limit] of cases) {
      const r = await pledge(...argv);
      const what = argv.join(' ');
      expect(r.code, what).toBe(1);
      expect(r.err, what).toContain(`${file} — 파일이 너무 큽니다 (`);
      expect(r.err, what).toContain(limit);
      expect(r.err, what).not.toMatch(/ERR_|Invalid string length|Cannot create a string/);
    }
  });
});

describe.runIf(process.platform === 'linux')('--out where no file can be made (/proc)', () => {
  let cli: ChildCli;
  beforeAll(async () => {
    cli = await buildChildCli();
  });
  afterAll(() => cli.remove());

  it('keys export and baseline export into a folder that cannot be made fail at once, naming it', () => {
    const keys = cli.run(['keys', 'export', '--data', office, '--out', '/proc/pledge-test/k.json']);
    expect(keys.timedOut).toBe(false);
    expect(keys.status).toBe(1);
    expect(keys.stderr).toContain('키 등록 파일을 둘 폴더를 만들 수 없습니다: /proc/pledge-test');
    const baseline = cli.run(['baseline', 'export', '--data', office, '--out', '/proc/pledge-test/b.pledge']);
    expect(baseline.timedOut).toBe(false);
    expect(baseline.status).toBe(1);
    expect(baseline.stderr).toContain('기준 자료 파일을 둘 폴더를 만들 수 없습니다: /proc/pledge-test');
  });

  it('a folder that takes no file is named, not a temporary file; a key rotation is then not made', async () => {
    const exported = await pledge('keys', 'export', '--data', office, '--out', '/proc/k.json');
    expect(exported.code).toBe(1);
    expect(exported.err).toContain('키 등록 파일: /proc/k.json — 이 폴더에는 파일을 만들 수 없습니다.');
    expect(exported.err).not.toMatch(/ENOENT|\.tmp/);

    const before = await keyIdOf(dept);
    const rotated = await pledge('keys', 'rotate', '--data', dept, '--out', '/proc/rotation.json');
    expect(rotated.code).toBe(1);
    expect(rotated.err).toContain('키 교체 문서: /proc/rotation.json — 이 폴더에는 파일을 만들 수 없습니다.');
    expect(await keyIdOf(dept)).toBe(before);
  });

  it('baseline export makes the folder for its file and the revision stays r1 after a refused one', async () => {
    expect((await pledge('baseline', 'export', '--data', office, '--out', '/proc/b.pledge')).code).toBe(1);
    const out = join(dir.path, 'to', 'dept', 'b.pledge');
    const made = await pledge('baseline', 'export', '--data', office, '--out', out);
    expect(made.code).toBe(0);
    expect(made.out).toContain('회차: r1');
    expect(existsSync(out)).toBe(true);
  });
});
