// A data folder signs only with key files inside itself. The database names the private key file relative to the
// data folder (keys/<key id>.key); a row from an older version holding an absolute path is read as the file of that
// name in this folder's keys/ folder, never as a file of another folder. So a backup restored into a new folder
// (backups hold no private key) has no key there, even while the old folder still has it, and a whole data folder
// copied or moved elsewhere keeps signing with its own copy of the key. Real data folders, real key files, a real
// backup and restore, real signatures.
import { copyFileSync, cpSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../db/test/temp-dir';
import { signBytes, verifyBytes } from '../bundles';
import { main } from '../cli/index';
import { captureIo } from '../cli/test-io';
import type { AppContext } from './context';
import { backupData } from './data-backup';
import { restoreBackup } from './data-restore';
import { getKeyStatus, initKeys, loadSigningKey } from './key-service';
import { openCopies } from './test-support/open-copies';

let dir: ReturnType<typeof makeTempDir>;
const { open, copyAt, closeAll } = openCopies();

/** A department's data folder with its key; returns the folder and the key's id. */
async function departmentWithKey(name: string): Promise<{ dataDir: string; keyId: string }> {
  const dataDir = join(dir.path, name, 'data');
  expect(
    await main(['setup', '--data', dataDir, '--role', 'department', '--department', '문화본부'], captureIo()),
  ).toBe(0);
  const ctx = await copyAt(dataDir);
  const made = await initKeys(ctx);
  expect(made).toMatchObject({ created: true, privateKeyLost: false });
  return { dataDir, keyId: made.keyId as string };
}

async function storedRef(ctx: AppContext, keyId: string): Promise<string> {
  const row = await ctx.db
    .selectFrom('own_keys')
    .select('private_key_ref')
    .where('key_id', '=', keyId)
    .executeTakeFirstOrThrow();
  return row.private_key_ref;
}

/** Signs with the folder's current key and checks the signature against the key the database holds. */
async function signsWithItsKey(ctx: AppContext, keyId: string): Promise<void> {
  const { key, privateKeyPem } = await loadSigningKey(ctx);
  expect(key.keyId).toBe(keyId);
  const bytes = Buffer.from('공약이행 제출 파일', 'utf8');
  expect(verifyBytes(bytes, signBytes(bytes, privateKeyPem), key.publicKeyPem)).toBe(true);
}

beforeEach(() => {
  dir = makeTempDir('pledge-key-location-');
});
afterEach(async () => {
  await closeAll();
  dir.remove();
});

describe('where a data folder finds its private key', () => {
  it('stores the key file relative to the data folder', async () => {
    const { dataDir, keyId } = await departmentWithKey('pc');
    const ctx = await copyAt(dataDir);
    expect(await storedRef(ctx, keyId)).toBe(`keys/${keyId}.key`);
    expect(existsSync(join(dataDir, 'keys', `${keyId}.key`))).toBe(true);
  });

  it('a backup restored into a new folder does not sign with the old folder’s key, which is still there', async () => {
    const { dataDir: first, keyId: oldKeyId } = await departmentWithKey('pc1');
    const backup = await backupData(open[0] as AppContext, dir.path);
    const restored = await restoreBackup(backup.path, join(dir.path, 'restored', 'data'));
    const oldKeyFile = join(first, 'keys', `${oldKeyId}.key`);
    const oldKeyPem = readFileSync(oldKeyFile, 'utf8');
    const ctx = await copyAt(restored.dataDir);

    const status = await getKeyStatus(ctx);
    expect(status).toMatchObject({ hasKey: true, keyId: oldKeyId, privateKeyLost: true });
    expect(status.privateKeyProblem).toContain('이 PC에서 개인 키를 읽을 수 없습니다');
    expect(status.privateKeyProblem).toContain('이 데이터 폴더');
    expect(status.privateKeyProblem).toContain(join(restored.dataDir, 'keys'));
    await expect(loadSigningKey(ctx)).rejects.toMatchObject({
      code: 'KEY_FILE_MISSING',
      message: expect.stringContaining('새 키를 만들') as unknown as string,
    });

    // 키 만들기: a new key in the restored folder; the old folder's key file is left as it was.
    const replaced = await initKeys(ctx);
    expect(replaced).toMatchObject({ created: true, replacedKeyId: oldKeyId, privateKeyLost: false });
    const newKeyId = replaced.keyId as string;
    expect(newKeyId).not.toBe(oldKeyId);
    expect(existsSync(join(restored.dataDir, 'keys', `${newKeyId}.key`))).toBe(true);
    expect(existsSync(join(first, 'keys', `${newKeyId}.key`))).toBe(false);
    expect(readFileSync(oldKeyFile, 'utf8')).toBe(oldKeyPem);
    await signsWithItsKey(ctx, newKeyId);
    // The first folder still signs with its own key.
    await signsWithItsKey(open[0] as AppContext, oldKeyId);
  });

  it('a whole data folder copied elsewhere signs with the copy’s key file, the original folder gone', async () => {
    const { dataDir: original, keyId } = await departmentWithKey('disk1');
    await closeAll();
    const copy = join(dir.path, 'disk2', 'data');
    cpSync(original, copy, { recursive: true });
    rmSync(join(dir.path, 'disk1'), { recursive: true, force: true });

    const ctx = await copyAt(copy);
    const status = await getKeyStatus(ctx);
    expect(status).toMatchObject({ keyId, privateKeyProblem: null, privateKeyLost: false });
    await signsWithItsKey(ctx, keyId);
    expect(await initKeys(ctx)).toMatchObject({ created: false, replacedKeyId: null, keyId });
  });

  it('an older row with an absolute path: inside the folder it keeps working, and the folder can still move', async () => {
    const { dataDir: original, keyId } = await departmentWithKey('old');
    const ctx = await copyAt(original);
    // As an older version stored it: the key file's absolute path in this data folder.
    const absolute = join(original, 'keys', `${keyId}.key`);
    await ctx.db
      .updateTable('own_keys')
      .set({ private_key_ref: absolute })
      .where('key_id', '=', keyId)
      .execute();
    expect(await getKeyStatus(ctx)).toMatchObject({ keyId, privateKeyProblem: null, privateKeyLost: false });
    await signsWithItsKey(ctx, keyId);
    await closeAll();

    // Moved as a whole (데이터 폴더 바꾸기 to a copy on another disk): the row still names the old place.
    const moved = join(dir.path, 'new-disk', 'data');
    cpSync(original, moved, { recursive: true });
    rmSync(join(dir.path, 'old'), { recursive: true, force: true });
    const movedCtx = await copyAt(moved);
    expect(await storedRef(movedCtx, keyId)).toBe(absolute);
    expect(await getKeyStatus(movedCtx)).toMatchObject({
      keyId,
      privateKeyLost: false,
      privateKeyProblem: null,
    });
    await signsWithItsKey(movedCtx, keyId);
  });

  it('an older row whose absolute path points into another data folder is not used there', async () => {
    const { dataDir: other, keyId: otherKeyId } = await departmentWithKey('other');
    const { dataDir: here, keyId } = await departmentWithKey('here');
    const ctx = open[1] as AppContext;
    // A restored older database: its row names the other folder's key file, which exists and opens.
    await ctx.db
      .updateTable('own_keys')
      .set({ private_key_ref: join(other, 'keys', `${otherKeyId}.key`) })
      .where('key_id', '=', keyId)
      .execute();
    const status = await getKeyStatus(ctx);
    expect(status).toMatchObject({ keyId, privateKeyLost: true });
    expect(status.privateKeyProblem).toContain(join(here, 'keys'));
    await expect(loadSigningKey(ctx)).rejects.toMatchObject({ code: 'KEY_FILE_MISSING' });
  });

  it('another key’s file put under the key’s name in keys/ is not signed with', async () => {
    const { dataDir: other, keyId: otherKeyId } = await departmentWithKey('other');
    const { dataDir: here, keyId } = await departmentWithKey('here');
    const ctx = open[1] as AppContext;
    copyFileSync(join(other, 'keys', `${otherKeyId}.key`), join(here, 'keys', `${keyId}.key`));
    const status = await getKeyStatus(ctx);
    expect(status).toMatchObject({ keyId, privateKeyLost: true });
    expect(status.privateKeyProblem).toContain(`서명 키(키 ID ${keyId})의 것이 아닙니다`);
    await expect(loadSigningKey(ctx)).rejects.toMatchObject({ code: 'KEY_FILE_MISMATCH' });
    // 새 서명 키 만들기 replaces it.
    const replaced = await initKeys(ctx);
    expect(replaced).toMatchObject({ created: true, replacedKeyId: keyId, privateKeyLost: false });
    await signsWithItsKey(ctx, replaced.keyId as string);
  });
});
