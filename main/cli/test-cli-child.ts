import { build } from 'esbuild';
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The CLI built from the sources as they are now, run in a child process with a time limit: for commands that
 * could hang (a synchronous loop would block the test's own worker, where no test timeout can stop it).
 */
const root = join(import.meta.dirname, '..', '..');

export interface ChildCli {
  /** `as`: run under another user (when the tests run as root, to meet file modes as a user does). */
  run(
    args: string[],
    options?: { timeoutMs?: number; cwd?: string; as?: { uid: number; gid: number } },
  ): ChildRun;
  /**
   * Runs the command with its stdout piped into a reader that closes the pipe once it has `keepBytes` bytes (at
   * once for 0, before the command has written anything), as `pledge … | head -3` does. `stdout` is what was kept.
   */
  runIntoClosingReader(args: string[], options: { keepBytes: number; timeoutMs?: number }): Promise<ChildRun>;
  remove(): void;
}

export interface ChildRun {
  status: number | null;
  stdout: string;
  stderr: string;
  /** Killed at the time limit: the command hung. */
  timedOut: boolean;
}

/** A bundled script's path inside the project, so that the child resolves better-sqlite3 from node_modules. */
const scriptPath = (prefix: string): string =>
  join(
    root,
    'node_modules',
    '.cache',
    'pledge-tests',
    `${prefix}-${process.pid}-${randomBytes(4).toString('hex')}.mjs`,
  );

/** esbuild's options for a child script: one ESM file for Node, packages left to node_modules. */
const CHILD_BUILD = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  absWorkingDir: root,
  logLevel: 'silent',
  banner: {
    js: "import { createRequire as __pledgeCreateRequire } from 'node:module'; const require = __pledgeCreateRequire(import.meta.url);",
  },
} as const;

/** Runs a built script with a time limit; killed at the limit, the run says it timed out. */
function runScript(
  script: string,
  args: string[],
  options: { timeoutMs?: number; cwd?: string; as?: { uid: number; gid: number } },
): ChildRun {
  const result = spawnSync(process.execPath, [script, ...args], {
    cwd: options.cwd ?? root,
    encoding: 'utf8',
    timeout: options.timeoutMs ?? 15_000,
    killSignal: 'SIGKILL',
    ...(options.as
      ? { uid: options.as.uid, gid: options.as.gid, env: { ...process.env, HOME: '/tmp' } }
      : {}),
  });
  return {
    status: result.status,
    stdout: result.stdout,
    stderr: result.stderr,
    timedOut: (result.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT',
  };
}

/**
 * Runs a few lines of TypeScript (importing the sources relative to `resolveDir`) in a child process with a time
 * limit, for code that could hang synchronously (a loop in the test's own worker could not be stopped by the
 * test's timeout). The lines can read `process.argv.slice(2)` (= `args`).
 */
export async function runSourceInChild(
  contents: string,
  options: { resolveDir: string; args?: string[]; timeoutMs?: number },
): Promise<ChildRun> {
  const script = scriptPath('snippet');
  await build({
    ...CHILD_BUILD,
    stdin: { contents, resolveDir: options.resolveDir, loader: 'ts' },
    outfile: script,
  });
  try {
    return runScript(script, options.args ?? [], options);
  } finally {
    rmSync(script, { force: true });
  }
}

export async function buildChildCli(): Promise<ChildCli> {
  const script = scriptPath('cli');
  await build({ ...CHILD_BUILD, entryPoints: [join(root, 'main', 'cli', 'run.ts')], outfile: script });
  return {
    run: (args, options = {}) => runScript(script, args, options),
    runIntoClosingReader(args, { keepBytes, timeoutMs = 15_000 }) {
      return new Promise((resolvePromise, reject) => {
        const child = spawn(process.execPath, [script, ...args], {
          cwd: root,
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let stdout = '';
        let stderr = '';
        let timedOut = false;
        const timer = setTimeout(() => {
          timedOut = true;
          child.kill('SIGKILL');
        }, timeoutMs);
        child.stdout.setEncoding('utf8');
        child.stderr.setEncoding('utf8');
        const closeReader = () => child.stdout.destroy();
        if (keepBytes <= 0) closeReader();
        else
          child.stdout.on('data', (chunk: string) => {
            stdout += chunk;
            if (Buffer.byteLength(stdout) >= keepBytes) closeReader();
          });
        child.stderr.on('data', (chunk: string) => (stderr += chunk));
        child.on('error', reject);
        child.on('close', (status) => {
          clearTimeout(timer);
          resolvePromise({ status, stdout, stderr, timedOut });
        });
      });
    },
    remove: () => rmSync(script, { force: true }),
  };
}
