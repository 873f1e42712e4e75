// The office's report built in the background after start (report-warm-up.ts), on real SQLite copies.
import { describe, expect, it } from 'vitest';
import { DEFAULT_EXECUTION_RATE_THRESHOLD } from '../../domain/reports';
import type { AppContext } from './context';
import { officeHandlers } from './office-handlers';
import { scheduleReportWarmUp } from './report-warm-up';
import { sendConfirmedPlanAndCompletedCard, statusOf, useOfficeHarness } from './test-support/office-harness';

const h = useOfficeHarness();

/** The office's handlers on a clock in 2019 하반기 (the report opens on 2019-H1, whose cards were due 07-15). */
const office = (): { ctx: AppContext; handlers: ReturnType<typeof officeHandlers> } => {
  const ctx = { ...h.office, now: () => new Date('2019-07-20T09:00:00Z') } satisfies AppContext;
  return { ctx, handlers: officeHandlers(ctx) };
};

const received = (): Promise<void> => sendConfirmedPlanAndCompletedCard(h);

describe('the office report built after start', () => {
  it('is the very report the 종합 현황 screen gets with its first request', async () => {
    await received();
    const { ctx, handlers } = office();
    const warmUp = scheduleReportWarmUp(ctx, handlers, 0);
    const outcome = await warmUp.done;
    expect(outcome.kind).toBe('built');
    if (outcome.kind !== 'built') return;
    expect(outcome.view.report.meta.periodId).toBe('2019-H1');
    expect(statusOf(outcome.view)?.completed).toBe(1);

    // The screen asks for the default half-year with its 집행률 기준 spelled out: the same kept object, not a build.
    const { periodId } = await handlers.getDefaultReportPeriod();
    const first = await handlers.getOfficeReport({
      periodId,
      executionRateThreshold: DEFAULT_EXECUTION_RATE_THRESHOLD,
    });
    expect(first).toBe(outcome.view);
    // Another 기준 is another report.
    expect(await handlers.getOfficeReport({ periodId, executionRateThreshold: 0.5 })).not.toBe(first);
  });

  it('is shared with a request made while it is being built', async () => {
    await received();
    const { ctx, handlers } = office();
    const warmUp = scheduleReportWarmUp(ctx, handlers, 0);
    // Ask as soon as the warm-up has started: its build is under way (or done), never a second one.
    await new Promise((resolve) => setTimeout(resolve, 0));
    const asked = handlers.getOfficeReport({ periodId: '2019-H1' });
    const outcome = await warmUp.done;
    expect(outcome.kind).toBe('built');
    if (outcome.kind === 'built') expect(await asked).toBe(outcome.view);
  });

  it('does nothing on a department copy', async () => {
    const ctx = h.dept;
    const warmUp = scheduleReportWarmUp(ctx, officeHandlers(ctx), 0);
    expect((await warmUp.done).kind).toBe('skipped');
  });

  it('is cancelled by stop() before it starts, and waited for once it runs', async () => {
    await received();
    const { ctx, handlers } = office();
    const early = scheduleReportWarmUp(ctx, handlers, 60_000);
    await early.stop();
    expect((await early.done).kind).toBe('stopped');

    const running = scheduleReportWarmUp(ctx, handlers, 0);
    await new Promise((resolve) => setTimeout(resolve, 0));
    await running.stop();
    // stop() returned after the build had ended: the database can be closed now.
    expect(['built', 'stopped']).toContain((await running.done).kind);
  });

  it('reports a failure instead of throwing (the screen shows its own message later)', async () => {
    const { ctx, handlers } = office();
    const failing = {
      getDefaultReportPeriod: handlers.getDefaultReportPeriod,
      getOfficeReport: () => Promise.reject(new Error('읽기 실패')),
    };
    const outcome = await scheduleReportWarmUp(ctx, failing, 0).done;
    expect(outcome.kind).toBe('failed');
    if (outcome.kind === 'failed') expect(String(outcome.error)).toContain('읽기 실패');
  });
});
