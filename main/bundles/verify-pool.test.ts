import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyLookupFromSnapshot, type BundleCheck, type KeySnapshotEntry } from './check-types';
import { inspectBundle } from './verify';
import { createVerifyPool } from './verify-pool';
import { writeBundle } from './write';
import { seoulMinseon7Catalog } from '../../domain/catalog/load';
import { examples } from '../../domain/documents/test-fixtures';
import { seoulMinseon7Term } from '../../domain/term/load';
import { submissionVerdict } from '../services/bundle-content';
import { buildWorkerEntry } from './test-support/build-worker';
import { generateKeyPair, registryEntry, sampleInput } from './test-support/fixtures';

const dir = mkdtempSync(join(tmpdir(), 'pledge-pool-'));
const workerFile = join(dir, 'verify-worker.mjs');
const crashFile = join(dir, 'crash-worker.mjs');
const slowStartFile = join(dir, 'slow-start-worker.mjs');
const keys = generateKeyPair();
const other = generateKeyPair();
let registry: KeySnapshotEntry[];
let good: Buffer;
let inputs: Buffer[];

beforeAll(async () => {
  for (const [entry, outfile] of [
    [join(import.meta.dirname, 'verify-worker-entry.ts'), workerFile],
    [join(import.meta.dirname, 'test-support', 'crash-worker-entry.ts'), crashFile],
    [join(import.meta.dirname, 'test-support', 'slow-start-worker-entry.ts'), slowStartFile],
  ] as const) {
    await buildWorkerEntry(entry, outfile);
  }
  registry = [registryEntry(keys)];
  good = await writeBundle(sampleInput(keys));
  const baseline = await writeBundle(
    sampleInput(keys, { type: 'pledge-baseline', department: '기획담당관' }),
  );
  const unknownKey = await writeBundle(sampleInput(other));
  const flipped = Buffer.from(good);
  flipped[flipped.length - 200] = (flipped[flipped.length - 200] ?? 0) ^ 0xff;
  const revisions = await Promise.all(
    [1, 2, 3, 4, 5, 6, 7, 8].map((revision) => writeBundle(sampleInput(keys, { revision }))),
  );
  inputs = [
    good,
    baseline,
    unknownKey,
    flipped,
    good.subarray(0, 100),
    Buffer.from('not a zip'),
    ...revisions,
  ];
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const direct = (bytes: Buffer, snapshot: readonly KeySnapshotEntry[]): Promise<BundleCheck> =>
  inspectBundle(bytes, { lookupKey: keyLookupFromSnapshot(snapshot), expectedType: 'pledge-submission' });

describe('createVerifyPool', () => {
  it('answers many concurrent jobs exactly as inspectBundle does in-process, on reused threads', async () => {
    const pool = createVerifyPool({ workerFile, size: 2 });
    try {
      expect(pool.workers).toBe(0); // threads start with the first job
      const jobs = Array.from({ length: 5 }, () => inputs).flat();
      const [viaPool, inProcess] = await Promise.all([
        Promise.all(jobs.map((b) => pool.verify(b, registry, { expectedType: 'pledge-submission' }))),
        Promise.all(jobs.map((b) => direct(b, registry))),
      ]);
      expect(viaPool).toEqual(inProcess);
      const codes = viaPool.slice(0, inputs.length).map((c) => (c.ok ? 'OK' : c.code));
      expect(codes.slice(0, 3)).toEqual(['OK', 'TYPE_MISMATCH', 'KEY_UNKNOWN']);
      expect(codes.slice(3, 6)).not.toContain('OK'); // a flipped byte, a truncated file, not a zip
      expect(codes.slice(6)).toEqual(Array(8).fill('OK'));
      expect(pool.workers).toBe(2);
      const accepted = viaPool[0];
      if (!accepted?.ok) throw new Error('expected an accepted bundle');
      expect(Buffer.isBuffer(accepted.attachments[0]?.bytes)).toBe(true);
      expect(good.length).toBeGreaterThan(100); // the caller's bytes were copied, not moved
    } finally {
      await pool.close();
    }
  }, 60_000);

  it('uses the key snapshot given with each job (a newly approved key is honoured)', async () => {
    const pool = createVerifyPool({ workerFile, size: 1 });
    try {
      const before = await pool.verify(good, [], { expectedType: 'pledge-submission' });
      expect(before).toMatchObject({ ok: false, code: 'KEY_UNKNOWN', quarantine: true });
      const after = await pool.verify(good, registry, { expectedType: 'pledge-submission' });
      expect(after.ok).toBe(true);
      const revoked = await pool.verify(good, [{ ...registryEntry(keys), status: 'revoked' }], {
        expectedType: 'pledge-submission',
      });
      expect(revoked).toMatchObject({ ok: false, code: 'KEY_REVOKED', quarantine: true });
    } finally {
      await pool.close();
    }
  }, 30_000);

  it('runs the submission content check in the worker when given a context, as the calling thread would', async () => {
    const lead = '경제진흥본부'; // leads 1-1-1 in the catalog
    const leadKeys = generateKeyPair();
    const financeRow = await writeBundle({
      ...sampleInput(leadKeys, { department: lead, period: '2019-H1' }),
      documents: [{ path: 'documents/finance-1-1-1-2019-H1.json', json: examples.financeRowJson }],
    });
    const snapshot = [...registry, registryEntry(leadKeys, { department: lead })];
    const content = { catalog: seoulMinseon7Catalog, term: seoulMinseon7Term };
    const pool = createVerifyPool({ workerFile, size: 1 });
    try {
      const [schemaError, accepted] = await Promise.all([
        pool.verify(good, snapshot, { expectedType: 'pledge-submission', content }),
        pool.verify(financeRow, snapshot, { expectedType: 'pledge-submission', content }),
      ]);
      if (!schemaError.ok || !accepted.ok)
        throw new Error('expected both bundles to pass the signature checks');
      // The sample's documents are not pledge documents: refused naming the file, as checkSubmissionContent does.
      expect(schemaError.content).toMatchObject({ ok: false, problem: { code: 'DOCUMENT_SCHEMA' } });
      expect(!schemaError.content?.ok && schemaError.content?.problem.message).toContain(
        'documents/card-1-1-1.json',
      );
      expect(accepted.content).toMatchObject({
        ok: true,
        documents: [{ kind: 'financeRow', projectId: '1-1-1', slot: '2019-H1' }],
      });
      expect(accepted.documents).toEqual([]); // the raw documents stay in the worker
      for (const [viaPool, bytes] of [
        [schemaError, good],
        [accepted, financeRow],
      ] as const) {
        const inThread = await direct(bytes, snapshot);
        if (!inThread.ok) throw new Error('expected an accepted bundle');
        expect(viaPool.content).toEqual(submissionVerdict(inThread, content));
      }
    } finally {
      await pool.close();
    }
  }, 30_000);

  it('answers VERIFY_CRASHED for a job that kills its worker, and keeps serving the others', async () => {
    const pool = createVerifyPool({ workerFile: crashFile, size: 2 });
    try {
      const crash = Buffer.from('CRASH and burn');
      const results = await Promise.all([
        pool.verify(good, registry, { expectedType: 'pledge-submission' }),
        pool.verify(crash, registry, { expectedType: 'pledge-submission' }),
        pool.verify(good, registry, { expectedType: 'pledge-submission' }),
        pool.verify(crash, registry, { expectedType: 'pledge-submission' }),
        pool.verify(good, registry, { expectedType: 'pledge-submission' }),
      ]);
      expect(results.map((r) => (r.ok ? 'OK' : r.code))).toEqual([
        'OK',
        'VERIFY_CRASHED',
        'OK',
        'VERIFY_CRASHED',
        'OK',
      ]);
      const crashed = results[1];
      expect(!crashed?.ok && crashed?.message).toContain('종료 코드 3');
      expect(await pool.verify(good, registry, { expectedType: 'pledge-submission' })).toEqual(
        await direct(good, registry),
      );
    } finally {
      await pool.close();
    }
  }, 30_000);

  it('keeps several jobs queued in one worker; a crash fails only the job it was working on', async () => {
    const pool = createVerifyPool({ workerFile: crashFile, size: 1, depth: 4 });
    try {
      const crash = Buffer.from('CRASH and burn');
      const jobs = [crash, good, good, crash, good].map((bytes) =>
        pool.verify(bytes, registry, { expectedType: 'pledge-submission' }),
      );
      const results = await Promise.all(jobs);
      expect(results.map((r) => (r.ok ? 'OK' : r.code))).toEqual([
        'VERIFY_CRASHED',
        'OK',
        'OK',
        'VERIFY_CRASHED',
        'OK',
      ]);
      expect(results[1]).toEqual(await direct(good, registry));
      expect(pool.workers).toBe(1);
    } finally {
      await pool.close();
    }
  }, 30_000);

  it('times out a job that never answers, replaces the worker and goes on', async () => {
    const pool = createVerifyPool({ workerFile: crashFile, size: 1, timeoutMs: 500 });
    try {
      const hung = pool.verify(Buffer.from('HANG!'), registry, { expectedType: 'pledge-submission' });
      const next = pool.verify(good, registry, { expectedType: 'pledge-submission' });
      const timedOut = await hung;
      expect(timedOut).toMatchObject({ ok: false, code: 'VERIFY_CRASHED' });
      expect(!timedOut.ok && timedOut.message).toContain('제한 시간');
      expect((await next).ok).toBe(true);
    } finally {
      await pool.close();
    }
  }, 30_000);

  it('reports a missing worker file as VERIFY_CRASHED instead of hanging', async () => {
    const pool = createVerifyPool({ workerFile: join(dir, 'nope.mjs'), size: 1 });
    try {
      const check = await pool.verify(good, registry, { expectedType: 'pledge-submission' });
      expect(check).toMatchObject({ ok: false, code: 'VERIFY_CRASHED' });
    } finally {
      await pool.close();
    }
  }, 30_000);

  it('warm() starts every thread ahead of the jobs and settles once each has loaded its code', async () => {
    const loaded = join(dir, 'loaded');
    process.env.PLEDGE_TEST_LOADED_FILE = loaded;
    const pool = createVerifyPool({ workerFile: slowStartFile, size: 2 });
    const markers = () => readdirSync(dir).filter((f) => f.startsWith('loaded.')).length;
    try {
      const warming = pool.warm();
      expect(pool.workers).toBe(2);
      expect(markers()).toBe(0); // each thread takes 300 ms to load
      await warming;
      expect(markers()).toBe(2); // both had loaded when warm() settled
      await pool.warm(); // nothing more to start
      expect(pool.workers).toBe(2);
      const checks = await Promise.all(
        [good, good, good].map((b) => pool.verify(b, registry, { expectedType: 'pledge-submission' })),
      );
      expect(checks).toEqual(await Promise.all([good, good, good].map((b) => direct(b, registry))));
      expect(pool.workers).toBe(2); // the jobs went to the threads started ahead
      expect(markers()).toBe(2);
    } finally {
      delete process.env.PLEDGE_TEST_LOADED_FILE;
      await pool.close();
    }
  }, 30_000);

  it('warm() settles when a thread cannot start; the next job says why, and nothing happens after close()', async () => {
    const missing = createVerifyPool({ workerFile: join(dir, 'nope.mjs'), size: 1 });
    try {
      await missing.warm();
      expect(await missing.verify(good, registry, { expectedType: 'pledge-submission' })).toMatchObject({
        ok: false,
        code: 'VERIFY_CRASHED',
      });
    } finally {
      await missing.close();
    }
    const pool = createVerifyPool({ workerFile: slowStartFile, size: 1 });
    const warming = pool.warm();
    await pool.close(); // while the thread is still loading
    await warming;
    expect(pool.workers).toBe(0);
    await pool.warm();
    expect(pool.workers).toBe(0);
  }, 30_000);

  it('close() ends the threads: running and queued jobs answer VERIFY_CRASHED, later jobs too', async () => {
    const pool = createVerifyPool({ workerFile: crashFile, size: 1, timeoutMs: 60_000 });
    const running = pool.verify(Buffer.from('HANG!'), registry, { expectedType: 'pledge-submission' });
    const queued = pool.verify(good, registry, { expectedType: 'pledge-submission' });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(pool.workers).toBe(1);
    const started = Date.now();
    await pool.close();
    expect(Date.now() - started).toBeLessThan(10_000); // the spinning thread was terminated, not awaited
    expect(pool.workers).toBe(0);
    expect(await running).toMatchObject({ ok: false, code: 'VERIFY_CRASHED' });
    expect(await queued).toMatchObject({ ok: false, code: 'VERIFY_CRASHED' });
    expect(await pool.verify(good, registry, { expectedType: 'pledge-submission' })).toMatchObject({
      ok: false,
      code: 'VERIFY_CRASHED',
    });
  }, 30_000);
});
