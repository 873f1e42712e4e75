import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

/**
 * The app in browser mode on an existing data folder, with the program clock starting at `now` (PLEDGE_NOW):
 * the office's "today", import times and decision dates follow it. Same launcher as `e2e/app-server.ts`.
 */
export interface OfficeServer {
  url: string;
  stop(): Promise<void>;
}

const launcher = join(import.meta.dirname, '..', '..', 'out', 'main', 'start.mjs');

export async function startOfficeServer(opts: {
  dataDir: string;
  profileDir: string;
  now: string;
}): Promise<OfficeServer> {
  const child = spawn(
    process.execPath,
    [launcher, '--browser', '--no-open', '--port', '0', '--data', opts.dataDir],
    {
      env: { ...process.env, PLEDGE_PROFILE_DIR: opts.profileDir, PLEDGE_NOW: opts.now },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const url = await waitForUrl(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    url,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

function waitForUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`app did not start in time:\n${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:\d+\/?/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[0]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`app exited with ${code}:\n${output}`));
    });
  });
}
