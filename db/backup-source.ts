import BetterSqlite3 from 'better-sqlite3';
import { existsSync, readFileSync, statSync } from 'node:fs';

/**
 * The database to copy, on a read-only connection. SQLite reads a WAL database only where it can make its -shm
 * file: in a folder that cannot be written (a read-only share, a locked-down folder), the file is read whole into
 * memory instead, which is safe only when every committed change is in it: no -wal or -journal beside it (checked
 * before and after reading, with the file's size and time), none of which anyone can add to a folder that takes no
 * files. The copy's header is then marked as a rollback-journal file (what SQLite does when it leaves WAL).
 */
export function openSource(path: string): BetterSqlite3.Database {
  const sqlite = new BetterSqlite3(path, { readonly: true, fileMustExist: true });
  try {
    sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
    return sqlite;
  } catch (error) {
    sqlite.close();
    const code = String((error as { code?: unknown } | null)?.code ?? '');
    if (!/^SQLITE_(CANTOPEN|READONLY)/.test(code)) throw error;
    return readSourceWhole(path);
  }
}

function readSourceWhole(path: string): BetterSqlite3.Database {
  const pending = () =>
    ['-wal', '-journal'].map((s) => `${path}${s}`).filter((p) => existsSync(p) && statSync(p).size > 0);
  const before = pending();
  if (before.length > 0) throw new ReadOnlySourceError(readOnlyWithLog(before));
  const stamp = () => {
    const stat = statSync(path);
    return `${stat.size}/${stat.mtimeMs}`;
  };
  const at = stamp();
  const bytes = readFileSync(path);
  const after = pending();
  if (after.length > 0) throw new ReadOnlySourceError(readOnlyWithLog(after));
  if (stamp() !== at)
    throw new ReadOnlySourceError('백업하는 동안 데이터 파일이 바뀌었습니다. 잠시 뒤 다시 백업하세요.');
  if (bytes[18] === 2 && bytes[19] === 2) {
    bytes[18] = 1;
    bytes[19] = 1;
  }
  return new BetterSqlite3(bytes, { readonly: true });
}

const readOnlyWithLog = (logs: string[]) =>
  `데이터 폴더에 쓸 수 없는데, 데이터 파일 옆에 아직 데이터 파일에 합쳐지지 않은 변경 기록(${logs.join(', ')})이 ` +
  '있어 온전한 백업을 만들 수 없습니다. 데이터 폴더에 쓸 수 있게 한 뒤 프로그램을 한 번 열었다 닫고 다시 백업하세요.';

/** The data folder cannot be written and its database cannot be read whole safely; the message says why. */
export class ReadOnlySourceError extends Error {}
