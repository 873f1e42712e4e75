import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../db/test/temp-dir';
import { generateKeyPair } from '../bundles/key-material';
import { filePrivateKeyStore, keyFileIn } from './key-store';

let dir: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  dir = makeTempDir('key-store-');
});
afterEach(() => dir.remove());

describe('a key kept in a file says what protects it', () => {
  it.runIf(process.platform !== 'win32')(
    "on Linux: the file is its owner's only, and the screen says so",
    () => {
      mkdirSync(join(dir.path, 'keys'));
      const store = filePrivateKeyStore(dir.path, 'linux');
      const ref = store.save('0123456789abcdef', generateKeyPair().privateKeyPem);
      expect(statSync(keyFileIn(dir.path, ref)).mode & 0o777).toBe(0o600);
      expect(store.protection).toContain('현재 사용자만 읽을 수 있는 파일');
    },
  );

  it("on Windows, where modes do not apply, it claims no more than the data folder's permissions", () => {
    const store = filePrivateKeyStore(dir.path, 'win32');
    expect(store.protection).not.toContain('현재 사용자만 읽을 수 있는');
    expect(store.protection).toContain('그 폴더의 접근 권한을 따릅니다');
  });
});
