import { MANIFEST_NAME } from './manifest';
import {
  findEndRecord,
  localName,
  readCentralRecord,
  readLocalHeader,
  ZIP_SIGNATURE,
  type EndRecord,
} from '../zip/records';
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

const SMALL_JSON = 64 * 1024;
/** The first entry of a 작성 문서 파일 (main/services/draft-file.ts). */
export const DRAFT_FILE_INDEX = 'drafts.json';

/** Whether the first directory record says another zip program wrote it (null: no record where the end says). */
function writtenByAnotherProgram(buffer: Buffer, end: EndRecord): boolean | null {
  const first = readCentralRecord(buffer, end.centralOffset, end.offset);
  if (first === null) return null;
  return (
    first.versionMadeBy !== ZIP_VERSION_MADE_BY || first.time !== ZIP_DOS_TIME || first.date !== ZIP_DOS_DATE
  );
}

export function recogniseFile(bytes: Uint8Array): FileKind {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.length < SMALL_JSON && /^(\xEF\xBB\xBF)?\s*\{/.test(buffer.subarray(0, 16).toString('latin1'))) {
    if (buffer.includes('"pledge-key-enrollment"')) return 'enrollment';
    if (buffer.includes('"pledge-key-rotation-statement"')) return 'rotation';
  }
  if (buffer.length >= 4 && buffer.readUInt32LE(0) === ZIP_SIGNATURE.end) return 'ordinary-zip';
  const local = readLocalHeader(buffer, 0);
  if (local === null) return 'not-zip';
  const name = localName(buffer, local).toString('latin1');
  const manifestFirst = name === MANIFEST_NAME && local.method === 0;
  // Any end record, its comment whole or not: this only names the file.
  const end = findEndRecord(buffer, { commentFits: false });
  // No end record: a bundle cut short (sent half-way), or bytes that only begin like a zip.
  if (end === null) return manifestFirst ? 'bundle' : 'not-zip';
  const another = writtenByAnotherProgram(buffer, end);
  if (another === null) return manifestFirst ? 'bundle' : 'not-zip';
  if (!manifestFirst) return name === DRAFT_FILE_INDEX && local.method === 0 ? 'draft-file' : 'ordinary-zip';
  return another ? 'repacked-bundle' : 'bundle';
}
