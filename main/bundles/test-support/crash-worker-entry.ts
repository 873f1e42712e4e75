// Test-only pool worker: the real job handling, except that a bundle starting with "CRASH" ends the thread and
// one starting with "HANG!" never answers, so the pool's crash and timeout handling can be exercised.
import { parentPort } from 'node:worker_threads';
import { servePool } from '../verify-worker-runtime';

if (parentPort) {
  servePool(parentPort, (job) => {
    const head = Buffer.from(job.bytes.buffer, job.bytes.byteOffset, Math.min(5, job.bytes.byteLength));
    if (head.toString('latin1') === 'CRASH') process.exit(3);
    if (head.toString('latin1') === 'HANG!') for (;;);
  });
}
