// The office's report built again in the background after a change (report-refresh.ts), on real SQLite copies.
import { describe, expect, it, vi } from 'vitest';
import type { Handlers, OfficeReportView, ReportRequest } from '../../domain/api/contract';
import { dataGeneration } from '../../db/data-generation';
import { runSourceInChild } from '../cli/test-cli-child';
import type { AppContext } from './context';
import { createHandlers } from './handlers';
import { enterImportWrites } from './import-write-mode';
import { keepReportCurrent } from './report-refresh';
import {
  basePlan,
  sendConfirmedPlanAndCompletedCard,
  statusOf,
  useOfficeHarness,
} from './test-support/office-harness';

const h = useOfficeHarness();
const QUIET_MS = 20;
const planRef = { kind: 'executionPlan', projectId: '1-1-1', slot: 'plan' } as const;

const received = (): Promise<void> => sendConfirmedPlanAndCompletedCard(h);

/** The office's 완료 decision on 1-1-1 for 2019-H1: a change of the data, made through the given handlers. */
const decide = (handlers: Pick<Handlers, 'decideCompletion'>, decision: 'accepted' | 'rejected', note = '') =>
  handlers.decideCompletion({ projectId: '1-1-1', periodId: '2019-H1', decision, note });

/** The handlers of a copy on a clock in 2019 하반기, with every report request the refresh makes recorded. */
function spied(copy: AppContext): {
  handlers: Handlers;
  asked: ReportRequest[];
  built: Promise<OfficeReportView>[];
} {
  const ctx = { ...copy, now: () => new Date('2019-07-20T09:00:00Z') } satisfies AppContext;
  const raw = createHandlers(ctx);
  const asked: ReportRequest[] = [];
  const built: Promise<OfficeReportView>[] = [];
  const handlers: Handlers = {
    ...raw,
    getOfficeReport: (input) => {
      asked.push(input);
      const view = Promise.resolve(raw.getOfficeReport(input));
      built.push(view);
      return view;
    },
  };
  return { handlers, asked, built };
}

describe('the office report kept current after changes', () => {
  it('is built after a decision, for the report the screen asked for last, and the screen then gets it', async () => {
    await received();
    const spy = spied(h.office);
    const refresh = keepReportCurrent(h.office, spy.handlers, QUIET_MS);
    const screen = refresh.handlers;
    const request = { periodId: '2019-H1', executionRateThreshold: 0.5 };
    const before = await screen.getOfficeReport(request);
    expect(statusOf(before)?.completed).toBe(1);

    await decide(screen, 'rejected', '증빙 부족');
    await refresh.idle();
    // One request from the screen, one from the refresh: the same half-year and 기준.
    expect(spy.asked).toHaveLength(2);
    expect(spy.asked[1]).toMatchObject(request);
    const rebuilt = await spy.built[1]!;
    expect(rebuilt).not.toBe(before);
    expect(statusOf(rebuilt)?.completed).toBe(0);
    expect(statusOf(rebuilt)?.onTrack).toBe(1);
    // The screen's next request finds the report already built.
    expect(await screen.getOfficeReport(request)).toBe(rebuilt);
    await refresh.stop();
  });

  it('builds nothing when a call changed no data, nor for the data as it was when the app started', async () => {
    await received();
    const spy = spied(h.office);
    const refresh = keepReportCurrent(h.office, spy.handlers, QUIET_MS);
    // The app's first calls: the report of the data as found is the warm-up's, after its own delay.
    await refresh.handlers.getCatalog({});
    await refresh.idle();
    expect(spy.asked).toHaveLength(0);
    await decide(refresh.handlers, 'accepted');
    await refresh.idle();
    // Before the screen asked for anything, the refresh builds the screen's first report (the default one).
    expect(spy.asked.map((r) => r.periodId)).toEqual(['2019-H1']);
    await refresh.handlers.getCatalog({});
    await refresh.handlers.listPlanConfirmations({});
    await refresh.idle();
    expect(spy.asked).toHaveLength(1);
    await refresh.stop();
  });

  it('waits while an import is writing, and builds once it has ended', async () => {
    await received();
    const spy = spied(h.office);
    // The clock of the checks is driven here, so every check falls while the import writes (a loaded machine
    // could otherwise leave them all for after it).
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const refresh = keepReportCurrent(h.office, spy.handlers, QUIET_MS);
      await vi.advanceTimersByTimeAsync(0);
      const leave = await enterImportWrites(h.office.db);
      await decide(refresh.handlers, 'accepted');
      await vi.advanceTimersByTimeAsync(QUIET_MS * 10);
      expect(spy.asked).toHaveLength(0);
      leave();
      await vi.advanceTimersByTimeAsync(QUIET_MS * 2);
      await refresh.idle();
      expect(spy.asked).toHaveLength(1);
      expect(statusOf(await spy.built[0]!)?.completed).toBe(1);
      await refresh.stop();
    } finally {
      vi.useRealTimers();
    }
  });

  it('does nothing on a department copy, even when its data changed', async () => {
    const spy = spied(h.dept);
    const refresh = keepReportCurrent(h.dept, spy.handlers, QUIET_MS);
    await refresh.idle();
    const before = await dataGeneration(h.dept.db);
    await refresh.handlers.saveDraft({ ...planRef, json: basePlan(), expectedVersion: null });
    expect(await dataGeneration(h.dept.db)).toBeGreaterThan(before);
    await refresh.idle();
    expect(spy.asked).toHaveLength(0);
    await refresh.stop();
  });

  it('is cancelled by stop() before it runs', async () => {
    await received();
    const spy = spied(h.office);
    const refresh = keepReportCurrent(h.office, spy.handlers, 60_000);
    await refresh.handlers.getCatalog({});
    await refresh.stop();
    await refresh.idle();
    expect(spy.asked).toHaveLength(0);
  });

  it('is waited for by stop() while it builds, so the database can be closed after', async () => {
    await received();
    const spy = spied(h.office);
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    let finished = false;
    // The build is held open until released: stop() must not return before it has ended.
    const slow: Handlers = {
      ...spy.handlers,
      getOfficeReport: async (input) => {
        const view = await spy.handlers.getOfficeReport(input);
        await held;
        finished = true;
        return view;
      },
    };
    const refresh = keepReportCurrent(h.office, slow, QUIET_MS);
    await refresh.idle();
    await decide(refresh.handlers, 'accepted');
    await expect.poll(() => spy.asked.length).toBe(1);
    const stopping = refresh.stop();
    let stopped = false;
    void stopping.then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, QUIET_MS * 3));
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(finished).toBe(true);
    // Stopped: a later change schedules nothing.
    await decide(refresh.handlers, 'rejected');
    await refresh.idle();
    expect(spy.asked).toHaveLength(1);
  });

  // In a child process: the scheduled check does not keep a process alive on its own, and Node ends a process
  // whose only work left is a timer that does not (exit code 13, idle() never settled), as the benchmark did.
  it('keeps the process alive while someone waits for it (idle)', async () => {
    const run = await runSourceInChild(
      `import { makeTempDir } from '../../db/test/temp-dir';
      import { makeCopy } from './bundle-test-support';
      import { createHandlers } from './handlers';
      import { keepReportCurrent } from './report-refresh';
      const dir = makeTempDir();
      const ctx = await makeCopy(dir.path, 'office', { role: 'office' });
      const refresh = keepReportCurrent(ctx, createHandlers(ctx), 50);
      await refresh.handlers.getCatalog({});
      await refresh.idle();
      console.log('idle');
      await refresh.stop();
      await ctx.close();
      dir.remove();`,
      { resolveDir: import.meta.dirname, timeoutMs: 30_000 },
    );
    expect(run.timedOut).toBe(false);
    expect(run.stdout.trim()).toBe('idle');
    expect(run.status).toBe(0);
  });

  it('passes every answer and error of the handlers through unchanged', async () => {
    const spy = spied(h.dept);
    const refresh = keepReportCurrent(h.dept, spy.handlers, QUIET_MS);
    await expect(refresh.handlers.getOfficeReport({ periodId: '2019-H1' })).rejects.toThrow(/기획담당관/);
    expect(await refresh.handlers.getCatalog({})).toEqual(await spy.handlers.getCatalog({}));
    await refresh.stop();
  });
});
