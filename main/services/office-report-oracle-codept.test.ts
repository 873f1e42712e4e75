import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OfficeReportView } from '../../domain/api/contract';
import { makeTempDir } from '../../db/test/temp-dir';
import { runPledge as pledge } from '../cli/test-io';
import { officeHandlers } from './office-handlers';
import { playCoDeptOffice } from './test-support/office-desks-codept';
import {
  type ExpectedCoDept,
  type ExpectedConflict,
  expectedCoDept,
} from './test-support/office-oracle-codept';
import { compareTables } from './test-support/oracle-tables';
import { coDeptOffice } from './test-support/random-office-codept';

/**
 * Differential test of what the three other oracle tests leave out: a co-department's own 관리카드 for the shared
 * project (signed with its key, as the browser test makes one), alongside or instead of the lead's card, in the
 * reported half-year and the one before, and the office's decision on each such conflict ('카드 반영', '반영 안 함',
 * or waiting; now and then changed). A randomized office (random-office-codept.ts) is played through the real
 * copies and its report — through the office's service and `pledge report --json` — compared with
 * office-oracle-codept.ts, which adds the documents up on its own: the conflicts with their decisions, the status
 * tables, 제출 현황, every 붙임5 row (the shared one's 집행 by year too), subtotals and total. A failing seed
 * reproduces with ORACLE_SEED=<seed>[,<seed>…] npx vitest run main/services/office-report-oracle-codept.test.ts.
 */

const DEFAULT_SEEDS = [1, 2, 3];
const SEEDS = process.env.ORACLE_SEED ? process.env.ORACLE_SEED.split(',').map(Number) : DEFAULT_SEEDS;

let dir: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  dir = makeTempDir('pledge-oracle-codept-');
});
afterEach(() => dir.remove());

const milli = (v: number): number => Math.round(v * 1000);

/** The app's report against the oracle's figures, each difference named by what it is about. */
function compare(view: OfficeReportView, expected: ExpectedCoDept, context: string, lead: string): void {
  const conflicts = view.conflicts.map((c): ExpectedConflict => ({
    kind: c.kind as 'coDepartmentCard',
    projectId: c.projectId,
    periodId: c.periodId,
    department: c.department,
    resolution: c.resolution,
    resolutionNote: c.resolutionNote,
    leadSent: c.details[0]?.includes('관리카드도 받았습니다') === true,
  }));
  expect(conflicts, `${context}, 충돌`).toEqual(expected.conflicts);
  compareTables(view, expected, context);
  // The shared project's 집행 year by year: each department's own, the co-department's card only standing in.
  const shared = view.report.finance.areas
    .flatMap((a) => a.rows)
    .find((r) => r.projectId === expected.conflicts[0]?.projectId);
  if (expected.sharedExecutedByYear !== null && shared !== undefined)
    expect(shared.termExecuted.byYear.map(milli), `${context}, 붙임5 집행 연도별`).toEqual(
      expected.sharedExecutedByYear,
    );
  // Only the lead asks for 완료: a co-department's card is no request of its own.
  for (const request of view.completionRequests)
    if (request.projectId === shared?.projectId)
      expect(request.department, `${context}, 완료 요청`).toBe(lead);
}

describe('a co-department card for the shared project, against an independent oracle', () => {
  for (const seed of SEEDS) {
    it(`seed ${seed}: its conflict and decision, status counts, 붙임5 and 제출 현황`, async () => {
      const scenario = coDeptOffice(seed);
      const desks = await playCoDeptOffice(dir.path, scenario);
      try {
        const halfYears = [
          [scenario.periodId, scenario.dueDate],
          [scenario.priorId, scenario.priorDueDate],
        ] as const;
        for (const [periodId, dueDate] of halfYears) {
          const expected = expectedCoDept(scenario, periodId, dueDate);
          const context = `seed ${seed}, ${periodId} (기한 ${dueDate})`;
          const view = await officeHandlers(desks.office).getOfficeReport({
            periodId,
            today: scenario.today,
          });
          compare(view, expected, context, scenario.shared.leadDepartment);
          const cli = await pledge(
            'report',
            ...['--data', desks.office.dataDir, '--period', periodId, '--today', scenario.today, '--json'],
          );
          expect(cli.code, `${context}: ${cli.err}`).toBe(0);
          compare(
            JSON.parse(cli.out) as OfficeReportView,
            expected,
            `${context}, pledge report --json`,
            scenario.shared.leadDepartment,
          );
        }
      } finally {
        await desks.close();
      }
    }, 60_000);
  }
});
