import { isDeepStrictEqual } from 'node:util';
import type { Kysely } from 'kysely';
import {
  changeValuesOf,
  mergeChangeValues,
  withChangeValues,
  type PlanChangeValues,
} from '../../domain/documents/change-apply';
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
import { heldPlanHistory } from './plan-histories';

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

/** An approved change request as a department copy holds it: when it arrived, when it was approved, what it sets. */
interface HeldApproval {
  arrived: number;
  /** The day it was approved (its 처리 일자), as the first instant of that day in KST. */
  approvedOn: number;
  /** The same day as written ("2020-02-12"), the order the office applies approvals in. */
  approvedDate: string;
  values: PlanChangeValues;
}

/** The values of approvals one after the other, in the order the office applies them (by approval date). */
const mergedValues = (approvals: readonly HeldApproval[]): PlanChangeValues =>
  [...approvals]
    .sort((a, b) =>
      a.approvedDate === b.approvedDate ? a.arrived - b.arrived : a.approvedDate < b.approvedDate ? -1 : 1,
    )
    .reduce<PlanChangeValues>((merged, a) => mergeChangeValues(merged, a.values), {});

/** Two confirmed plans alike but for their lifecycle mark. */
const samePlan = (a: ExecutionPlan, b: ExecutionPlan): boolean =>
  isDeepStrictEqual({ ...a, lifecycle: 'confirmed' }, { ...b, lifecycle: 'confirmed' });

/**
 * The versions the office had between `previous` and `next` when `next` came with approvals made on different
 * days (a 기준 자료 the department did not apply in between): for each day but the last, `previous` with every
 * approval held by then applied, as the office rewrote the plan on that day (office-decisions.ts applies every
 * approved request of the project to its confirmed plan). Only when those approvals applied to `previous` give
 * `next` exactly; otherwise (a plan confirmed again in between, or approvals the office ordered otherwise on one
 * day) nothing is rebuilt, and `next` is in force from its last approval's day as before.
 */
function versionsBetween(
  previous: ExecutionPlan,
  next: ExecutionPlan,
  brought: readonly HeldApproval[],
  held: readonly HeldApproval[],
): PlanInForceFrom[] {
  const days = [...new Set(brought.map((a) => a.approvedOn))].sort((a, b) => a - b).slice(0, -1);
  if (days.length === 0) return [];
  if (!samePlan(withChangeValues(previous, mergedValues(held)), next)) return [];
  return days.map((day) => ({
    from: day,
    plan: {
      ...withChangeValues(previous, mergedValues(held.filter((a) => a.approvedOn <= day))),
      lifecycle: next.lifecycle,
    },
  }));
}

/**
 * The office's own history of the plan, as the last 기준 자료 carried it (plan-histories.ts), when it ends with
 * `current`, the plan this copy holds; else null.
 */
async function carriedHistoryOf(db: Db, current: ExecutionPlan): Promise<PlanInForceFrom[] | null> {
  const held = await heldPlanHistory(db, current.projectId);
  const last = held?.at(-1);
  return held && last && samePlan(last.plan, current) ? held : null;
}

/**
 * A department copy's history of a project's confirmed plan (`plan`, the current one). When the last 기준 자료
 * carried the office's own history of it (plan-histories.ts) ending with `plan`, that history: the office's versions
 * and instants exactly. Otherwise (a plan the office confirmed once, or a package from an office program before
 * that member) it is rebuilt from what this copy holds. Its versions came with the 기준 자료 it applied, together
 * with the change requests the office had approved by then: a version that came with approvals is in force from
 * the day the last of them was approved (its 처리 일자, the day the office records it), however late the department
 * applied the package; a version that came with none (the plan as first confirmed, or confirmed again) from when
 * it arrived, the earliest the department can tell. A version that came with approvals of different days (a
 * package skipped in between) brings back the versions the office had in between (versionsBetween), so that a
 * half-year that ended between two approvals is held to the plan the office holds it to. `periods`: the term's
 * half-years, for approvals of 연차별 추진계획.
 */
export async function departmentPlanHistory(
  db: Db,
  plan: ExecutionPlan,
  periods?: readonly string[],
): Promise<PlanInForceFrom[]> {
  const held = await carriedHistoryOf(db, plan);
  if (held) return held;
  const versions = await confirmedVersions(db, plan);
  if (versions.length <= 1) return versions.map((v) => ({ from: v.savedAt, plan: v.plan }));
  // Each approval: when it arrived here (its first version saved as approved), the day it was approved, and what
  // it sets.
  const approvals: HeldApproval[] = [];
  for (const doc of await listDocuments(db, { kind: 'changeRequest', projectId: plan.projectId })) {
    if (doc.status !== 'confirmed') continue;
    const arrived = (await listVersions(db, doc.id))
      .filter((v) => v.status === 'confirmed')
      .flatMap((v) => {
        const parsed = changeRequestSchema.safeParse(v.json);
        if (!parsed.success || currentDecisionStatus(parsed.data) !== 'approved') return [];
        const approved = parsed.data.decisionHistory.filter((e) => e.status === 'approved').at(-1);
        return approved
          ? [
              {
                version: v.version,
                arrived: Date.parse(v.savedAt),
                approvedOn: approved.date,
                request: parsed.data,
              },
            ]
          : [];
      })
      .sort((a, b) => a.version - b.version)[0];
    if (arrived)
      approvals.push({
        arrived: arrived.arrived,
        approvedOn: dayStart(arrived.approvedOn),
        approvedDate: arrived.approvedOn,
        values: changeValuesOf(arrived.request, periods),
      });
  }
  return versions.flatMap((v, i) => {
    const previous = versions[i - 1];
    const after = previous?.savedAt ?? -Infinity;
    const brought = approvals.filter((a) => a.arrived > after && a.arrived <= v.savedAt);
    if (brought.length === 0) return [{ from: v.savedAt, plan: v.plan }];
    const between =
      previous === undefined
        ? []
        : versionsBetween(
            previous.plan,
            v.plan,
            brought,
            approvals.filter((a) => a.arrived <= v.savedAt),
          );
    return [
      ...between,
      { from: Math.min(v.savedAt, Math.max(...brought.map((a) => a.approvedOn))), plan: v.plan },
    ];
  });
}

/**
 * The version of the plan the office confirmed first, whose 연차별 투자수요 is 붙임5's 초기계획, as the department
 * copy knows it: the first of the office's history the last 기준 자료 carried, else the current plan (confirmed once,
 * or confirmed again only by an office program before the member: 연차별 투자수요 is rewritten by no 조정 요청서).
 */
export async function departmentInitialPlan(db: Db, current: ExecutionPlan): Promise<ExecutionPlan> {
  return (await carriedHistoryOf(db, current))?.[0]?.plan ?? current;
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
  const periods = listPeriods(term).map((p) => p.id);
  const inForce = planInForceAt(await departmentPlanHistory(db, current, periods), end);
  return inForce?.plan ?? current;
}
