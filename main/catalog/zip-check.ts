import { crc32, inflateRawSync } from 'node:zlib';
import { findEndRecord, localName, readCentralRecord, readLocalHeader, ZIP_FLAG } from '../zip/records';

/**
 * Whether an .xlsx file's zip container is whole: every entry of the central directory is unpacked and its
 * CRC-32 and size compared with what the directory declares. SheetJS checks neither, so one flipped bit in a
 * compressed sheet was read as different text (every "신" became "쏠"). The bundle reader's zip check
 * (main/bundles/zip-layout.ts) pins every header field to the program's own writer; an .xlsx comes from Excel or
 * another program, so only what every zip writer must get right is checked here.
 *
 * The caller refuses a file whose declared sizes are too large first (zipDeclaredSize): an entry is never
 * unpacked to more than one byte beyond its declared size.
 */

export type ZipCheck =
  | { ok: true; entries: number }
  /** damaged: the bytes differ from what the zip says they are; unsupported: a zip this check does not read. */
  | { ok: false; kind: 'damaged' | 'unsupported'; reason: string };

const damaged = (reason: string): ZipCheck => ({ ok: false, kind: 'damaged', reason });
const unsupported = (reason: string): ZipCheck => ({ ok: false, kind: 'unsupported', reason });

export function checkZipEntries(bytes: Uint8Array): ZipCheck {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The last end record whose comment ends within the file.
  const endRecord = findEndRecord(view, { commentFits: true });
  if (endRecord === null) return damaged('파일이 잘렸거나 끝부분이 손상되어 압축 목록을 찾을 수 없습니다');
  const { offset: end, entryCount: count, centralSize, centralOffset } = endRecord;
  if (count === 0xffff || centralSize === 0xffffffff || centralOffset === 0xffffffff)
    return unsupported('ZIP64 형식');
  if (endRecord.diskNumber !== 0 || endRecord.centralDisk !== 0 || endRecord.entriesOnDisk !== count)
    return unsupported('여러 파일로 나뉜 압축');
  if (count === 0) return damaged('압축 항목이 하나도 없습니다');
  if (centralOffset + centralSize > end) return damaged('압축 목록이 파일 범위를 벗어납니다');

  let at = centralOffset;
  for (let index = 0; index < count; index++) {
    const record = readCentralRecord(view, at, end);
    if (record === null) return damaged(`압축 목록의 ${index + 1}번째 항목을 읽을 수 없습니다`);
    const { flags, method, compressedSize, uncompressedSize: size, localHeaderOffset: localOffset } = record;
    if (record.end > end) return damaged(`압축 목록의 ${index + 1}번째 항목이 파일 범위를 벗어납니다`);
    const name = record.nameRaw.toString((flags & ZIP_FLAG.utf8Names) !== 0 ? 'utf8' : 'latin1');
    at = record.end;

    const entry = `압축 항목 ${name}`;
    if (compressedSize === 0xffffffff || size === 0xffffffff || localOffset === 0xffffffff)
      return unsupported(`${entry}의 ZIP64 형식`);
    if ((flags & (ZIP_FLAG.encrypted | ZIP_FLAG.strongEncryption)) !== 0)
      return unsupported(`${entry}의 암호`);
    if (method !== 0 && method !== 8) return unsupported(`${entry}의 압축 방식(${method})`);

    // The local header must name the same entry with the same method; its sizes may be zero (data descriptor).
    const local = readLocalHeader(view, localOffset);
    if (local === null) return damaged(`${entry}의 머리글을 읽을 수 없습니다`);
    if (
      local.method !== method ||
      local.nameLength !== record.nameLength ||
      !localName(view, local).equals(record.nameRaw)
    )
      return damaged(`${entry}의 머리글이 압축 목록과 다릅니다`);
    if (local.dataOffset + compressedSize > view.length)
      return damaged(`${entry}의 데이터가 중간에 잘렸습니다`);

    const packed = view.subarray(local.dataOffset, local.dataOffset + compressedSize);
    let data: Buffer;
    if (method === 0) data = packed;
    else {
      try {
        // One byte more than declared is enough to see that the entry is longer than the directory says.
        data = inflateRawSync(packed, { maxOutputLength: size + 1 });
      } catch (error) {
        if (error instanceof RangeError) return damaged(`${entry}의 크기가 맞지 않습니다`);
        return damaged(`${entry}의 압축을 풀 수 없습니다`);
      }
    }
    if (data.length !== size) return damaged(`${entry}의 크기가 맞지 않습니다`);
    if (crc32(data) >>> 0 !== record.crc32) return damaged(`${entry}의 검사값이 맞지 않습니다`);
  }
  return { ok: true, entries: count };
}
