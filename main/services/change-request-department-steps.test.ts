import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { changesCsv } from '../reports/public-report';
import { exportBaseline } from './baseline';
import { officeHandlers } from './office-handlers';
import { changeDoc, REQUEST_ID, submittedRequest } from './test-support/change-requests';
import { basePlan, LEAD, planDoc, request, useOfficeHarness } from './test-support/office-harness';

/**
 * 검토중, 승인 and 반려 are the office's and the citizens' panel's steps: a department's file that carries them
 * decides nothing. The office sees the request as requested, decides it, and only its own decision is published
 * and sent out in the baseline package.
 */

const h = useOfficeHarness();
const GOAL_CATEGORY = '공약내용 (최종목표 등)';

function requestClaiming(status: 'approved' | 'rejected') {
  const plan = basePlan();
  const sent = submittedRequest(plan, [
    { category: GOAL_CATEGORY, original: plan.policyGoal, proposed: '목표 축소' },
  ]);
  return {
    ...sent,
    lifecycle: 'confirmed',
    decisionHistory: [
      ...sent.decisionHistory,
      { status: 'reviewing', date: '2019-07-02', by: '기획담당관', note: '' },
      { status, date: '2019-07-03', by: '시민공약평가단', note: '부서가 적은 결정' },
    ],
  };
}

describe("a department's file claiming the office's steps", () => {
  for (const status of ['approved', 'rejected'] as const) {
    it(`a request sent already '${status}' waits for the office's decision, unpublished and not in the baseline`, async () => {
      const handlers = officeHandlers(h.office);
      const plan = basePlan();
      await h.send('plan', [planDoc(plan)]);
      await handlers.confirmReceivedPlan({ projectId: plan.projectId });
      expect(await h.send('2019-H1', [changeDoc(requestClaiming(status))])).toBe('accepted');

      const view = await handlers.getOfficeReport(request);
      expect(view.report.changes.approved).toEqual([]);
      expect(
        changesCsv(view.report)
          .split('\r\n')
          .filter((l) => l !== ''),
      ).toHaveLength(1); // the header alone
      expect(
        view.pendingChangeRequests.map((c) => [c.requestId, c.decisionHistory.map((d) => d.status)]),
      ).toEqual([[REQUEST_ID, ['requested']]]);
      expect(view.report.meta.undecided?.changeRequests).toBe(1);
      const baseline = await exportBaseline(h.office, join(h.dir.path, 'baseline.pledge'));
      expect(baseline).toMatchObject({ changeRequests: 0, rejectedChangeRequests: 0 });

      // The office decides it, as it would any request; the plan takes the change only on its approval.
      await handlers.decideChangeRequest({
        department: LEAD,
        requestId: REQUEST_ID,
        status: 'rejected',
        date: '2019-07-10',
        by: '기획담당관',
        note: '',
      });
      const after = await handlers.getOfficeReport(request);
      expect(after.pendingChangeRequests).toEqual([]);
      const rejected = await exportBaseline(h.office, join(h.dir.path, 'baseline-2.pledge'));
      expect(rejected).toMatchObject({ changeRequests: 0, rejectedChangeRequests: 1 });
      const confirmed = await h.office.db
        .selectFrom('documents')
        .select('json')
        .where('kind', '=', 'executionPlan')
        .executeTakeFirstOrThrow();
      expect((JSON.parse(confirmed.json) as { policyGoal: string }).policyGoal).toBe(plan.policyGoal);
    });
  }
});
