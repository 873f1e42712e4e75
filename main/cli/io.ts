/** Output and failure conventions shared by every subcommand. */

export class UsageError extends Error {}

/** Exit codes: 0 success, 1 the operation failed (reason printed), 2 wrong usage. */
export const exitCodes = { ok: 0, failed: 1, usage: 2 } as const;

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

/** Output streams whose reader went away (`pledge report | head -3`): nothing more is written to them. */
const closed = new Set<NodeJS.WriteStream>();

function write(stream: NodeJS.WriteStream, text: string): void {
  if (closed.has(stream)) return;
  stream.write(text.endsWith('\n') ? text : `${text}\n`);
}

export const processIo: CliIo = {
  out: (text) => write(process.stdout, text),
  err: (text) => write(process.stderr, text),
};

/**
 * A reader that stops early (head, a closed pager) is not a failure: its EPIPE would otherwise be thrown as an
 * uncaught 'error' event with a stack trace. The command goes on to its end (its data folder closed properly)
 * without writing there again, and exits with its own code. Any other error of a stream is reported in Korean on
 * stderr, if it can still be written. Called once by the CLI's entry.
 */
export function endQuietlyOnClosedOutput(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      closed.add(stream);
      if (error.code === 'EPIPE' || stream === process.stderr) return;
      write(process.stderr, `오류: 출력을 쓸 수 없습니다 (${error.code ?? error.message}).`);
      process.exitCode = exitCodes.failed;
    });
  }
}

export const printJson = (io: CliIo, value: unknown): void => io.out(JSON.stringify(value, null, 2));
