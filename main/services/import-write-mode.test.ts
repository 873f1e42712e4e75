// How an import writes: every commit on disk before the results are reported, the checkpoint a moment later, the
// connection's setting restored.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { seoulMinseon7Catalog } from '../../domain/catalog/load';
import { examples } from '../../domain/documents/test-fixtures';
import { makeTempDir } from '../../db/test/temp-dir';
import { generateKeyPair, type KeyPairPem } from '../bundles/index';
import { importBundleInputs } from './bundle-import';
import { makeCopy, registerApprovedKey, sha256Hex, signSubmission } from './bundle-test-support';
import { directVerifier } from './bundle-verify';
import { databasePathIn, type AppContext } from './context';
import { CHECKPOINT_DELAY_MS, checkpointHeld, enterImportWrites } from './import-write-mode';

const dirs: { remove(): void }[] = [];
afterEach(() => dirs.splice(0).forEach((d) => d.remove()));

const department = seoulMinseon7Catalog.projects[0]?.leadDepartment as string;
const projectId = seoulMinseon7Catalog.projects[0]?.id as string;

/** A department's chain of `count` signed bundles, each with a finance row carrying a long note. */
async function chain(pair: KeyPairPem, count: number): Promise<{ name: string; bytes: Buffer }[]> {
  const out: { name: string; bytes: Buffer }[] = [];
  let previous: string | null = null;
  for (let revision = 1; revision <= count; revision++) {
    const bytes = await signSubmission(pair.privateKeyPem, {
      department,
      period: '2019-H1',
      revision,
      previousBundleSha256: previous,
      createdAt: `2019-07-01T09:${String(revision).padStart(2, '0')}:00.000Z`,
      documents: [
        {
          path: `documents/finance-${projectId}-2019-H1.json`,
          json: {
            ...structuredClone(examples.financeRowJson),
            projectId,
            department,
            periodId: '2019-H1',
            note: `회차 ${revision}: ${'재원 확보 경과 '.repeat(200)}`,
          },
        },
      ],
    });
    out.push({ name: `r${revision}.pledge`, bytes });
    previous = sha256Hex(bytes);
  }
  return out;
}

async function officeWithKey(): Promise<{ ctx: AppContext; pair: KeyPairPem; dataDir: string }> {
  const dir = makeTempDir('pledge-checkpoint-');
  dirs.push(dir);
  const ctx = await makeCopy(dir.path, 'office', { role: 'office' });
  const pair = generateKeyPair();
  await registerApprovedKey(ctx, department, pair.publicKeyPem);
  return { ctx, pair, dataDir: join(dir.path, 'office', 'data') };
}

const autocheckpoint = async (ctx: AppContext): Promise<number | undefined> =>
  (await sql<{ wal_autocheckpoint: number }>`PRAGMA wal_autocheckpoint`.execute(ctx.db)).rows[0]
    ?.wal_autocheckpoint;
/** 2 = FULL: every commit fsynced. */
const synchronous = async (ctx: AppContext): Promise<number | undefined> =>
  (await sql<{ synchronous: number }>`PRAGMA synchronous`.execute(ctx.db)).rows[0]?.synchronous;

describe('how an import writes', () => {
  it('leaves the log to be folded after the import returns, then gives the connection its setting back', async () => {
    const { ctx, pair, dataDir } = await officeWithKey();
    try {
      const before = await autocheckpoint(ctx);
      expect(before).toBeGreaterThan(0);
      // Whatever setup wrote is folded in first, so the file's size shows only what the import adds.
      await sql`PRAGMA wal_checkpoint(PASSIVE)`.execute(ctx.db);
      const fileSize = () => statSync(databasePathIn(dataDir)).size;
      const sizeBefore = fileSize();

      const results = await importBundleInputs(ctx, await chain(pair, 12), { verifier: directVerifier });
      expect(results.map((r) => r.code)).toEqual(Array.from({ length: 12 }, () => 'ACCEPTED'));
      // Returned with every bundle committed (in the log) and nothing folded into the database file yet.
      expect(await autocheckpoint(ctx)).toBe(0);
      expect(fileSize()).toBe(sizeBefore);
      const stored = await ctx.db
        .selectFrom('bundles')
        .select(({ fn }) => fn.countAll<number>().as('n'))
        .executeTakeFirst();
      expect(stored?.n).toBe(12);

      // The scheduled checkpoint, run a moment later.
      await vi.waitFor(() => expect(fileSize()).toBeGreaterThan(sizeBefore), {
        timeout: CHECKPOINT_DELAY_MS + 3_000,
        interval: 100,
      });
      expect(await autocheckpoint(ctx)).toBe(before);
      // Nothing left to run.
      expect(await checkpointHeld(ctx.db)).toBe(false);
    } finally {
      await ctx.db.destroy();
    }
  });

  it('waits for overlapping imports and restores the setting found before the first of them', async () => {
    const { ctx } = await officeWithKey();
    try {
      const before = await autocheckpoint(ctx);
      const leaveFirst = await enterImportWrites(ctx.db);
      const leaveSecond = await enterImportWrites(ctx.db);
      expect(await autocheckpoint(ctx)).toBe(0);
      // Every commit stays fsynced during an import.
      expect(await synchronous(ctx)).toBe(2);
      leaveFirst();
      leaveFirst(); // a second call does not count twice
      // One import still runs: no checkpoint, the setting stays off.
      expect(await checkpointHeld(ctx.db)).toBe(false);
      expect(await autocheckpoint(ctx)).toBe(0);
      leaveSecond();
      // A third starts while the checkpoint waits: the checkpoint waits for it too.
      const leaveThird = await enterImportWrites(ctx.db);
      expect(await checkpointHeld(ctx.db)).toBe(false);
      leaveThird();
      expect(await checkpointHeld(ctx.db)).toBe(true);
      // Not the 0 the later imports found when they started.
      expect(await autocheckpoint(ctx)).toBe(before);
    } finally {
      await ctx.db.destroy();
    }
  });

  it('lets the request that held the connection when the checkpoint came due finish before it', async () => {
    const { ctx, pair, dataDir } = await officeWithKey();
    try {
      await sql`PRAGMA wal_checkpoint(PASSIVE)`.execute(ctx.db);
      const fileSize = () => statSync(databasePathIn(dataDir)).size;
      const sizeBefore = fileSize();
      await importBundleInputs(ctx, await chain(pair, 4), { verifier: directVerifier });
      // A report's read snapshot holds the connection while the checkpoint comes due and waits for it.
      const counted = await ctx.db.transaction().execute(async (trx) => {
        await new Promise((resolve) => setTimeout(resolve, CHECKPOINT_DELAY_MS + 200));
        return trx
          .selectFrom('bundles')
          .select(({ fn }) => fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow();
      });
      // The snapshot's caller runs on before the checkpoint: the database file has not grown yet.
      expect(counted.n).toBe(4);
      expect(fileSize()).toBe(sizeBefore);
      await vi.waitFor(() => expect(fileSize()).toBeGreaterThan(sizeBefore), {
        timeout: 3_000,
        interval: 50,
      });
    } finally {
      await ctx.db.destroy();
    }
  });

  it('is no error when the database was closed first: closing folded the log in, nothing is lost', async () => {
    const { ctx, pair, dataDir } = await officeWithKey();
    const results = await importBundleInputs(ctx, await chain(pair, 3), { verifier: directVerifier });
    expect(results.every((r) => r.status === 'accepted')).toBe(true);
    await ctx.db.destroy();
    // The scheduled checkpoint fires on the closed handle; a rejection would fail this test run.
    await new Promise((resolve) => setTimeout(resolve, CHECKPOINT_DELAY_MS + 300));
    const sqlite = new BetterSqlite3(databasePathIn(dataDir), { readonly: true });
    try {
      expect(sqlite.prepare('SELECT count(*) FROM bundles').pluck().get()).toBe(3);
      expect(sqlite.prepare('SELECT count(*) FROM received_documents').pluck().get()).toBe(3);
    } finally {
      sqlite.close();
    }
  });

  it('has every commit of an import on disk before it reports: the log is fsynced after its last write, and no temporary file is used (strace, the CLI)', async () => {
    // strace shows the system calls themselves: no power cut needed to see what reaches the disk, and when.
    expect(spawnSync('which', ['strace']).status, 'strace is needed (README: system packages)').toBe(0);
    const { ctx, pair, dataDir } = await officeWithKey();
    const folder = join(dataDir, '..', 'inbox');
    mkdirSync(folder);
    for (const bundle of await chain(pair, 6)) writeFileSync(join(folder, bundle.name), bundle.bytes);
    await ctx.db.destroy();

    const root = join(import.meta.dirname, '..', '..');
    // Built from the current code by the tests' global setup (build/vitest-setup.ts).
    const cli = join(root, 'out', 'cli', 'pledge.mjs');
    const log = join(dataDir, '..', 'strace.log');
    const run = spawnSync(
      'strace',
      ['-f', '-qq', '-o', log, '-e', 'trace=openat,close,pwrite64,fsync,fdatasync,write,writev'].concat([
        process.execPath,
        cli,
        'import',
        '--data',
        dataDir,
        folder,
      ]),
      { encoding: 'utf8' },
    );
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('반영 6');

    // Replay the calls in order, following which descriptor is the database's log at each moment.
    const wal = `${databasePathIn(dataDir)}-wal`;
    const walFds = new Set<string>();
    let lastLogWrite = -1;
    let syncedAfterIt = false;
    let reportedAt = -1;
    const lines = readFileSync(log, 'utf8').split('\n');
    lines.forEach((line, i) => {
      const call = /^\d+\s+(\w+)\((\d+)?(?:, "([^"]*)")?.*\)\s+=\s+(-?\d+)/.exec(line);
      if (call === null || reportedAt >= 0) return;
      const [, name, fd, text, result] = call;
      if (name === 'openat' && line.includes(`"${wal}"`) && result !== '-1') walFds.add(result as string);
      else if (name === 'close') walFds.delete(fd as string);
      else if (name === 'pwrite64' && walFds.has(fd as string)) {
        lastLogWrite = i;
        syncedAfterIt = false;
      } else if ((name === 'fsync' || name === 'fdatasync') && walFds.has(fd as string)) syncedAfterIt = true;
      else if ((name === 'write' || name === 'writev') && fd === '1' && text !== undefined) reportedAt = i;
    });
    expect(lastLogWrite, 'the import wrote its bundles to the log').toBeGreaterThanOrEqual(0);
    expect(reportedAt, 'the results were printed').toBeGreaterThan(lastLogWrite);
    expect(syncedAfterIt, 'the log was fsynced after its last write, before the results were printed').toBe(
      true,
    );
    // Each bundle's savepoint keeps the pages it changes in memory (temp_store = MEMORY), not in SQLite's
    // temporary files (named etilqs_…), which cost the import a write of every page it touches.
    expect(lines.filter((line) => line.includes('etilqs_'))).toEqual([]);

    // And the six bundles are there for the next reader.
    const sqlite = new BetterSqlite3(databasePathIn(dataDir), { readonly: true });
    try {
      expect(sqlite.prepare("SELECT count(*) FROM bundles WHERE status = 'accepted'").pluck().get()).toBe(6);
    } finally {
      sqlite.close();
    }
  });
});
