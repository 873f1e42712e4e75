import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Writes a file so that readers see either the old or the complete new content: a temporary file in the same
 * folder (a rename is only atomic within one filesystem), fsync, rename, then fsync of the folder on POSIX so
 * the rename itself survives a power loss.
 */
export function writeFileAtomic(path: string, bytes: Uint8Array, options: { mode?: number } = {}): void {
  const mode = options.mode ?? 0o644;
  const dir = dirname(path);
  const temp = join(dir, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  // 'wx': never follow or reuse something already sitting at the temporary name.
  const fd = openSync(temp, 'wx', mode);
  try {
    try {
      if (process.platform !== 'win32') chmodSync(temp, mode); // the umask may have narrowed or widened nothing we want
      let offset = 0;
      while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  syncDirectory(dir);
}

/** fsync of a folder on POSIX, so renames into it survive a power loss (a no-op on Windows). */
function syncDirectory(dir: string): void {
  if (process.platform === 'win32') return;
  const dirFd = openSync(dir, 'r');
  try {
    fsyncSync(dirFd);
  } finally {
    closeSync(dirFd);
  }
}
