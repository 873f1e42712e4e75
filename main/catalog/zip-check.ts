import { crc32, inflateRawSync } from 'node:zlib';

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

const LOCAL_SIG = 0x04034b50;
const CENTRAL_SIG = 0x02014b50;
const END_SIG = 0x06054b50;
const LOCAL_FIXED = 30;
const CENTRAL_FIXED = 46;
const END_FIXED = 22;

const damaged = (reason: string): ZipCheck => ({ ok: false, kind: 'damaged', reason });
const unsupported = (reason: string): ZipCheck => ({ ok: false, kind: 'unsupported', reason });

/** The offset of the end-of-central-directory record: the last one whose comment ends within the file. */
function endRecordOffset(view: Buffer): number | null {
  for (let end = view.length - END_FIXED; end >= Math.max(0, view.length - END_FIXED - 0xffff); end--) {
    if (view.readUInt32LE(end) === END_SIG && end + END_FIXED + view.readUInt16LE(end + 20) <= view.length)
      return end;
  }
  return null;
}

export function checkZipEntries(bytes: Uint8Array): ZipCheck {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = endRecordOffset(view);
  if (end === null) return damaged('파일이 잘렸거나 끝부분이 손상되어 압축 목록을 찾을 수 없습니다');
  const disk = view.readUInt16LE(end + 4);
  const centralDisk = view.readUInt16LE(end + 6);
  const onDisk = view.readUInt16LE(end + 8);
  const count = view.readUInt16LE(end + 10);
  const centralSize = view.readUInt32LE(end + 12);
  const centralOffset = view.readUInt32LE(end + 16);
  if (count === 0xffff || centralSize === 0xffffffff || centralOffset === 0xffffffff)
    return unsupported('ZIP64 형식');
  if (disk !== 0 || centralDisk !== 0 || onDisk !== count) return unsupported('여러 파일로 나뉜 압축');
  if (count === 0) return damaged('압축 항목이 하나도 없습니다');
  if (centralOffset + centralSize > end) return damaged('압축 목록이 파일 범위를 벗어납니다');

  let at = centralOffset;
  for (let index = 0; index < count; index++) {
    if (at + CENTRAL_FIXED > end || view.readUInt32LE(at) !== CENTRAL_SIG)
      return damaged(`압축 목록의 ${index + 1}번째 항목을 읽을 수 없습니다`);
    const flags = view.readUInt16LE(at + 8);
    const method = view.readUInt16LE(at + 10);
    const expectedCrc = view.readUInt32LE(at + 16);
    const compressedSize = view.readUInt32LE(at + 20);
    const size = view.readUInt32LE(at + 24);
    const nameLength = view.readUInt16LE(at + 28);
    const recordEnd =
      at + CENTRAL_FIXED + nameLength + view.readUInt16LE(at + 30) + view.readUInt16LE(at + 32);
    const localOffset = view.readUInt32LE(at + 42);
    if (recordEnd > end) return damaged(`압축 목록의 ${index + 1}번째 항목이 파일 범위를 벗어납니다`);
    const rawName = view.subarray(at + CENTRAL_FIXED, at + CENTRAL_FIXED + nameLength);
    const name = rawName.toString((flags & 0x0800) !== 0 ? 'utf8' : 'latin1');
    at = recordEnd;

    const entry = `압축 항목 ${name}`;
    if (compressedSize === 0xffffffff || size === 0xffffffff || localOffset === 0xffffffff)
      return unsupported(`${entry}의 ZIP64 형식`);
    if ((flags & 0x0041) !== 0) return unsupported(`${entry}의 암호`);
    if (method !== 0 && method !== 8) return unsupported(`${entry}의 압축 방식(${method})`);

    // The local header must name the same entry with the same method; its sizes may be zero (data descriptor).
    if (localOffset + LOCAL_FIXED > view.length || view.readUInt32LE(localOffset) !== LOCAL_SIG)
      return damaged(`${entry}의 머리글을 읽을 수 없습니다`);
    const localNameLength = view.readUInt16LE(localOffset + 26);
    const dataOffset = localOffset + LOCAL_FIXED + localNameLength + view.readUInt16LE(localOffset + 28);
    if (
      view.readUInt16LE(localOffset + 8) !== method ||
      localNameLength !== nameLength ||
      !view.subarray(localOffset + LOCAL_FIXED, localOffset + LOCAL_FIXED + nameLength).equals(rawName)
    )
      return damaged(`${entry}의 머리글이 압축 목록과 다릅니다`);
    if (dataOffset + compressedSize > view.length) return damaged(`${entry}의 데이터가 중간에 잘렸습니다`);

    const packed = view.subarray(dataOffset, dataOffset + compressedSize);
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
    if (crc32(data) >>> 0 !== expectedCrc) return damaged(`${entry}의 검사값이 맞지 않습니다`);
  }
  return { ok: true, entries: count };
}
