import { UsageError } from './io';

/**
 * The half-year and period options (--period, --compare) as typed: a half-year is taken in any case and with
 * spaces around it ("2022-h1" → "2022-H1"), the form the program stores; anything else is a usage error (exit 2)
 * naming the option, the accepted form and the value received.
 */
const HALF_YEAR = /^(\d{4})-h([12])$/i;

const received = (text: string) => (text.trim() === '' ? '(빈 값)' : text);

/** A half-year id ("2019-H1") from the value of `option`. */
export function halfYearOption(option: string, text: string): string {
  const match = HALF_YEAR.exec(text.trim());
  if (match === null)
    throw new UsageError(
      `${option} 의 값이 올바르지 않습니다: 반기는 "2019-H1" 형식입니다. 받은 값: ${received(text)}`,
    );
  return `${match[1]}-H${match[2]}`;
}

/** A submission period: "plan" (실천계획서) or a half-year id, from the value of `option`. */
export function bundlePeriodOption(option: string, text: string): string {
  if (text.trim().toLowerCase() === 'plan') return 'plan';
  if (!HALF_YEAR.test(text.trim()))
    throw new UsageError(
      `${option} 의 값이 올바르지 않습니다: plan 또는 "2019-H1" 형식의 반기를 쓰세요. 받은 값: ${received(text)}`,
    );
  return halfYearOption(option, text);
}
