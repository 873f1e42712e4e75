import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Starts the app in browser mode (the same launcher as `npm start`) on a random port with a fresh data and
 * profile folder, and returns its URL once it prints it.
 */
export interface AppServer {
  url: string;
  dataDir: string;
  profileDir: string;
  stop(): Promise<void>;
  /** Stops and starts it again on the same folders; `samePort` keeps its address (a page left open can reach it). */
  restart(options?: { samePort?: boolean }): Promise<AppServer>;
  /** Kills the process without letting it close anything (power-cut simulation). */
  kill(): Promise<void>;
}

const launcher = join(import.meta.dirname, '..', 'out', 'main', 'start.mjs');

export interface AppServerOptions {
  dataDir: string;
  profileDir: string;
  root: string;
  /** Starts the program's clock at this ISO date-time (PLEDGE_NOW): "today", import and decision times follow it. */
  now?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
}

export async function startAppServer(dirs?: AppServerOptions): Promise<AppServer> {
  const root = dirs?.root ?? mkdtempSync(join(tmpdir(), 'pledge-e2e-'));
  const dataDir = dirs?.dataDir ?? join(root, 'data');
  const profileDir = dirs?.profileDir ?? join(root, 'profile');
  const clock = dirs?.now ? { PLEDGE_NOW: dirs.now } : {};
  const child = spawn(
    process.execPath,
    [launcher, '--browser', '--no-open', '--port', String(dirs?.port ?? 0), '--data', dataDir],
    {
      env: { ...process.env, PLEDGE_PROFILE_DIR: profileDir, ...clock },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const url = await waitForUrl(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const server: AppServer = {
    url,
    dataDir,
    profileDir,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
    async kill() {
      if (child.exitCode === null) child.kill('SIGKILL');
      await exited;
    },
    async restart(options = {}) {
      await server.stop();
      const port = options.samePort ? { port: Number(new URL(url).port) } : {};
      return startAppServer({ dataDir, profileDir, root, ...(dirs?.now ? { now: dirs.now } : {}), ...port });
    },
  };
  return server;
}

export function removeServerFolders(server: AppServer): void {
  rmSync(join(server.dataDir, '..'), { recursive: true, force: true });
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
