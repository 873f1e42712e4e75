import { expect } from 'vitest';
import * as XLSX from 'xlsx';
import type { ParticipationCountKey } from '../../../domain/documents';
import { type Cell, cellGrid, readWorkbook, rowStarting, textOf } from './export-read';
import {
  type ExpectedParticipation,
  type ParticipationCounts,
  PARTICIPATION_SOURCES,
  type ParticipationSource,
} from './office-oracle-participation';
import { catalog } from './random-office';

/**
 * The workbook's 시민참여실적 sheet read back through SheetJS's reader and compared with
 * office-oracle-participation.ts's figures: a row per area of the catalog ("1. 미래특별시") with its counts under
 * each kind's header and their 계, the 합계 row (its value, and its formula summed again from the sheet's cells), and
 * the note under the table that says how many projects each source gave and how many activities were counted. Rows
 * and columns are found by the text a reader sees.
 */

const SHEET = '시민참여실적';

/** The headers a reader sees over each count, as the forms name them. */
const COUNT_HEADERS: Record<keyof ParticipationCounts, string> = {
  briefings: '설명회·공청회 등',
  surveys: '만족도조사',
  expertConsultations: '민간전문가 자문',
  mediaReports: '언론/방송 보도',
  other: '기타',
  total: '계',
};
const COUNT_KEYS = Object.keys(COUNT_HEADERS) as (ParticipationCountKey | 'total')[];

/** How the note names each source's number of projects (the unreported in a sentence of their own). */
const SOURCE_PHRASES: Record<Exclude<ParticipationSource, 'unreported'>, RegExp> = {
  card: /^이번 반기 관리카드 (\d+)건$/,
  priorCard: /^이번 반기 카드가 없어 직전 반기 관리카드 (\d+)건$/,
  earlierCard: /^이번·직전 반기 카드가 없어 그 전 반기의 마지막 관리카드 (\d+)건$/,
  plan: /^관리카드가 없어 확정된 실천계획서 (\d+)건$/,
};
const NOTE =
  /^사업마다 마지막으로 보고된 누적 횟수의 합계입니다: (.+) \(활동 (\d+)건\)\.(?: 실적을 하나도 받지 못한 사업 (\d+)개는 빠져 있습니다\.)?$/;

/** A count cell's value; it must be a number cell, as a spreadsheet sums it. */
function countOf(cell: Cell, what: string): number {
  expect(cell?.t, `${what}: 숫자 셀`).toBe('n');
  return typeof cell?.v === 'number' ? cell.v : NaN;
}

/** A `SUM(B2:B9)` formula evaluated over the sheet's cells (null when the cell has no such formula). */
function sumOfFormula(grid: readonly Cell[][], cell: Cell): number | null {
  const range = /^SUM\(([A-Z]+\d+):([A-Z]+\d+)\)$/.exec(cell?.f ?? '');
  if (range === null) return null;
  const { s, e } = XLSX.utils.decode_range(`${range[1]}:${range[2]}`);
  let sum = 0;
  for (let r = s.r; r <= e.r; r++)
    for (let c = s.c; c <= e.c; c++) {
      const v = grid[r]?.[c]?.v;
      sum += typeof v === 'number' ? v : 0;
    }
  return sum;
}

/** The note's numbers: projects by source (a source it does not name gave none) and activities. */
function readNote(
  note: string,
  context: string,
): { bySource: Record<ParticipationSource, number>; activities: number } {
  const m = NOTE.exec(note);
  if (m === null) throw new Error(`${context}: 주석 ${note}`);
  const bySource = Object.fromEntries(PARTICIPATION_SOURCES.map((s) => [s, 0])) as Record<
    ParticipationSource,
    number
  >;
  for (const item of (m[1] ?? '').split(', ')) {
    const named = Object.entries(SOURCE_PHRASES).flatMap(([source, phrase]) => {
      const n = phrase.exec(item);
      return n === null ? [] : [[source as ParticipationSource, Number(n[1])] as const];
    });
    if (named.length !== 1) throw new Error(`${context}: 주석의 출처 ${item}`);
    const [[source, n]] = named as [readonly [ParticipationSource, number]];
    expect(bySource[source], `${context}: ${item} 두 번`).toBe(0);
    bySource[source] = n;
  }
  bySource.unreported = Number(m[3] ?? 0);
  return { bySource, activities: Number(m[2]) };
}

export function compareParticipationSheet(
  bytes: Buffer,
  expected: ExpectedParticipation,
  context: string,
): void {
  const grid = cellGrid(readWorkbook(bytes), SHEET);
  const what = `${context}, ${SHEET}`;
  const headerRow = rowStarting(grid, '분야');
  const header = grid[headerRow]?.map(textOf) ?? [];
  const column = (key: keyof ParticipationCounts) => {
    const c = header.indexOf(COUNT_HEADERS[key]);
    if (c < 0) throw new Error(`${what}: no column ${COUNT_HEADERS[key]} in ${header.join(', ')}`);
    return c;
  };
  const countsOf = (row: readonly Cell[], label: string) =>
    Object.fromEntries(COUNT_KEYS.map((k) => [k, countOf(row[column(k)], `${label} ${COUNT_HEADERS[k]}`)]));

  // Every row between the header and 합계 is an area's, each area of the catalog once, by its number and name.
  const totalRow = rowStarting(grid, '합계');
  const areas = new Map<number, Cell[]>();
  for (const row of grid.slice(headerRow + 1, totalRow)) {
    const label = textOf(row[0]);
    const m = /^(\d+)\. (.+)$/.exec(label);
    const area = catalog.areas.find((a) => a.id === Number(m?.[1]));
    if (m === null || area === undefined || area.name !== m[2])
      throw new Error(`${what}: 분야 아닌 행 ${label}`);
    expect(areas.has(area.id), `${what}: ${label} 두 번`).toBe(false);
    areas.set(area.id, row);
  }
  expect(
    [...areas.keys()].sort((a, b) => a - b),
    `${what} 분야`,
  ).toEqual([...expected.byArea.keys()].sort((a, b) => a - b));
  for (const [areaId, counts] of expected.byArea) {
    const label = `${what} 분야 ${areaId}`;
    expect(countsOf(areas.get(areaId) ?? [], label), label).toEqual(counts);
  }

  // 합계: the values written, and what its formulas give over the sheet's cells.
  const total = grid[totalRow] ?? [];
  expect(countsOf(total, `${what} 합계`), `${what} 합계`).toEqual(expected.totals);
  const summed = Object.fromEntries(COUNT_KEYS.map((k) => [k, sumOfFormula(grid, total[column(k)])]));
  expect(summed, `${what} 합계 수식`).toEqual(expected.totals);

  // The note under the table: how many projects each source gave, how many activities.
  const notes = grid
    .slice(totalRow + 1)
    .map((row) => textOf(row[0]))
    .filter((t) => t !== '');
  expect(notes.length, `${what} 주석`).toBe(1);
  const note = readNote(notes[0] ?? '', what);
  expect(note.bySource, `${what} 주석, 출처별 사업 수`).toEqual(expected.bySource);
  expect(note.activities, `${what} 주석, 활동 수`).toBe(expected.activityCount);
}
