// What database-probe.ts makes of a data folder whose pledge.sqlite is missing or empty (0 bytes): a folder that
// still holds the program's files (keys, made submission files, backups) lost its data and must not be opened as
// new; a new or empty folder is a first run. Real folders and files; nothing is ever written by the probe.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDb } from '../../db/create-db';
import {
  lostDataFileError,
  lostDataFileIn,
  lostDataFileMessage,
  probeDatabaseFile,
  startAnewIn,
} from './database-probe';
import { folderSnapshot } from './test-support/unreadable-file';

let root: string;
let dir: string;
let file: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'pledge-probe-'));
  dir = join(root, 'data');
  mkdirSync(dir);
  file = join(dir, 'pledge.sqlite');
});

afterEach(() => {
  startAnewIn(dir, true);
  rmSync(root, { recursive: true, force: true });
});

/** Writes files under the folder (relative path → content). */
function put(files: Record<string, string>): void {
  for (const [path, content] of Object.entries(files)) {
    const full = join(dir, path);
    mkdirSync(join(full, '..'), { recursive: true });
    writeFileSync(full, content);
  }
}

const snapshot = (): Record<string, string> => folderSnapshot(dir);

/** A department's folder as the program leaves it: a key, its enrolment and a submission file made. */
const DEPARTMENT_FILES = {
  'keys/3f2a9c0d1e2b4a5c.key': 'PRIVATE KEY',
  'outbox/키등록_소방재난본부_3f2a9c0d1e2b4a5c.pledgekey.json': '{}',
  'outbox/공약제출_소방재난본부_2019-H1_r1.pledge': 'PK',
};

describe('lostDataFileIn', () => {
  it('an empty data file beside keys/ and outbox/: empty, naming each file found by its folder', () => {
    put(DEPARTMENT_FILES);
    writeFileSync(file, '');
    const before = snapshot();
    expect(lostDataFileIn(file)).toEqual({
      databasePath: file,
      dataDir: dir,
      state: 'empty',
      found: [
        'keys/ — 서명 키 파일 1개: 3f2a9c0d1e2b4a5c.key',
        'outbox/ — 만든 제출·기준 자료 파일 1개: 공약제출_소방재난본부_2019-H1_r1.pledge',
        'outbox/ — 키 등록·교체 파일 1개: 키등록_소방재난본부_3f2a9c0d1e2b4a5c.pledgekey.json',
      ],
    });
    expect(snapshot()).toEqual(before);
  });

  it('no data file at all beside them: missing', () => {
    put(DEPARTMENT_FILES);
    expect(lostDataFileIn(file)).toMatchObject({ state: 'missing', databasePath: file });
    expect(readdirSync(dir).sort()).toEqual(['keys', 'outbox']);
  });

  it('counts backups, the archive of an older version, an encrypted key and a log that holds something', () => {
    put({
      'keys/abc.key.enc': 'sealed',
      'backups/공약이행_백업_20261201-090000.sqlite': 'x',
      'backups/공약이행_백업_20261202-090000.sqlite': 'x',
      'backups/공약이행_백업_20261203-090000.sqlite': 'x',
      'backups/공약이행_백업_20261204-090000.sqlite': 'x',
      'archive/0123.pledge': 'x',
      'pledge.sqlite-wal': 'frames',
    });
    expect(lostDataFileIn(file)?.found).toEqual([
      'keys/ — 서명 키 파일 1개: abc.key.enc',
      'backups/ — 데이터 백업 파일 4개: 공약이행_백업_20261201-090000.sqlite, 공약이행_백업_20261202-090000.sqlite, 공약이행_백업_20261203-090000.sqlite 외 1개',
      'archive/ — 받은 제출 파일 1개: 0123.pledge',
      'pledge.sqlite-wal — 데이터 파일의 기록 파일',
    ]);
  });

  it('a new or empty folder, or one with only an empty data file, empty folders or other files: a first run', () => {
    expect(lostDataFileIn(file)).toBeNull();
    writeFileSync(file, '');
    expect(lostDataFileIn(file)).toBeNull();
    mkdirSync(join(dir, 'keys'));
    mkdirSync(join(dir, 'outbox'));
    put({
      '메모.txt': 'x',
      'keys/readme.txt': 'x',
      // A write's temporary file, left by a crash.
      'outbox/.공약제출_r1.pledge.0123456789ab.tmp': 'x',
      'pledge.sqlite-wal': '',
    });
    expect(lostDataFileIn(file)).toBeNull();
    expect(lostDataFileIn(join(root, 'not-there', 'pledge.sqlite'))).toBeNull();
  });

  it('a data file with anything in it is not lost (the open looks at it)', async () => {
    put(DEPARTMENT_FILES);
    await createDb(file).destroy();
    expect(lostDataFileIn(file)).toBeNull();
  });

  it('a folder the person chose to start anew in is not stopped again, until that is withdrawn', () => {
    put(DEPARTMENT_FILES);
    startAnewIn(dir);
    expect(lostDataFileIn(file)).toBeNull();
    startAnewIn(dir, true);
    expect(lostDataFileIn(file)).toMatchObject({ state: 'missing' });
  });
});

describe('probeDatabaseFile on an empty data file', () => {
  it('beside the program’s files: not a database, so the open never writes a new one over it', () => {
    put(DEPARTMENT_FILES);
    writeFileSync(file, '');
    const before = snapshot();
    expect(probeDatabaseFile(file)).toMatchObject({ code: 'SQLITE_NOTADB' });
    expect(snapshot()).toEqual(before);
  });

  it('alone in its folder: nothing to report (a first run that stopped before its first write)', () => {
    writeFileSync(file, '');
    expect(probeDatabaseFile(file)).toBeNull();
  });
});

describe('the diagnosis in Korean (the command line’s)', () => {
  it('names the file, what was found and the ways out, and suggests neither a new key nor a setup', () => {
    put(DEPARTMENT_FILES);
    writeFileSync(file, '');
    const error = lostDataFileError(file);
    expect(error).toMatchObject({ code: 'DATA_DIR_UNREADABLE' });
    const message = error?.message ?? '';
    expect(message).toContain(`데이터 파일이 비어 있습니다 (0바이트): ${file}`);
    expect(message).toContain('keys/ — 서명 키 파일 1개: 3f2a9c0d1e2b4a5c.key');
    expect(message).toContain('공약제출_소방재난본부_2019-H1_r1.pledge');
    expect(message).toContain('지금까지 작성하고 보낸 문서는 돌아오지 않습니다');
    expect(message).toContain('아무것도 만들거나 바꾸지 않았습니다');
    expect(message).toContain(`pledge restore 백업파일 --data ${dir}`);
    expect(message).not.toContain('keys init');
    expect(message).not.toContain('pledge setup');
  });

  it('for the app: 백업에서 복원 on its screen, a missing file said as missing', () => {
    put(DEPARTMENT_FILES);
    const lost = lostDataFileIn(file);
    expect(lost).not.toBeNull();
    if (lost === null) return;
    const message = lostDataFileMessage(lost, 'app');
    expect(message).toContain(`데이터 파일이 없습니다: ${file}`);
    expect(message).toContain('‘백업에서 복원’으로 이 폴더에 복원하세요');
    expect(message).not.toContain('pledge restore');
  });
});
