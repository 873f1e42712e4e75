import { describe, expect, it } from 'vitest';
import { listPeriods } from '../../domain/term/periods';
import { officeHandlers } from './office-handlers';
import { loadCatalog, loadTerm } from './reference';
import { cardDoc, cardFor, sendConfirmedPlan, useOfficeHarness } from './test-support/office-harness';

const h = useOfficeHarness();

describe('이행 추이', () => {
  it('gives each half-year up to the one asked the counts of its own 종합 현황, decisions included', async () => {
    const handlers = officeHandlers(h.office);
    const plan = await sendConfirmedPlan(h);
    // 1-1-1: 일부추진 in 2019-H1, 완료 in 2019-H2 (accepted by the office), nothing for 2020-H1 yet.
    expect(await h.send('2019-H1', [cardDoc(cardFor(plan, 'partial'), '2019-H1')])).toBe('accepted');
    expect(await h.send('2019-H2', [cardDoc(cardFor(plan, 'completed'), '2019-H2')])).toBe('accepted');
    await handlers.decideCompletion({
      projectId: '1-1-1',
      periodId: '2019-H2',
      decision: 'accepted',
      note: '',
    });

    const trend = await handlers.getStatusTrend({ periodId: '2020-H1', today: '2020-07-10' });
    const projects = (await loadCatalog(h.office.db)).projects;
    const areaOf111 = '1';
    const term = await loadTerm(h.office.db);
    const expectedPeriods = listPeriods(term).filter((p) => p.id <= '2020-H1');
    expect(trend.rows.map((r) => [r.periodId, r.label])).toEqual(expectedPeriods.map((p) => [p.id, p.label]));
    // What was sent, half-year by half-year; every other project has nothing.
    const sent: Record<string, 'partial' | 'completed' | null> = {
      '2018-H2': null,
      '2019-H1': 'partial',
      '2019-H2': 'completed',
      '2020-H1': null,
    };
    for (const row of trend.rows) {
      const status = sent[row.periodId] ?? null;
      expect(row.total.total).toBe(projects.length);
      expect(row.total.counts.notSubmitted).toBe(projects.length - (status === null ? 0 : 1));
      expect(row.total.counts.partial).toBe(status === 'partial' ? 1 : 0);
      expect(row.total.counts.completed).toBe(status === 'completed' ? 1 : 0);
      expect(row.total.completedUndecided).toBe(0);
      const area = row.byArea.find((a) => a.key === areaOf111);
      const inArea = projects.filter((p) => p.id.startsWith(`${areaOf111}-`)).length;
      expect(area?.total).toBe(inArea);
      expect(area?.completionRate).toBe(status === 'completed' ? 1 / inArea : 0);
    }
    // 2020-H1's cards are due 2020-07-15: on July 10 nothing is late yet.
    expect(trend.rows.map((r) => r.beforeDue)).toEqual([false, false, false, true]);
    // The same counts as each half-year's own report.
    for (const row of trend.rows) {
      const own = await handlers.getOfficeReport({ periodId: row.periodId, today: '2020-07-10' });
      expect(row.total).toEqual(own.report.statusTables.total);
    }
  });
});
