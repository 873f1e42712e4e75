import { fileURLToPath } from 'node:url';
import { setVerifyWorkerFile } from '../services/bundle-verify';
import { main } from './index';
import { endQuietlyOnClosedOutput } from './io';

// Entry of the CLI bundle (out/cli/pledge.mjs), started by bin/pledge.mjs from any folder: the verify worker is
// found beside this bundle (out/main/verify-worker.mjs), not through the working folder or bin/.
setVerifyWorkerFile(fileURLToPath(new URL('../main/verify-worker.mjs', import.meta.url)));
endQuietlyOnClosedOutput();
const code = await main(process.argv.slice(2));
// An output that failed while the command ran (a full disk behind `> file`) has set 1 already: kept.
process.exitCode = Math.max(code, Number(process.exitCode ?? 0));
