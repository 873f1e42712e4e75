import { describe, expect, it } from 'vitest';
import type { ExecutionPlan } from '../../domain/documents';
import { officeHandlers } from './office-handlers';
import { basePlan, planDoc, useOfficeHarness } from './test-support/office-harness';
import {
  approveRequest,
  changeDoc,
  planWithCostAndPeriod,
  submittedRequest,
  ym,
} from './test-support/change-requests';

// A plan the department sends again after the citizens' panel approved a change of it (perhaps its old plan, with
// the old 정책목표 and 사업기간): 실천계획 확정 marks it, and confirming it keeps what the panel approved.

const h = useOfficeHarness();

async function confirmedPlan(): Promise<ExecutionPlan> {
  const row = await h.office.db
    .selectFrom('documents')
    .select('json')
    .where('kind', '=', 'executionPlan')
    .executeTakeFirstOrThrow();
  return JSON.parse(row.json) as ExecutionPlan;
}

describe('confirming a plan again after an approved change request', () => {
  it('marks the fields the received plan writes otherwise, and confirming keeps the approved values', async () => {
    const handlers = officeHandlers(h.office);
    const plan = planWithCostAndPeriod();
    await h.send('plan', [planDoc(plan)]);
    await handlers.confirmReceivedPlans({ projectIds: [plan.projectId] });

    const goal = `${plan.policyGoal} (조정)`;
    const end = { year: 2023, month: 12 };
    const request = submittedRequest(plan, [
      { category: '공약내용 (최종목표 등)', original: plan.policyGoal, proposed: goal },
      {
        category: '사업기간',
        original: '2018년 7월 ~ 2022년 6월',
        proposed: `2018.7 ~ ${end.year}.${end.month}`,
      },
    ]);
    expect(await h.send('2019-H1', [changeDoc(request)])).toBe('accepted');
    await approveRequest(handlers);
    const approvedPeriod = { from: plan.projectPeriod.from, to: ym(end.year, end.month) };
    expect(await confirmedPlan()).toMatchObject({ policyGoal: goal, projectPeriod: approvedPeriod });

    // The department sends its old plan again, with a new 총사업비 (a field no approved request set).
    const resentCost = { kind: 'amount' as const, amount: 13000 };
    await h.send('plan', [planDoc({ ...plan, totalCost: resentCost })]);
    const row = (await handlers.listPlanConfirmations()).find((r) => r.projectId === plan.projectId);
    expect(row?.state).toBe('newerReceived');
    expect(row?.approvedKept).toEqual([
      { label: '정책목표', received: plan.policyGoal, approved: goal },
      {
        label: '사업기간',
        received: '2018년 7월 ~ 2022년 6월',
        approved: `2018년 7월 ~ ${end.year}년 ${end.month}월`,
      },
    ]);

    expect(await handlers.confirmReceivedPlans({ projectIds: [plan.projectId] })).toEqual({
      confirmed: [plan.projectId],
      approvedKept: [{ projectId: plan.projectId, labels: ['정책목표', '사업기간'] }],
    });
    // The panel's decision stands; the rest of the received plan is confirmed.
    expect(await confirmedPlan()).toMatchObject({
      policyGoal: goal,
      projectPeriod: approvedPeriod,
      totalCost: resentCost,
    });
    // Confirmed: the received plan no longer waits, though the stored plan differs from it in the kept fields.
    const after = (await handlers.listPlanConfirmations()).find((r) => r.projectId === plan.projectId);
    expect(after).toMatchObject({ state: 'confirmed', approvedKept: [] });
  });

  it('says nothing is kept when the received plan already carries the approved change', async () => {
    const handlers = officeHandlers(h.office);
    const plan = basePlan();
    await h.send('plan', [planDoc(plan)]);
    await handlers.confirmReceivedPlans({ projectIds: [plan.projectId] });
    const name = `${plan.projectName} (개칭)`;
    const request = submittedRequest(
      plan,
      [{ category: '공약명', original: plan.projectName, proposed: name }],
      '명칭 변경',
    );
    await h.send('2019-H1', [changeDoc(request)]);
    await approveRequest(handlers);
    const detailed = '부서가 보완한 세부계획';
    const units = plan.unitProjects.map((u, i) => (i === 0 ? { ...u, detailedPlan: detailed } : u));
    await h.send('plan', [planDoc({ ...plan, projectName: name, unitProjects: units })]);
    const row = (await handlers.listPlanConfirmations()).find((r) => r.projectId === plan.projectId);
    expect(row).toMatchObject({ state: 'newerReceived', approvedKept: [] });
    expect(await handlers.confirmReceivedPlans({ projectIds: [plan.projectId] })).toEqual({
      confirmed: [plan.projectId],
      approvedKept: [],
    });
    expect((await confirmedPlan()).unitProjects[0]?.detailedPlan).toBe(detailed);
  });
});
