import { existsSync, lstatSync, readFileSync } from 'node:fs';
import { UserError } from '../services/errors';
import { writeFileAtomic } from './atomic-file';
import { loadPrivateKey } from './key-material';

const MAX_KEY_FILE_BYTES = 16 * 1024;
const isPosix = process.platform !== 'win32';

/**
 * Stores a private key readable by its owner only (0600), then reads the mode back: a filesystem that ignores
 * modes (some network or FAT mounts) must fail loudly instead of leaving a world-readable key. Refuses to
 * replace an existing key file unless `overwrite` is set, because a lost key cannot be recovered.
 * On Windows the file inherits the folder's ACL (the user profile is private by default); modes do not apply.
 */
export function writePrivateKeyFile(
  path: string,
  privateKeyPem: string,
  options: { overwrite?: boolean } = {},
): void {
  loadPrivateKey(privateKeyPem);
  if (!options.overwrite && existsSync(path)) {
    throw new UserError(
      'KEY_FILE_EXISTS',
      `개인 키 파일 ${path} 이 이미 있습니다. 기존 키를 덮어쓰지 않습니다`,
    );
  }
  writeFileAtomic(path, Buffer.from(privateKeyPem, 'utf8'), { mode: 0o600 });
  if (isPosix) {
    const mode = lstatSync(path).mode & 0o777;
    if (mode !== 0o600) {
      throw new UserError(
        'KEY_FILE_MODE',
        `개인 키 파일 ${path} 의 권한을 600 으로 맞추지 못했습니다 (현재 ${mode.toString(8)}). 권한을 지원하는 폴더에 저장하십시오`,
      );
    }
  }
}

/** Reads a private key, refusing (on POSIX) files other users could read, symlinks and other owners' files. */
export function readPrivateKeyFile(path: string): string {
  let stat;
  try {
    stat = lstatSync(path);
  } catch {
    throw new UserError('KEY_FILE_MISSING', `개인 키 파일 ${path} 을 찾을 수 없습니다`);
  }
  if (!stat.isFile()) {
    throw new UserError(
      'KEY_FILE_TYPE',
      `개인 키 파일 ${path} 이 일반 파일이 아닙니다 (심볼릭 링크나 폴더는 쓰지 않습니다)`,
    );
  }
  if (stat.size > MAX_KEY_FILE_BYTES) {
    throw new UserError('KEY_FILE_INVALID', `개인 키 파일 ${path} 이 너무 큽니다 (${stat.size}바이트)`);
  }
  if (isPosix) {
    const mode = stat.mode & 0o777;
    if ((mode & 0o077) !== 0) {
      throw new UserError(
        'KEY_FILE_MODE',
        `개인 키 파일 ${path} 을 다른 사용자도 읽을 수 있습니다 (권한 ${mode.toString(8)}). ` +
          `chmod 600 으로 권한을 줄인 뒤 다시 시도하십시오`,
      );
    }
    const uid = process.getuid?.();
    if (uid !== undefined && stat.uid !== uid) {
      throw new UserError('KEY_FILE_OWNER', `개인 키 파일 ${path} 의 소유자가 현재 사용자가 아닙니다`);
    }
  }
  const pem = readFileSync(path, 'utf8');
  try {
    loadPrivateKey(pem);
  } catch (error) {
    if (error instanceof UserError) {
      throw new UserError('KEY_FILE_INVALID', `개인 키 파일 ${path}: ${error.message}`);
    }
    throw error;
  }
  return pem;
}
