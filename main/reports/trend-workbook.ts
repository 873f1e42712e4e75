import * as XLSX from 'xlsx';
import type { StatusTrend } from '../../domain/api/contract';
import { preparePrint } from './print-setup';
import { SheetBuilder } from './sheet-builder';
import { writeStyledWorkbook } from './styled-workbook';
import { statusSheet } from './workbook';

export const TREND_SHEET_NAMES = { byPeriod: '반기별 추진현황', byArea: '분야별 완료율 추이' } as const;

/** 분야 × 반기: each area's 완료율 per half-year, with the whole's below (the rates the screen shows). */
function areaRateSheet(trend: StatusTrend, title: string): XLSX.WorkSheet {
  const b = new SheetBuilder(TREND_SHEET_NAMES.byArea);
  const { rows } = trend;
  b.title(0, 0, rows.length, title);
  b.header(1, 0, 1, 0, '분야');
  rows.forEach((p, i) => b.header(1, 1 + i, 1, 1 + i, p.label));
  const areas = rows.at(-1)?.byArea ?? [];
  let r = 2;
  for (const area of areas) {
    b.text(r, 0, area.label);
    rows.forEach((p, i) =>
      b.percent(r, 1 + i, p.byArea.find((a) => a.key === area.key)?.completionRate ?? null),
    );
    r += 1;
  }
  b.text(r, 0, '전체');
  rows.forEach((p, i) => b.percent(r, 1 + i, p.total.completionRate));
  b.totalRow(r, 0, rows.length);
  b.table(1, 0, r, rows.length);
  b.freeze(2, 1);
  b.widths([30, ...rows.map(() => 13)]);
  return b.finish();
}

/**
 * 이행 추이 as its own workbook: the half-years' status counts (the 추진현황 sheets' layout, a row per half-year,
 * 완료율 as a formula) and the areas' 완료율 by half-year.
 */
export function writeTrendWorkbook(trend: StatusTrend, definition: string): Buffer {
  const last = trend.rows.at(-1);
  const until = last === undefined ? '' : ` (${last.label}까지)`;
  const wb = XLSX.utils.book_new();
  const byPeriod = statusSheet(
    TREND_SHEET_NAMES.byPeriod,
    '반기',
    {
      rows: trend.rows.map((row) => ({
        ...row.total,
        key: row.periodId,
        label: row.beforeDue ? `${row.label} (기한 전)` : row.label,
      })),
      total: null,
      beforeDue: false,
    },
    `반기별 추진현황${until}`,
    `반기마다 그 반기의 종합 현황으로 셉니다. 완료율: ${definition}`,
  );
  XLSX.utils.book_append_sheet(wb, byPeriod, TREND_SHEET_NAMES.byPeriod);
  XLSX.utils.book_append_sheet(
    wb,
    areaRateSheet(trend, `분야별 완료율 추이${until}`),
    TREND_SHEET_NAMES.byArea,
  );
  wb.Props = { Title: `공약이행 추이${until}`, Author: '기획담당관' };
  preparePrint(
    wb,
    new Map([
      [TREND_SHEET_NAMES.byPeriod, [1, 3]],
      [TREND_SHEET_NAMES.byArea, [1, 2]],
    ]),
  );
  return writeStyledWorkbook(wb, {
    a3: new Set(),
    footer: { left: `공약이행 추이${until}`, right: '' },
  });
}
