import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { OfficeReportView } from '../../../domain/api/contract';
import { runPledge as pledge } from '../../cli/test-io';
import type { AppContext } from '../context';
import { officeHandlers } from '../office-handlers';

/**
 * The oracle tests' two ways to a half-year's report: as the office's screen asks for it (getOfficeReport) and as
 * `pledge report --json` prints it, read from the data folder afresh — each with the words a failure names it by
 * ("" and ", pledge report --json").
 */
export async function reportViews(
  office: AppContext,
  request: { periodId: string; today: string; executionRateThreshold?: number },
  context: string,
): Promise<[OfficeReportView, string][]> {
  const view = await officeHandlers(office).getOfficeReport(request);
  const cli = await pledge(
    'report',
    ...['--data', office.dataDir, '--period', request.periodId, '--today', request.today],
    ...(request.executionRateThreshold === undefined
      ? []
      : ['--threshold', String(request.executionRateThreshold)]),
    '--json',
  );
  expect(cli.code, `${context}: ${cli.err}`).toBe(0);
  return [
    [view, ''],
    [JSON.parse(cli.out) as OfficeReportView, ', pledge report --json'],
  ];
}

/**
 * The same two ways to a half-year's workbook: the bytes the screen's 엑셀 내려받기 is handed (exportReportWorkbook)
 * and the file `pledge report --xlsx` writes into `dir` — each with the words a failure names it by.
 */
export async function reportWorkbooks(
  office: AppContext,
  request: { periodId: string; today: string },
  dir: string,
  context: string,
): Promise<[Buffer, string][]> {
  const download = await officeHandlers(office).exportReportWorkbook(request);
  const file = join(dir, `report-${request.periodId}.xlsx`);
  const cli = await pledge(
    'report',
    ...['--data', office.dataDir, '--period', request.periodId, '--today', request.today],
    ...['--xlsx', file],
  );
  expect(cli.code, `${context}: ${cli.err}`).toBe(0);
  return [
    [Buffer.from(download.dataBase64, 'base64'), ', 엑셀 내려받기'],
    [readFileSync(file), ', pledge report --xlsx'],
  ];
}
