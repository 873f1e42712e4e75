import type { CatalogProject } from '../catalog/types';
import {
  asksCompletion,
  changedAmounts,
  correctedPastExecuted,
  correctedPastRowExecuted,
  deriveFinanceRow,
  emptyExecutionPlan,
  type ExecutionPlan,
  type FinanceRow,
  type FinanceTableRow,
  fromMilli,
  FUNDING_SOURCES,
  type FundingSource,
  type ManagementCard,
  mergeShared,
  toMilli,
} from '../documents';
import { areaIdOf, compareKo, priorLeadCardOf, type ReportContext } from './context';
import { memoized, memoTable } from './report-memo';
import type { ConsolidatedFinanceRow, FinanceAmounts, FinanceReport } from './types';

/**
 * The consolidated 붙임5 재정집행 현황: one row per project with a confirmed plan, each department's own 확보 and
 * 집행 summed (lead first), subtotals per area and a grand total, and the amounts changed since first reported.
 */

/**
 * Sum of 붙임5 amounts arranged by `budgetYears`, exact on integer 천원. Years missing from a row count as 0. One
 * pass over the rows.
 */
export function sumFinanceAmounts(
  items: readonly FinanceAmounts[],
  budgetYears: readonly string[],
): FinanceAmounts {
  let initial = 0;
  let current = 0;
  let securedTotal = 0;
  const securedBySource = FUNDING_SOURCES.map(() => 0);
  let termPlan = 0;
  let termExecuted = 0;
  const planByYear = budgetYears.map(() => 0);
  const executedByYear = budgetYears.map(() => 0);
  for (const a of items) {
    initial += toMilli(a.plannedTotal.initial);
    current += toMilli(a.plannedTotal.current);
    securedTotal += toMilli(a.secured.total);
    for (let i = 0; i < FUNDING_SOURCES.length; i++)
      securedBySource[i] =
        (securedBySource[i] as number) + toMilli(a.secured[FUNDING_SOURCES[i] as FundingSource]);
    termPlan += toMilli(a.termPlan.total);
    termExecuted += toMilli(a.termExecuted.total);
    const plan = a.termPlan.byYear;
    const executed = a.termExecuted.byYear;
    for (let i = 0; i < budgetYears.length; i++) {
      planByYear[i] = (planByYear[i] as number) + toMilli(plan[i]);
      executedByYear[i] = (executedByYear[i] as number) + toMilli(executed[i]);
    }
  }
  const secured = { total: fromMilli(securedTotal) } as FinanceAmounts['secured'];
  FUNDING_SOURCES.forEach((source, i) => {
    secured[source] = fromMilli(securedBySource[i] as number);
  });
  return {
    plannedTotal: { initial: fromMilli(initial), current: fromMilli(current) },
    secured,
    termPlan: { total: fromMilli(termPlan), byYear: planByYear.map(fromMilli) },
    termExecuted: { total: fromMilli(termExecuted), byYear: executedByYear.map(fromMilli) },
  };
}

/** Departments of a project in the order mergeShared needs: lead, the catalog's co-departments, then others. */
export function departmentOrder(
  project: { leadDepartment: string; coDepartments: readonly string[] },
  present: Iterable<string>,
): string[] {
  const ordered = [project.leadDepartment];
  for (const d of project.coDepartments) if (!ordered.includes(d)) ordered.push(d);
  const others: string[] = [];
  for (const d of present) if (!ordered.includes(d) && !others.includes(d)) others.push(d);
  if (others.length > 1) others.sort(compareKo);
  return others.length === 0 ? ordered : [...ordered, ...others];
}

/** Appends the paths `into` does not hold yet. */
function addMissing(into: string[], paths: readonly string[]): void {
  for (const path of paths) if (!into.includes(path)) into.push(path);
}

/** What one half-year's 붙임5 row of a project is derived from: that half-year's departments and their documents. */
export interface HalfYearDocuments {
  /** The project's lead and co-departments in that half-year (after a move, 부서 이관, the lead of then). */
  assignment: { leadDepartment: string; coDepartments: readonly string[] };
  /** Department → card of the half-year. */
  cards: ReadonlyMap<string, ManagementCard>;
  /** Department → finance row (확보내역, a co-department's 집행) of the half-year. */
  finance: ReadonlyMap<string, FinanceRow>;
}

const NO_CARDS: ReadonlyMap<string, ManagementCard> = new Map();
const NO_ROWS: ReadonlyMap<string, FinanceRow> = new Map();

/** This half-year's documents of a project (what its 붙임5 row is derived from). */
export function currentDocuments(ctx: ReportContext, project: CatalogProject): HalfYearDocuments {
  return {
    assignment: project,
    cards: ctx.cardsByProject.get(project.id) ?? NO_CARDS,
    finance: ctx.financeByProject.get(project.id) ?? NO_ROWS,
  };
}

/**
 * Each department's own row of a project for one half-year, lead first (departmentOrder): the lead's from its card
 * and finance row, a co-department's 확보 and 집행 from its finance row (from its card only for a row written before
 * rows held 집행). The lead always has a row (its plan figures head the merge); a co-department only once it
 * reported. Each row's `departments` is its one department.
 */
function departmentRows(
  ctx: ReportContext,
  plan: ExecutionPlan,
  initialPlan: ExecutionPlan | undefined,
  docs: HalfYearDocuments,
): FinanceTableRow[] {
  const lead = docs.assignment.leadDepartment;
  const rows: FinanceTableRow[] = [];
  for (const department of departmentOrder(docs.assignment, [...docs.cards.keys(), ...docs.finance.keys()])) {
    const isLead = department === lead;
    const card = docs.cards.get(department) ?? null;
    const secured = docs.finance.get(department) ?? null;
    if (!isLead && card === null && secured === null) continue;
    const row = deriveFinanceRow({
      plan,
      initialPlan,
      // A co-department's plan figures are ignored by mergeShared; it contributes only its own 확보 and 집행 (from
      // its finance row; from a card the office took in only for a row written before rows held 집행).
      card,
      secured,
      budgetYears: ctx.budgetYearKeys,
      periods: ctx.periods,
      totals: ctx.totals,
      coDepartment: !isLead,
    });
    row.departments = [department];
    rows.push(row);
  }
  return rows;
}

/**
 * The departments' rows as one (lead first): one department (most projects) is its freshly derived row, only its
 * 비고 trimmed as mergeShared trims it; the row is the caller's own, so it is completed in place rather than copied.
 */
function mergeDepartmentRows(rows: FinanceTableRow[]): FinanceTableRow {
  const only = rows.length === 1 ? rows[0] : undefined;
  return only !== undefined ? Object.assign(only, { note: only.note.trim() }) : mergeShared(rows);
}

/**
 * A project's 붙임5 row (its amounts, departments and 이행도) for the half-year of `docs`, as consolidatedRowOf
 * derives this half-year's: the comparison (반기 비교) reads the compared half-year's 집행 and 현재계획 from it, so
 * that they are what that half-year's 붙임5 showed (a shared project's co-departments included). Without a
 * confirmed plan (no 붙임5 row) an empty plan stands in: only the plan's own figures (초기계획; 현재계획 without a
 * lead card) come from it.
 */
export function halfYearFinanceRow(
  ctx: ReportContext,
  project: CatalogProject,
  docs: HalfYearDocuments,
): FinanceTableRow {
  const plan =
    ctx.planByProject.get(project.id) ??
    emptyExecutionPlan(project.id, docs.assignment.leadDepartment, project.name);
  return mergeDepartmentRows(departmentRows(ctx, plan, ctx.initialPlanByProject.get(project.id), docs));
}

/** The merged 붙임5 row of one project, or null without a confirmed plan. */
export function consolidatedRowOf(
  ctx: ReportContext,
  project: CatalogProject,
): ConsolidatedFinanceRow | null {
  const plan = ctx.planByProject.get(project.id);
  if (plan === undefined) return null;
  const docs = currentDocuments(ctx, project);
  const perDepartment = departmentRows(ctx, plan, ctx.initialPlanByProject.get(project.id), docs);
  // A past year's 집행 a co-department changed since the half-year before: red (the lead's is compared below).
  const corrected: string[] = [];
  // Departments of the row whose 재정집행현황 has not arrived: their 확보 count as 0.
  const securedNotReceived: string[] = [];
  const priorRows = ctx.priorFinanceByProject.get(project.id);
  for (const row of perDepartment) {
    const department = row.departments[0] as string;
    const secured = docs.finance.get(department);
    if (secured === undefined) {
      securedNotReceived.push(department);
      continue;
    }
    const prior = department === project.leadDepartment ? undefined : priorRows?.get(department);
    if (prior !== undefined) corrected.push(...correctedPastRowExecuted(secured, prior, ctx.budgetYearKeys));
  }
  const leadCard = docs.cards.get(project.leadDepartment) ?? null;
  const merged = mergeDepartmentRows(perDepartment);
  const first = ctx.firstReportedByProject.get(project.id);
  const pledge = ctx.corePledgeById.get(project.corePledgeId);
  const changed = first === undefined ? [] : changedAmounts(first, merged, ctx.budgetYearKeys);
  // A past half-year's 집행 the lead's card changed since the half-year before: also red.
  const prior = priorLeadCardOf(ctx, project);
  if (leadCard !== null && prior !== undefined)
    addMissing(changed, correctedPastExecuted(leadCard, prior, ctx.totals));
  addMissing(changed, corrected);
  return Object.assign(merged, {
    areaId: pledge?.areaId ?? areaIdOf(ctx, project),
    corePledgeId: project.corePledgeId,
    leadDepartment: project.leadDepartment,
    changedFields: changed,
    hasFirstReport: first !== undefined || ctx.input.firstReportedSameAsCurrent?.has(project.id) === true,
    securedNotReceived,
  });
}

/** Everything a project's consolidated row is computed from (see consolidatedRowOf). */
function financeDeps(ctx: ReportContext, project: CatalogProject): unknown[] {
  const deps: unknown[] = [
    ctx.termKey,
    ctx.projectKeys.get(project.id),
    ctx.planByProject.get(project.id),
    ctx.initialPlanByProject.get(project.id),
    ctx.firstReportedByProject.get(project.id),
    ctx.input.firstReportedSameAsCurrent?.has(project.id) === true,
    priorLeadCardOf(ctx, project),
  ];
  // Which department sent which document matters, not only the documents: the keys go in too.
  for (const [department, card] of ctx.cardsByProject.get(project.id) ?? []) deps.push(department, card);
  deps.push('|');
  for (const [department, row] of ctx.financeByProject.get(project.id) ?? []) deps.push(department, row);
  deps.push('|');
  for (const [department, row] of ctx.priorFinanceByProject.get(project.id) ?? []) deps.push(department, row);
  return deps;
}

export function buildFinanceReport(ctx: ReportContext): {
  report: FinanceReport;
  rowsByProject: Map<string, ConsolidatedFinanceRow>;
} {
  const rowsByArea = new Map<number, ConsolidatedFinanceRow[]>(ctx.areas.map((a) => [a.id, []]));
  const rowsByProject = new Map<string, ConsolidatedFinanceRow>();
  const kept = memoTable(ctx.memo, `finance|${ctx.period.id}`);
  for (const project of ctx.projects) {
    const row =
      kept === undefined
        ? consolidatedRowOf(ctx, project)
        : memoized(kept, project.id, financeDeps(ctx, project), () => consolidatedRowOf(ctx, project));
    if (row === null) continue;
    rowsByProject.set(project.id, row);
    const list = rowsByArea.get(row.areaId);
    if (list === undefined) rowsByArea.set(row.areaId, [row]);
    else list.push(row);
  }
  const areas = [...rowsByArea].map(([areaId, rows]) => ({
    areaId,
    areaName: ctx.areaById.get(areaId)?.name ?? String(areaId),
    rows,
    // Kept while the area's rows are the same (kept) rows in the same order: one changed project sums its area.
    subtotal: memoized(kept, `#subtotal:${areaId}`, [ctx.termKey, ...rows], () =>
      sumFinanceAmounts(rows, ctx.budgetYearKeys),
    ),
  }));
  return {
    report: {
      budgetYears: ctx.budgetYears.map((y) => ({ key: y.key, label: y.label })),
      areas,
      grandTotal: sumFinanceAmounts(
        areas.map((a) => a.subtotal),
        ctx.budgetYearKeys,
      ),
      rowCount: rowsByProject.size,
      completionUndecided: [...(ctx.input.completionUndecided ?? [])]
        .filter((id) => asksCompletion(rowsByProject.get(id)?.status))
        .sort(),
      withoutConfirmedPlan: ctx.projects
        .filter(
          (p) =>
            !ctx.planByProject.has(p.id) && (ctx.cardsByProject.has(p.id) || ctx.financeByProject.has(p.id)),
        )
        .map((p) => p.id),
    },
    rowsByProject,
  };
}
