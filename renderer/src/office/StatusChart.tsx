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

const LABEL_WIDTH = 170;
const BAR_AREA = 560;
const ROW = 30;
const BAR = 20;
const TOP = 8;

/** Status by area as stacked horizontal bars (plain SVG, no chart library); each segment has a <title>. */
export function StatusChart({ chart }: { chart: StatusChartData }) {
  const totals = chart.categories.map((_, i) => chart.series.reduce((acc, s) => acc + (s.values[i] ?? 0), 0));
  const max = Math.max(1, ...totals);
  const height = TOP + chart.categories.length * ROW + 24;
  const width = LABEL_WIDTH + BAR_AREA + 50;
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
          let x = LABEL_WIDTH;
          return (
            <g key={category} data-testid={`chart-row-${i}`}>
              <text x={LABEL_WIDTH - 8} y={y + BAR / 2 + 5} textAnchor="end" className="chart-label">
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
          x1={LABEL_WIDTH}
          x2={LABEL_WIDTH}
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
