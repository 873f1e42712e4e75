import { MANIFEST_NAME } from './manifest';
import { ZIP_DOS_DATE, ZIP_DOS_TIME, ZIP_VERSION_MADE_BY } from './zip-layout';

/**
 * What a file chosen where a bundle or a key file is expected seems to be, from its headers only (nothing in it is
 * believed: this only picks the words for a file that cannot be taken):
 * - `enrollment` / `rotation`: a key enrollment file or a key rotation statement (small JSON with that type);
 * - `bundle`: a zip whose first entry is manifest.json, stored, as every bundle of this program is written (or the
 *   start of one, cut short: no end record to read);
 * - `repacked-bundle`: the same first entry, but the zip's directory was written by another zip program (its
 *   "made by" version or its dates are not the ones this program writes): a bundle unpacked and packed again;
 * - `draft-file`: a department's 작성 문서 파일 (.pledgedraft, `drafts.json` first), carried between its own PCs;
 * - `ordinary-zip`: any other zip (no manifest of this program first, or compressed entries: made by a zip tool);
 * - `not-zip`: anything else (a text, a picture, an empty file, or bytes that begin like a zip and are not one).
 */
export type FileKind =
  'enrollment' | 'rotation' | 'bundle' | 'repacked-bundle' | 'draft-file' | 'ordinary-zip' | 'not-zip';

const LOCAL_SIG = 0x04034b50;
const CENTRAL_SIG = 0x02014b50;
const END_SIG = 0x06054b50;
const LOCAL_FIXED = 30;
const CENTRAL_FIXED = 46;
const END_FIXED = 22;
const MAX_COMMENT = 0xffff;
const SMALL_JSON = 64 * 1024;
/** The first entry of a 작성 문서 파일 (main/services/draft-file.ts). */
export const DRAFT_FILE_INDEX = 'drafts.json';

/** Where the zip's end record starts (looked for from the end, before a comment), or -1 when there is none. */
function endRecordAt(buffer: Buffer): number {
  const lowest = Math.max(0, buffer.length - END_FIXED - MAX_COMMENT);
  for (let at = buffer.length - END_FIXED; at >= lowest; at--) {
    if (buffer.readUInt32LE(at) === END_SIG) return at;
  }
  return -1;
}

/** Whether the first directory record says another zip program wrote it (null: no record where the end says). */
function writtenByAnotherProgram(buffer: Buffer, end: number): boolean | null {
  const central = buffer.readUInt32LE(end + 16);
  if (central + CENTRAL_FIXED > end || buffer.readUInt32LE(central) !== CENTRAL_SIG) return null;
  return (
    buffer.readUInt16LE(central + 4) !== ZIP_VERSION_MADE_BY ||
    buffer.readUInt16LE(central + 12) !== ZIP_DOS_TIME ||
    buffer.readUInt16LE(central + 14) !== ZIP_DOS_DATE
  );
}

export function recogniseFile(bytes: Uint8Array): FileKind {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.length < SMALL_JSON && /^(\xEF\xBB\xBF)?\s*\{/.test(buffer.subarray(0, 16).toString('latin1'))) {
    if (buffer.includes('"pledge-key-enrollment"')) return 'enrollment';
    if (buffer.includes('"pledge-key-rotation-statement"')) return 'rotation';
  }
  if (buffer.length >= 4 && buffer.readUInt32LE(0) === END_SIG) return 'ordinary-zip';
  if (buffer.length < LOCAL_FIXED || buffer.readUInt32LE(0) !== LOCAL_SIG) return 'not-zip';
  const method = buffer.readUInt16LE(8);
  const nameLength = buffer.readUInt16LE(26);
  const name = buffer.subarray(LOCAL_FIXED, LOCAL_FIXED + nameLength).toString('latin1');
  const manifestFirst = name === MANIFEST_NAME && method === 0;
  const end = endRecordAt(buffer);
  // No end record: a bundle cut short (sent half-way), or bytes that only begin like a zip.
  if (end < 0) return manifestFirst ? 'bundle' : 'not-zip';
  const another = writtenByAnotherProgram(buffer, end);
  if (another === null) return manifestFirst ? 'bundle' : 'not-zip';
  if (!manifestFirst) return name === DRAFT_FILE_INDEX && method === 0 ? 'draft-file' : 'ordinary-zip';
  return another ? 'repacked-bundle' : 'bundle';
}
