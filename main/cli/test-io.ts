import { main } from './index';
import type { CliIo } from './io';

/** Captures what a command prints, for in-process CLI tests. */
export function captureIo(): CliIo & { stdout: () => string; stderr: () => string } {
  let out = '';
  let err = '';
  return {
    out: (text) => (out += text.endsWith('\n') ? text : `${text}\n`),
    err: (text) => (err += text.endsWith('\n') ? text : `${text}\n`),
    stdout: () => out,
    stderr: () => err,
  };
}

/** Runs one `pledge` command in this process: its exit code and what it printed. */
export async function runPledge(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = captureIo();
  const code = await main(argv, io);
  return { code, out: io.stdout(), err: io.stderr() };
}
