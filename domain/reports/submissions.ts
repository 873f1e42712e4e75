import { catalogAt } from '../catalog/assignments';
import { listDepartments } from '../catalog/departments';
import { daysUntil } from '../term/periods';
import { compareKo, type ReportContext } from './context';
import { memoized, memoTable } from './report-memo';
import type { DepartmentSubmission, DueItem, PlanWait, SubmissionRecord, SubmissionsReport } from './types';

/**
 * Who has and has not submitted for the half-year: a lead department owes a card and a finance row per project it
 * leads, a co-department a finance row per project it co-operates on (붙임5: each fills its own 확보/집행). Only
 * bundles whose signature verified count as received; arrival on the due date (office local date) is on time. A
 * bundle arrives when the office first imported it, or on the 접수일 the office gave at that import (the day it came
 * on the share, by mail or on a USB stick).
 */

const KST_OFFSET_MINUTES = 540;

/** The office-local calendar date of an ISO timestamp; a plain "YYYY-MM-DD" is taken as is. */
export function localDateOf(iso: string, utcOffsetMinutes = KST_OFFSET_MINUTES): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`접수 일시 형식이 올바르지 않습니다: "${iso}"`);
  return new Date(ms + utcOffsetMinutes * 60_000).toISOString().slice(0, 10);
}

/**
 * "YYYY-MM-DD HH:mm" in the office's time (KST) of an ISO timestamp, as every screen, sheet and message shows
 * receipts and creation times; a text that is not a timestamp is returned as it is.
 */
export function localDateTimeOf(iso: string, utcOffsetMinutes = KST_OFFSET_MINUTES): string {
  // A plain date (a 접수일 the office gave) is a day, not midnight in some zone.
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const local = new Date(ms + utcOffsetMinutes * 60_000).toISOString();
  return `${local.slice(0, 10)} ${local.slice(11, 16)}`;
}

/** "HH:mm:ss" in the office's time (KST) of an ISO timestamp, as the editors' "저장됨" says it. */
export function localTimeOf(iso: string, utcOffsetMinutes = KST_OFFSET_MINUTES): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return new Date(ms + utcOffsetMinutes * 60_000).toISOString().slice(11, 19);
}

/** Instant of a receipt for ordering; a plain date counts as office-local midnight. */
function instantOf(iso: string, utcOffsetMinutes: number): number {
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return Date.parse(`${iso}T00:00:00Z`) - utcOffsetMinutes * 60_000;
  return Date.parse(iso);
}

const itemKey = (kind: string, projectId: string) => `${kind}\u0000${projectId}`;

export function buildSubmissionsReport(ctx: ReportContext): SubmissionsReport {
  const { period, input } = ctx;
  const offset = input.options.utcOffsetMinutes ?? KST_OFFSET_MINUTES;
  const dueDate = period.dueDate;

  // What each department owes.
  const due = new Map<string, OwedItem[]>();
  // The half-year's departments: after a move (부서 이관) the lead of that half-year owes its card.
  const catalog = catalogAt(input.catalog, period.id);
  for (const d of listDepartments(catalog)) due.set(d, []);
  const owe = (department: string, item: OwedItem) => {
    const list = due.get(department);
    if (list === undefined) due.set(department, [item]);
    else list.push(item);
  };
  // A lead writes the card and its finance row once the office has confirmed the plan: until then they are owed
  // still, marked with what they wait for, so that the reminder asks for the plan (or the office confirms it).
  const receivedPlans = new Set(input.receivedPlanProjects ?? []);
  const planWaitOf = (projectId: string): PlanWait | null =>
    ctx.planByProject.has(projectId) ? null : receivedPlans.has(projectId) ? 'notConfirmed' : 'notReceived';
  for (const project of ctx.projects) {
    const planWait = planWaitOf(project.id);
    owe(project.leadDepartment, { kind: 'managementCard', projectId: project.id, role: 'lead', planWait });
    owe(project.leadDepartment, { kind: 'financeRow', projectId: project.id, role: 'lead', planWait });
    for (const co of project.coDepartments) {
      if (co !== project.leadDepartment)
        owe(co, { kind: 'financeRow', projectId: project.id, role: 'co', planWait: null });
    }
  }

  // What arrived, per department.
  const recordsByDept = new Map<string, SubmissionRecord[]>();
  for (const record of input.submissions) {
    if (record.periodId !== period.id) continue;
    const list = recordsByDept.get(record.department);
    if (list === undefined) recordsByDept.set(record.department, [record]);
    else list.push(record);
    if (!due.has(record.department)) {
      ctx.warnings.push(`공약 목록에 없는 부서의 제출을 기록만 합니다: ${record.department}`);
      due.set(record.department, []);
    }
  }

  // A department's row is kept between reports while its bundles, what it owes (the catalog), the due date and
  // today (overdue) are the same.
  const kept = memoTable(ctx.memo, `submissions|${period.id}`);
  const excludedByDept = new Map<string, Set<string>>();
  for (const key of input.excludedCards ?? []) {
    const at = key.indexOf('|');
    const department = key.slice(at + 1);
    const projects = excludedByDept.get(department) ?? new Set<string>();
    projects.add(key.slice(0, at));
    excludedByDept.set(department, projects);
  }
  const departments: DepartmentSubmission[] = [];
  for (const [department, items] of due) {
    const records = recordsByDept.get(department) ?? [];
    const excluded = excludedByDept.get(department) ?? NONE_EXCLUDED;
    const waits = items
      .filter((i) => i.planWait !== null && i.kind === 'managementCard')
      .map((i) => `${i.projectId}:${i.planWait}`)
      .join(',');
    const deps: unknown[] = [catalog.projects, dueDate, offset, input.options.today, waits, ...excluded, '|'];
    for (const r of records)
      deps.push(
        r.bundleSha256,
        r.signature,
        r.quarantineReason,
        r.receivedAt,
        r.importedAt,
        r.createdAt,
        r.revision,
        r.documents,
      );
    departments.push(
      memoized(kept, department, deps, () =>
        departmentSubmission(department, items, records, excluded, dueDate, offset, input.options.today),
      ),
    );
  }
  departments.sort((a, b) => compareKo(a.department, b.department));
  return {
    periodId: period.id,
    dueDate,
    dueDateMovedBecause: period.dueDateMovedBecause,
    beforeDue: isBeforeDue(input.options.today, dueDate),
    daysLeft: daysUntil(input.options.today, dueDate),
    departments,
    summary: {
      departments: departments.length,
      complete: departments.filter((d) => d.state === 'complete').length,
      partial: departments.filter((d) => d.state === 'partial').length,
      none: departments.filter((d) => d.state === 'none').length,
      late: departments.filter((d) => d.lateCount > 0).length,
      quarantinedBundles: departments.reduce(
        (n, d) => n + d.bundles.filter((b) => b.signature === 'quarantined').length,
        0,
      ),
    },
  };
}

type OwedItem = {
  kind: DueItem['kind'];
  projectId: string;
  role: DueItem['role'];
  planWait: PlanWait | null;
};

const NONE_EXCLUDED: ReadonlySet<string> = new Set();

/**
 * The due date has not passed on `today` (office-local dates): a document received on the due date is on time, so
 * on that day nothing is late yet either.
 */
export const isBeforeDue = (today: string, dueDate: string): boolean => today <= dueDate;

/** One department's row: what it owes, what arrived (the earliest valid bundle per document) and when. */
function departmentSubmission(
  department: string,
  items: readonly OwedItem[],
  records: readonly SubmissionRecord[],
  /** Projects whose card from this department the office excluded. */
  excludedCards: ReadonlySet<string>,
  dueDate: string,
  offset: number,
  today: string,
): DepartmentSubmission {
  // By instant, not by text: "…T16:00Z" is later than "…T23:30+09:00".
  const bundles = records
    .map((record) => ({
      record,
      date: localDateOf(record.receivedAt, offset),
      at: instantOf(record.receivedAt, offset),
    }))
    .sort((a, b) => a.at - b.at);
  const firstArrival = new Map<string, { record: SubmissionRecord; date: string }>();
  for (const b of bundles) {
    if (b.record.signature !== 'valid') continue;
    for (const doc of b.record.documents) {
      const key = itemKey(doc.kind, doc.projectId);
      if (!firstArrival.has(key)) firstArrival.set(key, b);
    }
  }
  const dueItems: DueItem[] = items.map((item) => {
    // An excluded card is owed again: it counts as not received (nor late), marked as excluded.
    const excluded = item.kind === 'managementCard' && excludedCards.has(item.projectId);
    const arrival = excluded ? undefined : firstArrival.get(itemKey(item.kind, item.projectId));
    return {
      kind: item.kind,
      projectId: item.projectId,
      role: item.role,
      planWait: item.planWait,
      received: arrival !== undefined,
      receivedAt: arrival?.record.receivedAt ?? null,
      bundleSha256: arrival?.record.bundleSha256 ?? null,
      onTime: arrival === undefined ? null : arrival.date <= dueDate,
      excluded,
    };
  });
  const receivedCount = dueItems.filter((i) => i.received).length;
  const missing = dueItems
    .filter((i) => !i.received)
    .map((i) => ({ kind: i.kind, projectId: i.projectId, excluded: i.excluded, planWait: i.planWait }));
  const lateCount = dueItems.filter((i) => i.onTime === false).length;
  const beforeDue = isBeforeDue(today, dueDate);
  return {
    department,
    dueCount: dueItems.length,
    receivedCount,
    lateCount,
    missing,
    items: dueItems,
    bundles: bundles.map(({ record, date }) => ({
      bundleSha256: record.bundleSha256,
      receivedAt: record.receivedAt,
      receivedDate: date,
      ...(record.importedAt === undefined ? {} : { importedAt: record.importedAt }),
      createdAt: record.createdAt,
      revision: record.revision,
      signature: record.signature,
      ...(record.quarantineReason === undefined ? {} : { quarantineReason: record.quarantineReason }),
      onTime: date <= dueDate,
      documentCount: record.documents.length,
    })),
    state: missing.length === 0 ? 'complete' : receivedCount === 0 ? 'none' : 'partial',
    overdue: missing.length > 0 && !beforeDue,
    timeliness: lateCount > 0 ? 'late' : receivedCount > 0 ? 'onTime' : beforeDue ? 'notYetDue' : 'none',
    hasQuarantined: bundles.some((b) => b.record.signature === 'quarantined'),
  };
}
