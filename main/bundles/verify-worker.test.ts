import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inspectBundleInWorker } from './verify-worker';
import { writeBundle } from './write';
import { buildWorkerEntry } from './test-support/build-worker';
import { generateKeyPair, registryEntry, sampleInput } from './test-support/fixtures';

const dir = mkdtempSync(join(tmpdir(), 'pledge-worker-'));
const workerFile = join(dir, 'verify-worker.mjs');
const keys = generateKeyPair();
let bundle: Buffer;

beforeAll(async () => {
  await buildWorkerEntry(join(import.meta.dirname, 'verify-worker-entry.ts'), workerFile);
  bundle = await writeBundle(sampleInput(keys));
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('inspectBundleInWorker', () => {
  it('accepts a good bundle and hands back Buffers', async () => {
    const check = await inspectBundleInWorker(bundle, [registryEntry(keys)], {
      workerFile,
      expectedType: 'pledge-submission',
    });
    if (!check.ok) throw new Error(`${check.code}: ${check.message}`);
    expect(check.documents.map((d) => d.path)).toEqual([
      'documents/card-1-1-1.json',
      'documents/plan-1-1-1.json',
    ]);
    expect(Buffer.isBuffer(check.attachments[0]!.bytes)).toBe(true);
    expect(bundle.length).toBeGreaterThan(0); // the caller's copy is untouched by the transfer
  });

  it('returns the same rejection as in-process checking, including quarantine', async () => {
    const check = await inspectBundleInWorker(bundle, [], { workerFile, expectedType: 'pledge-submission' });
    expect(check).toMatchObject({ ok: false, code: 'KEY_UNKNOWN', quarantine: true });
    const wrongType = await inspectBundleInWorker(bundle, [registryEntry(keys)], {
      workerFile,
      expectedType: 'pledge-baseline',
    });
    expect(wrongType).toMatchObject({ ok: false, code: 'TYPE_MISMATCH' });
  });

  it('runs the caller document check in the calling thread', async () => {
    const check = await inspectBundleInWorker(bundle, [registryEntry(keys)], {
      workerFile,
      expectedType: 'pledge-submission',
      validateDocument: (path) => (path.endsWith('plan-1-1-1.json') ? '이 부서의 사업이 아닙니다' : null),
    });
    expect(check).toMatchObject({
      ok: false,
      code: 'DOCUMENT_INVALID',
      message: '문서 documents/plan-1-1-1.json: 이 부서의 사업이 아닙니다',
    });
  });

  it('reports a timeout, a crash and an out-of-memory worker as VERIFY_CRASHED', async () => {
    const slow = await inspectBundleInWorker(bundle, [registryEntry(keys)], {
      workerFile,
      expectedType: 'pledge-submission',
      timeoutMs: 1,
    });
    expect(slow).toMatchObject({ ok: false, code: 'VERIFY_CRASHED' });
    expect(!slow.ok && slow.message).toContain('제한 시간');

    const throwing = join(dir, 'throw.mjs');
    writeFileSync(throwing, "throw new Error('boom');\n");
    const crashed = await inspectBundleInWorker(bundle, [], {
      workerFile: throwing,
      expectedType: 'pledge-submission',
    });
    expect(crashed).toMatchObject({ ok: false, code: 'VERIFY_CRASHED' });
    expect(!crashed.ok && crashed.message).toContain('boom');

    const hungry = join(dir, 'hungry.mjs');
    writeFileSync(
      hungry,
      'const keep = []; for (;;) keep.push({ a: new Array(1000).fill(Math.random()) });\n',
    );
    const oom = await inspectBundleInWorker(bundle, [], {
      workerFile: hungry,
      expectedType: 'pledge-submission',
      maxOldGenerationSizeMb: 16,
    });
    expect(oom).toMatchObject({ ok: false, code: 'VERIFY_CRASHED' });

    const missing = await inspectBundleInWorker(bundle, [], {
      workerFile: join(dir, 'nope.mjs'),
      expectedType: 'pledge-submission',
    });
    expect(missing).toMatchObject({ ok: false, code: 'VERIFY_CRASHED' });
  });
});
