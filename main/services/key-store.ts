import { join } from 'node:path';
import { readPrivateKeyFile, writePrivateKeyFile } from '../bundles';

/**
 * Where this copy's private key lives. The file store (0600 key file) serves browser mode and the CLI; the
 * Electron layer can supply a store backed by `safeStorage` (encrypted with the OS user's credentials) through
 * the same interface, without this service importing electron.
 */
export interface PrivateKeyStore {
  readonly kind: 'file' | 'safeStorage';
  /** What protects the key, in Korean, for the settings screen. */
  readonly protection: string;
  /** Stores a new key and returns the reference kept in own_keys.private_key_ref. */
  save(keyId: string, privateKeyPem: string): string;
  load(ref: string): string;
}

export const keysDirOf = (dataDir: string): string => join(dataDir, 'keys');

export function filePrivateKeyStore(dataDir: string): PrivateKeyStore {
  return {
    kind: 'file',
    protection:
      '개인 키는 이 PC의 데이터 폴더에 현재 사용자만 읽을 수 있는 파일(권한 600)로 저장되어 있습니다. 다른 사용자 계정이나 백업본으로 유출되지 않도록 폴더를 관리하세요.',
    save(keyId, privateKeyPem) {
      const path = join(keysDirOf(dataDir), `${keyId}.key`);
      writePrivateKeyFile(path, privateKeyPem);
      return path;
    },
    load: (ref) => readPrivateKeyFile(ref),
  };
}

/** Returns null where the platform cannot protect keys; the file store is used then. */
type StoreFactory = (dataDir: string) => PrivateKeyStore | null;

let storeFactory: StoreFactory | null = null;

/** The Electron layer calls this at start-up to keep new keys in safeStorage instead of key files. */
export function setPrivateKeyStoreFactory(factory: StoreFactory | null): void {
  storeFactory = factory;
}

export function privateKeyStoreFor(dataDir: string, kind?: 'file' | 'safeStorage'): PrivateKeyStore {
  if (kind === 'file') return filePrivateKeyStore(dataDir);
  if (storeFactory) {
    const store = storeFactory(dataDir);
    if (store && (!kind || store.kind === kind)) return store;
  }
  return filePrivateKeyStore(dataDir);
}
