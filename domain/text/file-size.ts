import { josa } from './josa';

/** Sizes as a person reads them ("612.3MB", "840KB"), and the message for a file too large to read. */

export function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)}MB`;
  if (bytes >= 1024) return `${Math.ceil(bytes / 1024)}KB`;
  return `${bytes}바이트`;
}

/**
 * A chosen file larger than its kind can be: what it is, how large, and what to check — said before anything is
 * read (a file of hundreds of MB is most likely not the file meant).
 */
export function tooLargeMessage(what: string, bytes: number, maxBytes: number): string {
  return `파일이 너무 큽니다 (${sizeText(bytes)}): ${josa(what, '은/는')} ${sizeText(maxBytes)}까지 읽습니다. 고른 파일이 ${josa(what, '이/가')} 맞는지 확인하세요.`;
}

/** Key registration files (등록 파일, 키 교체 문서) are a few KB; anything over this is not one. */
export const KEY_FILE_MAX_BYTES = 1024 * 1024;
