import { expect } from 'vitest';
import type * as XLSX from 'xlsx';
import { type Cell, cellGrid, commentsOf, headerLabels, textOf } from './export-read';
import {
  completionRateOf,
  type ExpectedFigures,
  STATUS_KEYS,
  type StatusCounts,
  type StatusKey,
} from './office-oracle';
import { expectRate } from './oracle-tables';
import { STATUS_LABELS } from './oracle-export-columns';

/**
 * The workbook's three 추진현황 sheets (by area, core pledge and department) read back and compared with
 * office-oracle.ts's counts: each row's counts, its 결정 대기 (the comment on its 완료 and 이행 후 계속 추진 cells),
 * 계 and 완료율, and the 합계 row.
 */

interface StatusRowRead {
  counts: StatusCounts;
  total: number;
  rate: number | null;
}

/** A status sheet's rows (title, two header rows, a row per group, 합계), each by the key `keyOf` reads off its label. */
function readStatusSheet(
  workbook: XLSX.WorkBook,
  name: string,
  keyOf: (label: string) => string,
): Map<string, StatusRowRead> {
  const grid = cellGrid(workbook, name);
  const headerRow = 1;
  const columns = headerLabels(workbook, name, [headerRow, headerRow + 1]).map(([, sub]) => sub ?? '');
  const column = (label: string) => {
    const c = columns.indexOf(label);
    if (c < 0) throw new Error(`${name}: no column ${label} in ${columns.join(', ')}`);
    return c;
  };
  const rows = new Map<string, StatusRowRead>();
  for (const row of grid.slice(headerRow + 2)) {
    const label = textOf(row[0]);
    if (label === '') break;
    const cell = (c: number): Cell => row[c];
    const count = (status: StatusKey) => Number(cell(column(STATUS_LABELS[status]))?.v ?? NaN);
    const undecided = (status: StatusKey) => {
      const notes = commentsOf(cell(column(STATUS_LABELS[status])));
      if (notes.length === 0) return 0;
      const m = /^결정 대기 (\d+)$/.exec(notes.join(' '));
      if (m === null) throw new Error(`${name} ${label}: comment ${notes.join(' ')}`);
      return Number(m[1]);
    };
    const rateCell = cell(column('완료율'));
    rows.set(label === '합계' ? '합계' : keyOf(label), {
      counts: {
        counts: Object.fromEntries(STATUS_KEYS.map((s) => [s, count(s)])) as StatusCounts['counts'],
        completedUndecided: undecided('completed'),
        continuingUndecided: undecided('continuing'),
      },
      total: Number(cell(column('계'))?.v ?? NaN),
      rate: typeof rateCell?.v === 'number' ? rateCell.v : null,
    });
  }
  return rows;
}

function compareStatusSheet(
  read: Map<string, StatusRowRead>,
  expected: ReadonlyMap<string, StatusCounts>,
  total: StatusCounts,
  context: string,
): void {
  expect([...read.keys()].sort(), `${context}: 행`).toEqual([...expected.keys(), '합계'].sort());
  for (const [key, counts] of [...expected, ['합계', total] as const]) {
    const row = read.get(key);
    expect(row?.counts, `${context} ${key}`).toEqual(counts);
    const n = STATUS_KEYS.reduce((a, s) => a + counts.counts[s], 0);
    expect(row?.total, `${context} ${key} 계`).toBe(n);
    expectRate(row?.rate, completionRateOf(counts), `${context} ${key}`);
  }
}

/** 추진상황 by area ("1. 미래특별시"), core pledge ("1-1 …") and department, as the sheets' rows read. */
export function compareStatusSheets(
  workbook: XLSX.WorkBook,
  figures: ExpectedFigures,
  context: string,
): void {
  compareStatusSheet(
    readStatusSheet(workbook, '분야별 추진현황', (label) => /^(\d+)\. /.exec(label)?.[1] ?? `? ${label}`),
    figures.byArea,
    figures.total,
    `${context}, 분야별 추진현황`,
  );
  compareStatusSheet(
    readStatusSheet(
      workbook,
      '핵심공약별 추진현황',
      (label) => /^(\d+-\d+) /.exec(label)?.[1] ?? `? ${label}`,
    ),
    figures.byCorePledge,
    figures.total,
    `${context}, 핵심공약별 추진현황`,
  );
  compareStatusSheet(
    readStatusSheet(workbook, '부서별 추진현황', (label) => label),
    figures.byDepartment,
    figures.total,
    `${context}, 부서별 추진현황`,
  );
}
