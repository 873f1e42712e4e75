import type { Kysely } from 'kysely';
import type { PlanChangeEffect, PlanChangePreview, PlanChangeUnreadable } from '../../domain/api/contract';
import { planDepartmentOf } from '../../domain/catalog/assignments';
import { findProject } from '../../domain/catalog/lookup';
import {
  changeRowField,
  PLAN_CHANGE_FIELD_LABELS,
  planFieldText,
  readChangeRow,
  samePlanField,
  withChangeValues,
  changeValuesOf,
  type PlanChangeValues,
} from '../../domain/documents/change-apply';
import { unitNamesProblem, unitSchedulesProblem, withUnitNames } from '../../domain/documents/change-units';
import type { Catalog } from '../../domain/catalog/types';
import {
  changeRequestSchema,
  currentDecisionStatus,
  DECISION_STATUS_LABELS,
  executionPlanSchema,
  nextDecisionStatuses,
  type ChangeRequest,
  type DecisionStatus,
  type ExecutionPlan,
  sourceSumsMilli,
  toMilli,
} from '../../domain/documents';
import { formatAmount } from '../../domain/documents/validate-format';
import { saveDocument } from '../../db/documents';
import type { Database } from '../../db/schema';
import { PLAN_SLOT } from './document-identity';
import { UserError } from './errors';
import { confirmedPlans } from './confirmed-plans';
import { currentChangeRequests } from './office-snapshot';
import { josa } from '../../domain/text/josa';
import type { ApprovedFieldKept } from '../../domain/plans/confirmation';
import { approvedFieldsKept, approvedPlanValues } from './approved-changes';

/** The latest plan a department sent for a project, whatever its lifecycle. */
async function latestReceivedPlan(
  db: Kysely<Database>,
  projectId: string,
  department: string,
): Promise<ExecutionPlan | null> {
  const row = await db
    .selectFrom('received_documents')
    .innerJoin('bundles', 'bundles.sha256', 'received_documents.bundle_sha256')
    .select(['received_documents.json'])
    .where('bundles.status', '=', 'accepted')
    .where('received_documents.kind', '=', 'executionPlan')
    .where('received_documents.project_id', '=', projectId)
    .where('received_documents.department', '=', department)
    .orderBy('received_documents.revision', 'desc')
    .executeTakeFirst();
  return row ? executionPlanSchema.parse(JSON.parse(row.json)) : null;
}

/**
 * The office confirms a department's plan (after the citizens' panel): it becomes the frozen baseline. What the
 * panel approved since an earlier confirmation stands: the approved change requests' fields are kept over what
 * the received plan says (a plan sent again with the old 사업기간 does not undo the approval), and returned.
 */
export async function confirmReceivedPlan(
  db: Kysely<Database>,
  catalog: Catalog,
  projectId: string,
  now: Date,
): Promise<{ plan: ExecutionPlan; approvedKept: ApprovedFieldKept[] }> {
  const project = findProject(catalog, projectId);
  if (!project) throw new UserError('PROJECT_UNKNOWN', `공약사업 목록에 없는 사업 번호입니다: ${projectId}`);
  // After a move (부서 이관) the plan stays its first lead's.
  const writer = planDepartmentOf(project);
  const plan = await latestReceivedPlan(db, projectId, writer);
  if (!plan) {
    throw new UserError(
      'PLAN_NOT_RECEIVED',
      `${projectId}의 공약실천계획서를 ${writer}에서 아직 받지 않았습니다.`,
    );
  }
  const approved = (await approvedPlanValues(db, projectId)).get(projectId) ?? {};
  const approvedKept = approvedFieldsKept(plan, approved);
  const confirmed: ExecutionPlan = { ...withChangeValues(plan, approved), lifecycle: 'confirmed' };
  await saveDocument(
    db,
    {
      kind: 'executionPlan',
      projectId,
      slot: PLAN_SLOT,
      department: writer,
      json: confirmed,
      status: 'confirmed',
      reason: 'confirm',
      allowFrozen: true,
    },
    now,
  );
  return { plan: confirmed, approvedKept };
}

const sameText = (a: string, b: string): boolean =>
  a.replace(/\s+/g, ' ').trim() === b.replace(/\s+/g, ' ').trim();

/**
 * Why a row's values do not fit the plan's units, or null (always null for fields other than 단위사업 and 연차별
 * 추진계획). A 연차별 추진계획 block may name a unit by the name the request's 단위사업 row gives it (`renames`).
 */
function unitsProblem(
  plan: ExecutionPlan,
  values: PlanChangeValues,
  renames: PlanChangeValues,
): string | null {
  if (values.unitNames !== undefined) return unitNamesProblem(plan, values.unitNames);
  if (values.unitSchedules !== undefined) {
    const renamed = renames.unitNames === undefined ? plan : (withUnitNames(plan, renames.unitNames) ?? plan);
    return unitSchedulesProblem(plan, values.unitSchedules, renamed);
  }
  return null;
}

/**
 * What the request's rows do to the plan: the fields they rewrite, and the rows of such fields it cannot read or
 * that do not fit the plan's units (as withChangeValues leaves such a field alone).
 */
function readRows(
  plan: ExecutionPlan,
  request: ChangeRequest,
  periods: readonly string[] | undefined,
): { effects: PlanChangeEffect[]; unreadable: PlanChangeUnreadable[] } {
  const effects: PlanChangeEffect[] = [];
  const unreadable: PlanChangeUnreadable[] = [];
  const renames: PlanChangeValues = { unitNames: changeValuesOf(request, periods).unitNames };
  request.rows.forEach((row, index) => {
    const read = readChangeRow(row, periods);
    if (read === null) return;
    const problem = 'problem' in read ? read.problem : unitsProblem(plan, read.values, renames);
    if (problem !== null) {
      unreadable.push({
        row: index + 1,
        category: row.category.trim(),
        proposed: row.proposed,
        reason: problem,
      });
      return;
    }
    if ('problem' in read) return;
    const { field } = read;
    const current = planFieldText(plan, field);
    const original = readChangeRow({ category: row.category, proposed: row.original }, periods);
    const originalMatches =
      sameText(row.original, current) ||
      (original !== null &&
        'values' in original &&
        unitsProblem(plan, original.values, {}) === null &&
        samePlanField(withChangeValues(plan, original.values), plan, field));
    // A schedule's blocks are headed by the units' names after the request's renames, as the plan will be.
    const proposedValues = field === 'unitSchedules' ? { ...renames, ...read.values } : read.values;
    effects.push({
      field,
      label: PLAN_CHANGE_FIELD_LABELS[field],
      current,
      proposed: planFieldText(withChangeValues(plan, proposedValues), field),
      originalMatches,
    });
  });
  return { effects, unreadable };
}

/**
 * What approving the request will do, shown before the office records it: the plan's fields it rewrites, the
 * rows of such fields it cannot read or fit to the plan's units (with why), and the 구분 of the rows it only
 * records in the change history (a row without 구분 is 기타). `periods`: the term's half-years (readChangeRow).
 */
export function planChangePreview(
  plan: ExecutionPlan | undefined,
  request: ChangeRequest,
  periods: readonly string[] | undefined,
): PlanChangePreview {
  const notApplied: string[] = [];
  for (const row of request.rows) {
    if (changeRowField(row.category) !== null) continue;
    const category = row.category.trim() || '기타';
    if (!notApplied.includes(category)) notApplied.push(category);
  }
  const read = plan ? readRows(plan, request, periods) : { effects: [], unreadable: [] };
  return {
    planConfirmed: plan !== undefined,
    ...read,
    notApplied,
    warnings: plan && periods ? approvalWarnings(plan, request, read.effects, periods) : [],
  };
}

/**
 * What the plan would say against itself once approved: a 총사업비 rewritten while the 연차별 투자수요 (which no
 * request row rewrites) keeps another 임기내 계 — the plan's own check (totalCost.mismatch) on the approved plan.
 */
function approvalWarnings(
  plan: ExecutionPlan,
  request: ChangeRequest,
  effects: readonly PlanChangeEffect[],
  periods: readonly string[],
): string[] {
  if (!effects.some((e) => e.field === 'totalCost')) return [];
  const approved = withChangeValues(plan, changeValuesOf(request, periods));
  const cost = approved.totalCost;
  if (cost?.kind !== 'amount') return [];
  // The term's budget years are the years of its half-years ('18 … '22.6월).
  const years = [...new Set(periods.map((p) => p.slice(0, 4)))];
  const withinMilli = approved.unitProjects.reduce(
    (acc, u) => acc + sourceSumsMilli(u.investmentNeeds, years).reduce((a, b) => a + b, 0),
    0,
  );
  if (toMilli(cost.amount) === withinMilli) return [];
  return [
    `승인하면 총사업비는 ${formatAmount(cost.amount)}이 되지만, 연차별 투자수요의 임기내 계는 ${formatAmount(withinMilli / 1000)} 그대로입니다 (투자수요는 조정 요청서로 바뀌지 않습니다). 승인한다면 부서가 다음 관리카드에서 연차별 투자수요를 현행화하도록 알리세요.`,
  ];
}

export interface ChangeDecisionInput {
  department: string;
  requestId: string;
  status: DecisionStatus;
  date: string;
  by: string;
  note: string;
}

/**
 * Records the next step of a change request. An approval (the citizens' panel) also rewrites the confirmed plan's
 * frozen fields; the plan's earlier version stays in its version history.
 */
export async function decideChangeRequest(
  db: Kysely<Database>,
  input: ChangeDecisionInput,
  now: Date,
): Promise<ChangeRequest> {
  const request = (await currentChangeRequests(db)).find(
    (c) => c.department === input.department && c.requestId === input.requestId,
  );
  if (!request)
    throw new UserError(
      'REQUEST_NOT_FOUND',
      `조정 요청서를 찾을 수 없습니다: ${input.department} ${input.requestId}`,
    );
  const allowed = nextDecisionStatuses(request);
  if (!allowed.includes(input.status)) {
    const current = currentDecisionStatus(request);
    throw new UserError(
      'DECISION_NOT_ALLOWED',
      `현재 상태(${current ? DECISION_STATUS_LABELS[current] : '미제출'})에서는 ${josa(`'${DECISION_STATUS_LABELS[input.status]}'`, '으로/로')} 바꿀 수 없습니다.`,
    );
  }
  const last = request.decisionHistory.at(-1);
  if (last !== undefined && input.date < last.date) {
    // As the form's own check has it (처리 일자가 앞 단계보다 이릅니다): a final step could never be corrected after.
    throw new UserError(
      'DECISION_DATE_EARLY',
      `${DECISION_STATUS_LABELS[input.status]} 일자(${input.date})가 앞 단계 '${DECISION_STATUS_LABELS[last.status]}'의 일자(${last.date})보다 이릅니다. 일자를 확인해 주세요.`,
    );
  }
  const decided = changeRequestSchema.parse({
    ...request,
    lifecycle: input.status === 'approved' || input.status === 'rejected' ? 'confirmed' : 'submitted',
    decisionHistory: [
      ...request.decisionHistory,
      { status: input.status, date: input.date, by: input.by, note: input.note },
    ],
  });
  await db.transaction().execute(async (trx) => {
    await saveDocument(
      trx,
      {
        kind: 'changeRequest',
        projectId: decided.projectId,
        slot: decided.requestId,
        department: decided.department,
        json: decided,
        status: decided.lifecycle,
        reason: 'confirm',
        allowFrozen: true,
      },
      now,
    );
    if (input.status === 'approved') {
      const plan = (await confirmedPlans(trx)).find((p) => p.projectId === decided.projectId);
      if (!plan) {
        throw new UserError(
          'PLAN_NOT_CONFIRMED',
          `${decided.projectId}의 확정된 실천계획서가 없어 변경을 반영할 수 없습니다.`,
        );
      }
      await saveDocument(
        trx,
        {
          kind: 'executionPlan',
          projectId: plan.projectId,
          slot: PLAN_SLOT,
          department: plan.department,
          // Every approved request of the project, this one included, in the order re-confirming the plan applies
          // them (by approval date): approvals recorded out of date order give the plan the same values either way.
          json: withChangeValues(
            plan,
            (await approvedPlanValues(trx, plan.projectId)).get(plan.projectId) ?? {},
          ),
          status: 'confirmed',
          reason: 'confirm',
          allowFrozen: true,
        },
        now,
      );
    }
  });
  return decided;
}
