import * as XLSX from 'xlsx';

/**
 * Reading the office's exports back as a user's spreadsheet would: the .xlsx bytes through SheetJS's reader
 * (values, number formats, comments) and its merged header cells, a sheet's cells as a grid. Nothing here knows
 * how the app lays a sheet out: the tests find rows and columns by the text a reader sees in them.
 */

export const readWorkbook = (bytes: Buffer): XLSX.WorkBook =>
  XLSX.read(bytes, { type: 'buffer', cellNF: true });

export type Cell = XLSX.CellObject | undefined;

/** A sheet's cells, row by row from A1 (a missing cell is undefined). */
export function cellGrid(workbook: XLSX.WorkBook, name: string): Cell[][] {
  const sheet = workbook.Sheets[name];
  if (sheet === undefined) throw new Error(`no sheet ${name}: ${workbook.SheetNames.join(', ')}`);
  const range = XLSX.utils.decode_range(sheet['!ref'] ?? 'A1:A1');
  const rows: Cell[][] = [];
  for (let r = 0; r <= range.e.r; r++) {
    const row: Cell[] = [];
    for (let c = 0; c <= range.e.c; c++) row.push(sheet[XLSX.utils.encode_cell({ r, c })] as Cell);
    rows.push(row);
  }
  return rows;
}

export const textOf = (cell: Cell): string =>
  cell?.v === undefined || cell.v === null ? '' : String(cell.v as string | number | boolean);

/**
 * Each column's header labels, one per header row (top to bottom), a merged header's text given to every cell it
 * covers: ["확보내역", "국비"], ["관리번호", "관리번호"].
 */
export function headerLabels(
  workbook: XLSX.WorkBook,
  name: string,
  headerRows: readonly number[],
): string[][] {
  const sheet = workbook.Sheets[name] as XLSX.WorkSheet;
  const grid = cellGrid(workbook, name);
  const label = (r: number, c: number): string => {
    const merge = (sheet['!merges'] ?? []).find((m) => m.s.r <= r && r <= m.e.r && m.s.c <= c && c <= m.e.c);
    return textOf(merge === undefined ? grid[r]?.[c] : grid[merge.s.r]?.[merge.s.c]);
  };
  const width = grid[headerRows[0] ?? 0]?.length ?? 0;
  return Array.from({ length: width }, (_, c) => headerRows.map((r) => label(r, c)));
}

/** The index of the first row whose first cell reads `text`. */
export function rowStarting(grid: readonly Cell[][], text: string): number {
  const i = grid.findIndex((row) => textOf(row[0]) === text);
  if (i < 0) throw new Error(`no row starting with ${text}`);
  return i;
}

/** A number cell's value in 천원 (the sheets keep 백만원 with three decimals); an empty or text cell is null. */
export const milliOfCell = (cell: Cell): number | null =>
  cell?.t === 'n' && typeof cell.v === 'number' ? Math.round(cell.v * 1000) : null;

/** Whether a number cell is shown red (the red is carried by its number format, as Excel's [Red]). */
export const isRed = (cell: Cell): boolean => typeof cell?.z === 'string' && cell.z.includes('[Red]');

/** The texts of a cell's comments. */
export const commentsOf = (cell: Cell): string[] => (cell?.c ?? []).map((c) => c.t);
