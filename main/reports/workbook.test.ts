import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { periodLabel } from '../../domain/documents';
import {
  beforeDueNote,
  buildOfficeReport,
  comparisonChangesText,
  financeColumns,
  notSubmittedLabel,
  submissionStateLabel,
  laggingReasonsText,
  missingCardFinanceNote,
  missingFinanceRowNote,
  statusTrendLabel,
  withoutConfirmedPlanNote,
} from '../../domain/reports';
import { scenario } from '../../domain/reports/scenario';
import { emptyInput, missingFinanceRowInput, term } from '../../domain/reports/test-fixtures';
import { findPeriod } from '../../domain/term/periods';
import { MAX_CELL_CHARS, neutralizeFormula, safeCellText, truncateCell } from './safe-text';
import { readFormats } from './test-support/xlsx-formats';
import { SHEET_NAMES, writeReportWorkbook } from './workbook';

/** The scenario with hostile and oversized text in places a department can type. */
function hostileReport() {
  const input = scenario();
  const [first, second] = input.financeRows;
  if (first === undefined || second === undefined) throw new Error('fixture');
  first.note = '=HYPERLINK("http://evil.example","클릭")';
  second.note = '가'.repeat(40_000);
  const change = input.changeRequests[0];
  if (change !== undefined) change.reason = '+SUM(A1:A9) 사유';
  // One file came on the due date and was imported five days later (a 접수일 given at the import).
  const received = input.submissions.find((s) => /T/.test(s.receivedAt));
  if (received === undefined) throw new Error('fixture: a receipt with a time');
  received.importedAt = received.receivedAt;
  received.receivedAt = '2019-07-15';
  return buildOfficeReport(input);
}

const report = hostileReport();
const written = writeReportWorkbook(report);
const formats = readFormats(written);
const workbook = XLSX.read(written, {
  type: 'buffer',
  cellNF: true,
  cellFormula: true,
  bookFiles: true,
});
const finance = workbook.Sheets[SHEET_NAMES.finance] as XLSX.WorkSheet;
const cell = (ws: XLSX.WorkSheet, ref: string) => ws[ref] as XLSX.CellObject | undefined;
const rowOf = (ws: XLSX.WorkSheet, col: string, value: string) => {
  const range = XLSX.utils.decode_range(ws['!ref'] ?? 'A1');
  for (let r = range.s.r; r <= range.e.r; r++) if (cell(ws, `${col}${r + 1}`)?.v === value) return r + 1;
  throw new Error(`no row with ${value}`);
};

describe('safe text', () => {
  it('prefixes text that would start a formula', () => {
    for (const t of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx', '\0x'])
      expect(neutralizeFormula(t)).toBe(`'${t}`);
    for (const t of ['1-1-1', '정상 추진', ' =x', '']) expect(neutralizeFormula(t)).toBe(t);
  });

  it('truncates to the cell limit with a note, never splitting a surrogate pair', () => {
    const long = '😀'.repeat(20_000);
    const cut = truncateCell(long);
    expect(cut.length).toBeLessThanOrEqual(MAX_CELL_CHARS);
    expect(cut).toContain('전체 40,000자');
    expect(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(cut)).toBe(false);
    expect(safeCellText('짧은 글')).toBe('짧은 글');
  });
});

describe('담당자 sheet', () => {
  it('lists each project’s 과장, 팀장 and 담당 as the plan names them, text kept from formulas', () => {
    const input = scenario();
    const plan = input.plans.find((p) => p.projectId === '1-1-7');
    if (plan === undefined) throw new Error('fixture: 1-1-7');
    plan.leadContacts = [
      { position: 'chief', unit: '일자리정책과', name: '김과장', phone: '02-2133-1000' },
      { position: 'officer', unit: '', name: '=HYPERLINK("x")', phone: '02-2133-1001' },
      { position: 'officer', unit: '', name: '이담당', phone: '02-2133-1002' },
    ];
    // The half-year's card, if any, names its own people: take it out so the plan is read.
    input.cards = input.cards.filter((c) => c.projectId !== '1-1-7');
    input.previousCards = [];
    const bytes = writeReportWorkbook(buildOfficeReport(input));
    const book = XLSX.read(bytes, { type: 'buffer', cellFormula: true });
    const ws = book.Sheets[SHEET_NAMES.contacts] as XLSX.WorkSheet;
    const rows = XLSX.utils.sheet_to_json<string[]>(ws, { header: 1, raw: false });
    expect(rows[0]).toEqual(['관리번호', '공약사업명', '부서', '구분', '과장', '팀장', '담당', '출처']);
    const lead = rows.find((r) => r[0] === '1-1-7' && r[3] === '주관');
    expect(lead?.[2]).toBe(plan.department);
    expect(lead?.[4]).toBe('김과장 (일자리정책과) 02-2133-1000');
    expect(lead?.[5] ?? '').toBe('');
    // The text as typed, marked (quotePrefix) so that editing the cell again keeps it text, not a formula.
    expect(lead?.[6]).toBe(`=HYPERLINK("x") 02-2133-1001\n이담당 02-2133-1002`);
    const leadRow = rows.indexOf(lead ?? []) + 1;
    expect(readFormats(bytes).cell(SHEET_NAMES.contacts, `G${leadRow}`)).toMatchObject({
      quotePrefix: true,
      wrapped: true,
    });
    expect(readFormats(bytes).cell(SHEET_NAMES.contacts, `E${leadRow}`).quotePrefix).toBe(false);
    expect(lead?.[7]).toBe('확정된 실천계획서');
    // No cell of the sheet is a formula.
    for (const [ref, c] of Object.entries(ws))
      if (!ref.startsWith('!')) expect((c as XLSX.CellObject).f).toBeUndefined();
    // Every project of the catalog has its lead's row.
    expect(rows.filter((r) => r[3] === '주관')).toHaveLength(input.catalog.projects.length);
  });
});

describe('writeReportWorkbook', () => {
  it('has one sheet per table with Korean names of at most 31 characters', () => {
    expect(workbook.SheetNames).toEqual(Object.values(SHEET_NAMES));
    for (const name of workbook.SheetNames) expect(name.length).toBeLessThanOrEqual(31);
  });

  it('붙임5 has the form’s two merged header rows', () => {
    const merges = (finance['!merges'] ?? []).map((m) => XLSX.utils.encode_range(m));
    const label = (ref: string) => cell(finance, ref)?.v;
    // Two-row headers: 관리번호, 공약사업명, 이행도 span both rows.
    expect(merges).toEqual(
      expect.arrayContaining(['A3:A4', 'B3:B4', 'C3:C4', 'D3:E3', 'F3:K3', 'L3:Q3', 'R3:W3']),
    );
    expect([label('D3'), label('F3'), label('L3'), label('R3')]).toEqual([
      '계획 총계',
      '확보내역',
      '임기내 계획 총계',
      '임기내 집행 총계',
    ]);
    expect(['D4', 'E4', 'F4', 'G4', 'H4', 'I4', 'J4', 'K4'].map(label)).toEqual([
      '초기계획',
      '현재계획',
      '확보총계',
      '국비',
      '시·도비',
      '시군구비',
      '민간',
      '기타',
    ]);
    // The form's (붙임5) sub-headers of the two sums.
    expect(['L4', 'M4', 'N4', 'O4', 'P4', 'Q4'].map(label)).toEqual([
      '계획 합',
      "'18",
      "'19",
      "'20",
      "'21",
      "'22.6월",
    ]);
    expect(['R4', 'W4', 'X3', 'Y3'].map(label)).toEqual(['집행 총계', "'22.6월", '비고', '부서']);
  });

  it('keeps 관리번호 as text and amounts as numbers in 백만원 with a number format', () => {
    const r = rowOf(finance, 'A', '1-1-7');
    expect(cell(finance, `A${r}`)).toMatchObject({ t: 's', v: '1-1-7', z: '@' });
    expect(cell(finance, `F${r}`)).toMatchObject({ t: 'n', v: 340.125, z: '#,##0.0##' });
    expect(cell(finance, `D${r}`)).toMatchObject({ t: 'n', v: 2000, z: '#,##0' });
    expect(cell(finance, `R${r}`)).toMatchObject({ t: 'n', v: 75.25 });
  });

  it('marks the amounts changed since first reported red through the number format', () => {
    const r = rowOf(finance, 'A', '3-2-1');
    const columns = financeColumns(report.finance.budgetYears.map((y) => y.key));
    const changed = new Set(
      report.finance.areas.flatMap((a) => a.rows).find((x) => x.projectId === '3-2-1')?.changedFields,
    );
    expect(changed.size).toBeGreaterThan(0);
    columns.forEach((col, i) => {
      const c = cell(finance, `${XLSX.utils.encode_col(3 + i)}${r}`);
      expect([col.path, String(c?.z).startsWith('[Red]')]).toEqual([col.path, changed.has(col.path)]);
    });
    const unchanged = rowOf(finance, 'A', '1-1-1');
    expect(String(cell(finance, `D${unchanged}`)?.z)).not.toContain('[Red]');
    // The format is really in the file (SheetJS community writes numFmts, not fonts).
    // bookFiles: the read keeps the zip entries (not in SheetJS's WorkBook type).
    const files = (workbook as XLSX.WorkBook & { files?: Record<string, { content?: Uint8Array }> }).files;
    const styles = files?.['xl/styles.xml'];
    const xml = Buffer.from(styles?.content ?? new Uint8Array()).toString('utf8');
    expect(xml).toMatch(/<numFmt numFmtId="\d+" formatCode="\[Red\]#,##0"\/>/);
  });

  it('writes subtotals and the total as SUM formulas carrying the report’s values', () => {
    const sub = rowOf(finance, 'B', '1. 미래특별시 소계');
    expect(cell(finance, `D${sub}`)).toMatchObject({ t: 'n', v: 2760, f: `SUM(D5:D${sub - 1})` });
    expect(cell(finance, `F${sub}`)?.v).toBe(940.125);
    const total = rowOf(finance, 'B', '합계');
    expect(cell(finance, `D${total}`)?.f).toMatch(/^SUM\(D\d+(,D\d+){6}\)$/);
    expect(cell(finance, `D${total}`)?.v).toBe(report.finance.grandTotal.plannedTotal.initial);
    expect(cell(finance, `R${total}`)?.v).toBe(report.finance.grandTotal.termExecuted.total);
  });

  it('neutralises formula text and respects the cell limit', () => {
    const r = rowOf(finance, 'A', '1-1-1');
    expect(cell(finance, `X${r}`)).toMatchObject({ t: 's', v: '=HYPERLINK("http://evil.example","클릭")' });
    expect(cell(finance, `X${r}`)?.f).toBeUndefined();
    expect(formats.cell(SHEET_NAMES.finance, `X${r}`).quotePrefix).toBe(true);
    const shared = String(cell(finance, `X${rowOf(finance, 'A', '1-1-7')}`)?.v);
    expect(shared.length).toBeLessThanOrEqual(MAX_CELL_CHARS);
    expect(shared).toContain('이하 생략');
    const changes = workbook.Sheets[SHEET_NAMES.changes] as XLSX.WorkSheet;
    // A request is named by its 요청 date, not by the program's own id.
    expect(cell(changes, 'A1')?.v).toBe('요청일');
    const approved = report.changes.approved[0];
    expect(cell(changes, 'A2')?.v).toBe(approved?.requestedOn ?? '');
    expect(cell(changes, 'A2')?.v).not.toBe(approved?.requestId);
    expect(cell(changes, 'G2')?.v).toBe('+SUM(A1:A9) 사유');
    expect(formats.cell(SHEET_NAMES.changes, 'G2').quotePrefix).toBe(true);
    // Every text that would start a formula is a text cell marked to stay text; no other cell is marked.
    let marked = 0;
    for (const name of workbook.SheetNames) {
      const ws = workbook.Sheets[name] as XLSX.WorkSheet;
      for (const [ref, c] of Object.entries(ws)) {
        if (ref.startsWith('!')) continue;
        const { v, t, f } = c as XLSX.CellObject;
        const formulaLike = typeof v === 'string' && /^[=+\-@\t\r\0]/.test(v);
        if (formulaLike) expect([name, ref, t, f]).toEqual([name, ref, 's', undefined]);
        expect([name, ref, formats.cell(name, ref).quotePrefix]).toEqual([name, ref, formulaLike]);
        if (formulaLike) marked += 1;
      }
    }
    expect(marked).toBeGreaterThanOrEqual(2);
  });

  it('status tables: grouped merged headers, counts and completion rate', () => {
    const ws = workbook.Sheets[SHEET_NAMES.byArea] as XLSX.WorkSheet;
    const merges = (ws['!merges'] ?? []).map((m) => XLSX.utils.encode_range(m));
    expect(merges).toEqual(
      expect.arrayContaining(['A2:A3', 'B2:C2', 'D2:E2', 'F2:G2', 'H2:H3', 'I2:I3', 'J2:J3']),
    );
    expect(['B2', 'D2', 'F2', 'H2', 'I2', 'J2'].map((r) => cell(ws, r)?.v)).toEqual([
      '목표달성',
      '목표미달성',
      '사업미실시',
      '미제출',
      '계',
      '완료율',
    ]);
    expect(cell(ws, 'A4')?.v).toBe('1. 미래특별시');
    expect(cell(ws, 'B4')).toMatchObject({ t: 'n', v: 1 });
    expect(cell(ws, 'I4')?.v).toBe(33);
    expect(cell(ws, 'J4')).toMatchObject({ t: 'n', z: '0.0%', f: '(B4+C4)/I4' });
    expect(cell(ws, 'I11')).toMatchObject({ v: 238, f: 'SUM(I4:I10)' });
    // Nothing waits for a decision in this report: no note, no marks.
    expect(cell(ws, 'B4')?.c).toBeUndefined();
    expect(cell(ws, 'A14')).toBeUndefined();
  });

  it('a 완료 the office has not decided yet is marked on its rows and explained under the table', () => {
    const input = scenario();
    const leads = new Map(input.catalog.projects.map((p) => [p.id, p.leadDepartment]));
    const waiting = input.cards
      .filter((c) => c.status === 'completed' && leads.get(c.projectId) === c.department)
      .map((c) => c.projectId);
    expect(waiting.length).toBeGreaterThan(0);
    const marked = buildOfficeReport({ ...input, completionUndecided: new Set(waiting) });
    const book = XLSX.read(writeReportWorkbook(marked), { type: 'buffer' });
    const ws = book.Sheets[SHEET_NAMES.byArea] as XLSX.WorkSheet;
    const area1 = marked.statusTables.byArea.find((r) => r.key === '1');
    expect(area1?.completedUndecided).toBe(area1?.counts.completed);
    expect(cell(ws, 'B4')?.c?.[0]?.t).toBe(`결정 대기 ${area1?.completedUndecided}`);
    // The total row (11) carries the total; areas without a waiting 완료 carry no mark.
    expect(cell(ws, 'B11')?.c?.[0]?.t).toBe(`결정 대기 ${waiting.length}`);
    expect(cell(ws, 'B5')?.c).toBeUndefined();
    expect(String(cell(ws, 'A14')?.v)).toContain(`${waiting.length}건은 부서가 완료를 요청했지만`);
    // 붙임5's 이행도 says it too, and only there where the row is 완료.
    const fin = book.Sheets[SHEET_NAMES.finance] as XLSX.WorkSheet;
    for (const id of waiting) expect(cell(fin, `C${rowOf(fin, 'A', id)}`)?.v).toBe('완료 (결정 대기)');
    expect(cell(finance, `C${rowOf(finance, 'A', waiting[0] as string)}`)?.v).toBe('완료');
    // So does the later half-year's 추진상황 in 반기 비교.
    const comparison = book.Sheets[SHEET_NAMES.comparison] as XLSX.WorkSheet;
    for (const id of waiting)
      expect(cell(comparison, `E${rowOf(comparison, 'A', id)}`)?.v).toBe('완료 (결정 대기)');
    // A waiting 완료 counts as 완료 in 부진 사업 too: never lagging, even under a 100% 집행률 기준 that puts every
    // other project with a card there.
    const strict = buildOfficeReport({
      ...input,
      completionUndecided: new Set(waiting),
      options: { ...input.options, executionRateThreshold: 1 },
    });
    const lagging = XLSX.read(writeReportWorkbook(strict), { type: 'buffer' }).Sheets[
      SHEET_NAMES.lagging
    ] as XLSX.WorkSheet;
    expect(strict.lagging.length).toBeGreaterThan(0);
    for (const l of strict.lagging) expect(rowOf(lagging, 'A', l.projectId)).toBeGreaterThan(1);
    for (const id of waiting) expect(() => rowOf(lagging, 'A', id)).toThrow('no row');
  });

  it('an 이행 후 계속 추진 the office has not decided yet is marked in its own column, as on screen', () => {
    const input = scenario();
    const leads = new Map(input.catalog.projects.map((p) => [p.id, p.leadDepartment]));
    const waiting = input.cards
      .filter((c) => c.status === 'continuing' && leads.get(c.projectId) === c.department)
      .map((c) => c.projectId);
    expect(waiting).toEqual(['3-2-1']);
    const marked = buildOfficeReport({ ...input, completionUndecided: new Set(waiting) });
    const book = XLSX.read(writeReportWorkbook(marked), { type: 'buffer' });
    const ws = book.Sheets[SHEET_NAMES.byArea] as XLSX.WorkSheet;
    // Area 3 is row 6; its 이행 후 계속 추진 cell (C) says it waits, its 완료 cell (B) does not.
    expect(cell(ws, 'C6')?.c?.[0]?.t).toBe('결정 대기 1');
    expect(cell(ws, 'B6')?.c).toBeUndefined();
    expect(cell(ws, 'C11')?.c?.[0]?.t).toBe('결정 대기 1');
    expect(String(cell(ws, 'A14')?.v)).toContain(
      `이행 후 계속 추진 ${marked.statusTables.total.counts.continuing}건 가운데 1건은`,
    );
    const fin = book.Sheets[SHEET_NAMES.finance] as XLSX.WorkSheet;
    expect(cell(fin, `C${rowOf(fin, 'A', '3-2-1')}`)?.v).toBe('이행 후 계속 추진 (결정 대기)');
  });
});

describe('projects without a confirmed plan', () => {
  it('are named under 붙임5, as on screen', () => {
    const input = scenario();
    const id = input.cards.find((c) => input.plans.some((p) => p.projectId === c.projectId))!.projectId;
    const unconfirmed = buildOfficeReport({ ...input, plans: input.plans.filter((p) => p.projectId !== id) });
    const ws = XLSX.read(writeReportWorkbook(unconfirmed), { type: 'buffer' }).Sheets[
      SHEET_NAMES.finance
    ] as XLSX.WorkSheet;
    const texts = Object.keys(ws)
      .filter((k) => !k.startsWith('!'))
      .map((k) => String(cell(ws, k)?.v ?? ''));
    expect(texts).toContain(withoutConfirmedPlanNote([id]));
    expect(withoutConfirmedPlanNote([id])).toContain(`뺀 사업 1개: ${id}`);
    expect(withoutConfirmedPlanNote([])).toBeNull();
  });
});

describe('projects whose lead department sent no card', () => {
  const sheetTexts = (r: ReturnType<typeof buildOfficeReport>): string[] => {
    const ws = XLSX.read(writeReportWorkbook(r), { type: 'buffer' }).Sheets[
      SHEET_NAMES.finance
    ] as XLSX.WorkSheet;
    return Object.keys(ws)
      .filter((k) => !k.startsWith('!'))
      .map((k) => String(cell(ws, k)?.v ?? ''));
  };

  it('are named under 붙임5 with how the total counts them, and no note when every lead reported', () => {
    const input = scenario();
    const withPlan = new Set(input.plans.map((p) => p.projectId));
    const lead = (id: string) => input.catalog.projects.find((p) => p.id === id)?.leadDepartment;
    // The projects in 붙임5 whose lead has a card, and one of them whose card is taken away.
    const reported = input.cards.filter(
      (c) => c.periodId === input.periodId && withPlan.has(c.projectId) && c.department === lead(c.projectId),
    );
    const dropped = reported[0]!.projectId;
    const without = buildOfficeReport({ ...input, cards: input.cards.filter((c) => c !== reported[0]) });
    const expected = [...withPlan].filter(
      (id) => id === dropped || !reported.some((c) => c.projectId === id),
    );
    const note = missingCardFinanceNote(without.finance, false);
    expect(note).toContain(`사업 ${expected.length}개`);
    for (const id of expected) expect(note).toContain(id);
    expect(sheetTexts(without)).toContain(note);
    // The note says what the total holds: the dropped project's row counts no 집행.
    const row = without.finance.areas.flatMap((a) => a.rows).find((r) => r.projectId === dropped);
    expect(row?.termExecuted.total).toBe(0);
    expect(missingCardFinanceNote(without.finance, true)).toContain('기한 전');

    const all = buildOfficeReport({
      ...input,
      plans: input.plans.filter((p) => reported.some((c) => c.projectId === p.projectId)),
    });
    expect(missingCardFinanceNote(all.finance, false)).toBeNull();
    expect(sheetTexts(all).some((t) => t.includes('관리카드를 받지 못한'))).toBe(false);
  });
});

describe('projects whose 재정집행현황 did not arrive', () => {
  it('say so in 비고 (not a bare 0 of 확보) and are named under 붙임5 with how the total counts them', () => {
    const missing = buildOfficeReport(missingFinanceRowInput());
    const ws = XLSX.read(writeReportWorkbook(missing), { type: 'buffer' }).Sheets[
      SHEET_NAMES.finance
    ] as XLSX.WorkSheet;
    const range = XLSX.utils.decode_range(ws['!ref'] ?? 'A1');
    let noteCol = -1;
    for (let c = range.s.c; c <= range.e.c; c++)
      if (cell(ws, XLSX.utils.encode_cell({ r: 2, c }))?.v === '비고') noteCol = c;
    expect(noteCol).toBeGreaterThan(0);
    const noteOf = (id: string) =>
      cell(ws, XLSX.utils.encode_cell({ r: rowOf(ws, 'A', id) - 1, c: noteCol }))?.v;
    expect(noteOf('1-1-1')).toBe('재정집행현황 미접수');
    expect(noteOf('1-1-2')).toBe('확보 없음');
    expect(noteOf('1-1-7')).toBe('재정집행현황 미접수: 여성가족정책실');
    const note = missingFinanceRowNote(missing.finance, false);
    expect(note).toContain('1-1-1, 1-1-7(여성가족정책실)');
    const texts = Object.keys(ws)
      .filter((k) => !k.startsWith('!'))
      .map((k) => String(cell(ws, k)?.v ?? ''));
    expect(texts).toContain(note);
  });
});

describe('printing', () => {
  it('every sheet prints landscape, one page wide; the tables repeat their header rows on each page', () => {
    const zip = XLSX.CFB.read(writeReportWorkbook(report), { type: 'buffer' });
    const sheets = zip.FullPaths.map((path: string, i: number) => ({ path, entry: zip.FileIndex[i] })).filter(
      ({ path }: { path: string }) => /\/xl\/worksheets\/sheet\d+\.xml$/.test(path),
    );
    expect(sheets).toHaveLength(Object.keys(SHEET_NAMES).length);
    const financeSheet = workbook.SheetNames.indexOf(SHEET_NAMES.finance) + 1;
    for (const { path, entry } of sheets) {
      const xml = Buffer.from(entry?.content as Uint8Array).toString('utf8');
      // 붙임5 (25 columns) on A3, the other sheets on A4.
      const paper = path.endsWith(`/sheet${financeSheet}.xml`) ? 8 : 9;
      expect(xml, path).toContain(
        `<pageSetup paperSize="${paper}" orientation="landscape" fitToWidth="1" fitToHeight="0"/>`,
      );
      expect(xml).toMatch(/<sheetPr[^>]*><pageSetUpPr fitToPage="1"\/>/);
    }
    // Still a workbook every reader opens, with the rows to repeat named per sheet.
    const names = workbook.Workbook?.Names ?? [];
    const titles = (sheet: string) =>
      names.find((n) => n.Name === '_xlnm.Print_Titles' && workbook.SheetNames[n.Sheet ?? -1] === sheet)?.Ref;
    expect(titles(SHEET_NAMES.finance)).toBe(`'${SHEET_NAMES.finance}'!$1:$4`);
    expect(titles(SHEET_NAMES.byArea)).toBe(`'${SHEET_NAMES.byArea}'!$1:$3`);
    expect(titles(SHEET_NAMES.lagging)).toBe(`'${SHEET_NAMES.lagging}'!$1:$1`);
    expect(titles(SHEET_NAMES.overview)).toBeUndefined();
  });
});

describe('접수내역', () => {
  it('shows when each bundle arrived and was made in the office’s time, as the screen does', () => {
    const ws = workbook.Sheets[SHEET_NAMES.bundles] as XLSX.WorkSheet;
    expect(['A1', 'B1', 'C1', 'H1'].map((r) => cell(ws, r)?.v)).toEqual([
      '부서',
      '가져온 일시',
      '접수일',
      '작성 일시',
    ]);
    const bundles = report.submissions.departments.flatMap((d) => d.bundles);
    expect(bundles.length).toBeGreaterThan(0);
    // KST is UTC + 9 h; the date part is the day the office counts for the deadline. A plain date (the fixtures'
    // receipts, a 접수일 the office gave) is a day, shown as it is.
    const kst = (iso: string) => {
      if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
      const t = new Date(Date.parse(iso) + 9 * 3_600_000).toISOString();
      return `${t.slice(0, 10)} ${t.slice(11, 16)}`;
    };
    expect(bundles.some((b) => !/^\d{4}-\d{2}-\d{2}$/.test(b.receivedAt))).toBe(true);
    expect(bundles.filter((b) => b.importedAt !== undefined).map((b) => b.receivedDate)).toEqual([
      '2019-07-15',
    ]);
    bundles.forEach((b, i) => {
      expect(cell(ws, `B${i + 2}`)?.v).toBe(kst(b.importedAt ?? b.receivedAt));
      expect(cell(ws, `C${i + 2}`)?.v).toBe(b.receivedDate);
      expect(String(cell(ws, `B${i + 2}`)?.v)).toMatch(new RegExp(`^${b.receivedDate}`));
      expect(cell(ws, `H${i + 2}`)?.v).toBe(kst(b.createdAt));
      expect(cell(ws, `J${i + 2}`)?.v ?? '').toBe(b.importedAt === undefined ? '' : '접수일 지정');
      // A quarantined bundle is signed with a key not approved (yet): not called a failed signature.
      expect(cell(ws, `E${i + 2}`)?.v).toBe(b.signature === 'valid' ? '확인' : '격리(승인되지 않은 키)');
    });
    expect(bundles.some((b) => b.signature === 'quarantined')).toBe(true);
    const submissions = workbook.Sheets[SHEET_NAMES.submissions] as XLSX.WorkSheet;
    expect(cell(submissions, 'H1')?.v).toBe('격리 (키 상태)');
  });
});

describe('the same words as the screen', () => {
  it('부진사업 and 반기 비교 use the shared labels and half-year names, not codes', () => {
    const lagging = workbook.Sheets[SHEET_NAMES.lagging] as XLSX.WorkSheet;
    const first = report.lagging[0];
    expect(first).toBeDefined();
    const row = rowOf(lagging, 'A', first!.projectId);
    expect(cell(lagging, `E${row}`)?.v).toBe(laggingReasonsText(first!));
    const comparison = workbook.Sheets[SHEET_NAMES.comparison] as XLSX.WorkSheet;
    const c = report.comparison;
    expect(c.fromPeriodId).not.toBeNull();
    // The screen's two header rows: the term's 집행 up to each half-year, and between them the 증감.
    expect(['D1', 'G1', 'J1'].map((r) => cell(comparison, r)?.v)).toEqual([
      '추진상황',
      '임기내 집행 (백만원)',
      '계획 총계 (백만원)',
    ]);
    const [from, to] = [periodLabel(c.fromPeriodId!), periodLabel(c.toPeriodId)];
    expect(['D2', 'E2', 'G2', 'H2', 'I2', 'J2', 'K2'].map((r) => cell(comparison, r)?.v)).toEqual([
      from,
      to,
      from,
      to,
      '증감',
      from,
      to,
    ]);
    const changed = c.projects.find((p) => p.changes.length > 0)!;
    const changedRow = rowOf(comparison, 'A', changed.projectId);
    expect(cell(comparison, `F${changedRow}`)?.v).toBe(statusTrendLabel(changed.statusTrend));
    expect(cell(comparison, `L${changedRow}`)?.v).toBe(comparisonChangesText(changed));
  });
});

describe('a half-year whose due date has not come yet', () => {
  it('says 기한 전 where the screen does: the 미제출 column, each department’s 상태, the due date', () => {
    const dueDate = findPeriod(term, '2020-H2')?.dueDate ?? '';
    const daysLeft = 30;
    const today = new Date(Date.parse(`${dueDate}T00:00:00Z`) - daysLeft * 86_400_000)
      .toISOString()
      .slice(0, 10);
    const input = { ...emptyInput('2020-H2'), options: { executionRateThreshold: 0.3, today } };
    const early = buildOfficeReport(input);
    expect(early.submissions).toMatchObject({ dueDate, beforeDue: true, daysLeft });
    const book = XLSX.read(writeReportWorkbook(early), { type: 'buffer' });
    const byArea = book.Sheets[SHEET_NAMES.byArea] as XLSX.WorkSheet;
    expect(cell(byArea, 'H2')?.v).toBe(notSubmittedLabel(true));
    const submissions = book.Sheets[SHEET_NAMES.submissions] as XLSX.WorkSheet;
    expect(cell(submissions, 'F1')?.v).toBe('상태');
    expect(cell(submissions, 'G1')?.v).toBe('기한 경과 미제출');
    const rows = early.submissions.departments.length;
    for (let r = 2; r <= rows + 1; r++) {
      expect(cell(submissions, `F${r}`)?.v).toBe(submissionStateLabel('none', true));
      expect(cell(submissions, `G${r}`)?.v ?? '').toBe('');
    }
    expect(cell(submissions, `A${rows + 5}`)?.v).toBe(beforeDueNote(dueDate, true, daysLeft));
    const overview = XLSX.utils.sheet_to_json<string[]>(book.Sheets[SHEET_NAMES.overview] as XLSX.WorkSheet, {
      header: 1,
    });
    expect(overview.find((l) => l[0] === '제출기한')?.[1]).toBe(
      `${dueDate} (D-${daysLeft}, 기한 전: 아직 받지 않은 문서는 지연이 아닙니다)`,
    );

    // The day after the due date the same sheets say 미제출 and 기한 경과.
    const late = buildOfficeReport({
      ...input,
      options: { ...input.options, today: shiftedDay(dueDate, 1) },
    });
    const lateBook = XLSX.read(writeReportWorkbook(late), { type: 'buffer' });
    expect(cell(lateBook.Sheets[SHEET_NAMES.byArea] as XLSX.WorkSheet, 'H2')?.v).toBe('미제출');
    const lateSubmissions = lateBook.Sheets[SHEET_NAMES.submissions] as XLSX.WorkSheet;
    expect(cell(lateSubmissions, 'F2')?.v).toBe('미제출');
    expect(cell(lateSubmissions, 'G2')?.v).toBe('예');
    expect(cell(lateSubmissions, `A${rows + 5}`)).toBeUndefined();
  });
});

describe('a due date moved past a weekend', () => {
  it('writes the due date with why it moved, on the overview and under the submissions table', () => {
    const period = findPeriod(term, '2021-H2');
    expect(period?.dueDateMovedBecause).not.toBeNull();
    const book = XLSX.read(
      writeReportWorkbook(
        buildOfficeReport({
          ...emptyInput('2021-H2'),
          options: { executionRateThreshold: 0.3, today: '2022-03-02' },
        }),
      ),
      { type: 'buffer' },
    );
    const expected = `${period?.dueDate} (${period?.dueDateMovedBecause})`;
    const overview = XLSX.utils.sheet_to_json<string[]>(book.Sheets[SHEET_NAMES.overview] as XLSX.WorkSheet, {
      header: 1,
    });
    expect(overview.find((l) => l[0] === '제출기한')?.[1]).toBe(expected);
    const submissions = XLSX.utils.sheet_to_json<string[]>(
      book.Sheets[SHEET_NAMES.submissions] as XLSX.WorkSheet,
      { header: 1 },
    );
    expect(submissions.some((l) => l[0] === `제출기한 ${expected} (당일 접수까지 기한 내)`)).toBe(true);
  });
});

function shiftedDay(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

describe('the form’s look (cell formats written into the file)', () => {
  it('붙임5: a ruled grid with bold grey headers (every part of a merged one), bold totals, unruled notes', () => {
    const f = (ref: string) => formats.cell(SHEET_NAMES.finance, ref);
    expect(f('A1')).toMatchObject({ bold: true, ruled: false, horizontal: 'center' });
    // 계획 총계 spans D3:E3: both parts are ruled, or the merged cell's right edge would have no rule.
    for (const ref of ['A3', 'A4', 'D3', 'E3', 'F3', 'K3', 'D4', 'X3', 'X4'])
      expect([ref, f(ref)]).toEqual([
        ref,
        expect.objectContaining({
          bold: true,
          ruled: true,
          filled: true,
          horizontal: 'center',
          wrapped: true,
        }),
      ]);
    const r = rowOf(finance, 'A', '1-1-7');
    expect(f(`A${r}`)).toMatchObject({ ruled: true, bold: false, horizontal: 'center' });
    expect(f(`B${r}`)).toMatchObject({ ruled: true, bold: false, wrapped: true, filled: false });
    expect(f(`F${r}`)).toMatchObject({ ruled: true, bold: false, filled: false });
    // An empty 비고 is still a ruled cell of the grid.
    const plain = rowOf(finance, 'A', '1-1-1') + 1;
    expect(cell(finance, `A${plain}`)?.v).toMatch(/^\d-\d+-\d+$/);
    for (const total of [rowOf(finance, 'B', '1. 미래특별시 소계'), rowOf(finance, 'B', '합계')]) {
      for (const col of ['A', 'B', 'C', 'D', 'R', 'Y'])
        expect([col, total, f(`${col}${total}`)]).toEqual([
          col,
          total,
          expect.objectContaining({ bold: true, ruled: true, filled: true }),
        ]);
    }
    expect(f('A2')).toMatchObject({ ruled: false, wrapped: false });
    const note = rowOf(finance, 'B', '합계') + 2;
    if (cell(finance, `B${note}`) !== undefined) expect(f(`B${note}`).ruled).toBe(false);
  });

  it('제출현황: every cell of the table is ruled, long lists wrap inside their column, the notes below are not ruled', () => {
    const ws = workbook.Sheets[SHEET_NAMES.submissions] as XLSX.WorkSheet;
    const last = report.submissions.departments.length + 2;
    for (let row = 1; row <= last; row++)
      for (const col of 'ABCDEFGHI')
        expect([`${col}${row}`, formats.cell(SHEET_NAMES.submissions, `${col}${row}`).ruled]).toEqual([
          `${col}${row}`,
          true,
        ]);
    expect(formats.cell(SHEET_NAMES.submissions, 'I2').wrapped).toBe(true);
    expect(cell(ws, `A${last + 2}`)?.v).toMatch(/^제출기한/);
    expect(formats.cell(SHEET_NAMES.submissions, `A${last + 2}`).ruled).toBe(false);
    expect(formats.cell(SHEET_NAMES.submissions, `A${last}`)).toMatchObject({ bold: true, filled: true });
  });

  it('keeps the header rows and the key columns in view, and prints the report, page and date at each foot', () => {
    expect(formats.pane(SHEET_NAMES.finance)).toEqual({ xSplit: 2, ySplit: 4 });
    expect(formats.pane(SHEET_NAMES.byArea)).toEqual({ xSplit: 1, ySplit: 3 });
    expect(formats.pane(SHEET_NAMES.comparison)).toEqual({ xSplit: 2, ySplit: 2 });
    expect(formats.pane(SHEET_NAMES.lagging)).toEqual({ xSplit: 2, ySplit: 1 });
    expect(formats.pane(SHEET_NAMES.submissions)).toEqual({ xSplit: 1, ySplit: 1 });
    expect(formats.pane(SHEET_NAMES.overview)).toBeNull();
    for (const name of workbook.SheetNames) {
      const footer = formats.footer(name) ?? '';
      expect([name, footer.includes('&amp;C&amp;P / &amp;N')]).toEqual([name, true]);
      expect(footer).toContain(`작성 기준일 ${report.meta.today}`);
      expect(footer).toContain(report.meta.periodLabel);
    }
  });

  it('every table sheet’s header row is bold, grey, ruled and centred', () => {
    for (const name of [
      SHEET_NAMES.submissions,
      SHEET_NAMES.bundles,
      SHEET_NAMES.contacts,
      SHEET_NAMES.lagging,
      SHEET_NAMES.participation,
      SHEET_NAMES.changes,
      SHEET_NAMES.comparison,
    ]) {
      const ws = workbook.Sheets[name] as XLSX.WorkSheet;
      const width = XLSX.utils.decode_range(ws['!ref'] ?? 'A1').e.c;
      for (let c = 0; c <= Math.min(width, 8); c++) {
        const ref = XLSX.utils.encode_cell({ r: 0, c });
        expect([name, ref, formats.cell(name, ref)]).toEqual([
          name,
          ref,
          expect.objectContaining({ bold: true, filled: true, ruled: true, horizontal: 'center' }),
        ]);
      }
    }
  });
});
