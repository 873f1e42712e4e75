import { assignmentAt } from '../catalog/assignments';
import {
  CARD_STATUS_ORDER,
  directTotals,
  type DocumentTotals,
  type FinanceTableRow,
  type ManagementCard,
  subtractAmounts,
  toMilli,
} from '../documents';
import type { CatalogProject } from '../catalog/types';
import { listPeriods } from '../term/periods';
import { leadCardOf, previousLeadCardOf, type ReportContext, statusOfCard } from './context';
import { currentDocuments, halfYearFinanceRow, type HalfYearDocuments } from './finance-table';
import { memoized, memoTable } from './report-memo';
import type { ComparisonChange, ComparisonReport, ProjectComparison, ReportStatus } from './types';

/** The card header's 집행액: executed amounts of the half-years up to the card's own. */
export function cardExecuted(
  card: ManagementCard,
  periods: readonly string[],
  totals: DocumentTotals = directTotals([], periods),
): number {
  return totals.executedOf(card).total;
}

/** 계획 총계 (현재계획): the card's investment needs, in and after the term. */
export function cardPlannedTotal(
  card: ManagementCard,
  budgetYears: readonly string[],
  totals: DocumentTotals = directTotals(budgetYears, []),
): number {
  return totals.investmentOf(card).total;
}

function trend(before: ReportStatus, after: ReportStatus): -1 | 0 | 1 | null {
  if (before === 'notSubmitted' || after === 'notSubmitted') return null;
  const d = CARD_STATUS_ORDER[after] - CARD_STATUS_ORDER[before];
  return d < 0 ? -1 : d > 0 ? 1 : 0;
}

/** New or changed unit results, by "unitId:periodId" (sorted), with the names the forms give them. */
function changedResults(
  before: ManagementCard | null,
  after: ManagementCard,
  periodLabels: ReadonlyMap<string, string>,
): { ids: string[]; labels: string[] } {
  const ids: string[] = [];
  const labels: string[] = [];
  let sorted = true;
  for (const unit of after.unitProjects) {
    const texts = unit.results;
    // The earlier card's unit of that id (the last one, should a card list an id twice); units are few.
    const previous = before?.unitProjects.findLast((u) => u.id === unit.id)?.results;
    // for…in over a parsed document's own keys (no pairs built for each of thousands of units).
    for (const key in texts) {
      const text = texts[key] as string;
      if (text.trim() === '') continue;
      if ((previous?.[key] ?? '').trim() === text.trim()) continue;
      const id = `${unit.id}:${key}`;
      if (sorted && ids.length > 0 && (ids[ids.length - 1] as string) > id) sorted = false;
      ids.push(id);
      labels.push(`${unit.name} · ${periodLabels.get(key) ?? key}`);
    }
  }
  if (sorted) return { ids, labels };
  // Rarely needed (units listed out of order): sort both lists by id.
  const order = ids
    .map((_, i) => i)
    .sort((a, b) => {
      const x = ids[a] as string;
      const y = ids[b] as string;
      return x < y ? -1 : x > y ? 1 : 0;
    });
  return { ids: order.map((i) => ids[i] as string), labels: order.map((i) => labels[i] as string) };
}

/**
 * Two half-years side by side per project (the lead department's cards): status, 집행액 and 현재계획 as each
 * half-year's 붙임5 row gives them (a shared project's co-departments' 집행 included), new results. `rowsByProject`:
 * this half-year's 붙임5 rows (buildFinanceReport), read rather than derived again.
 */
export function buildComparison(
  ctx: ReportContext,
  rowsByProject?: ReadonlyMap<string, FinanceTableRow>,
): ComparisonReport {
  const projects: ProjectComparison[] = [];
  const kept = memoTable(ctx.memo, `comparison|${ctx.previousPeriodId ?? ''}|${ctx.period.id}`);
  const periodLabels = new Map(listPeriods(ctx.input.term).map((p) => [p.id, p.label]));
  for (const project of ctx.projects) {
    const before = previousLeadCardOf(ctx, project);
    const after = leadCardOf(ctx, project);
    if (before === null && after === null) continue;
    const beforeDocs = previousDocuments(ctx, project);
    const afterDocs = currentDocuments(ctx, project);
    const compute = () =>
      compareProject(ctx, project, before, after, periodLabels, {
        before: before === null ? null : halfYearFinanceRow(ctx, project, beforeDocs),
        after:
          after === null
            ? null
            : (rowsByProject?.get(project.id) ?? halfYearFinanceRow(ctx, project, afterDocs)),
      });
    projects.push(
      kept === undefined
        ? compute()
        : memoized(
            kept,
            project.id,
            comparisonDeps(ctx, project, before, after, beforeDocs, afterDocs),
            compute,
          ),
    );
  }
  return {
    fromPeriodId: ctx.previousPeriodId,
    toPeriodId: ctx.period.id,
    projects,
    summary: {
      improved: projects.filter((p) => p.statusTrend === -1).length,
      worsened: projects.filter((p) => p.statusTrend === 1).length,
      unchanged: projects.filter((p) => p.changes.length === 0).length,
      statusChanged: projects.filter((p) => p.changes.includes('status')).length,
      changed: projects.filter((p) => p.changes.length > 0).length,
    },
    completionUndecided: [...(ctx.input.completionUndecided ?? [])].sort(),
  };
}

/** Everything a project's comparison is computed from: both lead cards, and both half-years' 붙임5 documents. */
function comparisonDeps(
  ctx: ReportContext,
  project: CatalogProject,
  before: ManagementCard | null,
  after: ManagementCard | null,
  beforeDocs: HalfYearDocuments,
  afterDocs: HalfYearDocuments,
): unknown[] {
  const deps: unknown[] = [
    ctx.termKey,
    ctx.projectKeys.get(project.id),
    before,
    after,
    ctx.planByProject.get(project.id),
    beforeDocs.assignment.leadDepartment,
    ...beforeDocs.assignment.coDepartments,
  ];
  // Which department sent which document matters, not only the documents: the keys go in too.
  for (const docs of [beforeDocs.cards, beforeDocs.finance, afterDocs.cards, afterDocs.finance]) {
    deps.push('|');
    for (const [department, doc] of docs) deps.push(department, doc);
  }
  return deps;
}

/** The compared half-year's documents of a project, with its departments of then (부서 이관). */
function previousDocuments(ctx: ReportContext, project: CatalogProject): HalfYearDocuments {
  return {
    assignment: ctx.previousPeriodId === null ? project : assignmentAt(project, ctx.previousPeriodId),
    cards: ctx.previousCardsByProject.get(project.id) ?? new Map(),
    finance: ctx.previousFinanceByProject.get(project.id) ?? new Map(),
  };
}

/**
 * One project's two half-years side by side. `rows`: each half-year's 붙임5 row of the project (null without the
 * lead's card of that half-year), whose 임기내 집행 총계 and 현재계획 the comparison shows.
 */
function compareProject(
  ctx: ReportContext,
  project: CatalogProject,
  before: ManagementCard | null,
  after: ManagementCard | null,
  periodLabels: ReadonlyMap<string, string>,
  rows: { before: FinanceTableRow | null; after: FinanceTableRow | null },
): ProjectComparison {
  const statusBefore = statusOfCard(before);
  const statusAfter = statusOfCard(after);
  const executedBefore = rows.before?.termExecuted.total ?? null;
  const executedAfter = rows.after?.termExecuted.total ?? null;
  const plannedBefore = rows.before?.plannedTotal.current ?? null;
  const plannedAfter = rows.after?.plannedTotal.current ?? null;
  const results = after === null ? { ids: [], labels: [] } : changedResults(before, after, periodLabels);
  const changes: ComparisonChange[] = [];
  if (before === null) changes.push('newCard');
  if (after === null) changes.push('cardMissing');
  if (statusBefore !== statusAfter) changes.push('status');
  if (before !== null && after !== null) {
    if (toMilli(executedBefore) !== toMilli(executedAfter)) changes.push('executed');
    if (toMilli(plannedBefore) !== toMilli(plannedAfter)) changes.push('plannedTotal');
  }
  if (results.ids.length > 0) changes.push('results');
  return {
    projectId: project.id,
    projectName: project.name,
    leadDepartment: project.leadDepartment,
    statusBefore,
    statusAfter,
    statusTrend: trend(statusBefore, statusAfter),
    executedBefore,
    executedAfter,
    executedDelta:
      executedBefore === null || executedAfter === null
        ? null
        : subtractAmounts(executedAfter, executedBefore),
    plannedBefore,
    plannedAfter,
    resultsChanged: results.ids,
    resultsChangedLabels: results.labels,
    changes,
  };
}
