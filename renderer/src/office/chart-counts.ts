/**
 * Where the status chart prints each segment's count: every nonzero count is shown. On the segment at the chart's
 * count size where the digits fit; on it in a smaller size where only those fit; otherwise under the bar, in dark
 * ink on the chart's background with a short tick to its segment, moved right where it would overlap the count
 * before it. Widths are estimates of the digits at each size (SVG text is not measured in a static render).
 */

/** A digit's width and the room around it, per size (px): 11 px bold (office.css .chart-count), 9 px, 10 px. */
export const COUNT_SIZES = {
  inside: { fontPx: 11, charPx: 7, paddingPx: 6 },
  small: { fontPx: 9, charPx: 5.5, paddingPx: 2 },
  outside: { fontPx: 10, charPx: 6.5, paddingPx: 4 },
} as const;

export type CountPlace = 'inside' | 'small' | 'outside';

export interface CountLabel {
  place: CountPlace;
  /** The text's centre. */
  x: number;
  /** The segment's centre (where an outside count's tick starts). */
  anchor: number;
}

const widthAt = (place: CountPlace, digits: number): number =>
  digits * COUNT_SIZES[place].charPx + COUNT_SIZES[place].paddingPx;

/** Each segment's count label, in the segments' order (left to right); a zero value gets none (null). */
export function placeCounts(
  segments: readonly { x: number; w: number; value: number }[],
): (CountLabel | null)[] {
  let free = -Infinity;
  return segments.map(({ x, w, value }) => {
    if (value <= 0) return null;
    const digits = String(value).length;
    const anchor = x + w / 2;
    if (w >= widthAt('inside', digits)) return { place: 'inside', x: anchor, anchor };
    if (w >= widthAt('small', digits)) return { place: 'small', x: anchor, anchor };
    const half = widthAt('outside', digits) / 2;
    const centre = Math.max(anchor, free + half);
    free = centre + half;
    return { place: 'outside', x: centre, anchor };
  });
}

/** Whether any of a row's counts goes under its bar (the row then needs room for it). */
export const hasOutside = (labels: readonly (CountLabel | null)[]): boolean =>
  labels.some((l) => l?.place === 'outside');
