import { z } from 'zod';
import {
  arraySchema,
  citizenParticipationSchema,
  completionTimingSchema,
  contactPersonSchema,
  cooperatingDepartmentSchema,
  departmentSchema,
  emptyCitizenParticipation,
  emptyContacts,
  emptySourceGrid,
  fundingSourceSchema,
  investmentGridSchema,
  lifecycleSchema,
  newOrContinuingSchema,
  nextUnitProjectId,
  projectIdSchema,
  scheduleSchema,
  SCHEMA_VERSION,
  schemaVersionSchema,
  strictObject,
  textSchema,
  totalCostSchema,
  unitProjectIdSchema,
  yearMonthSchema,
} from './common';

/**
 * 붙임3 공약실천계획서 (practice plan): one per project, written once, confirmed by the citizens' panel, then frozen.
 * Its 정책목표, 정책개요 (단위사업) and 연차별 추진계획 are copied into every management card and may change only
 * through an approved 공약 조정 요청서.
 */

/** 사업기간 ('18 – 'YY.M) as "YYYY-MM"; empty text while drafting. */
export const projectPeriodSchema = strictObject({ from: yearMonthSchema, to: yearMonthSchema });
export type ProjectPeriod = z.output<typeof projectPeriodSchema>;

/** 단위사업 of the plan. */
export const planUnitProjectSchema = strictObject({
  id: unitProjectIdSchema,
  name: textSchema(300),
  /** 세부 추진계획. */
  detailedPlan: textSchema(),
  /** 연차별 추진계획: half-year id or 'afterTerm' → text (frozen once confirmed). */
  schedule: scheduleSchema,
  /** 연차별 투자수요: source → budget year or 'afterTerm' → 백만원 (초기계획 of 붙임5). */
  investmentNeeds: investmentGridSchema,
  /** 타기관(중앙부처 등)과 협조 필요사항, incl. 예비타당성조사, 중앙투자심사. */
  cooperationNeeds: textSchema(),
});
export type PlanUnitProject = z.output<typeof planUnitProjectSchema>;

export const executionPlanSchema = strictObject({
  kind: z.literal('executionPlan'),
  schemaVersion: schemaVersionSchema,
  lifecycle: lifecycleSchema,
  /** 공약번호. */
  projectId: projectIdSchema,
  /** 공약명. */
  projectName: textSchema(300),
  /** 주관부서 (실·본부·국). */
  department: departmentSchema,
  /** 주관부서 contacts: 과장 / 팀장 / 담당 (공약실명제). */
  leadContacts: arraySchema(contactPersonSchema, 10),
  /** 협조부서 with their contacts. */
  cooperatingDepartments: arraySchema(cooperatingDepartmentSchema, 20),
  /** 총사업비 (~'22.6월까지): 백만원 or 비예산; null until chosen. */
  totalCost: totalCostSchema,
  /** 추진구분 신규/계속. */
  newOrContinuing: newOrContinuingSchema.nullable(),
  /** 완료구분 임기내/임기후. */
  completionTiming: completionTimingSchema.nullable(),
  /** 재원구분 (국비, 시비 …), several allowed. */
  fundingSources: arraySchema(fundingSourceSchema, 5),
  /** 정책목표 (추후 임의변경불가): concrete targets reachable by the end of the term. */
  policyGoal: textSchema(),
  /** 사업기간. */
  projectPeriod: projectPeriodSchema,
  /** 정책개요: the 단위사업 with their plans, schedules, investment needs and cooperation needs. */
  unitProjects: arraySchema(planUnitProjectSchema, 50),
  /** 시민참여 실적 during the drafting of the plan. */
  citizenParticipation: citizenParticipationSchema,
});
export type ExecutionPlan = z.output<typeof executionPlanSchema>;
export type ExecutionPlanInput = z.input<typeof executionPlanSchema>;

export function emptyPlanUnitProject(id: string, name = ''): PlanUnitProject {
  return {
    id,
    name,
    detailedPlan: '',
    schedule: {},
    investmentNeeds: emptySourceGrid(),
    cooperationNeeds: '',
  };
}

/** Adds a blank 단위사업 with a fresh id (for the form's "단위사업 추가" button). */
export function addPlanUnitProject(units: readonly PlanUnitProject[]): PlanUnitProject[] {
  return [...units, emptyPlanUnitProject(nextUnitProjectId(units.map((u) => u.id)))];
}

/** A blank draft plan: one unit project, the three contact rows, every grid present so form paths exist. */
export function emptyExecutionPlan(projectId: string, department: string, projectName = ''): ExecutionPlan {
  return {
    kind: 'executionPlan',
    schemaVersion: SCHEMA_VERSION,
    lifecycle: 'draft',
    projectId,
    projectName,
    department,
    leadContacts: emptyContacts(),
    cooperatingDepartments: [],
    totalCost: null,
    newOrContinuing: null,
    completionTiming: null,
    fundingSources: [],
    policyGoal: '',
    projectPeriod: { from: '', to: '' },
    unitProjects: [emptyPlanUnitProject('u1')],
    citizenParticipation: emptyCitizenParticipation(),
  };
}
