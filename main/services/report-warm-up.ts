import type { Handlers, OfficeReportView } from '../../domain/api/contract';
import type { AppContext } from './context';
import { whoAmI } from './session';

/**
 * The office's report, built in the background shortly after the app starts, before anyone asks for it.
 *
 * The first report after a start reads and parses every stored document of the half-year (0.7–0.9 s at ten times
 * Seoul's size); every later one reuses what that read (a change costs tens of milliseconds, an unchanged report
 * nothing). Built here through the same handlers and the same request as the 종합 현황 screen's first one (the
 * default half-year and 집행률 기준), the report is kept, so that screen opens at once; should it be opened
 * while the build runs, its request joins the build instead of starting another. Only on the office's copy;
 * failures are left to the screen, which asks again and shows its own message.
 */

/** Long enough for the first window to be drawn and answered first. */
export const REPORT_WARM_UP_DELAY_MS = 1500;

export type WarmUpOutcome =
  | { kind: 'built'; view: OfficeReportView }
  | { kind: 'skipped' }
  | { kind: 'stopped' }
  | { kind: 'failed'; error: unknown };

export interface ReportWarmUp {
  /** Settles once, with what happened; never rejects. */
  readonly done: Promise<WarmUpOutcome>;
  /** Cancels a warm-up not yet started, or waits for a running one to finish (before the database closes). */
  stop(): Promise<void>;
}

type ReportHandlers = Pick<Handlers, 'getDefaultReportPeriod' | 'getOfficeReport'>;

/** The warm-up itself, at once (scheduleReportWarmUp runs it after a delay); `stopped` is asked between steps. */
export async function warmUpOfficeReport(
  ctx: AppContext,
  handlers: ReportHandlers,
  stopped: () => boolean = () => false,
): Promise<WarmUpOutcome> {
  try {
    if ((await whoAmI(ctx))?.role !== 'office') return { kind: 'skipped' };
    if (stopped()) return { kind: 'stopped' };
    const { periodId } = await handlers.getDefaultReportPeriod({});
    if (stopped()) return { kind: 'stopped' };
    // The screen's first request: the default half-year, no comparison, the default 집행률 기준, today.
    return { kind: 'built', view: await handlers.getOfficeReport({ periodId }) };
  } catch (error) {
    return { kind: 'failed', error };
  }
}

export function scheduleReportWarmUp(
  ctx: AppContext,
  handlers: ReportHandlers,
  delayMs = REPORT_WARM_UP_DELAY_MS,
): ReportWarmUp {
  let stopped = false;
  let settle: (outcome: WarmUpOutcome) => void = () => undefined;
  const done = new Promise<WarmUpOutcome>((resolve) => (settle = resolve));
  let running = false;
  const timer = setTimeout(() => {
    running = true;
    void warmUpOfficeReport(ctx, handlers, () => stopped).then(settle);
  }, delayMs);
  // A warm-up alone never keeps the process running.
  timer.unref();
  return {
    done,
    async stop() {
      stopped = true;
      if (!running) {
        clearTimeout(timer);
        settle({ kind: 'stopped' });
      }
      await done;
    },
  };
}
