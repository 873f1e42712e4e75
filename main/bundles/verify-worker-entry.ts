// Worker entry (its own esbuild entry point: out/main/verify-worker.mjs). Verifies one bundle and posts the
// BundleCheck back; the worker's memory and time limits are set by verify-worker.ts.
import { parentPort, workerData } from 'node:worker_threads';
import { keyLookupFromSnapshot } from './check-types';
import type { BundleCheck } from './check-types';
import { inspectBundle } from './verify';
import type { VerifyWorkerData } from './verify-worker';

async function main(): Promise<void> {
  const data = workerData as VerifyWorkerData;
  const bytes = Buffer.from(data.bytes.buffer, data.bytes.byteOffset, data.bytes.byteLength);
  let result: BundleCheck;
  try {
    result = await inspectBundle(bytes, {
      lookupKey: keyLookupFromSnapshot(data.keys),
      expectedType: data.expectedType,
      ...(data.limits ? { limits: data.limits } : {}),
    });
  } catch (error) {
    result = {
      ok: false,
      code: 'VERIFY_CRASHED',
      message: `번들 검사 중 예기치 않은 오류가 났습니다: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  parentPort?.postMessage(result);
}

await main();
