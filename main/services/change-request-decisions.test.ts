import { describe, expect, it } from 'vitest';
import type { ExecutionPlan } from '../../domain/documents';
import { officeHandlers } from './office-handlers';
import {
  basePlan,
  LEAD,
  planDoc,
  request as reportRequest,
  useOfficeHarness,
} from './test-support/office-harness';

const h = useOfficeHarness();

/** A change request as the department's 제출 records it: one '요청' step, nothing else. */
function submittedRequest(plan: ExecutionPlan, proposed: string, requestedOn: string) {
  return {
    kind: 'changeRequest',
    schemaVersion: 1,
    lifecycle: 'submitted',
    requestId: 'cr-0001561942888990',
    projectId: plan.projectId,
    projectName: plan.projectName,
    department: LEAD,
    contact: { position: 'officer', unit: '투자창업과', name: '박지훈', phone: '02-2133-5011' },
    rows: [{ category: '공약내용 (최종목표 등)', original: plan.policyGoal, proposed }],
    reason: '사업 여건 변화',
    evidence: [],
    decisionHistory: [{ status: 'requested', date: requestedOn, by: LEAD, note: '' }],
  };
}

const changeDoc = (json: { requestId: string }) => ({
  path: `documents/change-1-1-1-${json.requestId}.json`,
  json,
});

async function confirmedPolicyGoal(): Promise<string> {
  const row = await h.office.db
    .selectFrom('documents')
    .select('json')
    .where('kind', '=', 'executionPlan')
    .executeTakeFirstOrThrow();
  return (JSON.parse(row.json) as ExecutionPlan).policyGoal;
}

describe('change requests as departments send them', () => {
  it('a request with only its 요청 step (what 제출 records) can be reviewed and then approved by the office', async () => {
    const handlers = officeHandlers(h.office);
    const plan = basePlan();
    await h.send('plan', [planDoc(plan)]);
    await handlers.confirmReceivedPlan({ projectId: plan.projectId });
    const proposed = `${plan.policyGoal} (목표 조정)`;
    const sent = submittedRequest(plan, proposed, '2019-07-01');
    expect(await h.send('2019-H1', [changeDoc(sent)])).toBe('accepted');

    const decide = (status: 'reviewing' | 'approved', by: string) =>
      handlers.decideChangeRequest({
        department: LEAD,
        requestId: sent.requestId,
        status,
        date: '2019-07-10',
        by,
        note: '',
      });
    await decide('reviewing', '기획담당관');
    await decide('approved', '시민공약평가단');

    expect(await confirmedPolicyGoal()).toBe(proposed);
    const view = await handlers.getOfficeReport(reportRequest);
    expect(view.report.changes.approved.map((c) => c.decisionHistory.map((d) => d.status))).toEqual([
      ['requested', 'reviewing', 'approved'],
    ]);
  });

  it('a request the department corrected and sent again after the office began its review is decided on the corrected text', async () => {
    const handlers = officeHandlers(h.office);
    const plan = basePlan();
    await h.send('plan', [planDoc(plan)]);
    await handlers.confirmReceivedPlan({ projectId: plan.projectId });
    const first = submittedRequest(plan, `${plan.policyGoal} (1차안)`, '2019-07-01');
    expect(await h.send('2019-H1', [changeDoc(first)])).toBe('accepted');
    await handlers.decideChangeRequest({
      department: LEAD,
      requestId: first.requestId,
      status: 'reviewing',
      date: '2019-07-05',
      by: '기획담당관',
      note: '변경안 문구 보완 요청',
    });

    // The department corrects 변경안 and 사유 (the office asked it to) and sends the request again.
    const corrected = {
      ...submittedRequest(plan, `${plan.policyGoal} (보완안)`, '2019-07-01'),
      reason: '사업 여건 변화 (보완)',
    };
    expect(await h.send('2019-H1', [changeDoc(corrected)])).toBe('accepted');

    const pending = (await handlers.getOfficeReport(reportRequest)).pendingChangeRequests;
    expect(pending).toHaveLength(1);
    expect(pending[0]?.rows.map((r) => r.proposed)).toEqual([corrected.rows[0]?.proposed]);
    expect(pending[0]?.reason).toBe(corrected.reason);
    // The office's own step is kept.
    expect(pending[0]?.decisionHistory.map((d) => d.status)).toEqual(['requested', 'reviewing']);

    await handlers.decideChangeRequest({
      department: LEAD,
      requestId: first.requestId,
      status: 'approved',
      date: '2019-07-10',
      by: '시민공약평가단',
      note: '',
    });
    expect(await confirmedPolicyGoal()).toBe(corrected.rows[0]?.proposed);
    const view = await handlers.getOfficeReport(reportRequest);
    expect(view.report.changes.approved[0]?.reason).toBe(corrected.reason);
  });
});
