import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { DEFAULT_EXECUTION_RATE_THRESHOLD } from '../domain/reports';
import { clockFromEnv, createAppContext, type AppContext } from '../main/services/context';
import { officeHandlers } from '../main/services/office-handlers';
import { warmUpOfficeReport } from '../main/services/report-warm-up';

/** After a start: the report's background build, the screen's first request, then its 이행 추이 tab. */
export interface RestartTimes {
  warmUpMs: number;
  firstRequestMs: number;
  trendMs: number;
  trendHalfYears: number;
}

/**
 * The app just opened on the office's data folder (nothing read or parsed on this connection): the background
 * warm-up (without its delay), timed, then the screen's first request (the default half-year and 집행률 기준),
 * timed, then its 이행 추이 tab (every half-year of the term up to the one shown, that one's tables from the report
 * built).
 */
export async function timeStart(opened: AppContext): Promise<RestartTimes> {
  const handlers = officeHandlers(opened);
  const started = performance.now();
  const outcome = await warmUpOfficeReport(opened, handlers);
  const warmUpMs = performance.now() - started;
  if (outcome.kind !== 'built') throw new Error(`미리 만들기 실패: ${outcome.kind}`);
  const asked = performance.now();
  const { periodId } = await handlers.getDefaultReportPeriod();
  const view = await handlers.getOfficeReport({
    periodId,
    executionRateThreshold: DEFAULT_EXECUTION_RATE_THRESHOLD,
  });
  const firstRequestMs = performance.now() - asked;
  if (view !== outcome.view) throw new Error('the screen did not get the report built after start');
  const trendAsked = performance.now();
  const trend = await handlers.getStatusTrend({
    periodId,
    executionRateThreshold: DEFAULT_EXECUTION_RATE_THRESHOLD,
  });
  const trendMs = performance.now() - trendAsked;
  if (trend.rows.at(-1)?.total.total !== view.report.statusTables.total.total)
    throw new Error('이행 추이의 마지막 반기가 화면의 추진상황과 다릅니다');
  return { warmUpMs, firstRequestMs, trendMs, trendHalfYears: trend.rows.length };
}

interface StartChildArgs {
  profileDir: string;
  dataDir: string;
  appVersion: string;
  /** The office's clock at the time the child starts (ISO), running on from there. */
  now: string;
}

/** A start in a new process: what the office's app does at every launch. */
export interface NewProcessStartTimes extends RestartTimes {
  /** Opening the data folder (createAppContext: the database opened and checked, migrations). */
  openMs: number;
}

/**
 * Starts `node out/bench/start-child.mjs` (built beside the bench) on the office's data folder, the office's
 * connection left open as another window's would be, and returns what the child measured: the same steps as
 * `timeStart`, in a process where no code has run yet and no memory has been touched.
 */
export async function timeStartInNewProcess(
  office: AppContext,
  profileDir: string,
): Promise<NewProcessStartTimes> {
  const entry = fileURLToPath(new URL('./start-child.mjs', import.meta.url));
  const args: StartChildArgs = {
    profileDir,
    dataDir: office.dataDir,
    appVersion: office.appVersion,
    now: office.now().toISOString(),
  };
  const child = spawn(process.execPath, [entry, JSON.stringify(args)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  if (code !== 0) throw new Error(`새 프로세스 시작 측정 실패 (종료 코드 ${code}): ${err.trim()}`);
  return JSON.parse(out.trim().split('\n').at(-1) ?? '') as NewProcessStartTimes;
}

/** The child's side: opens the folder, measures a start, prints the figures as one JSON line. */
export async function runStartChild(argument: string | undefined): Promise<void> {
  const args = JSON.parse(argument ?? '') as StartChildArgs;
  const opening = performance.now();
  const opened = await createAppContext({
    profileDir: args.profileDir,
    dataDirOverride: args.dataDir,
    mode: 'cli',
    appVersion: args.appVersion,
    now: clockFromEnv(args.now),
  });
  const openMs = performance.now() - opening;
  try {
    const times = await timeStart(opened);
    process.stdout.write(`${JSON.stringify({ openMs, ...times } satisfies NewProcessStartTimes)}\n`);
  } finally {
    await opened.close();
  }
}
