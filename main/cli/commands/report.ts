import { parseArgs } from 'node:util';
import { reportRequestSchema } from '../../../domain/api/contract';
import { writeFileAtomic } from '../../bundles/atomic-file';
import { officeHandlers } from '../../services/office-handlers';
import { zodToApiError } from '../../services/dispatch';
import { UserError } from '../../services/errors';
import { printJson, UsageError, type CliIo } from '../io';
import { withData } from '../data-context';

export const reportHelp = `pledge report --data DIR --period 2019-H1 [--json] [--xlsx FILE] [--compare 2018-H2] [--threshold 0.3] [--today YYYY-MM-DD]
  (기획담당관) 반기 종합 현황: 분야·핵심공약·부서별 추진상황, 재정집행 현황(붙임5), 제출 현황, 부진 사업,
  시민참여 합계, 승인된 조정 내역, 반기 비교.
  --json        모든 표를 JSON으로 출력
  --xlsx FILE   표마다 시트 하나인 엑셀 통합문서로 저장
  --compare P   비교할 반기 (기본: 직전 반기)
  --threshold R 부진 사업의 집행률 기준 (0~1, 기본 0.3)`;

export const publishHelp = `pledge publish --data DIR --period 2019-H1 --out FOLDER
  (기획담당관) 시 홈페이지·공약지도용 공개 자료를 씁니다: index.html, projects.csv, finance.csv, changes.csv (UTF-8).`;

const reportOptions = {
  data: { type: 'string' },
  period: { type: 'string' },
  compare: { type: 'string' },
  threshold: { type: 'string' },
  today: { type: 'string' },
} as const;

function parseRequest(values: { period?: string; compare?: string; threshold?: string; today?: string }) {
  if (!values.period) throw new UsageError('--period 로 반기를 지정하세요 (예: 2019-H1).');
  const parsed = reportRequestSchema.safeParse({
    periodId: values.period,
    ...(values.compare ? { comparePeriodId: values.compare } : {}),
    ...(values.threshold !== undefined ? { executionRateThreshold: Number(values.threshold) } : {}),
    ...(values.today ? { today: values.today } : {}),
  });
  if (!parsed.success) throw new UsageError(zodToApiError(parsed.error).message);
  return parsed.data;
}

export async function runReport(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { ...reportOptions, json: { type: 'boolean' }, xlsx: { type: 'string' } },
  });
  const request = parseRequest(values);
  return withData(values.data, async (ctx) => {
    const handlers = officeHandlers(ctx);
    const view = await handlers.getOfficeReport(request);
    if (values.xlsx) {
      const file = await handlers.exportReportWorkbook(request);
      writeFileAtomic(values.xlsx, Buffer.from(file.dataBase64, 'base64'));
      io.err(`엑셀 통합문서를 저장했습니다: ${values.xlsx}`);
    }
    if (values.json) {
      printJson(io, view);
    } else if (!values.xlsx) {
      const total = view.report.statusTables.byArea.find((r) => r.key === 'total');
      io.out(`${view.report.meta.periodLabel} 종합 현황 (제출 기한 ${view.report.meta.dueDate})`);
      for (const row of view.report.statusTables.byArea) {
        const rate = row.completionRate === null ? '-' : `${(row.completionRate * 100).toFixed(1)}%`;
        io.out(`  ${row.label}: ${row.total}개 사업, 미제출 ${row.counts.notSubmitted}, 완료율 ${rate}`);
      }
      if (total) io.out(`충돌 ${view.conflicts.length}건, 부진 사업 ${view.report.lagging.length}건`);
    }
    return 0;
  });
}

export async function runPublish(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: { ...reportOptions, out: { type: 'string' } } });
  const request = parseRequest(values);
  if (!values.out) throw new UsageError('--out 으로 공개 자료를 쓸 폴더를 지정하세요.');
  const outDir = values.out;
  return withData(values.data, async (ctx) => {
    try {
      const { files } = await officeHandlers(ctx).publishReport({ ...request, outDir });
      for (const f of files) io.out(f);
      return 0;
    } catch (error) {
      if (error instanceof UserError) throw error;
      throw new UserError(
        'PUBLISH_FAILED',
        `공개 자료를 쓸 수 없습니다: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  });
}
