import { hasControlCharacter } from '../../domain/text/control-characters';

/**
 * Entry-name rules for bundle zips. yauzl's strictFileNames rejects `..`, absolute and backslash paths, but not
 * names that collide after Unicode normalisation or case folding (they extract onto one file on Windows and
 * macOS), Windows device names, or trailing dots and spaces (which Windows strips).
 */

const WINDOWS_RESERVED = /^(con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])$/i;
const WINDOWS_INVALID_CHARS = /[<>:"|?*]/;
// Bidi and zero-width format characters make two names print alike.
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/;

export const MAX_ENTRY_NAME_BYTES = 255;

/** Returns why an entry name is unsafe (Korean), or null when it is acceptable. */
export function entryNameProblem(name: string): string | null {
  if (name.length === 0) return '이름이 비어 있습니다';
  if (Buffer.byteLength(name, 'utf8') > MAX_ENTRY_NAME_BYTES)
    return `이름이 ${MAX_ENTRY_NAME_BYTES}바이트를 넘습니다`;
  if (name.includes('\\')) return '역슬래시(\\)가 들어 있습니다';
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return '절대 경로입니다';
  if (hasControlCharacter(name) || INVISIBLE.test(name))
    return '제어 문자나 보이지 않는 문자가 들어 있습니다';
  if (WINDOWS_INVALID_CHARS.test(name)) return 'Windows 에서 쓸 수 없는 문자(< > : " | ? *)가 들어 있습니다';
  for (const segment of name.split('/')) {
    if (segment === '') return '빈 경로 구간(// 또는 끝의 /)이 있습니다';
    if (segment === '..') return '상위 폴더(..)를 가리킵니다';
    if (segment === '.') return '현재 폴더(.) 구간이 있습니다';
    if (/[. ]$/.test(segment)) return `구간 "${segment}" 이 점이나 공백으로 끝납니다 (Windows 에서 잘립니다)`;
    const base = segment.split('.')[0] ?? segment;
    if (WINDOWS_RESERVED.test(base.trimEnd())) return `구간 "${segment}" 은 Windows 예약 이름입니다`;
  }
  return null;
}

/** The key under which two names count as the same file: NFC, then case-folded. */
export function entryNameKey(name: string): string {
  return name.normalize('NFC').toUpperCase().toLowerCase();
}
