import { describe, expect, it } from 'vitest';
import { findPeriod } from '../term/periods';
import { buildOfficeReport } from './build-report';
import { beforeDueNote, financeStatusLabel, submissionStateLabel, submissionTimelinessLabel } from './labels';
import { notSubmittedLabel, REPORT_STATUS_LABELS } from './status-tables';
import { catalog, emptyInput, makeSubmission, term } from './test-fixtures';
import type { DepartmentSubmission, OfficeReport } from './types';

/**
 * A half-year whose due date has not come yet: nothing is late, and what has not arrived is not 미제출. The dates
 * are computed from the term's own due date, so the tests hold for any term.
 */

const PERIOD = '2020-H2';
const DUE = findPeriod(term, PERIOD)?.dueDate ?? '';

/** An ISO date `days` after (before, when negative) another. */
function shifted(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const LEAD = '경제진흥본부';
const led = catalog.projects.filter((p) => p.leadDepartment === LEAD);
const first = led[0]?.id ?? '';
// Received in Seoul's afternoon, `days` after the due date.
const receivedOn = (days: number) => `${shifted(DUE, days)}T15:00:00+09:00`;

function reportOn(today: string, arrivals: { days: number; kind: 'managementCard' | 'financeRow' }[]) {
  const input = emptyInput(PERIOD);
  input.options = { ...input.options, today };
  input.submissions = arrivals.map((a) =>
    makeSubmission(LEAD, PERIOD, receivedOn(a.days), [{ kind: a.kind, projectId: first }], {
      bundleSha256: `${a.kind}-${a.days}`.padEnd(64, '0'),
    }),
  );
  return buildOfficeReport(input);
}

const dept = (report: OfficeReport, name: string): DepartmentSubmission => {
  const found = report.submissions.departments.find((d) => d.department === name);
  if (found === undefined) throw new Error(`no row for ${name}`);
  return found;
};
const silent = (report: OfficeReport) => report.submissions.departments.filter((d) => d.department !== LEAD);

describe('submissions before the due date', () => {
  it('the fixtures: a half-year due months after the day the report is made', () => {
    expect(DUE).toMatch(/^\d{4}-01-15$/);
    expect(led.length).toBeGreaterThan(1);
  });

  it('long before the due date, a department that sent nothing is 마감 전 (D-n), not 미제출 or overdue', () => {
    const daysLeft = 179;
    const report = reportOn(shifted(DUE, -daysLeft), [{ days: -daysLeft + 1, kind: 'managementCard' }]);
    const s = report.submissions;
    expect(s).toMatchObject({ dueDate: DUE, beforeDue: true, daysLeft });
    expect(silent(report).length).toBeGreaterThan(10);
    for (const d of silent(report)) {
      expect(d).toMatchObject({ state: 'none', overdue: false, timeliness: 'notYetDue', receivedCount: 0 });
    }
    const quiet = silent(report)[0]!;
    expect(submissionStateLabel(quiet.state, s.beforeDue)).toBe('접수 전');
    expect(submissionTimelinessLabel(quiet.timeliness, s.daysLeft)).toBe(`마감 전 (D-${daysLeft})`);
    expect(beforeDueNote(s.dueDate, s.beforeDue, s.daysLeft)).toContain(`${DUE}, D-${daysLeft}`);
    // The department that sent one card: on time so far, still owing the rest, not overdue.
    expect(dept(report, LEAD)).toMatchObject({
      state: 'partial',
      timeliness: 'onTime',
      overdue: false,
      lateCount: 0,
      receivedCount: 1,
    });
    expect(s.summary.late).toBe(0);
  });

  it('the status tables count the projects without a card as before, headed 미접수 (기한 전)', () => {
    const before = reportOn(shifted(DUE, -1), []);
    const after = reportOn(shifted(DUE, 1), []);
    expect(before.statusTables.beforeDue).toBe(true);
    expect(after.statusTables.beforeDue).toBe(false);
    // Same counts and 완료율: only the words change.
    expect(before.statusTables.total).toEqual(after.statusTables.total);
    expect(before.statusTables.total.counts.notSubmitted).toBe(catalog.projects.length);
    expect(notSubmittedLabel(before.statusTables.beforeDue)).toBe('미접수 (기한 전)');
    expect(notSubmittedLabel(after.statusTables.beforeDue)).toBe(REPORT_STATUS_LABELS.notSubmitted);
    const series = (r: OfficeReport) => r.chart.series.find((x) => x.status === 'notSubmitted')?.label;
    expect(series(before)).toBe('미접수 (기한 전)');
    expect(series(after)).toBe('미제출');
    const overview = (r: OfficeReport) => r.projects.find((p) => p.projectId === first)?.statusLabel;
    expect(overview(before)).toBe('미접수 (기한 전)');
    expect(overview(after)).toBe('미제출');
    expect(financeStatusLabel(null, first, [], true)).toBe('미접수 (기한 전)');
    expect(financeStatusLabel(null, first, [])).toBe('미제출');
  });

  it('on the due date itself nothing is late yet (D-day); the day after, what is missing is 미제출 and overdue', () => {
    const onTheDay = reportOn(DUE, [{ days: 0, kind: 'managementCard' }]);
    expect(onTheDay.submissions).toMatchObject({ beforeDue: true, daysLeft: 0 });
    const quiet = silent(onTheDay)[0]!;
    expect(quiet).toMatchObject({ timeliness: 'notYetDue', overdue: false });
    expect(submissionTimelinessLabel(quiet.timeliness, 0)).toBe('마감 전 (D-day)');
    expect(dept(onTheDay, LEAD)).toMatchObject({ timeliness: 'onTime', overdue: false });

    const dayAfter = reportOn(shifted(DUE, 1), [
      { days: 0, kind: 'managementCard' },
      { days: 1, kind: 'financeRow' },
    ]);
    const s = dayAfter.submissions;
    expect(s).toMatchObject({ beforeDue: false, daysLeft: -1 });
    expect(beforeDueNote(s.dueDate, s.beforeDue, s.daysLeft)).toBeNull();
    for (const d of silent(dayAfter)) expect(d).toMatchObject({ timeliness: 'none', overdue: true });
    expect(submissionStateLabel('none', s.beforeDue)).toBe('미제출');
    expect(submissionTimelinessLabel('none', s.daysLeft)).toBe('미제출');
    // The finance row came a day late: the department is 지연, and still owes its other projects.
    expect(dept(dayAfter, LEAD)).toMatchObject({ timeliness: 'late', lateCount: 1, overdue: true });
    expect(s.summary.late).toBe(1);
  });
});
