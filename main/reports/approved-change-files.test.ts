// An approved 조정's 관련자료: the report names each file by its SHA-256 and name (조정 내역 opens them), the
// workbook's 조정 내역 lists the names beside the change, and nothing of them is published.
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { buildOfficeReport } from '../../domain/reports';
import { scenario } from '../../domain/reports/scenario';
import { changesCsv, renderPublicHtml } from './public-report';
import { SHEET_NAMES, writeReportWorkbook } from './workbook';

const review = {
  sha256: 'a'.repeat(64),
  name: '검토의견서_비공개.pdf',
  mediaType: 'application/pdf',
  size: 10,
};
const minutes = {
  sha256: 'b'.repeat(64),
  name: '공청회_회의록.hwp',
  mediaType: 'application/x-hwp',
  size: 20,
};

function reportWithFiles() {
  const input = scenario();
  const change = input.changeRequests.find((c) => c.decisionHistory.at(-1)?.status === 'approved');
  if (change === undefined) throw new Error('fixture: an approved change request');
  change.evidence = [
    { description: '전문가 검토의견', file: review },
    { description: '공청회 회의자료', file: minutes },
  ];
  return { report: buildOfficeReport(input), requestId: change.requestId };
}

describe("an approved change's 관련자료", () => {
  const { report, requestId } = reportWithFiles();

  it('the report carries each file by its hash and name, with what it is', () => {
    const approved = report.changes.approved.find((c) => c.requestId === requestId);
    expect(approved?.evidence).toEqual([
      { description: '전문가 검토의견', file: { sha256: review.sha256, name: review.name } },
      { description: '공청회 회의자료', file: { sha256: minutes.sha256, name: minutes.name } },
    ]);
    // A change without files carries none.
    expect(report.changes.approved.filter((c) => c.requestId !== requestId).map((c) => c.evidence)).toEqual(
      report.changes.approved.filter((c) => c.requestId !== requestId).map(() => []),
    );
  });

  it("the workbook's 조정 내역 names them in its last column", () => {
    const workbook = XLSX.read(writeReportWorkbook(report), { type: 'buffer' });
    const sheet = workbook.Sheets[SHEET_NAMES.changes] as XLSX.WorkSheet;
    const rows = XLSX.utils.sheet_to_json<string[]>(sheet, { header: 1, defval: '' });
    const header = rows.find((r) => r.includes('관련자료 (첨부)')) ?? [];
    const column = header.indexOf('관련자료 (첨부)');
    expect(column).toBe(header.length - 1);
    const listed = rows.map((r) => String(r[column] ?? '')).filter((t) => t.includes('검토의견'));
    expect(listed).toEqual(['전문가 검토의견 (검토의견서_비공개.pdf)\n공청회 회의자료 (공청회_회의록.hwp)']);
  });

  it('the public page and changes.csv leave them out', () => {
    for (const text of [renderPublicHtml(report), changesCsv(report)]) {
      expect(text).not.toContain('검토의견서_비공개.pdf');
      expect(text).not.toContain(review.sha256);
    }
  });
});
