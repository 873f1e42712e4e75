import type { SafeStorage } from 'electron';
import { mkdirSync, readFileSync } from 'node:fs';
import { writeFileAtomic } from '../bundles/atomic-file';
import {
  keyFileIn,
  keyFileMissing,
  keyFileRef,
  keysDirOf,
  type PrivateKeyStore,
} from '../services/key-store';

/**
 * Private keys encrypted with Electron's safeStorage (DPAPI on Windows, Keychain on macOS, the desktop's secret
 * store on Linux). Returns null where encryption is unavailable, or where Linux would fall back to a fixed
 * password ('basic_text'), so that the caller keeps the plain 0600 key file and says so instead of pretending.
 */
export function safeStorageKeyStore(
  safeStorage: SafeStorage,
  platform: NodeJS.Platform,
  dataDir: string,
): PrivateKeyStore | null {
  if (!safeStorage.isEncryptionAvailable()) return null;
  if (platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') return null;
  const protection =
    platform === 'win32'
      ? '개인 키는 Windows 사용자 계정의 DPAPI로 암호화되어 있습니다. 다른 사용자 계정은 읽을 수 없지만, 같은 사용자로 실행되는 다른 프로그램은 읽을 수 있습니다.'
      : '개인 키는 운영체제의 보안 저장소(키체인 등)로 암호화되어 있습니다.';
  return {
    kind: 'safeStorage',
    protection,
    save(keyId, privateKeyPem) {
      mkdirSync(keysDirOf(dataDir), { recursive: true, mode: 0o700 });
      const ref = keyFileRef(`${keyId}.key.enc`);
      writeFileAtomic(keyFileIn(dataDir, ref), safeStorage.encryptString(privateKeyPem), { mode: 0o600 });
      return ref;
    },
    load(ref) {
      // Only this data folder's keys/ folder, as the file store (keyFileIn).
      const path = keyFileIn(dataDir, ref);
      let sealed: Buffer;
      try {
        sealed = readFileSync(path);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw keyFileMissing(path);
        throw error;
      }
      return safeStorage.decryptString(sealed);
    },
  };
}
