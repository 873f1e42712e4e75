import type { ChangeRequest, ExecutionPlan } from '../../../domain/documents';
import type { ChangeStep, PlanValues } from './random-office-changes';

/** Who writes the changes office's 조정 요청서 (one 담당 for every department). */
export const CONTACT = {
  position: 'officer' as const,
  unit: '담당과',
  name: '박주무관',
  phone: '02-2133-1002',
};

/**
 * The step of a department drafting a 조정 요청서 of its confirmed plan, 제출ing it at `at` and sending a file of
 * the half-year `period`; `sets` is what approving it sets in the plan.
 */
export function requestChangeStep(
  plan: ExecutionPlan,
  request: { requestId: string; rows: ChangeRequest['rows']; reason: string },
  period: string,
  at: string,
  sets: PlanValues,
): Extract<ChangeStep, { kind: 'requestChange' }> {
  return {
    kind: 'requestChange',
    department: plan.department,
    period,
    at,
    request: {
      kind: 'changeRequest',
      schemaVersion: 1,
      lifecycle: 'draft',
      requestId: request.requestId,
      projectId: plan.projectId,
      projectName: plan.projectName,
      department: plan.department,
      contact: CONTACT,
      rows: request.rows,
      reason: request.reason,
      evidence: [],
      decisionHistory: [],
    } as ChangeRequest,
    sets,
  };
}
