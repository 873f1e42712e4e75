import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { examples } from '../../domain/documents/test-fixtures';
import { makeTempDir } from '../../db/test/temp-dir';
import { buildWorkerEntry } from '../bundles/test-support/build-worker';
import { defaultPoolSize } from '../bundles/verify-pool';
import { startAppRuntime, type AppRuntime } from './app-runtime';
import { enroll, makeCopy, privateKeyOf, sha256Hex, signSubmission } from './bundle-test-support';
import { setVerifyWorkerFile } from './bundle-verify';
import { WARM_UP_ROUNDS } from './import-warm-up';
import type { AppContext } from './context';
import { LEAD } from './test-support/office-harness';

/**
 * The running app keeps its import's verify threads: the office's copy starts them after its report's warm-up and
 * has them check sample bundles, every import uses them (real worker threads, real signed bundles, a real data folder), and closing the app ends
 * them. A department's copy starts none ahead.
 */

let dir: ReturnType<typeof makeTempDir>;
let dept: AppContext;
let runtime: AppRuntime | null = null;

// The real worker, which also logs its thread's start and each job (test-support/recording-worker-entry.ts).
const workerDir = makeTempDir('pledge-recording-worker-');
const workerFile = join(workerDir.path, 'recording-worker.mjs');
beforeAll(async () => {
  await buildWorkerEntry(join(import.meta.dirname, 'test-support', 'recording-worker-entry.ts'), workerFile);
  setVerifyWorkerFile(workerFile);
}, 60_000);
afterAll(() => {
  setVerifyWorkerFile(null);
  delete process.env.PLEDGE_TEST_WORKER_LOG;
  workerDir.remove();
});

/** The threads started and the thread of each job since the log was named. */
function workerLog(path: string): { started: string[]; jobs: string[] } {
  const lines = existsSync(path) ? readFileSync(path, 'utf8').trim().split('\n').filter(Boolean) : [];
  const of = (kind: string) =>
    lines.filter((l) => l.startsWith(`${kind} `)).map((l) => l.slice(kind.length + 1));
  return { started: of('start'), jobs: of('job') };
}

beforeEach(async () => {
  dir = makeTempDir('pledge-import-workers-');
  process.env.PLEDGE_TEST_WORKER_LOG = join(dir.path, 'workers.log');
  dept = await makeCopy(dir.path, 'dept', { role: 'department', department: LEAD });
});
afterEach(async () => {
  await runtime?.close();
  runtime = null;
  await dept.close();
  dir.remove();
});

const finance = (note: string) => ({
  path: 'documents/finance-1-1-1-2019-H1.json',
  json: { ...(structuredClone(examples.financeRowJson) as Record<string, unknown>), note },
});

/**
 * The copy named `name` (made with makeCopy) started as the app starts it, its report built at once (or after
 * `reportWarmUpDelayMs`).
 */
function startApp(name: string, reportWarmUpDelayMs = 0): Promise<AppRuntime> {
  return startAppRuntime({
    profileDir: join(dir.path, name, 'profile'),
    dataDirOverride: join(dir.path, name, 'data'),
    mode: 'browser',
    appVersion: '0.1.0',
    now: () => new Date('2019-07-10T01:00:00Z'),
    reportWarmUpDelayMs,
  });
}

const settled = () => new Promise((resolve) => setImmediate(resolve));

describe('the app keeps its import threads', () => {
  it('the office starts them after its warm-up; two imports use them; closing the app ends them', async () => {
    const log = join(dir.path, 'workers.log');
    const office = await makeCopy(dir.path, 'office', { role: 'office' });
    await enroll(office, dept);
    await office.close();
    const key = await privateKeyOf(dept);
    const r1 = await signSubmission(key, {
      department: LEAD,
      period: '2019-H1',
      revision: 1,
      previousBundleSha256: null,
      documents: [finance('첫 제출')],
    });
    const r2 = await signSubmission(key, {
      department: LEAD,
      period: '2019-H1',
      revision: 2,
      previousBundleSha256: sha256Hex(r1),
      documents: [finance('고쳐 보냄')],
    });

    const app = await startApp('office');
    runtime = app;
    expect(app.importThreads).toBe(0);
    expect((await app.warmUp?.done)?.kind).toBe('built');
    await settled();
    expect(app.importThreads).toBe(defaultPoolSize());
    // Then the threads check the sample bundles (import-warm-up.ts), every one accepted, before any import.
    expect(await app.importWarmUp).toBe(3 * WARM_UP_ROUNDS);
    await expect.poll(() => workerLog(log).started.length).toBe(defaultPoolSize());
    const started = workerLog(log).started;
    const samples = workerLog(log).jobs;
    expect(samples).toHaveLength(3 * WARM_UP_ROUNDS);
    expect(new Set(samples)).toEqual(new Set(started)); // each thread checked some

    for (const [name, bytes] of [
      ['r1.pledge', r1],
      ['r2.pledge', r2],
    ] as const) {
      const [result] = await app.handlers.importBundleData({
        files: [{ name, dataBase64: bytes.toString('base64') }],
      });
      expect(result).toMatchObject({ status: 'accepted', department: LEAD });
      expect(app.importThreads).toBe(defaultPoolSize()); // the same threads, not ended with the import
    }
    // A broken file is refused by the same threads, which go on.
    const broken = Buffer.from(r2);
    broken[broken.length - 300] = (broken[broken.length - 300] ?? 0) ^ 0xff;
    const [refused] = await app.handlers.importBundleData({
      files: [{ name: 'broken.pledge', dataBase64: broken.toString('base64') }],
    });
    expect(refused?.status).toBe('rejected');
    expect(app.importThreads).toBe(defaultPoolSize());
    // Every file was checked by the threads started ahead; no other thread was started.
    const after = workerLog(log);
    expect(after.started).toEqual(started);
    const imported = after.jobs.slice(samples.length);
    expect(imported).toHaveLength(3);
    for (const thread of imported) expect(started).toContain(thread);

    await app.close();
    runtime = null;
    expect(app.importThreads).toBe(0);
  });

  it('the import screen opening starts them at once, before the report is warmed up; they start once', async () => {
    const log = join(dir.path, 'workers.log');
    await (await makeCopy(dir.path, 'office', { role: 'office' })).close();
    // The report's warm-up is a minute away: only the screen can have started the threads.
    const app = await startApp('office', 60_000);
    runtime = app;
    expect(app.importThreads).toBe(0);
    expect(app.importWarmUp).toBeNull();

    expect(await app.handlers.prepareImport(undefined)).toBeNull();
    const warming = app.importWarmUp;
    expect(warming).not.toBeNull();
    expect(await warming).toBe(3 * WARM_UP_ROUNDS);
    expect(app.importThreads).toBe(defaultPoolSize());
    // The screen opened again: the same threads, no second round of sample checks.
    await app.handlers.prepareImport(undefined);
    expect(app.importWarmUp).toBe(warming);
    await expect.poll(() => workerLog(log).started.length).toBe(defaultPoolSize());
    expect(workerLog(log).jobs).toHaveLength(3 * WARM_UP_ROUNDS);
    expect(app.warmUp).not.toBeNull();
  });

  it("a department's copy starts none ahead", async () => {
    await (await makeCopy(dir.path, 'dept-app', { role: 'department', department: LEAD })).close();
    const app = await startApp('dept-app');
    runtime = app;
    expect((await app.warmUp?.done)?.kind).toBe('skipped');
    await settled();
    expect(app.importThreads).toBe(0);
    expect(app.importWarmUp).toBeNull();
    // Nor when asked as the office's import screen asks: a department imports no submission files.
    await expect(app.handlers.prepareImport(undefined)).rejects.toThrow(/기획담당관/);
    expect(app.importWarmUp).toBeNull();
    expect(workerLog(join(dir.path, 'workers.log')).started).toEqual([]);
  });
});
