import { josa } from '../../../domain/text/josa';

/** A percentage as typed back to a person: no float noise (0.3 × 100 reads 30, not 30.000000000000004). */
const percentText = (percent: number): string => String(Number(percent.toFixed(6)));

/**
 * What to say when the 집행률 기준 applied is above 0 and below 1 %: it is applied as typed, but "0.3" is more
 * likely meant as 30 % than as 0.3 % (which makes almost no project lag). Null for any other value.
 */
export function fractionThresholdNote(fraction: number): string | null {
  const percent = fraction * 100;
  if (!(percent > 0 && percent < 1)) return null;
  const applied = percentText(percent);
  const meant = percentText(percent * 100);
  return `${applied}%로 적용했습니다. ${meant}%라면 ${josa(meant, '을/를')} 입력하세요.`;
}
