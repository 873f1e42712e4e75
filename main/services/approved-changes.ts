import type { Kysely, Transaction } from 'kysely';
import type { ApprovedFieldKept } from '../../domain/plans/confirmation';
import {
  changeValuesOf,
  PLAN_CHANGE_FIELD_LABELS,
  planFieldText,
  samePlanField,
  withChangeValues,
  type PlanChangeField,
  type PlanChangeValues,
} from '../../domain/documents/change-apply';
import { changeRequestSchema, currentDecisionStatus, type ExecutionPlan } from '../../domain/documents';
import type { Database } from '../../db/schema';

/**
 * What the citizens' panel approved stands: the plan fields every approved change request of a project set, in
 * the order they were approved (a later approval of the same field wins), so that confirming a plan the
 * department sent again (perhaps still with the old 사업기간 or 정책목표) cannot silently undo them.
 */
export async function approvedPlanValues(
  db: Kysely<Database> | Transaction<Database>,
  projectId?: string,
): Promise<Map<string, PlanChangeValues>> {
  let query = db
    .selectFrom('documents')
    .select(['project_id', 'json', 'updated_at'])
    .where('kind', '=', 'changeRequest')
    .where('status', '=', 'confirmed');
  if (projectId !== undefined) query = query.where('project_id', '=', projectId);
  const approved = (await query.execute())
    .map((row) => ({ request: changeRequestSchema.parse(JSON.parse(row.json)), savedAt: row.updated_at }))
    .filter(({ request }) => currentDecisionStatus(request) === 'approved')
    .map(({ request, savedAt }) => ({
      request,
      order: `${request.decisionHistory.at(-1)?.date ?? ''}|${savedAt}`,
    }))
    .sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0));
  const out = new Map<string, PlanChangeValues>();
  for (const { request } of approved) {
    const values = changeValuesOf(request);
    if (Object.keys(values).length === 0) continue;
    out.set(request.projectId, { ...out.get(request.projectId), ...values });
  }
  return out;
}

/** The approved fields a received plan writes otherwise: confirming it keeps the approved values. */
export function approvedFieldsKept(received: ExecutionPlan, values: PlanChangeValues): ApprovedFieldKept[] {
  const approved = withChangeValues(received, values);
  return (Object.keys(values) as PlanChangeField[])
    .filter((field) => !samePlanField(received, approved, field))
    .map((field) => ({
      label: PLAN_CHANGE_FIELD_LABELS[field],
      received: planFieldText(received, field),
      approved: planFieldText(approved, field),
    }));
}
