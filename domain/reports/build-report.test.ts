import { describe, expect, it } from 'vitest';
import { laggingReasonsText } from './labels';
import type { CardStatus, ChangeRequest } from '../documents';
import { buildOfficeReport } from './build-report';
import { scenario } from './scenario';
import { catalog, emptyInput, makeApprovedChange, makeCard, makePlan, project } from './test-fixtures';
import type { ConsolidatedFinanceRow, OfficeReport } from './types';

const areaOf = (projectId: string) =>
  catalog.corePledges.find((c) => projectId.startsWith(`${c.id}-`))?.areaId;
const projectsInArea = (areaId: number) =>
  catalog.projects.filter((p) => catalog.corePledges.find((c) => c.id === p.corePledgeId)?.areaId === areaId)
    .length;
const projectsLedBy = (department: string) =>
  catalog.projects.filter((p) => p.leadDepartment === department).length;

function row(report: OfficeReport, projectId: string): ConsolidatedFinanceRow {
  const found = report.finance.areas.flatMap((a) => a.rows).find((r) => r.projectId === projectId);
  if (found === undefined) throw new Error(`no row ${projectId}`);
  return found;
}

describe('buildOfficeReport — status tables', () => {
  const report = buildOfficeReport(scenario());

  it('counts every catalog project once, by the lead card of the half-year, 미제출 without one', () => {
    const t = report.statusTables.total;
    expect(t.total).toBe(238);
    expect(t.counts).toEqual({
      completed: 1,
      continuing: 1,
      onTrack: 0,
      partial: 1,
      onHold: 1,
      dropped: 1,
      notSubmitted: 233,
    });
    expect(t.completionRate).toBeCloseTo(2 / 238, 12);
  });

  it('by area: the areas in catalog order with their sizes', () => {
    const byArea = report.statusTables.byArea;
    expect(byArea.map((r) => r.key)).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    expect(byArea.map((r) => r.total)).toEqual([33, 39, 24, 42, 34, 11, 55]);
    const area1 = byArea[0];
    expect(area1?.label).toBe('1. 미래특별시');
    expect(area1?.counts).toMatchObject({
      completed: 1,
      partial: 1,
      onHold: 1,
      notSubmitted: projectsInArea(1) - 3,
    });
    expect(area1?.completionRate).toBeCloseTo(1 / 33, 12);
    expect(byArea[2]?.counts.continuing).toBe(1);
    expect(byArea[4]?.counts.dropped).toBe(1);
    // The co-department's card (1-1-7, 완료) does not count.
    expect(byArea.reduce((n, r) => n + r.counts.completed, 0)).toBe(1);
  });

  it('by core pledge and by lead department', () => {
    const pledge = report.statusTables.byCorePledge.find((r) => r.key === '1-1');
    expect(pledge?.total).toBe(8);
    expect(pledge?.counts).toMatchObject({ completed: 1, partial: 1, notSubmitted: 6 });
    expect(report.statusTables.byCorePledge).toHaveLength(66);

    const econ = report.statusTables.byDepartment.find((r) => r.key === '경제진흥본부');
    expect(econ?.total).toBe(projectsLedBy('경제진흥본부'));
    expect(econ?.counts).toMatchObject({
      completed: 1,
      partial: 1,
      notSubmitted: projectsLedBy('경제진흥본부') - 2,
    });
    const tour = report.statusTables.byDepartment.find((r) => r.key === '관광체육국');
    expect(tour?.counts).toMatchObject({ onHold: 1, dropped: 1 });
    expect(report.statusTables.byDepartment.reduce((n, r) => n + r.total, 0)).toBe(238);
  });

  it('chart dataset: one series per status, one value per area', () => {
    expect(report.chart.categories).toHaveLength(7);
    const completed = report.chart.series.find((s) => s.status === 'completed');
    expect(completed?.label).toBe('완료');
    expect(completed?.values).toEqual([1, 0, 0, 0, 0, 0, 0]);
    expect(report.chart.series.map((s) => s.label)).toContain('미제출');
  });
});

describe('buildOfficeReport — 붙임5 재정집행 현황', () => {
  const report = buildOfficeReport(scenario());

  it('has one row per project with a confirmed plan, grouped by area in catalog order', () => {
    expect(report.finance.rowCount).toBe(6);
    const rowsByArea = report.finance.areas.map((a) => a.rows.map((r) => r.projectId));
    expect(rowsByArea).toEqual([['1-1-1', '1-1-7', '1-4-1'], [], ['3-2-1'], [], ['5-9-1'], [], ['7-3-1']]);
    expect(report.finance.budgetYears.map((y) => y.label)).toEqual(["'18", "'19", "'20", "'21", "'22.6월"]);
    // Every row's per-year amounts are arranged by these years.
    expect(report.finance.budgetYears.map((y) => y.key)).toEqual(['2018', '2019', '2020', '2021', '2022']);
    for (const a of report.finance.areas) for (const r of a.rows) expect(r.areaId).toBe(areaOf(r.projectId));
  });

  it('derives a single department row from plan, card and finance row', () => {
    const r = row(report, '1-1-1');
    expect(r.status).toBe('completed');
    expect(r.plannedTotal).toEqual({ initial: 750, current: 750 });
    expect(r.secured).toEqual({ total: 600, national: 100, city: 500, district: 0, private: 0, other: 0 });
    expect(r.termPlan).toEqual({ total: 700, byYear: [100, 300, 300, 0, 0] });
    // 2019-H2 is after the card's half-year: not counted.
    expect(r.termExecuted).toEqual({
      total: 190.5,
      byYear: [80, 110.5, 0, 0, 0],
    });
  });

  it('sums a shared project: lead first, 확보 and 집행 of both departments, plan and status of the lead', () => {
    const r = row(report, '1-1-7');
    expect(r.departments).toEqual(['경제진흥본부', '여성가족정책실']);
    expect(r.status).toBe('partial');
    expect(r.plannedTotal).toEqual({ initial: 2000, current: 2000 });
    expect(r.secured.total).toBe(340.125);
    expect(r.secured.national).toBe(40.125);
    expect(r.secured.city).toBe(300);
    expect(r.termExecuted.total).toBe(75.25);
    expect(r.termExecuted.byYear).toEqual([0, 75.25, 0, 0, 0]);
    expect(r.note).toBe('[경제진흥본부] 시비 확보\n[여성가족정책실] 국비');
  });

  it('keeps a project without a card (initial plan, no status, nothing executed)', () => {
    const r = row(report, '7-3-1');
    expect(r.status).toBeNull();
    expect(r.plannedTotal).toEqual({ initial: 500, current: 500 });
    expect(r.termExecuted.total).toBe(0);
    expect(r.secured.total).toBe(0);
  });

  it('flags the amounts changed since first reported', () => {
    expect(row(report, '1-1-1').changedFields).toEqual([]);
    expect(row(report, '1-1-1').hasFirstReport).toBe(true);
    expect(row(report, '1-1-7').hasFirstReport).toBe(false);
    expect(new Set(row(report, '3-2-1').changedFields)).toEqual(
      new Set([
        'plannedTotal.current',
        'secured.total',
        'secured.city',
        'termPlan.total',
        'termPlan.byYear.2019',
        'termExecuted.total',
        'termExecuted.byYear.2019',
      ]),
    );
  });

  it('a project whose documents were sent once counts as reported, with nothing changed and no first row', () => {
    const input = scenario();
    const first = input.firstReported.find((r) => r.projectId === '1-1-1');
    expect(first).toBeDefined();
    const shortcut = buildOfficeReport({
      ...input,
      firstReported: input.firstReported.filter((r) => r.projectId !== '1-1-1'),
      firstReportedSameAsCurrent: new Set(['1-1-1']),
    });
    expect(row(shortcut, '1-1-1')).toEqual(row(report, '1-1-1'));
    expect(row(shortcut, '1-1-7').hasFirstReport).toBe(false);
  });

  it('names the projects that reported without a confirmed plan instead of dropping them silently', () => {
    expect(report.finance.withoutConfirmedPlan).toEqual([]);
    const input = scenario();
    const reported = input.cards.find((c) => input.plans.some((p) => p.projectId === c.projectId));
    expect(reported).toBeDefined();
    const id = reported!.projectId;
    const unconfirmed = buildOfficeReport({ ...input, plans: input.plans.filter((p) => p.projectId !== id) });
    expect(unconfirmed.finance.withoutConfirmedPlan).toEqual([id]);
    expect(unconfirmed.finance.areas.flatMap((a) => a.rows).some((r) => r.projectId === id)).toBe(false);
    expect(unconfirmed.finance.rowCount).toBe(report.finance.rowCount - 1);
  });

  it('subtotals per area and a grand total', () => {
    const area1 = report.finance.areas[0]?.subtotal;
    expect(area1?.plannedTotal).toEqual({ initial: 2760, current: 2760 });
    expect(area1?.secured.total).toBe(940.125);
    expect(area1?.termExecuted.total).toBe(265.75);
    expect(report.finance.areas[1]?.subtotal.plannedTotal.initial).toBe(0);
    const g = report.finance.grandTotal;
    expect(g.plannedTotal).toEqual({ initial: 3360, current: 3380 });
    expect(g.secured.total).toBe(1060.125);
    expect(g.secured.national).toBe(140.125);
    expect(g.termPlan.total).toBe(3330);
    expect(g.termPlan.byYear).toEqual([140, 1890, 1300, 0, 0]);
    expect(g.termExecuted.total).toBe(335.75);
    expect(g.termExecuted.byYear).toEqual([120, 215.75, 0, 0, 0]);
  });
});

describe('buildOfficeReport — submissions', () => {
  const report = buildOfficeReport(scenario());
  const dept = (name: string) => {
    const d = report.submissions.departments.find((x) => x.department === name);
    if (d === undefined) throw new Error(name);
    return d;
  };

  it('uses the period’s due date and lists every department of the catalog', () => {
    expect(report.submissions.dueDate).toBe('2019-07-15');
    expect(report.submissions.departments.length).toBe(
      new Set(catalog.projects.flatMap((p) => [p.leadDepartment, ...p.coDepartments])).size,
    );
  });

  it('lead departments owe card + finance row per project, co-departments a finance row', () => {
    const econ = dept('경제진흥본부');
    expect(econ.dueCount).toBe(2 * projectsLedBy('경제진흥본부'));
    const women = dept('여성가족정책실');
    expect(women.dueCount).toBe(2 * projectsLedBy('여성가족정책실') + 1);
    const co = women.items.find((i) => i.projectId === '1-1-7');
    expect(co).toMatchObject({ kind: 'financeRow', role: 'co', received: true, onTime: true });
  });

  it('arrival on the due date in Seoul time is on time, after midnight KST is late', () => {
    const econ = dept('경제진흥본부');
    expect(econ.items.find((i) => i.kind === 'managementCard' && i.projectId === '1-1-1')).toMatchObject({
      received: true,
      onTime: true,
      receivedAt: '2019-07-15T23:30:00+09:00',
    });
    expect(econ.items.find((i) => i.kind === 'financeRow' && i.projectId === '7-3-1')?.onTime).toBe(false);
    expect(econ.receivedCount).toBe(5);
    expect(econ.lateCount).toBe(1);
    expect(econ.state).toBe('partial');
    expect(econ.overdue).toBe(true);
    expect(econ.missing).toContainEqual({
      kind: 'managementCard',
      projectId: '7-3-1',
      excluded: false,
      planWait: null,
    });
    expect(econ.bundles.map((b) => b.receivedDate)).toEqual(['2019-07-15', '2019-07-16']);
  });

  it('a card the office excluded is owed again: not received, not late, named as excluded', () => {
    const input = scenario();
    const base = buildOfficeReport(input);
    const econ = (r: OfficeReport) => r.submissions.departments.find((d) => d.department === '경제진흥본부')!;
    const received = econ(base).items.find((i) => i.kind === 'managementCard' && i.received);
    expect(received).toBeDefined();
    const excluded = buildOfficeReport({
      ...input,
      excludedCards: new Set([`${received!.projectId}|경제진흥본부`]),
    });
    expect(econ(excluded).receivedCount).toBe(econ(base).receivedCount - 1);
    expect(econ(excluded).missing).toContainEqual({
      kind: 'managementCard',
      projectId: received!.projectId,
      excluded: true,
      planWait: null,
    });
    const item = econ(excluded).items.find(
      (i) => i.kind === 'managementCard' && i.projectId === received!.projectId,
    );
    expect(item).toMatchObject({ received: false, onTime: null, excluded: true });
    expect(econ(excluded).state).toBe('partial');
  });

  it('a quarantined bundle does not count as received, but is listed', () => {
    const tour = dept('관광체육국');
    expect(tour.hasQuarantined).toBe(true);
    expect(tour.items.find((i) => i.kind === 'financeRow' && i.projectId === '1-4-1')?.received).toBe(false);
    expect(tour.items.find((i) => i.kind === 'managementCard' && i.projectId === '1-4-1')?.onTime).toBe(true);
    // The 2018-H2 bundle is not part of this half-year.
    expect(tour.bundles).toHaveLength(2);
    expect(report.submissions.summary.quarantinedBundles).toBe(1);
  });

  it("a lead's items of a project without a confirmed plan are owed, marked with what the plan waits for", () => {
    const input = scenario();
    const confirmed = new Set(input.plans.map((p) => p.projectId));
    const econLed = catalog.projects.filter((p) => p.leadDepartment === '경제진흥본부');
    const unconfirmed = econLed.filter((p) => !confirmed.has(p.id));
    expect(unconfirmed.length).toBeGreaterThan(1);
    // The office has received the first one's plan, not confirmed it yet; the others' plans never came.
    const waitingForOffice = unconfirmed[0]!.id;
    const withReceived = buildOfficeReport({ ...input, receivedPlanProjects: [waitingForOffice, '1-1-1'] });
    const econ = withReceived.submissions.departments.find((d) => d.department === '경제진흥본부')!;
    const waitOf = (projectId: string) =>
      econ.items.filter((i) => i.projectId === projectId).map((i) => [i.kind, i.planWait]);
    expect(waitOf(waitingForOffice)).toEqual([
      ['managementCard', 'notConfirmed'],
      ['financeRow', 'notConfirmed'],
    ]);
    expect(waitOf(unconfirmed[1]!.id)).toEqual([
      ['managementCard', 'notReceived'],
      ['financeRow', 'notReceived'],
    ]);
    // A confirmed plan (1-1-1, received too) waits for nothing; nor does a co-department's finance row.
    expect(waitOf('1-1-1')).toEqual([
      ['managementCard', null],
      ['financeRow', null],
    ]);
    const women = withReceived.submissions.departments.find((d) => d.department === '여성가족정책실')!;
    expect(women.items.find((i) => i.role === 'co')?.planWait).toBeNull();
    // Still owed: counted as due and missing.
    expect(econ.dueCount).toBe(2 * econLed.length);
    expect(econ.missing.filter((m) => m.planWait !== null)).toHaveLength(2 * unconfirmed.length);
  });

  it('departments without any bundle are "none"', () => {
    const d = dept('도시교통본부');
    expect(d.state).toBe('none');
    expect(d.receivedCount).toBe(0);
    expect(d.missing).toHaveLength(d.dueCount);
  });
});

describe('buildOfficeReport — lagging, participation, changes, comparison', () => {
  const report = buildOfficeReport(scenario());

  it('flags 일부추진/보류, low execution and missed milestones', () => {
    // 3-2-1 (이행 후 계속 추진) misses its 2018-H2 milestone too, but it reached its goal: not lagging.
    expect(report.lagging.map((l) => [l.projectId, l.reasons])).toEqual([
      ['1-1-7', ['status', 'lowExecution']],
      ['1-4-1', ['status', 'lowExecution', 'missedMilestones']],
    ]);
    // 7-3-1 has a confirmed plan and no card (미제출): its 0% is no finding of the lagging table; the
    // submissions table lists it as missing.
    expect(report.projects.find((p) => p.projectId === '7-3-1')?.status).toBe('notSubmitted');
    const shared = report.lagging[0];
    // 2019-H1: half of the 2019 plan (1000) is due; 75.25 executed.
    expect(shared?.plannedSoFar).toBe(500);
    expect(shared?.executionRate).toBeCloseTo(75.25 / 500, 12);
    expect(report.lagging[1]?.missedMilestones).toEqual([
      { unitId: 'u1', unitName: '단위사업 1', periodId: '2019-H1', planned: '계획' },
    ]);
    // The reasons as the tables say them: the status reason names the project's own status, not "일부추진·보류".
    for (const l of report.lagging) {
      const text = laggingReasonsText(l);
      expect(text.startsWith(l.status === 'onHold' ? '보류, ' : '일부추진, ')).toBe(true);
      expect(text).not.toContain('·');
    }
  });

  it('a project that reached its goal (완료, 이행 후 계속 추진) or was dropped is not lagging for low execution or a missed milestone', () => {
    // 200 of 투자수요 in 2019: 100 due by 2019-H1, 10 executed (10 %), and the 2019-H1 milestone without a result.
    const plan = makePlan(project('1-1-1'), {
      units: [{ needs: [['city', '2019', 200]], schedule: { '2019-H1': '착수' } }],
    });
    const laggingWith = (status: CardStatus, changeRequests: ChangeRequest[] = []) => {
      const input = emptyInput('2019-H1');
      input.plans = [plan];
      input.cards = [makeCard(plan, '2019-H1', { status, executed: [[['city', '2019-H1', 10]]] })];
      input.changeRequests = changeRequests;
      return buildOfficeReport(input).lagging.find((l) => l.projectId === '1-1-1');
    };
    expect(laggingWith('onTrack')).toMatchObject({
      status: 'onTrack',
      reasons: ['lowExecution', 'missedMilestones'],
      executionRate: 0.1,
      missedMilestones: [{ unitId: 'u1', periodId: '2019-H1', planned: '착수' }],
    });
    expect(laggingWith('partial')?.reasons).toEqual(['status', 'lowExecution', 'missedMilestones']);
    expect(laggingWith('onHold')?.reasons).toEqual(['status', 'lowExecution', 'missedMilestones']);
    expect(laggingWith('completed')).toBeUndefined();
    expect(laggingWith('continuing')).toBeUndefined();
    // 폐기 stands on an approved 공약 조정 (임의조정 불가): without one the office finds it here, for that alone.
    const dropped = laggingWith('dropped');
    expect(dropped?.reasons).toEqual(['droppedWithoutApproval']);
    expect(dropped === undefined ? '' : laggingReasonsText(dropped)).toBe('폐기 보고, 승인된 공약 조정 없음');
    expect(
      laggingWith('dropped', [makeApprovedChange('1-1-1', plan.department, '사업 폐기')]),
    ).toBeUndefined();
    // A request still waiting for the panel is no approval.
    const waiting = makeApprovedChange('1-1-1', plan.department, '사업 폐기');
    waiting.decisionHistory = waiting.decisionHistory.slice(0, 3);
    expect(laggingWith('dropped', [waiting])?.reasons).toEqual(['droppedWithoutApproval']);
  });

  it('sums citizen participation over the lead cards only', () => {
    expect(report.participation.totals).toEqual({
      briefings: 2,
      surveys: 1,
      expertConsultations: 0,
      mediaReports: 3,
      other: 0,
      total: 6,
    });
    expect(report.participation.cardCount).toBe(5);
    expect(report.participation.byArea[0]?.counts.total).toBe(6);
  });

  it('lists approved changes with reasons and counts the others', () => {
    expect(report.changes.approved).toHaveLength(1);
    expect(report.changes.approved[0]).toMatchObject({
      projectId: '5-9-1',
      approvedOn: '2019-04-01',
      approvedBy: '시민공약평가단',
      reason: '전국체전 공동개최 무산에 따른 목표 조정 <"남북">',
    });
    expect(report.changes.approved[0]?.decisionHistory).toHaveLength(4);
    expect(report.changes.countsByStatus).toMatchObject({
      approved: 1,
      requested: 1,
      rejected: 1,
      reviewing: 0,
    });
  });

  it('compares with the previous half-year', () => {
    expect(report.comparison.fromPeriodId).toBe('2018-H2');
    const p1 = report.comparison.projects.find((p) => p.projectId === '1-1-1');
    expect(p1).toMatchObject({
      statusBefore: 'onTrack',
      statusAfter: 'completed',
      statusTrend: -1,
      executedBefore: 80,
      executedAfter: 190.5,
      executedDelta: 110.5,
      resultsChanged: ['u1:2019-H1'],
      changes: ['status', 'executed', 'results'],
    });
    // The same result as the forms name it: the card's unit name and the half-year's label.
    const card = scenario().cards.find((c) => c.projectId === '1-1-1' && c.periodId === '2019-H1');
    const unit = card?.unitProjects.find((u) => u.id === 'u1');
    expect(unit).toBeDefined();
    expect(p1?.resultsChangedLabels).toEqual([`${unit?.name} · 2019년 상반기`]);
    const p4 = report.comparison.projects.find((p) => p.projectId === '3-2-1');
    expect(p4?.changes).toEqual(['status', 'executed', 'plannedTotal']);
    expect(p4?.plannedBefore).toBe(100);
    expect(p4?.plannedAfter).toBe(120);
    const p6 = report.comparison.projects.find((p) => p.projectId === '7-3-1');
    expect(p6).toMatchObject({
      statusAfter: 'notSubmitted',
      statusTrend: null,
      changes: ['cardMissing', 'status'],
    });
    const p2 = report.comparison.projects.find((p) => p.projectId === '1-1-7');
    expect(p2?.changes).toEqual(['newCard', 'status']);
    expect(report.comparison.summary).toMatchObject({ improved: 2, worsened: 0 });
  });

  it('lists changed results by unit and half-year even when a card lists its units out of order', () => {
    const input = scenario();
    const card = input.cards.find((c) => c.projectId === '1-1-1');
    const unit = card?.unitProjects[0];
    if (card === undefined || unit === undefined) throw new Error('scenario without card 1-1-1');
    // A second unit listed first, with a new result of its own in an earlier half-year.
    card.unitProjects = [
      { ...unit, id: 'u2', name: '둘째 사업', results: { '2018-H2': '새 실적' } },
      ...card.unitProjects,
    ];
    const p1 = buildOfficeReport(input).comparison.projects.find((p) => p.projectId === '1-1-1');
    expect(p1?.resultsChanged).toEqual(['u1:2019-H1', 'u2:2018-H2']);
    expect(p1?.resultsChangedLabels).toEqual([`${unit.name} · 2019년 상반기`, '둘째 사업 · 2018년 하반기']);
  });

  it('gives every project an overview with status, latest results and budget', () => {
    expect(report.projects).toHaveLength(238);
    const p1 = report.projects.find((p) => p.projectId === '1-1-1');
    expect(p1).toMatchObject({
      statusLabel: '완료',
      areaName: '미래특별시',
      results: [{ unitName: '단위사업 1', periodId: '2019-H1', text: '추진 중' }],
      budget: { plannedTotal: 750, secured: 600, termPlan: 700, executed: 190.5 },
    });
    expect(report.projects.find((p) => p.projectId === '2-1-1')?.budget).toBeNull();
  });

  it('reports skipped input as warnings and the report is plain JSON', () => {
    expect(report.warnings).toEqual(['다른 반기(2018-H2)의 관리카드를 건너뜁니다: 7-3-1 경제진흥본부']);
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });

  it('rejects a half-year outside the term', () => {
    expect(() => buildOfficeReport({ ...scenario(), periodId: '2023-H1' })).toThrow(
      '임기(민선7기)에 없는 반기',
    );
  });
});

describe('buildOfficeReport — its input', () => {
  // The office keeps parsed documents between reports and hands the same objects to every report, so building one
  // must not change them. Frozen documents make any write throw (modules run in strict mode).
  const freeze = <T>(value: T): T => {
    if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
      Object.freeze(value);
      for (const v of Object.values(value)) freeze(v);
    }
    return value;
  };

  it('builds from frozen documents the same report as from fresh ones, and leaves them as they were', () => {
    const input = scenario();
    const documents = {
      plans: input.plans,
      cards: input.cards,
      previousCards: input.previousCards,
      financeRows: input.financeRows,
      firstReported: input.firstReported,
      submissions: input.submissions,
      changeRequests: input.changeRequests,
    };
    const before = JSON.stringify(documents);
    freeze(documents);
    const fromFrozen = buildOfficeReport(input);
    expect(JSON.stringify(documents)).toBe(before);
    expect(fromFrozen).toEqual(buildOfficeReport(scenario()));
    expect(fromFrozen.finance.rowCount).toBeGreaterThan(0);
  });
});
