// 백업에서 복원 (data-restore.ts) on real SQLite files: a backup becomes a new data folder with all of its rows; a
// folder with data, a file that is not a sound backup of this app, or a missing file is refused by name, and
// nothing is written.
import BetterSqlite3 from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEAL_TABLE } from '../../db/backup-seal';
import { latestSchemaVersion } from '../../db/migrations/index';
import { main } from '../cli/index';
import { runSourceInChild } from '../cli/test-cli-child';
import { captureIo } from '../cli/test-io';
import { createAppContext, databasePathIn } from './context';
import { backupData } from './data-backup';
import { restoreBackup } from './data-restore';
import { whoAmI } from './session';
import { basePlan, cardDoc, cardFor, planDoc, useOfficeHarness } from './test-support/office-harness';
import { tableCounts } from './test-support/table-counts';

const h = useOfficeHarness();

/** A backup's tables without its seal: what a restored folder holds (it keeps no seal). */
function dataTablesOf(backup: string): Record<string, number> {
  const { [SEAL_TABLE]: seal, ...tables } = tableCounts(backup);
  expect(seal).toBe(1);
  return tables;
}

async function officeBackup(): Promise<string> {
  const plan = basePlan();
  expect(await h.send('plan', [planDoc(plan)])).toBe('accepted');
  expect(await h.send('2019-H1', [cardDoc(cardFor(plan, 'completed'))])).toBe('accepted');
  return (await backupData(h.office, h.dir.path)).path;
}

/** A copy of `path` changed by `change` on a connection of its own. */
function alteredCopy(path: string, name: string, change: (sqlite: BetterSqlite3.Database) => void): string {
  const copy = join(h.dir.path, name);
  copyFileSync(path, copy);
  const sqlite = new BetterSqlite3(copy);
  try {
    change(sqlite);
  } finally {
    sqlite.close();
  }
  return copy;
}

describe('백업에서 복원', () => {
  it('writes the backup as a new data folder holding every row, and says whose copy it was', async () => {
    const backup = await officeBackup();
    const folder = join(h.dir.path, 'new-pc', 'data');
    const restored = await restoreBackup(backup, folder);

    expect(restored).toMatchObject({
      dataDir: folder,
      path: databasePathIn(folder),
      role: 'office',
      department: null,
      receivedBundles: 2,
      schemaVersion: latestSchemaVersion,
      contentCheck: 'verified',
      note: null,
    });
    expect(Date.parse(restored.backupCreatedAt ?? '')).toBeGreaterThan(0);
    expect(readdirSync(folder)).toEqual(['pledge.sqlite']); // nothing partial beside it
    expect(tableCounts(restored.path)).toEqual(dataTablesOf(backup));
    expect(tableCounts(restored.path).received_documents).toBe(2);

    const opened = await createAppContext({
      profileDir: join(h.dir.path, 'new-pc', 'profile'),
      dataDirOverride: folder,
      mode: 'cli',
      appVersion: '0.1.0',
    });
    try {
      expect(await whoAmI(opened)).toMatchObject({ role: 'office' });
    } finally {
      await opened.close();
    }
  });

  it('never overwrites: a folder with a database, or with a log file SQLite would read, is refused as it is', async () => {
    const backup = await officeBackup();
    const live = databasePathIn(h.office.dataDir);
    const before = readFileSync(live);
    await expect(restoreBackup(backup, h.office.dataDir)).rejects.toMatchObject({
      code: 'RESTORE_FOLDER_IN_USE',
      message: expect.stringContaining(live) as unknown,
    });
    expect(readFileSync(live).equals(before)).toBe(true);

    const stray = join(h.dir.path, 'stray');
    mkdirSync(stray);
    writeFileSync(join(stray, 'pledge.sqlite-wal'), 'left over');
    await expect(restoreBackup(backup, stray)).rejects.toThrow(join(stray, 'pledge.sqlite-wal'));
    expect(readdirSync(stray)).toEqual(['pledge.sqlite-wal']);
  });

  it('refuses a missing file, a file that is not SQLite, a corrupt one, another program’s and a newer one', async () => {
    const backup = await officeBackup();
    const target = join(h.dir.path, 'target');
    const refused = async (file: string, code: string, message: string) => {
      await expect(restoreBackup(file, target)).rejects.toMatchObject({
        code,
        message: expect.stringContaining(message) as unknown,
      });
      expect(existsSync(target)).toBe(false);
    };

    await refused(join(h.dir.path, 'nothing.sqlite'), 'RESTORE_FILE_MISSING', '복원할 백업 파일이 없습니다');
    const text = join(h.dir.path, 'notes.sqlite');
    writeFileSync(text, '백업이 아닌 메모 파일입니다. '.repeat(400));
    await refused(text, 'RESTORE_FILE_INVALID', 'SQLite 데이터베이스 파일이 아닙니다');

    // The page-type byte of every page after the first two overwritten: SQLite's own check finds it.
    const corrupt = join(h.dir.path, 'corrupt.sqlite');
    const bytes = readFileSync(backup);
    const pageSize = bytes.readUInt16BE(16);
    for (let at = 2 * pageSize; at < bytes.length; at += pageSize) bytes[at] = 0x42;
    writeFileSync(corrupt, bytes);
    await refused(corrupt, 'RESTORE_FILE_INVALID', '손상');

    const foreign = join(h.dir.path, 'foreign.sqlite');
    const other = new BetterSqlite3(foreign);
    other.exec('CREATE TABLE contacts (name TEXT)');
    other.close();
    await refused(foreign, 'RESTORE_FILE_INVALID', '공약이행 관리 프로그램의 데이터베이스가 아닙니다');

    const newer = alteredCopy(backup, 'newer.sqlite', (s) =>
      s.pragma(`user_version = ${latestSchemaVersion + 1}`),
    );
    await refused(newer, 'RESTORE_FILE_INVALID', '더 새로운 버전의 프로그램이 만든 백업입니다');
  });

  it('pledge restore writes the folder and prints it; the same folder again exits 1 with the reason', async () => {
    const backup = await officeBackup();
    const folder = join(h.dir.path, 'cli-restore');
    const io = captureIo();
    expect(await main(['restore', backup, '--data', folder, '--json'], io)).toBe(0);
    const printed = JSON.parse(io.stdout()) as { path: string; role: string; receivedBundles: number };
    expect(printed).toMatchObject({ path: databasePathIn(folder), role: 'office', receivedBundles: 2 });

    const again = captureIo();
    expect(await main(['restore', backup, '--data', folder], again)).toBe(1);
    expect(again.stderr()).toContain('이 폴더에는 이미 데이터가 있습니다');
    expect(tableCounts(printed.path)).toEqual(dataTablesOf(backup));
  });
});

describe('백업에서 복원 where the new folder cannot be made', () => {
  it('a file in the place of a folder is named (field dataDir), and nothing is made', async () => {
    const backup = await officeBackup();
    const blocked = join(h.dir.path, 'blocked');
    writeFileSync(blocked, 'x');
    const folder = join(blocked, 'data');
    const message = `복원할 데이터 폴더를 만들 수 없습니다: ${folder} (폴더 경로 중간에 같은 이름의 파일이 있습니다). 다른 폴더를 고르세요.`;
    await expect(restoreBackup(backup, folder)).rejects.toMatchObject({
      code: 'RESTORE_FOLDER_UNUSABLE',
      message,
      details: { dataDir: message },
    });
    expect(readFileSync(blocked, 'utf8')).toBe('x');
  });

  // In a child process with a time limit: Node 20's recursive mkdir loops forever under /proc, and a synchronous
  // loop in this worker could not be stopped by the test's timeout.
  it.runIf(process.platform === 'linux')('fails at once under /proc (no endless mkdir)', async () => {
    const backup = await officeBackup();
    const run = await runSourceInChild(
      `import { restoreBackup } from './data-restore';
      try { await restoreBackup(process.argv[2], '/proc/pledge-test/data'); console.log('restored'); }
      catch (error) { console.log(error.code + ': ' + error.message); }`,
      { resolveDir: import.meta.dirname, args: [backup] },
    );
    expect(run.timedOut).toBe(false);
    expect(run.stdout.trim()).toBe(
      'RESTORE_FOLDER_UNUSABLE: 복원할 데이터 폴더를 만들 수 없습니다: /proc/pledge-test/data (이 위치에는 폴더를 만들 수 없습니다). 다른 폴더를 고르세요.',
    );
  });
});
