// 데이터 백업 (data-backup.ts) on real SQLite copies: the copy is complete, checked, restorable, and a failure
// leaves nothing behind.
import { copyFileSync, mkdirSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { summarizeCheck } from '../../db/backup';
import { SEAL_TABLE } from '../../db/backup-seal';
import { main } from '../cli/index';
import { captureIo } from '../cli/test-io';
import { createAppContext, databasePathIn } from './context';
import { backupData } from './data-backup';
import { UserError } from './errors';
import { basePlan, cardDoc, cardFor, planDoc, useOfficeHarness } from './test-support/office-harness';
import { tableCounts } from './test-support/table-counts';
import { damageRootPage } from './test-support/unreadable-file';

const h = useOfficeHarness();

const received = async (): Promise<void> => {
  const plan = basePlan();
  expect(await h.send('plan', [planDoc(plan)])).toBe('accepted');
  expect(await h.send('2019-H1', [cardDoc(cardFor(plan, 'completed'))])).toBe('accepted');
};

describe('데이터 백업', () => {
  it('writes a checked copy with every row of every table, that opens as a data folder', async () => {
    await received();
    const folder = join(h.dir.path, 'usb');
    mkdirSync(folder);
    const backup = await backupData(h.office, folder);

    expect(dirname(backup.path)).toBe(folder);
    expect(basename(backup.path)).toMatch(/^공약이행_백업_\d{8}-\d{6}\.sqlite$/);
    expect(readdirSync(folder)).toEqual([basename(backup.path)]); // nothing partial left beside it
    const live = tableCounts(databasePathIn(h.office.dataDir));
    expect(live.received_documents).toBe(2);
    // Every table of the data, and the backup's seal (one row: its SHA-256, checked when it is restored).
    const { [SEAL_TABLE]: seal, ...copied } = tableCounts(backup.path);
    expect(seal).toBe(1);
    expect(copied).toEqual(live);

    // Restored as the manual says: the file as pledge.sqlite in an empty folder, opened as the data folder.
    const restoredDir = join(h.dir.path, 'restored');
    mkdirSync(restoredDir);
    copyFileSync(backup.path, databasePathIn(restoredDir));
    const restored = await createAppContext({
      profileDir: join(h.dir.path, 'restored-profile'),
      dataDirOverride: restoredDir,
      mode: 'cli',
      appVersion: '0.1.0',
    });
    try {
      const bundles = await restored.db.selectFrom('bundles').select(['sha256', 'status']).execute();
      expect(bundles.map((b) => b.sha256).sort()).toEqual(
        (await h.office.db.selectFrom('bundles').select('sha256').execute()).map((b) => b.sha256).sort(),
      );
    } finally {
      await restored.close();
    }
  });

  it("goes to the data folder's backups/ without a folder, and two in the same second get two names", async () => {
    const first = await backupData(h.office);
    const second = await backupData(h.office);
    expect(dirname(first.path)).toBe(join(h.office.dataDir, 'backups'));
    expect(second.path).not.toBe(first.path);
    expect(readdirSync(join(h.office.dataDir, 'backups')).sort()).toEqual(
      [basename(first.path), basename(second.path)].sort(),
    );
  });

  it('is consistent while an import commits at the same time', async () => {
    await received();
    const before = tableCounts(databasePathIn(h.office.dataDir)).received_documents ?? 0;
    const plan = basePlan();
    const [backup] = await Promise.all([
      backupData(h.office, h.dir.path),
      h.send('2019-H1', [cardDoc(cardFor(plan, 'partial'))]),
    ]);
    const copied = tableCounts(backup.path);
    // All of the import or none of it: its bundle with its document, never one without the other.
    expect([before, before + 1]).toContain(copied.received_documents);
    expect(copied.bundles).toBe((copied.received_documents ?? 0) - before + 2);
  });

  it('refuses a folder that does not exist, or a file, by name, and writes nothing', async () => {
    const missing = join(h.dir.path, 'no-such-folder');
    await expect(backupData(h.office, missing)).rejects.toMatchObject({
      code: 'BACKUP_FOLDER_MISSING',
      message: `백업을 저장할 폴더가 없습니다: ${missing}`,
    });
    const file = join(h.dir.path, 'a-file');
    writeFileSync(file, 'x');
    await expect(backupData(h.office, file)).rejects.toThrow(`백업을 저장할 폴더가 없습니다: ${file}`);
    expect(readdirSync(h.dir.path).filter((n) => n.includes('백업'))).toEqual([]);

    // The default place taken by a file: refused with the path and the reason, nothing written.
    const blocked = join(h.office.dataDir, 'backups');
    writeFileSync(blocked, 'not a folder');
    await expect(backupData(h.office)).rejects.toMatchObject({
      code: 'FILE_WRITE_FAILED',
      message: expect.stringContaining(blocked) as unknown,
    });
    expect(readdirSync(h.office.dataDir).filter((n) => n.includes('백업'))).toEqual([]);
  });

  it('of a data file with a damaged page says the data file is damaged, in a few lines, and leaves no copy', async () => {
    await received();
    // The office's data as a folder of its own (a checked copy), then a page of it damaged: its received documents.
    const dataDir = join(h.dir.path, 'damaged');
    mkdirSync(dataDir);
    renameSync((await backupData(h.office, dataDir)).path, databasePathIn(dataDir));
    damageRootPage(databasePathIn(dataDir), 'received_documents');
    const ctx = await createAppContext({
      profileDir: join(h.dir.path, 'damaged-profile'),
      dataDirOverride: dataDir,
      mode: 'cli',
      appVersion: '0.1.0',
    });
    try {
      const folder = join(h.dir.path, 'usb');
      mkdirSync(folder);
      const refused = await backupData(ctx, folder).then(
        () => null,
        (error: unknown) => error as UserError,
      );
      expect(refused).toBeInstanceOf(UserError);
      expect(refused?.code).toBe('BACKUP_SOURCE_DAMAGED');
      expect(refused?.message).toContain(
        `데이터 파일이 손상되어 있어 온전한 백업을 만들 수 없습니다 (만든 사본은 지웠습니다): ${databasePathIn(dataDir)}`,
      );
      // SQLite's own finding, summed up: not its page-by-page list.
      expect(refused?.message).toMatch(/\(SQLite 검사: [^\n]+\)$/);
      expect(refused?.message.split('\n')).toHaveLength(2);
      expect(readdirSync(folder)).toEqual([]);
    } finally {
      await ctx.close();
    }
  });

  it('sums up a check that lists many findings: the first two and how many more', () => {
    const findings = Array.from({ length: 40 }, (_, i) => `Page ${i + 58}: never used`);
    const summary = summarizeCheck(
      ['*** in database main ***', 'Tree 26 page 26: bad', ...findings].join('\n'),
    );
    expect(summary).toBe(`Tree 26 page 26: bad; ${findings[0]} 외 ${findings.length - 1}건`);
    expect(summarizeCheck('row 3 missing from index x')).toBe('row 3 missing from index x');
  });

  it('pledge backup prints where the copy went; a missing --out folder exits 1 with the reason', async () => {
    await received();
    await h.office.close();
    const folder = join(h.dir.path, 'cli-out');
    mkdirSync(folder);
    const io = captureIo();
    expect(await main(['backup', '--data', h.office.dataDir, '--out', folder, '--json'], io)).toBe(0);
    const printed = JSON.parse(io.stdout()) as { path: string; bytes: number };
    expect(dirname(printed.path)).toBe(folder);
    expect(tableCounts(printed.path).received_documents).toBe(2);

    const failed = captureIo();
    const missing = join(h.dir.path, 'gone');
    expect(await main(['backup', '--data', h.office.dataDir, '--out', missing], failed)).toBe(1);
    expect(failed.stderr()).toContain(`백업을 저장할 폴더가 없습니다: ${missing}`);
    // The harness closes the office copy after the test: open it again for that.
    h.office = await createAppContext({
      profileDir: join(h.dir.path, 'office', 'profile'),
      dataDirOverride: h.office.dataDir,
      mode: 'cli',
      appVersion: '0.1.0',
    });
  });
});
