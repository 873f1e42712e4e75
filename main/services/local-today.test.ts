import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiResult, DeadlineView } from '../../domain/api/contract';
import type { OfficeReport } from '../../domain/reports/types';
import { makeTempDir } from '../../db/test/temp-dir';
import { createAppContext, type AppContext } from './context';
import { dispatch } from './dispatch';
import { createHandlers } from './handlers';
import { localToday } from './local-today';

/** The program's "today" is Korea's date at its clock, wherever the clock's UTC date is. */
const opened: { ctx: AppContext; dir: ReturnType<typeof makeTempDir> }[] = [];
afterEach(async () => {
  for (const { ctx, dir } of opened.splice(0)) {
    await ctx.close();
    dir.remove();
  }
});

async function appAt(instant: string, setup: Record<string, unknown>) {
  const dir = makeTempDir();
  const ctx = await createAppContext({
    profileDir: join(dir.path, 'profile'),
    dataDirOverride: join(dir.path, 'data'),
    mode: 'cli',
    appVersion: '0.1.0-test',
    now: () => new Date(instant),
  });
  opened.push({ ctx, dir });
  const handlers = createHandlers(ctx);
  const call = async <T>(name: string, input: unknown): Promise<T> => {
    const result: ApiResult<unknown> = await dispatch(handlers, name, input);
    if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
    return result.value as T;
  };
  await call('saveSetup', { ...setup, dataDir: join(dir.path, 'data') });
  return call;
}

/** The UTC date of an instant, which the handlers used before. */
const utcDate = (instant: string): string => new Date(instant).toISOString().slice(0, 10);

describe('localToday', () => {
  it('turns at midnight in Korea, nine hours before UTC does', () => {
    expect(localToday(new Date('2020-07-14T14:59:59Z'))).toBe('2020-07-14');
    expect(localToday(new Date('2020-07-14T15:00:00Z'))).toBe('2020-07-15');
    expect(localToday(new Date('2020-07-15T14:59:59Z'))).toBe('2020-07-15');
    expect(localToday(new Date('2020-12-31T15:00:00Z'))).toBe('2021-01-01');
  });
});

describe("a department's deadline panel", () => {
  const department = { role: 'department', department: '경제진흥본부' };

  // 2020-07-15 06:00 in Korea: the deadline day, while the UTC date is still the 14th.
  it('reads D-day on the morning of the deadline in Korea', async () => {
    const instant = '2020-07-14T21:00:00Z';
    const call = await appAt(instant, department);
    const view = await call<DeadlineView>('getDeadlines', {});
    const sameDay = await call<DeadlineView>('getDeadlines', { today: '2020-07-15' });
    const dayBefore = await call<DeadlineView>('getDeadlines', { today: utcDate(instant) });
    expect(view.period?.dueDate).toBe('2020-07-15');
    expect(view).toEqual(sameDay);
    expect(view.daysLeft).toBe(0);
    // The UTC date would have said one day more was left.
    expect(dayBefore.daysLeft).toBe(1);
  });

  // 2020-07-16 08:30 in Korea: the deadline has passed, while the UTC date is still the 15th.
  it('no longer reads D-day the morning after the deadline in Korea', async () => {
    const instant = '2020-07-15T23:30:00Z';
    const call = await appAt(instant, department);
    const view = await call<DeadlineView>('getDeadlines', {});
    expect(view).toEqual(await call<DeadlineView>('getDeadlines', { today: '2020-07-16' }));
    expect(view).not.toEqual(await call<DeadlineView>('getDeadlines', { today: utcDate(instant) }));
  });
});

describe("the office's report", () => {
  it("is dated with Korea's date at the program's clock", async () => {
    const instant = '2020-07-19T23:30:00Z';
    const call = await appAt(instant, { role: 'office', department: null });
    const { periodId } = await call<{ periodId: string }>('getDefaultReportPeriod', {});
    const view = await call<{ report: OfficeReport }>('getOfficeReport', { periodId });
    expect(view.report.meta.today).toBe('2020-07-20');
    expect(utcDate(instant)).toBe('2020-07-19');
  });
});
