// An approved 사업기간 is published as the plan writes it, in changes.csv, the public page and the workbook's
// 조정 내역; a 변경안 the plan's parser cannot read, and every other 구분, as the department typed it.
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { buildOfficeReport } from '../../domain/reports';
import { scenario } from '../../domain/reports/scenario';
import { changesCsv, renderPublicHtml } from './public-report';
import { parseCsv } from './test-support/csv-parse';
import { SHEET_NAMES, writeReportWorkbook } from './workbook';

const TYPED = "'18.7 ~ '23.6";
const UNREADABLE = '2018년 하반기부터 3년';

function reportWithPeriodRows() {
  const input = scenario();
  const change = input.changeRequests.find((c) => c.decisionHistory.at(-1)?.status === 'approved');
  if (change === undefined) throw new Error('fixture: an approved change request');
  change.rows = [
    { category: '사업기간', original: '2018년 7월 ~ 2022년 6월', proposed: TYPED },
    { category: '사업기간 연장', original: '2018년 7월 ~ 2022년 6월', proposed: UNREADABLE },
    { category: '공약내용', original: '당초 목표', proposed: "'18.7 ~ '23.6 사이에 달성" },
  ];
  return { report: buildOfficeReport(input), projectId: change.projectId };
}

describe('approved changes as published', () => {
  const { report, projectId } = reportWithPeriodRows();

  it('changes.csv writes the approved 사업기간 as the plan does, the rest as typed', () => {
    const rows = parseCsv(changesCsv(report).slice(1));
    const header = rows[0] ?? [];
    const of = rows.filter((r) => r[header.indexOf('관리번호')] === projectId);
    const proposed = of.map((r) => r[header.indexOf('변경안')]);
    expect(proposed).toEqual(['2018년 7월 ~ 2023년 6월', UNREADABLE, "'18.7 ~ '23.6 사이에 달성"]);
  });

  it('the public page shows the same', () => {
    const html = renderPublicHtml(report);
    expect(html).toContain(
      '<td>사업기간</td><td>2018년 7월 ~ 2022년 6월</td><td>2018년 7월 ~ 2023년 6월</td>',
    );
    expect(html).not.toContain('<td>&#39;18.7 ~ &#39;23.6</td>');
    expect(html).toContain(`<td>${UNREADABLE}</td>`);
  });

  it("the workbook's 조정 내역 shows the same", () => {
    const workbook = XLSX.read(writeReportWorkbook(report), { type: 'buffer' });
    const sheet = workbook.Sheets[SHEET_NAMES.changes] as XLSX.WorkSheet;
    const rows = XLSX.utils.sheet_to_json<string[]>(sheet, { header: 1, defval: '' });
    const texts = rows.flat().map(String);
    const changed = texts.find((t) => t.includes('사업기간: 2018년 7월 ~ 2022년 6월 →'));
    expect(changed).toContain('사업기간: 2018년 7월 ~ 2022년 6월 → 2018년 7월 ~ 2023년 6월');
    expect(changed).toContain(`사업기간 연장: 2018년 7월 ~ 2022년 6월 → ${UNREADABLE}`);
    expect(changed?.split('\n')).not.toContain(`사업기간: 2018년 7월 ~ 2022년 6월 → ${TYPED}`);
    expect(changed).toContain("공약내용: 당초 목표 → '18.7 ~ '23.6 사이에 달성");
  });
});
