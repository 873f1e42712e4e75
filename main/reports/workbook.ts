import * as XLSX from 'xlsx';
import { publishedProposed } from '../../domain/documents/change-published';
import {
  CARD_STATUS_GROUP_LABELS,
  type ContactPosition,
  DECISION_STATUS_LABELS,
  PARTICIPATION_COUNT_KEYS,
  PARTICIPATION_COUNT_LABELS,
} from '../../domain/documents';
import {
  comparedPeriodLabel,
  comparisonChangesText,
  type ContactRow,
  laggingReasonsText,
  localDateTimeOf,
  missedMilestoneText,
  statusTrendLabel,
  type OfficeReport,
  REPORT_STATUS_LABELS,
  type ReportStatus,
  type StatusTableRow,
  UNDECIDED_LABEL,
  undecidedCompletionNote,
  participationSourcesNote,
  PLAN_WAIT_LABELS,
  financeStatusLabel,
  reportTitle,
  undecidedSummary,
  quarantineLabel,
  beforeDueNote,
  daysLeftLabel,
  dueDateText,
  notSubmittedLabel,
  submissionStateLabel,
} from '../../domain/reports';
import { financeSheet, type FinanceSheetLayout } from './finance-sheet';
import { preparePrint } from './print-setup';
import { cellRef, colName, NUMBER_FORMATS, SheetBuilder } from './sheet-builder';
import { SHEET_NAMES } from './sheet-names';
import { writeStyledWorkbook } from './styled-workbook';

/**
 * The office report as an Excel workbook: one sheet per table, Korean headers merged like the forms (붙임5's two
 * header rows), amounts as numbers in 백만원, subtotals and totals as formulas (with their values), and the amounts
 * changed since first reported in red through the number format.
 */

export { SHEET_NAMES };

const KIND_LABELS = { managementCard: '관리카드', financeRow: '재정집행현황' };

// ---------------------------------------------------------------------------------------------------------------
// Status tables

const STATUS_GROUPS: { label: string; statuses: ReportStatus[] }[] = [
  { label: CARD_STATUS_GROUP_LABELS.goalReached, statuses: ['completed', 'continuing'] },
  { label: CARD_STATUS_GROUP_LABELS.goalNotReached, statuses: ['onTrack', 'partial'] },
  { label: CARD_STATUS_GROUP_LABELS.notCarriedOut, statuses: ['onHold', 'dropped'] },
];

/**
 * A status table as a sheet: two merged header rows like the screen's, a row per group, the 합계 row as formulas
 * (none when the rows are not parts of one whole: the half-years of 이행 추이).
 */
export function statusSheet(
  name: string,
  keyLabel: string,
  tables: { rows: StatusTableRow[]; total: StatusTableRow | null; beforeDue: boolean },
  title: string,
  note: string,
) {
  const { rows, total } = tables;
  const b = new SheetBuilder(name);
  b.header(1, 0, 2, 0, keyLabel);
  let c = 1;
  for (const group of STATUS_GROUPS) {
    b.header(1, c, 1, c + group.statuses.length - 1, group.label);
    for (const s of group.statuses) {
      b.header(2, c, 2, c, REPORT_STATUS_LABELS[s]);
      c += 1;
    }
  }
  b.header(1, c, 2, c, notSubmittedLabel(tables.beforeDue));
  const totalCol = c + 1;
  const rateCol = c + 2;
  b.header(1, totalCol, 2, totalCol, '계');
  b.header(1, rateCol, 2, rateCol, '완료율');
  b.title(0, 0, rateCol, title);
  const statuses: ReportStatus[] = [...STATUS_GROUPS.flatMap((g) => g.statuses), 'notSubmitted'];
  let r = 3;
  const writeRate = (row: number, value: number | null) => {
    const done = `${cellRef(row, 1)}+${cellRef(row, 2)}`;
    if (value === null) b.empty(row, rateCol);
    else b.formula(row, rateCol, `(${done})/${cellRef(row, totalCol)}`, value, NUMBER_FORMATS.percent);
  };
  for (const row of rows) {
    b.text(r, 0, row.label);
    statuses.forEach((s, i) => b.count(r, 1 + i, row.counts[s]));
    b.count(r, totalCol, row.total);
    writeRate(r, row.completionRate);
    r += 1;
  }
  if (total !== null) {
    b.text(r, 0, total.label);
    const sumOf = (col: number) => `SUM(${colName(col)}4:${colName(col)}${r})`;
    statuses.forEach((s, i) => b.formula(r, 1 + i, sumOf(1 + i), total.counts[s], NUMBER_FORMATS.integer));
    b.formula(r, totalCol, sumOf(totalCol), total.total, NUMBER_FORMATS.integer);
    writeRate(r, total.completionRate);
    b.totalRow(r, 0, rateCol);
  } else r -= 1;
  b.table(1, 0, r, rateCol);
  b.freeze(3, 1);
  b.note(r + 2, 0, note);
  const waiting = total ?? rows.at(-1);
  const undecided = waiting === undefined ? null : undecidedCompletionNote(waiting);
  if (undecided !== null) {
    b.note(r + 3, 0, undecided);
  }
  // Which rows: the 완료 and 이행 후 계속 추진 cells of each row with some waiting say how many, as the screen does.
  let k = 3;
  for (const row of total === null ? rows : [...rows, total]) {
    if (row.completedUndecided > 0) b.comment(k, 1, `${UNDECIDED_LABEL} ${row.completedUndecided}`);
    if (row.continuingUndecided > 0) b.comment(k, 2, `${UNDECIDED_LABEL} ${row.continuingUndecided}`);
    k += 1;
  }
  b.widths([keyLabel === '부서' ? 18 : 40, 8, 12, 9, 9, 8, 8, 8, 8, 8]);
  return b.finish();
}

// ---------------------------------------------------------------------------------------------------------------
// Other sheets

/** 개요's line on what still waits for the office's decision when the workbook was written. */
function undecidedLine(undecided: NonNullable<OfficeReport['meta']['undecided']>): [string, string] {
  const summary = undecidedSummary(undecided);
  return [
    '결정 대기',
    summary === null
      ? '없음'
      : `${summary} — 정하면 표가 바뀔 수 있습니다 (종합 현황의 충돌·완료 요청·조정 내역에서 결정)`,
  ];
}

function overviewSheet(report: OfficeReport): XLSX.WorkSheet {
  const b = new SheetBuilder(SHEET_NAMES.overview);
  const m = report.meta;
  const lines: [string, string][] = [
    ['보고서', reportTitle(m)],
    ['기준 반기', `${m.periodLabel} (${m.periodId})`],
    [
      '제출기한',
      report.submissions.beforeDue
        ? `${dueDateText(m.dueDate, m.dueDateMovedBecause)} (${daysLeftLabel(report.submissions.daysLeft)}, 기한 전: 아직 받지 않은 문서는 지연이 아닙니다)`
        : dueDateText(m.dueDate, m.dueDateMovedBecause),
    ],
    ['작성 기준일', m.today],
    ...(m.undecided === undefined ? [] : [undecidedLine(m.undecided)]),
    ['공약 목록 판', m.catalogVersion],
    ['집행률 기준', `${Math.round(m.executionRateThreshold * 1000) / 10}% 미만은 부진`],
    ['완료율', m.definitions.completionRate],
    ['집행률', m.definitions.executionRate],
    ['부진사업', m.definitions.lagging],
    ['금액 표시', '백만원. 최초 보고 이후 수정된 금액은 붉은색으로 표시합니다.'],
  ];
  lines.forEach(([k, v], i) => {
    b.label(i, 0, k);
    b.text(i, 1, v);
  });
  b.table(0, 0, lines.length - 1, 1);
  const first = lines.length + 1;
  b.label(first, 0, '입력 자료 점검');
  if (report.warnings.length === 0) b.text(first, 1, '없음');
  report.warnings.forEach((w, i) => b.text(first + i, 1, w));
  b.table(first, 0, first + Math.max(0, report.warnings.length - 1), 1);
  b.merge(first, 0, first + Math.max(0, report.warnings.length - 1), 0);
  b.widths([14, 100]);
  return b.finish();
}

/**
 * A table with one header row, a row per item and ruled cells; `keyColumns` (the 관리번호 and 사업명, or the
 * 부서) stay in view beside the header row as the sheet scrolls.
 */
function table(
  name: string,
  headers: string[],
  rows: ((b: SheetBuilder, r: number) => void)[],
  widths: number[],
  keyColumns: number,
) {
  const b = new SheetBuilder(name);
  headers.forEach((h, c) => b.header(0, c, 0, c, h));
  rows.forEach((write, i) => write(b, i + 1));
  b.table(0, 0, rows.length, headers.length - 1);
  b.freeze(1, keyColumns);
  b.widths(widths);
  return b;
}

function submissionsSheet(report: OfficeReport): XLSX.WorkSheet {
  const s = report.submissions;
  const b = table(
    SHEET_NAMES.submissions,
    [
      '부서',
      '제출 대상',
      '접수',
      '기한 후 접수',
      '미접수',
      '상태',
      '기한 경과 미제출',
      '격리 (키 상태)',
      '미접수 목록',
    ],
    s.departments.map((d) => (b: SheetBuilder, r: number) => {
      b.text(r, 0, d.department);
      b.count(r, 1, d.dueCount);
      b.count(r, 2, d.receivedCount);
      b.count(r, 3, d.lateCount);
      b.count(r, 4, d.missing.length);
      b.text(r, 5, submissionStateLabel(d.state, s.beforeDue));
      b.text(r, 6, d.overdue ? '예' : '');
      b.text(
        r,
        7,
        d.hasQuarantined
          ? quarantineLabel(
              d.bundles.filter((x) => x.signature === 'quarantined').map((x) => x.quarantineReason),
            )
          : '',
      );
      b.text(
        r,
        8,
        d.missing
          .map(
            (m) =>
              `${KIND_LABELS[m.kind]} ${m.projectId}${m.excluded ? ' (제외, 다시 제출)' : ''}` +
              (m.planWait === null ? '' : ` (${PLAN_WAIT_LABELS[m.planWait]})`),
          )
          .join(', '),
      );
    }),
    [18, 10, 8, 12, 8, 10, 14, 20, 80],
    1,
  );
  const r = s.departments.length + 1;
  b.text(r, 0, '합계');
  b.totalRow(r, 0, 8);
  for (const c of [1, 2, 3, 4]) {
    const value = s.departments.reduce(
      (n, d) => n + [d.dueCount, d.receivedCount, d.lateCount, d.missing.length][c - 1]!,
      0,
    );
    b.formula(r, c, `SUM(${colName(c)}2:${colName(c)}${r})`, value, NUMBER_FORMATS.integer);
  }
  b.note(r + 2, 0, `제출기한 ${dueDateText(s.dueDate, s.dueDateMovedBecause)} (당일 접수까지 기한 내)`);
  const beforeDue = beforeDueNote(s.dueDate, s.beforeDue, s.daysLeft);
  if (beforeDue !== null) b.note(r + 3, 0, beforeDue);
  return b.finish();
}

function bundlesSheet(report: OfficeReport): XLSX.WorkSheet {
  const rows = report.submissions.departments.flatMap((d) => d.bundles.map((x) => ({ d: d.department, x })));
  return table(
    SHEET_NAMES.bundles,
    [
      '부서',
      '가져온 일시',
      '접수일',
      '기한 내',
      '서명',
      '회차',
      '관리카드·재정 문서 수',
      '작성 일시',
      'SHA-256',
      '비고',
    ],
    rows.map(({ d, x }) => (b: SheetBuilder, r: number) => {
      b.text(r, 0, d);
      // The import; the 접수일 the office gave with it, when it did, is the date lateness counts from.
      b.text(r, 1, localDateTimeOf(x.importedAt ?? x.receivedAt));
      b.text(r, 2, x.receivedDate);
      b.text(r, 3, x.onTime ? '예' : '아니오');
      // Quarantined bundles are signed with a key not approved (yet): not a failed signature.
      b.text(r, 4, x.signature === 'valid' ? '확인' : `격리(${quarantineLabel([x.quarantineReason])})`);
      b.count(r, 5, x.revision);
      b.count(r, 6, x.documentCount);
      b.text(r, 7, localDateTimeOf(x.createdAt));
      b.text(r, 8, x.bundleSha256);
      b.text(r, 9, x.importedAt === undefined ? '' : '접수일 지정');
    }),
    [18, 17, 11, 8, 20, 6, 12, 17, 66, 12],
    1,
  ).finish();
}

function laggingSheet(report: OfficeReport): XLSX.WorkSheet {
  return table(
    SHEET_NAMES.lagging,
    [
      '관리번호',
      '공약사업명',
      '주관부서',
      '추진상황',
      '부진 사유',
      '집행률',
      '계획(누계)',
      '집행',
      '미이행 추진계획',
    ],
    report.lagging.map((l) => (b: SheetBuilder, r: number) => {
      b.id(r, 0, l.projectId);
      b.text(r, 1, l.projectName);
      b.text(r, 2, l.leadDepartment);
      b.text(r, 3, financeStatusLabel(l.status, l.projectId, report.comparison.completionUndecided));
      b.text(r, 4, laggingReasonsText(l));
      b.percent(r, 5, l.executionRate);
      if (l.plannedSoFar === null) b.empty(r, 6);
      else b.amount(r, 6, l.plannedSoFar);
      if (l.executed === null) b.empty(r, 7);
      else b.amount(r, 7, l.executed);
      b.text(r, 8, l.missedMilestones.map(missedMilestoneText).join('\n'));
    }),
    [10, 40, 16, 12, 24, 9, 12, 12, 60],
    2,
  ).finish();
}

/** 담당자 (공약실명제): per project and department, the 과장, 팀장 and 담당 the newest counted document names. */
function contactsSheet(report: OfficeReport): XLSX.WorkSheet {
  const persons = (row: ContactRow, position: ContactPosition) =>
    row.persons
      .filter((p) => p.position === position)
      .map((p) => [p.name, p.unit === '' ? '' : `(${p.unit})`, p.phone].filter((x) => x !== '').join(' '))
      .join('\n');
  return table(
    SHEET_NAMES.contacts,
    ['관리번호', '공약사업명', '부서', '구분', '과장', '팀장', '담당', '출처'],
    report.contacts.map((row) => (b: SheetBuilder, r: number) => {
      b.id(r, 0, row.projectId);
      b.text(r, 1, row.projectName);
      b.text(r, 2, row.department);
      b.text(r, 3, row.role === 'lead' ? '주관' : '협조');
      b.text(r, 4, persons(row, 'chief'));
      b.text(r, 5, persons(row, 'teamLeader'));
      b.text(r, 6, persons(row, 'officer'));
      b.text(r, 7, row.persons.length === 0 ? '담당자 미기재' : row.source);
    }),
    [10, 40, 16, 6, 28, 28, 28, 22],
    2,
  ).finish();
}

function participationSheet(report: OfficeReport): XLSX.WorkSheet {
  const p = report.participation;
  const b = table(
    SHEET_NAMES.participation,
    ['분야', ...PARTICIPATION_COUNT_KEYS.map((k) => PARTICIPATION_COUNT_LABELS[k]), '계'],
    p.byArea.map((a) => (b: SheetBuilder, r: number) => {
      b.text(r, 0, `${a.areaId}. ${a.areaName}`);
      PARTICIPATION_COUNT_KEYS.forEach((k, i) => b.count(r, 1 + i, a.counts[k]));
      b.count(r, 1 + PARTICIPATION_COUNT_KEYS.length, a.counts.total);
    }),
    [30, 16, 12, 16, 16, 8, 8],
    1,
  );
  const r = p.byArea.length + 1;
  b.text(r, 0, '합계');
  b.totalRow(r, 0, PARTICIPATION_COUNT_KEYS.length + 1);
  [...PARTICIPATION_COUNT_KEYS, 'total' as const].forEach((k, i) =>
    b.formula(r, 1 + i, `SUM(${colName(1 + i)}2:${colName(1 + i)}${r})`, p.totals[k], NUMBER_FORMATS.integer),
  );
  b.note(r + 2, 0, participationSourcesNote(p));
  return b.finish();
}

function changesSheet(report: OfficeReport): XLSX.WorkSheet {
  const b = table(
    SHEET_NAMES.changes,
    [
      '요청일',
      '관리번호',
      '공약명',
      '부서',
      '승인일',
      '승인',
      '변경 요구사유',
      '변경 내용 (구분: 당초 → 변경안)',
      '처리 이력',
      '관련자료 (첨부)',
    ],
    report.changes.approved.map((c) => (b: SheetBuilder, r: number) => {
      // The department's 요청 date, as 조정 내역 names a request (its id is the program's own key).
      b.text(r, 0, c.requestedOn ?? '');
      b.id(r, 1, c.projectId);
      b.text(r, 2, c.projectName);
      b.text(r, 3, c.department);
      b.text(r, 4, c.approvedOn);
      b.text(r, 5, c.approvedBy);
      b.text(r, 6, c.reason);
      b.text(r, 7, c.rows.map((x) => `${x.category}: ${x.original} → ${publishedProposed(x)}`).join('\n'));
      b.text(
        r,
        8,
        c.decisionHistory.map((d) => `${d.date} ${DECISION_STATUS_LABELS[d.status]} (${d.by})`).join('\n'),
      );
      // The files by name only, as the request's print names them; the files themselves stay in the program.
      b.text(r, 9, c.evidence.map((e) => `${e.description} (${e.file.name})`).join('\n'));
    }),
    [12, 10, 40, 16, 12, 16, 50, 60, 50, 40],
    3,
  );
  // As the public report says it: an empty table alone would read as a sheet that failed to fill.
  if (report.changes.approved.length === 0) b.note(2, 0, '승인된 공약 조정이 없습니다.');
  return b.finish();
}

/**
 * 반기 비교 with the screen's two header rows: 추진상황, 임기내 집행 (the term's executed amount up to each
 * half-year, and the difference: what was spent between them) and 계획 총계, each for the two half-years.
 */
function comparisonSheet(report: OfficeReport): XLSX.WorkSheet {
  const c = report.comparison;
  const from = comparedPeriodLabel(c.fromPeriodId);
  const to = comparedPeriodLabel(c.toPeriodId);
  const b = new SheetBuilder(SHEET_NAMES.comparison);
  b.header(0, 0, 1, 0, '관리번호');
  b.header(0, 1, 1, 1, '공약사업명');
  b.header(0, 2, 1, 2, '주관부서');
  b.header(0, 3, 0, 5, '추진상황');
  b.header(0, 6, 0, 8, '임기내 집행 (백만원)');
  b.header(0, 9, 0, 10, '계획 총계 (백만원)');
  b.header(0, 11, 1, 11, '달라진 항목');
  [from, to, '추세', from, to, '증감', from, to].forEach((label, i) => b.header(1, 3 + i, 1, 3 + i, label));
  const num = (r: number, col: number, v: number | null) =>
    v === null ? b.empty(r, col) : b.amount(r, col, v);
  c.projects.forEach((p, i) => {
    const r = 2 + i;
    b.id(r, 0, p.projectId);
    b.text(r, 1, p.projectName);
    b.text(r, 2, p.leadDepartment);
    b.text(r, 3, REPORT_STATUS_LABELS[p.statusBefore]);
    b.text(r, 4, financeStatusLabel(p.statusAfter, p.projectId, c.completionUndecided));
    b.text(r, 5, statusTrendLabel(p.statusTrend));
    num(r, 6, p.executedBefore);
    num(r, 7, p.executedAfter);
    num(r, 8, p.executedDelta);
    num(r, 9, p.plannedBefore);
    num(r, 10, p.plannedAfter);
    b.text(r, 11, comparisonChangesText(p));
  });
  b.table(0, 0, 1 + c.projects.length, 11);
  b.freeze(2, 2);
  b.widths([10, 40, 16, 13, 13, 6, 12, 12, 12, 12, 12, 40]);
  return b.finish();
}

// ---------------------------------------------------------------------------------------------------------------

export function buildReportWorkbook(report: OfficeReport): {
  workbook: XLSX.WorkBook;
  finance: FinanceSheetLayout;
} {
  const wb = XLSX.utils.book_new();
  const t = report.statusTables;
  const finance = financeSheet(report);
  const note = report.meta.definitions.completionRate;
  const period = report.meta.periodLabel;
  const status = (name: string, key: string, rows: StatusTableRow[], title: string) =>
    statusSheet(name, key, { rows, total: t.total, beforeDue: t.beforeDue }, `${title} (${period})`, note);
  const sheets: [string, XLSX.WorkSheet][] = [
    [SHEET_NAMES.overview, overviewSheet(report)],
    [SHEET_NAMES.byArea, status(SHEET_NAMES.byArea, '분야', t.byArea, '분야별 추진현황')],
    [
      SHEET_NAMES.byCorePledge,
      status(SHEET_NAMES.byCorePledge, '핵심공약', t.byCorePledge, '핵심공약별 추진현황'),
    ],
    [
      SHEET_NAMES.byDepartment,
      status(SHEET_NAMES.byDepartment, '부서', t.byDepartment, '부서별 추진현황 (주관부서 기준)'),
    ],
    [SHEET_NAMES.finance, finance.sheet],
    [SHEET_NAMES.submissions, submissionsSheet(report)],
    [SHEET_NAMES.bundles, bundlesSheet(report)],
    [SHEET_NAMES.contacts, contactsSheet(report)],
    [SHEET_NAMES.lagging, laggingSheet(report)],
    [SHEET_NAMES.participation, participationSheet(report)],
    [SHEET_NAMES.changes, changesSheet(report)],
    [SHEET_NAMES.comparison, comparisonSheet(report)],
  ];
  for (const [name, sheet] of sheets) XLSX.utils.book_append_sheet(wb, sheet, name);
  wb.Props = { Title: `${reportTitle(report.meta)} (${report.meta.periodLabel})`, Author: '기획담당관' };
  // Printed, each page repeats its sheet's header rows (1-based): the status sheets' title and two header
  // rows, 붙임5's title and merged headers, the other tables' one header row.
  const titleRows = new Map<string, [number, number]>();
  for (const [name] of sheets) {
    if (name === SHEET_NAMES.overview) continue;
    titleRows.set(name, [1, 1]);
  }
  for (const name of [SHEET_NAMES.byArea, SHEET_NAMES.byCorePledge, SHEET_NAMES.byDepartment])
    titleRows.set(name, [1, 3]);
  titleRows.set(SHEET_NAMES.comparison, [1, 2]);
  titleRows.set(SHEET_NAMES.finance, [1, finance.layout.headerRows[1] + 1]);
  preparePrint(wb, titleRows);
  return { workbook: wb, finance: finance.layout };
}

/** The media type of an .xlsx, for the files the main process hands to the screen to save. */
export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The workbook as .xlsx bytes: the form's ruled grid, header rows and key columns frozen, set up to print
 * (landscape, one page wide, header rows repeated, the report, page and date at each page's foot).
 */
export function writeReportWorkbook(report: OfficeReport): Buffer {
  const { workbook } = buildReportWorkbook(report);
  return writeStyledWorkbook(workbook, {
    a3: new Set([SHEET_NAMES.finance]),
    footer: {
      left: `${reportTitle(report.meta)} (${report.meta.periodLabel})`,
      right: `작성 기준일 ${report.meta.today}`,
    },
  });
}
