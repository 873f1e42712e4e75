import type { Handlers, StartupProblem } from '../../domain/api/contract';
import { operationNames } from '../../domain/api/operations';
import {
  clockFromEnv,
  createAppContext,
  dataDirToOpen,
  type AppContext,
  type CreateAppContextOptions,
} from './context';
import { keepImportWorkers } from './bundle-verify';
import { UserError } from './errors';
import { createHandlers } from './handlers';
import { keepReportCurrent, type ReportRefresh } from './report-refresh';
import { scheduleReportWarmUp, type ReportWarmUp } from './report-warm-up';
import { markDamagedFiles, refuseStaleLogs, type DamagedFiles } from './stale-side-files';
import { startupHandlers } from './startup-handlers';
import {
  openFailure,
  prepareNewDataDir,
  recoveryHandlers,
  restoreIntoNewDataDir,
  startupProblemOf,
  undoNewDataDirSafely,
} from './startup-recovery';

/**
 * The running app's data and handlers, the same for Electron and browser mode: the data folder opened with the
 * full handlers (createHandlers, wrapped by keepReportCurrent, with the office's report warmed up), or, when the
 * data file cannot be read (DATA_DIR_UNREADABLE), the recovery screen's handlers until a new folder or another try
 * opens one. Any other start-up failure is thrown, as before. `handlers` is registered once (IPC, HTTP bridge):
 * each call goes to the handlers current at that moment.
 */
export interface AppRuntime {
  readonly handlers: Handlers;
  /** The open data; null while the app is in recovery. */
  readonly context: AppContext | null;
  /** Why the app is in recovery; null once the data is open. */
  readonly startupProblem: StartupProblem | null;
  /** The office's report built after the data opened (report-warm-up.ts); null in recovery. */
  readonly warmUp: ReportWarmUp | null;
  /** The office's report built again after changes (report-refresh.ts); null in recovery. */
  readonly refresh: ReportRefresh | null;
  /** The import's verify threads running now (kept from one import to the next: keepImportWorkers). */
  readonly importThreads: number;
  /**
   * The office's start of those threads and their checks of sample bundles, once begun (after the report's
   * warm-up, or earlier when the import screen opens: prepareImport): settles with the number of samples accepted;
   * null until then and on a department's copy.
   */
  readonly importWarmUp: Promise<number> | null;
  /** Stops the background builds and closes the data that is open (waits for a recovery step under way). */
  close(): Promise<void>;
}

export interface AppRuntimeOptions extends Omit<CreateAppContextOptions, 'chosenDataDir'> {
  /** When the office's report is built in the background (default REPORT_WARM_UP_DELAY_MS after the data opens). */
  reportWarmUpDelayMs?: number | undefined;
  /** How long the calls must pause before the report is built again after a change (REFRESH_QUIET_MS). */
  reportRefreshQuietMs?: number | undefined;
}

interface OpenData {
  context: AppContext;
  handlers: Handlers;
  warmUp: ReportWarmUp;
  refresh: ReportRefresh;
}

export async function startAppRuntime(options: AppRuntimeOptions): Promise<AppRuntime> {
  // One clock for every folder opened in this run (PLEDGE_NOW starts once).
  const now = options.now ?? clockFromEnv(process.env.PLEDGE_NOW);
  const contextOptions: CreateAppContextOptions = {
    profileDir: options.profileDir,
    dataDirOverride: options.dataDirOverride,
    mode: options.mode,
    appVersion: options.appVersion,
    now,
  };

  let data: OpenData | null = null;
  let problem: StartupProblem | null = null;
  /** The unreadable file and the logs beside it when last found so (for 다시 시도 after a replacement by hand). */
  let damaged: DamagedFiles | null = null;
  const setProblem = (found: StartupProblem): void => {
    problem = found;
    damaged = markDamagedFiles(found.databasePath);
  };
  let closed = false;
  let closeRun: Promise<void> | null = null;
  // Whether a folder chosen in recovery is remembered for the next start (not with --data).
  const remembered = options.dataDirOverride === undefined;
  // Recovery steps one at a time (a second click waits, then finds the data open).
  let steps: Promise<unknown> = Promise.resolve();
  const oneAtATime = <T>(step: () => Promise<T>): Promise<T> => {
    const run = steps.then(step, step);
    steps = run.catch(() => undefined);
    return run;
  };

  const closing = () => new UserError('APP_CLOSING', '프로그램을 닫는 중입니다.');

  // The verify workers of every import while the app runs, whichever data folder is open (bundle-verify.ts).
  const importWorkers = keepImportWorkers();
  let importWarmUp: Promise<number> | null = null;
  /** The threads started and their sample checks run, once in the app's run, by whichever asks first. */
  const warmImportWorkers = (): void => {
    if (!closed && importWarmUp === null) importWarmUp = importWorkers.warm();
  };

  const use = (context: AppContext): void => {
    const full = createHandlers(context, {
      importVerifier: importWorkers.verifier ?? undefined,
      // The import screen opened (office only): a file is about to come, the threads start now.
      prepareImportWorkers: warmImportWorkers,
    });
    // After an import or a decision the office's report is built again in the background (report-refresh.ts).
    const refresh = keepReportCurrent(context, full, options.reportRefreshQuietMs);
    // The office's report is built before the screen asks for it (nothing happens on a department's copy).
    const warmUp = scheduleReportWarmUp(context, full, options.reportWarmUpDelayMs);
    // Then, on the office's copy, the import's threads start (unless the import screen started them already), so
    // that the next import does not wait for them.
    void warmUp.done.then((outcome) => {
      if (outcome.kind === 'built' || outcome.kind === 'failed') warmImportWorkers();
    });
    data = { context, handlers: refresh.handlers, warmUp, refresh };
    problem = null;
  };

  /**
   * Opens the data (the folder chosen, or the usual one): the context, or the problem if the file cannot be read;
   * any other failure is thrown. `mustExist`: a missing data file is refused, nothing is created (다시 시도).
   */
  const openContext = async (
    chosenDataDir?: string,
    mustExist = false,
  ): Promise<{ context: AppContext } | { problem: StartupProblem }> => {
    try {
      return {
        context: await createAppContext({ ...contextOptions, chosenDataDir, dataMustExist: mustExist }),
      };
    } catch (error) {
      if (!(error instanceof UserError) || error.code !== 'DATA_DIR_UNREADABLE') throw error;
      const dataDir = dataDirToOpen({ ...contextOptions, chosenDataDir });
      const found = startupProblemOf(error, dataDir, now(), remembered);
      if (found === null) throw error;
      return { problem: found };
    }
  };

  /** Makes an opened context current, unless the app is closing meanwhile (then it is closed again). */
  const useUnlessClosed = async (context: AppContext): Promise<void> => {
    if (closed) {
      await context.close();
      throw closing();
    }
    use(context);
  };

  /** The recovery screen's operations once the data is open (another window's click got there first). */
  const afterRecovery = startupHandlers();

  const recovery = recoveryHandlers({
    mode: options.mode,
    appVersion: options.appVersion,
    problem: () => {
      if (problem === null) throw new Error('recovery handlers called with the data open');
      return problem;
    },
    retry: () =>
      oneAtATime(async () => {
        if (closed) throw closing();
        if (data !== null) return afterRecovery.retryStartup();
        let opened: Awaited<ReturnType<typeof openContext>>;
        if (problem !== null && damaged !== null) refuseStaleLogs(problem.databasePath, damaged);
        try {
          opened = await openContext(undefined, true);
        } catch (error) {
          throw openFailure(error);
        }
        // Still unreadable: the screen stays, with the problem as it is now.
        if ('problem' in opened) {
          setProblem(opened.problem);
          return opened.problem;
        }
        await useUnlessClosed(opened.context);
        return null;
      }),
    startWithNewDataDir: ({ dataDir, backupFile }) =>
      oneAtATime(async () => {
        if (closed) throw closing();
        if (data !== null) return afterRecovery.startWithNewDataDir();
        const damaged = problem?.dataDir ?? null;
        const prepared = prepareNewDataDir(dataDir, damaged);
        let context: AppContext;
        try {
          if (backupFile !== undefined) await restoreIntoNewDataDir(backupFile, prepared.dir);
          // A folder without a database is not unreadable; should it be, the screen's problem stays the first one.
          const opened = await openContext(prepared.dir);
          if ('problem' in opened) throw new UserError(opened.problem.code, opened.problem.message);
          context = opened.context;
        } catch (error) {
          undoNewDataDirSafely(prepared);
          throw openFailure(error, 'dataDir');
        }
        // The folder is open and the profile may name it now: it stays, even when the app is closing meanwhile.
        await useUnlessClosed(context);
        const current = data as OpenData | null;
        if (current === null) throw new Error('the new data folder opened without its handlers');
        return current.handlers.getSetup(undefined);
      }),
  });

  const first = await openContext();
  if ('problem' in first) {
    setProblem(first.problem);
    console.error(`[start] ${first.problem.message}`);
  } else {
    use(first.context);
  }

  const current = (): Handlers => data?.handlers ?? recovery;
  const handlers = Object.fromEntries(
    operationNames.map((name) => [
      name,
      (input: unknown) => (current()[name] as (input: unknown) => unknown)(input),
    ]),
  ) as unknown as Handlers;

  return {
    handlers,
    get context() {
      return data?.context ?? null;
    },
    get startupProblem() {
      return problem;
    },
    get warmUp() {
      return data?.warmUp ?? null;
    },
    get refresh() {
      return data?.refresh ?? null;
    },
    get importThreads() {
      return importWorkers.threads;
    },
    get importWarmUp() {
      return importWarmUp;
    },
    close() {
      // Once: a second call waits for the first.
      closeRun ??= (async () => {
        closed = true;
        await steps;
        const opened = data as OpenData | null;
        try {
          if (opened === null) return;
          try {
            // A report being built in the background ends first: it reads the database about to be closed.
            await Promise.all([opened.warmUp.stop(), opened.refresh.stop()]);
          } finally {
            await opened.context.close();
          }
        } finally {
          await importWorkers.close();
        }
      })();
      return closeRun;
    },
  };
}
