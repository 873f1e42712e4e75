import { catalogAt, leadAt } from '../catalog/assignments';
import type { Area, CatalogProject, CorePledge } from '../catalog/types';
import type {
  DocumentTotals,
  ExecutionPlan,
  FinanceRow,
  FinanceTableRow,
  ManagementCard,
} from '../documents';
import {
  type BudgetYearColumn,
  findPeriod,
  listBudgetYears,
  listPeriods,
  type Period,
} from '../term/periods';
import { josa } from '../text/josa';
import type { ReportMemo } from './report-memo';
import { reportTotals } from './totals-cache';
import type { ReportInput, ReportStatus } from './types';

/**
 * The input indexed once by project (and department), so every table is a linear pass over the catalog: the
 * report stays fast for thousands of projects.
 */
export interface ReportContext {
  input: ReportInput;
  period: Period;
  /** The term's half-year ids in order. */
  periods: string[];
  budgetYears: BudgetYearColumn[];
  budgetYearKeys: string[];
  areas: Area[];
  areaById: Map<number, Area>;
  corePledgeById: Map<string, CorePledge>;
  /** Catalog order. */
  projects: CatalogProject[];
  projectById: Map<string, CatalogProject>;
  planByProject: Map<string, ExecutionPlan>;
  /** The first confirmed version of each project's plan (초기계획), where the input gives one. */
  initialPlanByProject: ReadonlyMap<string, ExecutionPlan>;
  /** projectId → department → card of the half-year. */
  cardsByProject: Map<string, Map<string, ManagementCard>>;
  financeByProject: Map<string, Map<string, FinanceRow>>;
  firstReportedByProject: Map<string, FinanceTableRow>;
  previousPeriodId: string | null;
  /** The half-year just before this one (null for the term's first). */
  priorPeriodId: string | null;
  previousCardsByProject: Map<string, Map<string, ManagementCard>>;
  /** projectId → department → card of the half-year just before this one (see ReportInput.priorCards). */
  priorCardsByProject: Map<string, Map<string, ManagementCard>>;
  /** projectId → its lead's last card before the half-year just before (see ReportInput.earlierCards). */
  earlierCardByProject: Map<string, ManagementCard>;
  /** projectId → co-department → finance row of the half-year just before (see ReportInput.priorFinanceRows). */
  priorFinanceByProject: Map<string, Map<string, FinanceRow>>;
  /** projectId → department → finance row of the compared half-year (see ReportInput.previousFinanceRows). */
  previousFinanceByProject: Map<string, Map<string, FinanceRow>>;
  /** Each plan's and card's totals, computed once for this report. */
  totals: DocumentTotals;
  /** Per-project parts kept between reports (see report-memo), when the caller keeps them. */
  memo: ReportMemo | undefined;
  /** The term's half-years and budget years as one value, a dependency of every kept part. */
  termKey: string;
  /** Per project, everything of its catalog entry a table shows, as one value (see projectKeyOf). */
  projectKeys: Map<string, string>;
  warnings: string[];
}

/** What the tables show of a project's catalog entry, as one comparable value: a kept part depends on it. */
function projectKeyOf(
  project: CatalogProject,
  pledge: CorePledge | undefined,
  area: Area | undefined,
): string {
  return [
    project.id,
    project.name,
    project.leadDepartment,
    project.coDepartments.join('\u0001'),
    project.corePledgeId,
    pledge?.name ?? '',
    String(pledge?.areaId ?? ''),
    area?.name ?? '',
  ].join('\u0000');
}

function addByDepartment<T extends { projectId: string; department: string }>(
  target: Map<string, Map<string, T>>,
  doc: T,
  what: string,
  warnings: string[],
): void {
  let byDept = target.get(doc.projectId);
  if (byDept === undefined) {
    byDept = new Map();
    target.set(doc.projectId, byDept);
  }
  if (byDept.has(doc.department)) {
    warnings.push(`${josa(what, '이/가')} 중복되어 나중 것을 사용합니다: ${doc.projectId} ${doc.department}`);
  }
  byDept.set(doc.department, doc);
}

export function buildContext(input: ReportInput): ReportContext {
  const { term, periodId } = input;
  // Each project's departments of this half-year (a project moved in a reorganisation: 부서 이관).
  const catalog = catalogAt(input.catalog, periodId);
  const period = findPeriod(term, periodId);
  if (period === null) throw new Error(`임기(${term.name})에 없는 반기입니다: ${periodId}`);
  const periods = listPeriods(term).map((p) => p.id);
  const budgetYears = listBudgetYears(term);
  const warnings: string[] = [];
  const projectById = new Map(catalog.projects.map((p) => [p.id, p]));
  const known = (projectId: string, what: string): boolean => {
    if (projectById.has(projectId)) return true;
    warnings.push(`공약 목록에 없는 ${josa(what, '을/를')} 건너뜁니다: ${projectId}`);
    return false;
  };

  const planByProject = new Map<string, ExecutionPlan>();
  for (const plan of input.plans) {
    if (!known(plan.projectId, '실천계획서')) continue;
    if (plan.lifecycle !== 'confirmed') {
      warnings.push(`확정되지 않은 실천계획서를 건너뜁니다: ${plan.projectId}`);
      continue;
    }
    if (planByProject.has(plan.projectId)) {
      warnings.push(`실천계획서가 중복되어 나중 것을 사용합니다: ${plan.projectId}`);
    }
    planByProject.set(plan.projectId, plan);
  }

  const cardsByProject = new Map<string, Map<string, ManagementCard>>();
  for (const card of input.cards) {
    if (!known(card.projectId, '관리카드')) continue;
    if (card.periodId !== periodId) {
      warnings.push(
        `다른 반기(${card.periodId})의 관리카드를 건너뜁니다: ${card.projectId} ${card.department}`,
      );
      continue;
    }
    addByDepartment(cardsByProject, card, '관리카드', warnings);
  }

  const financeByProject = new Map<string, Map<string, FinanceRow>>();
  for (const row of input.financeRows) {
    if (!known(row.projectId, '재정집행 현황')) continue;
    if (row.periodId !== periodId) {
      warnings.push(
        `다른 반기(${row.periodId})의 재정집행 현황을 건너뜁니다: ${row.projectId} ${row.department}`,
      );
      continue;
    }
    addByDepartment(financeByProject, row, '재정집행 현황', warnings);
  }

  const firstReportedByProject = new Map(input.firstReported.map((r) => [r.projectId, r]));

  const index = periods.indexOf(periodId);
  const previousPeriodId =
    input.previousPeriodId ??
    input.previousCards?.[0]?.periodId ??
    (index > 0 ? (periods[index - 1] ?? null) : null);
  const previousCardsByProject = new Map<string, Map<string, ManagementCard>>();
  for (const card of input.previousCards ?? []) {
    if (!projectById.has(card.projectId)) continue;
    if (card.periodId !== previousPeriodId) {
      warnings.push(
        `비교 반기(${previousPeriodId ?? '-'})가 아닌 관리카드를 건너뜁니다: ${card.projectId} ${card.periodId}`,
      );
      continue;
    }
    addByDepartment(previousCardsByProject, card, '비교 반기 관리카드', warnings);
  }

  const priorPeriodId = index > 0 ? (periods[index - 1] ?? null) : null;
  let priorCardsByProject = new Map<string, Map<string, ManagementCard>>();
  if (input.priorCards !== undefined) {
    for (const card of input.priorCards) {
      if (!projectById.has(card.projectId) || card.periodId !== priorPeriodId) continue;
      addByDepartment(priorCardsByProject, card, '직전 반기 관리카드', warnings);
    }
  } else if (previousPeriodId !== null && previousPeriodId === priorPeriodId) {
    priorCardsByProject = previousCardsByProject;
  }

  const earlierCardByProject = new Map<string, ManagementCard>();
  for (const card of input.earlierCards ?? []) {
    const project = projectById.get(card.projectId);
    if (project === undefined || priorPeriodId === null || card.periodId >= priorPeriodId) continue;
    if (card.department !== leadAt(project, card.periodId)) continue;
    const kept = earlierCardByProject.get(card.projectId);
    if (kept === undefined || kept.periodId < card.periodId) earlierCardByProject.set(card.projectId, card);
  }

  const priorFinanceByProject = new Map<string, Map<string, FinanceRow>>();
  for (const row of input.priorFinanceRows ?? []) {
    const project = projectById.get(row.projectId);
    if (
      project === undefined ||
      row.periodId !== priorPeriodId ||
      row.department === leadAt(project, priorPeriodId)
    )
      continue;
    addByDepartment(priorFinanceByProject, row, '직전 반기 재정집행 현황', warnings);
  }

  let previousFinanceByProject = new Map<string, Map<string, FinanceRow>>();
  if (input.previousFinanceRows !== undefined) {
    for (const row of input.previousFinanceRows) {
      if (!projectById.has(row.projectId) || row.periodId !== previousPeriodId) continue;
      addByDepartment(previousFinanceByProject, row, '비교 반기 재정집행 현황', warnings);
    }
  } else if (previousPeriodId !== null && previousPeriodId === priorPeriodId) {
    previousFinanceByProject = priorFinanceByProject;
  }

  const budgetYearKeys = budgetYears.map((y) => y.key);
  const corePledgeById = new Map(catalog.corePledges.map((c) => [c.id, c]));
  const areaById = new Map(catalog.areas.map((a) => [a.id, a]));
  // Only parts kept between reports depend on them.
  const projectKeys = new Map(
    (input.memo === undefined ? [] : catalog.projects).map((p) => {
      const pledge = corePledgeById.get(p.corePledgeId);
      return [p.id, projectKeyOf(p, pledge, pledge && areaById.get(pledge.areaId))];
    }),
  );
  return {
    input,
    period,
    periods,
    budgetYears,
    budgetYearKeys,
    areas: catalog.areas,
    areaById,
    corePledgeById,
    projects: catalog.projects,
    projectById,
    planByProject,
    initialPlanByProject: input.initialPlans ?? new Map(),
    cardsByProject,
    financeByProject,
    firstReportedByProject,
    previousPeriodId,
    priorPeriodId,
    previousCardsByProject,
    priorCardsByProject,
    earlierCardByProject,
    priorFinanceByProject,
    previousFinanceByProject,
    totals: input.totals ?? reportTotals(budgetYearKeys, periods),
    memo: input.memo,
    termKey: `${periods.join(',')}|${budgetYearKeys.join(',')}`,
    projectKeys,
    warnings,
  };
}

/** The area a project belongs to (through its core pledge). */
export function areaIdOf(ctx: ReportContext, project: CatalogProject): number {
  const pledge = ctx.corePledgeById.get(project.corePledgeId);
  return pledge?.areaId ?? Number(project.id.split('-')[0]);
}

export function leadCardOf(ctx: ReportContext, project: CatalogProject): ManagementCard | null {
  return ctx.cardsByProject.get(project.id)?.get(project.leadDepartment) ?? null;
}

/** The compared half-year's card of the project's lead of that half-year. */
export function previousLeadCardOf(ctx: ReportContext, project: CatalogProject): ManagementCard | null {
  const lead = ctx.previousPeriodId === null ? project.leadDepartment : leadAt(project, ctx.previousPeriodId);
  return ctx.previousCardsByProject.get(project.id)?.get(lead) ?? null;
}

/**
 * The card of the half-year just before, from the project's lead of that half-year: after a move (부서 이관) the
 * former lead's, whose figures the new lead's card carries on.
 */
export function priorLeadCardOf(ctx: ReportContext, project: CatalogProject): ManagementCard | undefined {
  const lead = ctx.priorPeriodId === null ? project.leadDepartment : leadAt(project, ctx.priorPeriodId);
  return ctx.priorCardsByProject.get(project.id)?.get(lead);
}

/** A project's status for the tables: the lead department's card, 미제출 without one (or without a status). */
export function statusOfCard(card: ManagementCard | null): ReportStatus {
  return card?.status ?? 'notSubmitted';
}

const koCollator = new Intl.Collator('ko');

/** Korean text order, as `a.localeCompare(b, 'ko')` gives it, without building a collator per comparison. */
export const compareKo = (a: string, b: string): number => koCollator.compare(a, b);

export function areaLabel(area: Area): string {
  return `${area.id}. ${area.name}`;
}
