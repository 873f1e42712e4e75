import * as zlib from 'node:zlib';
import * as XLSX from 'xlsx';
import { CellStyles } from './cell-styles';
import { type PageFooter, withPrintSetup } from './print-setup';
import { looksOf, type SheetLooks } from './sheet-builder';

/**
 * A workbook as .xlsx bytes, as the office hands it on: written by SheetJS, then each worksheet's XML given its
 * cells' styles (the form's ruled grid, cell-styles.ts), its frozen header rows and columns and its print setup,
 * and styles.xml replaced by the formats those cells use. SheetJS's community edition writes none of these.
 */

export interface WorkbookPrint {
  /** Sheets printed on A3 (by name); the others on A4. */
  a3: ReadonlySet<string>;
  footer: PageFooter;
}

// The zip is compressed by Node's zlib, not SheetJS's own JavaScript deflate (several times slower on 붙임5 at
// ten times Seoul's size), and zips SheetJS reads are inflated by it too. Set once for this process. SheetJS reads
// how much input an inflater consumed from its `bytesRead`, which Node deprecated (DEP0108) in favour of the same
// value under `bytesWritten`; the inflater given here reports it under the old name, so no deprecation warning is
// printed by the CLI or the app.
class InflateRawForSheetJs {
  bytesRead = 0;
  readonly _finishFlushFlag = zlib.constants.Z_FINISH;
  _processChunk(chunk: Uint8Array, flushFlag: number): Buffer {
    // `_processChunk` is the synchronous step of Node's zlib streams, the one SheetJS itself calls.
    const inflater = new zlib.InflateRaw() as zlib.InflateRaw & {
      _processChunk(chunk: Uint8Array, flushFlag: number): Buffer;
    };
    const out = inflater._processChunk(chunk, flushFlag);
    this.bytesRead = inflater.bytesWritten;
    return out;
  }
}
XLSX.CFB.utils.use_zlib({ InflateRaw: InflateRawForSheetJs, deflateRawSync: zlib.deflateRawSync });

const SHEET_PATH = /\/xl\/worksheets\/sheet(\d+)\.xml$/;
const STYLES_PATH = /\/xl\/styles\.xml$/;

export function writeStyledWorkbook(workbook: XLSX.WorkBook, print: WorkbookPrint): Buffer {
  // Written uncompressed: it is read back here and compressed once, on writing it again.
  const written = XLSX.write(workbook, { type: 'buffer', bookType: 'xlsx', compression: false }) as Buffer;
  const zip = XLSX.CFB.read(written, { type: 'buffer' });
  const text = (i: number): string => {
    const content = zip.FileIndex[i]?.content;
    if (content === undefined) throw new Error(`엑셀 파일을 다시 읽지 못했습니다: ${zip.FullPaths[i]}`);
    return Buffer.from(content as Uint8Array).toString('utf8');
  };
  const put = (path: string, xml: string) =>
    XLSX.CFB.utils.cfb_add(zip, path.replace(/^Root Entry/, ''), Buffer.from(xml, 'utf8'));

  const stylesAt = zip.FullPaths.findIndex((p: string) => STYLES_PATH.test(p));
  if (stylesAt < 0) throw new Error('엑셀 파일에 styles.xml이 없습니다');
  const sheetJsStyles = text(stylesAt);
  // The number format of each of SheetJS's cell formats, by index (what its cells' s="…" point at).
  const cellXfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(sheetJsStyles)?.[1] ?? '';
  const numFmtOf = [...cellXfs.matchAll(/<xf\b[^>]*?numFmtId="(\d+)"/g)].map((m) => Number(m[1]));
  const numFmts = /<numFmts\b[\s\S]*?<\/numFmts>/.exec(sheetJsStyles)?.[0] ?? '';

  const styles = new CellStyles();
  zip.FullPaths.forEach((path: string, i: number) => {
    const found = SHEET_PATH.exec(path);
    if (found === null) return;
    const name = workbook.SheetNames[Number(found[1]) - 1] ?? '';
    const sheet = workbook.Sheets[name];
    const looks = sheet === undefined ? undefined : looksOf(sheet);
    const styled = withCellStyles(text(i), looks, numFmtOf, styles);
    put(path, withPrintSetup(withFrozenPanes(styled, looks), print.a3.has(name) ? 'A3' : 'A4', print.footer));
  });
  put(zip.FullPaths[stylesAt] ?? '', styles.styleSheetXml(numFmts));
  return Buffer.from(
    XLSX.CFB.write(zip, { fileType: 'zip', type: 'buffer', compression: true }) as Uint8Array,
  );
}

/** Every cell's s="…" set to the format of its number format, role and quote mark. */
function withCellStyles(
  xml: string,
  looks: SheetLooks | undefined,
  numFmtOf: readonly number[],
  styles: CellStyles,
): string {
  // SheetJS writes a cell's reference first and its style index (when not 0) right after it: only that part of
  // each <c …> is rewritten. The new index is kept per (old index, role, quote mark): a few dozen in a workbook.
  const known = new Map<string, number>();
  return xml.replace(/<c r="([A-Z]+\d+)"(?: s="(\d+)")?/g, (_all, ref: string, old: string | undefined) => {
    const role = looks?.roles.get(ref) ?? null;
    const quotePrefix = looks?.quoted.has(ref) ?? false;
    const key = `${old ?? '0'}|${role ?? ''}|${quotePrefix ? 1 : 0}`;
    let index = known.get(key);
    if (index === undefined) {
      index = styles.indexOf({
        numFmtId: numFmtOf[old === undefined ? 0 : Number(old)] ?? 0,
        role,
        quotePrefix,
      });
      known.set(key, index);
    }
    return index === 0 ? `<c r="${ref}"` : `<c r="${ref}" s="${index}"`;
  });
}

/** The header rows and the key columns stay in view (the sheet's view split and frozen there). */
function withFrozenPanes(xml: string, looks: SheetLooks | undefined): string {
  const frozen = looks?.frozen;
  if (frozen === null || frozen === undefined || (frozen.rows === 0 && frozen.columns === 0)) return xml;
  const topLeft = XLSX.utils.encode_cell({ r: frozen.rows, c: frozen.columns });
  const pane =
    frozen.rows > 0 && frozen.columns > 0 ? 'bottomRight' : frozen.rows > 0 ? 'bottomLeft' : 'topRight';
  const split = [
    frozen.columns > 0 ? ` xSplit="${frozen.columns}"` : '',
    frozen.rows > 0 ? ` ySplit="${frozen.rows}"` : '',
  ].join('');
  const view =
    `<sheetView workbookViewId="0"><pane${split} topLeftCell="${topLeft}" activePane="${pane}" state="frozen"/>` +
    `<selection pane="${pane}" activeCell="${topLeft}" sqref="${topLeft}"/></sheetView>`;
  const replaced = xml.replace(/<sheetView workbookViewId="0"\/>/, view);
  if (replaced === xml) throw new Error('틀 고정을 넣을 수 없습니다: 시트 보기(sheetView)가 없습니다');
  return replaced;
}
