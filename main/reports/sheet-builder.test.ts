import type * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { runSourceInChild } from '../cli/test-cli-child';
import { looksOf, SheetBuilder, wrappedLines } from './sheet-builder';

describe('wrappedLines', () => {
  it('counts a Hangul syllable about two digits wide, and each line of the text on its own', () => {
    expect(wrappedLines('1234567890', 12)).toBe(1);
    expect(wrappedLines('가'.repeat(10), 40)).toBe(1);
    expect(wrappedLines('가'.repeat(30), 40)).toBe(2);
    expect(wrappedLines('가'.repeat(30), 10)).toBe(7);
    expect(wrappedLines('첫 줄\n둘째 줄\n\n넷째 줄', 40)).toBe(4);
  });
});

describe('SheetBuilder', () => {
  it('makes a row as tall as its most wrapped cell, never for a note or a number, and keeps a height set', () => {
    const b = new SheetBuilder('표');
    b.widths([10, 10]);
    b.text(0, 0, '짧음');
    b.text(1, 0, '가'.repeat(20));
    b.text(1, 1, '나'.repeat(40));
    b.note(2, 0, '다'.repeat(60));
    b.count(3, 0, 123_456_789);
    b.text(4, 0, '라'.repeat(40));
    b.sheet['!rows'] = [];
    b.sheet['!rows'][4] = { hpt: 24 };
    const ws = b.finish();
    const rows = ws['!rows'] ?? [];
    expect(rows[0]?.hpt).toBeUndefined();
    expect(rows[1]?.hpt).toBe(wrappedLines('나'.repeat(40), 10) * 13.5 + 3);
    expect(rows[2]?.hpt).toBeUndefined();
    expect(rows[3]?.hpt).toBeUndefined();
    expect(rows[4]?.hpt).toBe(24);
  });

  it('rules every part of a merged header and a table’s empty cells, and marks a total row', () => {
    const b = new SheetBuilder('표');
    b.header(0, 0, 0, 2, '묶음');
    b.text(1, 0, '값');
    b.table(0, 0, 2, 2);
    b.text(2, 0, '합계');
    b.count(2, 2, 3);
    b.totalRow(2, 0, 2);
    b.note(4, 0, '설명');
    const ws = b.finish();
    const roles = looksOf(ws)?.roles;
    expect(['A1', 'B1', 'C1'].map((r) => roles?.get(r))).toEqual(['header', 'header', 'header']);
    expect(['B2', 'C2'].map((r) => [roles?.get(r), (ws[r] as XLSX.CellObject).t])).toEqual([
      ['text', 'z'],
      ['text', 'z'],
    ]);
    expect(['A3', 'B3', 'C3'].map((r) => roles?.get(r))).toEqual(['totalText', 'totalText', 'totalNumber']);
    expect(roles?.get('A5')).toBe('note');
    expect(roles?.has('A4')).toBe(false);
  });

  it('keeps text as typed and marks the text a spreadsheet would take for a formula', () => {
    const b = new SheetBuilder('표');
    b.text(0, 0, '=1+1');
    b.text(0, 1, '- 글머리');
    b.text(0, 2, '보통 글');
    b.text(0, 3, ' =앞에 빈칸');
    const ws = b.finish();
    expect((ws['A1'] as XLSX.CellObject).v).toBe('=1+1');
    expect([...(looksOf(ws)?.quoted ?? [])].sort()).toEqual(['A1', 'B1']);
  });
});

describe('the written workbook in a process of its own', () => {
  it('is deflated by Node’s zlib and the process prints no warning (SheetJS’s zlib check reads a deprecated field)', async () => {
    const run = await runSourceInChild(
      `import * as XLSX from 'xlsx';
      import { buildOfficeReport } from '../../domain/reports';
      import { scenario } from '../../domain/reports/scenario';
      import { writeReportWorkbook } from './workbook';
      const bytes = writeReportWorkbook(buildOfficeReport(scenario()));
      const zip = XLSX.CFB.read(bytes, { type: 'buffer' });
      // Local file headers: method 8 (deflate) for every entry.
      let methods = new Set();
      for (let i = bytes.indexOf('PK\\x03\\x04'); i >= 0; i = bytes.indexOf('PK\\x03\\x04', i + 4)) methods.add(bytes.readUInt16LE(i + 8));
      console.log(JSON.stringify({ sheets: XLSX.read(bytes).SheetNames.length, methods: [...methods], entries: zip.FullPaths.length }));`,
      { resolveDir: import.meta.dirname },
    );
    expect(run.timedOut).toBe(false);
    expect(run.stderr).toBe('');
    const out = JSON.parse(run.stdout.trim()) as { sheets: number; methods: number[] };
    expect(out.sheets).toBe(12);
    expect(out.methods).toEqual([8]);
  }, 60_000);
});
