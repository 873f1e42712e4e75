import type { DecisionStatus } from '../../../domain/documents';
import { localDateTimeOf } from '../../../domain/reports/submissions';

/**
 * How a change request is named on screen. The app numbers a new request "cr-" and the moment it was started
 * (milliseconds, by the program's clock); that number means nothing to a person, so it shows as the time
 * instead, in Korea's time (KST) as every other time the program shows, whatever zone the PC is set to. Other
 * ids (a request number typed by the office, "cr-5-9-1-2018-01") show as they are.
 */
export function requestLabel(requestId: string): string {
  const started = /^cr-(\d{13})$/.exec(requestId);
  if (started === null) return `요청 ${requestId}`;
  return `${localDateTimeOf(new Date(Number(started[1])).toISOString())} 작성 시작`;
}

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
