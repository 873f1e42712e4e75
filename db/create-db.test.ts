import BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  assertLocalDatabasePath,
  createDb,
  createFolder,
  DataFolderError,
  PAGE_CACHE_KIB,
  PAGE_SIZE,
} from './create-db';
import { DatabaseTooNewError, migrate, schemaVersionOf } from './migrate';
import { latestSchemaVersion, migrations } from './migrations/index';
import type { Migration } from './migrations/types';
import { getSetting, setSetting } from './settings';
import { makeTempDir } from './test/temp-dir';

let dir: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  dir = makeTempDir();
});
afterEach(() => dir.remove());

describe('createDb', () => {
  it('creates a migrated WAL database with FULL sync and foreign keys, also after reopening', async () => {
    const path = join(dir.path, 'data', 'pledge.sqlite');
    const db = createDb(path);
    await setSetting(db, 'role', { role: 'office' });
    await db.destroy();

    const db2 = createDb(path);
    expect(await getSetting(db2, 'role')).toEqual({ role: 'office' });
    await db2.destroy();

    // Read the pragmas through a second, independent connection opened the same way.
    const raw = new BetterSqlite3(path);
    expect(schemaVersionOf(raw)).toBe(latestSchemaVersion);
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
  });

  it('sets synchronous=FULL, the page cache and memory for temporary data on every open (SQLite does not persist them)', async () => {
    const path = join(dir.path, 'pledge.sqlite');
    await createDb(path).destroy();
    const db = createDb(path);
    const sync = await sql<{ synchronous: number }>`PRAGMA synchronous`.execute(db);
    expect(sync.rows[0]?.synchronous).toBe(2);
    const fk = await sql<{ foreign_keys: number }>`PRAGMA foreign_keys`.execute(db);
    expect(fk.rows[0]?.foreign_keys).toBe(1);
    const cache = await sql<{ cache_size: number }>`PRAGMA cache_size`.execute(db);
    expect(cache.rows[0]?.cache_size).toBe(-PAGE_CACHE_KIB);
    const temp = await sql<{ temp_store: number }>`PRAGMA temp_store`.execute(db);
    expect(temp.rows[0]?.temp_store).toBe(2); // MEMORY
    await db.destroy();
  });

  it('gives a new file 16 KB pages, and opens an older 4 KB-page file as it is, data and all', async () => {
    const fresh = join(dir.path, 'new.sqlite');
    const db = createDb(fresh);
    await setSetting(db, 'role', { role: 'office' });
    await db.destroy();
    const reopened = new BetterSqlite3(fresh, { readonly: true });
    expect(reopened.pragma('page_size', { simple: true })).toBe(PAGE_SIZE);
    reopened.close();

    // A file made by an earlier version (SQLite's default 4 KB pages) with a row in it.
    const older = join(dir.path, 'older.sqlite');
    const raw = new BetterSqlite3(older);
    raw.pragma('journal_mode = WAL');
    migrate(raw);
    raw
      .prepare(`INSERT INTO settings (key, value) VALUES ('role', ?)`)
      .run(JSON.stringify({ role: 'department' }));
    expect(raw.pragma('page_size', { simple: true })).toBe(4096);
    raw.close();
    const db2 = createDb(older);
    expect(await getSetting(db2, 'role')).toEqual({ role: 'department' });
    await setSetting(db2, 'role', { role: 'office' });
    await db2.destroy();
    const check = new BetterSqlite3(older, { readonly: true });
    expect(check.pragma('page_size', { simple: true })).toBe(4096);
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    check.close();
  });

  it('refuses a database written by a newer version and leaves it untouched', () => {
    const path = join(dir.path, 'newer.sqlite');
    const raw = new BetterSqlite3(path);
    raw.exec('CREATE TABLE future (x INTEGER) STRICT');
    raw.pragma(`user_version = ${latestSchemaVersion + 5}`);
    raw.close();

    expect(() => createDb(path)).toThrow(DatabaseTooNewError);
    expect(() => createDb(path)).toThrow(/더 새로운 버전/);

    const after = new BetterSqlite3(path);
    expect(schemaVersionOf(after)).toBe(latestSchemaVersion + 5);
    const tables = after.prepare("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name").all();
    expect(tables).toEqual([{ name: 'future' }]);
    after.close();
  });

  it('refuses network-share paths', () => {
    expect(() => createDb('\\\\server\\share\\pledge.sqlite')).toThrow(/네트워크 공유 폴더/);
    expect(() => createDb('//server/share/pledge.sqlite')).toThrow(/네트워크 공유 폴더/);
    expect(() => createDb('\\\\?\\UNC\\server\\share\\pledge.sqlite')).toThrow(/네트워크 공유 폴더/);
    expect(() => createDb('\\\\?\\Volume{0b1c}\\pledge.sqlite')).toThrow(/네트워크 공유 폴더/);
  });

  it('on Windows, refuses a drive letter mapped to a network share, by what Windows says the root is', () => {
    // Windows answers GetFinalPathNameByHandle (realpathSync.native) for a mapped drive's root with its share's path.
    const roots: Record<string, string> = {
      'C:\\': 'C:\\',
      'X:\\': 'C:\\작업\\',
      'H:\\': '\\\\fs01.seoul.go.kr\\home$\\kim\\',
      'Z:\\': '\\\\?\\UNC\\fs02\\제출\\',
    };
    const resolveRoot = (root: string): string => {
      const answer = roots[root];
      if (answer === undefined) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
      return answer;
    };
    expect(() => assertLocalDatabasePath('H:\\공약이행\\pledge.sqlite', 'win32', resolveRoot)).toThrow(
      'H: 드라이브는 네트워크 공유 폴더(\\\\fs01.seoul.go.kr\\home$\\kim\\)에 연결된 네트워크 드라이브이므로',
    );
    expect(() => assertLocalDatabasePath('z:\\데이터', 'win32', resolveRoot)).toThrow(
      'Z: 드라이브는 네트워크 공유 폴더(\\\\fs02\\제출\\)',
    );
    expect(() => assertLocalDatabasePath('\\\\?\\H:\\데이터', 'win32', resolveRoot)).toThrow(/H: 드라이브/);
    // A local drive, a SUBST of a local folder, and a drive Windows cannot answer for (the folder checks say so).
    for (const path of ['C:\\공약이행', 'X:\\데이터', 'Q:\\데이터'])
      expect(() => assertLocalDatabasePath(path, 'win32', resolveRoot), path).not.toThrow();
    // Elsewhere the drive is not asked, and on this machine Windows' answer is not to be had.
    expect(() => assertLocalDatabasePath('H:\\데이터', 'linux', resolveRoot)).not.toThrow();
    expect(() => assertLocalDatabasePath('C:\\데이터', 'win32')).not.toThrow();
  });

  it("takes Windows' extended-length and device forms of a drive path as local", () => {
    for (const path of [
      '\\\\?\\C:\\공약이행\\pledge.sqlite',
      '\\\\.\\d:\\data',
      '//?/C:/공약이행',
      '\\\\?\\C:',
    ])
      expect(() => assertLocalDatabasePath(path), path).not.toThrow();
  });
});

describe('createFolder', () => {
  it('makes the missing levels, says which was the first, and leaves an existing folder alone', () => {
    const deep = join(dir.path, 'a', 'b', 'c');
    expect(createFolder(deep)).toBe(join(dir.path, 'a'));
    expect(existsSync(deep)).toBe(true);
    expect(createFolder(deep)).toBeNull();
  });

  it('fails on a file where a folder should be, with EEXIST or ENOTDIR, and makes nothing', () => {
    const file = join(dir.path, 'file');
    writeFileSync(file, 'x');
    expect(() => createFolder(file)).toThrow(expect.objectContaining({ code: 'EEXIST' }) as unknown as Error);
    expect(() => createFolder(join(file, 'sub'))).toThrow(
      expect.objectContaining({ code: 'ENOTDIR' }) as unknown as Error,
    );
    expect(readFileSync(file, 'utf8')).toBe('x');
    expect(readdirSync(dir.path)).toEqual(['file']);
  });

  it('createDb names a data folder that cannot be made (a file in its place)', () => {
    writeFileSync(join(dir.path, 'data'), 'x');
    expect(() => createDb(join(dir.path, 'data', 'pledge.sqlite'))).toThrow(DataFolderError);
    expect(() => createDb(join(dir.path, 'data', 'pledge.sqlite'))).toThrow(
      `데이터 폴더를 만들 수 없습니다: ${join(dir.path, 'data')} (폴더 자리에 같은 이름의 파일이 있습니다).`,
    );
  });

  // In a child process with a time limit: Node's recursive mkdir loops forever there, and a synchronous loop in
  // this worker could not be stopped by the test's timeout.
  it.runIf(process.platform === 'linux')(
    'fails at once where the file system refuses new folders (/proc)',
    async () => {
      // Inside the project so that the child resolves better-sqlite3 and kysely from node_modules.
      const script = join(
        import.meta.dirname,
        '..',
        'node_modules',
        '.cache',
        'pledge-tests',
        `create-db-proc-${process.pid}.mjs`,
      );
      await build({
        stdin: {
          contents: `import { createDb } from './create-db';
          try { createDb('/proc/pledge-test/data/pledge.sqlite'); console.log('created'); }
          catch (error) { console.log(error.constructor.name + ': ' + error.message); }`,
          resolveDir: import.meta.dirname,
          loader: 'ts',
        },
        outfile: script,
        bundle: true,
        platform: 'node',
        format: 'esm',
        packages: 'external',
        logLevel: 'silent',
      });
      try {
        const run = spawnSync(process.execPath, [script], {
          encoding: 'utf8',
          timeout: 15_000,
          killSignal: 'SIGKILL',
        });
        expect(run.error).toBeUndefined();
        expect(run.stdout.trim()).toBe(
          'DataFolderError: 데이터 폴더를 만들 수 없습니다: /proc/pledge-test/data (이 위치에는 폴더를 만들 수 없습니다).',
        );
      } finally {
        rmSync(script, { force: true });
      }
    },
  );
});

describe('migrate', () => {
  it('a failing migration leaves the previous schema and version in place', () => {
    const raw = new BetterSqlite3(join(dir.path, 'm.sqlite'));
    const broken: Migration = {
      version: migrations.length + 1,
      name: 'broken',
      up(sqlite) {
        sqlite.exec('CREATE TABLE half_done (x INTEGER) STRICT');
        throw new Error('boom');
      },
    };
    migrate(raw);
    expect(() => migrate(raw, [...migrations, broken])).toThrow('boom');
    expect(schemaVersionOf(raw)).toBe(migrations.length);
    const halfDone = raw.prepare("SELECT name FROM sqlite_master WHERE name='half_done'").all();
    expect(halfDone).toEqual([]);
    raw.close();
  });

  it('every table is STRICT', () => {
    const raw = new BetterSqlite3(join(dir.path, 's.sqlite'));
    migrate(raw);
    const tables = raw
      .prepare("SELECT name, sql FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")
      .all() as { name: string; sql: string }[];
    expect(tables.length).toBeGreaterThan(0);
    for (const t of tables) expect(t.sql, t.name).toMatch(/STRICT\s*$/);
    raw.close();
  });
});
