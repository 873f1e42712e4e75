// A data folder that lost its data file (startup-recovery.ts, database-probe.ts, through app-runtime.ts): a
// department's real folder — a signing key in keys/, its enrolment and a submission file in outbox/ — whose
// pledge.sqlite is emptied or missing starts on the recovery screen, not on 처음 설정, with nothing written to
// the folder; the person's ways out (a backup restored into the folder, 새로 시작 there or elsewhere) then work,
// and a new or empty folder still opens on its first run. Real folders, real SQLite, the CLI in-process.
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { KeyStatusView, SetupState, StartupProblem } from '../../domain/api/contract';
import { examples } from '../../domain/documents/test-fixtures';
import { saveDocument } from '../../db/documents';
import { setSetting } from '../../db/settings';
import { runPledge as pledge } from '../cli/test-io';
import { startAppRuntime, type AppRuntime } from './app-runtime';
import { createAppContext } from './context';
import { dispatch } from './dispatch';
import { UserError } from './errors';
import { prepareNewDataDir, startupProblemOf, undoNewDataDirSafely } from './startup-recovery';
import { folderSnapshot } from './test-support/unreadable-file';

const DEPARTMENT = '경제진흥본부';
const NOW = new Date('2026-12-03T01:00:00Z');

/** A department's data folder made once (key, enrolment, submission file) and a backup of it, copied per test. */
let made: string;
let backup: string;
let keyFile: string;
let enrolment: string;
let submission: string;

let root: string;
let folder: string;
let file: string;
let runtime: AppRuntime | undefined;

beforeAll(async () => {
  made = mkdtempSync(join(tmpdir(), 'pledge-lost-made-'));
  const data = join(made, 'data');
  const ctx = await createAppContext({
    profileDir: data,
    dataDirOverride: data,
    mode: 'cli',
    appVersion: '1.0.0',
  });
  await setSetting(ctx.db, 'setup', { role: 'department', department: DEPARTMENT });
  await saveDocument(
    ctx.db,
    {
      kind: 'financeRow',
      projectId: '1-1-1',
      slot: '2019-H1',
      department: DEPARTMENT,
      json: examples.financeRowJson,
      reason: 'submit',
      status: 'submitted',
    },
    new Date(),
  );
  await ctx.close();
  expect((await pledge('keys', 'init', '--data', data)).code).toBe(0);
  const backedUp = await pledge('backup', '--data', data, '--out', made, '--json');
  expect(backedUp.code).toBe(0);
  backup = (JSON.parse(backedUp.out) as { path: string }).path;
  expect((await pledge('keys', 'export', '--data', data)).code).toBe(0);
  expect((await pledge('bundle', 'export', '--period', '2019-H1', '--data', data)).code).toBe(0);
  [keyFile = ''] = readdirSync(join(data, 'keys'));
  enrolment = readdirSync(join(data, 'outbox')).find((n) => n.endsWith('.pledgekey.json')) ?? '';
  submission = readdirSync(join(data, 'outbox')).find((n) => n.endsWith('.pledge')) ?? '';
  expect(keyFile).toMatch(/^[0-9a-f]+\.key$/);
  expect(enrolment).not.toBe('');
  expect(submission).not.toBe('');
});

afterAll(() => rmSync(made, { recursive: true, force: true }));

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'pledge-lost-'));
  folder = join(root, 'data');
  file = join(folder, 'pledge.sqlite');
});

afterEach(async () => {
  await runtime?.close();
  runtime = undefined;
  rmSync(root, { recursive: true, force: true });
});

/** The department's folder copied here, its data file emptied (0 bytes) or taken away. */
function lostFolder(state: 'empty' | 'missing'): void {
  cpSync(join(made, 'data'), folder, { recursive: true });
  for (const suffix of ['-wal', '-shm', '-journal']) rmSync(`${file}${suffix}`, { force: true });
  if (state === 'empty') truncateSync(file, 0);
  else rmSync(file);
}

const snapshot = (dir = folder): Record<string, string> => folderSnapshot(dir);

/** Started as the app starts: the profile's config.json names the folder. */
async function start(): Promise<AppRuntime> {
  const profileDir = join(root, 'profile');
  mkdirSync(profileDir, { recursive: true });
  writeFileSync(join(profileDir, 'config.json'), JSON.stringify({ dataDir: folder }));
  runtime = await startAppRuntime({ profileDir, mode: 'browser', appVersion: '1.0.0', now: () => NOW });
  return runtime;
}

const call = (r: AppRuntime, name: string, input: unknown = {}) => dispatch(r.handlers, name, input);

async function value<T>(r: AppRuntime, name: string, input: unknown = {}): Promise<T> {
  const result = await call(r, name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

describe('an empty (0-byte) pledge.sqlite beside keys/ and outbox/', () => {
  it('starts on the recovery screen (kind empty, the files found named), refuses the rest, and writes nothing', async () => {
    lostFolder('empty');
    const before = snapshot();
    expect(Object.keys(before).sort()).toEqual(
      [
        'keys/',
        `keys/${keyFile}`,
        'outbox/',
        `outbox/${enrolment}`,
        `outbox/${submission}`,
        'pledge.sqlite',
      ].sort(),
    );

    const r = await start();
    expect(r.context).toBeNull();
    const problem = await value<StartupProblem>(r, 'getStartupProblem');
    expect(problem).toMatchObject({
      code: 'DATA_DIR_UNREADABLE',
      kind: 'empty',
      databasePath: file,
      dataDir: folder,
      suggestedDataDir: `${folder}-새로-20261203`,
      found: [
        `keys/ — 서명 키 파일 1개: ${keyFile}`,
        `outbox/ — 만든 제출·기준 자료 파일 1개: ${submission}`,
        `outbox/ — 키 등록·교체 파일 1개: ${enrolment}`,
      ],
    });
    expect(problem.message).toContain(`데이터 파일이 비어 있습니다 (0바이트): ${file}`);
    expect(problem.message).toContain('지금까지 작성하고 보낸 문서는 돌아오지 않습니다');
    expect(problem.message).not.toContain('keys init');
    expect(await call(r, 'getSetup')).toEqual({
      ok: false,
      error: { code: 'DATA_DIR_UNREADABLE', message: problem.message },
    });
    expect(await call(r, 'initKeys')).toMatchObject({ ok: false, error: { code: 'DATA_DIR_UNREADABLE' } });
    // 다시 시도 finds it as it was, and makes nothing either.
    expect(await call(r, 'retryStartup')).toMatchObject({ ok: true, value: { kind: 'empty' } });
    await r.close();
    expect(snapshot()).toEqual(before);
  });

  it('pledge keys status says the same and writes nothing (no new key suggested)', async () => {
    lostFolder('empty');
    const before = snapshot();
    const status = await pledge('keys', 'status', '--data', folder);
    expect(status.code).toBe(1);
    expect(status.err).toContain(file);
    expect(status.out + status.err).not.toContain('keys init');
    expect(snapshot()).toEqual(before);
  });
});

describe('pledge.sqlite missing beside keys/ and outbox/', () => {
  it('the problem is the lost data file (kind missing, the files named), nothing made while looking', () => {
    lostFolder('missing');
    const before = snapshot();
    const problem = startupProblemOf(new UserError('DATA_DIR_UNREADABLE', '…'), folder, NOW, true);
    expect(problem).toMatchObject({
      kind: 'missing',
      databasePath: file,
      found: [
        `keys/ — 서명 키 파일 1개: ${keyFile}`,
        `outbox/ — 만든 제출·기준 자료 파일 1개: ${submission}`,
        `outbox/ — 키 등록·교체 파일 1개: ${enrolment}`,
      ],
    });
    expect(problem?.message).toContain(`데이터 파일이 없습니다: ${file}`);
    expect(snapshot()).toEqual(before);
  });

  it('백업에서 복원 into this folder is prepared there, and undone leaves the folder as it was', () => {
    lostFolder('missing');
    const before = snapshot();
    const prepared = prepareNewDataDir(folder, folder);
    expect(prepared).toEqual({ dir: folder, created: null, emptied: [] });
    undoNewDataDirSafely(prepared);
    expect(snapshot()).toEqual(before);
  });
});

describe('a genuine first run is not stopped', () => {
  it('an empty folder opens on 처음 설정', async () => {
    mkdirSync(folder);
    const r = await start();
    expect(r.startupProblem).toBeNull();
    expect(await value<SetupState>(r, 'getSetup')).toMatchObject({ configured: false, dataDir: folder });
  });

  it('a folder with only an empty pledge.sqlite (a first start that stopped early) opens on 처음 설정', async () => {
    mkdirSync(folder);
    writeFileSync(file, '');
    const r = await start();
    expect(r.startupProblem).toBeNull();
    expect(await value<SetupState>(r, 'getSetup')).toMatchObject({ configured: false });
  });
});

describe('the ways out, once chosen', () => {
  it('새로 시작 in this folder: its first run, with keys/ and outbox/ left as they were', async () => {
    lostFolder('empty');
    const kept = Object.fromEntries(Object.entries(snapshot()).filter(([path]) => path !== 'pledge.sqlite'));
    const r = await start();
    const setup = await value<SetupState>(r, 'startWithNewDataDir', { dataDir: folder });
    expect(setup).toMatchObject({ configured: false, dataDir: folder });
    expect(r.startupProblem).toBeNull();
    expect(r.context?.dataDir).toBe(folder);
    expect(statSync(file).size).toBeGreaterThan(0);
    const now = snapshot();
    for (const [path, mark] of Object.entries(kept)) expect(now[path], path).toBe(mark);
  });

  it('새로 시작 in a new folder: its first run there, this folder untouched', async () => {
    lostFolder('empty');
    const before = snapshot();
    const r = await start();
    const fresh = join(root, '새 데이터');
    expect(await value<SetupState>(r, 'startWithNewDataDir', { dataDir: fresh })).toMatchObject({
      configured: false,
      dataDir: fresh,
    });
    expect(snapshot()).toEqual(before);
  });

  it('백업에서 복원 into this folder: the data is back and the signing key left in keys/ signs again', async () => {
    lostFolder('empty');
    const r = await start();
    const setup = await value<SetupState>(r, 'startWithNewDataDir', { dataDir: folder, backupFile: backup });
    expect(setup).toMatchObject({ configured: true, role: 'department', department: DEPARTMENT });
    const key = await value<KeyStatusView>(r, 'getKeyStatus');
    expect(key).toMatchObject({ hasKey: true, privateKeyProblem: null, privateKeyLost: false });
    expect(`${key.keyId ?? ''}.key`).toBe(keyFile);
  });

  it('a bad backup file into this folder is refused at its field, with the empty data file back as it was', async () => {
    lostFolder('empty');
    const before = snapshot();
    const r = await start();
    const notBackup = join(root, 'not-a-backup.sqlite');
    writeFileSync(notBackup, 'no');
    const result = await call(r, 'startWithNewDataDir', { dataDir: folder, backupFile: notBackup });
    expect(result).toMatchObject({ ok: false, error: { details: { backupFile: expect.any(String) } } });
    expect(r.startupProblem).toMatchObject({ kind: 'empty' });
    await r.close();
    expect(snapshot()).toEqual(before);
  });

  it('another folder holding the program’s files is refused at the field, and left as it was', async () => {
    lostFolder('empty');
    const other = join(root, 'other');
    cpSync(join(folder, 'keys'), join(other, 'keys'), { recursive: true });
    const before = snapshot(other);
    const r = await start();
    const result = await call(r, 'startWithNewDataDir', { dataDir: other });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'NEW_DATA_DIR_IN_USE',
        details: { dataDir: expect.stringContaining(`keys/ — 서명 키 파일 1개: ${keyFile}`) },
      },
    });
    expect(snapshot(other)).toEqual(before);
  });
});

// These need the open itself to look for a lost data file (context.ts openData, cli/data-context.ts).
describe('the open itself: a missing pledge.sqlite beside keys/ and outbox/', () => {
  it('starts on the recovery screen (kind missing, the files found named) and writes nothing', async () => {
    lostFolder('missing');
    const before = snapshot();
    const r = await start();
    expect(r.context).toBeNull();
    expect(r.startupProblem).toMatchObject({
      kind: 'missing',
      databasePath: file,
      found: [
        `keys/ — 서명 키 파일 1개: ${keyFile}`,
        `outbox/ — 만든 제출·기준 자료 파일 1개: ${submission}`,
        `outbox/ — 키 등록·교체 파일 1개: ${enrolment}`,
      ],
    });
    expect(await call(r, 'retryStartup')).toMatchObject({ ok: true, value: { kind: 'missing' } });
    await r.close();
    expect(snapshot()).toEqual(before);
  });

  it('새로 시작 in this folder, chosen: its first run there', async () => {
    lostFolder('missing');
    const r = await start();
    expect(await value<SetupState>(r, 'startWithNewDataDir', { dataDir: folder })).toMatchObject({
      configured: false,
      dataDir: folder,
    });
    expect(statSync(file).size).toBeGreaterThan(0);
  });

  it('백업에서 복원 into this folder: the data and the key are back', async () => {
    lostFolder('missing');
    const r = await start();
    expect(
      await value<SetupState>(r, 'startWithNewDataDir', { dataDir: folder, backupFile: backup }),
    ).toMatchObject({ configured: true, department: DEPARTMENT });
    expect(await value<KeyStatusView>(r, 'getKeyStatus')).toMatchObject({ privateKeyProblem: null });
  });

  it('the command line gives the diagnosis, for a missing and an empty file, and setup makes nothing', async () => {
    for (const state of ['missing', 'empty'] as const) {
      rmSync(folder, { recursive: true, force: true });
      lostFolder(state);
      const before = snapshot();
      const status = await pledge('keys', 'status', '--data', folder);
      expect(status.code).toBe(1);
      expect(status.err).toContain(
        state === 'empty'
          ? `데이터 파일이 비어 있습니다 (0바이트): ${file}`
          : `데이터 파일이 없습니다: ${file}`,
      );
      expect(status.err).toContain(`keys/ — 서명 키 파일 1개: ${keyFile}`);
      expect(status.err).not.toContain('keys init');
      expect(status.err).not.toContain('pledge setup');
      const setup = await pledge(
        'setup',
        '--data',
        folder,
        '--role',
        'department',
        '--department',
        DEPARTMENT,
      );
      expect(setup.code).toBe(1);
      expect(setup.err).toContain('이 프로그램이 만든 파일이 남아 있습니다');
      expect(snapshot()).toEqual(before);
    }
    // The way out it names: the backup restored into the folder (the empty file moved away first).
    rmSync(file);
    expect((await pledge('restore', backup, '--data', folder)).code).toBe(0);
    const restored = await pledge('keys', 'status', '--data', folder);
    expect(restored.code).toBe(0);
    expect(restored.out).toContain(keyFile.replace(/\.key$/, ''));
    expect(restored.out).not.toContain('읽을 수 없습니다');
  });
});
