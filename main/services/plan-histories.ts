import type { Kysely } from 'kysely';
import { z } from 'zod';
import { departmentsEver } from '../../domain/catalog/assignments';
import { findProject } from '../../domain/catalog/lookup';
import type { Catalog } from '../../domain/catalog/types';
import { executionPlanSchema, type ExecutionPlan } from '../../domain/documents';
import { documentIdOf } from '../../db/documents';
import type { Database } from '../../db/schema';
import { getSetting, setSetting } from '../../db/settings';
import { PLAN_SLOT } from './document-identity';
import type { PlanInForceFrom } from './plan-in-force';

/**
 * The office's history of each confirmed plan that has more than one version, carried to the departments in the
 * 기준 자료: every version as the office confirmed it (실천계획 확정, confirmed again, or rewritten by an approved
 * 조정 요청서) and the instant from which the office holds it in force (when it recorded it). With it a department
 * holds each half-year's 관리카드 to the plan the office holds it to, and takes 붙임5's 초기계획 from the version the
 * office confirmed first, whatever packages it skipped and however late the office recorded a decision; before,
 * it rebuilt the history from the packages it applied (plan-in-force.ts, departmentPlanHistory), which cannot know
 * a plan confirmed again between two approvals nor the office's own instants.
 *
 * Format: a member of its own, `documents/reference/plan-histories.json` (BASELINE_PATHS.planHistories), written
 * only when some plan has a second version, as the card decisions are (card-decisions.ts): a department program
 * from before it refuses such a package with the "newer program" note, and packages without it apply everywhere
 * as before. A plan confirmed once (the usual case) is the package's own plan document and is not repeated here.
 */

const versionSchema = z.strictObject({
  /** When the office recorded this version (ISO 8601): it is in force from then. */
  from: z.iso.datetime({ offset: true }),
  plan: executionPlanSchema,
});

const planHistorySchema = z.strictObject({
  projectId: z.string().min(1).max(40),
  /** Oldest first; the last is the plan the package carries. */
  versions: z.array(versionSchema).min(2).max(10_000),
});
type PlanHistory = z.infer<typeof planHistorySchema>;

/** The baseline member: the histories of every plan with more than one confirmed version, as of the package. */
export const planHistoriesSchema = z.strictObject({
  asOf: z.string().max(40),
  plans: z.array(planHistorySchema).max(100_000),
});
export type PlanHistories = z.infer<typeof planHistoriesSchema>;

/**
 * Office: the member, from each confirmed plan's history (`historyOf`: officePlanHistory, the office's own rule).
 * Only plans whose document has a second version are read again.
 */
export async function officePlanHistories(
  db: Kysely<Database>,
  plans: readonly ExecutionPlan[],
  historyOf: (plan: ExecutionPlan) => Promise<readonly PlanInForceFrom[]>,
  asOf: string,
): Promise<PlanHistories> {
  const rewritten = new Set(
    (
      await db
        .selectFrom('documents')
        .select('id')
        .where('kind', '=', 'executionPlan')
        .where('status', '=', 'confirmed')
        .where('version', '>', 1)
        .execute()
    ).map((d) => d.id),
  );
  const histories: PlanHistory[] = [];
  for (const plan of plans) {
    const id = documentIdOf({
      kind: 'executionPlan',
      projectId: plan.projectId,
      slot: PLAN_SLOT,
      department: plan.department,
    });
    if (!rewritten.has(id)) continue;
    const versions = await historyOf(plan);
    if (versions.length < 2) continue;
    histories.push({
      projectId: plan.projectId,
      versions: versions.map((v) => ({ from: new Date(v.from).toISOString(), plan: v.plan })),
    });
  }
  return { asOf, plans: histories };
}

/** What a department copy keeps of the last package's member: the histories of the projects it ever worked on. */
const keptSchema = z.strictObject({
  asOf: z.string().max(40).nullable(),
  baselineRevision: z.number().int(),
  plans: z.array(planHistorySchema),
});
export const PLAN_HISTORIES_SETTING = 'baseline.planHistories';

/**
 * Department: keeps the histories of the projects this department leads, led or cooperates on (departmentsEver),
 * replacing the last package's; a package without the member (nothing to carry, or from an office program before
 * it) leaves none, and the department's own rule applies again.
 */
export async function keepPlanHistories(
  db: Kysely<Database>,
  carried: PlanHistories | null,
  catalog: Catalog,
  department: string,
  baselineRevision: number,
): Promise<number> {
  const plans =
    carried?.plans.filter((h) => {
      const project = findProject(catalog, h.projectId);
      return project !== undefined && departmentsEver(project).includes(department);
    }) ?? [];
  await setSetting(db, PLAN_HISTORIES_SETTING, { asOf: carried?.asOf ?? null, baselineRevision, plans });
  return plans.length;
}

/**
 * The office's history of a project's plan as the last package carried it, oldest first, or null when it carried
 * none (a plan confirmed once, or a package without the member) or this copy cannot read what it kept.
 */
export async function heldPlanHistory(
  db: Kysely<Database>,
  projectId: string,
): Promise<PlanInForceFrom[] | null> {
  const kept = keptSchema.safeParse(await getSetting(db, PLAN_HISTORIES_SETTING));
  const history = kept.success ? kept.data.plans.find((h) => h.projectId === projectId) : undefined;
  return history ? history.versions.map((v) => ({ from: Date.parse(v.from), plan: v.plan })) : null;
}
