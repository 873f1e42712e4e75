import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { afterAll, describe, expect, it } from 'vitest';
import { buildOfficeReport } from '../../domain/reports';
import { scenario } from '../../domain/reports/scenario';
import { missingFinanceRowInput } from '../../domain/reports/test-fixtures';
import { csvField, toCsv } from './csv';
import {
  CSV_ID_NOTE,
  escapeHtml,
  financeCsv,
  projectsCsv,
  PUBLIC_FILES,
  renderPublicHtml,
  writePublicReport,
} from './public-report';
import { parseCsv } from './test-support/csv-parse';
import { runSourceInChild } from '../cli/test-cli-child';

const out = mkdtempSync(join(tmpdir(), 'pledge-public-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

function hostileInput() {
  const input = scenario();
  const first = input.financeRows[0];
  if (first !== undefined) first.note = '=cmd|"/c calc"!A1, 그리고 "따옴표"\r\n둘째 줄';
  const change = input.changeRequests[0];
  if (change !== undefined) {
    change.reason = '<script>alert("x")</script> & 사유';
    change.rows = [{ category: '공약내용', original: '-당초 목표', proposed: '@변경 "안"' }];
  }
  const card = input.cards[0];
  const unit = card?.unitProjects[0];
  if (unit !== undefined) unit.results['2019-H1'] = '<img src=x onerror=alert(1)> 추진 중';
  return input;
}

const report = buildOfficeReport(hostileInput());
const files = writePublicReport(report, join(out, 'site'));
const read = (name: string) => readFileSync(join(out, 'site', name), 'utf8');

describe('재정 현황 coverage', () => {
  it('says how many projects the sums hold, out of the pledge’s, counting the finance.csv rows', () => {
    const rows = parseCsv(read('finance.csv').slice(1)).slice(1);
    const all = scenario().catalog.projects.length;
    expect(rows.length).toBeLessThan(all);
    const line = /<p class="meta" data-finance-coverage>([^<]*)<\/p>/.exec(read('index.html'))?.[1];
    expect(line).toBe(
      `실천계획서가 확정된 ${rows.length}개 사업의 합계입니다 (공약 ${all}개 사업 중 ${all - rows.length}개는 계획서가 확정되지 않아 빠져 있습니다).`,
    );
  });
});

describe('a 재정집행현황 that did not arrive', () => {
  const missing = buildOfficeReport(missingFinanceRowInput());

  it('leaves the 확보 fields of finance.csv empty (not 0) and says so in 비고; a real 0 stays 0', () => {
    const finance = parseCsv(financeCsv(missing).slice(1));
    const header = finance[0] ?? [];
    const secured = ['확보총계', ...header.filter((h) => h.startsWith('확보 '))].map((h) =>
      header.indexOf(h),
    );
    expect(secured).toHaveLength(6);
    const rowOf = (id: string) => finance.find((r) => r[0] === id) ?? [];
    expect(secured.map((i) => rowOf('1-1-1')[i])).toEqual(['', '', '', '', '', '']);
    expect(rowOf('1-1-1')[header.indexOf('비고')]).toBe('재정집행현황 미접수');
    expect(secured.map((i) => rowOf('1-1-2')[i])).toEqual(['0', '0', '0', '0', '0', '0']);
    // Part of a shared project's 확보 arrived: the amounts that did, and the department that did not.
    expect(rowOf('1-1-7')[header.indexOf('확보총계')]).toBe('100');
    expect(rowOf('1-1-7')[header.indexOf('비고')]).toBe('재정집행현황 미접수: 여성가족정책실');
    // 집행 is still there.
    expect(rowOf('1-1-1')[header.indexOf('임기내 집행 계')]).toBe('10');
  });

  it('leaves 확보 of projects.csv empty and the page shows -', () => {
    const projects = parseCsv(projectsCsv(missing).slice(1));
    const header = projects[0] ?? [];
    const at = header.indexOf('확보(백만원)');
    expect(projects.find((r) => r[0] === '1-1-1')?.[at]).toBe('');
    expect(projects.find((r) => r[0] === '1-1-2')?.[at]).toBe('0');
    const page = renderPublicHtml(missing);
    // 계획 총계, 확보, 집행 of each project's row.
    const amounts = (id: string) =>
      [
        ...(new RegExp(`<tr><td>${id}</td>.*?</tr>`).exec(page)?.[0] ?? '').matchAll(
          /<td class="num">([^<]*)<\/td>/g,
        ),
      ].map((m) => m[1]);
    expect(amounts('1-1-1')).toEqual(['100', '-', '10']);
    expect(amounts('1-1-2')).toEqual(['100', '0', '0']);
  });
});

describe('csv writer', () => {
  it('quotes per RFC 4180 and neutralises formulas', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('-5')).toBe("'-5");
    expect(csvField(-5)).toBe('-5');
    expect(csvField(1.125)).toBe('1.125');
    expect(csvField(null)).toBe('');
    expect(toCsv(['가', '나'], [[1, '다']])).toBe('\uFEFF가,나\r\n1,다\r\n');
  });
});

describe('writePublicReport', () => {
  it('writes index.html and three CSV files', () => {
    expect(files.map((f) => f.split('/').pop())).toEqual([...PUBLIC_FILES]);
  });

  it('CSV files are UTF-8 with BOM, parse back with Korean intact and injection-safe cells', () => {
    for (const name of ['projects.csv', 'finance.csv', 'changes.csv']) {
      const text = read(name);
      expect(text.startsWith('\uFEFF')).toBe(true);
      const rows = parseCsv(text.slice(1));
      const width = rows[0]?.length;
      for (const row of rows) expect(row.length).toBe(width);
      for (const row of rows.slice(1)) {
        for (const field of row) expect(/^[=+\-@\t\r\0]/.test(field)).toBe(false);
      }
    }
    const projects = parseCsv(read('projects.csv').slice(1));
    expect(projects).toHaveLength(239);
    expect(projects[0]?.[0]).toBe('관리번호');
    const p1 = projects.find((r) => r[0] === '1-1-1');
    expect(p1?.[4]).toBe('마포 핀테크 랩을 거점으로 핀테크·블록체인 산업 생태계 구축');
    expect(p1?.[7]).toBe('완료');
    expect(p1?.slice(9)).toEqual(['750', '600', '700', '190.5']);
    expect(projects.flatMap((r) => r[8] ?? '').join('\n')).not.toMatch(/\d{4}-H[12]/);

    const finance = parseCsv(read('finance.csv').slice(1));
    const header = finance[0] ?? [];
    const f1 = finance.find((r) => r[0] === '1-1-1') ?? [];
    expect(f1[header.indexOf('비고')]).toBe('\'=cmd|"/c calc"!A1, 그리고 "따옴표"\r\n둘째 줄');
    const shared = finance.find((r) => r[0] === '1-1-7') ?? [];
    expect(shared[header.indexOf('확보총계')]).toBe('340.125');
    expect(shared[header.indexOf('부서')]).toBe('경제진흥본부, 여성가족정책실');
    // The amounts changed since first reported, named as the columns are (no field paths on the website).
    const changedRow = finance.find((r) => r[0] === '3-2-1') ?? [];
    const changedNames = (changedRow.at(-1) ?? '').split('; ');
    expect(changedNames).toContain('확보 시·도비');
    for (const name of changedNames) expect(header).toContain(name);
    const everyChanged = finance.slice(1).flatMap((r) => (r.at(-1) ? (r.at(-1) as string).split('; ') : []));
    for (const name of everyChanged) expect(header, name).toContain(name);
    const executedSum = finance.slice(1).reduce((n, r) => n + Number(r[header.indexOf('임기내 집행 계')]), 0);
    expect(executedSum).toBeCloseTo(report.finance.grandTotal.termExecuted.total, 9);

    const changes = parseCsv(read('changes.csv').slice(1));
    expect(changes[1]?.slice(6)).toEqual([
      '공약내용',
      "'-당초 목표",
      '\'@변경 "안"',
      '<script>alert("x")</script> & 사유',
    ]);
  });

  it("names each approved change by its place in the list and its 요청일, never by the app's request id", () => {
    const input = hostileInput();
    const approved = input.changeRequests.filter((c) => c.decisionHistory.at(-1)?.status === 'approved');
    expect(approved.length).toBeGreaterThan(0);
    const changes = parseCsv(read('changes.csv').slice(1));
    expect(changes[0]?.slice(0, 6)).toEqual(['순번', '관리번호', '공약명', '부서', '요청일', '승인일']);
    const first = approved[0]!;
    const requested = first.decisionHistory.find((d) => d.status === 'requested')?.date;
    expect(requested).toBeDefined();
    expect(changes[1]?.slice(0, 2)).toEqual(['1', first.projectId]);
    expect(changes[1]?.[4]).toBe(requested);
    const html = read('index.html');
    expect(html).toContain(`${requested} 요청`);
    for (const request of input.changeRequests) {
      expect(read('changes.csv')).not.toContain(request.requestId);
      expect(html).not.toContain(request.requestId);
    }
    expect(html).not.toContain('요청번호');
  });

  it('SheetJS reads the CSV text back as written when it takes every cell as text (raw)', () => {
    const wb = XLSX.read(readFileSync(join(out, 'site', 'changes.csv')), { type: 'buffer', raw: true });
    const ws = wb.Sheets[wb.SheetNames[0] ?? ''] as XLSX.WorkSheet;
    expect(ws['A1']?.v).toBe('순번');
    expect(ws['I2']?.v).toBe('\'@변경 "안"');
    expect(ws['B2']?.v).toMatch(/^\d+-\d+-\d+$/);
  });

  it('a spreadsheet guessing types reads 관리번호 as a date, so the page says to import the id columns as text', () => {
    const guessed = XLSX.read(readFileSync(join(out, 'site', 'projects.csv')), { type: 'buffer' });
    const ws = guessed.Sheets[guessed.SheetNames[0] ?? ''] as XLSX.WorkSheet;
    expect(ws['A2']?.t).not.toBe('s'); // "1-1-1" guessed as a date: why the note is there
    expect(read('index.html')).toContain(escapeHtml(CSV_ID_NOTE));
  });

  it('index.html is self-contained, script-free and escapes every text', () => {
    const html = read('index.html');
    expect(html).toContain('<html lang="ko">');
    expect(html).toContain('민선7기 공약이행 종합 현황 (2019년 상반기)');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/<link|src=["']?http/i);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; 사유');
    expect(html).toContain('(2019년 상반기): &lt;img src=x onerror=alert(1)&gt; 추진 중');
    expect(html).not.toMatch(/\(\d{4}-H[12]\)/);
    expect(html).toContain('<td>-당초 목표</td>');
    expect(html).toContain("default-src 'none'");
    // Every project appears with its status.
    expect(html.match(/<tr><td>\d+-\d+-\d+<\/td>/g)).toHaveLength(238);
    expect(html).toContain('마포 핀테크 랩을 거점으로 핀테크·블록체인 산업 생태계 구축');
  });

  it('index.html: every table has a caption and sits in a named region reachable with Tab (it scrolls sideways)', () => {
    const html = read('index.html');
    const tables = html.match(/<table>.*?<\/table>/gs) ?? [];
    // The summary, the finance total, one per area (7) and one per approved change in the scenario.
    expect(tables.length).toBe(2 + 7 + report.changes.approved.length);
    for (const table of tables) expect(table).toMatch(/^<table><caption[^>]*>[^<]+<\/caption>/);
    const boxes = html.match(/<div class="table-wrap"[^>]*>/g) ?? [];
    expect(boxes).toHaveLength(tables.length);
    for (const box of boxes) expect(box).toMatch(/ role="region" aria-label="[^"]+" tabindex="0"/);
  });

  it('escapeHtml covers the five special characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });
});

describe('a 완료 not decided yet', () => {
  it('is published as "완료 (결정 대기)" in projects.csv, finance.csv and the page, with the note under the counts', () => {
    const input = scenario();
    // 1-1-1 is reported 완료 by its lead department (the scenario's card).
    const marked = buildOfficeReport({ ...input, completionUndecided: new Set(['1-1-1']) });
    const dir = join(out, 'undecided');
    writePublicReport(marked, dir);
    const rows = (name: string) => parseCsv(readFileSync(join(dir, name), 'utf8').slice(1));
    const projects = rows('projects.csv');
    const finance = rows('finance.csv');
    const statusIn = (table: string[][], id: string) =>
      table.find((r) => r[0] === id)?.find((cell) => cell.startsWith('완료') || cell === '일부추진');
    expect(statusIn(projects, '1-1-1')).toBe('완료 (결정 대기)');
    expect(statusIn(finance, '1-1-1')).toBe('완료 (결정 대기)');
    expect(statusIn(projects, '1-1-7')).toBe('일부추진');
    const html = readFileSync(join(dir, 'index.html'), 'utf8');
    expect(html).toContain('완료 (결정 대기)');
    // Said for citizens: what is being checked, not the office's workflow (결정, 반려).
    expect(html).toContain('1건은 담당 부서가 완료를 보고하여 시에서 확인하고 있는 사업입니다(결정 대기).');
    expect(html).not.toContain('반려');
    expect(html).not.toContain('기획담당관');
    // Decided, it is plain 완료 again.
    const plain = join(out, 'decided');
    writePublicReport(buildOfficeReport(input), plain);
    const decided = parseCsv(readFileSync(join(plain, 'projects.csv'), 'utf8').slice(1));
    expect(statusIn(decided, '1-1-1')).toBe('완료');
  });

  it('is "완료 (결정 대기)" also for a project whose plan the office has not confirmed (no 붙임5 row)', () => {
    const input = scenario();
    input.plans = input.plans.filter((p) => p.projectId !== '1-1-1');
    const marked = buildOfficeReport({ ...input, completionUndecided: new Set(['1-1-1']) });
    // Out of 붙임5, counted 결정 대기 in the status tables all the same.
    expect(marked.finance.withoutConfirmedPlan).toContain('1-1-1');
    expect(marked.statusTables.total.completedUndecided).toBe(1);
    const projects = parseCsv(projectsCsv(marked).slice(1));
    const status = projects[0]?.indexOf('추진상황') ?? -1;
    expect(projects.find((r) => r[0] === '1-1-1')?.[status]).toBe('완료 (결정 대기)');
    const row = /<tr><td>1-1-1<\/td>.*?<\/tr>/.exec(renderPublicHtml(marked))?.[0] ?? '';
    expect(row).toContain('완료 (결정 대기)');
  });
});

describe('writePublicReport where the folder cannot be made', () => {
  it('a file in the place of a folder is named in Korean, and nothing is made', () => {
    const blocked = join(out, 'blocked');
    writeFileSync(blocked, 'x');
    expect(() => writePublicReport(report, join(blocked, 'site'))).toThrow(
      `공개 자료를 쓸 폴더를 만들 수 없습니다: ${join(blocked, 'site')} (폴더 경로 중간에 같은 이름의 파일이 있습니다).`,
    );
    expect(readFileSync(blocked, 'utf8')).toBe('x');
  });

  // In a child process with a time limit: Node 20's recursive mkdir loops forever under /proc, and a synchronous
  // loop in this worker could not be stopped by the test's timeout.
  it.runIf(process.platform === 'linux')('fails at once under /proc (no endless mkdir)', async () => {
    const run = await runSourceInChild(
      `import { buildOfficeReport } from '../../domain/reports';
      import { scenario } from '../../domain/reports/scenario';
import { missingFinanceRowInput } from '../../domain/reports/test-fixtures';
      import { writePublicReport } from './public-report';
      try { writePublicReport(buildOfficeReport(scenario()), '/proc/pledge-test/site'); console.log('written'); }
      catch (error) { console.log(error.constructor.name + ' ' + error.code + ': ' + error.message); }`,
      { resolveDir: import.meta.dirname },
    );
    expect(run.timedOut).toBe(false);
    expect(run.stdout.trim()).toBe(
      'UserError PUBLISH_FOLDER_UNUSABLE: 공개 자료를 쓸 폴더를 만들 수 없습니다: /proc/pledge-test/site (이 위치에는 폴더를 만들 수 없습니다).',
    );
  });
});
