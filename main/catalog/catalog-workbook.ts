import * as XLSX from 'xlsx';
import {
  CATALOG_SHEETS,
  catalogFromSheets,
  catalogToSheets,
  type SheetCell,
  type SheetRows,
} from '../../domain/catalog/catalog-sheet';
import type { Catalog } from '../../domain/catalog/types';
import type { Term } from '../../domain/term/types';
import { checkZipEntries } from './zip-check';
import { findEndRecord, readCentralRecord } from '../zip/records';

/**
 * 공약사업 목록 파일 (.xlsx): the catalog and the term as the planning office edits them in Excel, written and read
 * here with SheetJS; the rows and every rule are in domain/catalog/catalog-sheet.ts.
 */

/** Larger than any pledge list (Seoul's is about 40 KB): a bigger file is refused before it is parsed. */
export const MAX_CATALOG_FILE_BYTES = 10 * 1024 * 1024;

const COLUMN_WIDTHS: Record<string, number[]> = {
  [CATALOG_SHEETS.info]: [20, 40, 50],
  [CATALOG_SHEETS.areas]: [6, 24, 60],
  [CATALOG_SHEETS.projects]: [6, 30, 9, 36, 9, 12, 10, 44, 18, 24, 40],
  // 세부사업, 마지막 반기, 주관부서, 협조부서: 세부사업 and the departments as wide as on 공약사업 목록.
  [CATALOG_SHEETS.moves]: [10, 16, 18, 24],
};

function sheetOf(name: string, rows: SheetCell[][]): XLSX.WorkSheet {
  const sheet = XLSX.utils.aoa_to_sheet(rows);
  // Every text cell stays text (a 관리번호 "1-1-1" is never read as a date by Excel: it is written as a string).
  sheet['!cols'] = (COLUMN_WIDTHS[name] ?? []).map((wch) => ({ wch }));
  sheet['!autofilter'] = { ref: sheet['!ref'] ?? 'A1' };
  return sheet;
}

/** The workbook's bytes for a catalog and its term. */
export function writeCatalogWorkbook(catalog: Catalog, term: Term): Buffer {
  const sheets = catalogToSheets(catalog, term);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, sheetOf(CATALOG_SHEETS.info, sheets.info), CATALOG_SHEETS.info);
  XLSX.utils.book_append_sheet(wb, sheetOf(CATALOG_SHEETS.areas, sheets.areas), CATALOG_SHEETS.areas);
  XLSX.utils.book_append_sheet(
    wb,
    sheetOf(CATALOG_SHEETS.projects, sheets.projects),
    CATALOG_SHEETS.projects,
  );
  // Its header row even when no project moved, so the office sees where a reorganisation is written.
  XLSX.utils.book_append_sheet(wb, sheetOf(CATALOG_SHEETS.moves, sheets.moves), CATALOG_SHEETS.moves);
  wb.Props = { Title: `${catalog.title} (${term.name})`, Author: '기획담당관' };
  return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer;
}

/** What the workbook may hold once unpacked: Seoul's list is about 0.3 MB; a zip bomb is refused before it is read. */
export const MAX_CATALOG_UNPACKED_BYTES = 100 * 1024 * 1024;

/**
 * The sum of the uncompressed sizes a zip's central directory declares, and its number of entries; null when the
 * directory cannot be found or read (SheetJS then says what it makes of the file).
 */
export function zipDeclaredSize(bytes: Uint8Array): { entries: number; bytes: number } | null {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The last end record, its comment whole or not (checkZipEntries then says whether the zip is whole).
  const end = findEndRecord(view, { commentFits: false });
  if (end === null) return null;
  let at = end.centralOffset;
  let total = 0;
  for (let i = 0; i < end.entryCount; i++) {
    const record = readCentralRecord(view, at);
    if (record === null) return null;
    total += record.uncompressedSize;
    at = record.end;
  }
  return { entries: end.entryCount, bytes: total };
}

export type CatalogWorkbookRead =
  { ok: true; catalog: Catalog; term: Term } | { ok: false; problems: string[]; more: number };

/**
 * The catalog and term an .xlsx file holds, or what is wrong with it. Only a zip (an .xlsx) is read: SheetJS would
 * otherwise take a CSV or any text as a sheet, and a formula in text as a formula. Cells are read as values, never
 * evaluated.
 */
export function readCatalogWorkbook(bytes: Uint8Array): CatalogWorkbookRead {
  if (bytes.length === 0) return { ok: false, problems: ['빈 파일입니다.'], more: 0 };
  if (bytes.length > MAX_CATALOG_FILE_BYTES)
    return {
      ok: false,
      problems: [
        `파일이 너무 큽니다 (${(bytes.length / 1024 / 1024).toFixed(1)} MB). 공약사업 목록 파일은 10 MB까지 읽습니다.`,
      ],
      more: 0,
    };
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  if (!isZip)
    return {
      ok: false,
      problems: [
        '엑셀 통합문서(.xlsx) 파일이 아닙니다. 엑셀에서 "Excel 통합 문서(*.xlsx)"로 저장한 파일을 고르세요.',
      ],
      more: 0,
    };
  const declared = zipDeclaredSize(bytes);
  if (declared !== null && (declared.bytes > MAX_CATALOG_UNPACKED_BYTES || declared.entries > 10_000))
    return {
      ok: false,
      problems: [
        `압축을 풀면 ${(declared.bytes / 1024 / 1024).toFixed(0)} MB(항목 ${declared.entries}개)가 되는 파일입니다. ` +
          '공약사업 목록 파일로는 너무 커서 열지 않았습니다.',
      ],
      more: 0,
    };
  // SheetJS checks no CRC-32: a flipped bit in a compressed sheet would be read as different names.
  const zip = checkZipEntries(bytes);
  if (!zip.ok)
    return {
      ok: false,
      problems: [
        zip.kind === 'damaged'
          ? `공약사업 목록 파일이 손상되었습니다 (${zip.reason}). 원본 파일을 다시 받아 고르세요.`
          : `이 프로그램이 읽지 못하는 압축 형식입니다 (${zip.reason}). ` +
            '엑셀에서 "Excel 통합 문서(*.xlsx)"로 다시 저장해 고르세요.',
      ],
      more: 0,
    };
  let workbook: XLSX.WorkBook;
  try {
    workbook = XLSX.read(bytes, {
      type: 'buffer',
      cellFormula: false,
      cellHTML: false,
      cellStyles: false,
      cellDates: false,
      bookVBA: false,
    });
  } catch {
    return {
      ok: false,
      problems: ['엑셀 파일을 열 수 없습니다 (손상되었거나 암호가 걸린 파일일 수 있습니다).'],
      more: 0,
    };
  }
  return catalogOfWorkbook(workbook);
}

/** The catalog and term of a workbook SheetJS has read (exported for tests that read a file without the checks). */
export function catalogOfWorkbook(workbook: XLSX.WorkBook): CatalogWorkbookRead {
  const rowsOf = (name: string): SheetRows | null => {
    const sheet = workbook.Sheets[name];
    if (sheet === undefined) return null;
    return XLSX.utils.sheet_to_json<SheetCell[]>(sheet, {
      header: 1,
      raw: true,
      defval: null,
      blankrows: true,
    });
  };
  return catalogFromSheets({
    info: rowsOf(CATALOG_SHEETS.info),
    areas: rowsOf(CATALOG_SHEETS.areas),
    projects: rowsOf(CATALOG_SHEETS.projects),
    // Optional: a file written before moves were kept has no such sheet (null: no project moved).
    moves: rowsOf(CATALOG_SHEETS.moves),
  });
}
