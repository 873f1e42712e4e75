/**
 * Text cells that spreadsheet programs will not run as formulas (OWASP "CSV injection": a leading = + - @ tab,
 * CR or NUL is neutralised with a leading apostrophe) and that fit Excel's 32,767-character cell limit.
 */

export const MAX_CELL_CHARS = 32_767;

/** What makes a spreadsheet program read typed text as a formula. */
export const FORMULA_START = /^[=+\-@\t\r\0]/;

/** Prefixes ' when the text would start a formula. */
export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Cuts text to `max` UTF-16 units with a note saying how much was left out, never splitting a surrogate pair. */
export function truncateCell(text: string, max = MAX_CELL_CHARS): string {
  if (text.length <= max) return text;
  const note = ` … (셀 글자 수 제한으로 이하 생략, 전체 ${text.length.toLocaleString('en-US')}자)`;
  let end = max - note.length;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return text.slice(0, end) + note;
}

/** Text for a spreadsheet or CSV cell: formula-safe, then within the cell limit. */
export function safeCellText(text: string, max = MAX_CELL_CHARS): string {
  return truncateCell(neutralizeFormula(text), max);
}
