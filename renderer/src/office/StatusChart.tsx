import type { ReportStatus, StatusChartData } from '../../../domain/reports';

/** One colour per status, from "done" (green) to "not submitted" (grey); readable in black-and-white print too. */
export const STATUS_COLORS: Record<ReportStatus, string> = {
  completed: '#1b7f3b',
  continuing: '#5aa469',
  onTrack: '#1f5fbf',
  partial: '#e0a526',
  onHold: '#c8553d',
  dropped: '#6b2d2d',
  notSubmitted: '#b8bec9',
};

/** The labels' font size (office.css .chart-label) and the gap between a label and its bar. */
const LABEL_FONT_PX = 12;
const LABEL_GAP = 8;
const MIN_LABEL_WIDTH = 120;
const BAR_AREA = 560;
const ROW = 30;
const BAR = 20;
const TOP = 8;

/**
 * Room for the longest area name, so that none is cut off at the left edge (a long name such as "7. 천만시민의 꿈이
 * 이뤄지는 특별시" was): Hangul and other wide characters take about one em, the rest about 0.6 em.
 */
function labelWidthOf(labels: readonly string[]): number {
  const widthOf = (label: string): number =>
    [...label].reduce((w, ch) => w + ((ch.codePointAt(0) ?? 0) >= 0x1100 ? 1 : 0.6) * LABEL_FONT_PX, 0);
  return Math.max(MIN_LABEL_WIDTH, Math.ceil(Math.max(0, ...labels.map(widthOf))) + 2 * LABEL_GAP);
}

/** Status by area as stacked horizontal bars (plain SVG, no chart library); each segment has a <title>. */
export function StatusChart({ chart }: { chart: StatusChartData }) {
  const labelWidth = labelWidthOf(chart.categories);
  const totals = chart.categories.map((_, i) => chart.series.reduce((acc, s) => acc + (s.values[i] ?? 0), 0));
  const max = Math.max(1, ...totals);
  const height = TOP + chart.categories.length * ROW + 24;
  const width = labelWidth + BAR_AREA + 50;
  const scale = BAR_AREA / max;
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
          const y = TOP + i * ROW;
          let x = labelWidth;
          return (
            <g key={category} data-testid={`chart-row-${i}`}>
              <text x={labelWidth - LABEL_GAP} y={y + BAR / 2 + 5} textAnchor="end" className="chart-label">
                {category}
              </text>
              {chart.series.map((s) => {
                const value = s.values[i] ?? 0;
                if (value === 0) return null;
                const w = value * scale;
                const rect = (
                  <rect
                    key={s.status}
                    x={x}
                    y={y}
                    width={w}
                    height={BAR}
                    fill={STATUS_COLORS[s.status]}
                    data-testid={`chart-${i}-${s.status}`}
                    data-value={value}
                  >
                    <title>{`${category} · ${s.label}: ${value}개`}</title>
                  </rect>
                );
                x += w;
                return rect;
              })}
              <text x={x + 6} y={y + BAR / 2 + 5} className="chart-total">
                {totals[i]}
              </text>
            </g>
          );
        })}
        <line
          x1={labelWidth}
          x2={labelWidth}
          y1={TOP - 4}
          y2={TOP + chart.categories.length * ROW}
          stroke="#5b6475"
        />
      </svg>
      <ul className="chart-legend" aria-label="범례">
        {chart.series.map((s) => (
          <li key={s.status}>
            <span className="swatch" style={{ background: STATUS_COLORS[s.status] }} aria-hidden="true" />
            {s.label}
          </li>
        ))}
      </ul>
    </figure>
  );
}
