import { describe, expect, it } from 'vitest';
import type { ExecutionPlan, FinanceRow } from '../../domain/documents';
import { exampleCoDepartmentFinanceRow } from '../../domain/documents/test-fixtures';
import type { BundleImportResult } from '../../domain/api/contract';
import type { AppContext } from './context';
import { enroll, makeCopy } from './bundle-test-support';
import { officeHandlers } from './office-handlers';
import {
  basePlan,
  cardFor,
  departmentSender,
  request,
  useOfficeHarness,
} from './test-support/office-harness';

/**
 * 1-1-7 is led by 경제진흥본부 with 여성가족정책실 as co-department. Both send signed bundles through the real import;
 * the co-department's 집행 travels in its finance row (it writes no card) and joins the project's 붙임5 row.
 */

const h = useOfficeHarness();
const CO = '여성가족정책실';

type View = Awaited<ReturnType<ReturnType<typeof officeHandlers>['getOfficeReport']>>;
const rowOf = (view: View) => {
  const row = view.report.finance.areas.flatMap((a) => a.rows).find((r) => r.projectId === '1-1-7');
  if (row === undefined) throw new Error('no 1-1-7 row');
  return row;
};
const at2019 = (byYear: readonly number[]) => byYear[1] ?? 0;

/** 1-1-7's plan (the example plan under 1-1-7), sent by the lead and confirmed by the office. */
async function confirmSharedPlan(): Promise<ExecutionPlan> {
  const plan = JSON.parse(JSON.stringify(basePlan()).replace(/"1-1-1"/g, '"1-1-7"')) as ExecutionPlan;
  expect(await h.send('plan', [{ path: 'documents/plan-1-1-7-plan.json', json: plan }])).toBe('accepted');
  await officeHandlers(h.office).confirmReceivedPlan({ projectId: '1-1-7' });
  return plan;
}

/** The co-department's finance rows, one bundle each on its chain (revision 1, 2, …), imported by the office. */
function coSender(co: AppContext): (row: FinanceRow) => Promise<BundleImportResult | undefined> {
  const send = departmentSender(h, co, CO);
  return (row) => send(row.periodId, [{ path: `documents/finance-1-1-7-${row.periodId}.json`, json: row }]);
}

describe("a co-department's 집행 in the office's 붙임5", () => {
  it('the row and the grand total add the 집행 of its finance row to the lead card; a re-sent amount is red', async () => {
    const co = await makeCopy(h.dir.path, 'co', { role: 'department', department: CO });
    try {
      await enroll(h.office, co);
      const handlers = officeHandlers(h.office);
      const plan = await confirmSharedPlan();
      const leadCard = { ...cardFor(plan, 'onTrack'), projectId: '1-1-7' };
      expect(await h.send('2019-H1', [{ path: 'documents/card-1-1-7-2019-H1.json', json: leadCard }])).toBe(
        'accepted',
      );
      const leadOnly = rowOf(await handlers.getOfficeReport(request));
      expect(leadOnly.departments).toEqual(['경제진흥본부']);

      // The co-department's row: 2.5 in 2018 and 7.5 in 2019 (백만원), 60 secured.
      const sendCo = coSender(co);
      const row = exampleCoDepartmentFinanceRow();
      expect(row.executed).toEqual({ '2018': 2.5, '2019': 7.5 });
      expect(row.periodId).toBe('2019-H1');
      expect(await sendCo(row)).toMatchObject({ status: 'accepted', department: CO });

      const shared = await handlers.getOfficeReport(request);
      const merged = rowOf(shared);
      expect(merged.departments).toEqual(['경제진흥본부', CO]);
      expect(merged.termExecuted.total).toBeCloseTo(leadOnly.termExecuted.total + 10, 6);
      expect(merged.termExecuted.byYear[0]).toBeCloseTo((leadOnly.termExecuted.byYear[0] ?? 0) + 2.5, 6);
      expect(at2019(merged.termExecuted.byYear)).toBeCloseTo(at2019(leadOnly.termExecuted.byYear) + 7.5, 6);
      expect(merged.secured.total).toBeCloseTo(leadOnly.secured.total + 60, 6);
      // The plan figures and 이행도 are still the lead's card's.
      expect(merged.termPlan).toEqual(leadOnly.termPlan);
      expect(merged.status).toBe('onTrack');
      // 1-1-7 is the only project with a row: the grand total is its row.
      expect(shared.report.finance.grandTotal.termExecuted.total).toBeCloseTo(merged.termExecuted.total, 6);
      expect(merged.changedFields).toEqual([]);

      // Re-sent with 9 in 2019: the table follows, and the amounts changed since first reported are marked.
      expect(await sendCo({ ...row, executed: { '2018': 2.5, '2019': 9 } })).toMatchObject({
        status: 'accepted',
      });
      const resent = rowOf(await handlers.getOfficeReport(request));
      expect(resent.termExecuted.total).toBeCloseTo(merged.termExecuted.total + 1.5, 6);
      expect(resent.changedFields).toEqual(['termExecuted.total', 'termExecuted.byYear.2019']);
    } finally {
      await co.close();
    }
  });

  it("a past year's 집행 the co-department's next half-year's row corrected is red, through the real import", async () => {
    const co = await makeCopy(h.dir.path, 'co', { role: 'department', department: CO });
    try {
      await enroll(h.office, co);
      const handlers = officeHandlers(h.office);
      await confirmSharedPlan();
      const send = coSender(co);
      const sendCo = async (periodId: string, executed: Record<string, number>) =>
        (await send({ ...exampleCoDepartmentFinanceRow(), periodId, executed }))?.status;
      const red = async (comparePeriodId?: string) =>
        [
          ...rowOf(
            await handlers.getOfficeReport({ periodId: '2020-H1', comparePeriodId, today: '2020-07-20' }),
          ).changedFields,
        ].sort();
      // 2019-H2: 2.5 in 2018 and 7.5 in 2019. 2020-H1's row, sent once, states 2019 as 6 and adds 2020.
      expect(await sendCo('2019-H2', { '2018': 2.5, '2019': 7.5 })).toBe('accepted');
      expect(await sendCo('2020-H1', { '2018': 2.5, '2019': 6, '2020': 3 })).toBe('accepted');
      const corrected = ['termExecuted.byYear.2019', 'termExecuted.total'];
      expect(await red()).toEqual(corrected);
      // Compared with another half-year, the half-year just before still decides.
      expect(await red('2018-H2')).toEqual(corrected);
      // 2019-H2's row re-sent with 2019 as 6 too: the half-year before agrees now, nothing is red (the kept report
      // is not reused).
      expect(await sendCo('2019-H2', { '2018': 2.5, '2019': 6 })).toBe('accepted');
      expect(await red()).toEqual([]);
    } finally {
      await co.close();
    }
  });

  it('반기 비교 with a half-year other than the one before gives each side’s 붙임5 집행, the co-department’s included', async () => {
    const co = await makeCopy(h.dir.path, 'co', { role: 'department', department: CO });
    try {
      await enroll(h.office, co);
      const handlers = officeHandlers(h.office);
      const plan = await confirmSharedPlan();
      const card = (periodId: string) => ({ ...cardFor(plan, 'onTrack'), projectId: '1-1-7', periodId });
      for (const periodId of ['2019-H1', '2020-H1'])
        expect(
          await h.send(periodId, [{ path: `documents/card-1-1-7-${periodId}.json`, json: card(periodId) }]),
        ).toBe('accepted');
      const send = coSender(co);
      expect(
        (await send({ ...exampleCoDepartmentFinanceRow(), periodId: '2019-H1', executed: { '2019': 7.5 } }))
          ?.status,
      ).toBe('accepted');
      expect(
        (
          await send({
            ...exampleCoDepartmentFinanceRow(),
            periodId: '2020-H1',
            executed: { '2019': 7.5, '2020': 4 },
          })
        )?.status,
      ).toBe('accepted');
      const finance2019 = rowOf(await handlers.getOfficeReport({ ...request, periodId: '2019-H1' }));
      const view = await handlers.getOfficeReport({
        periodId: '2020-H1',
        comparePeriodId: '2019-H1',
        today: '2020-07-20',
      });
      const compared = view.report.comparison.projects.find((p) => p.projectId === '1-1-7');
      // Each side is that half-year's 붙임5 figure: the lead's card with the co-department's row.
      expect(compared?.executedBefore).toBeCloseTo(finance2019.termExecuted.total, 6);
      expect(compared?.executedAfter).toBeCloseTo(rowOf(view).termExecuted.total, 6);
      expect(finance2019.departments).toEqual(['경제진흥본부', CO]);
    } finally {
      await co.close();
    }
  });
});
