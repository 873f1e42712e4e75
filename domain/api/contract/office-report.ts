// The planning office's report (issue 5): the request, 종합 현황 with what waits for a decision, 이행 추이.
import { z } from 'zod';
import type { ChangeRequest } from '../../documents';
import type { OfficeReport, StatusTableRow } from '../../reports/types';
import type { CompletionRequestView, Conflict, PlanChangePreview } from './office-decisions';

export const periodIdInputSchema = z.string().regex(/^\d{4}-H[12]$/, '반기는 "2019-H1" 형식입니다.');

export const reportRequestSchema = z
  .strictObject({
    periodId: periodIdInputSchema,
    comparePeriodId: periodIdInputSchema.optional(),
    executionRateThreshold: z
      .number()
      .min(0, '0~1 사이 비율입니다.')
      .max(1, '0~1 사이 비율입니다.')
      .optional(),
    today: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .optional(),
  })
  // The comparison goes from an earlier half-year to the one reported: with itself every project would read
  // "unchanged", with a later one every 개선 would read 악화 ("2019-H1" ids order as the half-years do).
  .refine((r) => r.comparePeriodId === undefined || r.comparePeriodId < r.periodId, {
    path: ['comparePeriodId'],
    message: '비교 반기는 보고 반기보다 앞선 반기를 고르세요.',
  });
export type ReportRequest = z.infer<typeof reportRequestSchema>;

/**
 * 이행 추이: each half-year of the term up to the one asked, with the status counts its own 종합 현황 shows (the same
 * report, with the office's decisions of that half-year): the whole and by area.
 */
export interface StatusTrendRow {
  periodId: string;
  /** "2019년 상반기". */
  label: string;
  /** Its cards are not due yet (미제출 reads 미접수). */
  beforeDue: boolean;
  total: StatusTableRow;
  byArea: StatusTableRow[];
}

export interface StatusTrend {
  periodId: string;
  rows: StatusTrendRow[];
}

export interface OfficeReportView {
  report: OfficeReport;
  conflicts: Conflict[];
  /** 완료 requests of this half-year and the office's decision on each. */
  completionRequests: CompletionRequestView[];
  /** Change requests not yet approved or rejected, with the office's decisions so far. */
  pendingChangeRequests: ChangeRequest[];
  /** Per pending request (`${department}|${requestId}`), what approving it would do to the confirmed plan. */
  pendingChangeEffects: Record<string, PlanChangePreview>;
}
