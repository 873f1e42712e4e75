import { describe, expect, it } from 'vitest';
import { officeHandlers } from './office-handlers';
import {
  basePlan,
  cardDoc,
  cardFor,
  planDoc,
  statusOf,
  useOfficeHarness,
} from './test-support/office-harness';

const h = useOfficeHarness();

describe('completion decisions', () => {
  it('an accepted 완료 carries over only while every later card reports 완료: after an interruption it is asked again', async () => {
    const handlers = officeHandlers(h.office);
    const plan = basePlan();
    await h.send('plan', [planDoc(plan)]);
    await handlers.confirmReceivedPlan({ projectId: '1-1-1' });
    expect(await h.send('2019-H1', [cardDoc(cardFor(plan, 'completed'), '2019-H1')])).toBe('accepted');
    await handlers.decideCompletion({
      projectId: '1-1-1',
      periodId: '2019-H1',
      decision: 'accepted',
      note: '',
    });
    // 2019-H2: the department reports 일부추진 (the 완료 no longer holds).
    expect(await h.send('2019-H2', [cardDoc(cardFor(plan, 'partial'), '2019-H2')])).toBe('accepted');
    // 2020-H1: it reports 완료 again, with new evidence.
    const again = cardFor(plan, 'completed');
    again.completionEvidence = { summary: '새 근거 (재완료)', attachments: [] };
    expect(await h.send('2020-H1', [cardDoc(again, '2020-H1')])).toBe('accepted');

    const view = await handlers.getOfficeReport({ periodId: '2020-H1', today: '2020-07-20' });
    expect(view.completionRequests[0]).toMatchObject({
      evidence: '새 근거 (재완료)',
      decision: null,
      decidedForPeriodId: null,
    });
    expect(view.report.meta.undecided?.completionRequests).toBe(1);
    // Counted as 완료 while it waits, and marked as waiting.
    expect(statusOf(view)?.completed).toBe(1);
    expect(view.report.statusTables.total.completedUndecided).toBe(1);
    // The half-year in between keeps its own card; the accepted half-year keeps its decision.
    const between = await handlers.getOfficeReport({ periodId: '2019-H2', today: '2020-01-20' });
    expect(statusOf(between)?.partial).toBe(1);
    expect(between.completionRequests).toEqual([]);
    const first = await handlers.getOfficeReport({ periodId: '2019-H1', today: '2019-07-20' });
    expect(first.completionRequests[0]).toMatchObject({
      decision: 'accepted',
      decidedForPeriodId: '2019-H1',
    });

    // Accepted anew for 2020-H1, it carries over to 2020-H2 (still 완료).
    await handlers.decideCompletion({
      projectId: '1-1-1',
      periodId: '2020-H1',
      decision: 'accepted',
      note: '',
    });
    expect(await h.send('2020-H2', [cardDoc(again, '2020-H2')])).toBe('accepted');
    const next = await handlers.getOfficeReport({ periodId: '2020-H2', today: '2021-01-20' });
    expect(next.completionRequests[0]).toMatchObject({ decision: 'accepted', decidedForPeriodId: '2020-H1' });
    expect(next.report.meta.undecided?.completionRequests).toBe(0);
  });

  it('a half-year without a card does not interrupt an accepted 완료', async () => {
    const handlers = officeHandlers(h.office);
    const plan = basePlan();
    await h.send('plan', [planDoc(plan)]);
    await handlers.confirmReceivedPlan({ projectId: '1-1-1' });
    expect(await h.send('2019-H1', [cardDoc(cardFor(plan, 'completed'), '2019-H1')])).toBe('accepted');
    await handlers.decideCompletion({
      projectId: '1-1-1',
      periodId: '2019-H1',
      decision: 'accepted',
      note: '',
    });
    // Nothing sent for 2019-H2.
    expect(await h.send('2020-H1', [cardDoc(cardFor(plan, 'completed'), '2020-H1')])).toBe('accepted');
    const view = await handlers.getOfficeReport({ periodId: '2020-H1', today: '2020-07-20' });
    expect(view.completionRequests[0]).toMatchObject({ decision: 'accepted', decidedForPeriodId: '2019-H1' });
    expect(view.report.meta.undecided?.completionRequests).toBe(0);
  });
});
