import * as XLSX from 'xlsx';
import { safeCellText } from './safe-text';

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

/**
 * Builds one worksheet cell by cell: text is always a string cell made formula-safe, numbers are number cells
 * with a format, formulas carry their computed value so readers that do not recalculate still show it.
 * (SheetJS community edition writes number formats but no fonts or fills, so red is carried by the format.)
 */
export class SheetBuilder {
  readonly sheet: XLSX.WorkSheet = {};
  private readonly merges: XLSX.Range[] = [];
  private maxRow = 0;
  private maxCol = 0;

  constructor(readonly name: string) {}

  private put(r: number, c: number, cell: XLSX.CellObject): void {
    this.sheet[XLSX.utils.encode_cell({ r, c })] = cell;
    this.maxRow = Math.max(this.maxRow, r);
    this.maxCol = Math.max(this.maxCol, c);
  }

  text(r: number, c: number, value: string, format?: string): void {
    this.put(r, c, { t: 's', v: safeCellText(value), ...(format === undefined ? {} : { z: format }) });
  }

  /** An identifier kept as text (관리번호 "1-1-1" must not become a date or a number). */
  id(r: number, c: number, value: string): void {
    this.text(r, c, value, NUMBER_FORMATS.text);
  }

  amount(r: number, c: number, value: number, red = false): void {
    this.put(r, c, { t: 'n', v: value, z: amountFormat(value, red) });
  }

  count(r: number, c: number, value: number): void {
    this.put(r, c, { t: 'n', v: value, z: NUMBER_FORMATS.integer });
  }

  percent(r: number, c: number, value: number | null): void {
    if (value === null) this.text(r, c, EMPTY);
    else this.put(r, c, { t: 'n', v: value, z: NUMBER_FORMATS.percent });
  }

  /** A formula with its value as computed by the report (shown by readers that do not recalculate). */
  formula(r: number, c: number, formula: string, value: number, format: string): void {
    this.put(r, c, { t: 'n', v: value, f: formula, z: format });
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

  /** Text spanning several cells (a merged header). */
  header(r1: number, c1: number, r2: number, c2: number, label: string): void {
    this.text(r1, c1, label);
    this.merge(r1, c1, r2, c2);
  }

  widths(chars: number[]): void {
    this.sheet['!cols'] = chars.map((wch) => ({ wch }));
  }

  finish(): XLSX.WorkSheet {
    this.sheet['!ref'] = XLSX.utils.encode_range({
      s: { r: 0, c: 0 },
      e: { r: this.maxRow, c: this.maxCol },
    });
    if (this.merges.length > 0) this.sheet['!merges'] = this.merges;
    return this.sheet;
  }
}

export const cellRef = (r: number, c: number) => XLSX.utils.encode_cell({ r, c });
export const colName = (c: number) => XLSX.utils.encode_col(c);
