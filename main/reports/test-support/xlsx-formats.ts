import * as XLSX from 'xlsx';

/** How one cell of a written .xlsx looks, read from its XML (SheetJS's community edition reads no styles). */
export interface CellFormat {
  bold: boolean;
  ruled: boolean;
  filled: boolean;
  wrapped: boolean;
  horizontal: string | null;
  quotePrefix: boolean;
  numFmtId: number;
}

/** The cells' formats of every sheet of the .xlsx bytes, and each sheet's frozen pane and footer. */
export function readFormats(xlsx: Buffer) {
  const zip = XLSX.CFB.read(xlsx, { type: 'buffer' });
  const file = (pattern: RegExp): string => {
    const i = zip.FullPaths.findIndex((p: string) => pattern.test(p));
    if (i < 0) throw new Error(`no ${String(pattern)} in the workbook`);
    return Buffer.from(zip.FileIndex[i]?.content as Uint8Array).toString('utf8');
  };
  const styles = file(/\/xl\/styles\.xml$/);
  const part = (tag: string) => new RegExp(`<${tag}\\b[^>]*>([\\s\\S]*?)</${tag}>`).exec(styles)?.[1] ?? '';
  const fonts = [...part('fonts').matchAll(/<font\b[\s\S]*?<\/font>/g)].map((m) => m[0].includes('<b/>'));
  const borders = [...part('borders').matchAll(/<border\b[\s\S]*?<\/border>/g)].map((m) =>
    m[0].includes('style="thin"'),
  );
  const fills = [...part('fills').matchAll(/<fill\b[\s\S]*?<\/fill>/g)].map((m) => m[0].includes('solid'));
  const xfs: CellFormat[] = [...part('cellXfs').matchAll(/<xf\b([^>]*?)(?:\/>|>([\s\S]*?)<\/xf>)/g)].map(
    (m) => {
      const attr = (name: string) => new RegExp(`${name}="([^"]*)"`).exec(m[1] ?? '')?.[1];
      const inner = m[2] ?? '';
      return {
        bold: fonts[Number(attr('fontId'))] ?? false,
        ruled: borders[Number(attr('borderId'))] ?? false,
        filled: fills[Number(attr('fillId'))] ?? false,
        wrapped: inner.includes('wrapText="1"'),
        horizontal: /horizontal="(\w+)"/.exec(inner)?.[1] ?? null,
        quotePrefix: attr('quotePrefix') === '1',
        numFmtId: Number(attr('numFmtId') ?? 0),
      };
    },
  );
  const names = XLSX.read(xlsx, { type: 'buffer', bookSheets: true }).SheetNames;
  const read = new Map<string, string>();
  const sheetXml = (name: string): string => {
    let xml = read.get(name);
    if (xml === undefined) {
      xml = file(new RegExp(`/xl/worksheets/sheet${names.indexOf(name) + 1}\\.xml$`));
      read.set(name, xml);
    }
    return xml;
  };
  const byRef = new Map<string, Map<string, CellFormat>>();
  const cellsOf = (name: string): Map<string, CellFormat> => {
    let cells = byRef.get(name);
    if (cells === undefined) {
      cells = new Map(
        [...sheetXml(name).matchAll(/<c r="([A-Z]+\d+)"([^>]*?)\/?>/g)].map((m) => {
          const s = / s="(\d+)"/.exec(m[2] ?? '');
          const xf = xfs[s === null ? 0 : Number(s[1])];
          if (xf === undefined) throw new Error(`${name}!${m[1]}: no cell format ${s?.[1]}`);
          return [m[1] ?? '', xf];
        }),
      );
      byRef.set(name, cells);
    }
    return cells;
  };
  return {
    /** The format of a cell (the default one for a cell the sheet does not have). */
    cell(sheet: string, ref: string): CellFormat {
      const xf = cellsOf(sheet).get(ref) ?? xfs[0];
      if (xf === undefined) throw new Error('no cell formats in the workbook');
      return xf;
    },
    /** Every cell reference of a sheet with its format. */
    cells(sheet: string): [string, CellFormat][] {
      return [...cellsOf(sheet)];
    },
    pane(sheet: string): { xSplit: number; ySplit: number } | null {
      const pane = /<pane\b([^>]*)\/>/.exec(sheetXml(sheet))?.[1];
      if (pane === undefined) return null;
      const n = (name: string) => Number(new RegExp(`${name}="(\\d+)"`).exec(pane)?.[1] ?? 0);
      return { xSplit: n('xSplit'), ySplit: n('ySplit') };
    },
    footer(sheet: string): string | null {
      return /<oddFooter>([\s\S]*?)<\/oddFooter>/.exec(sheetXml(sheet))?.[1] ?? null;
    },
  };
}
