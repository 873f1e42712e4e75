/**
 * The records of a zip file (PKWARE APPNOTE 4.3): the end of central directory record, the central directory's file
 * headers and the local file headers, read field by field from the bytes. Three readers share them, each with its
 * own rules on top:
 * - main/bundles/zip-layout.ts: the program's own signed files, strict (one exact layout, no comment, pinned fields);
 * - main/bundles/file-kind.ts: what a chosen file is, read as little as possible;
 * - main/catalog/zip-check.ts: a 공약사업 목록 workbook as Excel or LibreOffice wrote it, each entry's CRC-32.
 * Reading a record checks only that its signature is there and that it fits in the bytes; what its fields may be
 * is for the reader to decide.
 */

export const ZIP_SIGNATURE = { local: 0x04034b50, central: 0x02014b50, end: 0x06054b50 } as const;
/** The fixed part of each record; a name, an extra field and a comment may follow. */
export const ZIP_FIXED_SIZE = { local: 30, central: 46, end: 22 } as const;
/** The longest comment the end record can announce, so how far back from the file's end it can start. */
export const ZIP_MAX_COMMENT = 0xffff;

/** General purpose flag bits. */
export const ZIP_FLAG = { encrypted: 0x0001, strongEncryption: 0x0040, utf8Names: 0x0800 } as const;

export interface EndRecord {
  offset: number;
  diskNumber: number;
  centralDisk: number;
  entriesOnDisk: number;
  entryCount: number;
  centralSize: number;
  centralOffset: number;
  commentLength: number;
}

export interface CentralRecord {
  offset: number;
  versionMadeBy: number;
  versionNeeded: number;
  flags: number;
  method: number;
  time: number;
  date: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  nameLength: number;
  extraLength: number;
  commentLength: number;
  diskStart: number;
  internalAttributes: number;
  externalAttributes: number;
  localHeaderOffset: number;
  /** The entry's name as stored (its encoding is the reader's question: flag bit 11, or strict UTF-8). */
  nameRaw: Buffer;
  /** Where the next record starts: after the name, the extra field and the comment. */
  end: number;
}

export interface LocalHeader {
  offset: number;
  versionNeeded: number;
  flags: number;
  method: number;
  time: number;
  date: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  nameLength: number;
  extraLength: number;
  /** Where the entry's data starts. */
  dataOffset: number;
}

const hasSignature = (bytes: Buffer, at: number, signature: number, fixed: number): boolean =>
  at >= 0 && at + fixed <= bytes.length && bytes.readUInt32LE(at) === signature;

/** The end record at `offset`, or null when none starts there. */
export function readEndRecord(bytes: Buffer, offset: number): EndRecord | null {
  if (!hasSignature(bytes, offset, ZIP_SIGNATURE.end, ZIP_FIXED_SIZE.end)) return null;
  return {
    offset,
    diskNumber: bytes.readUInt16LE(offset + 4),
    centralDisk: bytes.readUInt16LE(offset + 6),
    entriesOnDisk: bytes.readUInt16LE(offset + 8),
    entryCount: bytes.readUInt16LE(offset + 10),
    centralSize: bytes.readUInt32LE(offset + 12),
    centralOffset: bytes.readUInt32LE(offset + 16),
    commentLength: bytes.readUInt16LE(offset + 20),
  };
}

/**
 * The end record looked for from the file's end back over the longest comment, or null. `commentFits`: only one
 * whose announced comment ends within the file (a signature's bytes inside a comment are then passed over).
 */
export function findEndRecord(bytes: Buffer, options: { commentFits: boolean }): EndRecord | null {
  const lowest = Math.max(0, bytes.length - ZIP_FIXED_SIZE.end - ZIP_MAX_COMMENT);
  for (let at = bytes.length - ZIP_FIXED_SIZE.end; at >= lowest; at--) {
    if (bytes.readUInt32LE(at) !== ZIP_SIGNATURE.end) continue;
    const record = readEndRecord(bytes, at);
    if (record === null) continue;
    if (!options.commentFits || at + ZIP_FIXED_SIZE.end + record.commentLength <= bytes.length) return record;
  }
  return null;
}

/**
 * The central directory's file header at `offset`, or null when none starts there or its fixed part does not fit
 * before `limit` (the end record, for a directory that must end before it). The name, extra field and comment
 * are not checked against `limit`: `end` says where they end, for the reader to compare.
 */
export function readCentralRecord(bytes: Buffer, offset: number, limit = bytes.length): CentralRecord | null {
  if (offset + ZIP_FIXED_SIZE.central > limit) return null;
  if (!hasSignature(bytes, offset, ZIP_SIGNATURE.central, ZIP_FIXED_SIZE.central)) return null;
  const nameLength = bytes.readUInt16LE(offset + 28);
  const extraLength = bytes.readUInt16LE(offset + 30);
  const commentLength = bytes.readUInt16LE(offset + 32);
  const nameStart = offset + ZIP_FIXED_SIZE.central;
  return {
    offset,
    versionMadeBy: bytes.readUInt16LE(offset + 4),
    versionNeeded: bytes.readUInt16LE(offset + 6),
    flags: bytes.readUInt16LE(offset + 8),
    method: bytes.readUInt16LE(offset + 10),
    time: bytes.readUInt16LE(offset + 12),
    date: bytes.readUInt16LE(offset + 14),
    crc32: bytes.readUInt32LE(offset + 16),
    compressedSize: bytes.readUInt32LE(offset + 20),
    uncompressedSize: bytes.readUInt32LE(offset + 24),
    nameLength,
    extraLength,
    commentLength,
    diskStart: bytes.readUInt16LE(offset + 34),
    internalAttributes: bytes.readUInt16LE(offset + 36),
    externalAttributes: bytes.readUInt32LE(offset + 38),
    localHeaderOffset: bytes.readUInt32LE(offset + 42),
    nameRaw: bytes.subarray(nameStart, Math.min(nameStart + nameLength, bytes.length)),
    end: nameStart + nameLength + extraLength + commentLength,
  };
}

/** The local file header at `offset`, or null when none starts there or its fixed part does not fit before `limit`. */
export function readLocalHeader(bytes: Buffer, offset: number, limit = bytes.length): LocalHeader | null {
  if (offset + ZIP_FIXED_SIZE.local > limit) return null;
  if (!hasSignature(bytes, offset, ZIP_SIGNATURE.local, ZIP_FIXED_SIZE.local)) return null;
  const nameLength = bytes.readUInt16LE(offset + 26);
  const extraLength = bytes.readUInt16LE(offset + 28);
  return {
    offset,
    versionNeeded: bytes.readUInt16LE(offset + 4),
    flags: bytes.readUInt16LE(offset + 6),
    method: bytes.readUInt16LE(offset + 8),
    time: bytes.readUInt16LE(offset + 10),
    date: bytes.readUInt16LE(offset + 12),
    crc32: bytes.readUInt32LE(offset + 14),
    compressedSize: bytes.readUInt32LE(offset + 18),
    uncompressedSize: bytes.readUInt32LE(offset + 22),
    nameLength,
    extraLength,
    dataOffset: offset + ZIP_FIXED_SIZE.local + nameLength + extraLength,
  };
}

/** The stored name bytes of a local header (to compare with the central record's). */
export const localName = (bytes: Buffer, header: LocalHeader): Buffer =>
  bytes.subarray(
    header.offset + ZIP_FIXED_SIZE.local,
    header.offset + ZIP_FIXED_SIZE.local + header.nameLength,
  );
