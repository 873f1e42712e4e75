import { neutralizeFormula } from './safe-text';

/**
 * A small CSV writer for the open-data files (RFC 4180): fields with a comma, quote, CR or LF are quoted with
 * doubled quotes, records end with CRLF, the file starts with a UTF-8 BOM so Excel reads Korean correctly. Text
 * that would start a formula is prefixed with ' (OWASP); numbers are written as plain numbers.
 */

export type CsvValue = string | number | null | undefined;

export const UTF8_BOM = '\uFEFF';

export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  const text =
    typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : neutralizeFormula(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(csvField).join(','));
  return `${UTF8_BOM}${lines.join('\r\n')}\r\n`;
}
