import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createAppContext } from '../services/context';
import { createHandlers } from '../services/handlers';
import { keepReportCurrent, type ReportRefresh } from '../services/report-refresh';
import { scheduleReportWarmUp, type ReportWarmUp } from '../services/report-warm-up';
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
  /** The office's report built after start (see report-warm-up.ts). */
  warmUp: ReportWarmUp;
  /** The office's report built again after changes (see report-refresh.ts). */
  refresh: ReportRefresh;
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
  const context = await createAppContext({
    profileDir: options.profileDir,
    dataDirOverride: options.dataDirOverride,
    mode: 'browser',
    appVersion: appVersionOf(options.appRoot),
  });
  const handlers = createHandlers(context);
  const refresh = keepReportCurrent(context, handlers, options.reportRefreshQuietMs);
  let bridge: HttpBridge;
  try {
    bridge = await startHttpBridge({ handlers: refresh.handlers, staticDir, port: options.port ?? 0 });
  } catch (error) {
    await context.close();
    throw error;
  }
  // The office's report is built before the screen asks for it (nothing happens on a department's copy).
  const warmUp = scheduleReportWarmUp(context, handlers, options.reportWarmUpDelayMs);
  return {
    bridge,
    warmUp,
    refresh,
    async close() {
      try {
        await bridge.close();
      } finally {
        await warmUp.stop();
        await refresh.stop();
        await context.close();
      }
    },
  };
}
