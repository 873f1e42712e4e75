import { expect } from 'vitest';
import type * as XLSX from 'xlsx';
import {
  type Cell,
  cellGrid,
  headerLabels,
  isRed,
  milliOfCell,
  readWorkbook,
  rowStarting,
  textOf,
} from './export-read';
import type { ExpectedFigures } from './office-oracle';
import type { ExpectedFinance } from './office-oracle-finance';
import {
  amountPaths,
  columnsZero,
  compareAmounts,
  expectedAmounts,
  figuresZero,
  STATUS_LABELS,
} from './oracle-export-columns';
import { compareStatusSheets } from './oracle-workbook-status';
import { catalog } from './random-office';

/**
 * The workbook `pledge report --xlsx` writes, read back through SheetJS's reader (export-read.ts) and compared with
 * the oracles: office-oracle.ts's figures always; office-oracle-finance.ts's per-year columns, red marks and 부진
 * 사업 where the office is one it adds up; the approved changes where the test gives them. Rows and columns are
 * found by the text a reader sees, not by the app's layout.
 */

/** An approved 공약 조정 as the public list and the workbook's 공약조정 이력 give it, oldest approval first. */
export interface ExpectedPublishedChange {
  projectId: string;
  department: string;
  requestedOn: string;
  approvedOn: string;
  reason: string;
  rows: readonly { category: string; original: string; proposed: string }[];
}

/** 사업기간's 변경안 is published in its normalised form ("2019.1.~2022.6."): not compared as typed. */
export const proposedAsTyped = (category: string): boolean => !category.includes('기간');

/** 붙임5: every project's row, each area's 소계 and the 합계, amount by amount, and which amounts are red. */
function compareFinanceSheet(
  workbook: XLSX.WorkBook,
  figures: ExpectedFigures,
  finance: ExpectedFinance | undefined,
  context: string,
): void {
  const sheet = '재정집행현황';
  const grid = cellGrid(workbook, sheet);
  const h1 = rowStarting(grid, '관리번호');
  const headers = headerLabels(workbook, sheet, [h1, h1 + 1]).map(([a, b]) => [a ?? '', b ?? ''] as const);
  const paths = amountPaths(headers);
  const rows = grid.slice(h1 + 2);
  const projectRows = new Map(
    rows.filter((r) => /^\d+-\d+-\d+$/.test(textOf(r[0]))).map((r) => [textOf(r[0]), r] as const),
  );
  expect([...projectRows.keys()].sort(), `${context}, 붙임5 행`).toEqual(
    [...figures.financeRows.keys()].sort(),
  );
  const amounts = (row: readonly Cell[]) => (c: number) => milliOfCell(row[c]);
  for (const [projectId, row] of projectRows) {
    const fig = figures.financeRows.get(projectId) ?? figuresZero();
    const want = finance?.rows.get(projectId);
    if (finance !== undefined && want === undefined) throw new Error(`no expected row ${projectId}`);
    const what = `${context}, 붙임5 ${projectId}`;
    compareAmounts(amounts(row), paths, expectedAmounts(fig, want?.columns), what);
    if (want === undefined) continue;
    const red = [...paths].filter(([c]) => isRed(row[c])).map(([, path]) => path);
    expect(red.sort(), `${what} 붉은색`).toEqual(want.changed);
  }
  const labelled = (label: RegExp) => rows.filter((r) => label.test(textOf(r[1])));
  // Every area has its 소계, an area without a row (no plan confirmed) one of zeros.
  for (const { id: areaId } of catalog.areas) {
    const subtotal = labelled(new RegExp(`^${areaId}\\. .* 소계$`));
    const what = `${context}, 붙임5 분야 ${areaId} 소계`;
    expect(subtotal.length, what).toBe(1);
    const fig = figures.financeByArea.get(areaId) ?? figuresZero();
    const columns = finance && (finance.areas.get(areaId) ?? columnsZero());
    compareAmounts(amounts(subtotal[0] ?? []), paths, expectedAmounts(fig, columns), what);
  }
  expect(labelled(/ 소계$/).length, `${context}, 붙임5 소계 수`).toBe(catalog.areas.length);
  const total = labelled(/^합계$/);
  expect(total.length, `${context}, 붙임5 합계`).toBe(1);
  compareAmounts(
    amounts(total[0] ?? []),
    paths,
    expectedAmounts(figures.financeTotal, finance?.total),
    `${context}, 붙임5 합계`,
  );
}

/** 제출현황: per department what was due, received, received late and is missing, and the 합계 row. */
function compareSubmissionsSheet(workbook: XLSX.WorkBook, figures: ExpectedFigures, context: string): void {
  const submissions = cellGrid(workbook, '제출현황');
  const header = submissions[0]?.map(textOf) ?? [];
  const col = (label: string) => header.indexOf(label);
  const departments = new Map<string, { onTime: number; late: number; missing: number }>();
  let due = 0;
  for (const row of submissions.slice(1)) {
    const department = textOf(row[0]);
    if (department === '' || department === '합계') break;
    const n = (label: string) => Number(row[col(label)]?.v ?? NaN);
    expect(n('제출 대상'), `${context}, 제출현황 ${department} 제출 대상`).toBe(n('접수') + n('미접수'));
    due += n('제출 대상');
    departments.set(department, {
      onTime: n('접수') - n('기한 후 접수'),
      late: n('기한 후 접수'),
      missing: n('미접수'),
    });
  }
  expect(departments, `${context}, 제출현황`).toEqual(figures.submissions);
  const sumRow = submissions.find((r) => textOf(r[0]) === '합계') ?? [];
  const sums = [...figures.submissions.values()].reduce(
    (a, t) => ({ onTime: a.onTime + t.onTime, late: a.late + t.late, missing: a.missing + t.missing }),
    { onTime: 0, late: 0, missing: 0 },
  );
  expect(
    ['제출 대상', '접수', '기한 후 접수', '미접수'].map((l) => sumRow[col(l)]?.v),
    `${context}, 제출현황 합계`,
  ).toEqual([due, sums.onTime + sums.late, sums.late, sums.missing]);
}

/** 부진사업: which projects, their status, 계획(누계), 집행, 집행률 and how many milestones were missed. */
function compareLaggingSheet(workbook: XLSX.WorkBook, finance: ExpectedFinance, context: string): void {
  const lagging = cellGrid(workbook, '부진사업');
  const header = lagging[0]?.map(textOf) ?? [];
  const col = (label: string) => header.indexOf(label);
  const listed = new Map(
    lagging
      .slice(1)
      .filter((r) => textOf(r[0]) !== '')
      .map((r) => [textOf(r[0]), r] as const),
  );
  expect([...listed.keys()].sort(), `${context}, 부진사업`).toEqual([...finance.lagging.keys()].sort());
  for (const [projectId, entry] of finance.lagging) {
    const row = listed.get(projectId) ?? [];
    const what = `${context}, 부진사업 ${projectId}`;
    expect(textOf(row[col('추진상황')]), `${what} 추진상황`).toBe(STATUS_LABELS[entry.status]);
    expect(milliOfCell(row[col('계획(누계)')]), `${what} 계획(누계)`).toBe(entry.plannedSoFar);
    expect(milliOfCell(row[col('집행')]), `${what} 집행`).toBe(entry.executed);
    const rate =
      entry.plannedSoFar === null || entry.executed === null || entry.plannedSoFar === 0
        ? null
        : entry.executed / entry.plannedSoFar;
    const rateCell = row[col('집행률')];
    expect(typeof rateCell?.v === 'number' ? rateCell.v : null, `${what} 집행률`).toBe(rate);
    const missed = textOf(row[col('미이행 추진계획')]);
    expect(missed === '' ? 0 : missed.split('\n').length, `${what} 미이행 추진계획`).toBe(
      entry.missed.length,
    );
  }
}

/** 공약조정 이력: a row per approved change, oldest approval first, with its dates, reason and rows. */
function compareChangesSheet(
  workbook: XLSX.WorkBook,
  changes: readonly ExpectedPublishedChange[],
  context: string,
): void {
  const grid = cellGrid(workbook, '공약조정 이력');
  const header = grid[0]?.map(textOf) ?? [];
  const col = (label: string) => header.indexOf(label);
  const rows = grid.slice(1).filter((r) => textOf(r[col('관리번호')]) !== '');
  const read = rows.map((r) => ({
    projectId: textOf(r[col('관리번호')]),
    department: textOf(r[col('부서')]),
    requestedOn: textOf(r[col('요청일')]),
    approvedOn: textOf(r[col('승인일')]),
    reason: textOf(r[col('변경 요구사유')]),
  }));
  expect(read, `${context}, 공약조정 이력`).toEqual(
    changes.map(({ projectId, department, requestedOn, approvedOn, reason }) => ({
      projectId,
      department,
      requestedOn,
      approvedOn,
      reason,
    })),
  );
  changes.forEach((change, i) => {
    const content = textOf(rows[i]?.[col('변경 내용 (구분: 당초 → 변경안)')]);
    for (const row of change.rows) {
      const line = `${row.category}: ${row.original} → `;
      const what = `${context}, 공약조정 이력 ${change.projectId} ${row.category}`;
      expect(content, what).toContain(proposedAsTyped(row.category) ? `${line}${row.proposed}` : line);
    }
  });
}

export function compareWorkbook(
  bytes: Buffer,
  figures: ExpectedFigures,
  context: string,
  more: { finance?: ExpectedFinance; changes?: readonly ExpectedPublishedChange[] } = {},
): void {
  const workbook = readWorkbook(bytes);
  compareStatusSheets(workbook, figures, context);
  compareFinanceSheet(workbook, figures, more.finance, context);
  compareSubmissionsSheet(workbook, figures, context);
  if (more.finance !== undefined) compareLaggingSheet(workbook, more.finance, context);
  if (more.changes !== undefined) compareChangesSheet(workbook, more.changes, context);
}
