import { inflateRawSync } from 'node:zlib';
import * as XLSX from 'xlsx';
import { catalogOfWorkbook } from './catalog-workbook';

/**
 * For tests: a small city's 공약사업 목록 파일 as its planning office would type it in Excel (not written by the
 * program's own writer), the 민선8기 term (2022-07 … 2026-06), two areas, three core pledges, four projects and
 * four departments.
 */
export const SMALL_CITY = {
  city: '가람시',
  title: '민선8기 가람시장 공약사업 목록',
  termName: '민선8기',
  departments: ['경제정책과', '노인복지과', '도시계획과', '아동보육과'],
  projects: [
    { id: '1-1-1', name: '청년 창업 공간 조성', lead: '경제정책과', co: ['도시계획과'] },
    { id: '1-1-2', name: '청년 창업 자금 지원', lead: '경제정책과', co: [] },
    { id: '2-1-1', name: '다함께돌봄센터 확대', lead: '아동보육과', co: ['경제정책과'] },
    { id: '2-2-1', name: '경로당 냉난방 개선', lead: '노인복지과', co: [] },
  ],
} as const;

export function smallCityWorkbook(): Buffer {
  const wb = XLSX.utils.book_new();
  const info = [
    ['항목', '값'],
    ['시·도', SMALL_CITY.city],
    ['목록 이름', SMALL_CITY.title],
    ['목록 기준일', '2022-09-30'],
    ['임기 이름', SMALL_CITY.termName],
    ['임기 시작', '2022-07'],
    ['임기 끝', '2026-06'],
    ['실천계획서 제출기한', '2022-10-14'],
    ['관리카드 제출일', 15],
  ];
  const areas = [
    ['분야', '분야명', '목표'],
    [1, '일자리', '일하는 가람'],
    [2, '돌봄', '함께 돌보는 가람'],
  ];
  const cores: Record<string, [number, string, string]> = {
    '1-1': [1, '청년 일자리', '청년 창업 지원'],
    '2-1': [2, '아이 돌봄', '돌봄센터 확대'],
    '2-2': [2, '어르신 돌봄', '경로당 개선'],
  };
  const rows: (string | number | null)[][] = [
    ['분야', '정책내용', '핵심공약', '핵심공약명', '세부사업', '세부사업명', '주관부서', '협조부서'],
  ];
  for (const p of SMALL_CITY.projects) {
    const coreId = p.id.split('-').slice(0, 2).join('-');
    const [area, subGoal, coreName] = cores[coreId] ?? [0, '', ''];
    rows.push([area, subGoal, coreId, coreName, p.id, p.name, p.lead, p.co.join(', ')]);
  }
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(info), '기본 정보');
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(areas), '분야');
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), '공약사업 목록');
  return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}

/** A workbook saved again as Excel saves one: its text in xl/sharedStrings.xml and every entry deflated. */
export function savedAsExcel(bytes: Buffer): Buffer {
  return XLSX.write(XLSX.read(bytes, { type: 'buffer' }), {
    type: 'buffer',
    bookType: 'xlsx',
    bookSST: true,
    compression: true,
  }) as Buffer;
}

/** Where a zip entry's packed bytes lie (from its central directory record and local header), for damaging it. */
export function zipEntrySpan(bytes: Buffer, name: string): { start: number; end: number; method: number } {
  let end = bytes.length - 22;
  while (end > 0 && bytes.readUInt32LE(end) !== 0x06054b50) end--;
  let at = bytes.readUInt32LE(end + 16);
  for (let i = 0; i < bytes.readUInt16LE(end + 10); i++) {
    const nameLength = bytes.readUInt16LE(at + 28);
    if (bytes.toString('utf8', at + 46, at + 46 + nameLength) === name) {
      const local = bytes.readUInt32LE(at + 42);
      const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
      return { start, end: start + bytes.readUInt32LE(at + 20), method: bytes.readUInt16LE(at + 10) };
    }
    at += 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  throw new Error(`no zip entry ${name}`);
}

/** What SheetJS alone makes of a file, with no zip check: how the program read a list before CRC-32 was checked. */
export function readUnchecked(bytes: Buffer): ReturnType<typeof catalogOfWorkbook> | null {
  try {
    return catalogOfWorkbook(XLSX.read(bytes, { type: 'buffer' }));
  } catch {
    return null;
  }
}

const tagsOf = (xml: Buffer): string => xml.toString('utf8').replace(/>[^<]*</g, '><');

/**
 * The first one-bit flip in a deflated entry's packed bytes that SheetJS alone reads as a valid but different
 * list, a name in it changed (the audit's "신" → "쏠"): the damage only a CRC-32 check finds.
 */
export function silentFlip(bytes: Buffer, entry: string): { damaged: Buffer; at: number } {
  const span = zipEntrySpan(bytes, entry);
  if (span.method !== 8) throw new Error(`${entry} is not deflated`);
  const packed = bytes.subarray(span.start, span.end);
  const original = inflateRawSync(packed);
  const intact = JSON.stringify(readUnchecked(bytes));
  for (let at = span.start; at < span.end; at++) {
    for (let bit = 0; bit < 8; bit++) {
      const damaged = Buffer.from(bytes);
      damaged[at] = (damaged[at] ?? 0) ^ (1 << bit);
      // Cheap first: the entry still unpacks, to other bytes of the same length.
      let unpacked: Buffer;
      try {
        unpacked = inflateRawSync(damaged.subarray(span.start, span.end));
      } catch {
        continue;
      }
      if (unpacked.length !== original.length || unpacked.equals(original)) continue;
      // Only the text between the tags changed (a name, not the XML), as with "신" → "쏠".
      if (tagsOf(unpacked) !== tagsOf(original)) continue;
      const read = readUnchecked(damaged);
      if (read?.ok === true && JSON.stringify(read) !== intact) return { damaged, at };
    }
  }
  throw new Error(`no silent one-bit flip in ${entry}`);
}
