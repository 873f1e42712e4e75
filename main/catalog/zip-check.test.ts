import { Readable } from 'node:stream';
import { inflateRawSync } from 'node:zlib';
import yazl from 'yazl';
import { describe, expect, it } from 'vitest';
import { savedAsExcel, smallCityWorkbook, zipEntrySpan } from './test-support';
import { checkZipEntries } from './zip-check';

async function zipOf(
  build: (zip: yazl.ZipFile) => void,
  end: { comment?: string; forceZip64Format?: boolean } = {},
): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  build(zip);
  zip.end({ comment: '', forceZip64Format: false, ...end });
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** The central directory record of an entry (its offset), for changing what the directory declares. */
function centralRecord(bytes: Buffer, name: string): number {
  const start = bytes.readUInt32LE(bytes.length - 22 + 16);
  for (let at = start; bytes.readUInt32LE(at) === 0x02014b50;) {
    const nameLength = bytes.readUInt16LE(at + 28);
    if (bytes.toString('utf8', at + 46, at + 46 + nameLength) === name) return at;
    at += 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  throw new Error(`no central record ${name}`);
}

describe('checkZipEntries (the .xlsx container, before SheetJS reads it)', () => {
  const stored = smallCityWorkbook(); // as SheetJS writes by default: entries stored
  const deflated = savedAsExcel(stored); // as Excel saves: shared strings, entries deflated

  it('passes whole files, stored or deflated, with data descriptors, empty entries and a comment', async () => {
    expect(checkZipEntries(stored)).toEqual({ ok: true, entries: 12 });
    expect(checkZipEntries(deflated)).toMatchObject({ ok: true });
    const streamed = await zipOf(
      (zip) => {
        // A stream of unknown length: sizes and CRC-32 after the data (flag bit 3), zeros in the local header.
        zip.addReadStream(Readable.from([Buffer.from('<a>신</a>'.repeat(500))]), 'xl/a.xml');
        zip.addBuffer(Buffer.alloc(0), 'empty.xml');
        zip.addBuffer(Buffer.from('stored'), 'b.xml', { compress: false });
      },
      { comment: 'comment' },
    );
    expect(streamed.readUInt16LE(6) & 0x0008).toBe(0x0008);
    expect(streamed.subarray(-7).toString()).toBe('comment');
    expect(checkZipEntries(streamed)).toEqual({ ok: true, entries: 3 });
  });

  it('refuses one flipped bit in an entry, stored or deflated, naming the entry', () => {
    const entry = 'xl/sharedStrings.xml';
    const span = zipEntrySpan(deflated, entry);
    expect(span.method).toBe(8);
    // A bit in every byte of the packed data: refused, never thrown, unless it unpacks to the same bytes (the
    // unused bits after the last deflate block).
    const original = inflateRawSync(deflated.subarray(span.start, span.end));
    let passed = 0;
    for (let at = span.start; at < span.end; at++) {
      const damaged = Buffer.from(deflated);
      damaged[at] = (damaged[at] ?? 0) ^ (1 << (at % 8));
      const check = checkZipEntries(damaged);
      if (check.ok) {
        expect(inflateRawSync(damaged.subarray(span.start, span.end)).equals(original)).toBe(true);
        passed++;
        continue;
      }
      expect(check.kind).toBe('damaged');
      expect(check.reason).toContain(`압축 항목 ${entry}의 `);
    }
    expect(passed).toBeLessThanOrEqual(1);
    const sheet = zipEntrySpan(stored, 'xl/worksheets/sheet3.xml');
    const damaged = Buffer.from(stored);
    damaged[sheet.start + 100] = (damaged[sheet.start + 100] ?? 0) ^ 0x10;
    expect(checkZipEntries(damaged)).toEqual({
      ok: false,
      kind: 'damaged',
      reason: '압축 항목 xl/worksheets/sheet3.xml의 검사값이 맞지 않습니다',
    });
  });

  it('refuses an entry longer or shorter than its directory says, without unpacking more than that', () => {
    for (const delta of [-1, 1]) {
      const damaged = Buffer.from(deflated);
      const record = centralRecord(damaged, 'xl/sharedStrings.xml');
      damaged.writeUInt32LE(damaged.readUInt32LE(record + 24) + delta, record + 24);
      expect(checkZipEntries(damaged)).toEqual({
        ok: false,
        kind: 'damaged',
        reason: '압축 항목 xl/sharedStrings.xml의 크기가 맞지 않습니다',
      });
    }
  });

  it('refuses a cut file wherever it is cut, and what is not a zip', () => {
    for (let length = 0; length < deflated.length; length += 97) {
      const check = checkZipEntries(deflated.subarray(0, length));
      expect(check, `cut at ${length}`).toMatchObject({ ok: false, kind: 'damaged' });
    }
    expect(checkZipEntries(deflated.subarray(0, deflated.length - 1))).toEqual({
      ok: false,
      kind: 'damaged',
      reason: '파일이 잘렸거나 끝부분이 손상되어 압축 목록을 찾을 수 없습니다',
    });
    expect(checkZipEntries(Buffer.from('분야,분야명\n1,일자리\n'))).toMatchObject({
      ok: false,
      kind: 'damaged',
    });
  });

  it('calls ZIP64 and a compression method it does not read unsupported', async () => {
    const zip64 = await zipOf((zip) => zip.addBuffer(Buffer.from('<a/>'), 'a.xml'), {
      forceZip64Format: true,
    });
    expect(checkZipEntries(zip64)).toEqual({ ok: false, kind: 'unsupported', reason: 'ZIP64 형식' });
    const other = Buffer.from(stored);
    const record = centralRecord(other, 'xl/styles.xml');
    other.writeUInt16LE(14, record + 10); // LZMA
    other.writeUInt16LE(14, other.readUInt32LE(record + 42) + 8);
    expect(checkZipEntries(other)).toEqual({
      ok: false,
      kind: 'unsupported',
      reason: '압축 항목 xl/styles.xml의 압축 방식(14)',
    });
  });
});
