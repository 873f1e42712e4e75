import type { Kysely } from 'kysely';
import type { Conflict, OfficeReportView } from '../../domain/api/contract';
import type { Catalog } from '../../domain/catalog/types';
import {
  currentDecisionStatus,
  frozenFieldIssues,
  type ExecutionPlan,
  type ManagementCard,
} from '../../domain/documents';
import { buildOfficeReport, type ReportInput } from '../../domain/reports';
import type { Term } from '../../domain/term/types';
import { latestDecisions } from '../../db/office-decisions';
import type { Database } from '../../db/schema';
import { buildReportInput } from './office-snapshot';

export interface ReportRequest {
  periodId: string;
  comparePeriodId?: string | undefined;
  executionRateThreshold?: number | undefined;
  today: string;
}

/** Cards whose frozen fields (정책목표, 단위사업, 추진계획) differ from the confirmed plan. */
export function frozenFieldConflicts(
  plans: ExecutionPlan[],
  cards: ManagementCard[],
): Omit<Conflict, 'resolution'>[] {
  const plansById = new Map(plans.map((p) => [p.projectId, p]));
  const conflicts: Omit<Conflict, 'resolution'>[] = [];
  for (const card of cards) {
    const plan = plansById.get(card.projectId);
    if (!plan) continue;
    const frozen = frozenFieldIssues(card, plan).errors.filter(
      (e) => e.code === 'frozen.changed' || e.code === 'unit.missing' || e.code === 'unit.unknown',
    );
    if (frozen.length === 0) continue;
    conflicts.push({
      key: `frozen:${card.projectId}:${card.periodId}:${card.department}`,
      kind: 'frozenFields',
      projectId: card.projectId,
      periodId: card.periodId,
      department: card.department,
      message: `${card.projectId} 관리카드(${card.department})의 확정 항목이 확정된 실천계획서와 다릅니다.`,
      details: frozen.map((e) => `${e.path}: ${e.message}`),
    });
  }
  return conflicts;
}

/** The report input with the office's decisions applied: rejected cards leave the tables, rejected 완료 reverts. */
async function decidedInput(
  db: Kysely<Database>,
  input: ReportInput,
  completion: Awaited<ReturnType<typeof latestDecisions>>,
): Promise<{ input: ReportInput; conflicts: Conflict[] }> {
  const conflictDecisions = await latestDecisions(db, 'conflict');
  const conflicts = frozenFieldConflicts(input.plans, input.cards).map((c) => ({
    ...c,
    resolution: conflictDecisions.get(c.key)?.decision ?? null,
  }));
  const rejected = new Set(
    conflicts.filter((c) => c.resolution === 'rejected').map((c) => `${c.projectId}|${c.department}`),
  );
  const cards = input.cards
    .filter((card) => !rejected.has(`${card.projectId}|${card.department}`))
    .map((card) => {
      const decision = completion.get(`${card.projectId}:${card.periodId}`);
      if (card.status !== 'completed' || decision?.decision !== 'rejected') return card;
      // 완료 not accepted by the office: the project stays 정상추진 until a later half-year's request is accepted.
      return { ...card, status: 'onTrack' as const };
    });
  return { input: { ...input, cards }, conflicts };
}

export type OfficeReportResult = OfficeReportView;

export async function officeReport(
  db: Kysely<Database>,
  catalog: Catalog,
  term: Term,
  request: ReportRequest,
): Promise<OfficeReportResult> {
  const raw = await buildReportInput(
    db,
    catalog,
    term,
    request.periodId,
    { executionRateThreshold: request.executionRateThreshold ?? 0.3, today: request.today },
    request.comparePeriodId,
  );
  const completion = await latestDecisions(db, 'completion');
  const completionRequests = raw.cards
    .filter((c) => c.status === 'completed')
    .map((c) => ({
      projectId: c.projectId,
      department: c.department,
      decision: completion.get(`${c.projectId}:${c.periodId}`)?.decision ?? null,
    }));
  const { input, conflicts } = await decidedInput(db, raw, completion);
  // The input already holds the current change requests (read by buildReportInput a moment ago).
  const pendingChangeRequests = raw.changeRequests.filter((c) => {
    const status = currentDecisionStatus(c);
    return status !== null && status !== 'approved' && status !== 'rejected';
  });
  return { report: buildOfficeReport(input), conflicts, completionRequests, pendingChangeRequests };
}
