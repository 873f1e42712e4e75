import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { UserError } from './errors';

/**
 * The log files SQLite would play into whatever file carries the database's name: a `-wal` is read with it, a hot
 * `-journal` is rolled back into it. Left beside a damaged file that the user then replaces by hand with a backup,
 * the damaged file's log would be written into the backup on the next open.
 */
const LOG_SUFFIXES = ['-wal', '-journal'] as const;

interface FileMark {
  path: string;
  size: number;
  mtimeMs: number;
  ino: number;
}

/** The damaged file and the logs beside it, as they were when it was found unreadable. */
export interface DamagedFiles {
  file: FileMark | null;
  logs: FileMark[];
}

function markOf(path: string): FileMark | null {
  try {
    const stat = statSync(path);
    return stat.isFile() ? { path, size: stat.size, mtimeMs: stat.mtimeMs, ino: stat.ino } : null;
  } catch {
    return null;
  }
}

const same = (a: FileMark | null, b: FileMark | null): boolean =>
  a !== null && b !== null && a.size === b.size && a.mtimeMs === b.mtimeMs && a.ino === b.ino;

/** Notes the unreadable database file and its logs (nothing is opened or changed). */
export function markDamagedFiles(databasePath: string): DamagedFiles {
  return {
    file: markOf(databasePath),
    logs: LOG_SUFFIXES.map((suffix) => markOf(`${databasePath}${suffix}`)).filter((m) => m !== null),
  };
}

/**
 * Before 다시 시도 opens the folder: when the database file has been replaced since it was found unreadable while
 * a log of the damaged file is still there untouched, refuses with the files to move (nothing is opened).
 */
export function refuseStaleLogs(databasePath: string, damaged: DamagedFiles): void {
  const now = markOf(databasePath);
  if (now === null || same(now, damaged.file)) return;
  const stale = damaged.logs.filter((log) => same(markOf(log.path), log)).map((log) => basename(log.path));
  if (stale.length === 0) return;
  throw new UserError(
    'STALE_DATABASE_LOG',
    `데이터 파일을 바꿔 놓았지만, 손상된 파일의 기록 파일이 아직 옆에 있습니다: ${stale.join(', ')}\n` +
      '이대로 열면 SQLite가 그 기록을 새 파일에 써 넣어 새 파일까지 망가뜨릴 수 있어 열지 않았습니다. ' +
      '이 파일을 다른 곳으로 옮긴 뒤 다시 시도하세요.',
  );
}
