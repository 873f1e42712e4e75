/** Output and failure conventions shared by every subcommand. */

export class UsageError extends Error {}

/** Exit codes: 0 success, 1 the operation failed (reason printed), 2 wrong usage. */
export const exitCodes = { ok: 0, failed: 1, usage: 2 } as const;

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
};

export const printJson = (io: CliIo, value: unknown): void => io.out(JSON.stringify(value, null, 2));
