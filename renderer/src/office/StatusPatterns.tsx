import type { ReportStatus } from '../../../domain/reports';
import { STATUS_STYLES, type StatusPattern } from './status-palette';

const TILE = 8;
const MARK_OPACITY = 0.6;

/** The marks of one tile of a pattern ('solid' has none). */
function marks(pattern: StatusPattern, ink: string) {
  const line = { stroke: ink, strokeWidth: 1.5, strokeOpacity: MARK_OPACITY, fill: 'none' };
  const rising = 'M-2,2 L2,-2 M0,8 L8,0 M6,10 L10,6';
  const falling = 'M-2,6 L2,10 M0,0 L8,8 M6,-2 L10,2';
  switch (pattern) {
    case 'solid':
      return null;
    case 'rising':
      return <path d={rising} {...line} />;
    case 'falling':
      return <path d={falling} {...line} />;
    case 'crosshatch':
      return <path d={`${rising} ${falling}`} {...line} />;
    case 'horizontal':
      return <path d={`M0,${TILE / 2} H${TILE}`} {...line} />;
    case 'vertical':
      return <path d={`M${TILE / 2},0 V${TILE}`} {...line} />;
    case 'dots':
      return <circle cx={TILE / 2} cy={TILE / 2} r={1.6} fill={ink} fillOpacity={MARK_OPACITY} />;
  }
}

export const patternId = (prefix: string, status: ReportStatus): string => `${prefix}-${status}`;

/** One <pattern> per status: its colour with its marks; segments and legend swatches fill with url(#…). */
export function StatusPatternDefs({
  prefix,
  statuses,
}: {
  prefix: string;
  statuses: readonly ReportStatus[];
}) {
  return (
    <defs>
      {statuses.map((status) => {
        const style = STATUS_STYLES[status];
        return (
          <pattern
            key={status}
            id={patternId(prefix, status)}
            width={TILE}
            height={TILE}
            patternUnits="userSpaceOnUse"
            data-pattern={style.pattern}
          >
            <rect width={TILE} height={TILE} fill={style.fill} />
            {marks(style.pattern, style.ink)}
          </pattern>
        );
      })}
    </defs>
  );
}
