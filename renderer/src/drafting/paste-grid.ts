/**
 * Pasting a block copied from a spreadsheet (Excel, 한셀) into a grid: its values go into the cell pasted into and
 * the cells after it, row by row, each as if typed there. Pure, so the spreading is tested without a screen.
 */

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

export interface SpreadPaste {
  /** Field path → the text to set, as typed. */
  values: [string, string][];
  /** Values of the block that fall outside the grid. */
  notPlaced: number;
}

/**
 * Where a pasted block goes in a grid of field paths (`names[row][column]`, the editable cells in screen order),
 * starting at the cell pasted into: each line of the block on a row, from that column rightwards. Values past the
 * grid's last column or row are counted, not placed.
 */
export function spreadPaste(
  block: readonly (readonly string[])[],
  names: readonly (readonly string[])[],
  at: { row: number; column: number },
): SpreadPaste {
  const values: [string, string][] = [];
  let notPlaced = 0;
  block.forEach((line, r) => {
    line.forEach((value, c) => {
      const name = names[at.row + r]?.[at.column + c];
      if (name === undefined) notPlaced += 1;
      else values.push([name, value]);
    });
  });
  return { values, notPlaced };
}

/**
 * Whether a paste is a block to spread (else the browser pastes it into the one cell, as typed): for a money cell
 * any tab or second line (one value per cell); for a text cell only a tab, since a text cell takes several lines.
 */
export function isBlockPaste(block: readonly (readonly string[])[], cell: 'money' | 'text'): boolean {
  const tabbed = block.some((line) => line.length > 1);
  return cell === 'text' ? tabbed : tabbed || block.length > 1;
}

/** What a paste that did not fit says. */
export function notPlacedMessage(placed: number, notPlaced: number): string {
  return `붙여넣은 값 ${placed + notPlaced}개 중 ${notPlaced}개는 표 밖이라 넣지 못했습니다 (${placed}개를 넣었습니다). 붙여넣을 칸을 확인하세요.`;
}
