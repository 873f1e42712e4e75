import type { CatalogProject } from '../../../domain/catalog/types';
import type { ChangeRequest, ExecutionPlan, ManagementCard, ProjectPeriod } from '../../../domain/documents';
import { areaOf, expectedFigures, type ExpectedFigures } from './office-oracle';
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
}

const dateKst = (at: string): string => at.slice(0, 10); // the steps' instants are written in Korean time
/** The last instant of a half-year, Korean time. */
const endOf = (periodId: string): number =>
  Date.parse(`${periodId.slice(0, 4)}-${periodId.endsWith('H1') ? '06-30' : '12-31'}T23:59:59.999+09:00`);

type RequestStep = Extract<ChangeStep, { kind: 'requestChange' }>;

/**
 * The card's 공약명, 정책목표 or 단위사업 (ids, names, 세부계획, 추진계획) differ from the plan's with the approved
 * `values` applied.
 */
function frozenDiffers(card: ManagementCard, plan: ExecutionPlan, values: PlanValues): boolean {
  if (card.projectName !== plan.projectName || card.policyGoal !== (values.policyGoal ?? plan.policyGoal))
    return true;
  if (card.unitProjects.length !== plan.unitProjects.length) return true;
  return plan.unitProjects.some((u, i) => {
    const c = card.unitProjects.find((x) => x.id === u.id);
    const schedule = values.unitSchedules?.find((s) => s.unitId === u.id)?.schedule ?? u.schedule;
    return (
      c === undefined ||
      c.name !== (values.unitNames?.[i] ?? u.name) ||
      c.detailedPlan !== u.detailedPlan ||
      JSON.stringify(Object.entries(c.schedule).sort()) !== JSON.stringify(Object.entries(schedule).sort())
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

  /** The plan's fields with the approvals made by `until` (every one without it), in the order made. */
  const valuesAt = (projectId: string, until = Infinity): PlanValues => {
    let values: PlanValues = {};
    for (const a of approvals)
      if (a.request.request.projectId === projectId && Date.parse(a.at) <= until)
        values = { ...values, ...a.request.sets };
    return values;
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
    const plan = plans.get(request.projectId);
    if (plan === undefined) continue;
    const values = valuesAt(plan.projectId);
    plansNow.set(plan.projectId, {
      policyGoal: values.policyGoal ?? plan.policyGoal,
      totalCost: values.totalCost ?? (plan.totalCost?.kind === 'amount' ? plan.totalCost.amount : null),
      projectPeriod: values.projectPeriod ?? plan.projectPeriod,
      units: plan.unitProjects.map((u, i) => ({
        name: values.unitNames?.[i] ?? u.name,
        schedule: values.unitSchedules?.find((x) => x.unitId === u.id)?.schedule ?? u.schedule,
      })),
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
    const plan = plans.get(card.projectId);
    if (plan === undefined) continue;
    const now = valuesAt(plan.projectId);
    const then = valuesAt(plan.projectId, endOf(periodId));
    if (!frozenDiffers(card, plan, now) || !frozenDiffers(card, plan, then)) continue;
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
  return { figures, approved, countsByStatus, pending, plans: plansNow, conflicts };
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
