import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOfficeReport, REPORT_STATUSES } from '../../domain/reports';
import { scenario } from '../../domain/reports/scenario';
import { parseCsv } from './test-support/csv-parse';
import { convertSheetsToCsv, findSoffice } from './test-support/libreoffice';
import { buildReportWorkbook, SHEET_NAMES, writeReportWorkbook } from './workbook';

/**
 * Opens the workbook in LibreOffice Calc (headless), recalculating every formula on load, and checks that
 * LibreOffice's subtotals and totals equal the report's JSON. The formulas' stored values are zeroed first, so
 * the figures compared can only come from LibreOffice's own sums over the rows.
 */

const soffice = findSoffice();
if (soffice === null) {
  console.warn(
    'LibreOffice 검사를 건너뜁니다: soffice가 설치되어 있지 않습니다 (apt-get install -y libreoffice-calc).',
  );
}

const work = mkdtempSync(join(tmpdir(), 'pledge-lo-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const near = (a: number, b: number) => Math.abs(a - b) < 1e-6;
/** LibreOffice writes raw numbers, but percent-formatted cells keep their % sign ("0.84%"). */
const numberOf = (text: string | undefined) =>
  text?.endsWith('%') === true ? Number(text.slice(0, -1)) / 100 : Number(text);

describe.skipIf(soffice === null)('the workbook in LibreOffice Calc', () => {
  const report = buildOfficeReport(scenario());
  const { workbook, finance } = buildReportWorkbook(report);
  let formulas = 0;
  for (const name of workbook.SheetNames) {
    const ws = workbook.Sheets[name] as XLSX.WorkSheet;
    for (const [ref, c] of Object.entries(ws)) {
      if (!ref.startsWith('!') && (c as XLSX.CellObject).f !== undefined) {
        (c as XLSX.CellObject).v = 0;
        formulas += 1;
      }
    }
  }
  const path = join(work, 'report.xlsx');
  writeFileSync(path, XLSX.write(workbook, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
  let sheets = new Map<string, string>();
  beforeAll(() => {
    sheets = convertSheetsToCsv(soffice ?? 'soffice', path, work);
  }, 180_000);
  const sheet = (name: string) => {
    const csv = sheets.get(name);
    if (csv === undefined)
      throw new Error(`LibreOffice did not export ${name}: ${[...sheets.keys()].join(', ')}`);
    return parseCsv(csv);
  };

  it('exports every sheet', () => {
    expect(formulas).toBeGreaterThan(100);
    expect([...sheets.keys()].sort()).toEqual(Object.values(SHEET_NAMES).sort());
  });

  it('붙임5: LibreOffice’s area subtotals and grand total equal the JSON', () => {
    const rows = sheet(SHEET_NAMES.finance);
    const check = (
      rowIndex: number,
      expected: (col: (typeof finance.columns)[number]) => number,
      what: string,
    ) => {
      const row = rows[rowIndex] ?? [];
      finance.columns.forEach((col, i) => {
        const got = Number(row[finance.firstAmountColumn + i]);
        expect([what, col.path, near(got, expected(col))]).toEqual([what, col.path, true]);
      });
    };
    report.finance.areas.forEach((area, i) => {
      const rowIndex = finance.subtotalRows[i] ?? -1;
      expect(rows[rowIndex]?.[1]).toBe(`${area.areaId}. ${area.areaName} 소계`);
      check(rowIndex, (col) => col.get(area.subtotal), area.areaName);
    });
    expect(rows[finance.totalRow]?.[1]).toBe('합계');
    check(finance.totalRow, (col) => col.get(report.finance.grandTotal), '합계');
    expect(Number(rows[finance.totalRow]?.[5])).toBe(1060.125);
    // 관리번호 stays text, Korean intact.
    expect(rows.some((r) => r[0] === '1-1-7' && r[1]?.startsWith('외국인 창업지원'))).toBe(true);
  });

  it('status tables: LibreOffice’s totals and completion rate equal the JSON', () => {
    for (const [name, rowsJson] of [
      [SHEET_NAMES.byArea, report.statusTables.byArea],
      [SHEET_NAMES.byCorePledge, report.statusTables.byCorePledge],
      [SHEET_NAMES.byDepartment, report.statusTables.byDepartment],
    ] as const) {
      const rows = sheet(name);
      const total = rows[3 + rowsJson.length] ?? [];
      expect(total[0]).toBe('합계');
      const t = report.statusTables.total;
      const order = ['completed', 'continuing', 'onTrack', 'partial', 'onHold', 'dropped', 'notSubmitted'];
      expect(new Set(order)).toEqual(new Set(REPORT_STATUSES));
      expect(order.map((_, i) => Number(total[1 + i]))).toEqual(
        order.map((s) => t.counts[s as keyof typeof t.counts]),
      );
      expect(Number(total[8])).toBe(t.total);
      expect([name, numberOf(total[9])]).toEqual([name, expect.closeTo(t.completionRate ?? NaN, 9)]);
    }
  });

  it('participation and submission totals', () => {
    const p = sheet(SHEET_NAMES.participation);
    const totalRow = p[report.participation.byArea.length + 1] ?? [];
    expect(totalRow[0]).toBe('합계');
    expect(Number(totalRow[6])).toBe(report.participation.totals.total);
    const s = sheet(SHEET_NAMES.submissions);
    const sRow = s[report.submissions.departments.length + 1] ?? [];
    expect(Number(sRow[1])).toBe(report.submissions.departments.reduce((n, d) => n + d.dueCount, 0));
    expect(Number(sRow[2])).toBe(report.submissions.departments.reduce((n, d) => n + d.receivedCount, 0));
  });
});

describe.skipIf(soffice === null)('the workbook printed by LibreOffice Calc', () => {
  it('prints landscape A4 pages (붙임5 on A3), 붙임5 one page wide with all its columns beside its 관리번호', () => {
    const dir = join(work, 'print');
    const path = join(dir, 'print.xlsx');
    mkdirSync(join(dir, 'profile'), { recursive: true });
    writeFileSync(path, writeReportWorkbook(buildOfficeReport(scenario())));
    execFileSync(
      soffice ?? 'soffice',
      [
        '--headless',
        `-env:UserInstallation=file://${join(dir, 'profile')}`,
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        path,
      ],
      { stdio: 'pipe', timeout: 180_000 },
    );
    const pdf = join(dir, 'print.pdf');
    const info = execFileSync('pdfinfo', ['-f', '1', '-l', '200', pdf], { encoding: 'utf8' });
    const sizes = [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/g)].map((m) => [
      Math.round(Number(m[1])),
      Math.round(Number(m[2])),
    ]);
    expect(sizes.length).toBeGreaterThan(Object.keys(SHEET_NAMES).length - 1);
    // The page with 붙임5's first row also holds its last columns: not cut into strips of columns.
    const pages = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }).split('\f');
    const financeAt = pages.findIndex((p) => p.includes('재정집행') && p.includes('관리번호'));
    const financePage = pages[financeAt];
    expect(financePage).toBeDefined();
    // 붙임5's pages are A3 landscape, every other page A4 landscape.
    const a3 = (size: number[] | undefined) => size?.[0] === 1191 && size[1] === 842;
    expect(a3(sizes[financeAt])).toBe(true);
    expect(sizes.filter((s) => !a3(s) && !(s[0] === 842 && s[1] === 595))).toEqual([]);
    expect(financePage).toContain('비고');
    expect(financePage).toContain('임기내 집행');
    // Each page's foot: the report, "page / pages" and the date the report was made.
    const report = buildOfficeReport(scenario());
    pages
      .filter((p) => p.trim() !== '')
      .forEach((p, i) => {
        expect([i, p.includes(`${i + 1} / ${sizes.length}`)]).toEqual([i, true]);
        expect(p).toContain(`작성 기준일 ${report.meta.today}`);
      });
    // 제출현황's long 미접수 목록 wraps inside its column, so the sheet prints at a readable size (its header's
    // words about 10 points tall, not shrunk to a point or two to fit one unwrapped line on the page's width).
    const at = pages.findIndex((p) => p.includes('미접수 목록'));
    expect(at).toBeGreaterThanOrEqual(0);
    const words = execFileSync('pdftotext', ['-bbox', '-f', String(at + 1), '-l', String(at + 1), pdf, '-'], {
      encoding: 'utf8',
    });
    const header = /<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">부서<\/word>/.exec(
      words,
    );
    expect(header).not.toBeNull();
    expect(Number(header?.[2]) - Number(header?.[1])).toBeGreaterThan(6);
  }, 180_000);
});
