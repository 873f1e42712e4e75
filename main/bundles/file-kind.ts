import { MANIFEST_NAME } from './manifest';

/**
 * What a file chosen where a bundle or a key file is expected seems to be, from its first bytes only (nothing in
 * it is believed: this only picks the words for a file that cannot be taken):
 * - `enrollment` / `rotation`: a key enrollment file or a key rotation statement (small JSON with that type);
 * - `bundle`: a zip whose first entry is manifest.json, stored, as every bundle of this program is written;
 * - `ordinary-zip`: any other zip (no manifest of this program first, or compressed entries: made by a zip tool);
 * - `not-zip`: anything else (a text, a picture, an empty file).
 */
export type FileKind = 'enrollment' | 'rotation' | 'bundle' | 'ordinary-zip' | 'not-zip';

const LOCAL_SIG = 0x04034b50;
const END_SIG = 0x06054b50;
const LOCAL_FIXED = 30;
const SMALL_JSON = 64 * 1024;

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
  return name === MANIFEST_NAME && method === 0 ? 'bundle' : 'ordinary-zip';
}
