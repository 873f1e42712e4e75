// A department's signing key whose private half this PC cannot read (its data folder restored from a backup on
// another PC, or the key file deleted): the status says so, nothing can be signed with it, and 키 만들기 retires
// it for a new one. Real data folders, real key files, a real backup and restore.
import { chmodSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../db/test/temp-dir';
import { main } from '../cli/index';
import { captureIo } from '../cli/test-io';
import type { AppContext } from './context';
import { backupData } from './data-backup';
import { restoreBackup } from './data-restore';
import { getKeyStatus, initKeys, loadSigningKey } from './key-service';
import { openCopies } from './test-support/open-copies';

let dir: ReturnType<typeof makeTempDir>;
const { open, copyAt, closeAll } = openCopies();

/** A department copy with its key, backed up, restored on "another PC" (the first copy's key folder gone). */
async function restoredElsewhere(): Promise<{ ctx: AppContext; oldKeyId: string }> {
  const first = join(dir.path, 'pc1', 'data');
  expect(
    await main(['setup', '--data', first, '--role', 'department', '--department', '문화본부'], captureIo()),
  ).toBe(0);
  const pc1 = await copyAt(first);
  const made = await initKeys(pc1);
  expect(made).toMatchObject({ created: true, privateKeyProblem: null, privateKeyLost: false });
  const backup = await backupData(pc1, dir.path);
  const restored = await restoreBackup(backup.path, join(dir.path, 'pc2', 'data'));
  rmSync(join(first, 'keys'), { recursive: true, force: true });
  return { ctx: await copyAt(restored.dataDir), oldKeyId: made.keyId as string };
}

beforeEach(() => {
  dir = makeTempDir('pledge-lost-key-');
});
afterEach(async () => {
  await closeAll();
  dir.remove();
});

describe('a signing key whose private half is not on this PC', () => {
  it('is reported as lost, signs nothing, and 키 만들기 replaces it with a new key that signs', async () => {
    const { ctx, oldKeyId } = await restoredElsewhere();
    const status = await getKeyStatus(ctx);
    expect(status).toMatchObject({ hasKey: true, keyId: oldKeyId, privateKeyLost: true });
    expect(status.privateKeyProblem).toContain('이 PC에서 개인 키를 읽을 수 없습니다');
    await expect(loadSigningKey(ctx)).rejects.toMatchObject({ code: 'KEY_FILE_MISSING' });

    const replaced = await initKeys(ctx);
    expect(replaced).toMatchObject({
      created: true,
      replacedKeyId: oldKeyId,
      privateKeyProblem: null,
      privateKeyLost: false,
    });
    expect(replaced.keyId).not.toBe(oldKeyId);
    const signing = await loadSigningKey(ctx);
    expect(signing.key.keyId).toBe(replaced.keyId);
    expect(signing.privateKeyPem).toContain('PRIVATE KEY');
    const rows = await ctx.db.selectFrom('own_keys').select(['key_id', 'retired_at']).execute();
    expect(rows.find((r) => r.key_id === oldKeyId)?.retired_at).not.toBeNull();
    // Asked again, it keeps the new key.
    expect(await initKeys(ctx)).toMatchObject({ created: false, replacedKeyId: null, keyId: replaced.keyId });
  });

  it('pledge keys status says so and how to go on; keys init makes the new key', async () => {
    const { ctx, oldKeyId } = await restoredElsewhere();
    const dataDir = ctx.dataDir;
    await ctx.close();
    open.splice(open.indexOf(ctx), 1);
    const status = captureIo();
    expect(await main(['keys', 'status', '--data', dataDir], status)).toBe(0);
    expect(status.stdout()).toContain('이 PC에서 개인 키를 읽을 수 없습니다');
    expect(status.stdout()).toContain("'pledge keys init'으로 새 키를 만들어 다시 등록하세요");
    const init = captureIo();
    expect(await main(['keys', 'init', '--data', dataDir], init)).toBe(0);
    expect(init.stdout()).toContain(`키 ID ${oldKeyId})를 폐기하고 새 키를 만들었습니다`);
  });

  it.skipIf(process.platform === 'win32')(
    'a key file others may read is a problem to fix in place, not a lost key: 키 만들기 keeps it',
    async () => {
      const data = join(dir.path, 'pc', 'data');
      expect(
        await main(
          ['setup', '--data', data, '--role', 'department', '--department', '문화본부'],
          captureIo(),
        ),
      ).toBe(0);
      const ctx = await copyAt(data);
      const made = await initKeys(ctx);
      chmodSync(join(data, 'keys', `${made.keyId}.key`), 0o644);
      const status = await getKeyStatus(ctx);
      expect(status.privateKeyLost).toBe(false);
      expect(status.privateKeyProblem).toContain('chmod 600');
      expect(await initKeys(ctx)).toMatchObject({ created: false, keyId: made.keyId });
    },
  );
});
