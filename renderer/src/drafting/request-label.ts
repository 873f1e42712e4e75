import type { DecisionStatus } from '../../../domain/documents';
import { requestLabel } from '../../../domain/documents/request-label';

/** How a change request is named on screen (shared with the server's messages). */
export { requestLabel };

/** A request in a list: what it changes (changeRequestSubject, from the server's summary), then its label above. */
export function requestTitle(subject: string | null, requestId: string): string {
  return `${subject ?? '조정 요청'} · ${requestLabel(requestId)}`;
}

/**
 * Where a request stands, as the department's list shows it: 작성중 / 제출 while it is the department's, and once
 * the office's package brought it back decided, the decision itself (승인, 반려) rather than a bare "확정".
 */
export function requestState(request: {
  status: 'draft' | 'submitted' | 'confirmed';
  decision: DecisionStatus | null;
}): string {
  if (request.status === 'draft') return '작성중';
  if (request.status === 'submitted') return '제출';
  if (request.decision === 'approved') return '승인';
  if (request.decision === 'rejected') return '반려';
  return '확정';
}
