import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../db/test/temp-dir';
import { damageRootPage } from '../services/test-support/unreadable-file';
import { buildChildCli, type ChildCli } from './test-cli-child';
import { runPledge as pledge } from './test-io';

// --data on real folders: only `setup` makes a data folder; every other command refuses a folder that is not
// there or holds no database, and a network share is refused as typed. Nothing is created by a mistaken command.
let dir: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  dir = makeTempDir('cli-helper-data-');
});
afterEach(() => dir.remove());

/** Every command that reads or writes an existing data folder, with what else it needs (files that exist). */
function commandsOn(data: string): string[][] {
  const json = join(dir.path, 'doc.json');
  writeFileSync(json, '{}');
  const out = join(dir.path, 'out');
  return [
    ['catalog', '--data', data],
    ['catalog', '--data', data, '--json'],
    ['backup', '--data', data],
    ['report', '--data', data, '--period', '2019-H1'],
    ['publish', '--data', data, '--period', '2019-H1', '--out', out],
    ['bundle', 'export', '--data', data, '--period', '2019-H1'],
    ['bundle', 'verify', json, '--data', data],
    ['draft', 'export', '--data', data],
    ['draft', 'export', '--data', data, '--out', out],
    ['draft', 'import', '--data', data, json],
    ['keys', 'init', '--data', data],
    ['keys', 'status', '--data', data],
    ['keys', 'list', '--data', data],
    ['keys', 'export', '--data', data],
    ['plans', '--data', data],
    ['import', '--data', data, json],
    ['baseline', 'export', '--data', data],
    ['baseline', 'apply', json, '--data', data],
  ];
}

describe('--data of a folder that does not exist', () => {
  it('is refused by every command but setup, naming the folder and what to do, and nothing is created', async () => {
    const data = join(dir.path, 'typo', 'data');
    for (const argv of commandsOn(data)) {
      const r = await pledge(...argv);
      expect(r.code, argv.join(' ')).toBe(1);
      expect(r.err, argv.join(' ')).toContain(`데이터 폴더가 없습니다: ${data}`);
      expect(r.err, argv.join(' ')).toContain("먼저 'pledge setup --data");
      expect(r.err, argv.join(' ')).not.toMatch(/invalid_type|Error:|ENOENT/);
      expect(existsSync(join(dir.path, 'typo')), argv.join(' ')).toBe(false);
      expect(existsSync(join(dir.path, 'out')), argv.join(' ')).toBe(false);
    }
    expect(readdirSync(dir.path)).toEqual(['doc.json']);
  });

  it('a folder without a database is refused too, and left empty', async () => {
    const data = join(dir.path, 'empty');
    mkdirSync(data);
    for (const argv of commandsOn(data)) {
      const r = await pledge(...argv);
      expect(r.code, argv.join(' ')).toBe(1);
      expect(r.err, argv.join(' ')).toContain(
        `이 폴더에는 공약이행 데이터(pledge.sqlite)가 없습니다: ${data}`,
      );
      expect(readdirSync(data), argv.join(' ')).toEqual([]);
    }
  });

  it('a backup of a mistyped folder does not report success', async () => {
    const data = join(dir.path, 'nodata');
    const r = await pledge('backup', '--data', data, '--json');
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toContain(`데이터 폴더가 없습니다: ${data}`);
    expect(existsSync(data)).toBe(false);
  });

  it('a pledge.sqlite that is not a database is named, not dumped as an SQLite error', async () => {
    const data = join(dir.path, 'broken');
    mkdirSync(data);
    writeFileSync(
      join(data, 'pledge.sqlite'),
      'this is not a database, but it is long enough to be read as one',
    );
    const r = await pledge('catalog', '--data', data);
    expect(r.code).toBe(1);
    expect(r.err).toContain(
      `공약이행 데이터베이스가 아니거나 손상된 파일입니다: ${join(data, 'pledge.sqlite')}`,
    );
    // The way out: the app's recovery screen, or pledge restore into a folder outside the broken one.
    expect(r.err).toContain('복구 화면');
    expect(r.err).toContain(`pledge restore 백업파일 --data 새_폴더 로 ${data} 밖의 새 폴더에 복원하세요`);
    expect(readFileSync(join(data, 'pledge.sqlite'), 'utf8')).toContain('this is not a database');
  });

  it('a page found damaged while a command runs is named in Korean, and the file stays as it was', async () => {
    const data = join(dir.path, 'damaged');
    expect((await pledge('setup', '--data', data, '--role', 'office')).code).toBe(0);
    const file = join(data, 'pledge.sqlite');
    expect(existsSync(`${file}-wal`) ? readFileSync(`${file}-wal`).length : 0).toBe(0);
    // The root page of the received documents' table: opening the folder does not read it, a report does. The
    // file's first pages (header, schema) stay whole, so the open succeeds and the query meets the damage.
    const damaged = damageRootPage(file, 'received_documents');
    const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
    for (const argv of [
      ['report', '--data', data, '--period', '2019-H1', '--json'],
      ['plans', '--data', data],
    ]) {
      const r = await pledge(...argv);
      expect(r.code, argv.join(' ')).toBe(1);
      expect(r.out, argv.join(' ')).toBe('');
      expect(r.err, argv.join(' ')).toContain(`공약이행 데이터베이스가 아니거나 손상된 파일입니다: ${file}`);
      expect(r.err, argv.join(' ')).toContain('pledge restore 백업파일');
      expect(r.err, argv.join(' ')).not.toMatch(/malformed|SQLITE/);
      expect(sha256(readFileSync(file)), argv.join(' ')).toBe(sha256(damaged));
    }
  });

  it('setup makes the folder, and the other commands then use it', async () => {
    const data = join(dir.path, 'new', 'data');
    expect((await pledge('setup', '--data', data, '--role', 'office')).code).toBe(0);
    expect(existsSync(join(data, 'pledge.sqlite'))).toBe(true);
    const listed = await pledge('catalog', '--data', data, '--json');
    expect(listed.code).toBe(0);
    expect((JSON.parse(listed.out) as { totals: { projects: number } }).totals.projects).toBe(238);
    expect((await pledge('keys', 'list', '--data', data)).out).toContain('등록된 키가 없습니다.');
  });
});

describe('--data on a network share', () => {
  it.each(['\\\\pledge-test-server\\공약\\data', '//pledge-test-server/공약/data'])(
    'is refused as typed (%s), before it could become a folder under the working folder',
    async (share) => {
      let top = resolve(share);
      while (!existsSync(dirname(top))) top = dirname(top);
      expect(existsSync(top)).toBe(false);
      for (const argv of [
        ['setup', '--data', share, '--role', 'office'],
        ['catalog', '--data', share],
        ['backup', '--data', share],
      ]) {
        const r = await pledge(...argv);
        // On POSIX "\\server\…" would resolve to a folder of that name under the working folder, and
        // "//server/…" to /server: should that happen, it is removed again before the test fails.
        const leaked = existsSync(top);
        if (leaked) rmSync(top, { recursive: true, force: true });
        expect(leaked, argv.join(' ')).toBe(false);
        expect(r.code, argv.join(' ')).toBe(1);
        expect(r.err, argv.join(' ')).toContain(
          `네트워크 공유 폴더(${share})에는 데이터베이스를 둘 수 없습니다`,
        );
        expect(r.err, argv.join(' ')).toContain('--data 로 이 PC의 폴더를 지정하세요');
      }
    },
  );
});

describe('pledge setup', () => {
  it('refuses a data path that is a file, by name, and leaves the file as it was', async () => {
    const file = join(dir.path, 'notes.txt');
    writeFileSync(file, 'keep me');
    const r = await pledge('setup', '--data', file, '--role', 'office');
    expect(r.code).toBe(1);
    expect(r.err).toContain(`--data 로 지정한 경로가 폴더가 아니라 파일입니다: ${file}`);
    expect(r.err).not.toContain('EEXIST');
    expect(readFileSync(file, 'utf8')).toBe('keep me');
    expect(readdirSync(dir.path)).toEqual(['notes.txt']);
  });

  it('without --role, or with another value, lists the roles it takes and creates nothing', async () => {
    const data = join(dir.path, 'data');
    const missing = await pledge('setup', '--data', data);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('--role 로 사용자를 지정하세요');
    expect(missing.err).toContain('department (주관부서');
    expect(missing.err).toContain('office (기획담당관)');
    expect(missing.err).not.toContain('Invalid option');
    const wrong = await pledge('setup', '--data', data, '--role', 'admin');
    expect(wrong.code).toBe(2);
    expect(wrong.err).toContain('알 수 없는 --role 값입니다: admin');
    expect(existsSync(data)).toBe(false);
  });

  it('a department role without --department, or an unknown department, leaves nothing behind', async () => {
    const data = join(dir.path, 'new', 'data');
    const missing = await pledge('setup', '--data', data, '--role', 'department');
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('--department 로 주관부서 이름을 지정하세요');
    const unknown = await pledge('setup', '--data', data, '--role', 'department', '--department', '없는부서');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('공약사업 목록에 없는 부서입니다: 없는부서');
    expect(readdirSync(dir.path)).toEqual([]);

    // An existing empty folder keeps being empty (the database setup opened is removed again).
    const empty = join(dir.path, 'empty');
    mkdirSync(empty);
    expect((await pledge('setup', '--data', empty, '--role', 'department', '--department', 'x')).code).toBe(
      1,
    );
    expect(readdirSync(empty)).toEqual([]);
  });
});

describe.runIf(process.platform === 'linux')('a data folder where no folder can be made (/proc)', () => {
  let cli: ChildCli;
  beforeAll(async () => {
    cli = await buildChildCli();
  });
  afterAll(() => cli.remove());

  it('setup fails at once with the folder named (no endless mkdir)', () => {
    const r = cli.run(['setup', '--data', '/proc/pledge-cli-test/data', '--role', 'office']);
    expect(r.timedOut).toBe(false);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('데이터 폴더를 만들 수 없습니다: /proc/pledge-cli-test');
    expect(r.stderr).not.toMatch(/ENOENT|at .*\.mjs/);
  });
});
