import { EXECUTOR_LABELS, type Executor } from '../documents/common';

/**
 * The city as the forms name it beside 국가 (관리카드's 주체 국가/서울시): the catalog's 시·도 in its short form —
 * 서울특별시 → 서울시, 부산광역시 → 부산시, 세종특별자치시 → 세종시, 제주특별자치도 → 제주도; a 시, 군, 구 or 도
 * as it is written.
 */
export function cityShortName(city: string): string {
  const name = city.trim();
  const metropolitan = /^(.+?)(?:특별자치시|특별시|광역시)$/.exec(name);
  if (metropolitan) return `${metropolitan[1] as string}시`;
  const province = /^(.+?)특별자치도$/.exec(name);
  if (province) return `${province[1] as string}도`;
  return name === '' ? EXECUTOR_LABELS.city : name;
}

/** 주체's two choices for a catalog's city (국가 / 서울시 for Seoul). */
export function executorLabelsFor(city: string): Record<Executor, string> {
  return { ...EXECUTOR_LABELS, city: cityShortName(city) };
}
