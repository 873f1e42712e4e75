/**
 * How each cell of the workbook looks, by what it is (its role): the official forms' ruled grid, headers bold and
 * centred on a grey ground, totals bold, long text wrapped inside its column, notes under a table unruled.
 * SheetJS's community edition writes number formats but no fonts, borders or alignment, so the written .xlsx
 * gets its styles.xml replaced and every cell's style index set again (styled-workbook.ts), keeping the number
 * format SheetJS chose for the cell.
 */

export type CellRole =
  /** A sheet's title above its table (big, bold, no rule). */
  | 'title'
  /** A column or group header (bold, centred, wrapped, grey). */
  | 'header'
  /** A key in a two-column list of facts (개요: bold, grey, left). */
  | 'label'
  /** Text in a table (ruled, wrapped, centred vertically). */
  | 'text'
  /** A number in a table. */
  | 'number'
  /** 관리번호 and other short codes (ruled, centred). */
  | 'id'
  /** A total row's text and numbers (bold, grey). */
  | 'totalText'
  | 'totalNumber'
  /** A line of explanation under or above a table (no rule, not wrapped: it runs on over empty cells). */
  | 'note';

interface Look {
  font: 0 | 1 | 2;
  fill: 0 | 2 | 3;
  border: 0 | 1;
  horizontal?: 'center' | 'left';
  wrap?: boolean;
}

const LOOKS: Record<CellRole, Look> = {
  title: { font: 2, fill: 0, border: 0, horizontal: 'center' },
  header: { font: 1, fill: 2, border: 1, horizontal: 'center', wrap: true },
  label: { font: 1, fill: 2, border: 1, horizontal: 'left', wrap: true },
  text: { font: 0, fill: 0, border: 1, wrap: true },
  number: { font: 0, fill: 0, border: 1 },
  id: { font: 0, fill: 0, border: 1, horizontal: 'center' },
  totalText: { font: 1, fill: 3, border: 1, horizontal: 'center', wrap: true },
  totalNumber: { font: 1, fill: 3, border: 1 },
  note: { font: 0, fill: 0, border: 0 },
};

/** The font the city's own documents use; Calc substitutes a Korean font where it is missing. */
const FONT = '맑은 고딕';

const FONTS = [
  `<font><sz val="10"/><name val="${FONT}"/><family val="3"/><charset val="129"/></font>`,
  `<font><b/><sz val="10"/><name val="${FONT}"/><family val="3"/><charset val="129"/></font>`,
  `<font><b/><sz val="14"/><name val="${FONT}"/><family val="3"/><charset val="129"/></font>`,
];

const solid = (rgb: string) =>
  `<fill><patternFill patternType="solid"><fgColor rgb="${rgb}"/><bgColor indexed="64"/></patternFill></fill>`;
/** Fills 0 and 1 are reserved by the format (none, gray125). */
const FILLS = [
  '<fill><patternFill patternType="none"/></fill>',
  '<fill><patternFill patternType="gray125"/></fill>',
  solid('FFE7E6E6'),
  solid('FFF2F2F2'),
];

const THIN =
  '<left style="thin"><color auto="1"/></left><right style="thin"><color auto="1"/></right>'.concat(
    '<top style="thin"><color auto="1"/></top><bottom style="thin"><color auto="1"/></bottom><diagonal/>',
  );
const BORDERS = ['<border><left/><right/><top/><bottom/><diagonal/></border>', `<border>${THIN}</border>`];

/** A cell's style as written: its number format (from SheetJS), its role and whether it is quote-prefixed. */
export interface CellStyleKey {
  numFmtId: number;
  role: CellRole | null;
  /** Text that would start a formula if typed: kept as typed text by Excel and Calc (the cell's ' mark). */
  quotePrefix: boolean;
}

/** The workbook's cell formats, each made once: index 0 is the plain default. */
export class CellStyles {
  private readonly xfs: string[] = [xfXml({ numFmtId: 0, role: null, quotePrefix: false })];
  private readonly index = new Map<string, number>([['0||0', 0]]);

  indexOf(key: CellStyleKey): number {
    const id = `${key.numFmtId}|${key.role ?? ''}|${key.quotePrefix ? 1 : 0}`;
    let found = this.index.get(id);
    if (found === undefined) {
      found = this.xfs.length;
      this.xfs.push(xfXml(key));
      this.index.set(id, found);
    }
    return found;
  }

  /** styles.xml with SheetJS's number formats (its <numFmts> element, or none) and these cell formats. */
  styleSheetXml(numFmts: string): string {
    const list = (tag: string, items: string[]) =>
      `<${tag} count="${items.length}">${items.join('')}</${tag}>`;
    return (
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      numFmts +
      list('fonts', FONTS) +
      list('fills', FILLS) +
      list('borders', BORDERS) +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      list('cellXfs', this.xfs) +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      '<dxfs count="0"/><tableStyles count="0"/></styleSheet>'
    );
  }
}

function xfXml(key: CellStyleKey): string {
  const look: Look = key.role === null ? { font: 0, fill: 0, border: 0 } : LOOKS[key.role];
  const align = [
    look.horizontal === undefined ? '' : ` horizontal="${look.horizontal}"`,
    key.role === null || key.role === 'note' ? '' : ' vertical="center"',
    look.wrap === true ? ' wrapText="1"' : '',
  ].join('');
  return (
    `<xf numFmtId="${key.numFmtId}" fontId="${look.font}" fillId="${look.fill}" borderId="${look.border}" xfId="0"` +
    ' applyNumberFormat="1" applyFont="1" applyFill="1" applyBorder="1"' +
    (align === '' ? '' : ' applyAlignment="1"') +
    (key.quotePrefix ? ' quotePrefix="1"' : '') +
    (align === '' ? '/>' : `><alignment${align}/></xf>`)
  );
}
