import { z } from 'zod';
import {
  departmentSchema,
  FUNDING_SOURCES,
  type FundingSource,
  lifecycleSchema,
  type MoneyCell,
  moneyCellSchema,
  periodIdSchema,
  projectIdSchema,
  recordSchema,
  SCHEMA_VERSION,
  schemaVersionSchema,
  strictObject,
  textSchema,
} from './common';

/**
 * 붙임5 재정집행 현황, the part a department types: its 확보내역 (budget actually secured '18–'22.6, by source)
 * and 비고, and — for a co-department (협조부서), which writes no card — its own 임기내 집행 per budget year.
 * Everything else in the row (plans, the lead's executed amounts, 이행도) is derived from the plan and the card
 * by `deriveFinanceRow`, so nothing is typed twice.
 */

export const securedAmountsSchema = strictObject({
  national: moneyCellSchema,
  city: moneyCellSchema,
  district: moneyCellSchema,
  private: moneyCellSchema,
  other: moneyCellSchema,
});
export type SecuredAmounts = z.output<typeof securedAmountsSchema>;

/** A budget year of the term ("2019"); 임기후 has no 집행. */
export const executedYearKeySchema = z.string().regex(/^\d{4}$/, '연도는 "2019" 형식이어야 합니다');

/**
 * 임기내 집행 per budget year ("2019" → 백만원), all sources together as 붙임5 lists it. Only a co-department's
 * row carries it: the lead department's 집행 is its card's 연차별 집행액.
 */
export const executedByYearSchema = recordSchema(executedYearKeySchema, moneyCellSchema);
export type ExecutedByYear = z.output<typeof executedByYearSchema>;

export const financeRowSchema = strictObject({
  kind: z.literal('financeRow'),
  schemaVersion: schemaVersionSchema,
  lifecycle: lifecycleSchema,
  /** 관리번호. */
  projectId: projectIdSchema,
  /** The department whose own 확보 figures these are (shared projects: one row per department). */
  department: departmentSchema,
  /** The half-year reported, like the card submitted with it. */
  periodId: periodIdSchema,
  /** 확보내역 per source (국비, 시·도비, 시군구비, 민간, 기타); 확보총계 is their sum. */
  secured: securedAmountsSchema,
  /**
   * A co-department's own 임기내 집행 by budget year. Optional: rows written before co-departments reported 집행
   * here (stored, sent in bundles) have none, which reads as no 집행.
   */
  executed: executedByYearSchema.optional(),
  /** 비고 (참고사항). */
  note: textSchema(),
});
export type FinanceRow = z.output<typeof financeRowSchema>;
export type FinanceRowInput = z.input<typeof financeRowSchema>;

export function emptySecuredAmounts(): Record<FundingSource, MoneyCell> {
  return Object.fromEntries(FUNDING_SOURCES.map((s) => [s, null])) as Record<FundingSource, MoneyCell>;
}

export function emptyFinanceRow(projectId: string, department: string, periodId: string): FinanceRow {
  return {
    kind: 'financeRow',
    schemaVersion: SCHEMA_VERSION,
    lifecycle: 'draft',
    projectId,
    department,
    periodId,
    secured: emptySecuredAmounts(),
    note: '',
  };
}

/**
 * A half-year's row started from the previous one: 확보내역 is a running total over the term ('18–'22.6), and
 * 집행 per year is the term's record, so their figures carry over for the department to bring up to date; 비고 is
 * the half-year's own and starts blank.
 */
export function newFinanceRowFromPrevious(
  previous: FinanceRow | null,
  projectId: string,
  department: string,
  periodId: string,
): FinanceRow {
  const row = emptyFinanceRow(projectId, department, periodId);
  if (previous !== null) {
    row.secured = { ...previous.secured };
    if (previous.executed !== undefined) row.executed = { ...previous.executed };
  }
  return row;
}
