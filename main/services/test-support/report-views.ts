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
