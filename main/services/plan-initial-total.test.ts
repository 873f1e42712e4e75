// 붙임5's 초기계획 is "2018년 임기시작 시점 최초 공약실천계획의 총계": the plan as the office first confirmed it, for
// every half-year, however often a department re-sends its plan and the office confirms it again.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptySourceGrid, type ExecutionPlan } from '../../domain/documents';
import { createAppContext } from './context';
import { officeHandlers } from './office-handlers';
import { currentOfficeReport } from './office-report-cache';
import {
  approveRequest,
  changeDoc,
  planWithCostAndPeriod,
  submittedRequest,
} from './test-support/change-requests';
import { basePlan, cardDoc, cardFor, planDoc, useOfficeHarness } from './test-support/office-harness';

const h = useOfficeHarness();

/** The plan with 연차별 투자수요 of `amount` 백만원 in all: 2019 시비 of its first unit, nothing elsewhere. */
function planNeeding(plan: ExecutionPlan, amount: number): ExecutionPlan {
  return {
    ...plan,
    unitProjects: plan.unitProjects.map((u, i) => ({
      ...u,
      investmentNeeds: i === 0 ? { ...emptySourceGrid(), city: { '2019': amount } } : emptySourceGrid(),
    })),
  };
}

const H1 = { periodId: '2019-H1', today: '2019-07-20' };
const H2 = { periodId: '2019-H2', today: '2020-01-20' };
const LATER = { periodId: '2020-H1', today: '2020-07-20' };

/** 1-1-1's 붙임5 row in a report. */
const rowOf = (view: Awaited<ReturnType<typeof currentOfficeReport>>) =>
  view.report.finance.areas.flatMap((a) => a.rows).find((r) => r.projectId === '1-1-1');

/** A connection to the office's data folder with nothing parsed or kept (as the CLI opens it). */
const freshContext = () =>
  createAppContext({
    profileDir: join(h.dir.path, 'fresh-profile'),
    dataDirOverride: h.office.dataDir,
    mode: 'cli',
    appVersion: '0.1.0',
  });

describe('붙임5 초기계획 after a plan is confirmed again', () => {
  it('stays the first confirmed plan total; the frozen fields and 현재계획 without a card follow the new plan', async () => {
    const handlers = officeHandlers(h.office);
    const plan = planNeeding(basePlan(), 100);
    expect(await h.send('plan', [planDoc(plan)])).toBe('accepted');
    await handlers.confirmReceivedPlans({ projectIds: [plan.projectId] });
    expect(await h.send('2019-H1', [cardDoc(cardFor(plan, 'onTrack'))])).toBe('accepted');
    expect(await h.send('2019-H2', [cardDoc(cardFor(plan, 'onTrack'), '2019-H2')])).toBe('accepted');
    const before = await currentOfficeReport(h.office.db, H1);
    expect(rowOf(before)?.plannedTotal.initial).toBe(100);

    // The department re-sends its plan with 150 and another 정책목표; the office confirms it again.
    const resent = { ...planNeeding(plan, 150), policyGoal: '다시 보낸 정책목표' };
    expect(await h.send('plan', [planDoc(resent)])).toBe('accepted');
    const state = (await handlers.listPlanConfirmations()).find((r) => r.projectId === plan.projectId);
    expect(state?.state).toBe('newerReceived');
    await handlers.confirmReceivedPlans({ projectIds: [plan.projectId] });

    // Every half-year, the one reported before the re-confirmation included, keeps the first plan's 100, unmarked.
    const past = rowOf(await currentOfficeReport(h.office.db, H1));
    expect(past?.plannedTotal.initial).toBe(100);
    expect(past?.changedFields).not.toContain('plannedTotal.initial');
    const h2 = await currentOfficeReport(h.office.db, H2);
    expect(rowOf(h2)?.plannedTotal.initial).toBe(100);
    // Without a card for the half-year, 현재계획 and 임기내 계획 are the plan in force.
    const withoutCard = rowOf(await currentOfficeReport(h.office.db, LATER));
    expect(withoutCard?.plannedTotal).toEqual({ initial: 100, current: 150 });
    expect(withoutCard?.termPlan.total).toBe(150);
    // The frozen fields are held to the new plan as before: the 2019-H2 card (its half-year not over when the plan
    // was confirmed again) still carries the first 정책목표.
    expect(h2.conflicts.filter((c) => c.kind === 'frozenFields').map((c) => c.details[0])).toEqual([
      expect.stringContaining('확정: "다시 보낸 정책목표"'),
    ]);

    // What the office keeps between reports gives what a connection with nothing kept builds.
    for (const request of [H1, H2, LATER]) {
      const kept = await currentOfficeReport(h.office.db, request);
      const fresh = await freshContext();
      try {
        expect(kept, request.periodId).toEqual(await currentOfficeReport(fresh.db, request));
      } finally {
        await fresh.close();
      }
    }
  });

  it('an approved 총사업비 change and a confirmation after it leave 초기계획 as first confirmed', async () => {
    const handlers = officeHandlers(h.office);
    const plan = planNeeding(planWithCostAndPeriod(), 100);
    await h.send('plan', [planDoc(plan)]);
    await handlers.confirmReceivedPlans({ projectIds: [plan.projectId] });
    const cost = { category: '총사업비', original: '12,000 백만원', proposed: '15,000 백만원' };
    expect(await h.send('2019-H1', [changeDoc(submittedRequest(plan, [cost]))])).toBe('accepted');
    await approveRequest(handlers);
    await h.send('plan', [planDoc(planNeeding(plan, 150))]);
    await handlers.confirmReceivedPlans({ projectIds: [plan.projectId] });

    // Three confirmed versions: 실천계획 확정 (100), the approval, 실천계획 확정 again (150, the approval kept).
    const versions = await h.office.db
      .selectFrom('document_versions')
      .select(['version', 'status'])
      .where('document_id', '=', `executionPlan:${plan.projectId}:plan:${plan.department}`)
      .execute();
    expect(versions.map((v) => [v.version, v.status])).toEqual([
      [1, 'confirmed'],
      [2, 'confirmed'],
      [3, 'confirmed'],
    ]);
    const view = await currentOfficeReport(h.office.db, LATER);
    expect(rowOf(view)?.plannedTotal).toEqual({ initial: 100, current: 150 });
    // The plan in force carries the approved 총사업비.
    const stored = await h.office.db
      .selectFrom('documents')
      .select('json')
      .where('kind', '=', 'executionPlan')
      .executeTakeFirstOrThrow();
    expect((JSON.parse(stored.json) as ExecutionPlan).totalCost).toEqual({ kind: 'amount', amount: 15000 });
  });
});
