import { rmSync } from 'node:fs';
import { createFolder, folderProblemOf } from '../../db/create-db';
import { FINANCE_SOURCE_LABELS, FUNDING_SOURCES, periodLabel } from '../../domain/documents';
import { publishedProposed } from '../../domain/documents/change-published';
import {
  financeFieldLabel,
  financeNoteText,
  type OfficeReport,
  reportStatusLabel,
  REPORT_STATUSES,
  undecidedCompletionNote,
  financeStatusLabel,
  reportTitle,
  securedUnreported,
} from '../../domain/reports';
import { writeFilesAtomic } from '../bundles/atomic-file';
import { UserError } from '../services/errors';
import { packZip } from '../bundles/zip-pack';
import { toCsv } from './csv';

/**
 * The public report for the city website (published twice a year): a static, self-contained index.html (no
 * scripts, inline CSS, every text escaped) and open-data CSV files (UTF-8 with BOM, RFC 4180).
 */

export const PUBLIC_FILES = ['index.html', 'projects.csv', 'finance.csv', 'changes.csv'] as const;

/**
 * The CSVs keep 관리번호 ("1-1-1") and 핵심공약번호 ("1-1") as plain text, as open data should; a spreadsheet that
 * guesses types reads them as dates, so the page says how to open them.
 */
export const CSV_ID_NOTE =
  "관리번호(예: 1-1-1)와 핵심공약번호(예: 1-1)는 날짜가 아닌 문자열입니다: 스프레드시트에서 열 때는 '텍스트/CSV 가져오기'로 열고 그 열의 형식을 '텍스트'로 지정해야 날짜로 바뀌지 않습니다.";
export type PublicFile = (typeof PUBLIC_FILES)[number];

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const amountText = (v: number) => v.toLocaleString('ko-KR', { maximumFractionDigits: 3 });
const percentText = (v: number | null) => (v === null ? '-' : `${(v * 100).toFixed(1)}%`);
/**
 * A table scrolls sideways inside its own box on a phone; the page itself never gets wider than the screen. The box
 * is a named region reachable with Tab, so it scrolls from the keyboard too (WCAG 2.1.1).
 */
const tableBox = (label: string, table: string) =>
  `<div class="table-wrap" role="region" aria-label="${escapeHtml(label)}" tabindex="0">${table}</div>`;

// ---------------------------------------------------------------------------------------------------------------
// CSV

/**
 * Every project whose 완료 or 이행 후 계속 추진 of the half-year awaits the office's decision, as the status tables
 * count them: also those without a 붙임5 row (plan not confirmed), which 붙임5's own list leaves out.
 */
const undecidedOf = (report: OfficeReport): readonly string[] => report.comparison.completionUndecided;

export function projectsCsv(report: OfficeReport): string {
  return toCsv(
    [
      '관리번호',
      '분야',
      '핵심공약번호',
      '핵심공약',
      '공약사업명',
      '주관부서',
      '협조부서',
      '추진상황',
      '주요 실적',
      '계획 총계(백만원)',
      '확보(백만원)',
      '임기내 계획(백만원)',
      '집행(백만원)',
    ],
    report.projects.map((p) => [
      p.projectId,
      `${p.areaId}. ${p.areaName}`,
      p.corePledgeId,
      p.corePledgeName,
      p.projectName,
      p.leadDepartment,
      p.coDepartments.join(', '),
      financeStatusLabel(p.status, p.projectId, undecidedOf(report), report.submissions.beforeDue),
      p.results.map((r) => `[${r.unitName} ${periodLabel(r.periodId)}] ${r.text}`).join('\n'),
      p.budget?.plannedTotal,
      p.budget?.secured,
      p.budget?.termPlan,
      p.budget?.executed,
    ]),
  );
}

export function financeCsv(report: OfficeReport): string {
  const years = report.finance.budgetYears;
  return toCsv(
    [
      '관리번호',
      '공약사업명',
      '분야',
      '이행도',
      '초기계획',
      '현재계획',
      '확보총계',
      // Flat headers: named as financeFieldLabel names them in the last column.
      ...FUNDING_SOURCES.map((s) => `확보 ${FINANCE_SOURCE_LABELS[s]}`),
      '임기내 계획 계',
      ...years.map((y) => `임기내 계획 ${y.label}`),
      '임기내 집행 계',
      ...years.map((y) => `임기내 집행 ${y.label}`),
      '비고',
      '부서',
      '최초 보고 이후 수정된 항목',
    ],
    report.finance.areas.flatMap((a) =>
      a.rows.map((r) => [
        r.projectId,
        r.projectName,
        `${a.areaId}. ${a.areaName}`,
        financeStatusLabel(
          r.status,
          r.projectId,
          report.finance.completionUndecided,
          report.submissions.beforeDue,
        ),
        r.plannedTotal.initial,
        r.plannedTotal.current,
        // No 확보내역 arrived (비고: 재정집행현황 미접수): empty, not a reported 0.
        ...(securedUnreported(r)
          ? [null, ...FUNDING_SOURCES.map(() => null)]
          : [r.secured.total, ...FUNDING_SOURCES.map((s) => r.secured[s])]),
        r.termPlan.total,
        ...years.map((_, i) => r.termPlan.byYear[i] ?? 0),
        r.termExecuted.total,
        ...years.map((_, i) => r.termExecuted.byYear[i] ?? 0),
        financeNoteText(r),
        r.departments.join(', '),
        r.changedFields.map((path) => financeFieldLabel(path, years)).join('; '),
      ]),
    ),
  );
}

export function changesCsv(report: OfficeReport): string {
  return toCsv(
    // 순번: the change's place in the list (its rows share it). The app's request ids ("cr-" and a timestamp)
    // mean nothing to citizens, so they are not published.
    [
      '순번',
      '관리번호',
      '공약명',
      '부서',
      '요청일',
      '승인일',
      '구분',
      '당초 공약',
      '변경안',
      '변경 요구사유',
    ],
    report.changes.approved.flatMap((c, index) =>
      (c.rows.length > 0 ? c.rows : [{ category: '', original: '', proposed: '' }]).map((row) => [
        index + 1,
        c.projectId,
        c.projectName,
        c.department,
        c.requestedOn ?? '',
        c.approvedOn,
        row.category,
        row.original,
        publishedProposed(row),
        c.reason,
      ]),
    ),
  );
}

// ---------------------------------------------------------------------------------------------------------------
// HTML

const CSS = `
body{font-family:"Malgun Gothic","Apple SD Gothic Neo","Noto Sans KR",sans-serif;margin:0 auto;max-width:1200px;
padding:1.5rem;color:#1a1a1a;line-height:1.5;word-break:keep-all;overflow-wrap:break-word}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.25rem;margin-top:2.2rem;border-bottom:2px solid #0b3d91}
h3{font-size:1.05rem;margin-top:1.4rem}
.table-wrap{overflow-x:auto;margin:.6rem 0}.table-wrap:focus-visible{outline:2px solid #0b3d91;outline-offset:2px}
table{border-collapse:collapse;width:100%;font-size:.9rem}
caption{text-align:left;font-weight:600;padding:.2rem 0}
th,td{border:1px solid #c8c8c8;padding:.3rem .45rem;vertical-align:top}
th{background:#eef2f8;font-weight:600}
td.num{text-align:right;white-space:nowrap}
.sr-only{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap;border:0}
.meta{color:#555}.status{white-space:nowrap;font-weight:600}
.s-completed,.s-continuing{color:#0a6b2d}.s-partial,.s-onHold{color:#a05a00}.s-dropped,.s-notSubmitted{color:#5f5f5f}
ul.results{margin:0;padding-left:1.1rem}
.change{border:1px solid #c8c8c8;padding:.6rem .9rem;margin:.8rem 0}
footer{margin-top:2.5rem;color:#555;font-size:.85rem}
@media (max-width:600px){body{padding:.75rem}h1{font-size:1.3rem}table{font-size:.8rem}th,td{padding:.25rem .3rem}
.change{padding:.5rem .6rem}}
@media print{body{max-width:none}.table-wrap{overflow:visible}}
`;

function statusSummary(report: OfficeReport): string {
  const beforeDue = report.statusTables.beforeDue;
  const head = REPORT_STATUSES.map(
    (s) => `<th scope="col">${escapeHtml(reportStatusLabel(s, beforeDue))}</th>`,
  ).join('');
  const line = (
    label: string,
    counts: Record<string, number>,
    total: number,
    rate: number | null,
    tag = 'td',
  ) =>
    `<tr><${tag === 'th' ? 'th scope="row"' : 'td'}>${escapeHtml(label)}</${tag}>${REPORT_STATUSES.map(
      (s) => `<td class="num">${counts[s] ?? 0}</td>`,
    ).join('')}<td class="num">${total}</td><td class="num">${percentText(rate)}</td></tr>`;
  const t = report.statusTables;
  const undecided = undecidedCompletionNote(t.total, 'public');
  return `${tableBox(
    '분야별 추진상황 (사업 수)',
    `<table><caption>분야별 추진상황 (사업 수)</caption><thead><tr><th scope="col">분야</th>${head}<th scope="col">계</th><th scope="col">완료율</th></tr></thead><tbody>${t.byArea
      .map((r) => line(r.label, r.counts, r.total, r.completionRate))
      .join(
        '',
      )}</tbody><tfoot>${line(t.total.label, t.total.counts, t.total.total, t.total.completionRate, 'th')}</tfoot></table>`,
  )}${undecided === null ? '' : `<p class="meta">${escapeHtml(undecided)}</p>`}`;
}

function projectTables(report: OfficeReport): string {
  const byArea = new Map<number, OfficeReport['projects']>();
  for (const p of report.projects) byArea.set(p.areaId, [...(byArea.get(p.areaId) ?? []), p]);
  return [...byArea]
    .map(([areaId, projects]) => {
      const name = projects[0]?.areaName ?? '';
      const rows = projects
        .map((p) => {
          const results =
            p.results.length === 0
              ? '-'
              : `<ul class="results">${p.results
                  .map(
                    (r) =>
                      `<li>${escapeHtml(r.unitName)} (${escapeHtml(periodLabel(r.periodId))}): ${escapeHtml(r.text)}</li>`,
                  )
                  .join('')}</ul>`;
          const b = p.budget;
          const money = (v: number | null | undefined) =>
            `<td class="num">${v === undefined || v === null ? '-' : amountText(v)}</td>`;
          return `<tr><td>${escapeHtml(p.projectId)}</td><td>${escapeHtml(p.projectName)}</td><td>${escapeHtml(
            [p.leadDepartment, ...p.coDepartments].join(', '),
          )}</td><td class="status s-${escapeHtml(p.status)}">${escapeHtml(financeStatusLabel(p.status, p.projectId, undecidedOf(report), report.submissions.beforeDue))}</td><td>${results}</td>${money(
            b?.plannedTotal,
          )}${money(b?.secured)}${money(b?.executed)}</tr>`;
        })
        .join('');
      return `<h3 id="area-${areaId}">${escapeHtml(`${areaId}. ${name}`)}</h3>${tableBox(`${areaId}. ${name} 사업별 추진상황`, `<table><caption class="sr-only">${escapeHtml(`${areaId}. ${name} 사업별 추진상황 (금액 단위: 백만원)`)}</caption><thead><tr><th scope="col">관리번호</th><th scope="col">공약사업명</th><th scope="col">부서</th><th scope="col">추진상황</th><th scope="col">주요 실적</th><th scope="col">계획 총계</th><th scope="col">확보</th><th scope="col">집행</th></tr></thead><tbody>${rows}</tbody></table>`)}`;
    })
    .join('');
}

function changesSection(report: OfficeReport): string {
  if (report.changes.approved.length === 0) return '<p>승인된 공약 조정이 없습니다.</p>';
  return report.changes.approved
    .map(
      (c) =>
        `<div class="change"><h3>${escapeHtml(`${c.projectId} ${c.projectName}`)}</h3><p class="meta">${escapeHtml(
          `${c.department}${c.requestedOn ? ` · ${c.requestedOn} 요청` : ''} · ${c.approvedOn} ${c.approvedBy} 승인`,
        )}</p>${tableBox(
          `${c.projectId} 조정 내용`,
          `<table><caption class="sr-only">${escapeHtml(`${c.projectId} 당초 공약과 변경안`)}</caption><thead><tr><th scope="col">구분</th><th scope="col">당초 공약</th><th scope="col">변경안</th></tr></thead><tbody>${c.rows
            .map(
              (r) =>
                `<tr><td>${escapeHtml(r.category)}</td><td>${escapeHtml(r.original)}</td><td>${escapeHtml(publishedProposed(r))}</td></tr>`,
            )
            .join('')}</tbody></table>`,
        )}<p><strong>변경 사유</strong>: ${escapeHtml(c.reason)}</p></div>`,
    )
    .join('');
}

export function renderPublicHtml(report: OfficeReport): string {
  const m = report.meta;
  const g = report.finance.grandTotal;
  const title = `${reportTitle(m)} (${m.periodLabel})`;
  return `<!DOCTYPE html>
<html lang="ko">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(title)}</title>
<style>${CSS}</style>
</head>
<body>
<header><h1>${escapeHtml(title)}</h1><p class="meta">${escapeHtml(
    `기준: ${m.periodLabel} · 공약 ${report.statusTables.total.total}개 사업 · 완료율 ${percentText(
      report.statusTables.total.completionRate,
    )}`,
  )}</p></header>
<main>
<h2>추진상황 요약</h2>
${statusSummary(report)}
<h2>재정 현황 (백만원)</h2>
<div class="table-wrap" role="region" aria-label="재정 현황" tabindex="0"><table><caption class="sr-only">재정 현황 합계 (백만원)</caption><thead><tr><th scope="col">계획 총계(현재)</th><th scope="col">확보</th><th scope="col">임기내 계획</th><th scope="col">임기내 집행</th></tr></thead><tbody><tr><td class="num">${amountText(
    g.plannedTotal.current,
  )}</td><td class="num">${amountText(g.secured.total)}</td><td class="num">${amountText(
    g.termPlan.total,
  )}</td><td class="num">${amountText(g.termExecuted.total)}</td></tr></tbody></table></div>
<p class="meta" data-finance-coverage>${escapeHtml(financeCoverage(report))}</p>
<h2>사업별 추진상황</h2>
${projectTables(report)}
<h2>공약 조정 내역 (승인)</h2>
${changesSection(report)}
</main>
<footer><p>${escapeHtml(m.definitions.completionRate)}</p><p>금액 단위: 백만원. 공개 자료: <a href="projects.csv">projects.csv</a> · <a href="finance.csv">finance.csv</a> · <a href="changes.csv">changes.csv</a> (UTF-8, 쉼표 구분). ${escapeHtml(CSV_ID_NOTE)}</p></footer>
</body>
</html>
`;
}

/** What the 재정 현황 sums: the projects with a confirmed plan (붙임5's rows), out of all the pledge's projects. */
export function financeCoverage(report: OfficeReport): string {
  const counted = report.finance.areas.reduce((n, a) => n + a.rows.length, 0);
  const all = report.statusTables.total.total;
  return counted === all
    ? `공약 ${all}개 사업 모두의 합계입니다.`
    : `실천계획서가 확정된 ${counted}개 사업의 합계입니다 (공약 ${all}개 사업 중 ${all - counted}개는 계획서가 확정되지 않아 빠져 있습니다).`;
}

/** The public report's files in PUBLIC_FILES order, as the website receives them. */
export function publicReportFiles(report: OfficeReport): { name: PublicFile; bytes: Uint8Array }[] {
  const contents: Record<PublicFile, string> = {
    'index.html': renderPublicHtml(report),
    'projects.csv': projectsCsv(report),
    'finance.csv': financeCsv(report),
    'changes.csv': changesCsv(report),
  };
  const encoder = new TextEncoder();
  return PUBLIC_FILES.map((name) => ({ name, bytes: encoder.encode(contents[name]) }));
}

/**
 * Writes index.html and the three CSV files into `outDir` (created if missing, one level at a time: where new
 * folders are refused, as under /proc, Node 20's recursive mkdir retries forever; this fails at once); returns the
 * paths written. The four files are replaced together (writeFilesAtomic): a failure leaves the folder's earlier
 * files as they were (and removes the folders this call made), and the message names the folder or file and the
 * cause.
 */
export function writePublicReport(report: OfficeReport, outDir: string): string[] {
  let created: string | null;
  try {
    created = createFolder(outDir);
  } catch (error) {
    throw new UserError(
      'PUBLISH_FOLDER_UNUSABLE',
      `공개 자료를 쓸 폴더를 만들 수 없습니다: ${outDir} (${folderProblemOf(error)}).`,
    );
  }
  try {
    return writeFilesAtomic(outDir, publicReportFiles(report));
  } catch (error) {
    if (created !== null) rmSync(created, { recursive: true, force: true });
    throw error;
  }
}

/** The same files as one zip (files at its root), for the screen's download: no folder on the office PC needed. */
export function packPublicReport(report: OfficeReport): Promise<Buffer> {
  return packZip(publicReportFiles(report).map((f) => ({ name: f.name, data: f.bytes, compress: true })));
}
