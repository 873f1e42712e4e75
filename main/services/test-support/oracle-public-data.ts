import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { ManagementCard } from '../../../domain/documents';
import { parseCsv } from '../../reports/test-support/csv-parse';
import type { ExpectedFigures } from './office-oracle';
import type { ExpectedFinance } from './office-oracle-finance';
import {
  amountPaths,
  compareAmounts,
  csvHeaderAsGroup,
  expectedAmounts,
  STATUS_BY_LABEL,
} from './oracle-export-columns';
import { type ExpectedPublishedChange, proposedAsTyped } from './oracle-workbook';
import { catalog } from './random-office';

/**
 * The open data `pledge publish` writes (projects.csv, finance.csv, changes.csv: UTF-8 with a BOM, RFC 4180), read
 * with the tests' own CSV parser and compared with the oracles, columns found by their headers; and index.html's
 * project lists.
 */

/** "2021년 하반기" */
const halfYearLabel = (periodId: string): string =>
  `${periodId.slice(0, 4)}년 ${periodId.endsWith('H1') ? '상반기' : '하반기'}`;

/**
 * 주요 실적: per unit project of the lead's card, its latest result up to the half-year (the text trimmed, a blank
 * one skipped), "[단위사업명 2021년 상반기] 실적", a line each; nothing without a card.
 */
function resultsSummary(card: ManagementCard | undefined, periodId: string): string {
  const lines: string[] = [];
  for (const unit of card?.unitProjects ?? []) {
    const latest = Object.entries(unit.results)
      .filter(([half, text]) => half <= periodId && text.trim() !== '')
      .sort(([a], [b]) => a.localeCompare(b))
      .at(-1);
    if (latest !== undefined) lines.push(`[${unit.name} ${halfYearLabel(latest[0])}] ${latest[1].trim()}`);
  }
  return lines.join('\n');
}

const milliOf = (field: string | undefined): number | null =>
  field === undefined || field === '' ? null : Math.round(Number(field) * 1000);

function readCsv(folder: string, name: string): { header: string[]; rows: string[][] } {
  const text = readFileSync(join(folder, name), 'utf8');
  expect(text.startsWith('\uFEFF'), `${name}: BOM`).toBe(true);
  const [header = [], ...rows] = parseCsv(text.slice(1)).filter((r) => r.some((f) => f !== ''));
  return { header, rows };
}

/** projects.csv: every catalog project, its status as the tables count it, 주요 실적, and its budget figures. */
function compareProjectsCsv(
  folder: string,
  periodId: string,
  figures: ExpectedFigures,
  context: string,
): void {
  const projects = readCsv(folder, 'projects.csv');
  const col = (label: string) => projects.header.indexOf(label);
  expect(projects.rows.map((r) => r[col('관리번호')]).sort(), `${context}, projects.csv 행`).toEqual(
    catalog.projects.map((p) => p.id).sort(),
  );
  for (const row of projects.rows) {
    const projectId = row[col('관리번호')] ?? '';
    const what = `${context}, projects.csv ${projectId}`;
    const status = figures.statusByProject.get(projectId);
    if (status === undefined) throw new Error(`no status for ${projectId}`);
    const label = row[col('추진상황')] ?? '';
    expect(STATUS_BY_LABEL.get(label.replace(/ \(결정 대기\)$/, '')), `${what} 추진상황`).toBe(status.status);
    expect(label.endsWith(' (결정 대기)'), `${what} 결정 대기`).toBe(status.undecided);
    expect(row[col('주요 실적')], `${what} 주요 실적`).toBe(
      resultsSummary(figures.leadCards.get(projectId), periodId),
    );
    const budget = ['계획 총계(백만원)', '확보(백만원)', '임기내 계획(백만원)', '집행(백만원)'];
    const fig = figures.financeRows.get(projectId);
    if (fig === undefined)
      expect(
        budget.map((h) => milliOf(row[col(h)])),
        `${what} 예산 (붙임5 행 없음)`,
      ).toEqual([null, null, null, null]);
    else
      compareAmounts(
        (c) => milliOf(row[c]),
        new Map(
          budget.map((h, i) => [
            col(h),
            ['plannedTotal.current', 'secured.total', 'termPlan.total', 'termExecuted.total'][i] ?? '',
          ]),
        ),
        expectedAmounts(fig),
        `${what} 예산`,
      );
  }
}

/**
 * finance.csv: 붙임5's project rows with their amounts (every one where office-oracle-finance.ts adds the office
 * up, else the totals) and, there, the amounts changed since first reported, named by the CSV's own headers.
 */
function compareFinanceCsv(
  folder: string,
  figures: ExpectedFigures,
  finance: ExpectedFinance | undefined,
  context: string,
): void {
  const rows = readCsv(folder, 'finance.csv');
  const paths = amountPaths(rows.header.map(csvHeaderAsGroup));
  const headerOf = new Map([...paths].map(([c, path]) => [path, rows.header[c] ?? '']));
  const changedColumn = rows.header.indexOf('최초 보고 이후 수정된 항목');
  expect(rows.rows.map((r) => r[0]).sort(), `${context}, finance.csv 행`).toEqual(
    [...figures.financeRows.keys()].sort(),
  );
  for (const row of rows.rows) {
    const projectId = row[0] ?? '';
    const what = `${context}, finance.csv ${projectId}`;
    const fig = figures.financeRows.get(projectId);
    const want = finance?.rows.get(projectId);
    if (fig === undefined || (finance !== undefined && want === undefined))
      throw new Error(`no expected row ${projectId}`);
    compareAmounts((c) => milliOf(row[c]), paths, expectedAmounts(fig, want?.columns), what);
    if (want === undefined) continue;
    const changed = (row[changedColumn] ?? '').split('; ').filter((s) => s !== '');
    expect(changed.sort(), `${what} 수정된 항목`).toEqual(want.changed.map((p) => headerOf.get(p)).sort());
  }
}

/** changes.csv: a line per row of each approved change (one for a change without rows), oldest approval first. */
function compareChangesCsv(
  folder: string,
  changes: readonly ExpectedPublishedChange[],
  context: string,
): void {
  const csv = readCsv(folder, 'changes.csv');
  const col = (label: string) => csv.header.indexOf(label);
  const fields = [
    '순번',
    '관리번호',
    '부서',
    '요청일',
    '승인일',
    '구분',
    '당초 공약',
    '변경안',
    '변경 요구사유',
  ];
  const read = csv.rows.map((r) => fields.map((f) => r[col(f)] ?? ''));
  const expected = changes.flatMap((c, i) =>
    (c.rows.length > 0 ? c.rows : [{ category: '', original: '', proposed: '' }]).map((row) => ({
      line: [
        String(i + 1),
        c.projectId,
        c.department,
        c.requestedOn,
        c.approvedOn,
        row.category,
        row.original,
        row.proposed,
        c.reason,
      ],
      typed: proposedAsTyped(row.category),
    })),
  );
  expect(read.length, `${context}, changes.csv 줄 수`).toBe(expected.length);
  expected.forEach(({ line, typed }, n) => {
    // 사업기간 is published normalised: only said to be there.
    const proposed = read[n]?.[7] ?? '';
    const want = typed
      ? line
      : [...line.slice(0, 7), proposed === '' ? '(빈 변경안)' : proposed, ...line.slice(8)];
    expect(read[n], `${context}, changes.csv ${n + 1}번째 줄`).toEqual(want);
  });
}

/**
 * index.html's project lists: every catalog project once, with its 추진상황 (결정 대기 included) and its 계획 총계,
 * 확보 and 집행 as the page prints them ("4,003.697"; "-" without a 붙임5 row, or for 확보 not reported).
 */
function comparePublicPage(folder: string, figures: ExpectedFigures, context: string): void {
  const html = readFileSync(join(folder, 'index.html'), 'utf8');
  const row =
    /<tr><td>(\d+-\d+-\d+)<\/td><td>[^<]*<\/td><td>[^<]*<\/td><td class="status s-\w+">([^<]*)<\/td><td>.*?<\/td><td class="num">([^<]*)<\/td><td class="num">([^<]*)<\/td><td class="num">([^<]*)<\/td><\/tr>/gs;
  const rows = [...html.matchAll(row)];
  expect(rows.map((m) => m[1]).sort(), `${context}, index.html 사업`).toEqual(
    catalog.projects.map((p) => p.id).sort(),
  );
  const amount = (text: string | undefined): number | null =>
    text === undefined || text === '-' ? null : Math.round(Number(text.replace(/,/g, '')) * 1000);
  for (const [, projectId = '', label = '', planned, secured, executed] of rows) {
    const what = `${context}, index.html ${projectId}`;
    const status = figures.statusByProject.get(projectId);
    expect(STATUS_BY_LABEL.get(label.replace(/ \(결정 대기\)$/, '')), `${what} 추진상황`).toBe(
      status?.status,
    );
    expect(label.endsWith(' (결정 대기)'), `${what} 결정 대기`).toBe(status?.undecided);
    const fig = figures.financeRows.get(projectId);
    if (fig === undefined)
      expect([planned, secured, executed], `${what} 예산 (붙임5 행 없음)`).toEqual(['-', '-', '-']);
    else
      compareAmounts(
        (c) => amount([planned, secured, executed][c]),
        new Map([
          [0, 'plannedTotal.current'],
          [1, 'secured.total'],
          [2, 'termExecuted.total'],
        ]),
        expectedAmounts(fig),
        `${what} 예산`,
      );
  }
}

export function comparePublicData(
  folder: string,
  periodId: string,
  figures: ExpectedFigures,
  context: string,
  more: { finance?: ExpectedFinance; changes?: readonly ExpectedPublishedChange[] } = {},
): void {
  compareProjectsCsv(folder, periodId, figures, context);
  compareFinanceCsv(folder, figures, more.finance, context);
  comparePublicPage(folder, figures, context);
  if (more.changes !== undefined) compareChangesCsv(folder, more.changes, context);
}
