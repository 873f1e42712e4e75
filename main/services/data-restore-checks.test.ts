// 백업에서 복원's checks of what a backup is, on real SQLite files: its seal (a SHA-256 of its content kept inside
// it) finds a byte changed in a stored document after the backup was made, which SQLite's integrity check does not;
// an earlier version's backup (no seal) restores with a note; a backup of another role or department is restored
// only when that is confirmed (the service, and `pledge restore --current … --confirm-role`).
import BetterSqlite3 from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEAL_TABLE } from '../../db/backup-seal';
import { main } from '../cli/index';
import { captureIo } from '../cli/test-io';
import { createAppContext, databasePathIn } from './context';
import { backupData } from './data-backup';
import { restoreBackup } from './data-restore';
import { basePlan, LEAD, planDoc, useOfficeHarness } from './test-support/office-harness';
import { tableCounts } from './test-support/table-counts';
import { folderSnapshot } from './test-support/unreadable-file';

const h = useOfficeHarness();

/** The office's backup, after it received a plan whose 정책목표 says "대응체계" (its amounts include 800.5). */
async function officeBackup(): Promise<string> {
  const plan = { ...basePlan(), policyGoal: '○ 재난 대응체계 구축' };
  expect(await h.send('plan', [planDoc(plan)])).toBe('accepted');
  return (await backupData(h.office, h.dir.path)).path;
}

/**
 * A copy of `backup` with one byte changed where `needle` is stored in a row that SQL reads (not in a free page):
 * `flip` changes the byte at `at` of the needle; `seen` is the SQL that finds the changed text. The copy still
 * passes SQLite's integrity check: only its content changed.
 */
function flippedCopy(backup: string, name: string, needle: string, at: number, seen: string): string {
  const bytes = readFileSync(backup);
  const pattern = Buffer.from(needle, 'utf8');
  const copy = join(h.dir.path, name);
  for (let found = bytes.indexOf(pattern); found >= 0; found = bytes.indexOf(pattern, found + 1)) {
    const changed = Buffer.from(bytes);
    changed[found + at] = (changed[found + at] ?? 0) + 1;
    writeFileSync(copy, changed);
    const sqlite = new BetterSqlite3(copy, { readonly: true });
    try {
      const rows = sqlite.prepare<[], { n: number }>(seen).get()?.n ?? 0;
      if (rows === 0) continue;
      expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
      return copy;
    } finally {
      sqlite.close();
    }
  }
  throw new Error(`${needle} was not found in a row of the backup`);
}

describe('백업에서 복원: the backup checked against its seal', () => {
  it('refuses a backup changed by one byte in a stored document (text, amount), and changes nothing', async () => {
    const backup = await officeBackup();
    // '체' is EC B2 B4 in UTF-8 (bytes 6-8 of the needle): its last byte + 1 is '첵'. '8' + 1 is '9': 800.5 becomes 900.5.
    const text = flippedCopy(
      backup,
      'text.sqlite',
      '대응체계',
      8,
      `SELECT count(*) AS n FROM received_documents WHERE json LIKE '%대응첵계%'`,
    );
    const amount = flippedCopy(
      backup,
      'amount.sqlite',
      '800.5',
      0,
      `SELECT count(*) AS n FROM received_documents WHERE json LIKE '%900.5%'`,
    );

    // The target: a folder of its own with a file in it, and the office's data folder, as they were.
    const target = join(h.dir.path, 'target');
    mkdirSync(target);
    writeFileSync(join(target, 'memo.txt'), '복원할 폴더');
    const before = { target: folderSnapshot(target), office: folderSnapshot(h.office.dataDir) };
    for (const altered of [text, amount]) {
      await expect(restoreBackup(altered, target)).rejects.toMatchObject({
        code: 'RESTORE_FILE_ALTERED',
        message: expect.stringContaining(
          `백업 파일의 내용이 만들 때와 다릅니다 (손상): ${altered}`,
        ) as unknown,
        details: { file: expect.stringContaining('손상') as unknown },
      });
      const io = captureIo();
      expect(await main(['restore', altered, '--data', target], io)).toBe(1);
      expect(io.stderr()).toContain('백업 파일의 내용이 만들 때와 다릅니다 (손상)');
      expect(io.stdout()).toBe('');
      expect(folderSnapshot(target)).toEqual(before.target);
    }
    expect(folderSnapshot(h.office.dataDir)).toEqual(before.office);

    // The backup as it was made restores, and is said to be checked; the restored data keeps no seal.
    const restored = await restoreBackup(backup, target);
    expect(restored).toMatchObject({ contentCheck: 'verified', note: null, role: 'office' });
    expect(tableCounts(restored.path)[SEAL_TABLE]).toBeUndefined();
  });

  it('refuses a backup whose seal itself was removed or changed', async () => {
    const backup = await officeBackup();
    const cases: [string, (s: BetterSqlite3.Database) => void][] = [
      ['emptied.sqlite', (s) => s.exec(`DELETE FROM ${SEAL_TABLE}`)],
      ['redated.sqlite', (s) => s.exec(`UPDATE ${SEAL_TABLE} SET created_at = '2019-01-01T00:00:00.000Z'`)],
    ];
    for (const [name, change] of cases) {
      const copy = join(h.dir.path, name);
      copyFileSync(backup, copy);
      const sqlite = new BetterSqlite3(copy);
      change(sqlite);
      sqlite.close();
      const target = join(h.dir.path, `into-${name}`);
      await expect(restoreBackup(copy, target)).rejects.toMatchObject({ code: 'RESTORE_FILE_ALTERED' });
      expect(existsSync(target)).toBe(false);
    }
  });

  it("restores an earlier version's backup (no seal) with a note that it could not be checked", async () => {
    const backup = await officeBackup();
    const old = join(h.dir.path, 'old-version.sqlite');
    copyFileSync(backup, old);
    const sqlite = new BetterSqlite3(old);
    sqlite.exec(`DROP TABLE ${SEAL_TABLE}; VACUUM`);
    sqlite.close();

    const restored = await restoreBackup(old, join(h.dir.path, 'from-old'));
    expect(restored).toMatchObject({ contentCheck: 'unchecked', backupCreatedAt: null, role: 'office' });
    expect(restored.note).toContain('이전 버전이 만든 백업');
    expect(restored.note).toContain('확인할 수 없었습니다');
    expect(tableCounts(restored.path)).toEqual(tableCounts(old));

    const io = captureIo();
    expect(await main(['restore', old, '--data', join(h.dir.path, 'cli-from-old')], io)).toBe(0);
    expect(io.stdout()).toContain('참고: 이전 버전이 만든 백업');
  });

  it('restores a sealed backup that was used as a data file since, with a note (not as damaged)', async () => {
    const backup = await officeBackup();
    const used = join(h.dir.path, 'used');
    mkdirSync(used);
    copyFileSync(backup, databasePathIn(used));
    const ctx = await createAppContext({
      profileDir: join(h.dir.path, 'used-profile'),
      dataDirOverride: used,
      mode: 'cli',
      appVersion: '0.1.0',
    });
    await ctx.db.updateTable('settings').set({ value: '{"role":"office","department":null}' }).execute();
    await ctx.close();

    const restored = await restoreBackup(databasePathIn(used), join(h.dir.path, 'from-used'));
    expect(restored).toMatchObject({ contentCheck: 'unchecked', role: 'office' });
    expect(restored.note).toContain('데이터 폴더에서 쓰던 데이터 파일');
  });
});

describe('백업에서 복원: a backup of another role or department', () => {
  it('is refused without confirmation, naming both, and restored with it', async () => {
    const backup = await officeBackup();
    const target = join(h.dir.path, 'fire', 'data');
    const current = { role: 'department' as const, department: '소방재난본부' };
    const refused = restoreBackup(backup, target, { current });
    await expect(refused).rejects.toMatchObject({
      code: 'RESTORE_ROLE_CHANGE',
      details: { current: '주관부서 소방재난본부', backup: '기획담당관' },
    });
    await expect(refused).rejects.toThrow(
      /^이 백업 파일은 기획담당관의 데이터입니다 \(\d{4}-\d\d-\d\d \d\d:\d\d에 만든 백업, 문서 0건, 받은 제출 파일 1건\)\. 지금 이 PC는 주관부서 소방재난본부로 쓰고 있어, 복원한 폴더로 시작하면 사용자가 주관부서 소방재난본부에서 기획담당관으로 바뀝니다/,
    );
    expect(existsSync(join(h.dir.path, 'fire'))).toBe(false);

    const restored = await restoreBackup(backup, target, { current, confirmRoleChange: true });
    expect(restored).toMatchObject({ role: 'office', department: null, contentCheck: 'verified' });
  });

  it('asks for another department of the same role; not for the same user or a copy set up by nobody', async () => {
    const backup = (await backupData(h.dept, h.dir.path)).path;
    await expect(
      restoreBackup(backup, join(h.dir.path, 'a'), {
        current: { role: 'department', department: '소방재난본부' },
      }),
    ).rejects.toThrow(`사용자가 주관부서 소방재난본부에서 주관부서 ${LEAD}로 바뀝니다`);
    const same = await restoreBackup(backup, join(h.dir.path, 'b'), {
      current: { role: 'department', department: LEAD },
    });
    expect(same).toMatchObject({ role: 'department', department: LEAD });
    const firstRun = await restoreBackup(backup, join(h.dir.path, 'c'), { current: null });
    expect(firstRun).toMatchObject({ role: 'department', department: LEAD });
  });

  it('pledge restore --current DIR asks, saying what to add; --confirm-role restores', async () => {
    const backup = await officeBackup();
    const target = join(h.dir.path, 'cli-role');
    const asked = captureIo();
    expect(await main(['restore', backup, '--data', target, '--current', h.dept.dataDir], asked)).toBe(1);
    expect(asked.stderr()).toContain('이 백업 파일은 기획담당관의 데이터입니다');
    expect(asked.stderr()).toContain(`지금 이 PC는 주관부서 ${LEAD}로 쓰고 있어`);
    expect(asked.stderr()).toContain('그래도 복원하려면 --confirm-role 을 붙이세요.');
    expect(existsSync(target)).toBe(false);

    const done = captureIo();
    const args = ['restore', backup, '--data', target, '--current', h.dept.dataDir, '--confirm-role'];
    expect(await main(args, done)).toBe(0);
    expect(done.stdout()).toMatch(
      /복원했습니다: .* \(기획담당관, \d{4}-\d\d-\d\d \d\d:\d\d에 만든 백업, 문서 0건/,
    );
    expect(done.stdout()).toContain('백업 파일의 내용이 만들 때와 같은지 확인했습니다 (SHA-256).');
  });
});
