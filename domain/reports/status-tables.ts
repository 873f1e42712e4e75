import { asksCompletion, CARD_STATUS_LABELS, CARD_STATUSES } from '../documents';
import { areaIdOf, areaLabel, compareKo, leadCardOf, type ReportContext, statusOfCard } from './context';
import { isBeforeDue } from './submissions';
import type { ReportStatus, StatusChartData, StatusTableRow, StatusTables } from './types';

/** The columns of the status tables: the card's six statuses in form order, then 미제출. */
export const REPORT_STATUSES: readonly ReportStatus[] = [...CARD_STATUSES, 'notSubmitted'];
export const REPORT_STATUS_LABELS: Record<ReportStatus, string> = {
  ...CARD_STATUS_LABELS,
  notSubmitted: '미제출',
};

/**
 * The 미제출 column's heading: before the half-year's due date (StatusTables.beforeDue) a project without a card is
 * not late, only not received yet.
 */
export const NOT_YET_DUE_LABEL = '미접수 (기한 전)';
export const notSubmittedLabel = (beforeDue: boolean): string =>
  beforeDue ? NOT_YET_DUE_LABEL : REPORT_STATUS_LABELS.notSubmitted;
/** A status in words as the tables head it (미제출 → 미접수 (기한 전) before the due date). */
export const reportStatusLabel = (status: ReportStatus, beforeDue: boolean): string =>
  status === 'notSubmitted' ? notSubmittedLabel(beforeDue) : REPORT_STATUS_LABELS[status];

export const COMPLETION_RATE_DEFINITION =
  '완료율 = (완료 + 이행 후 계속 추진) ÷ 공약 목록의 세부사업 수 (미제출 포함). 사업은 주관부서에 계상합니다.';

function emptyCounts(): Record<ReportStatus, number> {
  return Object.fromEntries(REPORT_STATUSES.map((s) => [s, 0])) as Record<ReportStatus, number>;
}

/** (완료 + 이행 후 계속 추진) / total; null for an empty group. */
export function completionRate(counts: Record<ReportStatus, number>, total: number): number | null {
  return total === 0 ? null : (counts.completed + counts.continuing) / total;
}

interface TallyRow {
  label: string;
  counts: Record<ReportStatus, number>;
  total: number;
  completedUndecided: number;
  continuingUndecided: number;
}

class Tally {
  private readonly rows = new Map<string, TallyRow>();

  declare(key: string, label: string): void {
    if (!this.rows.has(key))
      this.rows.set(key, {
        label,
        counts: emptyCounts(),
        total: 0,
        completedUndecided: 0,
        continuingUndecided: 0,
      });
  }

  /** `undecided`: the project's 완료 or 이행 후 계속 추진 (its status) awaits the office's decision. */
  add(key: string, label: string, status: ReportStatus, undecided: boolean): void {
    this.declare(key, label);
    const row = this.rows.get(key);
    if (row === undefined) return;
    row.counts[status] += 1;
    row.total += 1;
    if (undecided && status === 'completed') row.completedUndecided += 1;
    if (undecided && status === 'continuing') row.continuingUndecided += 1;
  }

  list(): StatusTableRow[] {
    return [...this.rows].map(([key, r]) => ({
      key,
      label: r.label,
      counts: r.counts,
      total: r.total,
      completionRate: completionRate(r.counts, r.total),
      completedUndecided: r.completedUndecided,
      continuingUndecided: r.continuingUndecided,
    }));
  }
}

/** Status of every catalog project, by the lead department's card of the half-year. */
export function projectStatuses(ctx: ReportContext): Map<string, ReportStatus> {
  return new Map(ctx.projects.map((p) => [p.id, statusOfCard(leadCardOf(ctx, p))]));
}

export function buildStatusTables(ctx: ReportContext, statuses: Map<string, ReportStatus>): StatusTables {
  const byArea = new Tally();
  const byPledge = new Tally();
  const byDept = new Tally();
  const total = new Tally();
  // Every area and core pledge appears, even with no project, in catalog order.
  for (const area of ctx.areas) byArea.declare(String(area.id), areaLabel(area));
  for (const pledge of ctx.input.catalog.corePledges)
    byPledge.declare(pledge.id, `${pledge.id} ${pledge.name}`);
  const departments = [...new Set(ctx.projects.map((p) => p.leadDepartment))].sort(compareKo);
  for (const d of departments) byDept.declare(d, d);
  total.declare('total', '합계');
  const waiting = ctx.input.completionUndecided;
  for (const project of ctx.projects) {
    const status = statuses.get(project.id) ?? 'notSubmitted';
    const undecided = asksCompletion(status) && waiting !== undefined && waiting.has(project.id);
    const areaId = areaIdOf(ctx, project);
    const area = ctx.areaById.get(areaId);
    byArea.add(String(areaId), area === undefined ? String(areaId) : areaLabel(area), status, undecided);
    const pledge = ctx.corePledgeById.get(project.corePledgeId);
    byPledge.add(
      project.corePledgeId,
      `${project.corePledgeId} ${pledge?.name ?? ''}`.trim(),
      status,
      undecided,
    );
    byDept.add(project.leadDepartment, project.leadDepartment, status, undecided);
    total.add('total', '합계', status, undecided);
  }
  const [totalRow] = total.list();
  if (totalRow === undefined) throw new Error('합계 행을 만들 수 없습니다.');
  return {
    beforeDue: isBeforeDue(ctx.input.options.today, ctx.period.dueDate),
    byArea: byArea.list(),
    byCorePledge: byPledge.list(),
    byDepartment: byDept.list(),
    total: totalRow,
  };
}

/** Status counts by area, for a stacked bar chart (the renderer draws it). */
export function buildStatusChart(tables: StatusTables): StatusChartData {
  return {
    title: '분야별 추진상황',
    categories: tables.byArea.map((r) => r.label),
    series: REPORT_STATUSES.map((status) => ({
      status,
      label: reportStatusLabel(status, tables.beforeDue),
      values: tables.byArea.map((r) => r.counts[status]),
    })),
  };
}
