import { useId } from 'react';
import type { StatusChartData } from '../../../domain/reports';
import { placeCounts, hasOutside, COUNT_SIZES, type CountLabel } from './chart-counts';
import { DARK_INK, STATUS_STYLES } from './status-palette';
import { patternId, StatusPatternDefs } from './StatusPatterns';

/** The labels' font size (office.css .chart-label) and the gap between a label and its bar. */
const LABEL_FONT_PX = 12;
const LABEL_GAP = 8;
const MIN_LABEL_WIDTH = 120;
const BAR_AREA = 560;
const ROW = 30;
const BAR = 20;
const TOP = 8;
/** Extra height of a row whose narrow segments print their counts under the bar. */
const OUTSIDE_ROOM = 14;

/**
 * Room for the longest area name, so that none is cut off at the left edge (a long name such as "7. 천만시민의 꿈이
 * 이뤄지는 특별시" was): Hangul and other wide characters take about one em, the rest about 0.6 em.
 */
function labelWidthOf(labels: readonly string[]): number {
  const widthOf = (label: string): number =>
    [...label].reduce((w, ch) => w + ((ch.codePointAt(0) ?? 0) >= 0x1100 ? 1 : 0.6) * LABEL_FONT_PX, 0);
  return Math.max(MIN_LABEL_WIDTH, Math.ceil(Math.max(0, ...labels.map(widthOf))) + 2 * LABEL_GAP);
}

/**
 * Status by area as stacked horizontal bars (plain SVG, no chart library). Each status has its own colour (hue and
 * lightness) and pattern, every segment shows its count (on it, smaller on a narrow one, or under the bar on one
 * too narrow: placeCounts), each has a <title>, and the legend lists the statuses in the order of the stacks. The
 * same counts are in the 분야별 table above the chart.
 */
export function StatusChart({ chart }: { chart: StatusChartData }) {
  const prefix = `status-pattern${useId().replace(/[^A-Za-z0-9_-]/g, '')}`;
  const fillOf = (status: keyof typeof STATUS_STYLES) => `url(#${patternId(prefix, status)})`;
  const labelWidth = labelWidthOf(chart.categories);
  const totals = chart.categories.map((_, i) => chart.series.reduce((acc, s) => acc + (s.values[i] ?? 0), 0));
  const max = Math.max(1, ...totals);
  const scale = BAR_AREA / max;
  // Each row's segments and where their counts go; a row with a count under its bar is taller.
  const rows = chart.categories.map((_, i) => {
    let x = labelWidth;
    const segments = chart.series.map((s) => {
      const value = s.values[i] ?? 0;
      const segment = { status: s.status, label: s.label, value, x, w: value * scale };
      x += segment.w;
      return segment;
    });
    const counts = placeCounts(segments);
    return { segments, counts, end: x, height: ROW + (hasOutside(counts) ? OUTSIDE_ROOM : 0) };
  });
  const tops = rows.map((_, i) => TOP + rows.slice(0, i).reduce((h, r) => h + r.height, 0));
  const bottom = TOP + rows.reduce((h, r) => h + r.height, 0);
  const height = bottom + 24;
  const width = labelWidth + BAR_AREA + 50;
  return (
    <figure className="office-chart" data-testid="status-chart">
      <figcaption>{chart.title}</figcaption>
      <svg
        role="img"
        aria-labelledby="status-chart-title status-chart-desc"
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        style={{ maxWidth: width }}
      >
        <title id="status-chart-title">{chart.title}</title>
        <StatusPatternDefs prefix={prefix} statuses={chart.series.map((s) => s.status)} />
        <desc id="status-chart-desc">
          {chart.categories
            .map(
              (c, i) =>
                `${c}: ${chart.series
                  .filter((s) => (s.values[i] ?? 0) > 0)
                  .map((s) => `${s.label} ${s.values[i] ?? 0}`)
                  .join(', ')}`,
            )
            .join('; ')}
        </desc>
        {chart.categories.map((category, i) => {
          const y = tops[i] ?? TOP;
          const row = rows[i] as (typeof rows)[number];
          return (
            <g key={category} data-testid={`chart-row-${i}`}>
              <text x={labelWidth - LABEL_GAP} y={y + BAR / 2 + 5} textAnchor="end" className="chart-label">
                {category}
              </text>
              {row.segments.map((s, k) => {
                if (s.value === 0) return null;
                const style = STATUS_STYLES[s.status];
                return (
                  <g key={s.status}>
                    <rect
                      x={s.x}
                      y={y}
                      width={s.w}
                      height={BAR}
                      fill={fillOf(s.status)}
                      stroke="#ffffff"
                      strokeWidth={1}
                      data-testid={`chart-${i}-${s.status}`}
                      data-value={s.value}
                      data-fill={style.fill}
                      data-pattern={style.pattern}
                    >
                      <title>{`${category} · ${s.label}: ${s.value}개`}</title>
                    </rect>
                    <SegmentCount
                      label={row.counts[k] ?? null}
                      value={s.value}
                      y={y}
                      ink={style.ink}
                      fill={style.fill}
                      testId={`chart-count-${i}-${s.status}`}
                    />
                  </g>
                );
              })}
              <text x={row.end + 6} y={y + BAR / 2 + 5} className="chart-total">
                {totals[i]}
              </text>
            </g>
          );
        })}
        <line x1={labelWidth} x2={labelWidth} y1={TOP - 4} y2={bottom} stroke="#5b6475" />
      </svg>
      <ul className="chart-legend" aria-label="범례" data-testid="chart-legend">
        {chart.series.map((s) => (
          <li key={s.status} data-status={s.status}>
            <svg className="swatch" viewBox="0 0 16 16" aria-hidden="true">
              <rect width={16} height={16} fill={fillOf(s.status)} />
            </svg>
            {s.label}
          </li>
        ))}
      </ul>
    </figure>
  );
}

/**
 * A segment's count where placeCounts put it: on the segment in the ink that reads on its fill (smaller on a narrow
 * one), or under the bar in dark ink with a tick up to the segment, so that it reads in print as on screen.
 */
function SegmentCount(props: {
  label: CountLabel | null;
  value: number;
  y: number;
  ink: string;
  fill: string;
  testId: string;
}) {
  const { label, value, y, testId } = props;
  if (label === null) return null;
  const size = COUNT_SIZES[label.place].fontPx;
  if (label.place !== 'outside') {
    return (
      <text
        x={label.x}
        y={y + BAR / 2 + size / 3 + 0.5}
        textAnchor="middle"
        className={label.place === 'small' ? 'chart-count chart-count-small' : 'chart-count'}
        fontSize={size}
        fill={props.ink}
        stroke={props.fill}
        data-testid={testId}
        data-place={label.place}
        aria-hidden="true"
      >
        {value}
      </text>
    );
  }
  return (
    <g aria-hidden="true">
      <line x1={label.anchor} y1={y + BAR} x2={label.x} y2={y + BAR + 3} stroke={DARK_INK} strokeWidth={1} />
      <text
        x={label.x}
        y={y + BAR + 3 + size}
        textAnchor="middle"
        className="chart-count-outside"
        fontSize={size}
        fill={DARK_INK}
        data-testid={testId}
        data-place="outside"
      >
        {value}
      </text>
    </g>
  );
}
