import type { ExecutionPlan } from '../../../domain/documents';
import type { officeHandlers } from '../office-handlers';
import { basePlan, LEAD } from './office-harness';

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

/** "2018-07" for 2018, 7: a year and month as plans store them. */
export const ym = (year: number, month: number) => `${year}-${String(month).padStart(2, '0')}`;

/** The harness's plan with a 총사업비 of 12,000 백만원 and a 사업기간 of 2018-07 ~ 2022-06. */
export function planWithCostAndPeriod(): ExecutionPlan {
  return {
    ...basePlan(),
    totalCost: { kind: 'amount', amount: 12000 },
    projectPeriod: { from: ym(2018, 7), to: ym(2022, 6) },
  };
}

/** The office records the request's review and then the citizens' panel's approval. */
export async function approveRequest(handlers: ReturnType<typeof officeHandlers>): Promise<void> {
  for (const [status, by] of [
    ['reviewing', '기획담당관'],
    ['approved', '시민공약평가단'],
  ] as const) {
    await handlers.decideChangeRequest({
      department: LEAD,
      requestId: REQUEST_ID,
      status,
      date: '2019-07-10',
      by,
      note: '',
    });
  }
}
