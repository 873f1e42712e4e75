import type { Kysely } from 'kysely';
import {
  changeRequestSchema,
  currentDecisionStatus,
  executionPlanSchema,
  type ExecutionPlan,
} from '../../domain/documents';
import { listPeriods } from '../../domain/term/periods';
import type { Term } from '../../domain/term/types';
import { documentIdOf, listDocuments, listVersions } from '../../db/documents';
import type { Database } from '../../db/schema';
import { PLAN_SLOT } from './document-identity';

/**
 * The plan a half-year's 관리카드 is held to (확정 항목: 공약명, 정책목표, 단위사업, 추진계획): the plan in force when
 * the half-year ended. An approved change request (or a plan confirmed again) rewrites the frozen fields for the
 * half-years after it; the cards of the half-years before keep the plan as it was. One rule, planInForceAt, for
 * the office (its report's 확정 항목 불일치) and the department (its cards' checks, their read-only fields and its
 * 제출 파일), each over the history of the plan it holds.
 */

/** A confirmed version of a plan, and the instant from which it is in force. */
export interface PlanInForceFrom {
  from: number;
  plan: ExecutionPlan;
}

/** The instant a half-year ends in the office's time (KST): its last day's last millisecond. */
export function periodEndInstant(term: Term, periodId: string): number | null {
  const period = listPeriods(term).find((p) => p.id === periodId);
  return period ? Date.parse(`${period.end}T23:59:59.999+09:00`) : null;
}

/**
 * Of a plan's confirmed versions, oldest first, the one in force at `end`: the last one in force by then, or the
 * first one when none was yet (a half-year that ended before the plan was confirmed is held to it as first
 * confirmed). Undefined only for no versions.
 */
export function planInForceAt<T extends PlanInForceFrom>(versions: readonly T[], end: number): T | undefined {
  return versions.filter((v) => v.from <= end).at(-1) ?? versions[0];
}

type Db = Kysely<Database>;

const planDocumentId = (plan: ExecutionPlan): string =>
  documentIdOf({
    kind: 'executionPlan',
    projectId: plan.projectId,
    slot: PLAN_SLOT,
    department: plan.department,
  });

/** The confirmed versions of the plan document this copy holds, in the order saved, with when each was saved. */
async function confirmedVersions(
  db: Db,
  plan: ExecutionPlan,
): Promise<{ savedAt: number; version: number; plan: ExecutionPlan }[]> {
  return (await listVersions(db, planDocumentId(plan)))
    .filter((v) => v.status === 'confirmed')
    .flatMap((v) => {
      const parsed = executionPlanSchema.safeParse(v.json);
      return parsed.success
        ? [{ savedAt: Date.parse(v.savedAt), version: v.version, plan: parsed.data }]
        : [];
    })
    .sort((a, b) => a.savedAt - b.savedAt || a.version - b.version);
}

/**
 * The office's history of a project's confirmed plan (`plan`, the current one): each version is in force from
 * when the office recorded it (실천계획 확정, or the approval of a change request that rewrote it).
 */
export async function officePlanHistory(db: Db, plan: ExecutionPlan): Promise<PlanInForceFrom[]> {
  return (await confirmedVersions(db, plan)).map((v) => ({ from: v.savedAt, plan: v.plan }));
}

/** The first instant of a day in KST ("2019-09-10"). */
const dayStart = (date: string): number => Date.parse(`${date}T00:00:00.000+09:00`);

/**
 * A department copy's history of a project's confirmed plan (`plan`, the current one). Its versions came with the
 * 기준 자료 it applied, together with the change requests the office had approved by then: a version that came with
 * approvals is in force from the day the last of them was approved (its 처리 일자, the day the office records it),
 * however late the department applied the package; a version that came with none (the plan as first confirmed,
 * or confirmed again) from when it arrived, the earliest the department can tell.
 */
export async function departmentPlanHistory(db: Db, plan: ExecutionPlan): Promise<PlanInForceFrom[]> {
  const versions = await confirmedVersions(db, plan);
  if (versions.length <= 1) return versions.map((v) => ({ from: v.savedAt, plan: v.plan }));
  // Each approval: when it arrived here (its first version saved as approved) and the day it was approved.
  const approvals: { arrived: number; approvedOn: number }[] = [];
  for (const doc of await listDocuments(db, { kind: 'changeRequest', projectId: plan.projectId })) {
    if (doc.status !== 'confirmed') continue;
    const arrived = (await listVersions(db, doc.id))
      .filter((v) => v.status === 'confirmed')
      .flatMap((v) => {
        const parsed = changeRequestSchema.safeParse(v.json);
        if (!parsed.success || currentDecisionStatus(parsed.data) !== 'approved') return [];
        const approved = parsed.data.decisionHistory.filter((e) => e.status === 'approved').at(-1);
        return approved
          ? [{ version: v.version, arrived: Date.parse(v.savedAt), approvedOn: approved.date }]
          : [];
      })
      .sort((a, b) => a.version - b.version)[0];
    if (arrived) approvals.push({ arrived: arrived.arrived, approvedOn: dayStart(arrived.approvedOn) });
  }
  return versions.map((v, i) => {
    const after = versions[i - 1]?.savedAt ?? -Infinity;
    const brought = approvals.filter((a) => a.arrived > after && a.arrived <= v.savedAt);
    if (brought.length === 0) return { from: v.savedAt, plan: v.plan };
    return { from: Math.min(v.savedAt, Math.max(...brought.map((a) => a.approvedOn))), plan: v.plan };
  });
}

/**
 * The plan in force at the end of the half-year, as the department copy knows it: the current confirmed plan
 * (`current`) when nothing changed it since, or when the half-year is not one of the term's.
 */
export async function departmentPlanInForce(
  db: Db,
  term: Term,
  current: ExecutionPlan,
  periodId: string,
): Promise<ExecutionPlan> {
  const end = periodEndInstant(term, periodId);
  if (end === null) return current;
  const inForce = planInForceAt(await departmentPlanHistory(db, current), end);
  return inForce?.plan ?? current;
}
