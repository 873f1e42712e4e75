import type * as XLSX from 'xlsx';

/**
 * How the workbook prints: every sheet on landscape A4 (붙임5 on A3), one page wide (as many pages tall as it needs),
 * each sheet's header rows repeated on every page, and a footer with the page number. SheetJS's community edition
 * writes page margins and defined names (the repeated rows, _xlnm.Print_Titles) but not the page setup itself, so
 * that element is added to each worksheet's XML after writing (styled-workbook.ts). Without it Calc and Excel print
 * 붙임5 as strips of columns over many portrait pages.
 */

const MARGINS = { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 };
/** paperSize 9 is A4, 8 is A3 (ECMA-376 §18.18.42). */
const pageSetup = (paper: 'A4' | 'A3'): string =>
  `<pageSetup paperSize="${paper === 'A3' ? 8 : 9}" orientation="landscape" fitToWidth="1" fitToHeight="0"/>`;
const FIT_TO_PAGE = '<pageSetUpPr fitToPage="1"/>';

/** Before writing: margins on every sheet, and the rows to repeat (1-based, inclusive) per sheet name. */
export function preparePrint(
  workbook: XLSX.WorkBook,
  titleRows: ReadonlyMap<string, [number, number]>,
): void {
  const names: NonNullable<XLSX.WorkBook['Workbook']>['Names'] = [];
  workbook.SheetNames.forEach((name, index) => {
    const sheet = workbook.Sheets[name];
    if (sheet !== undefined) sheet['!margins'] = { ...MARGINS };
    const rows = titleRows.get(name);
    if (rows !== undefined) {
      names.push({
        Name: '_xlnm.Print_Titles',
        Sheet: index,
        Ref: `'${name.replace(/'/g, "''")}'!$${rows[0]}:$${rows[1]}`,
      });
    }
  });
  workbook.Workbook = {
    ...(workbook.Workbook ?? {}),
    Names: [...(workbook.Workbook?.Names ?? []), ...names],
  };
}

/** Header and footer text: '&' starts a code there, so a literal one is doubled; then escaped for XML. */
const footerText = (text: string): string =>
  text
    .replace(/&/g, '&&')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');

/** What each printed page says at its foot: the report on the left, the page of pages, the date on the right. */
export interface PageFooter {
  left: string;
  right: string;
}

/**
 * After writing: one worksheet's XML with its page setup (landscape, one page wide, on A4 or A3: a sheet as wide
 * as 붙임5, 25 columns, is unreadably small on one A4 page's width) and its footer ("1 / 3" in the middle).
 */
export function withPrintSetup(xml: string, paper: 'A4' | 'A3', footer: PageFooter): string {
  const PAGE_SETUP = pageSetup(paper);
  const FOOTER =
    `<headerFooter><oddFooter>&amp;L${footerText(footer.left)}&amp;C&amp;P / &amp;N` +
    `&amp;R${footerText(footer.right)}</oddFooter></headerFooter>`;
  // The sheet's XML is large (붙임5 at ten times Seoul's size: megabytes): only its head (where <sheetPr> goes,
  // first in <worksheet>) and its tail (<pageMargins>, after the cells) are searched, never the cells.
  const margins = xml.lastIndexOf('<pageMargins');
  const marginsEnd = margins < 0 ? -1 : xml.indexOf('/>', margins);
  if (marginsEnd < 0) throw new Error('인쇄 설정을 넣을 수 없습니다: 시트에 pageMargins가 없습니다');
  const withSetup = `${xml.slice(0, marginsEnd + 2)}${PAGE_SETUP}${FOOTER}${xml.slice(marginsEnd + 2)}`;
  const open = withSetup.indexOf('<worksheet');
  const openEnd = open < 0 ? -1 : withSetup.indexOf('>', open);
  if (openEnd < 0) throw new Error('인쇄 설정을 넣을 수 없습니다: 시트의 시작(worksheet)이 없습니다');
  const head = withSetup.slice(0, openEnd + 1);
  const rest = withSetup.slice(openEnd + 1);
  if (rest.startsWith('<sheetPr/>')) return `${head}<sheetPr>${FIT_TO_PAGE}</sheetPr>${rest.slice(10)}`;
  const sheetPr = /^<sheetPr\b([^>]*?)(\/?)>/.exec(rest);
  if (sheetPr === null) return `${head}<sheetPr>${FIT_TO_PAGE}</sheetPr>${rest}`;
  const [found, attrs = '', closed] = sheetPr;
  return closed === '/'
    ? `${head}<sheetPr${attrs}>${FIT_TO_PAGE}</sheetPr>${rest.slice(found.length)}`
    : `${head}<sheetPr${attrs}>${FIT_TO_PAGE}${rest.slice(found.length)}`;
}
