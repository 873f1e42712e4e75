import { crc32 } from 'node:zlib';
import yauzl from 'yauzl';
import type { Entry, ZipFile } from 'yauzl';
import type { BundleLimits } from './limits';
import { BUNDLE_ZIP_POLICY, checkZipLayout } from './zip-layout';
import type { LayoutEntry, ZipFailure, ZipPolicy } from './zip-layout';

export type ZipMember = { name: string; data: Buffer };
export type ZipReadResult = { ok: true; entries: ZipMember[] } | ZipFailure;

/**
 * Reads every entry of a bundle from memory: the canonical layout check first (names, types, duplicates, sizes,
 * limits), then the entries' data. Stored entries (bundle format 1 has no other) are the bytes the layout check
 * located, copied out, with their CRC-32 checked. Deflated ones (a reader given a policy that allows them) are
 * inflated by yauzl with its size assertion on: each entry's listing must match the layout check, the inflated size
 * must equal the declared size and the CRC-32 must match. Every yauzl 'error' event ends in a rejection value,
 * never an exception.
 */
export async function readZipEntries(
  bytes: Buffer,
  limits: BundleLimits,
  policy: ZipPolicy = BUNDLE_ZIP_POLICY,
  /**
   * Stored entries as views into `bytes` instead of copies: for a caller that reads them while it holds `bytes` and
   * copies what it keeps (the verify worker, which sends only the attachments on).
   */
  storedAsViews = false,
): Promise<ZipReadResult> {
  const layout = checkZipLayout(bytes, limits, policy);
  if (!layout.ok) return layout;
  const expected = layout.entries;
  if (expected.every((e) => e.method === 0)) return readStoredEntries(bytes, expected, storedAsViews);

  return new Promise<ZipReadResult>((resolve) => {
    let settled = false;
    let zipRef: ZipFile | null = null;
    const finish = (result: ZipReadResult): void => {
      if (settled) return;
      settled = true;
      try {
        zipRef?.close();
      } catch {
        // already closed
      }
      resolve(result);
    };
    const invalid = (message: string): void => finish({ ok: false, code: 'ZIP_INVALID', message });

    yauzl.fromBuffer(
      bytes,
      {
        lazyEntries: true,
        strictFileNames: true,
        validateEntrySizes: true,
        decodeStrings: true,
        autoClose: false,
      },
      (openError, zip) => {
        if (openError || !zip) {
          invalid(`ZIP 파일을 열 수 없습니다: ${openError?.message ?? '알 수 없는 오류'}`);
          return;
        }
        zipRef = zip;
        const members: ZipMember[] = [];
        zip.on('error', (error: Error) => invalid(`ZIP 파일을 읽는 중 오류가 났습니다: ${error.message}`));
        zip.on('end', () => {
          if (members.length !== expected.length) invalid('ZIP 항목 수가 중앙 디렉터리와 다릅니다');
          else finish({ ok: true, entries: members });
        });
        zip.on('entry', (entry: Entry) => {
          if (settled) return;
          const want = expected[members.length];
          if (
            !want ||
            entry.fileName !== want.name ||
            entry.compressedSize !== want.compressedSize ||
            entry.uncompressedSize !== want.uncompressedSize ||
            entry.relativeOffsetOfLocalHeader !== want.localHeaderOffset
          ) {
            invalid(`ZIP 항목 ${JSON.stringify(entry.fileName)} 을 두 판독기가 다르게 읽습니다`);
            return;
          }
          readEntry(zip, entry, want.uncompressedSize, (error, data) => {
            if (settled) return;
            if (error || !data) {
              invalid(
                `ZIP 항목 ${JSON.stringify(want.name)} 의 압축을 풀 수 없습니다: ${error?.message ?? '알 수 없는 오류'}`,
              );
              return;
            }
            if (data.length !== want.uncompressedSize) {
              invalid(`ZIP 항목 ${JSON.stringify(want.name)} 의 실제 크기가 선언된 크기와 다릅니다`);
              return;
            }
            if (crc32(data) >>> 0 !== want.crc32) {
              invalid(
                `ZIP 항목 ${JSON.stringify(want.name)} 의 CRC-32 가 맞지 않습니다 (파일이 손상되었습니다)`,
              );
              return;
            }
            members.push({ name: want.name, data });
            zip.readEntry();
          });
        });
        zip.readEntry();
      },
    );
  });
}

/**
 * Stored entries as the layout check found them: it pinned every header field, matched each local header to its
 * central record and proved the entries contiguous, so the data of each is exactly its declared span. A second
 * zip parser (yauzl's streams) read them the same way and cost more than verifying the signature; each entry is
 * copied so that it does not hold the whole bundle's memory (an attachment travels on by itself), unless the
 * caller asks for views and copies what it keeps.
 */
function readStoredEntries(bytes: Buffer, entries: readonly LayoutEntry[], views: boolean): ZipReadResult {
  const members: ZipMember[] = [];
  for (const entry of entries) {
    const span = bytes.subarray(entry.dataOffset, entry.dataOffset + entry.uncompressedSize);
    const data = views ? span : Buffer.from(span);
    if (crc32(data) >>> 0 !== entry.crc32) {
      return {
        ok: false,
        code: 'ZIP_INVALID',
        message: `ZIP 항목 ${JSON.stringify(entry.name)} 의 CRC-32 가 맞지 않습니다 (파일이 손상되었습니다)`,
      };
    }
    members.push({ name: entry.name, data });
  }
  return { ok: true, entries: members };
}

/** Collects one entry, never more than its declared size (yauzl's own assertion also stops an overrun). */
function readEntry(
  zip: ZipFile,
  entry: Entry,
  declared: number,
  done: (error: Error | null, data?: Buffer) => void,
): void {
  let called = false;
  const once = (error: Error | null, data?: Buffer): void => {
    if (called) return;
    called = true;
    done(error, data);
  };
  zip.openReadStream(entry, (openError, stream) => {
    if (openError || !stream) {
      once(openError ?? new Error('스트림을 열 수 없습니다'));
      return;
    }
    const chunks: Buffer[] = [];
    let total = 0;
    stream.on('error', (error: Error) => once(new Error(koreanStreamError(error.message))));
    stream.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > declared) {
        stream.destroy();
        once(new Error('압축 해제 크기가 선언된 크기를 넘습니다 (zip bomb 의심)'));
        return;
      }
      chunks.push(chunk);
    });
    stream.on('end', () => once(null, Buffer.concat(chunks, total)));
  });
}

/** yauzl's size assertions, in words a user can act on (the original text kept for support). */
function koreanStreamError(message: string): string {
  if (message.startsWith('too many bytes'))
    return `압축 해제 크기가 선언된 크기를 넘습니다 (zip bomb 의심; ${message})`;
  if (message.startsWith('not enough bytes')) return `압축 해제 크기가 선언된 크기보다 작습니다 (${message})`;
  return `압축 데이터가 손상되었습니다 (${message})`;
}
