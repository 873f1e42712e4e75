import type { CatalogProject } from '../catalog/types';
import { leadCardOf, type ReportContext } from './context';
import { memoized, memoTable } from './report-memo';
import { securedUnreported } from './labels';
import { reportStatusLabel } from './status-tables';
import { isBeforeDue } from './submissions';
import type { ConsolidatedFinanceRow, ProjectOverview, ReportStatus } from './types';

/** Per project: status, the latest results per unit project (up to the half-year), and the 붙임5 figures. */
export function buildProjectOverviews(
  ctx: ReportContext,
  statuses: Map<string, ReportStatus>,
  rows: Map<string, ConsolidatedFinanceRow>,
): ProjectOverview[] {
  const kept = memoTable(ctx.memo, `overview|${ctx.period.id}`);
  // 미제출 reads 미접수 (기한 전) until the due date.
  const beforeDue = isBeforeDue(ctx.input.options.today, ctx.period.dueDate);
  return ctx.projects.map((project) => {
    const status = statuses.get(project.id) ?? 'notSubmitted';
    const card = leadCardOf(ctx, project);
    const row = rows.get(project.id);
    return memoized(kept, project.id, [ctx.projectKeys.get(project.id), status, card, row, beforeDue], () =>
      overviewOf(ctx, project, status, card, row, beforeDue),
    );
  });
}

function overviewOf(
  ctx: ReportContext,
  project: CatalogProject,
  status: ReportStatus,
  card: ReturnType<typeof leadCardOf>,
  row: ConsolidatedFinanceRow | undefined,
  beforeDue: boolean,
): ProjectOverview {
  const periodId = ctx.period.id;
  const pledge = ctx.corePledgeById.get(project.corePledgeId);
  const areaId = pledge?.areaId ?? Number(project.id.split('-')[0]);
  const results: ProjectOverview['results'] = [];
  for (const unit of card?.unitProjects ?? []) {
    // The latest half-year up to this one with a result.
    let latestKey: string | null = null;
    let latestText = '';
    const texts = unit.results;
    for (const key in texts) {
      if (key > periodId || (latestKey !== null && key <= latestKey)) continue;
      const trimmed = (texts[key] as string).trim();
      if (trimmed === '') continue;
      latestKey = key;
      latestText = trimmed;
    }
    if (latestKey !== null) results.push({ unitName: unit.name, periodId: latestKey, text: latestText });
  }
  return {
    projectId: project.id,
    projectName: project.name,
    areaId,
    areaName: ctx.areaById.get(areaId)?.name ?? String(areaId),
    corePledgeId: project.corePledgeId,
    corePledgeName: pledge?.name ?? '',
    leadDepartment: project.leadDepartment,
    coDepartments: [...project.coDepartments],
    status,
    statusLabel: reportStatusLabel(status, beforeDue),
    results,
    budget:
      row === undefined
        ? null
        : {
            plannedTotal: row.plannedTotal.current,
            secured: securedUnreported(row) ? null : row.secured.total,
            termPlan: row.termPlan.total,
            executed: row.termExecuted.total,
          },
  };
}
