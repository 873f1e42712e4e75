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
  SCHEMA_VERSION,
  schemaVersionSchema,
  strictObject,
  textSchema,
} from './common';

/**
 * 붙임5 재정집행 현황, the part a department types: its 확보내역 (budget actually secured '18–'22.6, by source)
 * and 비고. Everything else in the row (plans, executed amounts, 이행도) is derived from the plan and the card
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
 * A half-year's row started from the previous one: 확보내역 is a running total over the term ('18–'22.6), so its
 * figures carry over for the department to bring up to date; 비고 is the half-year's own and starts blank.
 */
export function newFinanceRowFromPrevious(
  previous: FinanceRow | null,
  projectId: string,
  department: string,
  periodId: string,
): FinanceRow {
  const row = emptyFinanceRow(projectId, department, periodId);
  if (previous !== null) row.secured = { ...previous.secured };
  return row;
}
