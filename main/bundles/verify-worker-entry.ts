// Worker entry (its own esbuild entry point: out/main/verify-worker.mjs). In pool mode it serves bundles sent by
// message until terminated (verify-pool.ts); otherwise it verifies the one bundle in workerData and posts the
// BundleCheck back (verify-worker.ts). Memory and time limits are set by the parent.
import { parentPort, workerData } from 'node:worker_threads';
import { submissionVerdict } from '../services/bundle-content';
import { keyLookupFromSnapshot } from './check-types';
import type { VerifyWorkerData } from './verify-worker';
import { servePool, verifyInWorker, type PoolWorkerData } from './verify-worker-runtime';

const data = workerData as VerifyWorkerData | PoolWorkerData | undefined;
if (parentPort && data && 'mode' in data && data.mode === 'pool') {
  servePool(parentPort, undefined, submissionVerdict);
} else if (parentPort && data && 'bytes' in data) {
  const result = await verifyInWorker(
    data.bytes,
    keyLookupFromSnapshot(data.keys),
    data.expectedType,
    data.limits,
  );
  parentPort.postMessage(result);
}
