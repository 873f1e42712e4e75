import { currentDecisionStatus, DECISION_STATUSES, type DecisionStatus, requestedOn } from '../documents';
import type { ReportContext } from './context';
import type { ApprovedChange, ChangesReport } from './types';

/** The history of approved 공약 조정 (published with their reasons), oldest approval first. */
export function buildChanges(ctx: ReportContext): ChangesReport {
  const countsByStatus = Object.fromEntries([...DECISION_STATUSES, 'draft'].map((s) => [s, 0])) as Record<
    DecisionStatus | 'draft',
    number
  >;
  const approved: ApprovedChange[] = [];
  for (const request of ctx.input.changeRequests) {
    const status = currentDecisionStatus(request);
    countsByStatus[status ?? 'draft'] += 1;
    if (status !== 'approved') continue;
    const decision = request.decisionHistory.at(-1);
    approved.push({
      requestId: request.requestId,
      projectId: request.projectId,
      projectName: ctx.projectById.get(request.projectId)?.name ?? request.projectName,
      department: request.department,
      requestedOn: requestedOn(request),
      approvedOn: decision?.date ?? '',
      approvedBy: decision?.by ?? '',
      reason: request.reason,
      rows: request.rows.map((r) => ({ ...r })),
      evidence: request.evidence.map((e) => ({
        description: e.description,
        file: { sha256: e.file.sha256, name: e.file.name },
      })),
      decisionHistory: request.decisionHistory.map((d) => ({ ...d })),
    });
  }
  approved.sort((a, b) =>
    a.approvedOn === b.approvedOn
      ? a.requestId.localeCompare(b.requestId)
      : a.approvedOn < b.approvedOn
        ? -1
        : 1,
  );
  return { approved, countsByStatus };
}
