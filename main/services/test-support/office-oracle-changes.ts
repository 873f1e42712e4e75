import type { CatalogProject } from '../../../domain/catalog/types';
import type { ChangeRequest, ExecutionPlan, ManagementCard, ProjectPeriod } from '../../../domain/documents';
import { areaOf, expectedFigures, type ExpectedFigures } from './office-oracle';
import {
  type ExpectedLaggingEntry,
  type ExpectedLaggingTable,
  expectedLaggingTable,
} from './office-oracle-changes-lagging';
import { catalog, type SentDocument, type Step } from './random-office';
import { type ChangesOffice, type ChangeStep, patched, type PlanValues } from './random-office-changes';

/**
 * What the office's report should show for a ChangesOffice, from the steps the test generated — never from the
 * report code, the change-applying code or the conflict code. The rules, as DOMAIN.md and README.md give them:
 *
 * - 조정 요청서: the citizens' panel's 승인 rewrites the confirmed plan's fields its rows name (정책목표, 총사업비,
 *   사업기간, the 단위사업 names in order, a unit's whole 연차별 추진계획; a 기타 row is only recorded), a later
 *   approval of a field winning; 반려, or no decision yet, changes nothing. The approved-changes history lists the approved requests, oldest approval first, with their rows as
 *   requested. A request's status is its last step (요청 when the office has recorded none).
 * - 연차별 투자수요 is not changed by a request ("투자수요는 조정 요청서로 바뀌지 않습니다"): 붙임5's 초기계획 stays
 *   the plan's as first confirmed — also when a plan sent again is confirmed again —, its 현재계획 the card's (the
 *   plan in force's without one).
 * - A card is held to the plan in force when its half-year ended (an approval applies to the half-years after
 *   it): its frozen fields (공약명, 정책목표, 단위사업) differing from both that plan and the current one are a
 *   확정 항목 conflict. Undecided or taken in (카드 반영), the card counts; excluded (카드 제외), it does not: the
 *   project has no card for the half-year (미제출, 붙임5 from the plan, the card owed again).
 * - Two files with one revision: the first to arrive counts and the other is held, listed as a conflict; the
 *   office keeps the counted one, or swaps the held one in, whose documents then count instead (a swap reversed
 *   counts the first again). Either way the file not counted is listed as held, decided 'rejected' (kept out).
 *
 * - 부서 이관: each half-year's tables count a moved project under the lead of that half-year (the former lead
 *   through the half-year its record names, the new lead after it), whose card and finance row it is.
 *
 * - 폐기: a project whose card (as it counts) reports 폐기 is lagging, "폐기 보고, 승인된 공약 조정 없음", unless one of
 *   its 조정 요청서 stands approved now (README: "a card reporting 폐기 for a project with no approved 공약 조정 is
 *   listed"; any approved request of the project is its 공약 조정, whatever it changed and whenever it was
 *   approved); and for nothing else: a 폐기 is out of the 집행률 and 추진계획 rules. Its entry gives 붙임5's 임기내 집행
 *   and the plan so far (office-oracle-finance.ts's share of each year), no missed milestone.
 * - 부진 사업, the whole table (office-oracle-changes-lagging.ts): status, 폐기 as above, 집행률 below 30 % of the plan
 *   so far, and the missed milestones of the 연차별 추진계획 of the plan each card is held to — the confirmed plan's
 *   version in force when the half-year ended, as replayed here — not of the plan now.
 * - A plan confirmed again, or rewritten by an approval, takes every approval so far by the documented rule
 *   (README, Known limits): 단위사업 names by position when as many, 연차별 추진계획 by the unit name its block gives
 *   (before or after those renames), else the plan keeps its own.
 *
 * The status counts, 붙임5 and 제출 현황 are then office-oracle.ts's own sums over the documents as they count.
 */

export interface ExpectedApproved {
  requestId: string;
  projectId: string;
  department: string;
  requestedOn: string;
  approvedOn: string;
  rows: ChangeRequest['rows'];
}

export interface ExpectedConflict {
  kind: 'frozenFields' | 'sameRevision';
  projectId?: string;
  department: string;
  /** sameRevision: which of the two files is held ('desk': the department's own copy's, 'twin': the other PC's). */
  held?: 'desk' | 'twin';
  resolution: 'accepted' | 'rejected' | null;
}

export interface ExpectedChanges {
  figures: ExpectedFigures;
  approved: ExpectedApproved[];
  /** Requests by their current status. */
  countsByStatus: Record<'requested' | 'reviewing' | 'approved' | 'rejected', number>;
  /** Requests neither approved nor rejected, by id. */
  pending: string[];
  /** The confirmed plan's fields now, for each project a request was made for. */
  plans: Map<
    string,
    {
      policyGoal: string;
      totalCost: number | null;
      projectPeriod: ProjectPeriod;
      units: { name: string; schedule: Record<string, string> }[];
    }
  >;
  conflicts: ExpectedConflict[];
  /**
   * Each project whose card of the half-year, as it counts, reports 폐기: its entry in the lagging table, or null
   * when it has an approved 공약 조정 (then it is not lagging at all).
   */
  dropped: Map<string, ExpectedLaggingEntry | null>;
  /** The whole lagging table (office-oracle-changes-lagging.ts), and its cases of the held-to rule. */
  lagging: ExpectedLaggingTable;
}

const dateKst = (at: string): string => at.slice(0, 10); // the steps' instants are written in Korean time
/** The last instant of a half-year, Korean time. */
const endOf = (periodId: string): number =>
  Date.parse(`${periodId.slice(0, 4)}-${periodId.endsWith('H1') ? '06-30' : '12-31'}T23:59:59.999+09:00`);

type RequestStep = Extract<ChangeStep, { kind: 'requestChange' }>;

/** A confirmed plan's frozen and approvable fields, as the office holds it at some time. */
interface PlanState {
  projectName: string;
  policyGoal: string;
  totalCost: number | null;
  projectPeriod: ProjectPeriod;
  units: { id: string; name: string; detailedPlan: string; schedule: Record<string, string> }[];
}

/** Every approval of a project so far, merged: a later one's fields win; schedules by the unit name they give. */
interface Approved {
  policyGoal?: string;
  totalCost?: number;
  projectPeriod?: ProjectPeriod;
  unitNames?: string[];
  schedules?: { unit: string; schedule: Record<string, string> }[];
}

function merged(earlier: Approved, values: PlanValues): Approved {
  const out: Approved = { ...earlier };
  if (values.policyGoal !== undefined) out.policyGoal = values.policyGoal;
  if (values.totalCost !== undefined) out.totalCost = values.totalCost;
  if (values.projectPeriod !== undefined) out.projectPeriod = values.projectPeriod;
  if (values.unitNames !== undefined) out.unitNames = values.unitNames;
  if (values.unitSchedules !== undefined) {
    const named = new Set(values.unitSchedules.map((s) => s.unit));
    out.schedules = [
      ...(earlier.schedules ?? []).filter((s) => !named.has(s.unit)),
      ...values.unitSchedules.map(({ unit, schedule }) => ({ unit, schedule })),
    ];
  }
  return out;
}

const stateOf = (plan: ExecutionPlan): PlanState => ({
  projectName: plan.projectName,
  policyGoal: plan.policyGoal,
  totalCost: plan.totalCost?.kind === 'amount' ? plan.totalCost.amount : null,
  projectPeriod: plan.projectPeriod,
  units: plan.unitProjects.map((u) => ({
    id: u.id,
    name: u.name,
    detailedPlan: u.detailedPlan,
    schedule: u.schedule,
  })),
});

/**
 * A plan (as received, or as confirmed before) with every approval so far, as README's Known limits words the
 * rule ("Approved 단위사업 and 연차별 추진계획 apply by unit name and position, not by id"): 정책목표, 총사업비 and
 * 사업기간 as approved; the approved names to the units by position when they are as many as the plan's units,
 * else the plan keeps its names; each approved schedule to the unit of the plan that has the name its block gives
 * (before or after those renames) — when a block names no unit of the plan, the plan keeps its own schedules.
 */
function withApproved(plan: PlanState, approved: Approved): PlanState {
  const names = approved.unitNames;
  const renamed =
    names !== undefined && names.length === plan.units.length
      ? plan.units.map((u, i) => ({ ...u, name: names[i] as string }))
      : plan.units;
  let units = renamed;
  const blocks = approved.schedules ?? [];
  const at = blocks.map((b) => {
    const found = new Set([
      ...plan.units.flatMap((u, i) => (u.name === b.unit ? [i] : [])),
      ...renamed.flatMap((u, i) => (u.name === b.unit ? [i] : [])),
    ]);
    return found.size === 1 ? [...found][0] : undefined;
  });
  if (blocks.length > 0 && at.every((i) => i !== undefined))
    units = renamed.map((u, i) => {
      const n = at.lastIndexOf(i);
      return n === -1 ? u : { ...u, schedule: (blocks[n] as { schedule: Record<string, string> }).schedule };
    });
  return {
    projectName: plan.projectName,
    policyGoal: approved.policyGoal ?? plan.policyGoal,
    totalCost: approved.totalCost ?? plan.totalCost,
    projectPeriod: approved.projectPeriod ?? plan.projectPeriod,
    units,
  };
}

/** The card's 공약명, 정책목표 or 단위사업 (ids, names, 세부계획, 추진계획) differ from the plan's. */
function frozenDiffers(card: ManagementCard, plan: PlanState): boolean {
  if (card.projectName !== plan.projectName || card.policyGoal !== plan.policyGoal) return true;
  if (card.unitProjects.length !== plan.units.length) return true;
  return plan.units.some((u) => {
    const c = card.unitProjects.find((x) => x.id === u.id);
    return (
      c === undefined ||
      c.name !== u.name ||
      c.detailedPlan !== u.detailedPlan ||
      JSON.stringify(Object.entries(c.schedule).sort()) !== JSON.stringify(Object.entries(u.schedule).sort())
    );
  });
}

export function expectedChanges(office: ChangesOffice, periodId: string, dueDate: string): ExpectedChanges {
  // The catalog's projects with the leads of the half-year: a project moved (부서 이관) is its former lead's
  // through the half-year the record names, the new lead's after it.
  const projects = catalog.projects.map((p): CatalogProject => {
    const move = office.steps.find((s) => s.kind === 'moveProject' && s.projectId === p.id);
    return move?.kind === 'moveProject' && periodId > move.through ? { ...p, leadDepartment: move.to } : p;
  });
  const leadOf = (projectId: string): string =>
    projects.find((p) => p.id === projectId)?.leadDepartment ?? '';
  const requests = new Map<string, RequestStep>();
  const status = new Map<string, 'requested' | 'reviewing' | 'approved' | 'rejected'>();
  const approvals: { request: RequestStep; at: string }[] = [];
  const plans = new Map<string, ExecutionPlan>();
  const firstConfirmed = new Map<string, ExecutionPlan>();
  for (const step of office.steps) {
    if (step.kind === 'send' && step.period === 'plan')
      for (const d of step.save) if (d.kind === 'executionPlan') plans.set(d.projectId, d);
    const sent = step.kind === 'confirm' ? plans.get(step.projectId) : undefined;
    if (sent !== undefined && !firstConfirmed.has(sent.projectId)) firstConfirmed.set(sent.projectId, sent);
    if (step.kind === 'requestChange') {
      requests.set(step.request.requestId, step);
      status.set(step.request.requestId, 'requested');
    }
    if (step.kind === 'decideChange') {
      status.set(step.requestId, step.status);
      const request = requests.get(step.requestId);
      if (step.status === 'approved' && request !== undefined) approvals.push({ request, at: step.at });
    }
  }
  approvals.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));

  // The confirmed plan's versions, each in force from when the office recorded it: 실천계획 확정 takes the plan last
  // received with every approval so far; an approval rewrites the confirmed plan with every approval so far.
  const history = new Map<string, { from: number; plan: PlanState }[]>();
  {
    const received = new Map<string, ExecutionPlan>();
    const approvedSoFar = new Map<string, Approved>();
    const record = (projectId: string, at: string, plan: PlanState): void => {
      history.set(projectId, [...(history.get(projectId) ?? []), { from: Date.parse(at), plan }]);
    };
    for (const step of office.steps) {
      if (step.kind === 'send' && step.period === 'plan')
        for (const d of step.save) if (d.kind === 'executionPlan') received.set(d.projectId, d);
      if (step.kind === 'resendPlan') received.set(step.plan.projectId, step.plan);
      if (step.kind === 'confirm') {
        const plan = received.get(step.projectId);
        if (plan !== undefined)
          record(
            step.projectId,
            step.at,
            withApproved(stateOf(plan), approvedSoFar.get(step.projectId) ?? {}),
          );
      }
      const request = step.kind === 'decideChange' ? requests.get(step.requestId) : undefined;
      if (step.kind === 'decideChange' && step.status === 'approved' && request !== undefined) {
        const values = merged(approvedSoFar.get(step.projectId) ?? {}, request.sets);
        approvedSoFar.set(step.projectId, values);
        const now = history.get(step.projectId)?.at(-1)?.plan;
        if (now !== undefined) record(step.projectId, step.at, withApproved(now, values));
      }
    }
  }
  /** The confirmed plan in force at `until` (the first one when none was yet), or now. */
  const planAt = (projectId: string, until = Infinity): PlanState | undefined => {
    const versions = history.get(projectId) ?? [];
    return versions.filter((v) => v.from <= until).at(-1)?.plan ?? versions[0]?.plan;
  };

  const approved = approvals.map(({ request: { request, at }, at: decidedAt }): ExpectedApproved => ({
    requestId: request.requestId,
    projectId: request.projectId,
    department: request.department,
    requestedOn: dateKst(at),
    approvedOn: dateKst(decidedAt),
    rows: request.rows,
  }));
  const countsByStatus = { requested: 0, reviewing: 0, approved: 0, rejected: 0 };
  for (const s of status.values()) countsByStatus[s] += 1;
  const pending = [...status].filter(([, s]) => s === 'requested' || s === 'reviewing').map(([id]) => id);
  const plansNow: ExpectedChanges['plans'] = new Map();
  for (const { request } of requests.values()) {
    const plan = planAt(request.projectId);
    if (plan === undefined) continue;
    plansNow.set(request.projectId, {
      policyGoal: plan.policyGoal,
      totalCost: plan.totalCost,
      projectPeriod: plan.projectPeriod,
      units: plan.units.map((u) => ({ name: u.name, schedule: u.schedule })),
    });
  }

  // The documents as they count. First the file made twice: the one counted in the end is the first to arrive,
  // unless the office swapped the held one in (and did not swap back).
  const conflicts: ExpectedConflict[] = [];
  const twinChoice = new Map<string, 'keep' | 'swap' | 'swapBack'>();
  for (const step of office.steps)
    if (step.kind === 'resolveTwin') twinChoice.set(step.department, step.choice);
  const counted: Step[] = office.steps.flatMap((step): Step[] => {
    if (step.kind !== 'twinSend') return isBaseStep(step) ? [step] : [];
    const { send } = step;
    const twinFirst = Date.parse(step.twinAt) < Date.parse(send.at);
    const swapped = twinChoice.get(send.department) === 'swap';
    const twinCounts = twinFirst !== swapped;
    if (send.period === periodId)
      conflicts.push({
        kind: 'sameRevision',
        department: send.department,
        held: twinCounts ? 'desk' : 'twin',
        resolution: twinChoice.has(send.department) ? 'rejected' : null,
      });
    return [twinCounts ? { ...send, save: send.save.map((d) => patched(d, step.patches)) } : send];
  });

  // Then each lead card of the half-year as last sent, against the plan in force when the half-year ended and
  // the plan now.
  const lastCard = new Map<string, ManagementCard>();
  for (const step of counted)
    if (step.kind === 'send' && step.period === periodId)
      for (const d of step.save)
        if (d.kind === 'managementCard' && leadOf(d.projectId) === d.department) lastCard.set(d.projectId, d);
  const resolutions = new Map<string, 'accepted' | 'rejected'>();
  for (const step of office.steps)
    if (step.kind === 'resolveFrozen' && step.periodId === periodId)
      resolutions.set(`${step.projectId}|${step.department}`, step.decision);
  const excluded = new Set<string>();
  for (const card of lastCard.values()) {
    const now = planAt(card.projectId);
    const then = planAt(card.projectId, endOf(periodId));
    if (now === undefined || then === undefined) continue;
    if (!frozenDiffers(card, now) || !frozenDiffers(card, then)) continue;
    const resolution = resolutions.get(`${card.projectId}|${card.department}`) ?? null;
    conflicts.push({
      kind: 'frozenFields',
      projectId: card.projectId,
      department: card.department,
      resolution,
    });
    if (resolution === 'rejected') excluded.add(`${card.projectId}|${card.department}`);
  }
  const steps = counted.map((step): Step => {
    if (step.kind !== 'send' || step.period !== periodId) return step;
    const keep = (d: SentDocument): boolean =>
      d.kind !== 'managementCard' || !excluded.has(`${d.projectId}|${d.department}`);
    return { ...step, save: step.save.filter(keep) };
  });
  const figures = expectedFigures({ ...office.base, steps }, periodId, dueDate, projects);
  // office-oracle.ts takes 초기계획 from the plan last sent: a plan confirmed again keeps the first confirmed one's.
  for (const [projectId, plan] of firstConfirmed) {
    const row = figures.financeRows.get(projectId);
    if (row === undefined) continue;
    const delta = needsMilli(plan) - row.initial;
    row.initial += delta;
    const area = figures.financeByArea.get(areaOf(projectId));
    if (area !== undefined) area.initial += delta;
    figures.financeTotal.initial += delta;
  }

  // 부진 사업, with each card held to the plan in force when the half-year ended; 폐기 lagging ("폐기 보고, 승인된 공약
  // 조정 없음") unless a request of the project is approved now, and for nothing else.
  const approvedProjects = new Set(
    [...status].flatMap(([id, s]) => (s === 'approved' ? [requests.get(id)?.request.projectId ?? ''] : [])),
  );
  const countedCard = new Map<string, ManagementCard>();
  for (const step of steps)
    if (step.kind === 'send' && step.period === periodId)
      for (const d of step.save)
        if (d.kind === 'managementCard' && leadOf(d.projectId) === d.department)
          countedCard.set(d.projectId, d);
  const lagging = expectedLaggingTable({
    periodId,
    projects,
    steps,
    figures,
    approvedProjects,
    heldTo: (projectId) => planAt(projectId, endOf(periodId)),
    current: (projectId) => planAt(projectId),
  });
  const dropped = new Map<string, ExpectedLaggingEntry | null>();
  for (const [projectId, card] of countedCard)
    if (card.status === 'dropped') dropped.set(projectId, lagging.lagging.get(projectId) ?? null);
  return { figures, approved, countsByStatus, pending, plans: plansNow, conflicts, dropped, lagging };
}

/** Σ of a plan's 연차별 투자수요 (in and after the term), in 천원. */
const needsMilli = (plan: ExecutionPlan): number =>
  plan.unitProjects.reduce(
    (acc, u) =>
      acc +
      Object.values(u.investmentNeeds).reduce(
        (a: number, row: Record<string, number | null | undefined>) =>
          a + Object.values(row).reduce((x: number, v) => x + Math.round((v ?? 0) * 1000), 0),
        0,
      ),
    0,
  );

const BASE_KINDS = new Set(['send', 'confirm', 'baseline', 'decideCompletion']);
const isBaseStep = (step: ChangeStep): step is Step => BASE_KINDS.has(step.kind);
