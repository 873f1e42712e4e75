import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OfficeReportView } from '../../domain/api/contract';
import { makeTempDir } from '../../db/test/temp-dir';
import { playCoDeptOffice } from './test-support/office-desks-codept';
import { expectedFigures } from './test-support/office-oracle';
import {
  type ExpectedParticipation,
  expectedParticipation,
  PARTICIPATION_CASES,
  participationCases,
  type ParticipationSource,
} from './test-support/office-oracle-participation';
import { compareTables } from './test-support/oracle-tables';
import { compareParticipationSheet } from './test-support/oracle-workbook-participation';
import type { Step } from './test-support/random-office';
import { type ParticipationOffice, participationOffice } from './test-support/random-office-participation';
import { reportViews, reportWorkbooks } from './test-support/report-views';

/**
 * Differential test of the report's 시민참여 실적: random-office-participation.ts's office (counts and activities on
 * every plan and card, leads that skip half-years, a card sent again, a co-department's own card) played through the
 * real copies, its `participation` — totals, every area, how many projects each source gave, the activities — compared
 * with what office-oracle-participation.ts adds up from the documents, for the reported half-year and the one before,
 * through the screen's handler and `pledge report --json`; the status tables, 붙임5 and 제출 현황 with
 * office-oracle.ts's as well. The workbook's 시민참여실적 sheet, as the screen downloads it and as `pledge report --xlsx`
 * writes it, is read back and compared with the same oracle (oracle-workbook-participation.ts). A failing seed reproduces with
 * ORACLE_SEED=<seed>[,<seed>…] npx vitest run main/services/office-report-oracle-participation.test.ts.
 */

// 5 reports 2021-H1, 26 2020-H2: both have every source and case (PARTICIPATION_CASES) in the reported half-year
// and in the one before, a lead's latest card of two half-years back or more counted among them.
const DEFAULT_SEEDS = [5, 26];
const SEEDS = process.env.ORACLE_SEED ? process.env.ORACLE_SEED.split(',').map(Number) : DEFAULT_SEEDS;

let dir: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  dir = makeTempDir('pledge-oracle-participation-');
});
afterEach(() => dir.remove());

type Participation = OfficeReportView['report']['participation'];

/** The report's 시민참여 실적 against the oracle's, each difference named by what it is about. */
function compareParticipation(
  view: OfficeReportView,
  expected: ExpectedParticipation,
  context: string,
): void {
  const p: Participation = view.report.participation;
  const bySource: Record<ParticipationSource, number> = {
    card: p.cardCount,
    priorCard: p.priorCardCount,
    earlierCard: p.earlierCardCount,
    plan: p.planCount,
    unreported: p.unreportedCount,
  };
  expect(bySource, `${context}, 시민참여 집계 출처별 사업 수`).toEqual(expected.bySource);
  expect(p.totals, `${context}, 시민참여 합계`).toEqual(expected.totals);
  expect(p.byArea.map((a) => a.areaId).sort(), `${context}, 시민참여 분야`).toEqual(
    [...expected.byArea.keys()].sort(),
  );
  for (const [areaId, counts] of expected.byArea)
    expect(p.byArea.find((a) => a.areaId === areaId)?.counts, `${context}, 시민참여 분야 ${areaId}`).toEqual(
      counts,
    );
  expect(p.activityCount, `${context}, 시민참여 활동 수`).toBe(expected.activityCount);
}

const isBaseStep = (step: ParticipationOffice['steps'][number]): step is Step =>
  step.kind !== 'sendCoCard' && step.kind !== 'decideCoCard';

describe("the office report's 시민참여 실적 against an independent oracle", () => {
  for (const seed of SEEDS) {
    it(`seed ${seed}: each project counted once from what its lead last reported, else its confirmed plan`, async () => {
      const scenario = participationOffice(seed);
      const halfYears = [
        [scenario.periodId, scenario.dueDate],
        [scenario.priorId, scenario.priorDueDate],
      ] as const;
      // The default seeds give what the test is about, in both half-years.
      if (process.env.ORACLE_SEED === undefined)
        for (const [periodId] of halfYears)
          expect(
            [...participationCases(scenario, expectedParticipation(scenario.steps, periodId))].sort(),
            periodId,
          ).toEqual([...PARTICIPATION_CASES].sort());
      const desks = await playCoDeptOffice(dir.path, scenario);
      try {
        const baseSteps = scenario.steps.filter(isBaseStep);
        for (const [periodId, dueDate] of halfYears) {
          const expected = expectedParticipation(scenario.steps, periodId);
          const figures = expectedFigures({ ...scenario, steps: baseSteps }, periodId, dueDate);
          const context = `seed ${seed}, ${periodId}`;
          const request = { periodId, today: scenario.today };
          for (const [view, via] of await reportViews(desks.office, request, context)) {
            compareParticipation(view, expected, `${context}${via}`);
            compareTables(view, figures, `${context}${via}`);
          }
          for (const [bytes, via] of await reportWorkbooks(desks.office, request, dir.path, context))
            compareParticipationSheet(bytes, expected, `${context}${via}`);
        }
      } finally {
        await desks.close();
      }
    }, 60_000);
  }
});
