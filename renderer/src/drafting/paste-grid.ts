/**
 * Pasting a block copied from a spreadsheet (Excel, 한셀) into a grid: its values go into the cell pasted into and
 * the cells after it, row by row, each as if typed there. Pure, so the spreading is tested without a screen.
 */

import { parseAmountText, sumAmounts } from '../../../domain/documents';

/**
 * A spreadsheet's clipboard text as rows of cells: cells separated by tabs, rows by line breaks (\r\n or \n), the
 * last line break dropped. A cell in double quotes may hold tabs, line breaks and doubled quotes (""), as Excel
 * writes a cell with several lines.
 */
export function parseClipboardTable(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  const endRow = () => {
    endCell();
    rows.push(row);
    row = [];
  };
  while (i < text.length) {
    const ch = text[i] as string;
    if (ch === '"' && cell === '') {
      // A quoted cell: up to the quote that is not doubled, when a tab, line break or the end follows it.
      const close = quotedEnd(text, i + 1);
      if (close !== -1) {
        cell = text.slice(i + 1, close).replace(/""/g, '"');
        i = close + 1;
        continue;
      }
    }
    if (ch === '\t') endCell();
    else if (ch === '\n') endRow();
    else if (ch === '\r' && text[i + 1] === '\n') {
      endRow();
      i += 1;
    } else cell += ch;
    i += 1;
  }
  // The line break Excel puts after the last row makes no row of its own.
  if (cell !== '' || row.length > 0) endRow();
  return rows;
}

/** The index of the closing quote of a quoted cell opened before `from`, or -1 when it is not one. */
function quotedEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length) {
    if (text[i] === '"') {
      if (text[i + 1] === '"') {
        i += 2;
        continue;
      }
      const next = text[i + 1];
      return next === undefined || next === '\t' || next === '\n' || next === '\r' ? i : -1;
    }
    i += 1;
  }
  return -1;
}

/**
 * A column of the official form's row, in the form's order: an editable cell (`input`: its index in the grid's row
 * of names) or a total the form computes (`total`) from the editable cells `of`, called `ofLabel` in messages.
 */
export type LayoutColumn =
  | { readonly input: number }
  | { readonly total: string; readonly of: readonly number[]; readonly ofLabel: string };

const indexes = (count: number): number[] => Array.from({ length: count }, (_, i) => i);

/** 연차별 투자수요 as 붙임3·4 print it: the budget years, 임기내 계, 임기후, 계. */
export function investmentLayout(yearCount: number): LayoutColumn[] {
  const years = indexes(yearCount);
  return [
    ...years.map((input) => ({ input })),
    { total: '임기내 계', of: years, ofLabel: '연도별 금액의 합' },
    { input: yearCount },
    { total: '계', of: [...years, yearCount], ofLabel: '연도별 금액과 임기후의 합' },
  ];
}

/** 연차별 집행액 as printed: the half-years, then 계. */
export function executedLayout(periodCount: number): LayoutColumn[] {
  const periods = indexes(periodCount);
  return [...periods.map((input) => ({ input })), { total: '계', of: periods, ofLabel: '반기별 금액의 합' }];
}

/** 확보내역 as 붙임5 prints it: 확보총계 first, then 국비, 시·도비, 시군구비, 민간, 기타. */
export function securedLayout(sourceCount: number): LayoutColumn[] {
  const sources = indexes(sourceCount);
  return [
    { total: '확보총계', of: sources, ofLabel: '재원별 금액의 합' },
    ...sources.map((input) => ({ input })),
  ];
}

export interface SpreadOptions {
  /** The official form's row, totals included; without it every pasted value is for an editable cell. */
  layout?: readonly LayoutColumn[];
  /** The rows are funding sources: a pasted total row (계, 합계) is left out rather than written into one. */
  totalRows?: boolean;
  /** What a cell holds now: the parts of a pasted total that were not pasted with it. */
  current?: (name: string) => unknown;
}

/** A total that did not hold its sum: nothing of the paste is placed. Lines count from 1. */
export interface TotalMismatch {
  line: number;
  label: string;
  ofLabel: string;
  pasted: string;
  /** The sum it should hold, or null when a part is no number. */
  expected: number | null;
}

export interface SpreadPaste {
  /** Field path → the text to set, as typed. */
  values: [string, string][];
  /** Values of the block that fall outside the grid. */
  notPlaced: number;
  /** Totals of the form's row recognised in a pasted line and left out (lines count from 1). */
  skippedTotals: { line: number; label: string }[];
  /** Total rows left out: by their label (계, 합계) or by equalling the sum of the other lines. */
  skippedRows: { line: number; label: string | null; sumOf: 'above' | 'below' | null }[];
  mismatch: TotalMismatch | null;
  /**
   * Lines placed as they are whose last value is the sum of the values before it (not 0): a total copied along
   * with its row looks so, and was written into an amount cell. Placed all the same (a sum can be an amount), and
   * said (lines count from 1).
   */
  lastIsSum: { line: number; value: string }[];
}

/**
 * Where a pasted block goes in a grid of field paths (`names[row][column]`, the editable cells in screen order),
 * starting at the cell pasted into: each line of the block on a row, from that column rightwards. Values past the
 * grid's last column or row are counted, not placed.
 *
 * With the form's `layout`, a line longer than the editable cells from the paste point — but no longer than the
 * form's row from there — is read in the form's column order, so a row copied from a sheet shaped like the printed
 * form puts each amount in its own cell: the totals in it (임기내 계, 계, 확보총계) are left out, each checked
 * against the sum the grid will show for it (parts not pasted are read with `current`). A total that does not hold
 * its sum means the line is not what it seems: then nothing is placed and `mismatch` says why. A line that fits the
 * editable cells is always placed as it is. When the form starts with a total (확보총계), a paste into the first
 * editable cell reads from that total.
 */
export function spreadPaste(
  block: readonly (readonly string[])[],
  names: readonly (readonly string[])[],
  at: { row: number; column: number },
  options: SpreadOptions = {},
): SpreadPaste {
  const { kept, skippedRows } = options.totalRows
    ? withoutTotalRows(block, names.length - at.row)
    : { kept: block.map((cells, line) => ({ cells, line })), skippedRows: [] };
  const values: [string, string][] = [];
  const skippedTotals: SpreadPaste['skippedTotals'] = [];
  const lastIsSum: SpreadPaste['lastIsSum'] = [];
  let notPlaced = 0;
  for (const [r, { cells, line }] of kept.entries()) {
    const rowNames = names[at.row + r];
    if (rowNames === undefined) {
      notPlaced += cells.length;
      continue;
    }
    const reading =
      options.layout === undefined
        ? null
        : formReading(options.layout, at.column, rowNames.length - at.column, cells.length);
    if (reading === null) {
      cells.forEach((value, c) => {
        const name = rowNames[at.column + c];
        if (name === undefined) notPlaced += 1;
        else values.push([name, value]);
      });
      if (options.layout !== undefined && lastIsSumOfOthers(cells))
        lastIsSum.push({ line: line + 1, value: (cells[cells.length - 1] ?? '').trim() });
      continue;
    }
    const pasted = new Map<number, string>();
    reading.forEach((column, c) => {
      if ('input' in column) pasted.set(column.input, cells[c] ?? '');
    });
    for (const [c, column] of reading.entries()) {
      if (!('total' in column)) continue;
      const parts = column.of.map((i) => {
        const name = rowNames[i];
        return pasted.has(i)
          ? amountOf(pasted.get(i))
          : name === undefined
            ? 0
            : amountOf(options.current?.(name));
      });
      const expected = parts.includes(null) ? null : sumAmounts(parts);
      const total = amountOf(cells[c]);
      if (expected === null || total === null || sumAmounts([total]) !== expected) {
        const pastedTotal = (cells[c] ?? '').trim();
        const mismatch = {
          line: line + 1,
          label: column.total,
          ofLabel: column.ofLabel,
          pasted: pastedTotal,
          expected,
        };
        return { values: [], notPlaced: 0, skippedTotals: [], skippedRows: [], mismatch, lastIsSum: [] };
      }
      skippedTotals.push({ line: line + 1, label: column.total });
    }
    for (const [input, value] of pasted) {
      const name = rowNames[input];
      if (name !== undefined) values.push([name, value]);
    }
  }
  return { values, notPlaced, skippedTotals, skippedRows, mismatch: null, lastIsSum };
}

/** Whether a line of three values or more ends with the sum of the others, all numbers and not 0. */
function lastIsSumOfOthers(cells: readonly string[]): boolean {
  if (cells.length < 3) return false;
  const amounts = cells.map(amountOf);
  const last = amounts[amounts.length - 1];
  const before = amounts.slice(0, -1);
  if (last === null || last === undefined || last === 0 || before.includes(null)) return false;
  return sumAmounts([last]) === sumAmounts(before as number[]);
}

/**
 * The form's columns a line of `length` values covers when pasted into editable column `column`, or null when it is
 * placed as it is: when it fits the `editable` cells from there, or is longer than the form's row from there.
 */
function formReading(
  layout: readonly LayoutColumn[],
  column: number,
  editable: number,
  length: number,
): readonly LayoutColumn[] | null {
  if (length <= editable) return null;
  let start = layout.findIndex((c) => 'input' in c && c.input === column);
  if (start === -1) return null;
  // Totals before the first editable column (확보총계) belong to a paste into that column.
  if (layout.slice(0, start).every((c) => 'total' in c)) start = 0;
  const from = layout.slice(start);
  return length > from.length ? null : from.slice(0, length);
}

/** A row label that marks a total row. */
const TOTAL_ROW_LABEL = /^(계|합계|총계|소계)$/;

/**
 * The block without its total rows: a line whose first value is 계 or 합계 (with the labels copied), and — only
 * when the block has more lines than the grid has rows from the paste point — a last line that is the sum of
 * the lines above it, or else a first line that is the sum of those below. A block that fits is not searched for
 * sums: matching shares (국비 50% = 시비 30% + 구비 20%) make a source row the sum of others.
 */
function withoutTotalRows(
  block: readonly (readonly string[])[],
  rowsLeft: number,
): { kept: { cells: readonly string[]; line: number }[]; skippedRows: SpreadPaste['skippedRows'] } {
  const skippedRows: SpreadPaste['skippedRows'] = [];
  const kept: { cells: readonly string[]; line: number }[] = [];
  block.forEach((cells, line) => {
    const label = (cells[0] ?? '').replace(/\s+/g, '');
    if (TOTAL_ROW_LABEL.test(label))
      skippedRows.push({ line: line + 1, label: (cells[0] ?? '').trim(), sumOf: null });
    else kept.push({ cells, line });
  });
  if (kept.length > rowsLeft && kept.length >= 3) {
    const last = kept[kept.length - 1];
    const first = kept[0];
    if (last !== undefined && isSumOf(last.cells, kept.slice(0, -1))) {
      kept.pop();
      skippedRows.push({ line: last.line + 1, label: null, sumOf: 'above' });
    } else if (first !== undefined && isSumOf(first.cells, kept.slice(1))) {
      kept.shift();
      skippedRows.push({ line: first.line + 1, label: null, sumOf: 'below' });
    }
  }
  skippedRows.sort((a, b) => a.line - b.line);
  return { kept, skippedRows };
}

/** Whether `row` holds, in every column, the sum of the `parts` (all numbers, as many values, not all zero). */
function isSumOf(row: readonly string[], parts: readonly { cells: readonly string[] }[]): boolean {
  if (parts.some((p) => p.cells.length !== row.length)) return false;
  let someAmount = false;
  for (const [c, value] of row.entries()) {
    const total = amountOf(value);
    const each = parts.map((p) => amountOf(p.cells[c]));
    if (total === null || each.includes(null) || sumAmounts([total]) !== sumAmounts(each)) return false;
    if (total !== 0) someAmount = true;
  }
  return someAmount;
}

/**
 * A value as an amount for checking a total: blank (and Excel's "-" for zero) is 0, a number as the form reads it
 * ("1,200"), anything else null.
 */
function amountOf(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (value === null || value === undefined) return 0;
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (text === '' || /^[-‐–—]+$/.test(text)) return 0;
  const n = parseAmountText(text);
  return n !== null && Number.isFinite(n) ? n : null;
}

/**
 * Whether a paste is a block to spread (else the browser pastes it into the one cell, as typed, so Ctrl+Z takes it
 * back). A money cell takes one value, so any tab or second line makes a block. A text cell takes several lines
 * and text copied from HWP or Word carries tabs (indents, "· 1차\t(3월)"), so only what a spreadsheet copies is a
 * block: every line the same number of values, more than one, and either the copy's HTML (`html`) is a table (as
 * Excel, 한셀 and Google Sheets put it there) or there is no HTML and no line starts with a tab (an indent). HTML
 * without a table is a word processor's text.
 */
export function isBlockPaste(
  block: readonly (readonly string[])[],
  cell: 'money' | 'text',
  html = '',
): boolean {
  const tabbed = block.some((line) => line.length > 1);
  if (cell === 'money') return tabbed || block.length > 1;
  const width = block[0]?.length ?? 0;
  if (width < 2 || block.some((line) => line.length !== width)) return false;
  if (/<table[\s>]/i.test(html)) return true;
  return html.trim() === '' && block.every((line) => line[0] !== '');
}

/** What a paste that did not fit says. */
export function notPlacedMessage(placed: number, notPlaced: number): string {
  return `붙여넣은 값 ${placed + notPlaced}개 중 ${notPlaced}개는 표 밖이라 넣지 못했습니다 (${placed}개를 넣었습니다). 붙여넣을 칸을 확인하세요.`;
}

const amountText = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 3 });

/**
 * What the grid says under it after a paste, or null when every value went where it was pasted: a refused total
 * (and nothing else, since nothing was placed), total rows and columns left out, values outside the grid.
 */
export function pasteNote(spread: SpreadPaste): string | null {
  const m = spread.mismatch;
  if (m !== null) {
    const pasted = m.pasted === '' ? '빈칸' : m.pasted;
    const why =
      m.expected === null
        ? `'${m.label}' 자리에 붙여넣은 값(${pasted})을 ${m.ofLabel}과 맞춰 볼 수 없습니다 (숫자가 아닌 값이 있습니다).`
        : `'${m.label}' 자리에 붙여넣은 값(${pasted})이 ${m.ofLabel}(${amountText(m.expected)})과 다릅니다.`;
    return (
      `붙여넣은 ${m.line}번째 줄은 칸보다 값이 많아 양식의 열 순서로 읽었지만, ${why} ` +
      '어느 값이 어느 칸인지 알 수 없어 아무것도 넣지 않았습니다. 합계 열을 빼고 복사하거나 원래 표의 합계를 확인하세요.'
    );
  }
  const notes: string[] = [];
  for (const row of spread.skippedRows) {
    const what =
      row.label !== null
        ? `(${row.label})은 합계 줄이라`
        : `은 ${row.sumOf === 'above' ? '위' : '아래'} 줄들의 합과 같은 합계 줄이라`;
    notes.push(`붙여넣은 ${row.line}번째 줄${what} 넣지 않았습니다.`);
  }
  const labels = [...new Set(spread.skippedTotals.map((t) => `'${t.label}'`))];
  if (labels.length > 0) {
    notes.push(
      `${labels.join(', ')} 열은 표가 계산하는 칸이라 건너뛰었습니다 (붙여넣은 값이 합과 맞습니다).`,
    );
  }
  for (const line of spread.lastIsSum) {
    notes.push(
      `붙여넣은 ${line.line}번째 줄의 마지막 값(${line.value})이 앞 값들의 합과 같습니다. 합계 칸을 함께 복사했다면 그 값이 들어간 칸을 고치세요.`,
    );
  }
  if (spread.notPlaced > 0) notes.push(notPlacedMessage(spread.values.length, spread.notPlaced));
  return notes.length > 0 ? notes.join(' ') : null;
}
