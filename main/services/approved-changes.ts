import type { Kysely, Transaction } from 'kysely';
import type { ApprovedFieldKept } from '../../domain/plans/confirmation';
import {
  changeRowField,
  changeValuesOf,
  mergeChangeValues,
  PLAN_CHANGE_FIELD_LABELS,
  planFieldText,
  samePlanField,
  withChangeValues,
  type PlanChangeField,
  type PlanChangeValues,
} from '../../domain/documents/change-apply';
import {
  changeRequestSchema,
  currentDecisionStatus,
  type ChangeRequest,
  type ExecutionPlan,
} from '../../domain/documents';
import { listPeriods } from '../../domain/term/periods';
import type { Database } from '../../db/schema';
import { loadTerm } from './reference';

/**
 * The term's half-years, which a 연차별 추진계획 row's 반기 must be among; read only when one of the requests has
 * such a row (the only rows that need them).
 */
export async function schedulePeriods(
  db: Kysely<Database> | Transaction<Database>,
  requests: readonly Pick<ChangeRequest, 'rows'>[],
): Promise<string[] | undefined> {
  const needed = requests.some((r) => r.rows.some((row) => changeRowField(row.category) === 'unitSchedules'));
  return needed ? listPeriods(await loadTerm(db)).map((p) => p.id) : undefined;
}

/**
 * What the citizens' panel approved stands: the plan fields every approved change request of a project set, in
 * the order they were approved (a later approval of the same field wins; 연차별 추진계획 by unit), so that
 * confirming a plan the department sent again (perhaps still with the old 사업기간 or 정책목표) cannot silently undo
 * them.
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
  const periods = await schedulePeriods(
    db,
    approved.map((a) => a.request),
  );
  const out = new Map<string, PlanChangeValues>();
  for (const { request } of approved) {
    const values = changeValuesOf(request, periods);
    if (Object.keys(values).length === 0) continue;
    out.set(request.projectId, mergeChangeValues(out.get(request.projectId) ?? {}, values));
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
