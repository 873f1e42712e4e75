import { cpSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { SafeStorage } from 'electron';
import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../../db/test/temp-dir';
import { safeStorageKeyStore } from './safe-storage-key-store';

/** A reversible stand-in for the OS encryption, shaped like Electron's SafeStorage. */
function fakeSafeStorage(available: boolean, backend = 'gnome_libsecret'): SafeStorage {
  return {
    isEncryptionAvailable: () => available,
    getSelectedStorageBackend: () => backend,
    encryptString: (text: string) => Buffer.from([...Buffer.from(text)].map((b) => b ^ 0x5a)),
    decryptString: (data: Buffer) => Buffer.from([...data].map((b) => b ^ 0x5a)).toString(),
  } as unknown as SafeStorage;
}

describe('safeStorage key store', () => {
  it('is not used when encryption is unavailable or Linux would use a fixed password', () => {
    expect(safeStorageKeyStore(fakeSafeStorage(false), 'win32', '/tmp')).toBeNull();
    expect(safeStorageKeyStore(fakeSafeStorage(true, 'basic_text'), 'linux', '/tmp')).toBeNull();
  });

  it('stores the key encrypted, never as plain PEM, and reads it back', () => {
    const dir = makeTempDir();
    try {
      const store = safeStorageKeyStore(fakeSafeStorage(true), 'win32', dir.path);
      expect(store?.protection).toMatch(/DPAPI/);
      const pem = '-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----\n';
      const ref = store?.save('0123456789abcdef', pem) ?? '';
      expect(ref).toBe('keys/0123456789abcdef.key.enc');
      expect(readFileSync(join(dir.path, ref), 'utf8')).not.toContain('PRIVATE KEY');
      expect(store?.load(ref)).toBe(pem);
    } finally {
      dir.remove();
    }
  });

  it('reads only the data folder’s own keys/ folder: a copied folder its copy, a restored one none', () => {
    const dir = makeTempDir();
    try {
      const first = join(dir.path, 'first');
      const pem = '-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----\n';
      const ref =
        safeStorageKeyStore(fakeSafeStorage(true), 'win32', first)?.save('0123456789abcdef', pem) ?? '';
      // An older version's row: the absolute path in the first folder.
      const absolute = join(first, 'keys', '0123456789abcdef.key.enc');
      expect(safeStorageKeyStore(fakeSafeStorage(true), 'win32', first)?.load(absolute)).toBe(pem);

      const copy = join(dir.path, 'copy');
      cpSync(first, copy, { recursive: true });
      const restored = join(dir.path, 'restored');
      const elsewhere = safeStorageKeyStore(fakeSafeStorage(true), 'win32', restored);
      let missing: unknown;
      try {
        elsewhere?.load(absolute);
      } catch (error) {
        missing = error;
      }
      expect(missing).toMatchObject({ code: 'KEY_FILE_MISSING' });
      expect((missing as Error).message).toContain(join(restored, 'keys'));

      rmSync(first, { recursive: true, force: true });
      const copied = safeStorageKeyStore(fakeSafeStorage(true), 'win32', copy);
      expect(copied?.load(ref)).toBe(pem);
      expect(copied?.load(absolute)).toBe(pem);
    } finally {
      dir.remove();
    }
  });
});
