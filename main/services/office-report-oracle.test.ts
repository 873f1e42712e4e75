import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OfficeReportView } from '../../domain/api/contract';
import { makeTempDir } from '../../db/test/temp-dir';
import { reportViews } from './test-support/report-views';
import { playOffice } from './test-support/office-desks';
import { expectedFigures, type ExpectedFigures } from './test-support/office-oracle';
import { compareTables } from './test-support/oracle-tables';
import { randomOffice } from './test-support/random-office';

/**
 * Differential test of the office's consolidated tables: a randomized office (random-office.ts) played through the
 * departments' and the office's real copies (export, sign, import, 확정, 완료 decisions), its report compared with
 * what office-oracle.ts adds up from the generated documents on its own — as the office's screen gets it
 * (getOfficeReport) and as `pledge report --json` prints it. A failing seed reproduces with
 * ORACLE_SEED=<seed>[,<seed>…] npx vitest run main/services/office-report-oracle.test.ts. What this office leaves
 * out is played on top of it by office-report-oracle-changes.test.ts, office-report-oracle-finance.test.ts,
 * office-report-oracle-codept.test.ts and office-report-oracle-unconfirmed.test.ts.
 */

const SEEDS = process.env.ORACLE_SEED
  ? process.env.ORACLE_SEED.split(',').map(Number)
  : // 20 reports 2021-H2, due Monday 2022-01-17 (the 15th was a Saturday), with files on Sunday the 16th; 39 reports
    // 2019-H1, after the term's first half-year. Both have files at 23:30 on the due date and 00:30 the day after.
    [20, 39];

let dir: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  dir = makeTempDir('pledge-oracle-');
});
afterEach(() => dir.remove());

/** The app's tables against the oracle's figures, each difference named by what it is about. */
function compare(view: OfficeReportView, expected: ExpectedFigures, context: string, dueDate: string): void {
  // The data is what it is meant to be: no conflict decides what counts here.
  expect(view.conflicts, context).toEqual([]);
  expect(view.report.submissions.dueDate, context).toBe(dueDate);
  compareTables(view, expected, context);
}

describe('the office report against an independent oracle', () => {
  for (const seed of SEEDS) {
    it(`seed ${seed}: status counts, 붙임5 totals and 제출 현황 are what the documents sent add up to`, async () => {
      const scenario = randomOffice(seed);
      // The seed gives what the test is about: files on time and late, a department missing, 완료 waiting.
      const reported = expectedFigures(scenario, scenario.periodId, scenario.dueDate);
      const timeliness = [...reported.submissions.values()];
      expect(timeliness.some((t) => t.onTime > 0) && timeliness.some((t) => t.late > 0)).toBe(true);
      expect([...scenario.behaviours.values()]).toContain('missing');
      expect(reported.total.completedUndecided + reported.total.continuingUndecided).toBeGreaterThan(0);
      const desks = await playOffice(dir.path, scenario);
      try {
        // The reported half-year, then the one before it (its report as the office can still ask for it).
        const halfYears = [
          [scenario.periodId, scenario.dueDate],
          [scenario.priorId, scenario.priorDueDate],
        ] as const;
        for (const [periodId, dueDate] of halfYears) {
          const expected = expectedFigures(scenario, periodId, dueDate);
          const context = `seed ${seed}, ${periodId} (기한 ${dueDate})`;
          // As the screen gets the tables, and as the command line prints them from the data folder afresh.
          const request = { periodId, today: scenario.today };
          for (const [view, via] of await reportViews(desks.office, request, context))
            compare(view, expected, `${context}${via}`, dueDate);
        }
      } finally {
        await desks.close();
      }
    }, 60_000);
  }
});
