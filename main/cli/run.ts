import { main } from './index';

// Entry of the CLI bundle (out/cli/pledge.mjs), started by bin/pledge.mjs.
process.exitCode = await main(process.argv.slice(2));
