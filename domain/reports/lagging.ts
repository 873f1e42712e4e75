import type { CatalogProject } from '../catalog/types';
import {
  AFTER_TERM,
  currentDecisionStatus,
  type ExecutionPlan,
  fromMilli,
  type ManagementCard,
  toMilli,
  yearOfPeriod,
} from '../documents';
import { areaIdOf, leadCardOf, type ReportContext } from './context';
import { memoized, memoTable } from './report-memo';
import type {
  ConsolidatedFinanceRow,
  LaggingProject,
  LaggingReason,
  MissedMilestone,
  ReportStatus,
} from './types';

/** The office's 집행률 기준 until it sets another (30%): a project executing less counts as lagging. */
export const DEFAULT_EXECUTION_RATE_THRESHOLD = 0.3;

export const EXECUTION_RATE_DEFINITION =
  '집행률 = 임기내 집행 총계(해당 반기까지) ÷ 해당 반기까지의 임기내 계획. 연도별 현재계획은 그 연도 중 임기에 ' +
  '속한 반기 가운데 지난 반기의 비율만큼 계상합니다 (예: 2019년 상반기에는 2018년 계획 전액 + 2019년 계획의 1/2).';

export const LAGGING_DEFINITION =
  '부진사업: 추진상황이 일부추진 또는 보류이거나, 집행률이 기준 미만이거나, 해당 반기까지의 연차별 추진계획(그 ' +
  '반기가 끝날 때 확정되어 있던 실천계획서의 것)에 실적이 없거나, 승인된 공약 조정 없이 폐기로 보고한 사업 ' +
  '(목표를 달성한 완료·이행 후 계속 추진 사업과 폐기 사업은 집행률·추진계획 기준에서 제외, 미제출 사업은 제출 ' +
  '현황에서 봅니다).';

/**
 * The part of the current plan (임기내, per budget year) due by the end of `periodId`: each year counts with the
 * share of its in-term half-years that have ended (2018 has only 하반기, 2022 only 상반기 in 민선7기). `byYear` is
 * arranged by `budgetYears`.
 */
export function plannedSoFar(
  byYear: readonly number[],
  budgetYears: readonly string[],
  periods: readonly string[],
  periodId: string,
): number {
  return plannedWithShares(byYear, elapsedShares(budgetYears, periods, periodId));
}

/** Per budget year (by position): how many of its in-term half-years there are, and how many have ended. */
type ElapsedShares = readonly { all: number; elapsed: number }[];

function elapsedShares(
  budgetYears: readonly string[],
  periods: readonly string[],
  periodId: string,
): ElapsedShares {
  return budgetYears.map((year) => {
    let all = 0;
    let elapsed = 0;
    for (const p of periods) {
      if (yearOfPeriod(p) !== year) continue;
      all += 1;
      if (p <= periodId) elapsed += 1;
    }
    return { all, elapsed };
  });
}

function plannedWithShares(byYear: readonly number[], shares: ElapsedShares): number {
  let milli = 0;
  for (let i = 0; i < shares.length; i++) {
    const h = shares[i] as { all: number; elapsed: number };
    if (h.elapsed === 0) continue;
    milli += Math.round((toMilli(byYear[i]) * h.elapsed) / h.all);
  }
  return fromMilli(milli);
}

/** Executed / planned so far, or null when nothing was planned so far. */
function rateWithShares(row: ConsolidatedFinanceRow, shares: ElapsedShares) {
  const planned = plannedWithShares(row.termPlan.byYear, shares);
  return {
    planned,
    executed: row.termExecuted.total,
    rate: toMilli(planned) === 0 ? null : toMilli(row.termExecuted.total) / toMilli(planned),
  };
}

export function buildLagging(
  ctx: ReportContext,
  statuses: Map<string, ReportStatus>,
  rows: Map<string, ConsolidatedFinanceRow>,
): LaggingProject[] {
  const threshold = ctx.input.options.executionRateThreshold;
  const shares = elapsedShares(ctx.budgetYearKeys, ctx.periods, ctx.period.id);
  const periodSet = new Set(ctx.periods);
  // 공약사항은 원칙적으로 임의조정(폐기·변경 등) 불가 (seed 000): a 폐기 stands on an approved 공약 조정.
  const approvedChange = new Set(
    ctx.input.changeRequests.filter((r) => currentDecisionStatus(r) === 'approved').map((r) => r.projectId),
  );
  const out: LaggingProject[] = [];
  const kept = memoTable(ctx.memo, `lagging|${ctx.period.id}`);
  for (const project of ctx.projects) {
    const status = statuses.get(project.id) ?? 'notSubmitted';
    const row = rows.get(project.id);
    const card = leadCardOf(ctx, project);
    // The plan the card is held to (in force when the half-year ended), else the current one.
    const plan =
      (card === null ? undefined : ctx.input.plansHeldTo?.get(`${card.projectId}|${card.department}`)) ??
      ctx.planByProject.get(project.id);
    const changeApproved = approvedChange.has(project.id);
    const entry = memoized(
      kept,
      project.id,
      [ctx.termKey, ctx.projectKeys.get(project.id), threshold, status, row, card, plan, changeApproved],
      () =>
        laggingOf(ctx, project, { status, row, card, plan, threshold, shares, periodSet, changeApproved }),
    );
    if (entry !== null) out.push(entry);
  }
  return out;
}

/** A project's entry in the lagging table, or null when none of the reasons applies. */
function laggingOf(
  ctx: ReportContext,
  project: CatalogProject,
  of: {
    status: ReportStatus;
    row: ConsolidatedFinanceRow | undefined;
    card: ManagementCard | null;
    plan: ExecutionPlan | undefined;
    threshold: number;
    shares: ElapsedShares;
    periodSet: ReadonlySet<string>;
    /** The project has an approved 공약 조정 (조정 요청서 승인). */
    changeApproved: boolean;
  },
): LaggingProject | null {
  const { status, row, card, plan } = of;
  const periodId = ctx.period.id;
  const reasons: LaggingReason[] = [];
  if (status === 'partial' || status === 'onHold') reasons.push('status');
  if (status === 'dropped' && !of.changeApproved) reasons.push('droppedWithoutApproval');

  const rate = row === undefined ? null : rateWithShares(row, of.shares);
  // A project that reached its goal (완료 — as the office decided it —, 이행 후 계속 추진) is not lagging for money
  // left unspent or a milestone it no longer needed, nor is a dropped one (폐기).
  const exempt = status === 'completed' || status === 'continuing' || status === 'dropped';
  // A project with no card (미제출) executed nothing this report can see: the submissions table lists it instead.
  const rated = !exempt && status !== 'notSubmitted';
  if (rated && rate?.rate != null && rate.rate < of.threshold) reasons.push('lowExecution');

  const missed: MissedMilestone[] = [];
  if (card !== null && !exempt) {
    // The schedule is frozen from the plan the card is held to; the card carries the results.
    const units = plan?.unitProjects ?? card.unitProjects;
    for (const unit of units) {
      // The card's unit of that id (the last one, should a card list an id twice).
      const results = card.unitProjects.findLast((u) => u.id === unit.id)?.results;
      const schedule = unit.schedule;
      for (const key in schedule) {
        const planned = schedule[key] as string;
        if (key === AFTER_TERM || key > periodId || planned.trim() === '' || !of.periodSet.has(key)) continue;
        if ((results?.[key] ?? '').trim() === '') {
          missed.push({ unitId: unit.id, unitName: unit.name, periodId: key, planned: planned.trim() });
        }
      }
    }
    missed.sort((a, b) =>
      a.periodId === b.periodId ? a.unitId.localeCompare(b.unitId) : a.periodId < b.periodId ? -1 : 1,
    );
    if (missed.length > 0) reasons.push('missedMilestones');
  }
  if (reasons.length === 0) return null;
  return {
    projectId: project.id,
    projectName: project.name,
    areaId: areaIdOf(ctx, project),
    leadDepartment: project.leadDepartment,
    status,
    reasons,
    executionRate: rate?.rate ?? null,
    plannedSoFar: rate?.planned ?? null,
    executed: rate?.executed ?? null,
    missedMilestones: missed,
  };
}
