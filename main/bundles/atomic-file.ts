import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  fsyncSync,
  linkSync,
  lstatSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  writeSync,
  type Stats,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UserError } from '../services/errors';

/**
 * Writes a file so that readers see either the old or the complete new content: a temporary file in the same
 * folder (a rename is only atomic within one filesystem), fsync, rename, then fsync of the folder on POSIX so
 * the rename itself survives a power loss.
 */
export function writeFileAtomic(path: string, bytes: Uint8Array, options: { mode?: number } = {}): void {
  const mode = options.mode ?? 0o644;
  const dir = dirname(path);
  const temp = join(dir, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  writeTemp(temp, bytes, mode);
  try {
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  syncDirectory(dir);
}

/**
 * Writes and fsyncs `bytes` into a new temporary file beside `path` (same folder, so it can be moved in whole) and
 * returns its name; `path` itself is untouched. moveInWithoutReplacing then gives it its name, or rmSync drops it.
 */
export function writeTempBeside(path: string, bytes: Uint8Array, options: { mode?: number } = {}): string {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  writeTemp(temp, bytes, options.mode ?? 0o644);
  return temp;
}

/** The name writeTempBeside and writeFileAtomic give a temporary file: ".<name>.<12 hex digits>.tmp". */
export const TEMP_FILE_NAME = /^\..+\.[0-9a-f]{12}\.tmp$/;

/**
 * Removes temporary files (TEMP_FILE_NAME) in `dir` whose names end like `suffix` (".pledge") and that were last
 * written more than `olderThanMs` ago: what a write cut off by a crash or a killed process left. A younger one may
 * belong to a write under way (another process on the same folder) and stays. Nothing here fails the caller: a
 * file that cannot be listed or removed is left. Returns the names removed.
 */
export function removeStaleTempFiles(
  dir: string,
  suffix: string,
  olderThanMs: number,
  now: number = Date.now(),
): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return removed;
  }
  for (const name of names) {
    if (!TEMP_FILE_NAME.test(name) || !name.slice(0, -'.xxxxxxxxxxxx.tmp'.length).endsWith(suffix)) continue;
    try {
      const stats = lstatSync(join(dir, name));
      if (!stats.isFile() || now - stats.mtimeMs <= olderThanMs) continue;
      rmSync(join(dir, name));
      removed.push(name);
    } catch {
      // Gone already, or not ours to remove: left as it is.
    }
  }
  return removed;
}

/** Error codes of a file system without hard links (FAT and exFAT USB sticks, some network shares). */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EMLINK', 'EXDEV']);

/**
 * Gives the file `temp` the name `path` (same folder) unless something already has that name: then returns false
 * and leaves both as they were. A hard link cannot replace anything, so a file that appears at `path` meanwhile is
 * never overwritten either; where the file system has no hard links it checks, then renames. The caller fsyncs the
 * folder (syncDirectory) once it wants the new name to survive a power loss.
 */
export function moveInWithoutReplacing(temp: string, path: string): boolean {
  try {
    linkSync(temp, path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (code === 'EEXIST') return false;
    if (!NO_HARD_LINKS.has(code)) throw error;
    if (lstatOrNull(path) !== null) return false;
    renameSync(temp, path);
    return true;
  }
  try {
    rmSync(temp);
  } catch (error) {
    rmSync(path, { force: true }); // the link just made: back to as before
    throw error;
  }
  return true;
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

/** A Korean message for a failed file-system write, naming the path and the likely cause. */
export function fileWriteError(error: unknown, path: string): UserError {
  if (error instanceof UserError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? '';
  const cause: Record<string, string> = {
    EBUSY: '다른 프로그램(예: 엑셀)이 파일을 열고 있습니다. 파일을 닫고 다시 시도하세요.',
    EPERM: '쓸 권한이 없거나 다른 프로그램(예: 엑셀)이 파일을 열고 있습니다.',
    EACCES: '쓸 권한이 없습니다. 다른 폴더를 고르세요.',
    EROFS: '읽기 전용 저장장치입니다.',
    ENOSPC: '디스크 공간이 부족합니다.',
    ENOTDIR: '폴더 경로 중간에 같은 이름의 파일이 있습니다.',
    EEXIST: '폴더 자리에 같은 이름의 파일이 있습니다.',
    ENOENT: '경로를 찾을 수 없습니다.',
  };
  return new UserError(
    'FILE_WRITE_FAILED',
    `${path}: ${cause[code] ?? `파일을 쓰지 못했습니다 (${code || String(error)}).`}`,
  );
}

/** The file-system calls writeFilesAtomic makes that can fail after its checks (replaceable in tests). */
export interface FileMoves {
  rename: (from: string, to: string) => void;
}

/**
 * Replaces several files in one folder together: readers see all old or all new files, never a mix. Every new
 * file is first written and fsynced beside its target; then every existing target is moved aside (where a file
 * held open by another program refuses, as Excel does on Windows, before anything changed), the new files moved
 * in, and the old ones removed. Any failure puts the old files back, removes what it wrote, and throws a
 * UserError naming the file. Returns the paths written.
 */
export function writeFilesAtomic(
  dir: string,
  files: readonly { name: string; bytes: Uint8Array }[],
  moves: FileMoves = { rename: renameSync },
): string[] {
  const tag = randomBytes(6).toString('hex');
  const planned = files.map((f) => ({
    ...f,
    path: join(dir, f.name),
    temp: join(dir, `.${f.name}.${tag}.tmp`),
    aside: join(dir, `.${f.name}.${tag}.old`),
  }));
  const written: string[] = [];
  const movedAside: (typeof planned)[number][] = [];
  const movedIn: (typeof planned)[number][] = [];
  let current = dir;
  try {
    for (const f of planned) {
      current = f.path;
      const existing = lstatOrNull(f.path);
      if (existing && !existing.isFile())
        throw new UserError(
          'FILE_WRITE_FAILED',
          `${f.path}: 같은 이름의 폴더(또는 파일이 아닌 것)가 있어 쓸 수 없습니다.`,
        );
    }
    for (const f of planned) {
      current = f.path;
      writeTemp(f.temp, f.bytes); // removes its own file should it fail
      written.push(f.temp);
    }
    for (const f of planned) {
      current = f.path;
      if (lstatOrNull(f.path) === null) continue;
      moves.rename(f.path, f.aside);
      movedAside.push(f);
    }
    for (const f of planned) {
      current = f.path;
      moves.rename(f.temp, f.path);
      movedIn.push(f);
    }
  } catch (error) {
    // Back to the old files: the new ones out, the old ones in, nothing of ours left behind.
    for (const f of movedIn) rmSync(f.path, { force: true });
    const stranded: string[] = [];
    for (const f of movedAside) {
      try {
        renameSync(f.aside, f.path);
      } catch {
        stranded.push(f.aside); // left beside the target: better than losing it
      }
    }
    for (const temp of written) rmSync(temp, { force: true });
    const failure = fileWriteError(error, current);
    throw new UserError(
      failure.code,
      stranded.length === 0
        ? `${failure.message} 폴더의 기존 파일은 바뀌지 않았습니다.`
        : `${failure.message} 기존 파일 일부를 되돌리지 못해 다음 이름으로 남겨 두었습니다: ${stranded.join(', ')}`,
    );
  }
  for (const f of movedAside) rmSync(f.aside, { force: true });
  syncDirectory(dir);
  return planned.map((f) => f.path);
}

/** Writes and fsyncs a new file ('wx': never follows or reuses something already at that name). */
function writeTemp(temp: string, bytes: Uint8Array, mode = 0o644): void {
  const fd = openSync(temp, 'wx', mode);
  try {
    try {
      // The umask may have narrowed or widened nothing we want.
      if (process.platform !== 'win32') chmodSync(temp, mode);
      let offset = 0;
      while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    rmSync(temp, { force: true }); // ours: created by the open above
    throw error;
  }
}

function lstatOrNull(path: string): Stats | null {
  try {
    return lstatSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
