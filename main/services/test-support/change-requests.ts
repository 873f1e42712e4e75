import type { ExecutionPlan } from '../../../domain/documents';
import { LEAD } from './office-harness';

/** The request id the office tests' change requests use (the app's "cr-" and a timestamp). */
export const REQUEST_ID = 'cr-0001561942888990';

/** A change request of the plan's project as the lead department's 제출 leaves it: its one step is 요청. */
export function submittedRequest(
  plan: ExecutionPlan,
  rows: { category: string; original: string; proposed: string }[],
  reason = '사업 여건 변화',
) {
  return {
    kind: 'changeRequest',
    schemaVersion: 1,
    lifecycle: 'submitted',
    requestId: REQUEST_ID,
    projectId: plan.projectId,
    projectName: plan.projectName,
    department: LEAD,
    contact: { position: 'officer', unit: '투자창업과', name: '박지훈', phone: '02-2133-5011' },
    rows,
    reason,
    evidence: [],
    decisionHistory: [{ status: 'requested', date: '2019-07-01', by: LEAD, note: '' }],
  };
}

/** The request as a bundle member (project 1-1-1, as the harness's plans). */
export const changeDoc = (json: { requestId: string }) => ({
  path: `documents/change-1-1-1-${json.requestId}.json`,
  json,
});
