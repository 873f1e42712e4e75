import { hasControlCharacter } from '../../domain/text/control-characters';

/** Characters Windows refuses in a file name (with the separators of both systems). */
const WINDOWS_FORBIDDEN = /[\\/:*?"<>|]/;

/** The longest part taken from a name in the catalog or a setting (UTF-16 units, as Windows counts them). */
const MAX_PART_LENGTH = 60;

/**
 * A department, city or term name as one piece of a file name the program makes ("공약제출_<부서>_2019-H1_r3.pledge"):
 * whatever another city's 공약사업 목록 holds, the piece cannot name a folder or a stream, nor hold what Windows
 * refuses. Separators, Windows' forbidden characters (\ / : * ? " < > |), white space and control characters become
 * one '_' each run; a name longer than 60 characters is cut there (whole characters), so the file name stays far
 * below Windows' 255 and a path under 260. The piece always follows a fixed prefix and precedes an extension, so
 * device names (CON, NUL …) and a trailing dot or space cannot end up being the name.
 */
export function fileNamePart(text: string): string {
  let part = '';
  let run = false;
  for (const ch of text.normalize('NFC')) {
    const unsafe = WINDOWS_FORBIDDEN.test(ch) || /\s/u.test(ch) || hasControlCharacter(ch);
    if (unsafe) {
      if (!run) part += '_';
      run = true;
    } else {
      part += ch;
      run = false;
    }
  }
  let cut = '';
  for (const ch of part) {
    if (cut.length + ch.length > MAX_PART_LENGTH) break;
    cut += ch;
  }
  return cut === '' ? '_' : cut;
}
