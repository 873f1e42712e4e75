import { z } from 'zod';
import { changeRequestSchema, UNREQUESTED_CHANGE } from './change-request';
import { executionPlanSchema } from './execution-plan';
import { financeRowSchema } from './finance-row';
import { managementCardSchema } from './management-card';

/** Any of the four forms, told apart by `kind` (what a bundle carries). */
export const documentSchema = z.discriminatedUnion(
  'kind',
  [executionPlanSchema, managementCardSchema, financeRowSchema, changeRequestSchema],
  {
    error: (iss) =>
      iss.code === 'invalid_union'
        ? '알 수 없는 문서 종류입니다 (kind는 executionPlan, managementCard, financeRow, changeRequest 중 하나)'
        : iss.input === undefined
          ? '필수 항목이 없습니다'
          : '문서는 항목 묶음(객체) 형식이어야 합니다',
  },
);
export type Document = z.output<typeof documentSchema>;
export type DocumentInput = z.input<typeof documentSchema>;

/**
 * Why a submission file leaves a document out even when it has no errors, else null. A change request is a request
 * once 제출 records it (its first history entry): a draft sent would reach the office as a request nobody asked for,
 * counted as 작성 중 and never listed to decide. The export applies it; the 제출 파일 preview shows it beforehand.
 */
export function heldBackReason(doc: Document): string | null {
  return doc.kind === 'changeRequest' && doc.decisionHistory.length === 0 ? UNREQUESTED_CHANGE : null;
}
