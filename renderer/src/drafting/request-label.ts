/**
 * How a change request is named on screen. The app numbers a new request "cr-" and the moment it was started
 * (milliseconds); that number means nothing to a person, so it shows as the time instead. Other ids (a request
 * number typed by the office, "cr-5-9-1-2018-01") show as they are.
 */
export function requestLabel(requestId: string): string {
  const started = /^cr-(\d{13})$/.exec(requestId);
  if (started === null) return `요청 ${requestId}`;
  const at = new Date(Number(started[1]));
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())} ${pad(at.getHours())}:${pad(at.getMinutes())} 작성 시작`;
}

/** A request in a list: what it changes (changeRequestSubject, from the server's summary), then its label above. */
export function requestTitle(subject: string | null, requestId: string): string {
  return `${subject ?? '조정 요청'} · ${requestLabel(requestId)}`;
}
