import { useId } from 'react';
import type { StatusChartData } from '../../../domain/reports';
import { STATUS_STYLES } from './status-palette';
import { patternId, StatusPatternDefs } from './StatusPatterns';

/** The labels' font size (office.css .chart-label) and the gap between a label and its bar. */
const LABEL_FONT_PX = 12;
const LABEL_GAP = 8;
const MIN_LABEL_WIDTH = 120;
const BAR_AREA = 560;
const ROW = 30;
const BAR = 20;
const TOP = 8;
/** A segment shows its count when the digits (about 7 px each at 12 px) fit with a little room. */
const COUNT_CHAR_PX = 7;
const COUNT_PADDING = 6;

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
 * lightness) and pattern, a segment wide enough shows its count, each has a <title>, and the legend lists the
 * statuses in the order of the stacks. The same counts are in the 분야별 table above the chart.
 */
export function StatusChart({ chart }: { chart: StatusChartData }) {
  const prefix = `status-pattern${useId().replace(/[^A-Za-z0-9_-]/g, '')}`;
  const fillOf = (status: keyof typeof STATUS_STYLES) => `url(#${patternId(prefix, status)})`;
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
                const style = STATUS_STYLES[s.status];
                const count = String(value);
                const rect = (
                  <g key={s.status}>
                    <rect
                      x={x}
                      y={y}
                      width={w}
                      height={BAR}
                      fill={fillOf(s.status)}
                      stroke="#ffffff"
                      strokeWidth={1}
                      data-testid={`chart-${i}-${s.status}`}
                      data-value={value}
                      data-fill={style.fill}
                      data-pattern={style.pattern}
                    >
                      <title>{`${category} · ${s.label}: ${value}개`}</title>
                    </rect>
                    {w >= count.length * COUNT_CHAR_PX + COUNT_PADDING && (
                      <text
                        x={x + w / 2}
                        y={y + BAR / 2 + 4}
                        textAnchor="middle"
                        className="chart-count"
                        fill={style.ink}
                        stroke={style.fill}
                        data-testid={`chart-count-${i}-${s.status}`}
                        aria-hidden="true"
                      >
                        {count}
                      </text>
                    )}
                  </g>
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
