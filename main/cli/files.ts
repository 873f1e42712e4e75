import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createFolder, folderProblemOf } from '../../db/create-db';
import { fileWriteError } from '../bundles/atomic-file';
import { UserError } from '../services/errors';
import { josa } from '../../domain/text/josa';
import { tooLargeMessage } from '../../domain/text/file-size';

/**
 * Files named on the command line: read with a Korean message naming the file when it cannot be, and output
 * files whose folder is made here one level at a time (a folder that cannot be made fails at once, instead of
 * Node's recursive mkdir looping forever under /proc), before the command writes anything.
 */

/** The reason a file given to read cannot be read, in Korean. */
function readProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return '파일이 없습니다. 경로를 확인하세요';
  if (code === 'EISDIR') return '파일이 아니라 폴더입니다';
  if (code === 'EACCES' || code === 'EPERM') return '읽을 권한이 없습니다';
  return `읽지 못했습니다 (${code ?? String(error)})`;
}

/** The reason a file could not be written, in Korean. */
function writeProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  // The folder is there: an ENOENT then means it takes no new files (as /proc does).
  if (code === 'ENOENT') return '이 폴더에는 파일을 만들 수 없습니다. 다른 폴더를 고르세요.';
  return fileWriteError(error, '').message.replace(/^: /, '');
}

/** Refuses a file over `maxBytes` by its size, before it is read (a missing file is left to the read's message). */
export function refuseLargeInput(path: string, what: string, maxBytes: number): void {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    return;
  }
  if (size > maxBytes)
    throw new UserError('FILE_TOO_LARGE', `${path} — ${tooLargeMessage(what, size, maxBytes)}`);
}

/**
 * The bytes of a file given on the command line; `what` says what it is for ("검사할 제출 파일"). A file larger
 * than `maxBytes` (what any such file can be) is refused by its size before it is read: read whole, a file of
 * hundreds of MB fails with Node's English ERR_STRING_TOO_LONG, or holds the machine's memory for nothing.
 */
export function readInputFile(file: string, what: string, maxBytes: number): Buffer {
  const path = resolve(file);
  try {
    refuseLargeInput(path, what, maxBytes);
    return readFileSync(path);
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError('INPUT_FILE_UNREADABLE', `${what}: ${path} — ${readProblem(error)}.`);
  }
}

/** A file given on the command line that must exist (checked before the data folder is opened). */
export function requireInputFile(file: string, what: string): string {
  const path = resolve(file);
  if (!existsSync(path))
    throw new UserError('INPUT_FILE_UNREADABLE', `${what}: ${path} — ${readProblem({ code: 'ENOENT' })}.`);
  if (statSync(path).isDirectory())
    throw new UserError('INPUT_FILE_UNREADABLE', `${what}: ${path} — ${readProblem({ code: 'EISDIR' })}.`);
  return path;
}

/**
 * Runs `write` for an --out FILE: the file's folder is made first (and removed again if `write` fails), a folder
 * at the file's name is refused, and a file-system error from `write` is said in Korean with the file's path.
 */
export async function writingTo<T>(
  out: string | undefined,
  what: string,
  write: (path: string | undefined) => Promise<T>,
): Promise<T> {
  if (out === undefined) return write(undefined);
  const path = resolve(out);
  if (existsSync(path) && statSync(path).isDirectory())
    throw new UserError(
      'FILE_WRITE_FAILED',
      `${what}: ${path} — 파일 이름이 아니라 폴더입니다. 파일 이름까지 쓰세요.`,
    );
  let created: string | null;
  try {
    created = createFolder(dirname(path));
  } catch (error) {
    throw new UserError(
      'FILE_WRITE_FAILED',
      `${josa(what, '을/를')} 둘 폴더를 만들 수 없습니다: ${dirname(path)} (${folderProblemOf(error)}).`,
    );
  }
  // A folder that exists but takes no new files (/proc, no permission) is found before the command changes
  // anything (a key rotation is stored before its statement is written).
  const probe = join(dirname(path), `.pledge-write-check-${randomBytes(6).toString('hex')}.tmp`);
  try {
    closeSync(openSync(probe, 'wx'));
    rmSync(probe, { force: true });
  } catch (error) {
    if (created !== null) rmSync(created, { recursive: true, force: true });
    throw new UserError('FILE_WRITE_FAILED', `${what}: ${path} — ${writeProblem(error)}`);
  }
  try {
    return await write(path);
  } catch (error) {
    if (created !== null) rmSync(created, { recursive: true, force: true });
    if (error instanceof UserError) throw error;
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    if (typeof code !== 'string' || !code.startsWith('E')) throw error;
    throw new UserError('FILE_WRITE_FAILED', `${what}: ${path} — ${writeProblem(error)}`);
  }
}
