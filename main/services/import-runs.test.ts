// Imports cut off midway (the program closed, the PC switched off): told after the restart until seen or completed.
// Real SQLite files, real signed bundles, a real CLI process killed with SIGKILL.
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { interruptedImportNote } from '../../domain/reports/interrupted-import';
import { importRuns, startImportRun } from '../../db/import-runs';
import { withRawConnection } from '../../db/create-db';
import { makeTempDir } from '../../db/test/temp-dir';
import { runPledge } from '../cli/test-io';
import { importBundles } from './bundle-import';
import { makeCopy } from './bundle-test-support';
import { directVerifier } from './bundle-verify';
import { databasePathIn, type AppContext } from './context';
import { acknowledgeInterruptedImports, interruptedImports } from './import-runs';
import { writeChainedFolder } from './test-support/chained-folder';
import { importKilledMidway } from './test-support/kill-import';

let dir: ReturnType<typeof makeTempDir>;
let office: AppContext;
beforeEach(async () => {
  dir = makeTempDir('pledge-import-runs-');
  office = await makeCopy(dir.path, 'office', { role: 'office' });
});
afterEach(async () => {
  await office.close();
  dir.remove();
});

/** The id of a process that has ended. */
function goneProcessId(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
    encoding: 'utf8',
  });
  return Number(child.stdout);
}

/** An unfinished run recorded as another process would have. */
const recordRun = (
  ctx: AppContext,
  run: { pid: number; processStartedAt?: string; lastSeenAt?: string; sources?: string[]; total?: number },
) =>
  withRawConnection(ctx.db, (sqlite) =>
    startImportRun(sqlite, {
      startedAt: '2019-07-15T08:30:00.000Z',
      pid: run.pid,
      processStartedAt: run.processStartedAt ?? '2019-07-15T08:00:00.000Z',
      lastSeenAt: run.lastSeenAt ?? new Date().toISOString(),
      sources: run.sources ?? ['/share/2019-H1'],
      total: run.total ?? 40,
      written: 3,
    }),
  );

describe('an import cut off midway', () => {
  it('is told after the kill with exactly what it stored, and importing the same folder again completes it and settles the notice', async () => {
    const folder = join(dir.path, 'share', '2019-H1');
    const files = 1200;
    await writeChainedFolder(office, folder, files);
    const cut = await importKilledMidway(databasePathIn(office.dataDir), folder);
    expect(cut.total).toBe(files);
    expect(cut.written).toBeGreaterThan(0);
    expect(cut.written).toBeLessThan(files);
    // The record counts in the transactions that write: what it says is what is stored, to the file.
    expect(cut.written).toBe(cut.stored);

    const [notice, ...more] = await interruptedImports(office);
    expect(more).toEqual([]);
    expect(notice).toMatchObject({ total: files, written: cut.stored, sources: [resolve(folder)] });
    const text = interruptedImportNote(notice!);
    expect(text).toContain(`파일 ${files.toLocaleString('ko-KR')}개`);
    expect(text).toContain(`${cut.stored.toLocaleString('ko-KR')}개는 받아 두었고`);
    expect(text).toContain(`나머지 ${(files - cut.stored).toLocaleString('ko-KR')}개는`);
    expect(text).toContain(resolve(folder));

    // The same folder again: what was stored counts as 중복, the rest is taken, and the notice is settled.
    const results = await importBundles(office, [folder], undefined, { verifier: directVerifier });
    const count = (status: string) => results.filter((r) => r.status === status).length;
    expect(count('duplicate')).toBe(cut.stored);
    expect(count('accepted')).toBe(files - cut.stored);
    expect(await interruptedImports(office)).toEqual([]);
    // Neither record is left: the import that ended leaves the database as it found it but for its files.
    expect(await withRawConnection(office.db, (sqlite) => importRuns(sqlite))).toEqual([]);
  }, 120_000);

  it('an import that ends leaves no notice, and one of another folder does not settle an earlier cut-off', async () => {
    const folder = join(dir.path, 'share', 'a');
    await writeChainedFolder(office, folder, 6, { count: 2 });
    const cutOff = await recordRun(office, {
      pid: goneProcessId(),
      sources: [resolve(dir.path, 'share', 'b')],
    });
    const results = await importBundles(office, [folder], undefined, { verifier: directVerifier });
    expect(results.every((r) => r.status === 'accepted')).toBe(true);
    expect((await interruptedImports(office)).map((r) => r.id)).toEqual([cutOff]);
    expect((await withRawConnection(office.db, (sqlite) => importRuns(sqlite))).map((r) => r.id)).toEqual([
      cutOff,
    ]);
  });

  it('an import that stores nothing (every file refused or already there) writes nothing at all', async () => {
    const folder = join(dir.path, 'share', 'd');
    await writeChainedFolder(office, folder, 3, { count: 1 });
    expect((await importBundles(office, [folder], undefined, { verifier: directVerifier })).length).toBe(3);
    const changes = () =>
      withRawConnection(
        office.db,
        (sqlite) => sqlite.prepare('SELECT total_changes()').pluck().get() as number,
      );
    const before = await changes();
    const again = await importBundles(office, [folder], undefined, { verifier: directVerifier });
    expect(again.map((r) => r.status)).toEqual(['duplicate', 'duplicate', 'duplicate']);
    expect(await changes()).toBe(before);
  });

  it('a running import is not told: this process now, or another that exists and wrote lately', async () => {
    const self = new Date(Math.round(performance.timeOrigin)).toISOString();
    await recordRun(office, { pid: process.pid, processStartedAt: self });
    const sleeper = (await import('node:child_process')).spawn(process.execPath, [
      '-e',
      'setTimeout(() => {}, 30000)',
    ]);
    try {
      const alive = sleeper.pid as number;
      await recordRun(office, { pid: alive });
      // Another process with the same id long silent: an id reused after a restart.
      const stale = await recordRun(office, {
        pid: alive,
        lastSeenAt: new Date(Date.now() - 11 * 60_000).toISOString(),
      });
      // This process's id from an earlier start of the program.
      const earlier = await recordRun(office, {
        pid: process.pid,
        processStartedAt: '2019-07-15T07:00:00.000Z',
      });
      expect((await interruptedImports(office)).map((r) => r.id)).toEqual([stale, earlier]);
    } finally {
      sleeper.kill('SIGKILL');
    }
  });

  it('is told until the office has seen it; a running import cannot be marked seen', async () => {
    const self = new Date(Math.round(performance.timeOrigin)).toISOString();
    const running = await recordRun(office, { pid: process.pid, processStartedAt: self });
    const gone = await recordRun(office, { pid: goneProcessId() });
    expect((await interruptedImports(office)).map((r) => r.id)).toEqual([gone]);
    expect(await acknowledgeInterruptedImports(office, [gone, running])).toBe(1);
    expect(await interruptedImports(office)).toEqual([]);
    // The running one is still recorded.
    const left = await withRawConnection(office.db, (sqlite) => importRuns(sqlite));
    expect(left.map((r) => r.id)).toEqual([running]);
  });

  it('pledge import tells it first and says when the same folder completed it (--json too); pledge report warns while one is left', async () => {
    const folder = join(dir.path, 'share', 'c');
    await writeChainedFolder(office, folder, 4, { count: 2 });
    const gone = goneProcessId();
    const cutOff = await recordRun(office, { pid: gone, sources: [resolve(folder)], total: 4 });
    const other = await recordRun(office, { pid: gone, sources: [resolve(dir.path, 'elsewhere')], total: 9 });
    const dataDir = office.dataDir;
    await office.close();
    const run = await runPledge('import', '--data', dataDir, folder);
    expect(run.code, run.err).toBe(0);
    expect(run.err).toContain(
      `알림: 2019-07-15 17:30에 시작한 제출 파일 가져오기(${resolve(folder)}, 파일 4개)가 끝나지 않았습니다`,
    );
    expect(run.out).toContain('끝나지 않았던 지난 가져오기 1건의 파일을 이번에 모두 다시 가져왔습니다.');
    expect(run.out).toContain('끝나지 않은 지난 가져오기 1건이 남아 있습니다');
    const json = await runPledge('import', '--data', dataDir, folder, '--json');
    const parsed = JSON.parse(json.out) as { interrupted: { id: number }[]; interruptedCompleted: number[] };
    expect(parsed.interrupted.map((r) => r.id)).toEqual([other]);
    expect(parsed.interruptedCompleted).toEqual([]);
    expect(cutOff).not.toBe(other);
    // The tables are made with the one left unsettled said first; once it is seen, nothing is said.
    const report = await runPledge('report', '--data', dataDir, '--period', '2019-H1', '--json');
    expect(report.code, report.err).toBe(0);
    expect(report.err).toContain(
      '알림: 끝나지 않은 제출 파일 가져오기가 1건 있습니다: 그 가져오기가 받지 못한 파일은 이 표에 들어 있지 않습니다.',
    );
    office = await makeCopy(dir.path, 'office', { role: 'office' });
    await acknowledgeInterruptedImports(office, [other]);
    await office.close();
    const after = await runPledge('report', '--data', dataDir, '--period', '2019-H1', '--json');
    expect(after.err).not.toContain('끝나지 않은');
    office = await makeCopy(dir.path, 'office', { role: 'office' });
  });
});
