// Test-only verify worker: the real pool worker (the same checks as verify-worker-entry.ts), which also appends
// to the file named by PLEDGE_TEST_WORKER_LOG a line when its thread starts and one per job, with its thread id,
// so a test can tell which threads did an import's checks.
import { appendFileSync } from 'node:fs';
import { parentPort, threadId } from 'node:worker_threads';
import { servePool } from '../../bundles/verify-worker-runtime';
import { submissionVerdict } from '../bundle-content';

const log = process.env.PLEDGE_TEST_WORKER_LOG;
if (log) appendFileSync(log, `start ${threadId}\n`);
if (parentPort) {
  servePool(
    parentPort,
    () => {
      if (log) appendFileSync(log, `job ${threadId}\n`);
    },
    submissionVerdict,
  );
}
