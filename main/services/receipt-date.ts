import { josa } from '../../domain/text/josa';
import { UserError } from './errors';
import { localToday } from './local-today';
import type { Receipt } from './bundle-commit';

/**
 * The 접수일 an import is asked to record (see Receipt), checked before anything is read or written: a real calendar
 * date, not after today in Korea's date (a file cannot have come tomorrow). Undefined: none declared.
 */
export function receiptOf(receivedOn: string | undefined, now: Date): Receipt | undefined {
  if (receivedOn === undefined) return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(receivedOn);
  const [year, month, day] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [0, 0, 0];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (
    match === null ||
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  ) {
    throw new UserError(
      'RECEIVED_ON_INVALID',
      `접수일이 올바른 날짜가 아닙니다 ("${receivedOn}"). 2020-07-15처럼 연-월-일로 입력하세요. 아무것도 가져오지 않았습니다.`,
    );
  }
  const today = localToday(now);
  if (receivedOn > today) {
    throw new UserError(
      'RECEIVED_ON_FUTURE',
      `${josa(`접수일 ${receivedOn}`, '은/는')} 오늘(${today})보다 뒤입니다. 파일을 실제로 받은 날을 입력하세요. 아무것도 가져오지 않았습니다.`,
    );
  }
  return { receivedOn };
}
