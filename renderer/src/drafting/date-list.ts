/**
 * 활동 일자 typed as one line ("2018-09, 2018-10-02") and stored as a list: the reading of the line, and the
 * errors of the list and of each date in it, as react-hook-form holds them.
 */

import { parseActivityDateText } from '../../../domain/documents';

/** The dates of a typed line: split at commas and spaces, blanks dropped. */
export function readDateList(text: string): string[] {
  return text
    .split(/[,\s]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/**
 * The line as the field shows it once left: each date the program reads ("2018.9.12") in the stored form
 * ("2018-09-12"), joined by ", "; a date it cannot read is kept as typed, for its message.
 */
export function normalizedDateLine(text: string): string {
  return readDateList(text)
    .map((typed) => {
      const read = parseActivityDateText(typed);
      return 'value' in read ? read.value : typed;
    })
    .join(', ');
}

const messageOf = (error: unknown): string | null => {
  const message = (error as { message?: unknown } | null | undefined)?.message;
  return typeof message === 'string' && message !== '' ? message : null;
};

/**
 * The messages at a date list (`index` null: the list as a whole, e.g. too many dates) and at each of its dates
 * (`index` 0, 1, …), from the form's errors at the list: an object with a message, or an array of per-date errors
 * (with `root` for the list's own).
 */
export function dateListErrors(errors: unknown): { index: number | null; message: string }[] {
  if (!Array.isArray(errors)) {
    const message = messageOf(errors);
    return message === null ? [] : [{ index: null, message }];
  }
  const list = messageOf((errors as { root?: unknown }).root) ?? messageOf(errors);
  return [
    ...(list === null ? [] : [{ index: null, message: list }]),
    ...errors.flatMap((error: unknown, index) => {
      const message = messageOf(error);
      return message === null ? [] : [{ index, message }];
    }),
  ];
}
