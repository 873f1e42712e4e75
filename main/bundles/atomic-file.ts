import { randomBytes } from 'node:crypto';
import {
  close,
  closeSync,
  fchmod,
  fsync,
  fsyncSync,
  open,
  openSync,
  rename,
  renameSync,
  rmSync,
  write,
  writeSync,
  chmodSync,
} from 'node:fs';
import { rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { promisify } from 'node:util';

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
  if (process.platform !== 'win32') {
    const dirFd = openSync(dir, 'r');
    try {
      fsyncSync(dirFd);
    } finally {
      closeSync(dirFd);
    }
  }
}

// The callback API on plain descriptors: a FileHandle (fs/promises) costs the calling thread noticeably more per
// call, and an import archives thousands of files while its main thread is the bottleneck.
const openAsync = promisify(open);
const fchmodAsync = promisify(fchmod);
const writeAsync = promisify(write);
const fsyncAsync = promisify(fsync);
const closeAsync = promisify(close);
const renameAsync = promisify(rename);

/**
 * writeFileAtomic without the folder fsync, for many files at once: the file's own data is still synced before
 * the rename (so a file that exists is complete), and the caller syncs the folder once with syncDirectory
 * before it relies on the names. Async, so several fsyncs overlap and the filesystem can batch them.
 */
export async function writeFileAtomicDeferred(
  path: string,
  bytes: Uint8Array,
  options: { mode?: number } = {},
): Promise<void> {
  const mode = options.mode ?? 0o644;
  const dir = dirname(path);
  const temp = join(dir, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const fd = await openAsync(temp, 'wx', mode);
  try {
    try {
      if (process.platform !== 'win32') await fchmodAsync(fd, mode);
      let offset = 0;
      while (offset < bytes.length) {
        offset += (await writeAsync(fd, bytes, offset, bytes.length - offset)).bytesWritten;
      }
      await fsyncAsync(fd);
    } finally {
      await closeAsync(fd);
    }
    await renameAsync(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** fsync of a folder on POSIX, so renames into it survive a power loss (a no-op on Windows). */
export function syncDirectory(dir: string): void {
  if (process.platform === 'win32') return;
  const dirFd = openSync(dir, 'r');
  try {
    fsyncSync(dirFd);
  } finally {
    closeSync(dirFd);
  }
}
