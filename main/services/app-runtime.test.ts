// The start-up recovery (app-runtime.ts, startup-recovery.ts) on real files: a data folder whose pledge.sqlite is
// not a database starts the recovery handlers only; a new folder or another try opens data with the full
// handlers; bad folders are refused in Korean with nothing created; the unreadable file is never changed.
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SetupState, StartupProblem } from '../../domain/api/contract';
import { operationNames } from '../../domain/api/operations';
import { createDb } from '../../db/create-db';
import { startAppRuntime, type AppRuntime } from './app-runtime';
import { dispatch } from './dispatch';
import { UserError } from './errors';
import { suggestNewDataDir } from './startup-recovery';
import { GARBAGE, sha256 } from './test-support/unreadable-file';

const RECOVERY_OPERATIONS = new Set([
  'getStartupProblem',
  'startWithNewDataDir',
  'retryStartup',
  'getAppInfo',
]);

let root: string;
let broken: string;
let garbageHash: string;
let runtime: AppRuntime | undefined;

/** A clock that moves a second at each reading, so each try is seen to be another. */
function steppingClock(): () => Date {
  let t = Date.parse('2026-12-03T01:00:00Z');
  return () => new Date((t += 1000));
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'pledge-recovery-'));
  broken = join(root, 'data');
  mkdirSync(broken);
  writeFileSync(join(broken, 'pledge.sqlite'), GARBAGE);
  garbageHash = sha256(join(broken, 'pledge.sqlite'));
});

afterEach(async () => {
  await runtime?.close();
  runtime = undefined;
  rmSync(root, { recursive: true, force: true });
});

/** The app started on a profile whose config.json names the broken folder (no --data: choices are remembered). */
async function startOnRememberedFolder(): Promise<AppRuntime> {
  const profileDir = join(root, 'profile');
  mkdirSync(profileDir);
  writeFileSync(join(profileDir, 'config.json'), JSON.stringify({ dataDir: broken }));
  runtime = await startAppRuntime({ profileDir, mode: 'browser', appVersion: '9.9.9', now: steppingClock() });
  return runtime;
}

/** Started with --data on the broken folder (nothing remembered in the profile). */
async function startWithDataFlag(mode: 'browser' | 'electron'): Promise<AppRuntime> {
  runtime = await startAppRuntime({
    profileDir: join(root, 'profile'),
    dataDirOverride: broken,
    mode,
    appVersion: '1.0.0',
    now: steppingClock(),
  });
  return runtime;
}

const call = (r: AppRuntime, name: string, input: unknown = {}) => dispatch(r.handlers, name, input);

async function expectRefused(r: AppRuntime, dataDir: string, code: string, message: RegExp): Promise<void> {
  const result = await call(r, 'startWithNewDataDir', { dataDir });
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.error.code).toBe(code);
  expect(result.error.message).toMatch(message);
  // Shown next to the field.
  expect(result.error.details?.dataDir).toMatch(message);
  expect(r.startupProblem).not.toBeNull();
}

describe('start-up with a data file that is not a database', () => {
  it('answers the recovery operations and refuses every other one with the problem', async () => {
    const r = await startOnRememberedFolder();
    expect(r.context).toBeNull();
    expect(r.warmUp).toBeNull();
    const problem = await call(r, 'getStartupProblem');
    expect(problem).toMatchObject({
      ok: true,
      value: {
        code: 'DATA_DIR_UNREADABLE',
        dataDir: broken,
        databasePath: join(broken, 'pledge.sqlite'),
        // Beside the broken folder, dated in Korea's time (01:00 UTC is 10:00 KST the same day).
        suggestedDataDir: `${broken}-새로-20261203`,
      },
    });
    const message = (problem as { value: StartupProblem }).value.message;
    expect(message).toContain(
      `공약이행 데이터베이스가 아니거나 손상된 파일이라 데이터를 열 수 없습니다: ${join(broken, 'pledge.sqlite')}`,
    );
    expect(message).toContain('고치거나 지우지 않았습니다');
    expect(await call(r, 'getAppInfo')).toMatchObject({
      ok: true,
      value: { version: '9.9.9', mode: 'browser', databasePath: join(broken, 'pledge.sqlite') },
    });

    const others = operationNames.filter((name) => !RECOVERY_OPERATIONS.has(name));
    expect(others.length).toBeGreaterThan(40);
    for (const name of others) {
      // Called as the transports do after parsing; the input does not matter, the data is not there.
      const handler = r.handlers[name] as (input: unknown) => unknown;
      let thrown: unknown;
      try {
        await handler({});
      } catch (error) {
        thrown = error;
      }
      expect(thrown, name).toBeInstanceOf(UserError);
      expect(thrown, name).toMatchObject({ code: 'DATA_DIR_UNREADABLE', message });
    }
    // Through the transport too, with the Korean message.
    expect(await call(r, 'getSetup')).toEqual({ ok: false, error: { code: 'DATA_DIR_UNREADABLE', message } });
    expect(sha256(join(broken, 'pledge.sqlite'))).toBe(garbageHash);
    expect(readdirSync(broken)).toEqual(['pledge.sqlite']);
  });

  it('refuses a relative path, a folder with a database or one that cannot be made, creating nothing', async () => {
    const r = await startOnRememberedFolder();
    const relative = 'pledge-recovery-relative-folder';
    expect(existsSync(resolve(relative))).toBe(false);
    // The contract's form check, then the program's own (a path this PC would take as relative).
    await expectRefused(r, relative, 'INVALID_INPUT', /^데이터 폴더는 전체 경로로 입력하세요/);
    await expect(r.handlers.startWithNewDataDir({ dataDir: relative })).rejects.toMatchObject({
      code: 'NEW_DATA_DIR_UNSAFE',
      message: expect.stringMatching(/^데이터 폴더가 이 PC의 전체 경로가 아닙니다/) as unknown,
    });
    expect(existsSync(resolve(relative))).toBe(false);
    await expectRefused(r, '\\\\server\\공약\\data', 'NEW_DATA_DIR_UNSAFE', /네트워크 공유 폴더/);

    const withData = join(root, 'other-data');
    const db = createDb(join(withData, 'pledge.sqlite'));
    await db.destroy();
    const before = readdirSync(withData).sort();
    await expectRefused(r, withData, 'NEW_DATA_DIR_IN_USE', /이 폴더에는 이미 데이터 파일이 있습니다/);
    expect(readdirSync(withData).sort()).toEqual(before);
    // The broken folder itself is one too.
    await expectRefused(r, broken, 'NEW_DATA_DIR_IN_USE', /덮어쓰지 않으니/);

    const aFile = join(root, 'a-file');
    writeFileSync(aFile, 'x');
    await expectRefused(
      r,
      join(aFile, 'data'),
      'NEW_DATA_DIR_UNUSABLE',
      /^새 데이터 폴더를 만들 수 없습니다: .*폴더 경로 중간에 같은 이름의 파일이 있습니다/,
    );

    expect(readdirSync(root).sort()).toEqual(['a-file', 'data', 'other-data', 'profile']);
    expect(JSON.parse(readFileSync(join(root, 'profile', 'config.json'), 'utf8'))).toEqual({
      dataDir: broken,
    });
    expect(sha256(join(broken, 'pledge.sqlite'))).toBe(garbageHash);
  });

  it('새 데이터 폴더로 시작: the full handlers answer on the new folder, its first run, and the profile remembers it', async () => {
    const r = await startOnRememberedFolder();
    const problem = r.startupProblem;
    expect(problem).not.toBeNull();
    const fresh = problem?.suggestedDataDir ?? '';
    const started = await call(r, 'startWithNewDataDir', { dataDir: fresh });
    const firstRun: SetupState = {
      configured: false,
      role: null,
      department: null,
      dataDir: fresh,
      defaultDataDir: join(root, 'profile', 'data'),
      startDataDir: null,
    };
    expect(started).toEqual({ ok: true, value: firstRun });
    expect(r.startupProblem).toBeNull();
    expect(r.context?.dataDir).toBe(fresh);
    expect(r.warmUp).not.toBeNull();
    expect(await call(r, 'getSetup')).toEqual({ ok: true, value: firstRun });
    expect(await call(r, 'getStartupProblem')).toEqual({ ok: true, value: null });
    const catalog = await call(r, 'getCatalog');
    expect(catalog.ok && (catalog.value as { projects: unknown[] }).projects.length).toBe(238);
    expect(existsSync(join(fresh, 'pledge.sqlite'))).toBe(true);
    expect(JSON.parse(readFileSync(join(root, 'profile', 'config.json'), 'utf8'))).toEqual({
      dataDir: fresh,
    });
    // The recovery steps are over: a second window's late click is told so.
    expect(await call(r, 'retryStartup')).toMatchObject({
      ok: false,
      error: { code: 'STARTUP_NOT_IN_RECOVERY' },
    });

    // The first-run setup works on the new folder (its own database).
    expect(await call(r, 'saveSetup', { role: 'office', department: null, dataDir: fresh })).toMatchObject({
      ok: true,
      value: { configured: true, role: 'office', dataDir: fresh },
    });
    const context = r.context;
    await r.close();
    runtime = undefined;
    // close() closed the data that was open.
    await expect(context?.db.selectFrom('settings').selectAll().execute()).rejects.toThrow();

    // The next start opens the new folder as the usual one.
    runtime = await startAppRuntime({
      profileDir: join(root, 'profile'),
      mode: 'browser',
      appVersion: '9.9.9',
    });
    expect(runtime.startupProblem).toBeNull();
    expect(await call(runtime, 'getSetup')).toMatchObject({
      ok: true,
      value: { configured: true, dataDir: fresh },
    });
    expect(sha256(join(broken, 'pledge.sqlite'))).toBe(garbageHash);
    expect(readdirSync(broken)).toEqual(['pledge.sqlite']);
  });

  it('with --data the new folder is used for this run only, as a switch of folder is', async () => {
    const r = await startWithDataFlag('electron');
    const fresh = join(root, '새 폴더', 'data');
    expect(await call(r, 'startWithNewDataDir', { dataDir: fresh })).toMatchObject({
      ok: true,
      value: { configured: false, dataDir: fresh },
    });
    expect(existsSync(join(root, 'profile', 'config.json'))).toBe(false);
    expect(sha256(join(broken, 'pledge.sqlite'))).toBe(garbageHash);
  });

  it('두 번 눌러도: of two new folders asked for at once, the first is used and the second is not even made', async () => {
    const r = await startOnRememberedFolder();
    const [first, second] = await Promise.all([
      call(r, 'startWithNewDataDir', { dataDir: join(root, 'first') }),
      call(r, 'startWithNewDataDir', { dataDir: join(root, 'second') }),
    ]);
    expect(first).toMatchObject({ ok: true, value: { dataDir: join(root, 'first') } });
    expect(second).toMatchObject({ ok: false, error: { code: 'STARTUP_NOT_IN_RECOVERY' } });
    expect(existsSync(join(root, 'second'))).toBe(false);
  });

  it('다시 시도: still unreadable keeps the recovery (tried again); a real database put in its place opens', async () => {
    runtime = await startWithDataFlag('browser');
    const first = runtime.startupProblem;
    const again = await call(runtime, 'retryStartup');
    expect(again.ok).toBe(true);
    const second = (again as { value: StartupProblem }).value;
    expect(second).toMatchObject({
      code: 'DATA_DIR_UNREADABLE',
      databasePath: join(broken, 'pledge.sqlite'),
    });
    expect(second.checkedAt > (first?.checkedAt ?? '')).toBe(true);
    expect(runtime.startupProblem).toEqual(second);
    expect(await call(runtime, 'getSetup')).toMatchObject({
      ok: false,
      error: { code: 'DATA_DIR_UNREADABLE' },
    });
    expect(sha256(join(broken, 'pledge.sqlite'))).toBe(garbageHash);

    // The user puts the damaged file aside and a sound database (from a backup) in its place.
    renameSync(join(broken, 'pledge.sqlite'), join(root, 'damaged.sqlite'));
    const sound = createDb(join(broken, 'pledge.sqlite'));
    await sound.destroy();
    expect(await call(runtime, 'retryStartup')).toEqual({ ok: true, value: null });
    expect(runtime.startupProblem).toBeNull();
    expect(await call(runtime, 'getSetup')).toMatchObject({
      ok: true,
      value: { configured: false, dataDir: broken },
    });
    expect(sha256(join(root, 'damaged.sqlite'))).toBe(garbageHash);
  });

  it('other start-up failures stop the start as before', async () => {
    // A folder where the data file should be: SQLite cannot open it, and that is not the recovery screen's case.
    const odd = join(root, 'odd');
    mkdirSync(join(odd, 'pledge.sqlite'), { recursive: true });
    await expect(
      startAppRuntime({
        profileDir: join(root, 'profile'),
        dataDirOverride: odd,
        mode: 'browser',
        appVersion: '1',
      }),
    ).rejects.toThrow(/데이터베이스 파일을 열거나 만들 수 없습니다/);
  });

  it("suggests a folder beside the broken one that holds no data, dated in Korea's time", async () => {
    // 23:30 UTC on Dec 2 is Dec 3 in Korea.
    const at = new Date('2026-12-02T23:30:00Z');
    const first = `${broken}-새로-20261203`;
    expect(suggestNewDataDir(broken, at)).toBe(first);
    // An empty folder of that name is still a new data folder; one with data, or a file of that name, is not.
    mkdirSync(first);
    expect(suggestNewDataDir(broken, at)).toBe(first);
    const db = createDb(join(first, 'pledge.sqlite'));
    await db.destroy();
    expect(suggestNewDataDir(broken, at)).toBe(`${first}-2`);
    writeFileSync(`${first}-2`, 'a file');
    expect(suggestNewDataDir(broken, at)).toBe(`${first}-3`);
  });
});
