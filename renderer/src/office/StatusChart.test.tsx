// The status chart as rendered: seven statuses told apart by colour (hue and lightness, measured here in CIELAB)
// and by a pattern, counts printed where they fit, and the legend in the order of the stacks.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ReportStatus, StatusChartData } from '../../../domain/reports';
import { StatusChart } from './StatusChart';

const STATUSES: ReportStatus[] = [
  'completed',
  'continuing',
  'onTrack',
  'partial',
  'onHold',
  'dropped',
  'notSubmitted',
];
const LABELS = ['완료', '이행 후 계속 추진', '정상추진', '일부추진', '보류', '폐기', '미제출'];

/** Two areas: every status in the first, wide enough for its count; a single 폐기 in the second, too narrow. */
const FIRST = [6, 5, 9, 4, 3, 7, 8];
const SECOND = [0, 0, 0, 0, 0, 1, 60];
const chart: StatusChartData = {
  title: '분야별 추진상황',
  categories: ['1. 일자리', '2. 복지'],
  series: STATUSES.map((status, k) => ({
    status,
    label: LABELS[k] as string,
    values: [FIRST[k] as number, SECOND[k] as number],
  })),
};

const html = renderToStaticMarkup(<StatusChart chart={chart} />);

const attr = (tag: string, name: string): string | null =>
  new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1] ?? null;
const tags = (source: string, name: string): string[] =>
  source.match(new RegExp(`<${name}\\b[^>]*>`, 'g')) ?? [];

/** Each <pattern>'s id, its base colour (the tile's rect) and its marks with colours taken out. */
function patterns(): Map<string, { fill: string; marks: string }> {
  const found = new Map<string, { fill: string; marks: string }>();
  for (const m of html.matchAll(/<pattern\b([^>]*)>(.*?)<\/pattern>/g)) {
    const [, open = '', body = ''] = m;
    const rect = tags(body, 'rect')[0] ?? '';
    const marks = body.replace(/<rect\b[^>]*\/?>(<\/rect>)?/, '').replace(/(fill|stroke)="[^"]*"/g, '');
    found.set(attr(open, 'id') ?? '', { fill: attr(rect, 'fill') ?? '', marks });
  }
  return found;
}

/** sRGB "#rrggbb" → CIELAB (D65), by the CIE formulas. */
function lab(hex: string): [number, number, number] {
  const lin = [0, 1, 2].map((i) => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const [r, g, b] = lin;
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 / 116) * t + 16 / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

/** WCAG contrast ratio. */
function contrast(a: string, b: string): number {
  const lum = (hex: string) => {
    const [r, g, bl] = [0, 1, 2].map((i) => {
      const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((p, q) => q - p) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** The segment <rect> of area `row` and `status`, and the pattern its fill points to. */
function segment(row: number, status: ReportStatus) {
  const rect = tags(html, 'rect').find((t) => attr(t, 'data-testid') === `chart-${row}-${status}`);
  if (!rect) return null;
  const id = /^url\(#(.+)\)$/.exec(attr(rect, 'fill') ?? '')?.[1] ?? '';
  return { rect, id, pattern: patterns().get(id) };
}

/** A count's <text>: its opening tag and its digits. */
function countText(source: string, row: number, status: ReportStatus) {
  const m = new RegExp(`<text\\b([^>]*data-testid="chart-count-${row}-${status}"[^>]*)>([^<]*)</text>`).exec(
    source,
  );
  return m ? { open: m[1] ?? '', text: m[2] ?? '' } : null;
}

const pairs = <T,>(list: readonly T[]): [T, T][] =>
  list.flatMap((a, i) => list.slice(i + 1).map((b) => [a, b] as [T, T]));

describe('the status chart', () => {
  it('fills each of the seven statuses with a colour far from every other, in lightness too', () => {
    const fills = STATUSES.map((s) => segment(0, s)?.pattern?.fill ?? '');
    for (const f of fills) expect(f).toMatch(/^#[0-9a-f]{6}$/i);
    for (const [a, b] of pairs(fills)) {
      const [la, aa, ba] = lab(a);
      const [lb, ab, bb] = lab(b);
      const deltaE = Math.hypot(la - lb, aa - ab, ba - bb);
      // ΔE*ab ≥ 20: plainly different side by side. ΔL* ≥ 10: still apart printed in grey.
      expect(deltaE, `${a} vs ${b}`).toBeGreaterThanOrEqual(20);
      expect(Math.abs(la - lb), `${a} vs ${b} (lightness)`).toBeGreaterThanOrEqual(10);
    }
  });

  it('gives each status its own pattern, so that a segment is told without its colour', () => {
    const marks = STATUSES.map((s) => {
      const seg = segment(0, s);
      expect(seg?.pattern, s).toBeDefined();
      return seg?.pattern?.marks ?? '';
    });
    expect(new Set(marks).size).toBe(STATUSES.length);
    // At most one status goes without marks (a plain fill).
    expect(marks.filter((m) => m.trim() === '').length).toBeLessThanOrEqual(1);
  });

  it('prints each count on its segment where it fits, readable on its fill', () => {
    for (const [k, status] of STATUSES.entries()) {
      const text = new RegExp(
        `<text\\b([^>]*data-testid="chart-count-0-${status}"[^>]*)>([^<]*)</text>`,
      ).exec(html);
      expect(text?.[2], status).toBe(String(FIRST[k]));
      const ink = attr(text?.[1] ?? '', 'fill') ?? '';
      const fill = segment(0, status)?.pattern?.fill ?? '';
      expect(contrast(ink, fill), `${status}: ${ink} on ${fill}`).toBeGreaterThanOrEqual(4.5);
    }
    // The second area's single 폐기 is narrow (1 of 61 across the bar): its count is there, in the smaller size.
    expect(segment(1, 'dropped')).not.toBeNull();
    const narrow = countText(html, 1, 'dropped');
    expect(narrow?.text).toBe('1');
    expect(attr(narrow?.open ?? '', 'data-place')).toBe('small');
    expect(Number(attr(narrow?.open ?? '', 'font-size'))).toBeLessThan(
      Number(attr(countText(html, 1, 'notSubmitted')?.open ?? '', 'font-size')),
    );
    const ink = attr(narrow?.open ?? '', 'fill') ?? '';
    expect(contrast(ink, segment(1, 'dropped')?.pattern?.fill ?? '')).toBeGreaterThanOrEqual(4.5);
  });

  it('prints every nonzero count, under the bar where a segment is too narrow even for the smaller size', () => {
    // One area of 300: each 1 is under 2 px wide, two of them side by side.
    const wide: StatusChartData = {
      title: '분야별 추진상황',
      categories: ['1. 일자리', '2. 복지'],
      series: STATUSES.map((status, k) => ({
        status,
        label: LABELS[k] as string,
        values: [[1, 1, 0, 0, 0, 12, 286][k] as number, [0, 0, 0, 0, 0, 0, 5][k] as number],
      })),
    };
    const out = renderToStaticMarkup(<StatusChart chart={wide} />);
    const counted = [...out.matchAll(/data-testid="chart-count-0-([a-zA-Z]+)"/g)].map((m) => m[1]);
    expect(counted).toEqual(['completed', 'continuing', 'dropped', 'notSubmitted']);
    const first = countText(out, 0, 'completed');
    const second = countText(out, 0, 'continuing');
    for (const c of [first, second]) {
      expect(c?.text).toBe('1');
      expect(attr(c?.open ?? '', 'data-place')).toBe('outside');
      // Dark on the chart's light background: readable in print, not on a fill.
      expect(contrast(attr(c?.open ?? '', 'fill') ?? '', '#ffffff')).toBeGreaterThanOrEqual(7);
    }
    // Under the bar (bar: 20 px from the row's top) and not on top of each other.
    const rectY = Number(attr(tags(out, 'rect').find((t) => t.includes('chart-0-completed')) ?? '', 'y'));
    expect(Number(attr(first?.open ?? '', 'y'))).toBeGreaterThan(rectY + 20);
    const gap = Number(attr(second?.open ?? '', 'x')) - Number(attr(first?.open ?? '', 'x'));
    expect(gap).toBeGreaterThanOrEqual(10);
    // The next row starts below the counts under the first one's bar.
    const nextY = Number(attr(tags(out, 'rect').find((t) => t.includes('chart-1-notSubmitted')) ?? '', 'y'));
    expect(nextY).toBeGreaterThan(Number(attr(first?.open ?? '', 'y')));
  });

  it('lists the legend in the order of the stacks, each swatch with its status’s pattern', () => {
    const stackOrder = tags(html, 'rect')
      .map((t) => attr(t, 'data-testid'))
      .filter((id): id is string => id?.startsWith('chart-0-') ?? false)
      .map((id) => id.slice('chart-0-'.length));
    const legend = /<ul\b[^>]*data-testid="chart-legend"[^>]*>(.*?)<\/ul>/.exec(html)?.[1] ?? '';
    const items = [...legend.matchAll(/<li\b[^>]*data-status="([^"]+)"[^>]*>(.*?)<\/li>/g)];
    expect(items.map((m) => m[1])).toEqual(stackOrder);
    expect(items.map((m) => m[2]?.replace(/<[^>]*>/g, ''))).toEqual(LABELS);
    for (const m of items) {
      const swatchFill = attr(tags(m[2] ?? '', 'rect')[0] ?? '', 'fill');
      expect(swatchFill).toBe(`url(#${segment(0, m[1] as ReportStatus)?.id ?? ''})`);
    }
  });
});
