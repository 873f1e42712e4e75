// Test-only pool worker whose code takes a while to load (as the real one's does, much shorter): it waits, writes
// the file named by PLEDGE_TEST_LOADED_FILE to say its code is loaded, then serves jobs as the real worker does.
import { writeFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { servePool } from '../verify-worker-runtime';

await new Promise((resolve) => setTimeout(resolve, 300));
const marker = process.env.PLEDGE_TEST_LOADED_FILE;
if (marker) writeFileSync(`${marker}.${String(process.hrtime.bigint())}`, 'loaded');
if (parentPort) servePool(parentPort);
