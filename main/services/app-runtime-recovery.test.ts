// The start-up recovery's safety on real files (app-runtime.ts, startup-recovery.ts, database-probe.ts): an
// unreadable file is never opened read-write (a -wal or -journal beside it stays unapplied), 다시 시도 creates
// nothing, the screen knows whether a new folder is remembered, closing during a step leaves no profile naming a
// removed folder, and a backup file given with the new folder is restored into it before it opens.
import BetterSqlite3 from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
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
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { backupDatabaseFile } from '../../db/backup';
import { createDb } from '../../db/create-db';
import { setSetting } from '../../db/settings';
import { startAppRuntime, type AppRuntime } from './app-runtime';
import { createAppContext } from './context';
import { dispatch } from './dispatch';
import { damageRootPage, GARBAGE, sha256 } from './test-support/unreadable-file';

let root: string;
let broken: string;
let file: string;
let runtime: AppRuntime | undefined;
/** Called once at the clock's next reading (the runtime reads it while it opens a folder). */
let atNextTick: (() => void) | null = null;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'pledge-recovery-safety-'));
  broken = join(root, 'data');
  mkdirSync(broken);
  file = join(broken, 'pledge.sqlite');
  atNextTick = null;
});

afterEach(async () => {
  await runtime?.close();
  runtime = undefined;
  rmSync(root, { recursive: true, force: true });
});

function clock(): Date {
  const hook = atNextTick;
  atNextTick = null;
  hook?.();
  return new Date('2026-12-03T01:00:00Z');
}

/** Started on a profile whose config.json names the broken folder; or with --data. */
async function start(withDataFlag = false): Promise<AppRuntime> {
  const profileDir = join(root, 'profile');
  if (!withDataFlag) {
    mkdirSync(profileDir, { recursive: true });
    writeFileSync(join(profileDir, 'config.json'), JSON.stringify({ dataDir: broken }));
  }
  runtime = await startAppRuntime({
    profileDir,
    dataDirOverride: withDataFlag ? broken : undefined,
    mode: 'browser',
    appVersion: '1.0.0',
    now: clock,
  });
  return runtime;
}

const call = (r: AppRuntime, name: string, input: unknown = {}) => dispatch(r.handlers, name, input);

/** A sound data folder, as the app makes it at its first start. */
const createAppContextIn = (dataDir: string) =>
  createAppContext({
    profileDir: join(root, 'maker'),
    dataDirOverride: dataDir,
    mode: 'cli',
    appVersion: '1.0.0',
    now: () => new Date('2026-12-03T01:00:00Z'),
  });

/** Every file in the broken folder with its hash. */
function snapshot(): Record<string, string> {
  return Object.fromEntries(readdirSync(broken).map((name) => [name, sha256(join(broken, name))]));
}

/** A -wal of a real database, taken while its connection is open (nothing checkpointed yet). */
function realWal(): Buffer {
  const dir = join(root, 'source-wal');
  mkdirSync(dir);
  const source = new BetterSqlite3(join(dir, 'pledge.sqlite'));
  source.pragma('journal_mode = WAL');
  source.pragma('wal_autocheckpoint = 0');
  source.exec('CREATE TABLE t(a); INSERT INTO t VALUES (1)');
  const wal = readFileSync(join(dir, 'pledge.sqlite-wal'));
  source.close();
  return wal;
}

/** A hot -journal of a real database: a process killed in the middle of a transaction that spilled to the file. */
function realHotJournal(): Buffer {
  const dir = join(root, 'source-journal');
  mkdirSync(dir);
  const path = join(dir, 'pledge.sqlite');
  const source = new BetterSqlite3(path);
  source.exec(
    'CREATE TABLE t(a); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200) ' +
      'INSERT INTO t SELECT randomblob(500) FROM n',
  );
  source.close();
  const copy = join(dir, 'hot-journal');
  const script =
    `const Db = require('better-sqlite3'); const db = new Db(${JSON.stringify(path)}); db.pragma('cache_size = 2');` +
    `db.exec('BEGIN'); db.exec('UPDATE t SET a = randomblob(500)');` +
    `require('fs').copyFileSync(${JSON.stringify(`${path}-journal`)}, ${JSON.stringify(copy)});` +
    `process.kill(process.pid, 'SIGKILL');`;
  try {
    execFileSync(process.execPath, ['-e', script], { cwd: process.cwd(), stdio: 'ignore' });
  } catch {
    // Killed, as meant.
  }
  const journal = readFileSync(copy);
  // The record count is set: SQLite would play it back into whatever file has the name.
  expect(journal.readUInt32BE(8)).toBeGreaterThan(0);
  return journal;
}

describe('an unreadable data file is never opened read-write', () => {
  it.each([
    ['-wal', realWal],
    ['-journal', realHotJournal],
  ])(
    'a garbage file with a real %s beside it: recovery, and the files are unchanged after start and 다시 시도',
    async (suffix, make) => {
      writeFileSync(file, GARBAGE);
      writeFileSync(`${file}${suffix}`, make());
      const before = snapshot();
      expect(Object.keys(before).sort()).toEqual(['pledge.sqlite', `pledge.sqlite${suffix}`]);

      const r = await start();
      expect(r.startupProblem).toMatchObject({ code: 'DATA_DIR_UNREADABLE', databasePath: file });
      expect(snapshot()).toEqual(before);

      expect(await call(r, 'retryStartup')).toMatchObject({
        ok: true,
        value: { code: 'DATA_DIR_UNREADABLE' },
      });
      expect(snapshot()).toEqual(before);
    },
  );

  it('a file with a database header but a broken schema page (SQLITE_CORRUPT) reaches recovery, unchanged', async () => {
    // One file, no log beside it (a rollback-journal database).
    const db = new BetterSqlite3(file);
    db.exec('CREATE TABLE t(a); INSERT INTO t VALUES (1)');
    db.close();
    const bytes = readFileSync(file);
    // Page 1's b-tree header (after the 100-byte file header): not a page type SQLite knows.
    bytes.fill(0xff, 100, 112);
    writeFileSync(file, bytes);
    const before = snapshot();

    const r = await start();
    expect(r.startupProblem).toMatchObject({ code: 'DATA_DIR_UNREADABLE', databasePath: file });
    expect(await call(r, 'retryStartup')).toMatchObject({ ok: true, value: { code: 'DATA_DIR_UNREADABLE' } });
    expect(snapshot()).toEqual(before);
  });

  it('a sound schema but a damaged page under the first read of every start (who uses the folder) reaches recovery, unchanged', async () => {
    const made = await createAppContextIn(broken);
    await made.close();
    // The settings' key index, through which getSetup finds the 'setup' row.
    damageRootPage(file, 'sqlite_autoindex_settings_1');
    // Nothing in a log beside it would stand in for the damaged page.
    expect(existsSync(`${file}-wal`) ? readFileSync(`${file}-wal`).length : 0).toBe(0);
    const before = snapshot();

    const r = await start();
    expect(r.startupProblem).toMatchObject({ code: 'DATA_DIR_UNREADABLE', databasePath: file });
    expect(await call(r, 'getSetup')).toMatchObject({ ok: false, error: { code: 'DATA_DIR_UNREADABLE' } });
    expect(await call(r, 'retryStartup')).toMatchObject({ ok: true, value: { code: 'DATA_DIR_UNREADABLE' } });
    expect(snapshot()).toEqual(before);
  });

  it('says what to move with the file when it is replaced by hand', async () => {
    writeFileSync(file, GARBAGE);
    const r = await start();
    expect(r.startupProblem?.message).toContain(
      'pledge.sqlite-wal, pledge.sqlite-shm, pledge.sqlite-journal',
    );
  });
});

describe('다시 시도 after the file was replaced by hand', () => {
  it("refuses while the damaged file's -wal is still beside the new file, changing nothing, and opens once it is moved", async () => {
    writeFileSync(file, GARBAGE);
    writeFileSync(`${file}-wal`, realWal());
    const r = await start();
    // A sound database made elsewhere is put in the damaged file's place; the damaged file's log is forgotten.
    const sound = join(root, 'sound', 'pledge.sqlite');
    await createDb(sound).destroy();
    copyFileSync(sound, file);
    const before = snapshot();
    expect(Object.keys(before).sort()).toEqual(['pledge.sqlite', 'pledge.sqlite-wal']);

    expect(await call(r, 'retryStartup')).toMatchObject({
      ok: false,
      error: { code: 'STALE_DATABASE_LOG', message: expect.stringContaining('pledge.sqlite-wal') },
    });
    expect(snapshot()).toEqual(before);
    expect(r.startupProblem).not.toBeNull();

    renameSync(`${file}-wal`, join(root, 'damaged.sqlite-wal'));
    expect(await call(r, 'retryStartup')).toMatchObject({ ok: true, value: null });
    expect(r.startupProblem).toBeNull();
    expect(await call(r, 'getSetup')).toMatchObject({ ok: true });
  });
});

describe('다시 시도 creates nothing', () => {
  it('the file moved away: a Korean message, the screen stays, no file is made', async () => {
    writeFileSync(file, GARBAGE);
    const r = await start();
    renameSync(file, join(root, 'damaged.sqlite'));
    const result = await call(r, 'retryStartup');
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'DATA_FILE_MISSING',
        message: expect.stringContaining(`데이터 파일이 없습니다: ${file}`),
      },
    });
    expect(readdirSync(broken)).toEqual([]);
    expect(r.startupProblem).not.toBeNull();
    expect(await call(r, 'getSetup')).toMatchObject({ ok: false, error: { code: 'DATA_DIR_UNREADABLE' } });
  });

  it('the folder gone (a drive not there): no folder is made', async () => {
    writeFileSync(file, GARBAGE);
    const r = await start();
    renameSync(broken, join(root, 'elsewhere'));
    expect(await call(r, 'retryStartup')).toMatchObject({ ok: false, error: { code: 'DATA_FILE_MISSING' } });
    expect(existsSync(broken)).toBe(false);
  });
});

describe('remembered: whether the new folder is kept for the next start', () => {
  it('is true on the profile’s folder and false with --data', async () => {
    writeFileSync(file, GARBAGE);
    expect((await start()).startupProblem?.remembered).toBe(true);
    await runtime?.close();
    expect((await start(true)).startupProblem?.remembered).toBe(false);
  });
});

describe('closing the app', () => {
  it('during 새 데이터 폴더로 시작: the folder the profile now names stays, with its data', async () => {
    writeFileSync(file, GARBAGE);
    const r = await start();
    const fresh = join(root, 'fresh');
    let closing: Promise<void> | undefined;
    // The app is closed while the new folder's data is being opened (after its file is made).
    atNextTick = () => {
      closing = r.close();
    };
    const started = await call(r, 'startWithNewDataDir', { dataDir: fresh });
    await closing;
    expect(closing).toBeDefined();
    expect(started).toMatchObject({ ok: false, error: { code: 'APP_CLOSING' } });
    const config = JSON.parse(readFileSync(join(root, 'profile', 'config.json'), 'utf8')) as {
      dataDir: string;
    };
    expect(existsSync(join(config.dataDir, 'pledge.sqlite'))).toBe(true);
  });

  it('close() twice closes the data once', async () => {
    const db = createDb(file);
    await db.destroy();
    const r = await start();
    const context = r.context;
    expect(context).not.toBeNull();
    const spy = vi.spyOn(context as NonNullable<typeof context>, 'close');
    await Promise.all([r.close(), r.close()]);
    await r.close();
    expect(spy).toHaveBeenCalledTimes(1);
  });
});

describe('새 데이터 폴더로 시작 with a backup file', () => {
  /** A backup made by the app's backup function from a real database set up for a department. */
  async function realBackup(): Promise<string> {
    const dir = join(root, 'source');
    const db = createDb(join(dir, 'pledge.sqlite'));
    await setSetting(db, 'setup', { role: 'department', department: '도시교통본부' });
    await db.destroy();
    const backup = join(root, '공약이행_백업.sqlite');
    await backupDatabaseFile(join(dir, 'pledge.sqlite'), backup);
    return backup;
  }

  it('restores it into the new folder and opens the restored data', async () => {
    writeFileSync(file, GARBAGE);
    const backupFile = await realBackup();
    const r = await start();
    const fresh = join(root, 'restored');
    expect(await call(r, 'startWithNewDataDir', { dataDir: fresh, backupFile })).toMatchObject({
      ok: true,
      value: { configured: true, role: 'department', department: '도시교통본부', dataDir: fresh },
    });
    expect(r.startupProblem).toBeNull();
    expect(JSON.parse(readFileSync(join(root, 'profile', 'config.json'), 'utf8'))).toEqual({
      dataDir: fresh,
    });
    expect(readFileSync(file)).toEqual(GARBAGE);
  });

  it('refuses a file that is not a backup at the file field, leaving no folder', async () => {
    writeFileSync(file, GARBAGE);
    const notBackup = join(root, 'not-a-backup.sqlite');
    writeFileSync(notBackup, 'nope');
    const r = await start();
    const fresh = join(root, 'restored');
    const result = await call(r, 'startWithNewDataDir', { dataDir: fresh, backupFile: notBackup });
    expect(result).toMatchObject({ ok: false, error: { code: 'RESTORE_FILE_INVALID' } });
    if (result.ok) return;
    expect(result.error.details?.backupFile).toBeDefined();
    expect(result.error.details?.dataDir).toBeUndefined();
    const missing = await call(r, 'startWithNewDataDir', { dataDir: fresh, backupFile: join(root, 'none') });
    expect(missing).toMatchObject({ ok: false, error: { code: 'RESTORE_FILE_MISSING' } });
    expect(missing.ok || missing.error.details?.backupFile).toMatch(/파일이 없습니다/);
    expect(existsSync(fresh)).toBe(false);
    expect(r.startupProblem).not.toBeNull();
  });
});

describe('a new folder inside the unreadable one', () => {
  it('is refused next to the field and not made', async () => {
    writeFileSync(file, GARBAGE);
    const r = await start();
    const inside = join(broken, '새 폴더');
    expect(await call(r, 'startWithNewDataDir', { dataDir: inside })).toMatchObject({
      ok: false,
      error: {
        code: 'NEW_DATA_DIR_INSIDE_DAMAGED',
        details: { dataDir: expect.stringContaining('밖의 폴더') },
      },
    });
    expect(readdirSync(broken)).toEqual(['pledge.sqlite']);
  });
});
