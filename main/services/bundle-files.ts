import { tooLargeMessage } from '../../domain/text/file-size';
import {
  closeSync,
  existsSync,
  fstatSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  statSync,
  type Dirent,
  type Stats,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { DEFAULT_LIMITS } from '../bundles';
import { TEMP_FILE_NAME } from '../bundles/atomic-file';
import { getBundleFile } from '../../db/bundles';
import type { AppContext } from './context';
import { rejected, type ImportResult } from './import-result';

const BUNDLE_FILE = /\.(pledge|zip)$/i;
/** Natural Korean order of file names (r2 before r10), one collator for every comparison. */
const fileOrder = new Intl.Collator('ko', { numeric: true });

/** A bundle file renamed on the way (mail gateways add '.txt' or '.bin'): "공약제출….pledge.txt". */
const RENAMED_BUNDLE = /\.pledge\./i;

const systemReason = (error: unknown): string =>
  error instanceof Error ? ((error as NodeJS.ErrnoException).code ?? error.message) : String(error);

/**
 * A file or a folder's bundle files (recursively *.pledge / *.zip), in natural name order. Symbolic links are
 * followed to the file or folder they name (a folder once, so a link back up cannot loop). What is not taken is
 * said, each as a refused result, and the rest is still collected: a file named like a bundle with more after
 * '.pledge' (renamed on the way), a link to nothing, a folder that cannot be read.
 */
export function collectBundleFiles(paths: readonly string[]): { files: string[]; problems: ImportResult[] } {
  const files: string[] = [];
  const problems: ImportResult[] = [];
  const seenFolders = new Set<string>();
  const firstVisit = (stats: { dev: number; ino: number }): boolean => {
    const key = `${stats.dev}:${stats.ino}`;
    if (seenFolders.has(key)) return false;
    seenFolders.add(key);
    return true;
  };
  const looksLikeBundle = (name: string) => BUNDLE_FILE.test(name) || RENAMED_BUNDLE.test(name);
  const walk = (dir: string): void => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      problems.push(
        rejected(
          dir,
          'FOLDER_UNREADABLE',
          `폴더를 읽을 수 없어 그 안의 파일은 가져오지 않았습니다 (${systemReason(error)}). 폴더의 접근 권한을 확인하고 다시 가져오세요. 다른 파일은 따로 검사했습니다.`,
        ),
      );
      return;
    }
    entries.sort((a, b) => fileOrder.compare(a.name, b.name));
    for (const entry of entries) {
      const full = join(dir, entry.name);
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const target = statSync(full);
          isDirectory = target.isDirectory();
          isFile = target.isFile();
        } catch (error) {
          if (looksLikeBundle(entry.name)) {
            problems.push(
              rejected(
                full,
                'LINK_BROKEN',
                `바로 가기(심볼릭 링크)가 가리키는 파일을 열 수 없어 가져오지 않았습니다 (${systemReason(error)}). 원래 파일을 직접 가져오세요.`,
              ),
            );
          }
          continue;
        }
      }
      if (isDirectory) {
        // A folder reached again (a link to a folder above, or one linked twice) is walked once.
        let stats: { dev: number; ino: number } | null = null;
        try {
          stats = statSync(full);
        } catch {
          stats = null; // said by walk, which cannot read it either
        }
        if (stats === null || firstVisit(stats)) walk(full);
      } else if (isFile && TEMP_FILE_NAME.test(entry.name)) {
        // A department's export cut off while writing (".공약제출_…_r3.pledge.<hex>.tmp", copied along with its
        // outbox): never a file the department recorded as sent, so not one to import or to rename.
        continue;
      } else if (isFile && BUNDLE_FILE.test(entry.name)) files.push(full);
      else if (isFile && RENAMED_BUNDLE.test(entry.name)) {
        const cut = entry.name.toLowerCase().lastIndexOf('.pledge') + '.pledge'.length;
        problems.push(
          rejected(
            full,
            'FILE_RENAMED',
            `제출 파일처럼 보이지만 이름이 .pledge로 끝나지 않아 가져오지 않았습니다 (메일이나 복사 중에 이름이 바뀌었을 수 있습니다). 이름 끝의 '${entry.name.slice(cut)}' 부분을 지우고(${entry.name.slice(0, cut)}) 다시 가져오세요.`,
          ),
        );
      }
    }
  };
  for (const raw of paths) {
    const path = resolve(raw);
    let stats: Stats;
    try {
      stats = statSync(path);
    } catch {
      problems.push(rejected(raw, 'FILE_NOT_FOUND', `파일이나 폴더를 찾을 수 없습니다: ${raw}`));
      continue;
    }
    if (!stats.isDirectory()) files.push(path);
    else if (firstVisit(stats)) walk(path);
  }
  return { files: [...new Set(files)], problems };
}

/** A bundle to import: its bytes as received (an upload, an archived file), or a file to read. */
export type BundleInput = { name: string; bytes: Buffer } | { name: string; path: string };

/**
 * The file's bytes, read synchronously: a bundle is a few KB to a few MB, and one blocking read costs this
 * thread far less than the five thread-pool round trips of fs/promises (which, across thousands of files,
 * took more of this thread than the database writes).
 */
export function readInput(input: BundleInput): Buffer | ImportResult {
  if ('bytes' in input) return input.bytes;
  let fd: number | null = null;
  try {
    // Opened once: its size from the open file (no second lookup of the path), then read whole.
    fd = openSync(input.path, 'r');
    const size = fstatSync(fd).size;
    if (size > DEFAULT_LIMITS.maxBundleBytes) {
      return rejected(
        input.name,
        'ZIP_LIMIT',
        tooLargeMessage('제출 파일', size, DEFAULT_LIMITS.maxBundleBytes),
      );
    }
    const bytes = Buffer.allocUnsafe(size);
    let filled = 0;
    while (filled < size) {
      const read = readSync(fd, bytes, filled, size - filled, filled);
      if (read === 0) break; // shorter than when it was opened: checked as the bytes it has
      filled += read;
    }
    return filled === size ? bytes : bytes.subarray(0, filled);
  } catch (error) {
    return rejected(
      input.name,
      'FILE_UNREADABLE',
      `파일을 읽을 수 없습니다: ${error instanceof Error ? error.message : String(error)}`,
    );
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

/** The bytes of a received bundle as archived: in the database, or as a file written by an earlier version. */
export async function readArchivedBundle(ctx: AppContext, sha256: string): Promise<Buffer | null> {
  const stored = await getBundleFile(ctx.db, sha256);
  if (stored) return stored;
  const legacy = join(ctx.dataDir, 'archive', `${sha256}.pledge`);
  return existsSync(legacy) ? readFileSync(legacy) : null;
}
