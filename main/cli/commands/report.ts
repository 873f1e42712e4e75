import { existsSync, rmSync, statSync } from 'node:fs';
import { createFolder, folderProblemOf } from '../../../db/create-db';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { reportRequestSchema, type ReportRequest } from '../../../domain/api/contract';
import {
  daysLeftLabel,
  dueDateText,
  notSubmittedLabel,
  undecidedSummary,
  type OfficeReport,
} from '../../../domain/reports';
import { officeHandlers } from '../../services/office-handlers';
import { zodToApiError } from '../../services/dispatch';
import { UserError } from '../../services/errors';
import { printJson, UsageError, type CliIo } from '../io';
import { withData } from '../data-context';
import { interruptedTablesWarning } from '../../../domain/reports/interrupted-import';
import { interruptedImports } from '../../services/import-runs';
import { saveDownload } from '../save-download';
import { halfYearOption } from '../period';

export const reportHelp = `pledge report --data DIR --period 2019-H1 [--json] [--xlsx FILE] [--compare 2018-H2] [--threshold 0.3] [--today YYYY-MM-DD]
  (기획담당관) 반기 종합 현황: 분야·핵심공약·부서별 추진상황, 재정집행 현황(붙임5), 제출 현황, 부진 사업,
  시민참여 합계, 승인된 조정 내역, 반기 비교.
  --json        모든 표를 JSON으로 출력
  --xlsx FILE   표마다 시트 하나인 엑셀 통합문서로 저장 (FILE 이 들어갈 폴더는 이미 있어야 함)
  --compare P   비교할 반기 (기본: 직전 반기)
  --threshold R 부진 사업의 집행률 기준 (0~1, 기본 0.3)
  --trend       이행 추이: 임기 첫 반기부터 --period 까지 반기마다 추진상황 (--json, --xlsx 도 추이로)`;

export const publishHelp = `pledge publish --data DIR --period 2019-H1 --out FOLDER
  (기획담당관) 시 홈페이지·공약지도용 공개 자료를 씁니다: index.html, projects.csv, finance.csv, changes.csv (UTF-8).`;

const reportOptions = {
  data: { type: 'string' },
  period: { type: 'string' },
  compare: { type: 'string' },
  threshold: { type: 'string' },
  today: { type: 'string' },
} as const;

/** The option each field of the report request comes from, for messages. */
const optionOf: Record<string, string> = {
  periodId: '--period',
  comparePeriodId: '--compare',
  executionRateThreshold: '--threshold',
  today: '--today',
};

/** --threshold as a number from 0 to 1 (the range reportRequestSchema takes); a Korean usage error otherwise. */
function parseThreshold(text: string): number {
  const value = text.trim() === '' ? Number.NaN : Number(text);
  if (!Number.isFinite(value) || value < 0 || value > 1)
    throw new UsageError(
      `--threshold 에는 0에서 1 사이의 숫자(집행률, 예: 0.3)를 쓰세요. 받은 값: ${text === '' ? '(빈 값)' : text}`,
    );
  return value;
}

function parseRequest(values: { period?: string; compare?: string; threshold?: string; today?: string }) {
  if (!values.period) throw new UsageError('--period 로 반기를 지정하세요 (예: 2019-H1).');
  const parsed = reportRequestSchema.safeParse({
    periodId: halfYearOption('--period', values.period),
    ...(values.compare !== undefined ? { comparePeriodId: halfYearOption('--compare', values.compare) } : {}),
    ...(values.threshold !== undefined ? { executionRateThreshold: parseThreshold(values.threshold) } : {}),
    ...(values.today ? { today: values.today } : {}),
  });
  if (!parsed.success) {
    const [field, message] = Object.entries(zodToApiError(parsed.error).details)[0] ?? [];
    const option = field === undefined ? undefined : optionOf[field];
    throw new UsageError(
      option === undefined
        ? zodToApiError(parsed.error).message
        : field === 'today'
          ? `${option} 의 값이 올바르지 않습니다: YYYY-MM-DD 형식의 날짜를 쓰세요 (예: 2019-07-15).`
          : `${option} 의 값이 올바르지 않습니다: ${message}`,
    );
  }
  return parsed.data;
}

/**
 * A half-year outside the term (the service's PERIOD_NOT_IN_TERM) is a wrong option value: said naming the option,
 * as a usage error (exit 2), before anything is written.
 */
async function asUsage<T>(build: () => Promise<T>): Promise<T> {
  try {
    return await build();
  } catch (error) {
    const field = error instanceof UserError ? error.details?.field : undefined;
    const option = field === undefined ? undefined : optionOf[field];
    if (error instanceof UserError && error.code === 'PERIOD_NOT_IN_TERM' && option !== undefined)
      throw new UsageError(`${option} 의 값이 올바르지 않습니다: ${error.message}`);
    throw error;
  }
}

/**
 * The --xlsx file's folder must exist (it is not created: a mistyped path would leave folders behind) and the
 * name must not be a folder; checked before the report is built.
 */
export function checkXlsxTarget(file: string, exampleName = '종합현황.xlsx'): string {
  const path = resolve(file);
  const folder = dirname(path);
  if (!existsSync(folder) || !statSync(folder).isDirectory())
    throw new UserError(
      'XLSX_FOLDER_MISSING',
      `엑셀 파일을 저장할 폴더가 없습니다: ${folder}\n--xlsx 경로를 확인하세요 (폴더는 만들어 두어야 합니다).`,
    );
  if (existsSync(path) && statSync(path).isDirectory())
    throw new UserError(
      'XLSX_TARGET_IS_FOLDER',
      `--xlsx 로 지정한 경로는 폴더입니다: ${path}\n저장할 파일 이름까지 쓰세요 (예: ${join(path, exampleName)}).`,
    );
  return path;
}

/**
 * The warning said (on stderr) when a workbook or the public files are made before the office has decided
 * everything: the report's undecided counts in the words the screen uses (undecidedSummary: 충돌, 완료 요청, 조정
 * 요청, 확정 대기 실천계획서). Null when nothing waits.
 */
export function undecidedWarning(
  undecided: OfficeReport['meta']['undecided'],
  made: '표' | '공개 자료',
): string | null {
  const waiting = undecidedSummary(undecided);
  if (waiting === null) return null;
  return `주의: 결정하지 않은 항목이 있습니다 — ${waiting}. 결정한 뒤 다시 만들면 ${made}가 달라질 수 있습니다.`;
}

export async function runReport(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      ...reportOptions,
      json: { type: 'boolean' },
      xlsx: { type: 'string' },
      trend: { type: 'boolean' },
    },
  });
  const request = parseRequest(values);
  const xlsx =
    values.xlsx === undefined
      ? undefined
      : checkXlsxTarget(values.xlsx, values.trend ? '이행추이.xlsx' : undefined);
  return withData(values.data, async (ctx) => {
    const handlers = officeHandlers(ctx);
    // Tables made while an import cut off midway is not settled lack its remaining files: said first.
    const cutOff = await interruptedImports(ctx);
    if (cutOff.length > 0) io.err(`알림: ${interruptedTablesWarning(cutOff.length)}`);
    if (values.trend) return reportTrend(handlers, request, { xlsx, json: values.json === true }, io);
    const view = await asUsage(() => handlers.getOfficeReport(request));
    if (xlsx !== undefined) {
      saveDownload(xlsx, await handlers.exportReportWorkbook(request));
      io.err(`엑셀 통합문서를 저장했습니다: ${xlsx}`);
      const warning = undecidedWarning(view.report.meta.undecided, '표');
      if (warning !== null) io.err(warning);
    }
    if (values.json) {
      printJson(io, view);
    } else if (!values.xlsx) {
      const { byArea, total, beforeDue } = view.report.statusTables;
      const { daysLeft } = view.report.submissions;
      io.out(
        `${view.report.meta.periodLabel} 종합 현황 (제출 기한 ${dueDateText(view.report.meta.dueDate, view.report.meta.dueDateMovedBecause)}${beforeDue ? `, ${daysLeftLabel(daysLeft)} 기한 전` : ''})`,
      );
      // The areas, then the total over them (statusTables.total, not a row of byArea).
      for (const row of [...byArea, total]) {
        const rate = row.completionRate === null ? '-' : `${(row.completionRate * 100).toFixed(1)}%`;
        io.out(
          `  ${row.label}: ${row.total}개 사업, ${notSubmittedLabel(beforeDue)} ${row.counts.notSubmitted}, 완료율 ${rate}`,
        );
      }
      io.out(`충돌 ${view.conflicts.length}건, 부진 사업 ${view.report.lagging.length}건`);
    }
    return 0;
  });
}

/** `pledge report --trend`: 이행 추이 as text (a line per half-year), JSON, or its own workbook. */
async function reportTrend(
  handlers: ReturnType<typeof officeHandlers>,
  request: ReportRequest,
  output: { xlsx: string | undefined; json: boolean },
  io: CliIo,
): Promise<number> {
  const trend = await asUsage(() => handlers.getStatusTrend(request));
  if (output.xlsx !== undefined) {
    saveDownload(output.xlsx, await handlers.exportTrendWorkbook(request));
    io.err(`이행 추이 엑셀 통합문서를 저장했습니다: ${output.xlsx}`);
  }
  if (output.json) printJson(io, trend);
  else if (output.xlsx === undefined) {
    for (const row of trend.rows) {
      const { counts, total, completionRate, completedUndecided, continuingUndecided } = row.total;
      const rate = completionRate === null ? '-' : `${(completionRate * 100).toFixed(1)}%`;
      const waiting = (n: number) => (n > 0 ? ` (결정 대기 ${n})` : '');
      io.out(
        `${row.label}: ${total}개 사업, 완료 ${counts.completed}${waiting(completedUndecided)}, 이행 후 계속 추진 ${counts.continuing}${waiting(continuingUndecided)}, ${notSubmittedLabel(row.beforeDue)} ${counts.notSubmitted}, 완료율 ${rate}`,
      );
    }
  }
  return 0;
}

export async function runPublish(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: { ...reportOptions, out: { type: 'string' } } });
  const request = parseRequest(values);
  if (!values.out) throw new UsageError('--out 으로 공개 자료를 쓸 폴더를 지정하세요.');
  const outDir = resolve(values.out);
  return withData(values.data, async (ctx) => {
    const handlers = officeHandlers(ctx);
    // The report first: a wrong half-year is said before any folder is made.
    await asUsage(() => handlers.getOfficeReport(request));
    // Made here, one level at a time (a folder that cannot be made fails at once), and removed again if nothing
    // could be written into it.
    let created: string | null;
    try {
      created = createFolder(outDir);
    } catch (error) {
      throw new UserError(
        'PUBLISH_FOLDER_UNUSABLE',
        `공개 자료를 쓸 폴더를 만들 수 없습니다: ${outDir} (${folderProblemOf(error)}).\n--out 경로를 확인하세요.`,
      );
    }
    let files: string[];
    try {
      ({ files } = await handlers.publishReport({ ...request, outDir }));
    } catch (error) {
      if (created !== null) rmSync(created, { recursive: true, force: true });
      if (error instanceof UserError) throw error;
      throw new UserError(
        'PUBLISH_FAILED',
        `공개 자료를 쓸 수 없습니다: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    for (const f of files) io.out(f);
    // The same report publishReport used (cached): what it showed before a decision is said.
    const { report } = await handlers.getOfficeReport(request);
    const warning = undecidedWarning(report.meta.undecided, '공개 자료');
    if (warning !== null) io.err(warning);
    return 0;
  });
}
