import { expect } from '@playwright/test';
import { addPlanUnitProject, emptyExecutionPlan } from '../../domain/documents';
import { catalog } from '../catalog-data';
import type { DraftingPage } from '../pages/drafting-page';

export interface PlanUnitInput {
  name: string;
  detailedPlan: string;
  /** 연차별 추진계획 by half-year id ("2019-H1"). */
  schedule: Record<string, string>;
}

/**
 * A plan for `projectId` saved, submitted and confirmed through the browser-mode API (the plan form itself is
 * covered by drafting.e2e.ts), then the desk reopened: the project's cards take their frozen fields from it.
 */
export async function confirmPlanThroughApi(
  d: DraftingPage,
  opts: { department: string; projectId: string; policyGoal: string; units: readonly PlanUnitInput[] },
): Promise<void> {
  const projectName = catalog.projects.find((p) => p.id === opts.projectId)?.name ?? '';
  const plan = {
    ...emptyExecutionPlan(opts.projectId, opts.department, projectName),
    policyGoal: opts.policyGoal,
  };
  plan.leadContacts[0] = { position: 'chief', unit: '투자창업과', name: '김도현', phone: '02-2133-5000' };
  plan.totalCost = { kind: 'nonBudget' };
  plan.newOrContinuing = 'new';
  plan.completionTiming = 'withinTerm';
  plan.projectPeriod = { from: '2018-07', to: '2022-06' };
  while (plan.unitProjects.length < opts.units.length)
    plan.unitProjects = addPlanUnitProject(plan.unitProjects);
  plan.unitProjects = plan.unitProjects.map((u, i) => ({ ...u, ...opts.units[i] }));
  const ref = { kind: 'executionPlan', projectId: opts.projectId, slot: 'plan' };
  const saved = await d.callApi<{ version: number }>('saveDraft', {
    ...ref,
    json: plan,
    expectedVersion: null,
  });
  expect(saved.ok, saved.error?.message).toBe(true);
  const submitted = await d.callApi('submitDocument', { ...ref, expectedVersion: saved.value?.version });
  expect(submitted.ok, submitted.error?.message).toBe(true);
  const confirmed = await d.confirmThroughApi(ref, opts.department);
  expect(confirmed.ok, confirmed.error?.message).toBe(true);
  await d.reopen();
}
