import { z } from 'zod';
import { changeRequestSchema } from './change-request';
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
