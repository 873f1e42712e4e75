import BetterSqlite3 from 'better-sqlite3';
import { closeSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UserError } from './errors';
import { folderKey } from './local-path';

/** What every start reads before its first screen, by table (a file made by an older version may lack one). */
const STARTUP_READS: readonly (readonly [string, string])[] = [
  ['settings', "SELECT value FROM settings WHERE key = 'setup'"],
  ['reference_data', "SELECT * FROM reference_data WHERE key IN ('catalog', 'term')"],
];

/** The first 16 bytes of every SQLite database file. */
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * Looks at an existing database file without changing it or the files beside it, before the read-write open
 * (createDb) is allowed near it: the SQLite error that says it cannot be read, or null (no file, a sound one, or a
 * problem the normal open reports itself).
 *
 * An empty file (0 bytes) is a new database to SQLite, and a first run that stopped before its first write leaves
 * one; but in a folder that still holds the program's other files (lostDataFileIn: keys, made submission files) it
 * is a data file that lost its contents, and the open would write a new database over it. It is reported as not a
 * database then (SQLITE_NOTADB), so the start goes to the recovery screen, which tells the two apart.
 *
 * First the file's own header: a file that does not start as a database is not one, whatever lies beside it. SQLite
 * itself would read a `-wal` from another database over it (and the read-write open would then checkpoint that log
 * into the file), or roll a `-journal` back into it. Then a read-only connection reads the schema: it never
 * checkpoints a WAL or rolls a journal back (a hot journal makes it fail with SQLITE_READONLY_ROLLBACK, left to the
 * normal open: that is SQLite's recovery of a sound file after a crash), then the rows every start reads first.
 * A few quick reads for a sound file.
 */
export function probeDatabaseFile(path: string): unknown {
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) return null;
    size = stat.size;
  } catch {
    return null;
  }
  if (size === 0) {
    if (lostDataFileIn(path) === null) return null;
    return Object.assign(new Error("empty data file beside the program's files"), { code: 'SQLITE_NOTADB' });
  }
  const head = Buffer.alloc(SQLITE_HEADER.length);
  let read: number;
  try {
    const fd = openSync(path, 'r');
    try {
      read = readSync(fd, head, 0, head.length, 0);
    } finally {
      closeSync(fd);
    }
  } catch {
    return null;
  }
  if (read < head.length || !head.equals(SQLITE_HEADER)) {
    return Object.assign(new Error('file is not a database (header)'), { code: 'SQLITE_NOTADB' });
  }

  let probe: BetterSqlite3.Database | undefined;
  try {
    probe = new BetterSqlite3(path, { readonly: true, fileMustExist: true });
    probe.pragma('schema_version');
    probe.prepare('SELECT count(*) FROM sqlite_master').get();
    // A sound schema can sit over a damaged page that the start reads first: who uses the folder (getSetup) and the
    // catalog and term. Read here, the same way, so such a file goes to the recovery screen, not to a window that
    // cannot show anything.
    for (const [table, read] of STARTUP_READS) {
      const present = probe
        .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")
        .get(table);
      if (present !== undefined) probe.prepare(read).all();
    }
    return null;
  } catch (error) {
    return error;
  } finally {
    probe?.close();
  }
}

/**
 * The program's own files in a data folder besides its database, by folder and name (what setup, key creation,
 * 제출 파일, 키 등록·교체, 기준 자료, 데이터 백업, `pledge draft export` and an older version's archive write
 * there; attachments live in the database). A first run writes only the database: a folder with none of these is
 * a new one. Files whose name starts with a dot (a write's temporary file) do not count.
 */
const PROGRAM_FILES: readonly { folder: string; what: string; match: (name: string) => boolean }[] = [
  { folder: 'keys', what: '서명 키 파일', match: (n) => n.endsWith('.key') || n.endsWith('.key.enc') },
  { folder: 'outbox', what: '만든 제출·기준 자료 파일', match: (n) => n.endsWith('.pledge') },
  { folder: 'outbox', what: '키 등록·교체 파일', match: (n) => n.endsWith('.pledgekey.json') },
  { folder: 'outbox', what: '작성 문서 파일', match: (n) => n.endsWith('.pledgedraft') },
  { folder: 'backups', what: '데이터 백업 파일', match: (n) => n.endsWith('.sqlite') },
  { folder: 'archive', what: '받은 제출 파일', match: (n) => n.endsWith('.pledge') },
  { folder: 'export', what: '내보낸 문서 파일', match: (n) => n.endsWith('.json') },
];

/** The database's logs: one that holds something beside a missing or empty file is the data's last trace. */
const LOG_SUFFIXES = ['-wal', '-journal'] as const;

/** How many names of each kind a finding lists (the rest are counted). */
const NAMES_SHOWN = 3;

/** A data file missing or empty in a folder that still holds the program's other files. */
export interface LostDataFile {
  /** The data file (pledge.sqlite) and its folder. */
  databasePath: string;
  dataDir: string;
  /** 'missing': there is no data file; 'empty': it is there with 0 bytes. */
  state: 'missing' | 'empty';
  /** What the folder holds, one line per kind, in Korean with the folder and the names ('keys/ — 서명 키 파일 1개: …'). */
  found: string[];
}

/** Folders (folderKey) in which the person chose, on the recovery screen, to start anew all the same (this run only). */
const startingAnew = new Set<string>();

/**
 * The person's choice on the recovery screen to make a new data file in a folder found to hold the program's
 * files (새로 시작 or 백업에서 복원 into that folder): lostDataFileIn no longer stops the open there in this run.
 * `undo` withdraws it (the folder could not be opened after all).
 */
export function startAnewIn(dataDir: string, undo = false): void {
  if (undo) startingAnew.delete(folderKey(dataDir));
  else startingAnew.add(folderKey(dataDir));
}

/** The file's size, or null when there is none (or something other than a file under the name). */
function sizeOf(path: string): number | null {
  try {
    const stat = statSync(path);
    return stat.isFile() ? stat.size : null;
  } catch {
    return null;
  }
}

/** The names of the files directly in a folder (none when it cannot be read or is not there). */
function filesIn(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
      .map((entry) => entry.name)
      .sort();
  } catch {
    return [];
  }
}

/**
 * Whether the data file `databasePath` (a folder's pledge.sqlite) is missing or empty while its folder still
 * holds the program's other files (PROGRAM_FILES, or a log of the database that holds something): such a folder
 * is one in use that lost its data, not a new one, and opening it would write a new, empty database there as if
 * for a first run. Null for a sound file (anything not empty), for a folder with none of the program's files (a
 * first run), and for a folder the person chose to start anew in (startAnewIn). Only reads the folder.
 */
export function lostDataFileIn(databasePath: string): LostDataFile | null {
  const path = resolve(databasePath);
  const dataDir = dirname(path);
  if (startingAnew.has(folderKey(dataDir))) return null;
  const size = sizeOf(path);
  if (size !== null && size > 0) return null;
  // Not a file (a folder under the name): the normal open says so.
  if (size === null && pathExists(path)) return null;
  const found: string[] = [];
  const byFolder = new Map<string, string[]>();
  for (const kind of PROGRAM_FILES) {
    let names = byFolder.get(kind.folder);
    if (names === undefined) {
      names = filesIn(join(dataDir, kind.folder));
      byFolder.set(kind.folder, names);
    }
    const matching = names.filter(kind.match);
    if (matching.length > 0) found.push(findingLine(`${kind.folder}/`, kind.what, matching));
  }
  for (const suffix of LOG_SUFFIXES) {
    const log = `${path}${suffix}`;
    if ((sizeOf(log) ?? 0) > 0) found.push(`${basename(log)} — 데이터 파일의 기록 파일`);
  }
  if (found.length === 0) return null;
  return { databasePath: path, dataDir, state: size === null ? 'missing' : 'empty', found };
}

function pathExists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}

/** 'keys/ — 서명 키 파일 2개: a.key, b.key' (the first few names, then how many more). */
function findingLine(folder: string, what: string, names: readonly string[]): string {
  const shown = names.slice(0, NAMES_SHOWN).join(', ');
  const more = names.length > NAMES_SHOWN ? ` 외 ${names.length - NAMES_SHOWN}개` : '';
  return `${folder} — ${what} ${names.length}개: ${shown}${more}`;
}

/**
 * What a lost data file means and the ways out, in Korean: for the command line (`where` 'cli': nothing there
 * suggests a new key or a setup) or the app (its recovery screen, and the refusals of other operations meanwhile).
 */
export function lostDataFileMessage(lost: LostDataFile, where: 'cli' | 'app' = 'cli'): string {
  const what =
    lost.state === 'empty'
      ? `데이터 파일이 비어 있습니다 (0바이트): ${lost.databasePath}`
      : `데이터 파일이 없습니다: ${lost.databasePath}`;
  const restore =
    where === 'app'
      ? '데이터 백업 파일이 있으면 ‘백업에서 복원’으로 이 폴더에 복원하세요: 남아 있는 서명 키와 제출 파일을 그대로 ' +
        '이어 씁니다.'
      : '데이터 백업 파일이 있으면 이 폴더에 복원하세요: 남아 있는 서명 키와 제출 파일을 그대로 이어 씁니다 ' +
        '(공약이행 관리 프로그램을 시작하면 열리는 복구 화면의 ‘백업에서 복원’, 또는 명령줄에서 ' +
        (lost.state === 'empty' ? `빈 ${basename(lost.databasePath)} 파일을 다른 곳으로 옮긴 뒤 ` : '') +
        `pledge restore 백업파일 --data ${lost.dataDir}).`;
  return (
    `${what}\n` +
    `그런데 이 데이터 폴더에는 이 프로그램이 만든 파일이 남아 있습니다: ${lost.found.join('; ')}.\n` +
    '쓰던 데이터 폴더가 데이터 파일을 잃은 것입니다. 여기서 새로 시작하면 빈 데이터 파일이 새로 만들어질 뿐, 지금까지 ' +
    '작성하고 보낸 문서는 돌아오지 않습니다. 새 서명 키를 만들면 받는 쪽(기획담당관 또는 부서)이 그 키를 다시 ' +
    '승인해야 하고, 새로 보내는 파일은 전에 보낸 파일과 이어지지 않습니다. 그래서 이 폴더에는 아무것도 만들거나 ' +
    '바꾸지 않았습니다.\n' +
    `${restore} 데이터 파일을 다른 곳으로 옮겼다면 제자리에 돌려놓으세요. 백업이 없으면 이 폴더를 그대로 두고 전산 ` +
    '담당자에게 문의하세요.' +
    (where === 'cli' ? ' 그래도 새로 시작하려면 복구 화면에서 고르세요.' : '')
  );
}

/**
 * A data folder's open refused because its data file is missing or empty while the folder holds the program's
 * files (lostDataFileIn): DATA_DIR_UNREADABLE, as for a file that cannot be read, so the app starts on the
 * recovery screen and the command line stops with the message. Null when the folder may be opened.
 */
export function lostDataFileError(databasePath: string): UserError | null {
  const lost = lostDataFileIn(databasePath);
  return lost === null ? null : new UserError('DATA_DIR_UNREADABLE', lostDataFileMessage(lost));
}
