import type { ReportStatus } from '../../../domain/reports';

/** A fill's overlay, so that a status can be told without its colour (greyscale print, colour blindness). */
export type StatusPattern =
  'solid' | 'rising' | 'horizontal' | 'dots' | 'falling' | 'crosshatch' | 'vertical';

export interface StatusStyle {
  /** sRGB "#rrggbb". */
  fill: string;
  pattern: StatusPattern;
  /** Colour of the pattern's marks and of a count printed on the fill: whichever of the two reads better. */
  ink: string;
}

/**
 * One colour per status with its own hue AND its own lightness (CIELAB L* about 22, 33, 44, 55, 67, 80, 92: at
 * least 11 apart, so the seven stay apart in black-and-white print too), and its own pattern. 완료 dark green,
 * 이행 후 계속 추진 teal, 정상추진 blue, 일부추진 amber, 보류 vermilion, 폐기 plum, 미제출 light grey.
 */
const FILLS: Record<ReportStatus, { fill: string; pattern: StatusPattern }> = {
  completed: { fill: '#215922', pattern: 'solid' },
  continuing: { fill: '#3bb69c', pattern: 'rising' },
  onTrack: { fill: '#3468b2', pattern: 'horizontal' },
  partial: { fill: '#f3bf3a', pattern: 'dots' },
  onHold: { fill: '#d75e43', pattern: 'falling' },
  dropped: { fill: '#53214f', pattern: 'crosshatch' },
  notSubmitted: { fill: '#e8e8e8', pattern: 'vertical' },
};

export const DARK_INK = '#1a1a1a';
export const LIGHT_INK = '#ffffff';

/** WCAG relative luminance of "#rrggbb". */
export function relativeLuminance(hex: string): number {
  const channel = (i: number): number => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

/** WCAG contrast ratio of two colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const inkOn = (fill: string): string =>
  contrastRatio(fill, LIGHT_INK) >= contrastRatio(fill, DARK_INK) ? LIGHT_INK : DARK_INK;

export const STATUS_STYLES: Record<ReportStatus, StatusStyle> = Object.fromEntries(
  Object.entries(FILLS).map(([status, style]) => [status, { ...style, ink: inkOn(style.fill) }]),
) as Record<ReportStatus, StatusStyle>;
