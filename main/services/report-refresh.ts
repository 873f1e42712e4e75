import type { Kysely } from 'kysely';
import type { Handlers, OperationName, ReportRequest } from '../../domain/api/contract';
import { dataGeneration } from '../../db/data-generation';
import type { Database } from '../../db/schema';
import type { AppContext } from './context';
import { importsRunning } from './import-write-mode';
import { whoAmI } from './session';

/**
 * The office's report built again in the background once the data has changed, before anyone asks for it.
 *
 * The first report after a large import reads and parses every document of the half-year (0.6–0.9 s at ten times
 * Seoul's size), and any later change costs a build of tens of milliseconds. Either would be spent when the
 * 종합 현황 screen opens; here it is spent while the office reads the import's results. Each call of the wrapped
 * handlers (an import, its progress, a decision, a confirmed plan) schedules a check for when the calls have
 * stopped for REFRESH_QUIET_MS (AFTER_IMPORT_QUIET_MS after an import's calls: the screen sends a long list of
 * files in parts) and no import is writing. The check builds only when the data changed since the last check
 * (the data generation, migration 0008, as read when the handlers were wrapped, then at each check): the report
 * after start is the warm-up's (report-warm-up.ts), which waits until the first window was answered, and the
 * first check on another data folder (after switching to it) only notes its generation.
 * It asks for the report the screen asked for last (the default one before that), which is built and kept, so
 * the screen's request finds it, or joins the build still running.
 *
 * Only on the office's copy. Failures are left to the screen, which asks again and shows its own message.
 */

/** Calls closer together than this (an import's progress polled, keys pressed in a form) are one burst. */
export const REFRESH_QUIET_MS = 400;
/** After an import's calls: the next part of a long list of files is usually on its way. */
export const AFTER_IMPORT_QUIET_MS = 1_500;

/** While an import writes, how often it is looked at again (never in a tight loop, whatever the pause). */
const RECHECK_MS = 100;

/** The office's import: its calls come in parts (files sent up to 200 at a time, the progress polled). */
const IMPORTS: ReadonlySet<OperationName> = new Set<OperationName>([
  'startBundleImport',
  'getImportProgress',
  'importBundleData',
  'importBundleFiles',
]);

/** Operations that only read the report or ask whether it changed: they never start a refresh. */
const READS_THE_REPORT: ReadonlySet<OperationName> = new Set<OperationName>([
  'getOfficeReport',
  'getDataGeneration',
  'getDefaultReportPeriod',
  'exportReportWorkbook',
  'exportPublicReport',
]);

export interface ReportRefresh {
  /** The same handlers; each call schedules a refresh, and getOfficeReport's request is remembered. */
  readonly handlers: Handlers;
  /** Settles once nothing is scheduled or being built (tests and the benchmark wait for it). */
  idle(): Promise<void>;
  /** Cancels what is scheduled and waits for a build under way (before the database closes). */
  stop(): Promise<void>;
}

/** The report request remembered for the next refresh: "today" is taken again at each build. */
type Remembered = Omit<ReportRequest, 'today'>;

export function keepReportCurrent(
  ctx: AppContext,
  handlers: Handlers,
  quietMs: number = REFRESH_QUIET_MS,
  afterImportMs: number = AFTER_IMPORT_QUIET_MS,
): ReportRefresh {
  let last: Remembered | null = null;
  /** The database checked last and its data generation then (a folder switch makes another database current). */
  let seen: { db: Kysely<Database>; generation: number } | null = null;
  // The data as the app starts: what changes after this is what the checks look for.
  const startDb = ctx.db;
  void dataGeneration(startDb).then(
    (generation) => (seen ??= { db: startDb, generation }),
    () => undefined,
  );
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running: Promise<void> | null = null;
  let stopped = false;
  let waiters: (() => void)[] = [];

  const settleIfIdle = (): void => {
    if (timer !== null || running !== null) return;
    const waiting = waiters;
    waiters = [];
    for (const w of waiting) w();
  };

  const schedule = (wait = quietMs): void => {
    if (stopped) return;
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(fire, wait);
    // A refresh alone never keeps a process running; one that is waited for (idle) does.
    if (waiters.length === 0) timer.unref();
  };

  function fire(): void {
    timer = null;
    if (stopped) return settleIfIdle();
    // An import still writing (a folder of bundles, committed in batches): looked at again a moment later.
    if (importsRunning(ctx.db) || running !== null) return schedule(Math.max(quietMs, RECHECK_MS));
    running = refreshIfChanged().finally(() => {
      running = null;
      settleIfIdle();
    });
  }

  /** One check: the report last asked for (or the screen's first one) built when the data changed; never throws. */
  async function refreshIfChanged(): Promise<void> {
    try {
      const db = ctx.db;
      const generation = await dataGeneration(db);
      const before = seen;
      seen = { db, generation };
      if (before === null || before.db !== db || before.generation === generation) return;
      if ((await whoAmI(ctx))?.role !== 'office') return;
      const request = last ?? (await handlers.getDefaultReportPeriod({}));
      await handlers.getOfficeReport(request);
    } catch {
      // The screen asks again and shows its own message.
    }
  }

  const wrapped = Object.fromEntries(
    (Object.keys(handlers) as OperationName[]).map((name) => {
      const handler = handlers[name] as (input: unknown) => unknown;
      const call = async (input: unknown): Promise<unknown> => {
        if (name === 'getOfficeReport') last = rememberedOf(input as ReportRequest);
        try {
          return await handler(input);
        } finally {
          if (!READS_THE_REPORT.has(name))
            schedule(IMPORTS.has(name) ? Math.max(quietMs, afterImportMs) : quietMs);
        }
      };
      return [name, call];
    }),
  ) as Handlers;

  return {
    handlers: wrapped,
    idle: () =>
      new Promise<void>((resolve) => {
        waiters.push(resolve);
        timer?.ref();
        settleIfIdle();
      }),
    async stop() {
      stopped = true;
      if (timer !== null) clearTimeout(timer);
      timer = null;
      await running;
      settleIfIdle();
    },
  };
}

function rememberedOf(request: ReportRequest): Remembered {
  const { today: _today, ...rest } = request;
  return rest;
}
