import type { Document } from '../../domain/documents';

/** Where a document lives: the plan once per project, cards and finance rows per half-year, requests by id. */
export function slotOf(doc: Document): string {
  switch (doc.kind) {
    case 'executionPlan':
      return 'plan';
    case 'managementCard':
    case 'financeRow':
      return doc.periodId;
    case 'changeRequest':
      return doc.requestId;
  }
}

export const PLAN_SLOT = 'plan';
