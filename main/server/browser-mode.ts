import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startAppRuntime, type AppRuntime } from '../services/app-runtime';
import { startHttpBridge, type HttpBridge } from './http-bridge';

export interface BrowserModeOptions {
  /** The repository or installed app folder holding out/renderer and package.json. */
  appRoot: string;
  profileDir: string;
  dataDirOverride?: string | undefined;
  port?: number;
  /** When the office's report is built in the background (default REPORT_WARM_UP_DELAY_MS after start). */
  reportWarmUpDelayMs?: number;
  /** How long the calls must pause before the report is built again after a change (REFRESH_QUIET_MS). */
  reportRefreshQuietMs?: number;
}

export interface BrowserMode {
  bridge: HttpBridge;
  /**
   * The data and the handlers behind the bridge (app-runtime.ts): its report warm-up and refresh, or, when the data
   * file could not be read, the problem the recovery screen shows.
   */
  runtime: AppRuntime;
  /** Stops accepting requests, then closes the database. */
  close(): Promise<void>;
}

export const rendererDirOf = (appRoot: string): string => join(appRoot, 'out', 'renderer');

function appVersionOf(appRoot: string): string {
  try {
    const pkg = JSON.parse(readFileSync(join(appRoot, 'package.json'), 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
  } catch {
    return '0.0.0';
  }
}

/** The same handlers as in Electron, reached over the loopback HTTP bridge instead of IPC. */
export async function startBrowserMode(options: BrowserModeOptions): Promise<BrowserMode> {
  const staticDir = rendererDirOf(options.appRoot);
  if (!existsSync(join(staticDir, 'index.html'))) {
    throw new Error(`화면 파일이 없습니다 (${staticDir}). 먼저 npm run build 를 실행하세요.`);
  }
  // A data file that cannot be read starts the recovery screen; any other failure stops here, as before.
  const runtime = await startAppRuntime({
    profileDir: options.profileDir,
    dataDirOverride: options.dataDirOverride,
    mode: 'browser',
    appVersion: appVersionOf(options.appRoot),
    reportWarmUpDelayMs: options.reportWarmUpDelayMs,
    reportRefreshQuietMs: options.reportRefreshQuietMs,
  });
  let bridge: HttpBridge;
  try {
    bridge = await startHttpBridge({ handlers: runtime.handlers, staticDir, port: options.port ?? 0 });
  } catch (error) {
    await runtime.close();
    throw error;
  }
  return {
    bridge,
    runtime,
    async close() {
      try {
        await bridge.close();
      } finally {
        await runtime.close();
      }
    },
  };
}
