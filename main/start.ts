import { spawn } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBrowserMode } from './server/browser-mode';
import { findElectronBinary } from './server/electron-binary';
import { parseStartArgs, StartArgsError, type StartOptions } from './server/launch-options';
import { defaultProfileDir } from './server/profile-dir';

/**
 * `npm start` (bundled to out/main/start.mjs): the Electron app when its binary is installed, otherwise browser
 * mode — the same handlers behind a loopback HTTP server, with the page in the user's own browser.
 */

export const ELECTRON_UNAVAILABLE_LINE =
  'Electron 실행 파일을 찾을 수 없어 브라우저 모드로 시작합니다 (Electron binary unavailable; starting browser mode)';

/** out/main/start.mjs → the folder holding package.json and out/. */
const appRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Resolves false if the binary could not be started at all (then browser mode takes over). */
function runElectron(binary: string, options: StartOptions): Promise<boolean> {
  const args = [appRoot, ...(options.dataDir ? ['--data', options.dataDir] : [])];
  const env = { ...process.env };
  // Set in some shells and CI images; it would make the binary behave as plain Node.
  delete env.ELECTRON_RUN_AS_NODE;
  return new Promise((resolveLaunch) => {
    const child = spawn(binary, args, { stdio: 'inherit', env });
    child.once('error', (error) => {
      console.error(`Electron을 실행할 수 없습니다: ${error.message}`);
      resolveLaunch(false);
    });
    child.once('spawn', () => {
      resolveLaunch(true);
      for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
      child.once('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
    });
  });
}

/** Best effort: a missing xdg-open or a headless machine must not stop the server. */
function openInBrowser(url: string): void {
  const [command, args] =
    process.platform === 'win32'
      ? ['cmd', ['/c', 'start', '', url]]
      : process.platform === 'darwin'
        ? ['open', [url]]
        : ['xdg-open', [url]];
  try {
    const child = spawn(command, args, { stdio: 'ignore', detached: true, windowsHide: true });
    child.once('error', () => undefined);
    child.unref();
  } catch {
    // Ignored on purpose: the URL is printed anyway.
  }
}

async function runBrowserMode(options: StartOptions): Promise<void> {
  const running = await startBrowserMode({
    appRoot,
    profileDir: defaultProfileDir(),
    dataDirOverride: options.dataDir,
    port: options.port,
  });
  console.log(`브라우저 모드: ${running.bridge.url}`);
  if (options.open) openInBrowser(running.bridge.url);

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    running
      .close()
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        console.error('종료하는 중 오류가 발생했습니다', error);
        process.exit(1);
      });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

async function main(): Promise<void> {
  let options: StartOptions;
  try {
    options = parseStartArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof StartArgsError)) throw error;
    console.error(error.message);
    process.exit(2);
  }
  if (!options.browser) {
    const binary = findElectronBinary(appRoot);
    if (binary && (await runElectron(binary, options))) return;
    console.log(ELECTRON_UNAVAILABLE_LINE);
  }
  await runBrowserMode(options);
}

main().catch((error: unknown) => {
  console.error(`시작할 수 없습니다: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
