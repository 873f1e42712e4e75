import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ZipFile } from 'yazl';
import {
  findEndRecord,
  localName,
  readCentralRecord,
  readEndRecord,
  readLocalHeader,
  ZIP_FIXED_SIZE,
} from './records';

/** A real zip written by yazl (the program's own writer), with an optional archive comment. */
async function yazlZip(entries: [string, string][], comment = ''): Promise<Buffer> {
  const zip = new ZipFile();
  for (const [name, text] of entries) zip.addBuffer(Buffer.from(text, 'utf8'), name, { compress: false });
  if (comment === '') zip.end();
  else zip.end({ forceZip64Format: false, comment });
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('zip records', () => {
  it('reads the end record, each central record and its local header as yazl wrote them', async () => {
    const entries: [string, string][] = [
      ['manifest.json', '{"a":1}'],
      ['documents/공약.json', '{"이름":"핀테크랩"}'],
    ];
    const bytes = await yazlZip(entries);
    const end = readEndRecord(bytes, bytes.length - ZIP_FIXED_SIZE.end);
    expect(end).not.toBeNull();
    expect(findEndRecord(bytes, { commentFits: true })).toEqual(end);
    expect(end?.entryCount).toBe(2);
    expect(end!.centralOffset + end!.centralSize).toBe(end!.offset);
    let at = end!.centralOffset;
    for (const [name, text] of entries) {
      const record = readCentralRecord(bytes, at, end!.offset);
      expect(record?.nameRaw.toString('utf8')).toBe(name);
      const data = Buffer.from(text, 'utf8');
      expect(record?.uncompressedSize).toBe(data.length);
      expect(record?.crc32).toBe(crc32(data) >>> 0);
      const local = readLocalHeader(bytes, record!.localHeaderOffset);
      expect(local).not.toBeNull();
      expect(localName(bytes, local!).equals(record!.nameRaw)).toBe(true);
      expect(bytes.subarray(local!.dataOffset, local!.dataOffset + data.length).equals(data)).toBe(true);
      at = record!.end;
    }
    expect(at).toBe(end!.offset);
  });

  it('finds the end record before an archive comment, and passes over one whose comment would not fit', async () => {
    const plain = await yazlZip([['a.txt', 'x']]);
    const commented = await yazlZip([['a.txt', 'x']], 'comment');
    const found = findEndRecord(commented, { commentFits: true });
    expect(found?.commentLength).toBe('comment'.length);
    expect(found?.offset).toBe(commented.length - ZIP_FIXED_SIZE.end - 'comment'.length);
    // Cut inside the comment: the record is still there, but its comment no longer ends within the file.
    const cut = commented.subarray(0, commented.length - 3);
    expect(findEndRecord(cut, { commentFits: false })?.offset).toBe(found?.offset);
    expect(findEndRecord(cut, { commentFits: true })).toBeNull();
    expect(findEndRecord(plain.subarray(0, plain.length - 1), { commentFits: false })).toBeNull();
  });

  it('reads no record where its signature is missing or its fixed part runs past the limit', async () => {
    const bytes = await yazlZip([['a.txt', 'x']]);
    const end = readEndRecord(bytes, bytes.length - ZIP_FIXED_SIZE.end)!;
    expect(readCentralRecord(bytes, end.centralOffset + 1)).toBeNull();
    expect(
      readCentralRecord(bytes, end.centralOffset, end.centralOffset + ZIP_FIXED_SIZE.central - 1),
    ).toBeNull();
    expect(readLocalHeader(bytes, 1)).toBeNull();
    expect(readLocalHeader(bytes, 0, ZIP_FIXED_SIZE.local - 1)).toBeNull();
    expect(readEndRecord(bytes, 0)).toBeNull();
    expect(readEndRecord(bytes, bytes.length - ZIP_FIXED_SIZE.end + 1)).toBeNull();
  });
});
