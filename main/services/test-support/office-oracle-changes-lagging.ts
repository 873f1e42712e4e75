import type { CatalogProject } from '../../../domain/catalog/types';
import type { CardStatus, ManagementCard } from '../../../domain/documents';
import { areaOf, asksCompletion, type Decided, type ExpectedFigures, holds } from './office-oracle';
import { plannedSoFarMilli } from './office-oracle-finance';
import { BUDGET_YEARS, HALF_YEARS, type Step } from './random-office';

/**
 * The whole 부진 사업 table of a half-year for office-oracle-changes.ts, from the documents as they count (the file
 * made twice as the office decided, cards excluded by 카드 제외 left out, the leads of the half-year) and the
 * confirmed plan's versions that oracle replays — never from the report code. The rules, as README.md ("lagging
 * projects", 부진) and domain/reports/lagging.ts's LAGGING_DEFINITION word them:
 *
 * - Status = the tables' status: 추진상황 of the lead's card of the half-year, a 완료 / 이행 후 계속 추진 the office
 *   rejected counted as 정상추진 (the same replay of the office's decisions as office-oracle.ts, kept here so that
 *   this oracle stands on its own). No card (미제출, or excluded): not rated, not listed.
 * - 'status': 일부추진 or 보류. 'droppedWithoutApproval': 폐기 with no 조정 요청서 of the project approved now.
 * - 'lowExecution': 정상추진, 일부추진 or 보류 with something planned so far and 임기내 집행 총계 (붙임5's row) below 30 %
 *   (the office's default 집행률 기준; it sets no other) of the plan so far: each budget year's 임기내 계획 of the
 *   현재계획 (the lead's card) counted with the share of its in-term half-years that have ended, rounded to 천원 per
 *   year (office-oracle-finance.ts's plannedSoFarMilli). The entry shows the plan so far, 집행 and their ratio.
 * - 'missedMilestones': for a card that is not 완료, 이행 후 계속 추진 or 폐기, each half-year up to the reported one
 *   of the 연차별 추진계획 of the plan the card is held to — the confirmed plan in force when the half-year ended (its
 *   first version when none was confirmed by then), not the plan now — whose text is not blank and whose result on
 *   the card's unit of that id is blank; named by the unit's id and its name in that plan.
 */

export interface ExpectedMissed {
  unitId: string;
  unitName: string;
  periodId: string;
  planned: string;
}

export type ExpectedReason = 'status' | 'lowExecution' | 'missedMilestones' | 'droppedWithoutApproval';

/** A project's entry in the lagging table (amounts in 천원). */
export interface ExpectedLaggingEntry {
  status: CardStatus;
  /** Sorted. */
  reasons: ExpectedReason[];
  leadDepartment: string;
  areaId: number;
  plannedSoFar: number | null;
  executed: number | null;
  executionRate: number | null;
  /** Sorted by half-year, then unit id. */
  missedMilestones: ExpectedMissed[];
}

/** A confirmed plan's units as the oracle holds a version of it. */
export interface PlanUnits {
  units: readonly { id: string; name: string; schedule: Record<string, string> }[];
}

export interface LaggingInput {
  periodId: string;
  /** The catalog's projects with the leads of the half-year. */
  projects: readonly CatalogProject[];
  /** The steps as they count (the file made twice resolved, excluded cards removed). */
  steps: readonly Step[];
  figures: ExpectedFigures;
  /** Projects with a 조정 요청서 approved now. */
  approvedProjects: ReadonlySet<string>;
  /** The confirmed plan in force when the half-year ended, and the one now. */
  heldTo: (projectId: string) => PlanUnits | undefined;
  current: (projectId: string) => PlanUnits | undefined;
}

export interface ExpectedLaggingTable {
  lagging: Map<string, ExpectedLaggingEntry>;
  /**
   * Projects whose missed milestones would be others if read from the plan now (what the report listed before
   * commit 749bf3d): the cases of the held-to rule this half-year has.
   */
  heldToEarlier: string[];
  /**
   * Projects whose missed milestones name a unit otherwise than the card does (a card written under the unit's
   * name before a rename the plan it is held to has): the table names units as that plan does, not the card.
   */
  namedByPlan: string[];
}

/** The half-year's missed milestones of `card` against `plan`'s schedule (the card's own units without a plan). */
function missedOf(card: ManagementCard, plan: PlanUnits | undefined, periodId: string): ExpectedMissed[] {
  const out: ExpectedMissed[] = [];
  for (const unit of plan?.units ?? card.unitProjects) {
    const results = card.unitProjects.filter((u) => u.id === unit.id).at(-1)?.results ?? {};
    for (const [half, text] of Object.entries(unit.schedule)) {
      if (!HALF_YEARS.includes(half) || half > periodId || text.trim() === '') continue;
      if ((results[half] ?? '').trim() === '')
        out.push({ unitId: unit.id, unitName: unit.name, periodId: half, planned: text.trim() });
    }
  }
  return out.sort((a, b) =>
    a.periodId === b.periodId ? a.unitId.localeCompare(b.unitId) : a.periodId.localeCompare(b.periodId),
  );
}

export function expectedLaggingTable(input: LaggingInput): ExpectedLaggingTable {
  const { periodId, projects, steps, figures } = input;
  const leadOf = (projectId: string): string =>
    projects.find((p) => p.id === projectId)?.leadDepartment ?? '';
  // Each half-year's lead cards as last sent, and the office's 완료 decisions with the card each was made on.
  const latest = new Map<string, ManagementCard>();
  const cardOf = (half: string, projectId: string) => latest.get(`${half}|${projectId}`);
  const decisions = new Map<string, Decided>();
  for (const step of steps) {
    if (step.kind === 'decideCompletion')
      decisions.set(`${step.projectId}:${step.periodId}`, {
        ...step,
        card: cardOf(step.periodId, step.projectId),
      });
    if (step.kind !== 'send' || step.period === 'plan') continue;
    for (const d of step.save)
      if (d.kind === 'managementCard' && d.department === leadOf(d.projectId))
        latest.set(`${step.period}|${d.projectId}`, d);
  }
  const decisionOf = (projectId: string): Decided | undefined => {
    const own = decisions.get(`${projectId}:${periodId}`);
    if (own !== undefined) return holds(own, cardOf(periodId, projectId)) ? own : undefined;
    const earlier = [...decisions.values()]
      .filter((d) => d.projectId === projectId && d.periodId < periodId)
      .sort((a, b) => a.periodId.localeCompare(b.periodId))
      .at(-1);
    if (earlier?.decision !== 'accepted' || !holds(earlier, cardOf(earlier.periodId, projectId)))
      return undefined;
    const interrupted = HALF_YEARS.filter((h) => h > earlier.periodId && h < periodId).some((h) => {
      const card = cardOf(h, projectId);
      return card !== undefined && !asksCompletion(card.status);
    });
    return interrupted ? undefined : earlier;
  };

  const lagging = new Map<string, ExpectedLaggingEntry>();
  const heldToEarlier: string[] = [];
  const namedByPlan: string[] = [];
  for (const project of projects) {
    const card = cardOf(periodId, project.id);
    if (card?.status == null) continue; // 미제출: the submissions table lists it
    const status: CardStatus =
      asksCompletion(card.status) && decisionOf(project.id)?.decision === 'rejected'
        ? 'onTrack'
        : card.status;
    const reasons: ExpectedReason[] = [];
    if (status === 'partial' || status === 'onHold') reasons.push('status');
    if (status === 'dropped' && !input.approvedProjects.has(project.id))
      reasons.push('droppedWithoutApproval');

    const row = figures.financeRows.get(project.id);
    const termPlanByYear = BUDGET_YEARS.map((year) =>
      card.unitProjects.reduce(
        (a, u) =>
          a +
          Object.values(u.investmentNeeds).reduce((x, grid) => x + Math.round((grid[year] ?? 0) * 1000), 0),
        0,
      ),
    );
    const plannedSoFar = row === undefined ? null : plannedSoFarMilli(termPlanByYear, periodId);
    const executed = row === undefined ? null : row.termExecuted;
    const rated = status === 'onTrack' || status === 'partial' || status === 'onHold';
    // executed / planned < 30 %, in integers.
    if (
      rated &&
      plannedSoFar !== null &&
      executed !== null &&
      plannedSoFar > 0 &&
      executed * 100 < 30 * plannedSoFar
    )
      reasons.push('lowExecution');

    const exempt = status === 'completed' || status === 'continuing' || status === 'dropped';
    const missed = exempt ? [] : missedOf(card, input.heldTo(project.id), periodId);
    if (missed.length > 0) reasons.push('missedMilestones');
    const cardName = (unitId: string) => card.unitProjects.filter((u) => u.id === unitId).at(-1)?.name;
    if (missed.some((m) => ![undefined, m.unitName].includes(cardName(m.unitId))))
      namedByPlan.push(project.id);
    if (
      !exempt &&
      JSON.stringify(missedOf(card, input.current(project.id), periodId)) !== JSON.stringify(missed)
    )
      heldToEarlier.push(project.id);
    if (reasons.length === 0) continue;
    lagging.set(project.id, {
      status,
      reasons: reasons.sort(),
      leadDepartment: project.leadDepartment,
      areaId: areaOf(project.id),
      plannedSoFar,
      executed,
      executionRate:
        plannedSoFar === null || executed === null || plannedSoFar === 0 ? null : executed / plannedSoFar,
      missedMilestones: missed,
    });
  }
  return { lagging, heldToEarlier, namedByPlan };
}
