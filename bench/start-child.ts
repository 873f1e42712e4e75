// `out/bench/start-child.mjs`: the office's app started in a new process, timed (start-times.ts). Started by the
// bench with its arguments as one JSON string; prints its figures as one JSON line.
import { runStartChild } from './start-times';

await runStartChild(process.argv[2]);
