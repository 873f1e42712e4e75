// Test helper: builds zip bytes field by field, canonical by default (the same bytes packZip writes), with any
// field overridable, to craft archives no ordinary zip tool would write (zip slip, symlinks, size lies…).
import { crc32, deflateRawSync } from 'node:zlib';
import {
  ZIP_DOS_DATE,
  ZIP_DOS_TIME,
  ZIP_EXTERNAL_ATTRIBUTES,
  ZIP_FLAGS,
  ZIP_VERSION_MADE_BY,
  ZIP_VERSION_NEEDED,
} from '../zip-layout';

export type RawEntry = {
  name: string | Buffer;
  data: Uint8Array;
  method?: number;
  /** Bytes stored instead of the (deflated) data. */
  storedData?: Buffer;
  flags?: number;
  externalAttributes?: number;
  versionMadeBy?: number;
  crc32?: number;
  uncompressedSize?: number;
  compressedSize?: number;
  /** Overrides for the local header only (a local/central disagreement). */
  localUncompressedSize?: number;
  localCompressedSize?: number;
  localName?: Buffer;
};

export function buildRawZip(
  entries: RawEntry[],
  options: { comment?: Buffer; prefix?: Buffer } = {},
): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = options.prefix?.length ?? 0;
  for (const entry of entries) {
    const name = typeof entry.name === 'string' ? Buffer.from(entry.name, 'utf8') : entry.name;
    const method = entry.method ?? 0;
    const data = Buffer.from(entry.data);
    const stored = entry.storedData ?? (method === 8 ? deflateRawSync(data) : data);
    const crc = entry.crc32 ?? crc32(data) >>> 0;
    const usize = entry.uncompressedSize ?? data.length;
    const csize = entry.compressedSize ?? stored.length;
    const flags = entry.flags ?? ZIP_FLAGS;
    const localName = entry.localName ?? name;

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(ZIP_VERSION_NEEDED, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(ZIP_DOS_TIME, 10);
    local.writeUInt16LE(ZIP_DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(entry.localCompressedSize ?? csize, 18);
    local.writeUInt32LE(entry.localUncompressedSize ?? usize, 22);
    local.writeUInt16LE(localName.length, 26);
    local.writeUInt16LE(0, 28);
    const localRecord = Buffer.concat([local, localName, stored]);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(entry.versionMadeBy ?? ZIP_VERSION_MADE_BY, 4);
    central.writeUInt16LE(ZIP_VERSION_NEEDED, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(ZIP_DOS_TIME, 12);
    central.writeUInt16LE(ZIP_DOS_DATE, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(csize, 20);
    central.writeUInt32LE(usize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt16LE(0, 30);
    central.writeUInt16LE(0, 32);
    central.writeUInt16LE(0, 34);
    central.writeUInt16LE(0, 36);
    central.writeUInt32LE(entry.externalAttributes ?? ZIP_EXTERNAL_ATTRIBUTES, 38);
    central.writeUInt32LE(offset, 42);
    centrals.push(Buffer.concat([central, name]));
    locals.push(localRecord);
    offset += localRecord.length;
  }
  const centralBytes = Buffer.concat(centrals);
  const comment = options.comment ?? Buffer.alloc(0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(0, 4);
  end.writeUInt16LE(0, 6);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  end.writeUInt16LE(comment.length, 20);
  return Buffer.concat([options.prefix ?? Buffer.alloc(0), ...locals, centralBytes, end, comment]);
}
