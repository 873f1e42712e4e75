import type * as XLSX from 'xlsx';
import { FINANCE_SOURCE_LABELS, FUNDING_SOURCES } from '../../domain/documents';
import {
  dueDateText,
  financeColumns,
  type FinanceColumn,
  financeNoteText,
  financeStatusLabel,
  missingCardFinanceNote,
  missingFinanceRowNote,
  type OfficeReport,
  withoutConfirmedPlanNote,
} from '../../domain/reports';
import { amountFormat, cellRef, colName, SheetBuilder } from './sheet-builder';
import { SHEET_NAMES } from './sheet-names';

/**
 * 붙임5 재정집행현황 as a sheet: the form's two header rows merged, every project's row by area with the area's
 * subtotal and the grand total as formulas (with their values), amounts changed since first reported in red.
 */

/** Rows of the 붙임5 sheet: the first data row, where each area's rows and subtotal sit, the total row. */
export interface FinanceSheetLayout {
  headerRows: [number, number];
  firstAmountColumn: number;
  columns: FinanceColumn[];
  subtotalRows: number[];
  totalRow: number;
}

export function financeSheet(report: OfficeReport): { sheet: XLSX.WorkSheet; layout: FinanceSheetLayout } {
  const b = new SheetBuilder(SHEET_NAMES.finance);
  const years = report.finance.budgetYears;
  const yearKeys = years.map((y) => y.key);
  const columns = financeColumns(yearKeys);
  const first = 3;
  const nYears = years.length;
  const planStart = first + 2 + 1 + FUNDING_SOURCES.length;
  const execStart = planStart + 1 + nYears;
  const noteCol = execStart + 1 + nYears;
  const deptCol = noteCol + 1;

  b.title(0, 0, deptCol, '< 공약별 재정집행 현황 >');
  b.note(
    1,
    0,
    `${report.meta.periodLabel} 기준 (제출기한 ${dueDateText(report.meta.dueDate, report.meta.dueDateMovedBecause)})`,
  );
  b.merge(1, 0, 1, 2);
  b.note(1, deptCol, '(단위 : 백만원)');
  const h1 = 2;
  const h2 = 3;
  b.header(h1, 0, h2, 0, '관리번호');
  b.header(h1, 1, h2, 1, '공약사업명');
  b.header(h1, 2, h2, 2, '이행도');
  b.header(h1, first, h1, first + 1, '계획 총계');
  b.header(h2, first, h2, first, '초기계획');
  b.header(h2, first + 1, h2, first + 1, '현재계획');
  b.header(h1, first + 2, h1, planStart - 1, '확보내역');
  b.header(h2, first + 2, h2, first + 2, '확보총계');
  FUNDING_SOURCES.forEach((s, i) => b.header(h2, first + 3 + i, h2, first + 3 + i, FINANCE_SOURCE_LABELS[s]));
  b.header(h1, planStart, h1, planStart + nYears, '임기내 계획 총계');
  b.header(h1, execStart, h1, execStart + nYears, '임기내 집행 총계');
  // The form's sub-headers: 계획 합 under 임기내 계획 총계, 집행 총계 under 임기내 집행 총계.
  for (const [start, sum] of [
    [planStart, '계획 합'],
    [execStart, '집행 총계'],
  ] as const) {
    b.header(h2, start, h2, start, sum);
    years.forEach((y, i) => b.header(h2, start + 1 + i, h2, start + 1 + i, y.label));
  }
  b.header(h1, noteCol, h2, noteCol, '비고');
  b.header(h1, deptCol, h2, deptCol, '부서');

  let r = h2 + 1;
  const subtotalRows: number[] = [];
  for (const area of report.finance.areas) {
    const startRow = r;
    for (const row of area.rows) {
      const changed = new Set(row.changedFields);
      b.id(r, 0, row.projectId);
      b.text(r, 1, row.projectName);
      b.text(
        r,
        2,
        financeStatusLabel(
          row.status,
          row.projectId,
          report.finance.completionUndecided,
          report.submissions.beforeDue,
        ),
      );
      columns.forEach((col, i) => b.amount(r, first + i, col.get(row), changed.has(col.path)));
      b.text(r, noteCol, financeNoteText(row));
      b.text(r, deptCol, row.departments.join(', '));
      r += 1;
    }
    b.text(r, 1, `${area.areaId}. ${area.areaName} 소계`);
    b.merge(r, 1, r, 2);
    b.totalRow(r, 0, deptCol);
    columns.forEach((col, i) => {
      const c = first + i;
      const value = col.get(area.subtotal);
      if (area.rows.length === 0) b.amount(r, c, value);
      else b.formula(r, c, `SUM(${colName(c)}${startRow + 1}:${colName(c)}${r})`, value, amountFormat(value));
    });
    subtotalRows.push(r);
    r += 1;
  }
  b.text(r, 1, '합계');
  b.merge(r, 1, r, 2);
  b.totalRow(r, 0, deptCol);
  b.table(h1, 0, r, deptCol);
  b.freeze(h2 + 1, 2);
  columns.forEach((col, i) => {
    const c = first + i;
    const value = col.get(report.finance.grandTotal);
    const refs = subtotalRows.map((sr) => cellRef(sr, c)).join(',');
    b.formula(r, c, `SUM(${refs})`, value, amountFormat(value));
  });
  const withoutPlan = withoutConfirmedPlanNote(
    report.finance.withoutConfirmedPlan,
    report.finance.withoutConfirmedPlanReceived,
  );
  const notes = [
    withoutPlan,
    missingCardFinanceNote(report.finance, report.submissions.beforeDue),
    missingFinanceRowNote(report.finance, report.submissions.beforeDue),
  ].filter((n) => n !== null);
  notes.forEach((note, i) => b.note(r + 2 + i, 1, note));
  // Amounts 12 wide: a city's 합계 in 백만원 with its decimals ("12,345,678.125") shows whole, not as ###.
  b.widths([10, 30, 12, ...columns.map(() => 12), 24, 20]);
  b.sheet['!rows'] = [{ hpt: 24 }];
  return {
    sheet: b.finish(),
    layout: { headerRows: [h1, h2], firstAmountColumn: first, columns, subtotalRows, totalRow: r },
  };
}
