import { describe, expect, it } from 'vitest';
import type { ExecutionPlan } from '../../domain/documents';
import { officeHandlers } from './office-handlers';
import {
  changeDoc,
  planWithCostAndPeriod,
  REQUEST_ID,
  submittedRequest,
} from './test-support/change-requests';
import { LEAD, planDoc, request, useOfficeHarness } from './test-support/office-harness';

const h = useOfficeHarness();

const confirmedPlan = async (): Promise<ExecutionPlan> =>
  JSON.parse(
    (
      await h.office.db
        .selectFrom('documents')
        .select('json')
        .where('kind', '=', 'executionPlan')
        .executeTakeFirstOrThrow()
    ).json,
  ) as ExecutionPlan;

const periodRow = (proposed: string) => ({
  category: '사업기간',
  original: '2018년 7월 ~ 2022년 6월',
  proposed,
});

async function withConfirmedPlan() {
  const handlers = officeHandlers(h.office);
  const plan = planWithCostAndPeriod();
  await h.send('plan', [planDoc(plan)]);
  await handlers.confirmReceivedPlans({ projectIds: [plan.projectId] });
  return { handlers, plan };
}

describe('the dates of a change request’s steps', () => {
  it('refuses a step dated before the one before it, and records nothing', async () => {
    const { handlers, plan } = await withConfirmedPlan();
    await h.send('2019-H1', [changeDoc(submittedRequest(plan, [periodRow('2018.7 ~ 2023.6')]))]);
    // 요청 2019-07-01.
    await expect(
      handlers.decideChangeRequest({
        department: LEAD,
        requestId: REQUEST_ID,
        status: 'reviewing',
        date: '2019-06-30',
        by: '기획담당관',
        note: '',
      }),
    ).rejects.toMatchObject({
      code: 'DECISION_DATE_EARLY',
      message: expect.stringContaining("앞 단계 '요청'의 일자(2019-07-01)보다 이릅니다"),
    });
    await handlers.decideChangeRequest({
      department: LEAD,
      requestId: REQUEST_ID,
      status: 'reviewing',
      date: '2019-07-05',
      by: '기획담당관',
      note: '',
    });
    await expect(
      handlers.decideChangeRequest({
        department: LEAD,
        requestId: REQUEST_ID,
        status: 'approved',
        date: '2018-07-10',
        by: '시민공약평가단',
        note: '승인',
      }),
    ).rejects.toMatchObject({ code: 'DECISION_DATE_EARLY' });
    const view = await handlers.getOfficeReport(request);
    expect(view.report.changes.approved).toEqual([]);
    expect(view.pendingChangeRequests[0]?.decisionHistory.map((d) => d.status)).toEqual([
      'requested',
      'reviewing',
    ]);
    expect((await confirmedPlan()).projectPeriod).toEqual(plan.projectPeriod);
    // The same day as the step before is fine.
    await handlers.decideChangeRequest({
      department: LEAD,
      requestId: REQUEST_ID,
      status: 'approved',
      date: '2019-07-05',
      by: '시민공약평가단',
      note: '승인',
    });
    expect((await confirmedPlan()).projectPeriod).toEqual({ from: '2018-07', to: '2023-06' });
  });

  it('two approvals of the same field recorded out of date order: the later-dated one holds, now and after re-confirmation', async () => {
    const { handlers, plan } = await withConfirmedPlan();
    const a = { ...submittedRequest(plan, [periodRow('2018.7 ~ 2023.6')]), requestId: 'cr-A' };
    const b = { ...submittedRequest(plan, [periodRow('2018.7 ~ 2024.12')]), requestId: 'cr-B' };
    expect(await h.send('2019-H1', [changeDoc(a), changeDoc(b)])).toBe('accepted');
    const step = (requestId: string, status: 'reviewing' | 'approved', date: string) =>
      handlers.decideChangeRequest({ department: LEAD, requestId, status, date, by: '기획담당관', note: '' });
    await step('cr-A', 'reviewing', '2019-07-05');
    await step('cr-B', 'reviewing', '2019-07-05');
    // The panel approved A on 07-15 and B on 08-01; the office records B first, then A.
    await step('cr-B', 'approved', '2019-08-01');
    await step('cr-A', 'approved', '2019-07-15');
    // B's 사업기간 (the later approval) is the plan's, as the public change list reads.
    expect((await confirmedPlan()).projectPeriod).toEqual({ from: '2018-07', to: '2024-12' });
    const view = await handlers.getOfficeReport(request);
    expect(view.report.changes.approved.map((c) => c.approvedOn)).toContain('2019-08-01');
    // Re-confirming the department's unchanged plan gives the same values.
    await h.send('plan', [planDoc(plan)]);
    await handlers.confirmReceivedPlans({ projectIds: [plan.projectId] });
    expect((await confirmedPlan()).projectPeriod).toEqual({ from: '2018-07', to: '2024-12' });
  });
});
