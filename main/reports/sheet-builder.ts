import * as XLSX from 'xlsx';
import type { CellRole } from './cell-styles';
import { FORMULA_START, truncateCell } from './safe-text';

/** Shown for a value that does not exist (a dash that is not a minus sign, so no formula prefix is needed). */
export const EMPTY = '—';

/** Number formats (백만원 with up to 3 decimals = 천원; a red variant marks amounts changed since first reported). */
export const NUMBER_FORMATS = {
  integer: '#,##0',
  decimal: '#,##0.0##',
  integerRed: '[Red]#,##0',
  decimalRed: '[Red]#,##0.0##',
  percent: '0.0%',
  text: '@',
} as const;

/** A format showing an amount with only the decimals it has (no trailing "1,234." in Excel). */
export function amountFormat(value: number, red = false): string {
  const integer = Number.isInteger(value);
  if (red) return integer ? NUMBER_FORMATS.integerRed : NUMBER_FORMATS.decimalRed;
  return integer ? NUMBER_FORMATS.integer : NUMBER_FORMATS.decimal;
}

/** Excel's default column width, in digits. */
const DEFAULT_WIDTH = 8.43;
/** One line of 10-point 맑은 고딕, in points; Excel's limit for a row. */
const LINE_POINTS = 13.5;
const MAX_ROW_POINTS = 409;
const WRAPPED: ReadonlySet<CellRole> = new Set(['text', 'header', 'label', 'totalText']);

/** How many lines a text takes in a column `width` digits wide (each of its own lines wrapped at the edge). */
export function wrappedLines(text: string, width: number): number {
  const room = Math.max(1, width - 1);
  let lines = 0;
  for (const line of text.split('\n')) {
    let used = 0;
    for (const ch of line) {
      const code = ch.codePointAt(0) ?? 0;
      used += code >= 0x1100 && code <= 0xffdc ? 1.8 : code === 0x20 ? 0.6 : 1;
    }
    // A little more than the characters' width: words move whole to the next line.
    lines += Math.max(1, Math.ceil((used * 1.08) / room));
  }
  return lines;
}

/** What the styled writer needs beyond SheetJS's cells: each cell's role, the quote-prefixed texts, the panes. */
export interface SheetLooks {
  roles: Map<string, CellRole>;
  /** Cells whose text would start a formula if typed again (kept as text with the cell's ' mark). */
  quoted: Set<string>;
  /** Rows and columns frozen at the top and left (the header rows, the 관리번호 and 사업명). */
  frozen: { rows: number; columns: number } | null;
}

const LOOKS_KEY = '!pledgeLooks';

/** The looks a SheetBuilder gave the sheet, or none for a sheet made otherwise. */
export function looksOf(sheet: XLSX.WorkSheet): SheetLooks | undefined {
  return (sheet as Record<string, unknown>)[LOOKS_KEY] as SheetLooks | undefined;
}

/**
 * Builds one worksheet cell by cell: text is always a string cell kept from running as a formula, numbers are
 * number cells with a format, formulas carry their computed value so readers that do not recalculate still show
 * it. Each cell has a role (header, text, number, total, note …) that styled-workbook.ts turns into the form's
 * ruled grid; red is carried by the number format.
 */
export class SheetBuilder {
  readonly sheet: XLSX.WorkSheet = {};
  private readonly merges: XLSX.Range[] = [];
  private readonly tables: XLSX.Range[] = [];
  private readonly totals: [row: number, from: number, to: number][] = [];
  private readonly looks: SheetLooks = { roles: new Map(), quoted: new Set(), frozen: null };
  private maxRow = 0;
  private maxCol = 0;

  constructor(readonly name: string) {}

  private put(r: number, c: number, cell: XLSX.CellObject, role: CellRole): string {
    const ref = XLSX.utils.encode_cell({ r, c });
    this.sheet[ref] = cell;
    this.looks.roles.set(ref, role);
    if (r > this.maxRow) this.maxRow = r;
    if (c > this.maxCol) this.maxCol = c;
    return ref;
  }

  /**
   * Text as typed: not prefixed with an apostrophe (that would show), but marked so that Excel and Calc keep a
   * text starting with = + - @ as text when the cell is edited again (the cell format's quotePrefix).
   */
  text(r: number, c: number, value: string, format?: string, role: CellRole = 'text'): void {
    const v = truncateCell(value);
    const ref = this.put(r, c, format === undefined ? { t: 's', v } : { t: 's', v, z: format }, role);
    if (FORMULA_START.test(v)) this.looks.quoted.add(ref);
    else if (this.looks.quoted.size > 0) this.looks.quoted.delete(ref);
  }

  /** An identifier kept as text (관리번호 "1-1-1" must not become a date or a number). */
  id(r: number, c: number, value: string): void {
    this.text(r, c, value, NUMBER_FORMATS.text, 'id');
  }

  /** No value in a number column ("—", centred as the forms leave such a cell). */
  empty(r: number, c: number): void {
    this.text(r, c, EMPTY, undefined, 'id');
  }

  /** A line of explanation outside the table's grid (a note, the unit, the basis). */
  note(r: number, c: number, value: string): void {
    this.text(r, c, value, undefined, 'note');
  }

  /** A sheet's title, centred over the columns c1…c2. */
  title(r: number, c1: number, c2: number, value: string): void {
    this.text(r, c1, value, undefined, 'title');
    this.merge(r, c1, r, c2);
  }

  amount(r: number, c: number, value: number, red = false): void {
    this.put(r, c, { t: 'n', v: value, z: amountFormat(value, red) }, 'number');
  }

  count(r: number, c: number, value: number): void {
    this.put(r, c, { t: 'n', v: value, z: NUMBER_FORMATS.integer }, 'number');
  }

  percent(r: number, c: number, value: number | null): void {
    if (value === null) this.empty(r, c);
    else this.put(r, c, { t: 'n', v: value, z: NUMBER_FORMATS.percent }, 'number');
  }

  /** A formula with its value as computed by the report (shown by readers that do not recalculate). */
  formula(r: number, c: number, formula: string, value: number, format: string): void {
    this.put(r, c, { t: 'n', v: value, f: formula, z: format }, 'number');
  }

  /** The cells r1…r2 × c1…c2 form a ruled table: its empty cells are ruled too. */
  table(r1: number, c1: number, r2: number, c2: number): void {
    if (r2 >= r1 && c2 >= c1) this.tables.push({ s: { r: r1, c: c1 }, e: { r: r2, c: c2 } });
  }

  /** Row r's cells c1…c2 are a total (bold, grey), written before or after. */
  totalRow(r: number, c1: number, c2: number): void {
    this.table(r, c1, r, c2);
    this.totals.push([r, c1, c2]);
  }

  /** The top `rows` rows and the left `columns` columns stay in view as the sheet scrolls. */
  freeze(rows: number, columns: number): void {
    this.looks.frozen = { rows, columns };
  }

  /** A note on a cell already written, shown when the cell is pointed at (Excel's 메모). */
  comment(r: number, c: number, text: string): void {
    const cell = this.sheet[XLSX.utils.encode_cell({ r, c })];
    if (cell === undefined) return;
    const note: XLSX.Comments = [{ a: '공약이행 관리', t: text }];
    note.hidden = true;
    cell.c = note;
  }

  merge(r1: number, c1: number, r2: number, c2: number): void {
    if (r1 === r2 && c1 === c2) return;
    this.merges.push({ s: { r: r1, c: c1 }, e: { r: r2, c: c2 } });
  }

  /** A header, spanning several cells when merged (a group over its columns, or over two header rows). */
  header(r1: number, c1: number, r2: number, c2: number, label: string): void {
    this.text(r1, c1, label, undefined, 'header');
    this.merge(r1, c1, r2, c2);
  }

  /** A key in a list of facts (개요's left column). */
  label(r: number, c: number, value: string): void {
    this.text(r, c, value, undefined, 'label');
  }

  widths(chars: number[]): void {
    this.sheet['!cols'] = chars.map((wch) => ({ wch }));
  }

  /**
   * Each row as tall as its most wrapped cell: Calc (and Excel for a file that states no height) keeps rows one
   * line tall, and wrapped text then prints over the next row. The lines are estimated from the column widths
   * (a Hangul syllable is about two digits wide); a height set already (붙임5's title row) is kept.
   */
  private fitRowHeights(): void {
    const widths = (this.sheet['!cols'] ?? []).map((col) => col.wch ?? DEFAULT_WIDTH);
    const spans = new Map<string, XLSX.Range>();
    for (const m of this.merges) spans.set(XLSX.utils.encode_cell(m.s), m);
    const lines = new Map<number, number>();
    for (const [ref, role] of this.looks.roles) {
      if (!WRAPPED.has(role)) continue;
      const cell = this.sheet[ref] as XLSX.CellObject | undefined;
      if (cell?.t !== 's' || typeof cell.v !== 'string' || cell.v === '') continue;
      const at = XLSX.utils.decode_cell(ref);
      const span = spans.get(ref);
      if (span !== undefined && span.e.r > span.s.r) continue;
      let width = 0;
      for (let c = at.c; c <= (span?.e.c ?? at.c); c++) width += widths[c] ?? DEFAULT_WIDTH;
      lines.set(at.r, Math.max(lines.get(at.r) ?? 1, wrappedLines(cell.v, width)));
    }
    const rows = this.sheet['!rows'] ?? [];
    for (const [r, n] of lines) {
      if (n > 1 && rows[r]?.hpt === undefined)
        rows[r] = { hpt: Math.min(MAX_ROW_POINTS, n * LINE_POINTS + 3) };
    }
    if (rows.length > 0) this.sheet['!rows'] = rows;
  }

  /** An empty cell with a role (a merged cell's other parts, a table's empty cell): ruled like its neighbours. */
  private blank(r: number, c: number, role: CellRole): void {
    const ref = XLSX.utils.encode_cell({ r, c });
    if (this.sheet[ref] !== undefined) return;
    // A stub with a format is the one empty cell SheetJS writes (as <c r="…"/>), so it can carry a style.
    this.sheet[ref] = { t: 'z', z: 'General' };
    this.looks.roles.set(ref, role);
    this.maxRow = Math.max(this.maxRow, r);
    this.maxCol = Math.max(this.maxCol, c);
  }

  finish(): XLSX.WorkSheet {
    // Every part of a merged cell draws its rules: Excel and Calc take each part's border from its own format.
    for (const m of this.merges) {
      const role = this.looks.roles.get(XLSX.utils.encode_cell(m.s)) ?? 'text';
      for (let r = m.s.r; r <= m.e.r; r++) for (let c = m.s.c; c <= m.e.c; c++) this.blank(r, c, role);
    }
    for (const t of this.tables)
      for (let r = t.s.r; r <= t.e.r; r++) for (let c = t.s.c; c <= t.e.c; c++) this.blank(r, c, 'text');
    for (const [r, c1, c2] of this.totals) {
      for (let c = c1; c <= c2; c++) {
        const ref = XLSX.utils.encode_cell({ r, c });
        const role = this.looks.roles.get(ref);
        this.looks.roles.set(ref, role === 'number' ? 'totalNumber' : 'totalText');
      }
    }
    this.fitRowHeights();
    this.sheet['!ref'] = XLSX.utils.encode_range({
      s: { r: 0, c: 0 },
      e: { r: this.maxRow, c: this.maxCol },
    });
    if (this.merges.length > 0) this.sheet['!merges'] = this.merges;
    (this.sheet as Record<string, unknown>)[LOOKS_KEY] = this.looks;
    return this.sheet;
  }
}

export const cellRef = (r: number, c: number) => XLSX.utils.encode_cell({ r, c });
export const colName = (c: number) => XLSX.utils.encode_col(c);
