import { describe, expect, it } from 'vitest';
import { buildOfficeReport } from './build-report';
import {
  FINANCE_ROW_MISSING_LABEL,
  financeNoteText,
  financeRowMissingText,
  missingFinanceRowNote,
  securedUnreported,
} from './labels';
import { missingFinanceRowInput } from './test-fixtures';
import type { OfficeReport } from './types';

/** 붙임5 rows whose 재정집행현황 (확보내역) never arrived: marked and named, not shown as a reported 0. */

const report = buildOfficeReport(missingFinanceRowInput());
const rowOf = (r: OfficeReport, id: string) => {
  const row = r.finance.areas.flatMap((a) => a.rows).find((x) => x.projectId === id);
  if (row === undefined) throw new Error(`no ${id} row`);
  return row;
};

describe('붙임5 rows without a 재정집행현황', () => {
  it('mark the departments whose row did not arrive, and not a row that really secured 0', () => {
    expect(rowOf(report, '1-1-1').securedNotReceived).toEqual(['경제진흥본부']);
    expect(rowOf(report, '1-1-2').securedNotReceived).toEqual([]);
    expect(rowOf(report, '1-1-7').securedNotReceived).toEqual(['여성가족정책실']);
    expect(financeRowMissingText(rowOf(report, '1-1-1'))).toBe(FINANCE_ROW_MISSING_LABEL);
    expect(financeRowMissingText(rowOf(report, '1-1-2'))).toBeNull();
    expect(financeRowMissingText(rowOf(report, '1-1-7'))).toBe('재정집행현황 미접수: 여성가족정책실');
    expect(financeNoteText(rowOf(report, '1-1-1'))).toBe('재정집행현황 미접수');
    expect(financeNoteText(rowOf(report, '1-1-2'))).toBe('확보 없음');
    // None of 1-1-1's 확보 is known; 1-1-7's lead's is.
    expect(securedUnreported(rowOf(report, '1-1-1'))).toBe(true);
    expect(securedUnreported(rowOf(report, '1-1-2'))).toBe(false);
    expect(securedUnreported(rowOf(report, '1-1-7'))).toBe(false);
    expect(report.projects.find((p) => p.projectId === '1-1-1')?.budget?.secured).toBeNull();
    expect(report.projects.find((p) => p.projectId === '1-1-2')?.budget?.secured).toBe(0);
  });

  it('are named under the table, which says they count as 0; the sums are unchanged', () => {
    const note = missingFinanceRowNote(report.finance, false);
    expect(note).toBe(
      '재정집행현황을 받지 못한 사업 2개는 그 확보내역을 0으로 넣어 소계와 합계를 냈습니다 (비고: 재정집행현황 미접수): 1-1-1, 1-1-7(여성가족정책실).',
    );
    expect(missingFinanceRowNote(report.finance, true)).toContain('아직 받지 않은(기한 전)');
    expect(rowOf(report, '1-1-1').secured.total).toBe(0);
    expect(report.finance.grandTotal.secured.total).toBe(100);
    expect(report.finance.grandTotal.termExecuted.total).toBe(15);
  });

  it('no note once every row arrived', () => {
    const input = missingFinanceRowInput();
    input.cards = input.cards.filter((c) => c.projectId === '1-1-2');
    input.plans = input.plans.filter((p) => p.projectId === '1-1-2');
    expect(missingFinanceRowNote(buildOfficeReport(input).finance, false)).toBeNull();
  });
});
