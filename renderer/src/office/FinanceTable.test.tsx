// 붙임5 on screen: a row whose 재정집행현황 (확보내역) did not arrive says so in 비고, and the note under the table
// names it, rather than showing a 확보 of 0 like a row that secured nothing.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { buildOfficeReport, missingFinanceRowNote } from '../../../domain/reports';
import { missingFinanceRowInput } from '../../../domain/reports/test-fixtures';
import { FinanceTable } from './FinanceTable';

const finance = buildOfficeReport(missingFinanceRowInput()).finance;
const html = renderToStaticMarkup(<FinanceTable finance={finance} complete />);

/** The text of the element with this data-testid (no nested markup expected but the marker). */
const textOf = (testId: string): string | null => {
  const match = new RegExp(`data-testid="${testId}"[^>]*>(.*?)</td>`, 's').exec(html);
  return match === null ? null : (match[1] ?? '').replace(/<[^>]+>/g, '');
};

describe('FinanceTable: 재정집행현황 not received', () => {
  it('marks the row in 비고, names the departments of a shared project, and leaves a real 0 unmarked', () => {
    expect(html).toContain('data-testid="finance-row-1-1-1-missing"');
    expect(textOf('finance-row-1-1-1-note')).toBe('재정집행현황 미접수');
    expect(textOf('finance-row-1-1-2-note')).toBe('확보 없음');
    expect(html).not.toContain('data-testid="finance-row-1-1-2-missing"');
    expect(textOf('finance-row-1-1-7-note')).toBe('재정집행현황 미접수: 여성가족정책실');
  });

  it('names them under the table, saying they count as 0', () => {
    const note = missingFinanceRowNote(finance, false);
    expect(note).not.toBeNull();
    expect(html).toContain(`data-testid="finance-missing-rows">${note ?? ''}</p>`);
  });
});
