import { z } from 'zod';
import {
  arraySchema,
  asksCompletion,
  attachmentRefSchema,
  cardStatusSchema,
  citizenParticipationSchema,
  completionTimingSchema,
  contactPersonSchema,
  cooperatingDepartmentSchema,
  departmentSchema,
  emptyCitizenParticipation,
  emptySourceGrid,
  executedGridSchema,
  executorSchema,
  fundingSourceSchema,
  investmentGridSchema,
  lifecycleSchema,
  newOrContinuingSchema,
  periodIdSchema,
  projectIdSchema,
  resultsSchema,
  scheduleSchema,
  SCHEMA_VERSION,
  schemaVersionSchema,
  strictObject,
  textSchema,
  totalCostSchema,
  unitProjectIdSchema,
} from './common';
import { projectPeriodSchema, type ExecutionPlan } from './execution-plan';

/**
 * 붙임4 공약관리카드 (management card): per project and department, every half-year; the living record.
 * Frozen fields (공약명, 정책목표, 단위사업 names / plans, 연차별 추진계획) are copies of the confirmed plan;
 * `validateDocument` rejects a card whose copies differ from it.
 */

/** 단위사업 on the card: frozen copy from the plan plus the living per-unit figures. */
export const cardUnitProjectSchema = strictObject({
  id: unitProjectIdSchema,
  /** Frozen (from the plan). */
  name: textSchema(300),
  /** Frozen: 정책개요 세부 추진계획. */
  detailedPlan: textSchema(),
  /** Frozen: 연차별 추진계획. */
  schedule: scheduleSchema,
  /** 연차별 실적: half-year → text. */
  results: resultsSchema,
  /** 연차별 투자수요, updated to each year's real budget (현재계획 of 붙임5). */
  investmentNeeds: investmentGridSchema,
  /** 연차별 집행액: source → half-year → 백만원. */
  executed: executedGridSchema,
  /** 향후 추진계획 for this unit project. */
  futurePlan: textSchema(),
});
export type CardUnitProject = z.output<typeof cardUnitProjectSchema>;

export const completionEvidenceSchema = strictObject({
  /** What was completed and when (e.g. "조례 제정·공포 2019.3.28"). */
  summary: textSchema(),
  attachments: arraySchema(attachmentRefSchema, 50),
});

export const managementCardSchema = strictObject({
  kind: z.literal('managementCard'),
  schemaVersion: schemaVersionSchema,
  lifecycle: lifecycleSchema,
  projectId: projectIdSchema,
  /** Frozen: 공약명. */
  projectName: textSchema(300),
  department: departmentSchema,
  /** The half-year this card reports on ("2019-H1" is due 2019-07-15). */
  periodId: periodIdSchema,
  leadContacts: arraySchema(contactPersonSchema, 10),
  cooperatingDepartments: arraySchema(cooperatingDepartmentSchema, 20),
  /** 추진상황; null until chosen. */
  status: cardStatusSchema.nullable(),
  /** Why the project is 보류 or 폐기 (required for those two). */
  statusReason: textSchema(),
  /** Evidence for 완료: a summary text or attachments. */
  completionEvidence: completionEvidenceSchema,
  /** 완료시기 임기내/임기후. */
  completionTiming: completionTimingSchema.nullable(),
  /** 사업구분 신규/계속. */
  newOrContinuing: newOrContinuingSchema.nullable(),
  /** 총사업비 (~'22.6까지). The header's 집행액 is derived from the executed grid (`cardExecutedTotals`). */
  totalCost: totalCostSchema,
  /** 재원 국비/시비/민자/기타. */
  fundingSources: arraySchema(fundingSourceSchema, 5),
  /** 주체 국가/서울시 (the catalog's city: catalog/city-label.ts). */
  executor: executorSchema.nullable(),
  /** Frozen: 정책목표. */
  policyGoal: textSchema(),
  /** 사업기간 (copied from the plan; a change is flagged). */
  projectPeriod: projectPeriodSchema,
  unitProjects: arraySchema(cardUnitProjectSchema, 50),
  /** 시민참여실적 (cumulative). */
  citizenParticipation: citizenParticipationSchema,
  /** 타 기관(국가, 타 지자체, 민간 등) 협조사항. */
  cooperation: textSchema(),
  /** 추진상 문제점 및 해결방안. */
  problemsAndSolutions: textSchema(),
});
export type ManagementCard = z.output<typeof managementCardSchema>;
export type ManagementCardInput = z.input<typeof managementCardSchema>;

/** Field paths (with `*` for the unit index) that a card copies from the plan and may not edit. */
export const FROZEN_CARD_FIELDS = [
  'projectName',
  'policyGoal',
  'unitProjects.*.id',
  'unitProjects.*.name',
  'unitProjects.*.detailedPlan',
  'unitProjects.*.schedule',
] as const;

/**
 * The first card's 시민참여 실적: the card counts from the term's start (누계), so it starts from what the plan
 * reported of its making (설명회·공청회, 자문 … in 2018) — its counts and activities; its photos and clippings stay
 * the plan's (the card attaches its own).
 */
function participationFromPlan(plan: ExecutionPlan): ManagementCard['citizenParticipation'] {
  return {
    ...emptyCitizenParticipation(),
    counts: { ...plan.citizenParticipation.counts },
    activities: plan.citizenParticipation.activities.map((a) => ({ ...a })),
  };
}

/**
 * The card for `periodId`: frozen fields from `plan` (the confirmed plan), living fields from `previous` (the
 * card of an earlier half-year) or, for the first card, from the plan. Unit projects follow the plan's list;
 * a unit's living figures are kept by unit id.
 */
export function newCardFromPrevious(
  previous: ManagementCard | null,
  plan: ExecutionPlan,
  periodId: string,
): ManagementCard {
  const prev = previous === null ? null : structuredClone(previous);
  const p = structuredClone(plan);
  const unitProjects: CardUnitProject[] = p.unitProjects.map((unit) => {
    const before = prev?.unitProjects.find((u) => u.id === unit.id);
    return {
      id: unit.id,
      name: unit.name,
      detailedPlan: unit.detailedPlan,
      schedule: unit.schedule,
      results: before?.results ?? {},
      investmentNeeds: before?.investmentNeeds ?? unit.investmentNeeds,
      executed: before?.executed ?? emptySourceGrid(),
      futurePlan: before?.futurePlan ?? '',
    };
  });
  return {
    kind: 'managementCard',
    schemaVersion: SCHEMA_VERSION,
    lifecycle: 'draft',
    projectId: p.projectId,
    projectName: p.projectName,
    department: prev?.department ?? p.department,
    periodId,
    leadContacts: prev?.leadContacts ?? p.leadContacts,
    cooperatingDepartments: prev?.cooperatingDepartments ?? p.cooperatingDepartments,
    status: prev?.status ?? null,
    statusReason: prev?.statusReason ?? '',
    completionEvidence: prev?.completionEvidence ?? { summary: '', attachments: [] },
    completionTiming: prev?.completionTiming ?? p.completionTiming,
    newOrContinuing: prev?.newOrContinuing ?? p.newOrContinuing,
    totalCost: prev?.totalCost ?? p.totalCost,
    fundingSources: prev?.fundingSources ?? p.fundingSources,
    executor: prev?.executor ?? null,
    policyGoal: p.policyGoal,
    projectPeriod: p.projectPeriod,
    unitProjects,
    citizenParticipation: prev?.citizenParticipation ?? participationFromPlan(p),
    cooperation: prev?.cooperation ?? '',
    problemsAndSolutions: prev?.problemsAndSolutions ?? '',
  };
}

/** 보류·폐기 사유 belongs to those two statuses (the form shows it only for them). */
export const statusTakesReason = (status: ManagementCard['status']): boolean =>
  status === 'onHold' || status === 'dropped';

/**
 * The card as printed and sent: the details its status does not show are left out — a 보류·폐기 사유 typed before
 * switching back to 정상추진, a 완료 근거 carried over from an earlier card that was neither 완료 nor 이행 후 계속 추진. The draft keeps them
 * (choosing that status again brings them back).
 */
export function withShownStatusDetails(card: ManagementCard): ManagementCard {
  const reason = statusTakesReason(card.status) ? card.statusReason : '';
  const evidence = asksCompletion(card.status) ? card.completionEvidence : { summary: '', attachments: [] };
  if (reason === card.statusReason && evidence === card.completionEvidence) return card;
  return { ...card, statusReason: reason, completionEvidence: evidence };
}
