import { changeRowField, readProjectPeriodText } from './change-apply';
import { projectPeriodText } from './change-original';
import type { ChangeRow } from './change-request';

/**
 * An approved change row's 변경안 as published (changes.csv, the public page, the workbook's 조정 내역): a 사업기간
 * in the words the plan uses once approved ("'18.7 ~ '23.6" → "2018년 7월 ~ 2023년 6월"), read by the parser
 * the approval applies (readProjectPeriodText); any other row, or one that parser cannot read, as typed.
 */
export function publishedProposed(row: Pick<ChangeRow, 'category' | 'proposed'>): string {
  if (changeRowField(row.category) !== 'projectPeriod') return row.proposed;
  const read = readProjectPeriodText(row.proposed);
  return 'value' in read ? projectPeriodText(read.value) : row.proposed;
}
