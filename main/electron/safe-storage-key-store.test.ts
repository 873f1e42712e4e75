import { readFileSync } from 'node:fs';
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
      expect(readFileSync(ref, 'utf8')).not.toContain('PRIVATE KEY');
      expect(store?.load(ref)).toBe(pem);
    } finally {
      dir.remove();
    }
  });
});
