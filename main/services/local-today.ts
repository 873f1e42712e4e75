import { localDateOf } from '../../domain/reports/submissions';

/**
 * "Today" as the departments and the office live it: the date in Korea (KST) at the program's clock. The clock
 * is an instant; its UTC date is a day behind from 00:00 to 09:00 KST, so a deadline day (Jan 15, Jul 15) would
 * still read D-1 that morning and D-day all of the next morning, while the office counts a card received then
 * as late (localDateOf, the same KST date the submissions table uses).
 */
export function localToday(now: Date): string {
  return localDateOf(now.toISOString());
}
