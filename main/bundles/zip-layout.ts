import { entryNameKey, entryNameProblem } from './names';
import type { BundleLimits } from './limits';
import { decodeUtf8Strict } from './strict-json';
import {
  localName,
  readCentralRecord,
  readEndRecord,
  readLocalHeader,
  ZIP_FIXED_SIZE,
  ZIP_FLAG,
} from '../zip/records';

/**
 * The canonical zip layout that writeBundle produces (yazl with fixed options), checked byte by byte on the
 * in-memory buffer before yauzl reads it. Every header field is either pinned to the one value we write or
 * cross-checked between the local header and the central directory, entries are contiguous from offset 0, and
 * the central directory and its end record follow with nothing after them. So any changed, inserted or removed
 * byte in the container is a rejection, and no two zip readers can see different files in an accepted bundle
 * (local vs central names or sizes, overlapping entries, prepended or appended data).
 */

export const ZIP_VERSION_MADE_BY = (3 << 8) | 63; // Unix, spec 6.3 (yazl's constant)
export const ZIP_VERSION_NEEDED = 20;
export const ZIP_FLAGS = 0x0800; // names are UTF-8; sizes known up front (no data descriptor)
export const ZIP_DOS_TIME = 0;
export const ZIP_DOS_DATE = (0 << 9) | (1 << 5) | 1; // 1980-01-01
export const ZIP_FILE_MODE = 0o100644;
export const ZIP_EXTERNAL_ATTRIBUTES = (ZIP_FILE_MODE << 16) >>> 0;

export type LayoutEntry = {
  name: string;
  method: 0 | 8;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
  dataOffset: number;
};

export type ZipFailure = { ok: false; code: string; message: string };
export type LayoutResult = { ok: true; entries: LayoutEntry[] } | ZipFailure;

const fail = (code: string, message: string): ZipFailure => ({ ok: false, code, message });

/**
 * Compression methods a reader accepts. Bundle format 1 stores every entry uncompressed: the padding bits at the
 * end of a deflate stream are ignored by inflate, so a changed byte there would still verify, and without
 * inflating there is no zip bomb. Deflate reading stays implemented (and tested) for a later format.
 */
export type ZipPolicy = { methods: readonly (0 | 8)[] };
export const BUNDLE_ZIP_POLICY: ZipPolicy = { methods: [0] };

export function checkZipLayout(
  bytes: Buffer,
  limits: BundleLimits,
  policy: ZipPolicy = BUNDLE_ZIP_POLICY,
): LayoutResult {
  if (bytes.length > limits.maxBundleBytes) {
    return fail(
      'ZIP_LIMIT',
      `파일 크기(${bytes.length}바이트)가 한도 ${limits.maxBundleBytes}바이트를 넘습니다`,
    );
  }
  if (bytes.length < ZIP_FIXED_SIZE.end) return fail('ZIP_INVALID', 'ZIP 파일이 아닙니다 (너무 짧습니다)');
  // The end record is the file's last 22 bytes: no comment, nothing after it.
  const endOffset = bytes.length - ZIP_FIXED_SIZE.end;
  const endRecord = readEndRecord(bytes, endOffset);
  if (endRecord === null) {
    return fail(
      'ZIP_INVALID',
      'ZIP 파일의 끝 레코드가 파일 끝에 없습니다 (잘렸거나, 뒤에 데이터가 붙었거나, 주석이 있습니다)',
    );
  }
  const { diskNumber, centralDisk, entriesOnDisk, entryCount, centralSize, centralOffset, commentLength } =
    endRecord;
  if (diskNumber !== 0 || centralDisk !== 0 || entriesOnDisk !== entryCount) {
    return fail(
      'ZIP_INVALID',
      'ZIP 끝 레코드의 디스크 번호나 항목 수가 올바르지 않습니다 (분할 압축은 쓰지 않습니다)',
    );
  }
  if (commentLength !== 0) return fail('ZIP_INVALID', 'ZIP 파일에 주석이 있습니다');
  if (entryCount > limits.maxEntries) {
    return fail('ZIP_LIMIT', `ZIP 항목 수(${entryCount})가 한도 ${limits.maxEntries}개를 넘습니다`);
  }
  if (entryCount === 0xffff || centralOffset === 0xffffffff || centralSize === 0xffffffff) {
    return fail('ZIP_INVALID', 'ZIP64 형식은 쓰지 않습니다');
  }
  if (centralOffset + centralSize !== endOffset) {
    return fail('ZIP_INVALID', 'ZIP 중앙 디렉터리의 위치나 크기가 끝 레코드와 맞지 않습니다');
  }

  const entries: LayoutEntry[] = [];
  const seen = new Map<string, string>();
  let central = centralOffset;
  let expectedLocal = 0;
  let totalUncompressed = 0;

  for (let index = 0; index < entryCount; index++) {
    const at = `ZIP 항목 ${index + 1}`;
    const record = readCentralRecord(bytes, central, endOffset);
    if (record === null) return fail('ZIP_INVALID', `${at}: 중앙 디렉터리 레코드가 올바르지 않습니다`);
    const {
      versionMadeBy,
      versionNeeded,
      flags,
      method,
      time,
      date,
      crc32,
      compressedSize,
      uncompressedSize,
      nameLength,
      extraLength,
      commentLength: entryCommentLength,
      diskStart,
      internalAttributes,
      externalAttributes,
      localHeaderOffset,
      nameRaw,
    } = record;
    if (record.end > endOffset) return fail('ZIP_INVALID', `${at}: 중앙 디렉터리 레코드가 범위를 벗어납니다`);
    central = record.end;

    const decoded = decodeUtf8Strict(nameRaw);
    if (decoded === null) {
      return fail(
        'ZIP_PATH',
        `${at}: 파일 이름이 UTF-8 이 아닙니다 (CP949 등 옛 압축 프로그램으로 만든 ZIP 은 받지 않습니다)`,
      );
    }
    const name = decoded;
    const label = `ZIP 항목 ${JSON.stringify(name)}`;

    // Entry type before name syntax, so a directory or symlink is reported as such.
    const unixType = (externalAttributes >>> 16) & 0o170000;
    if (name.endsWith('/') || unixType === 0o040000 || (externalAttributes & 0x10) !== 0) {
      return fail('ZIP_ENTRY_TYPE', `${label} 은 폴더 항목입니다. 이 파일에는 파일만 들어갈 수 있습니다`);
    }
    if (unixType === 0o120000) {
      return fail(
        'ZIP_ENTRY_TYPE',
        `${label} 은 심볼릭 링크입니다. 이 파일에는 일반 파일만 들어갈 수 있습니다`,
      );
    }
    if (unixType !== 0 && unixType !== 0o100000) {
      return fail('ZIP_ENTRY_TYPE', `${label} 은 일반 파일이 아닙니다 (형식 ${unixType.toString(8)})`);
    }
    const nameProblem = entryNameProblem(name);
    if (nameProblem) return fail('ZIP_PATH', `${label} 의 경로가 안전하지 않습니다: ${nameProblem}`);
    const key = entryNameKey(name);
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      return fail(
        'ZIP_DUPLICATE',
        earlier === name
          ? `${label} 이 ZIP 안에 두 번 들어 있습니다`
          : `${label} 과 ${JSON.stringify(earlier)} 는 유니코드 정규화나 대소문자만 다른 같은 이름입니다`,
      );
    }
    seen.set(key, name);

    if ((flags & (ZIP_FLAG.encrypted | ZIP_FLAG.strongEncryption)) !== 0)
      return fail('ZIP_INVALID', `${label} 이 암호화되어 있습니다`);
    if (method !== 0 && method !== 8) {
      return fail(
        'ZIP_INVALID',
        `${label} 의 압축 방식(${method})을 지원하지 않습니다 (저장 또는 deflate 만)`,
      );
    }
    if (uncompressedSize > limits.maxEntryBytes) {
      return fail(
        'ZIP_LIMIT',
        `${label} 의 압축 해제 크기(${uncompressedSize}바이트)가 한도를 넘습니다 (zip bomb 의심)`,
      );
    }
    totalUncompressed += uncompressedSize;
    if (totalUncompressed > limits.maxTotalUncompressedBytes) {
      return fail(
        'ZIP_LIMIT',
        `압축 해제 크기의 합이 한도 ${limits.maxTotalUncompressedBytes}바이트를 넘습니다 (zip bomb 의심)`,
      );
    }
    if (
      uncompressedSize >= limits.ratioCheckMinBytes &&
      uncompressedSize > limits.maxCompressionRatio * Math.max(compressedSize, 1)
    ) {
      return fail(
        'ZIP_LIMIT',
        `${label} 의 압축률이 한도 ${limits.maxCompressionRatio}배를 넘습니다 (zip bomb 의심)`,
      );
    }

    if (!policy.methods.includes(method)) {
      return fail(
        'ZIP_INVALID',
        `${label} 이 압축되어 있습니다. 파일 형식 1 은 압축하지 않은(stored) 항목만 씁니다`,
      );
    }

    const pinned: [string, number, number][] = [
      ['만든 버전', versionMadeBy, ZIP_VERSION_MADE_BY],
      ['필요 버전', versionNeeded, ZIP_VERSION_NEEDED],
      ['플래그', flags, ZIP_FLAGS],
      ['수정 시각', time, ZIP_DOS_TIME],
      ['수정 날짜', date, ZIP_DOS_DATE],
      ['추가 필드 길이', extraLength, 0],
      ['주석 길이', entryCommentLength, 0],
      ['디스크 번호', diskStart, 0],
      ['내부 속성', internalAttributes, 0],
      ['외부 속성(파일 모드)', externalAttributes, ZIP_EXTERNAL_ATTRIBUTES],
    ];
    for (const [field, actual, expected] of pinned) {
      if (actual !== expected) {
        return fail(
          'ZIP_INVALID',
          `${label} 의 중앙 디렉터리 ${field} 값(${actual})이 파일 규격(${expected})과 다릅니다`,
        );
      }
    }
    if (method === 0 && compressedSize !== uncompressedSize) {
      return fail('ZIP_INVALID', `${label} 은 압축하지 않은 항목인데 압축 크기와 원래 크기가 다릅니다`);
    }

    // The local header must repeat the central record exactly and sit right after the previous entry.
    if (localHeaderOffset !== expectedLocal) {
      return fail(
        'ZIP_INVALID',
        `${label} 의 로컬 헤더 위치(${localHeaderOffset})가 연속 배치(${expectedLocal})와 다릅니다`,
      );
    }
    const local = readLocalHeader(bytes, localHeaderOffset, centralOffset);
    if (local === null) return fail('ZIP_INVALID', `${label} 의 로컬 헤더가 올바르지 않습니다`);
    const localFields: [string, number, number][] = [
      ['필요 버전', local.versionNeeded, versionNeeded],
      ['플래그', local.flags, flags],
      ['압축 방식', local.method, method],
      ['수정 시각', local.time, time],
      ['수정 날짜', local.date, date],
      ['CRC-32', local.crc32, crc32],
      ['압축 크기', local.compressedSize, compressedSize],
      ['원래 크기', local.uncompressedSize, uncompressedSize],
      ['이름 길이', local.nameLength, nameLength],
      ['추가 필드 길이', local.extraLength, 0],
    ];
    for (const [field, actual, expected] of localFields) {
      if (actual !== expected) {
        return fail(
          'ZIP_INVALID',
          `${label} 의 로컬 헤더 ${field} 값(${actual})이 중앙 디렉터리(${expected})와 다릅니다`,
        );
      }
    }
    // The extra field's length is pinned to 0 above, so the data follows the name.
    const dataOffset = local.dataOffset;
    if (dataOffset + compressedSize > centralOffset) {
      return fail('ZIP_INVALID', `${label} 의 데이터가 파일 범위를 벗어납니다`);
    }
    if (!localName(bytes, local).equals(nameRaw)) {
      return fail('ZIP_INVALID', `${label} 의 로컬 헤더 이름이 중앙 디렉터리와 다릅니다`);
    }
    expectedLocal = dataOffset + compressedSize;
    entries.push({ name, method, crc32, compressedSize, uncompressedSize, localHeaderOffset, dataOffset });
  }
  if (expectedLocal !== centralOffset) {
    return fail('ZIP_INVALID', '마지막 ZIP 항목과 중앙 디렉터리 사이에 알 수 없는 데이터가 있습니다');
  }
  if (central !== endOffset)
    return fail('ZIP_INVALID', 'ZIP 중앙 디렉터리 뒤에 알 수 없는 데이터가 있습니다');

  // Only after duplicates are known: a lone decomposed (NFD) name is still refused, so members print one way.
  for (const entry of entries) {
    if (entry.name !== entry.name.normalize('NFC')) {
      return fail(
        'ZIP_PATH',
        `ZIP 항목 ${JSON.stringify(entry.name)} 의 이름이 NFC 로 정규화되어 있지 않습니다`,
      );
    }
  }
  return { ok: true, entries };
}
