import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StatusTrendRow } from '../../domain/api/contract';
import { findPeriod } from '../../domain/term/periods';
import { makeTempDir } from '../../db/test/temp-dir';
import { officeHandlers } from './office-handlers';
import { playContactsOffice } from './test-support/office-desks-contacts';
import {
  completionRateOf,
  expectedFigures,
  STATUS_KEYS,
  type StatusCounts,
} from './test-support/office-oracle';
import { projectsAt } from './test-support/office-oracle-contacts';
import { expectRate } from './test-support/oracle-tables';
import { HALF_YEARS, type RandomOffice, type Step, term } from './test-support/random-office';
import { type ContactsOffice, contactsOffice } from './test-support/random-office-contacts';

/**
 * Differential test of 이행 추이 (getStatusTrend): random-office-contacts.ts's office (cards in every half-year of the
 * term, leads that skip some, 완료 decided or waiting in the last two, a 부서 이관 from the reported half-year on)
 * played through the real copies; the trend up to the reported half-year and up to the one after it, each row — its
 * half-year, label, whether it is before its due date, the status counts in total and by area (결정 대기 included)
 * and 완료율 — against office-oracle.ts's status of that half-year, added up from the documents with the leads of
 * then. A failing seed reproduces with
 * ORACLE_SEED=<seed>[,<seed>…] npx vitest run main/services/office-report-oracle-trend.test.ts.
 */

// 5 reports 2021-H1 and 20 2021-H2: six and seven half-years of cards, the trend up to the next half-year too.
const DEFAULT_SEEDS = [5, 20];
const SEEDS = process.env.ORACLE_SEED ? process.env.ORACLE_SEED.split(',').map(Number) : DEFAULT_SEEDS;

let dir: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  dir = makeTempDir('pledge-oracle-trend-');
});
afterEach(() => dir.remove());

const dueDateOf = (periodId: string): string => findPeriod(term, periodId)?.dueDate ?? '';
const labelOf = (periodId: string): string =>
  `${periodId.slice(0, 4)}년 ${periodId.endsWith('H1') ? '상반기' : '하반기'}`;
const isBaseStep = (step: ContactsOffice['steps'][number]): step is Step =>
  step.kind === 'send' ||
  step.kind === 'confirm' ||
  step.kind === 'baseline' ||
  step.kind === 'decideCompletion';

type Row = StatusTrendRow['total'];
function compareRow(row: Row | undefined, expected: StatusCounts, context: string): void {
  const counts = row && {
    counts: Object.fromEntries(STATUS_KEYS.map((s) => [s, row.counts[s]])),
    completedUndecided: row.completedUndecided,
    continuingUndecided: row.continuingUndecided,
  };
  expect(counts, context).toEqual(expected);
  expectRate(row?.completionRate, completionRateOf(expected), context);
}

describe('이행 추이 against an independent oracle', () => {
  for (const seed of SEEDS) {
    it(`seed ${seed}: every half-year's status counts, in total and by area`, async () => {
      const scenario = contactsOffice(seed);
      const base: RandomOffice = { ...scenario, steps: scenario.steps.filter(isBaseStep) };
      const next = HALF_YEARS[HALF_YEARS.indexOf(scenario.periodId) + 1];
      const desks = await playContactsOffice(dir.path, scenario);
      try {
        for (const asked of [scenario.periodId, ...(next === undefined ? [] : [next])]) {
          const trend = await officeHandlers(desks.office).getStatusTrend({
            periodId: asked,
            today: scenario.today,
          });
          const context = `seed ${seed}, 이행 추이 ${asked}까지`;
          const halfYears = HALF_YEARS.slice(0, HALF_YEARS.indexOf(asked) + 1);
          expect(trend.periodId, context).toBe(asked);
          expect(
            trend.rows.map((r) => [r.periodId, r.label, r.beforeDue]),
            `${context}, 반기`,
          ).toEqual(halfYears.map((h) => [h, labelOf(h), scenario.today <= dueDateOf(h)]));
          for (const row of trend.rows) {
            const h = row.periodId;
            const expected = expectedFigures(base, h, dueDateOf(h), projectsAt(scenario.move, h));
            compareRow(row.total, expected.total, `${context}, ${h} 합계`);
            expect(row.byArea.map((a) => a.key).sort(), `${context}, ${h} 분야`).toEqual(
              [...expected.byArea.keys()].sort(),
            );
            for (const [area, counts] of expected.byArea)
              compareRow(
                row.byArea.find((a) => a.key === area),
                counts,
                `${context}, ${h} 분야 ${area}`,
              );
          }
        }
      } finally {
        await desks.close();
      }
    }, 60_000);
  }
});
