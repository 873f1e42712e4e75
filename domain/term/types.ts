import { z } from 'zod';

/**
 * The term (민선7기 2018-07 … 2022-06) and its reporting calendar, as data so that the next term or another
 * city is a new data file, not new code.
 */

/** A half-year period id, e.g. "2019-H1" (상반기) or "2019-H2" (하반기). */
export const periodIdSchema = z.string().regex(/^\d{4}-H[12]$/, '반기는 "2019-H1" 형식입니다.');
export type PeriodId = z.infer<typeof periodIdSchema>;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const termSchema = z.strictObject({
  id: z.string().min(1),
  name: z.string().min(1),
  /** First month of the term, "YYYY-MM". */
  start: z.string().regex(/^\d{4}-\d{2}$/),
  /** Last month of the term, "YYYY-MM". */
  end: z.string().regex(/^\d{4}-\d{2}$/),
  /** Day of the month after a half-year ends on which its management card is due (15). */
  cardDueDay: z.number().int().min(1).max(28),
  /** Due date of the practice plans (실천계획서). */
  planDueDate: isoDate,
});
export type Term = z.infer<typeof termSchema>;
