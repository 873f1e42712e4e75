import { expect } from 'vitest';
import type { OfficeReportView } from '../../../domain/api/contract';
import type { ExpectedLaggingEntry } from './office-oracle-changes-lagging';
import {
  completionRateOf,
  type ExpectedFigures,
  type FinanceMilli,
  STATUS_KEYS,
  type StatusCounts,
  type Timeliness,
} from './office-oracle';

/**
 * The office report's status counts, 붙임5 amounts and 제출 현황 against what office-oracle.ts adds up (the
 * oracle tests' shared comparison): each difference named by what it is about, amounts compared in whole 천원.
 */

type Row = OfficeReportView['report']['statusTables']['total'];
const countsOf = (row: Row | undefined): StatusCounts | undefined =>
  row && {
    counts: Object.fromEntries(STATUS_KEYS.map((s) => [s, row.counts[s]])) as StatusCounts['counts'],
    completedUndecided: row.completedUndecided,
    continuingUndecided: row.continuingUndecided,
  };

type Amounts = OfficeReportView['report']['finance']['grandTotal'];
const milliOf = (a: Amounts | undefined): FinanceMilli | undefined =>
  a && {
    initial: Math.round(a.plannedTotal.initial * 1000),
    current: Math.round(a.plannedTotal.current * 1000),
    secured: Math.round(a.secured.total * 1000),
    termPlan: Math.round(a.termPlan.total * 1000),
    termExecuted: Math.round(a.termExecuted.total * 1000),
  };

/** 완료율 as the oracle works it out: null for a row without projects, else the fraction to 12 places. */
export function expectRate(
  actual: number | null | undefined,
  expected: number | null,
  context: string,
): void {
  if (expected === null) expect(actual, `${context} 완료율`).toBeNull();
  else expect(actual ?? NaN, `${context} 완료율`).toBeCloseTo(expected, 12);
}

/** The tables office-oracle.ts adds up, against the documents as the office's decisions let them count. */
export function compareTables(view: OfficeReportView, expected: ExpectedFigures, context: string): void {
  const { statusTables, finance, submissions } = view.report;
  // Each row's counts (결정 대기 included) and 완료율: the total, every area, core pledge and department.
  const compareRow = (row: Row | undefined, counts: StatusCounts, label: string) => {
    expect(countsOf(row), label).toEqual(counts);
    expectRate(row?.completionRate, completionRateOf(counts), label);
  };
  compareRow(statusTables.total, expected.total, `${context}, 합계`);
  const tables = [
    [statusTables.byArea, expected.byArea, '분야 '],
    [statusTables.byCorePledge, expected.byCorePledge, '핵심공약 '],
    [statusTables.byDepartment, expected.byDepartment, ''],
  ] as const;
  for (const [rows, groups, label] of tables)
    for (const [key, counts] of groups)
      compareRow(
        rows.find((r) => r.key === key),
        counts,
        `${context}, ${label}${key}`,
      );

  const rows = new Map(finance.areas.flatMap((a) => a.rows).map((r) => [r.projectId, r]));
  expect([...rows.keys()].sort(), context).toEqual([...expected.financeRows.keys()].sort());
  for (const [projectId, amounts] of expected.financeRows)
    expect(milliOf(rows.get(projectId)), `${context}, 붙임5 ${projectId}`).toEqual(amounts);
  for (const [areaId, amounts] of expected.financeByArea)
    expect(
      milliOf(finance.areas.find((a) => a.areaId === areaId)?.subtotal),
      `${context}, 붙임5 분야 ${areaId} 소계`,
    ).toEqual(amounts);
  expect(milliOf(finance.grandTotal), `${context}, 붙임5 합계`).toEqual(expected.financeTotal);

  const timeliness = new Map(
    submissions.departments.map((d): [string, Timeliness] => [
      d.department,
      {
        onTime: d.items.filter((i) => i.received && i.onTime === true).length,
        late: d.items.filter((i) => i.received && i.onTime === false).length,
        missing: d.items.filter((i) => !i.received).length,
      },
    ]),
  );
  expect(timeliness, `${context}, 제출 현황`).toEqual(expected.submissions);

  // Each project's status (the public data's 추진상황) and the 완료 requests still waiting, project by project: all
  // of them for the status tables, the lagging list and the public data; those with a 붙임5 row in 붙임5's own list.
  const statusOf = new Map(view.report.projects.map((p) => [p.projectId, p.status]));
  expect(statusOf, `${context}, 사업별 추진상황`).toEqual(
    new Map([...expected.statusByProject].map(([id, s]) => [id, s.status])),
  );
  const waiting = [...expected.statusByProject]
    .filter(([, s]) => s.undecided)
    .map(([id]) => id)
    .sort();
  expect([...view.report.comparison.completionUndecided].sort(), `${context}, 결정 대기 사업`).toEqual(
    waiting,
  );
  expect([...finance.completionUndecided].sort(), `${context}, 붙임5의 결정 대기 사업`).toEqual(
    waiting.filter((id) => expected.financeRows.has(id)),
  );
}

/**
 * 부진 사업, the whole table against office-oracle-changes-lagging.ts's entries: which projects, each with its status,
 * reasons, figures in 천원 and the missed milestones (unit id and name, half-year, planned text).
 */
export function compareLagging(
  view: OfficeReportView,
  expected: ReadonlyMap<string, ExpectedLaggingEntry>,
  context: string,
): void {
  const milli = (v: number | null) => (v === null ? null : Math.round(v * 1000));
  const listed = new Map(
    view.report.lagging.map((l): [string, ExpectedLaggingEntry] => [
      l.projectId,
      {
        status: l.status as ExpectedLaggingEntry['status'],
        reasons: [...l.reasons].sort(),
        leadDepartment: l.leadDepartment,
        areaId: l.areaId,
        plannedSoFar: milli(l.plannedSoFar),
        executed: milli(l.executed),
        executionRate: l.executionRate,
        missedMilestones: l.missedMilestones.map((m) => ({
          unitId: m.unitId,
          unitName: m.unitName,
          periodId: m.periodId,
          planned: m.planned,
        })),
      },
    ]),
  );
  expect([...listed.keys()].sort(), `${context}, 부진 사업`).toEqual([...expected.keys()].sort());
  for (const [projectId, entry] of expected)
    expect(listed.get(projectId), `${context}, 부진 사업 ${projectId}`).toEqual(entry);
}
