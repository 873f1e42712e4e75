import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../db/test/temp-dir';
import { createAppContext, databasePathIn, type AppContext } from './context';
import { dispatch } from './dispatch';
import { createHandlers } from './handlers';

let dir: ReturnType<typeof makeTempDir>;
let ctx: AppContext;

beforeEach(async () => {
  dir = makeTempDir();
  ctx = await createAppContext({
    profileDir: join(dir.path, 'profile'),
    mode: 'browser',
    appVersion: 'test',
  });
});
afterEach(async () => {
  await ctx.close();
  dir.remove();
});

describe('first-run setup', () => {
  it('is unconfigured at first, then remembers role, department and the chosen data folder', async () => {
    const handlers = createHandlers(ctx);
    const before = await dispatch(handlers, 'getSetup', {});
    expect(before).toMatchObject({
      ok: true,
      value: { configured: false, dataDir: join(dir.path, 'profile', 'data') },
    });

    const chosen = join(dir.path, 'elsewhere');
    const saved = await dispatch(handlers, 'saveSetup', {
      role: 'department',
      department: '도시교통본부',
      dataDir: chosen,
    });
    expect(saved).toMatchObject({
      ok: true,
      value: { configured: true, department: '도시교통본부', dataDir: chosen },
    });
    expect(existsSync(databasePathIn(chosen))).toBe(true);
    await ctx.close();

    // A new start of the program finds the same folder and the same choice.
    ctx = await createAppContext({
      profileDir: join(dir.path, 'profile'),
      mode: 'browser',
      appVersion: 'test',
    });
    const again = await dispatch(createHandlers(ctx), 'getSetup', {});
    expect(again).toMatchObject({
      ok: true,
      value: { configured: true, role: 'department', department: '도시교통본부' },
    });
  });

  it('names the folder given at start (--data) as such, and no such folder when none was given', async () => {
    const plain = await dispatch(createHandlers(ctx), 'getSetup', {});
    expect(plain).toMatchObject({ ok: true, value: { startDataDir: null } });
    await ctx.close();

    const given = join(dir.path, 'given');
    ctx = await createAppContext({
      profileDir: join(dir.path, 'profile'),
      dataDirOverride: given,
      mode: 'browser',
      appVersion: 'test',
    });
    const started = await dispatch(createHandlers(ctx), 'getSetup', {});
    expect(started).toMatchObject({ ok: true, value: { dataDir: given, startDataDir: given } });
    // Another folder chosen at setup serves this run; the one given at start is still the one named.
    const other = join(dir.path, 'other');
    const saved = await dispatch(createHandlers(ctx), 'saveSetup', {
      role: 'office',
      department: null,
      dataDir: other,
    });
    expect(saved).toMatchObject({ ok: true, value: { dataDir: other, startDataDir: given } });
  });

  it("changing the department of a folder with another department's work asks first, then changes it", async () => {
    const handlers = createHandlers(ctx);
    const dataDir = join(dir.path, 'dept');
    const setUp = (department: string, confirm?: boolean) =>
      dispatch(handlers, 'saveSetup', {
        role: 'department',
        department,
        dataDir,
        ...(confirm === undefined ? {} : { confirmIdentityChange: confirm }),
      });
    expect((await setUp('경제진흥본부')).ok).toBe(true);
    // Nothing written yet: the department changes without a question, and back.
    expect((await setUp('관광체육국')).ok).toBe(true);
    expect((await setUp('경제진흥본부')).ok).toBe(true);
    expect((await dispatch(handlers, 'initKeys', {})).ok).toBe(true);

    const asked = await setUp('관광체육국');
    expect(asked.ok).toBe(false);
    if (!asked.ok) {
      expect(asked.error.code).toBe('IDENTITY_CHANGE');
      expect(asked.error.message).toMatch(
        /^이 데이터 폴더에는 경제진흥본부의 서명 키가 있습니다. 관광체육국으로 바꾸면/,
      );
    }
    expect(await dispatch(handlers, 'getSetup', {})).toMatchObject({ value: { department: '경제진흥본부' } });
    const confirmed = await setUp('관광체육국', true);
    expect(confirmed).toMatchObject({ ok: true, value: { department: '관광체육국' } });
  });

  it("declining the question about another folder's user keeps the app on the folder it was using", async () => {
    const handlers = createHandlers(ctx);
    const used = join(dir.path, 'used');
    const setUp = (dataDir: string, role: 'department' | 'office', department: string | null) =>
      dispatch(handlers, 'saveSetup', { role, department, dataDir });
    expect((await setUp(used, 'department', '경제진흥본부')).ok).toBe(true);
    expect((await dispatch(handlers, 'initKeys', {})).ok).toBe(true);
    const mine = join(dir.path, 'mine');
    expect((await setUp(mine, 'department', '관광체육국')).ok).toBe(true);

    // Picking the used folder for another department asks; not confirming changes nothing, folder included.
    const asked = await setUp(used, 'department', '관광체육국');
    expect(asked).toMatchObject({ ok: false, error: { code: 'IDENTITY_CHANGE' } });
    expect(await dispatch(handlers, 'getSetup', {})).toMatchObject({
      ok: true,
      value: { dataDir: mine, role: 'department', department: '관광체육국' },
    });
    expect(ctx.dataDir).toBe(mine);

    // As the office, the question says what the office would lose: not a key to register for itself.
    const asOffice = await setUp(used, 'office', null);
    expect(asOffice.ok).toBe(false);
    if (!asOffice.ok) {
      expect(asOffice.error.message).toContain('기획담당관으로 바꾸면');
      expect(asOffice.error.message).toContain('이 PC에서 경제진흥본부의 제출 파일을 만들 수 없습니다');
      expect(asOffice.error.message).not.toContain('기획담당관의 새 서명 키');
    }
    expect(ctx.dataDir).toBe(mine);
    const confirmed = await dispatch(handlers, 'saveSetup', {
      role: 'office',
      department: null,
      dataDir: used,
      confirmIdentityChange: true,
    });
    expect(confirmed).toMatchObject({ ok: true, value: { dataDir: used, role: 'office' } });
  });

  it('refuses an unknown department, a missing one and a network-share folder, changing nothing', async () => {
    const handlers = createHandlers(ctx);
    const unknown = await dispatch(handlers, 'saveSetup', {
      role: 'department',
      department: '없는부서',
      dataDir: ctx.dataDir,
    });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'DEPARTMENT_UNKNOWN' } });
    const missing = await dispatch(handlers, 'saveSetup', {
      role: 'department',
      department: null,
      dataDir: ctx.dataDir,
    });
    expect(missing).toMatchObject({ ok: false, error: { code: 'DEPARTMENT_REQUIRED' } });
    const share = await dispatch(handlers, 'saveSetup', {
      role: 'office',
      department: null,
      dataDir: '\\\\server\\share',
    });
    expect(share).toMatchObject({ ok: false, error: { code: 'DATA_DIR_UNUSABLE' } });
    expect(await dispatch(handlers, 'getSetup', {})).toMatchObject({
      ok: true,
      value: { configured: false },
    });
  });

  it('rejects malformed input before any handler runs', async () => {
    const result = await dispatch(createHandlers(ctx), 'saveSetup', { role: 'mayor', dataDir: 3 });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});

describe('paths typed in the setup screen', () => {
  it("takes a path pasted with the quotes Windows' 경로로 복사 puts around it", async () => {
    const handlers = createHandlers(ctx);
    const chosen = join(dir.path, '공약 데이터');
    const saved = await dispatch(handlers, 'saveSetup', {
      role: 'office',
      department: null,
      dataDir: ` "${chosen}" `,
    });
    expect(saved).toMatchObject({ ok: true });
    expect(ctx.dataDir).toBe(chosen);

    const usb = join(dir.path, 'USB 백업');
    mkdirSync(usb);
    const backup = await dispatch(handlers, 'backupData', { folder: `"${usb}"` });
    expect(backup).toMatchObject({ ok: true });
    expect(readdirSync(usb)).toEqual([expect.stringMatching(/^공약이행_백업_\d{8}-\d{6}\.sqlite$/)]);
  });

  it("refuses a path that is not a full path on this computer, creating nothing in the program's folder", async () => {
    const handlers = createHandlers(ctx);
    // A Windows drive path on POSIX (or a POSIX one on Windows) would be taken relative to the working folder.
    const foreign = process.platform === 'win32' ? '/pledge-data' : 'Z:\\pledge-data';
    const relative = 'pledge-relative-data';
    const before = readdirSync(process.cwd()).sort();

    const setup = await dispatch(handlers, 'saveSetup', {
      role: 'office',
      department: null,
      dataDir: foreign,
    });
    expect(setup).toMatchObject({ ok: false, error: { code: 'DATA_DIR_UNUSABLE' } });
    if (!setup.ok) expect(setup.error.message).toContain(`이 PC의 전체 경로가 아닙니다: ${foreign}`);
    expect(ctx.dataDir).toBe(join(dir.path, 'profile', 'data'));

    const backup = await dispatch(handlers, 'backupData', { folder: relative });
    expect(backup).toMatchObject({ ok: false, error: { code: 'BACKUP_FOLDER_MISSING' } });
    if (!backup.ok)
      expect(backup.error.message).toContain(`백업 폴더가 이 PC의 전체 경로가 아닙니다: ${relative}`);

    const restore = await dispatch(handlers, 'restoreBackup', {
      file: join(dir.path, 'nothing.sqlite'),
      dataDir: foreign,
    });
    expect(restore).toMatchObject({ ok: false, error: { code: 'RESTORE_FOLDER_UNSAFE' } });
    expect(readdirSync(process.cwd()).sort()).toEqual(before);
  });
});
