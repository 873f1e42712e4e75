import { fileURLToPath } from 'node:url';
import { setVerifyWorkerFile } from '../services/bundle-verify';
import { main } from './index';

// Entry of the CLI bundle (out/cli/pledge.mjs), started by bin/pledge.mjs from any folder: the verify worker is
// found beside this bundle (out/main/verify-worker.mjs), not through the working folder or bin/.
setVerifyWorkerFile(fileURLToPath(new URL('../main/verify-worker.mjs', import.meta.url)));
process.exitCode = await main(process.argv.slice(2));
