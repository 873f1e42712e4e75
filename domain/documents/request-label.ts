import { localDateTimeOf } from '../reports/submissions';

/**
 * How a change request is named to people. The app numbers a new request "cr-" and the moment it was started
 * (milliseconds, by the program's clock); that number means nothing to a person, so it shows as the time
 * instead, in Korea's time (KST) as every other time the program shows, whatever zone the PC is set to. Other
 * ids (a request number typed by the office, "cr-5-9-1-2018-01") show as they are.
 */
export function requestLabel(requestId: string): string {
  const started = /^cr-(\d{13})$/.exec(requestId);
  if (started === null) return `요청 ${requestId}`;
  return `${localDateTimeOf(new Date(Number(started[1])).toISOString())} 작성 시작`;
}
