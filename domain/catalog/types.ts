import { z } from 'zod';

/**
 * The pledge catalog (붙임1 공약사업 목록): 분야 → 핵심공약 → 세부사업.
 * It is data, shipped as a JSON file per term and city, and replaceable by the planning office.
 */

/** 세부사업 번호 "분야-n-m", e.g. "1-1-7". */
export const projectIdSchema = z.string().regex(/^\d+-\d+-\d+$/, '세부사업 번호는 "1-1-1" 형식입니다.');
/** 핵심공약 번호 "분야-n", e.g. "1-1". */
export const corePledgeIdSchema = z.string().regex(/^\d+-\d+$/, '핵심공약 번호는 "1-1" 형식입니다.');

/** A half-year id "2019-H1". */
const periodIdSchema = z.string().regex(/^\d{4}-H[12]$/, '반기는 "2019-H1" 형식입니다.');

/**
 * 부서 이관 기록: the departments a project had up to and including the half-year `through`, before a
 * reorganisation (조직개편) moved it. The documents of those half-years stay that lead's and those co-departments'.
 */
export const formerAssignmentSchema = z.strictObject({
  /** The last half-year these departments were responsible for. */
  through: periodIdSchema,
  leadDepartment: z.string().min(1),
  coDepartments: z.array(z.string().min(1)),
});
export type FormerAssignment = z.infer<typeof formerAssignmentSchema>;

/** 세부사업 (detailed project). */
export const catalogProjectSchema = z.strictObject({
  id: projectIdSchema,
  corePledgeId: corePledgeIdSchema,
  name: z.string().min(1),
  /** 주관부서 (lead department). */
  leadDepartment: z.string().min(1),
  /** 협조부서 (co-departments), shown in parentheses in 붙임1. */
  coDepartments: z.array(z.string().min(1)),
  /** Sub-items ①②③ in order, without the circled numeral. */
  subItems: z.array(z.string().min(1)),
  /**
   * 부서 이관 기록, earliest first (`through` strictly increasing); absent when the project never moved. The
   * lead and co-departments above are those from the half-year after the last `through` on.
   */
  formerAssignments: z
    .array(formerAssignmentSchema)
    .refine((list) => list.every((a, i) => i === 0 || list[i - 1]!.through < a.through), {
      message: '부서 이관 기록의 반기는 앞선 것부터 겹치지 않게 적습니다.',
    })
    .optional(),
});
export type CatalogProject = z.infer<typeof catalogProjectSchema>;

/** 핵심공약 (core pledge). */
export const corePledgeSchema = z.strictObject({
  id: corePledgeIdSchema,
  areaId: z.number().int().positive(),
  /** Sub-goal (정책내용) index within the area, from the overview table; see Area.subGoals. */
  subGoalIndex: z.number().int().nonnegative(),
  name: z.string().min(1),
  /** The campaign's own number 1–66 (seed 002), if mapped. */
  campaignNumber: z.number().int().positive().nullable(),
  /** The campaign's category (자영업, 노동자, 청년, 미래특별시, …). */
  campaignCategory: z.string().nullable(),
});
export type CorePledge = z.infer<typeof corePledgeSchema>;

export const subGoalSchema = z.strictObject({
  name: z.string().min(1),
  /** Counts stated in the plan's overview table. */
  corePledgeCount: z.number().int().nonnegative(),
  projectCount: z.number().int().nonnegative(),
});
export type SubGoal = z.infer<typeof subGoalSchema>;

/** 분야 / 정책목표 (policy area). */
export const areaSchema = z.strictObject({
  id: z.number().int().positive(),
  name: z.string().min(1),
  /** The area's slogan sentence from the plan. */
  goal: z.string(),
  subGoals: z.array(subGoalSchema),
});
export type Area = z.infer<typeof areaSchema>;

export const catalogSchema = z.strictObject({
  /** Stable identifier, e.g. "seoul-minseon7". */
  id: z.string().min(1),
  city: z.string().min(1),
  title: z.string().min(1),
  /** Version of this catalog data; bumped when the office redistributes it. */
  version: z.string().min(1),
  /** The date the list refers to ("’18.9.11.기준"). */
  asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  areas: z.array(areaSchema),
  corePledges: z.array(corePledgeSchema),
  projects: z.array(catalogProjectSchema),
});
export type Catalog = z.infer<typeof catalogSchema>;
