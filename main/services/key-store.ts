import { join } from 'node:path';
import { readPrivateKeyFile, writePrivateKeyFile } from '../bundles';
import { UserError } from './errors';

/**
 * Where this copy's private key lives. The file store (0600 key file) serves browser mode and the CLI; the
 * Electron layer can supply a store backed by `safeStorage` (encrypted with the OS user's credentials) through
 * the same interface, without this service importing electron.
 */
export interface PrivateKeyStore {
  readonly kind: 'file' | 'safeStorage';
  /** What protects the key, in Korean, for the settings screen. */
  readonly protection: string;
  /**
   * Stores a new key in the data folder's keys/ folder and returns the reference kept in own_keys.private_key_ref:
   * the file's place relative to the data folder ('keys/<key id>.key'), never an absolute path.
   */
  save(keyId: string, privateKeyPem: string): string;
  /** Reads the key a reference names, from this data folder only (keyFileIn). */
  load(ref: string): string;
}

export const keysDirOf = (dataDir: string): string => join(dataDir, 'keys');

/** The reference stored for a key file: relative to the data folder, with '/' on every system. */
export const keyFileRef = (fileName: string): string => `keys/${fileName}`;

/**
 * The file a stored reference names, in this data folder's keys/ folder. A data folder only ever uses key files
 * inside itself: the reference is 'keys/<file>' (this version), or an older version's absolute path, of which only
 * the file name counts. So a whole data folder copied or moved elsewhere (데이터 폴더 바꾸기, another disk) finds
 * its own copy of the key, while a backup restored into a new folder (backups hold no private key) finds none
 * there and does not reach back into the folder it came from, even if that folder and its key still exist.
 * Either separator is read, so a database from Windows opens on another system and the other way round.
 */
export function keyFileIn(dataDir: string, ref: string): string {
  const name = ref.split(/[\\/]/).pop() ?? '';
  if (name === '' || name === '.' || name === '..') {
    throw new UserError(
      'KEY_FILE_MISSING',
      `데이터베이스에 적힌 개인 키 파일 위치(${ref})가 키 파일을 가리키지 않습니다`,
    );
  }
  return join(keysDirOf(dataDir), name);
}

/** A missing key file, said as missing from this data folder (the usual cause: a folder restored from a backup). */
export function keyFileMissing(path: string): UserError {
  return new UserError('KEY_FILE_MISSING', `이 데이터 폴더에 개인 키 파일(${path})이 없습니다`);
}

/**
 * What protects a key file. On POSIX the file is written 0600 and checked (key-files.ts); on Windows it takes the
 * data folder's permissions (a folder under the user's profile is the user's own, "D:\공약이행" is often every
 * user's), so it does not claim more.
 */
function fileProtection(platform: NodeJS.Platform): string {
  return platform === 'win32'
    ? '개인 키는 이 PC의 데이터 폴더에 파일로 저장되어 있고, 그 폴더의 접근 권한을 따릅니다: 이 PC의 다른 사용자 계정이 그 폴더를 읽을 수 있으면 키도 읽을 수 있습니다. 데이터 폴더를 내 사용자 폴더 안에 두거나 폴더 권한을 현재 사용자로 제한하세요.'
    : '개인 키는 이 PC의 데이터 폴더에 현재 사용자만 읽을 수 있는 파일로 저장되어 있습니다. 다른 사용자 계정이나 백업본으로 유출되지 않도록 폴더를 관리하세요.';
}

export function filePrivateKeyStore(
  dataDir: string,
  platform: NodeJS.Platform = process.platform,
): PrivateKeyStore {
  return {
    kind: 'file',
    protection: fileProtection(platform),
    save(keyId, privateKeyPem) {
      const ref = keyFileRef(`${keyId}.key`);
      writePrivateKeyFile(keyFileIn(dataDir, ref), privateKeyPem);
      return ref;
    },
    load(ref) {
      const path = keyFileIn(dataDir, ref);
      try {
        return readPrivateKeyFile(path);
      } catch (error) {
        if (error instanceof UserError && error.code === 'KEY_FILE_MISSING') throw keyFileMissing(path);
        throw error;
      }
    },
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
