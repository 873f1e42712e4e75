// Worker entry (its own esbuild entry point: out/main/verify-worker.mjs). In pool mode it serves bundles sent by
// message until terminated (verify-pool.ts); in draft-file mode it reads one 작성 문서 파일 (draft-file-worker.ts);
// otherwise it verifies the one bundle in workerData and posts the BundleCheck back (verify-worker.ts). Memory
// and time limits are set by the parent.
import { parentPort, workerData } from 'node:worker_threads';
import { submissionVerdict } from '../services/bundle-content';
import { readDraftFileAnswer } from '../services/draft-file';
import type { DraftFileWorkerData } from '../services/draft-file-worker';
import { keyLookupFromSnapshot } from './check-types';
import type { VerifyWorkerData } from './verify-worker';
import { servePool, verifyInWorker, type PoolWorkerData } from './verify-worker-runtime';

const data = workerData as VerifyWorkerData | PoolWorkerData | DraftFileWorkerData | undefined;
if (parentPort && data && 'mode' in data && data.mode === 'draft-file') {
  // A department's 작성 문서 파일 from another of its PCs: read and checked here, like a bundle.
  const bytes = Buffer.from(data.bytes.buffer, data.bytes.byteOffset, data.bytes.byteLength);
  parentPort.postMessage(await readDraftFileAnswer(bytes));
} else if (parentPort && data && 'mode' in data && data.mode === 'pool') {
  servePool(parentPort, undefined, submissionVerdict);
} else if (parentPort && data && 'keys' in data) {
  const result = await verifyInWorker(
    data.bytes,
    keyLookupFromSnapshot(data.keys),
    data.expectedType,
    data.limits,
  );
  parentPort.postMessage(result);
}
