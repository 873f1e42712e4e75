import type { OpenedDocument } from '../../../../domain/api/contract';
import type { Document } from '../../../../domain/documents';

/** A draft as the form opens it: saved once, editable, no issues and no confirmed plan. */
export const openedDraft = (document: Document): OpenedDocument => ({
  ref: {
    kind: document.kind,
    projectId: document.projectId,
    slot: document.kind === 'managementCard' ? document.periodId : 'plan',
  },
  status: 'draft',
  version: 1,
  updatedAt: null,
  document,
  validation: { errors: [], warnings: [] },
  readOnly: false,
  confirmedPlan: null,
  laterPlanChanges: [],
});
