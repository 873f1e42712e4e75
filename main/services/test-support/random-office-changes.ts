import {
  CHANGE_GOAL_CATEGORY,
  type CardStatus,
  type ChangeRequest,
  type ExecutionPlan,
  type FundingSource,
  type ManagementCard,
  type ProjectPeriod,
} from '../../../domain/documents';
import { requestChangeStep } from './random-office-change-request';
import { type DroppedProject, droppedProjects, withDroppedCards } from './random-office-changes-dropped';
import { type PlanResentAfter, withMissedMilestones } from './random-office-changes-lagging';
import { type RenamedTwice, renamedTwice } from './random-office-changes-renames';
import { type StaleUnitName, withStaleUnitName } from './random-office-changes-stale-name';
import {
  AFTER_TERM,
  BUDGET_YEARS,
  catalog,
  HALF_YEARS,
  kst,
  randomOffice,
  type RandomOffice,
  seededRandom,
  type SentDocument,
  type Step,
} from './random-office';

/**
 * A RandomOffice (random-office.ts, its documents and steps unchanged but for what the office's decisions below
 * make its departments write) with what that one leaves out about changes and conflicts:
 *
 * - 공약 조정 요청서: departments request changes of their confirmed plans (정책목표, 총사업비, 사업기간, 단위사업
 *   names, a unit's 연차별 추진계획, a 기타 row only recorded) during the reported half-year; the office records 검토중 and the citizens' panel's 승인 or 반려,
 *   some before the half-year ends ("early"), some after it ("late"), some are left waiting. An early approval
 *   reaches the departments with a 기준 자료, and their cards of the half-year then carry the changed 정책목표,
 *   사업기간 and units (the desk holds the card to the plan in force when its half-year ends).
 * - A 확정 항목 conflict: one department does not apply that 기준 자료 and writes its card under the old 정책목표;
 *   the office takes the card in (카드 반영), excludes it (카드 제외) or leaves it waiting; now and then the
 *   department applies the 기준 자료 later and sends the card again under the changed plan.
 * - 부서 이관: a project moved to another lead from the reported half-year on.
 * - 실천계획서 sent again after the office's 확정 with another 연차별 투자수요, and confirmed again.
 * - Two different files with one revision: a department's other PC (the same key) makes its last file of the
 *   half-year with other figures; the office keeps the file counted or swaps the held one in (and now and then
 *   reverses that choice).
 * - 폐기 (random-office-changes-dropped.ts): a few projects' cards report 폐기, some with a 조정 요청서 of 폐기 the
 *   panel approves (before or after the half-year ends), some with one rejected or waiting, some with none.
 * - Two successive renames of one 단위사업 (random-office-changes-renames.ts): A → B, then B → C, now and then a
 *   연차별 추진계획 approved under the name of then in between, and the plan sent again and confirmed again after
 *   the half-year.
 * - Missed milestones (random-office-changes-lagging.ts): results left blank on some cards, mostly on units changed
 *   after the half-year, and a plan sent again and confirmed again after both half-years with a unit more, another
 *   연차별 추진계획 or a unit less.
 * - A card under a unit's old name taken in (random-office-changes-stale-name.ts): a unit renamed before the
 *   기준 자료, which its department does not apply; its card keeps the old name, leaves a result of that unit blank,
 *   and the office takes it in (카드 반영).
 *
 * The oracle (office-oracle-changes.ts) reads these steps; the player (office-desks-changes.ts) plays them.
 */

/** What an approval of a request sets in the plan, as the generator meant it when it wrote the request's text. */
export interface PlanValues {
  policyGoal?: string;
  totalCost?: number;
  projectPeriod?: ProjectPeriod;
  /** Every 단위사업's name, in the plan's order. */
  unitNames?: string[];
  /**
   * The whole 연차별 추진계획 of these units: by id as the generator meant it, and by the name the request's block
   * gives the unit (how the app applies it).
   */
  unitSchedules?: { unitId: string; unit: string; schedule: Record<string, string> }[];
}

/** A card's 단위사업 as the approvals in `values` leave the plan's: names by position, schedules by unit. */
export function withUnitValues<T extends { id: string; name: string; schedule: Record<string, string> }>(
  units: readonly T[],
  values: PlanValues,
): T[] {
  return units.map((u, i) => ({
    ...u,
    name: values.unitNames?.[i] ?? u.name,
    schedule: values.unitSchedules?.find((s) => s.unitId === u.id)?.schedule ?? u.schedule,
  }));
}

/** A card field a department's other PC changed, or a finance row's 확보 (시비). */
export type TwinPatch =
  | {
      kind: 'managementCard';
      projectId: string;
      status: CardStatus;
      /** The first unit's 집행액 of this source in the half-year. */
      source: FundingSource;
      executed: number;
    }
  | { kind: 'financeRow'; projectId: string; department: string; securedCity: number };

export type ChangeStep =
  | Step
  /** The department drafts the request, 제출s it (요청, dated by its clock) and sends a file of the half-year. */
  | {
      kind: 'requestChange';
      department: string;
      period: string;
      at: string;
      request: ChangeRequest;
      /** What approving it sets. */
      sets: PlanValues;
    }
  | {
      kind: 'decideChange';
      department: string;
      projectId: string;
      requestId: string;
      status: 'reviewing' | 'approved' | 'rejected';
      at: string;
    }
  /** The office's 기준 자료, applied by these departments only (the others do not apply it). */
  | { kind: 'partialBaseline'; at: string; departments: string[] }
  | {
      kind: 'resolveFrozen';
      projectId: string;
      periodId: string;
      department: string;
      decision: 'accepted' | 'rejected';
      at: string;
    }
  /**
   * The department's send (`send`) and, made from the same documents on its other PC with `patches`, a file with
   * the same revision reaching the office at `twinAt`: the one that comes first counts, the other is held.
   */
  | {
      kind: 'twinSend';
      /** The earlier of the two arrivals. */
      at: string;
      send: Extract<Step, { kind: 'send' }>;
      twinAt: string;
      patches: TwinPatch[];
    }
  /**
   * 부서 이관: the office takes a 공약사업 목록 that moves the project to `to`, recording that `from` had it through
   * `through`.
   */
  | { kind: 'moveProject'; projectId: string; from: string; to: string; through: string; at: string }
  /**
   * The department sends its plan again as its next file, made on a PC that holds the plan as `plan` says (the
   * desk holds the confirmed plan, which it cannot send again), signed with its key.
   */
  | { kind: 'resendPlan'; department: string; at: string; plan: ExecutionPlan }
  /** The office's choice on the held file: keep the counted one, or swap the held one in. */
  | {
      kind: 'resolveTwin';
      department: string;
      period: string;
      /** swapBack: swapped in, then the choice reversed (the file counted before counts again). */
      choice: 'keep' | 'swap' | 'swapBack';
      at: string;
    };

export interface ChangesOffice {
  /** The office without the additions; its steps are not played as they are (`steps` replaces them). */
  base: RandomOffice;
  steps: ChangeStep[];
  /** What was made of 폐기 and of the two renames (for a test to see which cases a seed has). */
  dropped: DroppedProject[];
  renamedTwice?: RenamedTwice;
  /** The plan sent again after both half-years ended (random-office-changes-lagging.ts). */
  resentAfter?: PlanResentAfter;
  /** The card under a unit's old name taken in (random-office-changes-stale-name.ts). */
  staleName?: StaleUnitName;
}

const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const dateOf = (at: string): string => at.slice(0, 10);

/** 총사업비 as the form writes it: "12,345.5 백만원". */
export const costText = (amount: number): string => `${amount.toLocaleString('en-US')} 백만원`;
/** 사업기간 as the form writes it: "2018년 7월 ~ 2022년 6월". */
export const periodText = (p: ProjectPeriod): string => {
  const part = (ym: string) => `${ym.slice(0, 4)}년 ${Number(ym.slice(5, 7))}월`;
  return `${part(p.from)} ~ ${part(p.to)}`;
};

/** A card or finance row as the department's other PC changed it. */
export function patched<T extends SentDocument>(doc: T, patches: readonly TwinPatch[]): T {
  if (doc.kind === 'executionPlan') return doc;
  let out: SentDocument = doc;
  for (const p of patches) {
    if (p.projectId !== doc.projectId || p.kind !== doc.kind) continue;
    if (p.kind === 'financeRow' && out.kind === 'financeRow' && p.department === out.department)
      out = { ...out, secured: { ...out.secured, city: p.securedCity } };
    if (p.kind === 'managementCard' && out.kind === 'managementCard') {
      const card: ManagementCard = JSON.parse(JSON.stringify(out)) as ManagementCard;
      const unit = card.unitProjects[0];
      if (unit !== undefined) unit.executed[p.source][card.periodId] = p.executed;
      out = {
        ...card,
        status: p.status,
        statusReason: '',
        completionEvidence: { summary: '', attachments: [] },
      };
    }
  }
  return out as T;
}

type SendStep = Extract<Step, { kind: 'send' }>;
/** An approval sets a field the cards copy from the plan (정책목표, 단위사업, 연차별 추진계획). */
const frozenSet = (v: PlanValues): boolean =>
  v.policyGoal !== undefined || v.unitNames !== undefined || v.unitSchedules !== undefined;
const leadOf = (projectId: string): string =>
  catalog.projects.find((p) => p.id === projectId)?.leadDepartment ?? '';

/** Σ of a plan's 연차별 투자수요 within the term ('18 … '22.6), in 백만원 counted on 천원. */
export const withinTerm = (plan: ExecutionPlan): number =>
  plan.unitProjects.reduce(
    (acc, u) =>
      acc +
      Object.values(u.investmentNeeds).reduce(
        (a, row) =>
          a +
          Object.entries(row)
            .filter(([column]) => column !== AFTER_TERM)
            .reduce((x, [, v]) => x + Math.round((v ?? 0) * 1000), 0),
        0,
      ),
    0,
  ) / 1000;

/**
 * A few plans sent again after the office's 확정 (before its first 기준 자료 reached the departments) with another
 * 연차별 투자수요 and 총사업비, and confirmed again the next day: the plan in force changes, the frozen fields do not.
 * From a stream of its own, so the rest of the office is what it is without them.
 */
function plansSentAgain(seed: number, base: RandomOffice): Step[] {
  const r = seededRandom(seed ^ 0x2e5e_17);
  const firstConfirmation = kst('2018-11-30', '15:00');
  const plans = new Map<string, ExecutionPlan>();
  for (const step of base.steps)
    if (step.kind === 'send' && step.period === 'plan')
      for (const doc of step.save) if (doc.kind === 'executionPlan') plans.set(doc.projectId, doc);
  const confirmedThen = base.steps.flatMap((s) =>
    s.kind === 'confirm' && s.at === firstConfirmation ? [plans.get(s.projectId) ?? []].flat() : [],
  );
  return r
    .shuffle(confirmedThen)
    .slice(0, r.int(1, 3))
    .flatMap((plan): Step[] => {
      const again = JSON.parse(JSON.stringify(plan)) as ExecutionPlan;
      const unit = r.pick(again.unitProjects);
      const source = r.pick(again.fundingSources.length > 0 ? again.fundingSources : ['city' as const]);
      unit.investmentNeeds[source][r.pick(BUDGET_YEARS)] = r.int(20, 3000);
      again.totalCost = { kind: 'amount', amount: withinTerm(again) };
      if (!again.fundingSources.includes(source)) again.fundingSources = [...again.fundingSources, source];
      return [
        {
          kind: 'send',
          department: plan.department,
          period: 'plan',
          at: kst('2018-12-01', '10:00'),
          save: [again],
          projectIds: [plan.projectId],
        },
        { kind: 'confirm', projectId: plan.projectId, at: kst('2018-12-02', '10:00') },
      ];
    });
}

/**
 * 부서 이관: a project (no co-department, no 조정 요청서) moves from its lead to another department from the reported
 * half-year on, recorded in the 공약사업 목록's 부서 이관 sheet after the half-year before was reported, and the
 * next 기준 자료 hands it over. Its documents of the reported half-year (the last version of its card and finance
 * row) are then the new lead's, sent with its first file of the half-year; its card reports no 완료 (a 완료 accepted
 * across a move is not what this is about), and the office decides none for it. From a stream of its own.
 */
function movedProject(
  seed: number,
  base: RandomOffice,
  steps: Step[],
  requested: ReadonlySet<string>,
): { steps: Step[]; move?: Extract<ChangeStep, { kind: 'moveProject' }> } {
  const r = seededRandom(seed ^ 0x1ea5_e5);
  const { periodId, priorId } = base;
  const sends = steps.filter((s): s is SendStep => s.kind === 'send' && s.period === periodId);
  const confirmedIds = new Set(steps.flatMap((s) => (s.kind === 'confirm' ? [s.projectId] : [])));
  const movable = catalog.projects.filter(
    (p) =>
      p.coDepartments.length === 0 &&
      confirmedIds.has(p.id) &&
      !requested.has(p.id) &&
      sends.some(
        (s) =>
          s.department === p.leadDepartment &&
          s.save.some((d) => d.kind === 'managementCard' && d.projectId === p.id),
      ),
  );
  const receivers = [...base.behaviours].filter(
    ([d, b]) => b !== 'missing' && sends.some((s) => s.department === d),
  );
  if (movable.length === 0 || receivers.length < 2) return { steps };
  const project = r.pick(movable);
  const from = project.leadDepartment;
  const to = r.pick(receivers.map(([d]) => d).filter((d) => d !== from));
  const last = new Map<string, SentDocument>();
  const without = steps.flatMap((s): Step[] => {
    if (s.kind === 'decideCompletion' && s.projectId === project.id && s.periodId === periodId) return [];
    if (s.kind !== 'send' || s.period !== periodId || s.department !== from) return [s];
    for (const d of s.save) if (d.projectId === project.id) last.set(d.kind, d);
    const projectIds = s.projectIds.filter((id) => id !== project.id);
    return projectIds.length === 0
      ? []
      : [{ ...s, save: s.save.filter((d) => d.projectId !== project.id), projectIds }];
  });
  const theirs = [...last.values()].map((d): SentDocument => {
    if (d.kind === 'financeRow') return { ...d, department: to };
    if (d.kind !== 'managementCard') return d;
    const asks = d.status === 'completed' || d.status === 'continuing';
    return {
      ...d,
      department: to,
      ...(asks
        ? { status: 'onTrack', statusReason: '', completionEvidence: { summary: '', attachments: [] } }
        : {}),
    };
  });
  const first = without.find((s) => s.kind === 'send' && s.period === periodId && s.department === to);
  const moved = without.map((s) =>
    s === first && s.kind === 'send'
      ? { ...s, save: [...s.save, ...theirs], projectIds: [...s.projectIds, project.id] }
      : s,
  );
  const at = kst(addDays(base.priorDueDate, 6), '10:00');
  return {
    steps: moved,
    move: { kind: 'moveProject', projectId: project.id, from, to, through: priorId, at },
  };
}

export function randomOfficeWithChanges(seed: number): ChangesOffice {
  const base = randomOffice(seed);
  // A stream of its own, so that the base office is the same as randomOffice(seed) gives.
  const r = seededRandom(seed ^ 0x5eed_c4a1);
  const { periodId, priorId, priorDueDate, dueDate } = base;
  const plans = new Map<string, ExecutionPlan>();
  const confirmed = new Set<string>();
  for (const step of base.steps) {
    if (step.kind === 'confirm') confirmed.add(step.projectId);
    if (step.kind === 'send' && step.period === 'plan')
      for (const doc of step.save) if (doc.kind === 'executionPlan') plans.set(doc.projectId, doc);
  }
  const candidates = [...plans.values()].filter((p) => confirmed.has(p.projectId));

  // 조정 요청서: requested during the reported half-year, decided before it ends (early, before the 기준 자료 of
  // priorDue + 45) or after it (late), or left waiting. Every approval on its own day, so the order is clear.
  const steps: ChangeStep[] = [];
  const chosen: ExecutionPlan[] = r.shuffle(candidates).slice(0, r.int(3, 6));
  const again = chosen[0];
  if (again !== undefined && r.chance(0.5)) chosen.push(again); // a second request on one project
  const earlyDays = r.shuffle([26, 28, 30, 32, 34, 36, 38, 40]);
  const lateDays = r.shuffle([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  const approvedEarly: { projectId: string; at: string; sets: PlanValues }[] = [];
  const units = seededRandom(seed ^ 0x0417_a5);
  chosen.forEach((plan, n) => {
    const requestedAt = kst(addDays(priorDueDate, r.int(8, 20)), '10:00');
    const requestId = `cr-${String(Date.parse(requestedAt) + n).padStart(13, '0')}`;
    const rows: ChangeRequest['rows'] = [];
    const sets: PlanValues = {};
    if (r.chance(0.6)) {
      const goal = `${plan.policyGoal} (조정 ${n + 1})`;
      rows.push({ category: CHANGE_GOAL_CATEGORY, original: plan.policyGoal, proposed: goal });
      sets.policyGoal = goal;
    }
    if (r.chance(0.5)) {
      const cost = r.int(1000, 90_000) + (r.chance(0.3) ? 0.5 : 0);
      const was = plan.totalCost?.kind === 'amount' ? plan.totalCost.amount : 0;
      rows.push({ category: '총사업비', original: costText(was), proposed: costText(cost) });
      sets.totalCost = cost;
    }
    if (r.chance(0.4)) {
      // Within the term: the cards say 임기내 완료, which must end by 2022-06.
      const period = r.pick([
        { from: '2019-01', to: '2022-06' },
        { from: '2018-07', to: '2021-12' },
        { from: '2018-10', to: '2022-03' },
      ]);
      const ym = (s: string, short: boolean) =>
        `${short ? s.slice(2, 4) : s.slice(0, 4)}${short ? '년 ' : '.'}${Number(s.slice(5, 7))}${short ? '월' : ''}`;
      rows.push({
        category: '사업기간',
        original: periodText(plan.projectPeriod),
        proposed: `${ym(period.from, false)} ~ ${ym(period.to, true)}`,
      });
      sets.projectPeriod = period;
    }
    // 단위사업 and 연차별 추진계획, on a project with one request only (two approvals renaming units in turn are
    // a rule of their own), from a stream of their own.
    if (chosen.filter((p) => p === plan).length === 1) {
      if (units.chance(0.35)) {
        const k = units.int(0, plan.unitProjects.length - 1);
        const names = plan.unitProjects.map((u, i) => (i === k ? `${u.name} (개칭 ${n + 1})` : u.name));
        const listed = (list: string[]) => list.map((name, i) => `${i + 1}. ${name}`).join('\n');
        rows.push({
          category: '단위사업',
          original: listed(plan.unitProjects.map((u) => u.name)),
          proposed: listed(names),
        });
        sets.unitNames = names;
      }
      if (units.chance(0.3)) {
        const unit = units.pick(plan.unitProjects);
        const schedule = Object.fromEntries(HALF_YEARS.map((h) => [h, `${unit.name} ${h} 조정 추진`]));
        const label = (h: string) => `${h.slice(0, 4)}년 ${h.endsWith('H1') ? '상반기' : '하반기'}`;
        const block = (s: Record<string, string>) =>
          [`[${unit.name}]`, ...HALF_YEARS.map((h) => `- ${label(h)}: ${s[h] ?? ''}`)].join('\n');
        rows.push({ category: '연차별 추진계획', original: block(unit.schedule), proposed: block(schedule) });
        sets.unitSchedules = [{ unitId: unit.id, unit: unit.name, schedule }];
      }
    }
    if (rows.length === 0 || r.chance(0.2))
      rows.push({ category: '기타', original: '시민 자문 절차 없음', proposed: '시민 자문단 운영' });
    steps.push(
      requestChangeStep(plan, { requestId, rows, reason: '사업 여건 변화' }, periodId, requestedAt, sets),
    );
    const decide = (status: 'reviewing' | 'approved' | 'rejected', at: string): void => {
      steps.push({
        kind: 'decideChange',
        department: plan.department,
        projectId: plan.projectId,
        requestId,
        status,
        at,
      });
    };
    const outcome = r.pick(['approved', 'approved', 'approved', 'rejected', 'rejected', 'waiting'] as const);
    const reviewedAt = kst(addDays(dateOf(requestedAt), r.int(1, 4)), '14:00');
    if (outcome === 'waiting') {
      if (r.chance(0.5)) decide('reviewing', reviewedAt);
      return;
    }
    const early = r.chance(0.6);
    const decidedAt = early
      ? kst(addDays(priorDueDate, earlyDays.pop() ?? 41), '16:00')
      : kst(addDays(dueDate, lateDays.pop() ?? 10), '16:00');
    if (outcome === 'approved' || r.chance(0.5)) decide('reviewing', reviewedAt);
    decide(outcome, decidedAt);
    if (outcome === 'approved' && early)
      approvedEarly.push({ projectId: plan.projectId, at: decidedAt, sets });
  });

  // What the early approvals set, in the order they were made (a later approval of a field wins): the 기준 자료
  // after them carries it to the departments, whose cards of the half-year carry the changed 정책목표 and 사업기간.
  const inForce = new Map<string, PlanValues>();
  for (const a of approvedEarly.sort((x, y) => Date.parse(x.at) - Date.parse(y.at)))
    inForce.set(a.projectId, { ...inForce.get(a.projectId), ...a.sets });
  // 폐기: some projects (none of those above) report it, with or without an approved request of 폐기.
  const { dropped, steps: dropSteps } = droppedProjects(seed, base, new Set(chosen.map((p) => p.projectId)));
  steps.push(...dropSteps);
  const baseSteps0 = withDroppedCards(base.steps, dropped, periodId, priorId);
  const sends = baseSteps0.filter((s): s is SendStep => s.kind === 'send' && s.period === periodId);
  const cardsOf = (department: string, projectId: string) =>
    sends.some(
      (s) =>
        s.department === department &&
        s.save.some((d) => d.kind === 'managementCard' && d.projectId === projectId),
    );
  // One department does not apply that 기준 자료: its cards keep the 정책목표 as first confirmed.
  const missers = [
    ...new Set(
      [...inForce]
        .filter(([projectId, v]) => frozenSet(v) && cardsOf(leadOf(projectId), projectId))
        .map(([projectId]) => leadOf(projectId)),
    ),
  ];
  const misser = missers.length > 0 ? r.pick(missers) : undefined;
  steps.push({
    kind: 'partialBaseline',
    at: kst(addDays(priorDueDate, 45), '09:30'),
    departments: [...base.behaviours.keys()].filter((d) => d !== misser),
  });
  for (const [projectId, v] of inForce) {
    if (misser === undefined || leadOf(projectId) !== misser || !frozenSet(v)) continue;
    if (!cardsOf(misser, projectId)) continue;
    const decision = r.pick(['accepted', 'rejected', 'undecided'] as const);
    if (decision !== 'undecided')
      steps.push({
        kind: 'resolveFrozen',
        projectId,
        periodId,
        department: misser,
        decision,
        at: kst(addDays(dueDate, 11), '11:00'),
      });
  }
  // Two renames of one unit in turn, on a project of its own (its lead not the department above): the approvals
  // made before the 기준 자료 are in force for its cards too.
  const sentAgain = plansSentAgain(seed, base);
  const renames = renamedTwice(
    seed,
    base,
    new Set([
      ...chosen.map((p) => p.projectId),
      ...dropped.map((d) => d.projectId),
      ...sentAgain.flatMap((s) => (s.kind === 'confirm' ? [s.projectId] : [])),
    ]),
    misser,
  );
  if (renames !== undefined) {
    steps.push(...renames.steps);
    for (const a of renames.chain.early)
      inForce.set(renames.chain.projectId, { ...inForce.get(renames.chain.projectId), ...a.sets });
  }
  // Now and then the department applies the 기준 자료 after the office decided, and sends those cards again
  // under the plan in force: nothing differs any more, and the card counts (an exclusion is gone).
  const catchUp = misser !== undefined && seededRandom(seed ^ 0xca7c_40).chance(0.5);
  const caughtUpAt = kst(addDays(dueDate, 12), '10:00');
  const written = (doc: SentDocument, department: string, at: string): SentDocument => {
    const values = inForce.get(doc.projectId);
    const missed = department === misser && !(catchUp && Date.parse(at) >= Date.parse(caughtUpAt));
    if (doc.kind !== 'managementCard' || missed || values === undefined) return doc;
    return {
      ...doc,
      ...(values.policyGoal === undefined ? {} : { policyGoal: values.policyGoal }),
      ...(values.projectPeriod === undefined ? {} : { projectPeriod: values.projectPeriod }),
      unitProjects: withUnitValues(doc.unitProjects, values),
    };
  };
  const caughtUp: Step[] = [];
  if (catchUp && misser !== undefined) {
    const last = new Map<string, SentDocument>();
    for (const s of sends)
      if (s.department === misser && Date.parse(s.at) < Date.parse(caughtUpAt))
        for (const d of s.save)
          if (d.kind === 'managementCard' && frozenSet(inForce.get(d.projectId) ?? {}))
            last.set(d.projectId, d);
    if (last.size > 0) {
      steps.push({ kind: 'partialBaseline', at: kst(addDays(dueDate, 12), '09:00'), departments: [misser] });
      caughtUp.push({
        kind: 'send',
        department: misser,
        period: periodId,
        at: caughtUpAt,
        save: [...last.values()].map((d) => written(d, misser, caughtUpAt)),
        projectIds: [...last.keys()],
      });
    }
  }
  const rewritten: Step[] = [
    ...baseSteps0.map((s) =>
      s.kind === 'send' && s.period === periodId
        ? { ...s, save: s.save.map((d) => written(d, s.department, s.at)) }
        : s,
    ),
    ...caughtUp,
    ...sentAgain,
  ];
  const requested = new Set([
    ...chosen.map((p) => p.projectId),
    ...dropped.flatMap((d) => (d.outcome === 'none' ? [] : [d.projectId])),
    ...(renames === undefined ? [] : [renames.chain.projectId]),
  ]);
  const { steps: baseSteps, move } = movedProject(seed, base, rewritten, requested);
  if (move !== undefined) steps.push(move, { kind: 'baseline', at: kst(dateOf(move.at), '11:00') });

  // The department's other PC: another department's last file of the half-year (its correction after the
  // office's 완료 decisions, nothing sent after it) made again there with other figures.
  const lastSend = new Map<string, SendStep>();
  for (const s of baseSteps) if (s.kind === 'send') lastSend.set(s.department, s);
  const twins = [...lastSend.values()].filter(
    (s) =>
      s.department !== misser &&
      s.period === periodId &&
      Date.parse(s.at) > Date.parse(kst(addDays(dueDate, 10), '23:00')) &&
      s.save.length > 0,
  );
  const twin = twins.length > 0 ? r.pick(twins) : undefined;
  const out: ChangeStep[] = baseSteps.map((s): ChangeStep => {
    if (s !== twin) return s;
    const patches = s.save
      .filter((d, i) => i === 0 || r.chance(0.6))
      .flatMap((d): TwinPatch[] =>
        d.kind === 'managementCard'
          ? [
              {
                kind: 'managementCard',
                projectId: d.projectId,
                status: r.pick((['onTrack', 'partial'] as const).filter((x) => x !== d.status)),
                source: d.fundingSources[0] ?? 'city',
                executed: r.int(0, 50),
              },
            ]
          : d.kind === 'financeRow'
            ? [
                {
                  kind: 'financeRow',
                  projectId: d.projectId,
                  department: d.department,
                  securedCity: r.int(0, 5000),
                },
              ]
            : [],
      );
    const twinAt = kst(dateOf(s.at), r.pick(['13:00', '19:00']));
    const at = Date.parse(twinAt) < Date.parse(s.at) ? twinAt : s.at;
    return { kind: 'twinSend', at, send: s, twinAt, patches };
  });
  // From streams of their own: which file the office keeps changes nothing else of the office.
  const choice = seededRandom(seed ^ 0x7a1e).pick(['keep', 'swap'] as const);
  const reversed = choice === 'swap' && seededRandom(seed ^ 0xbac).chance(0.5);
  if (twin !== undefined)
    steps.push({
      kind: 'resolveTwin',
      department: twin.department,
      period: periodId,
      choice: reversed ? 'swapBack' : choice,
      at: kst(addDays(dateOf(twin.at), 1), '10:00'),
    });
  const played = [...out, ...steps].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  // Results left blank, and a plan sent again after both half-years (random-office-changes-lagging.ts).
  const { steps: blanked, resentAfter } = withMissedMilestones(seed, base, played, renames?.chain);
  // Last, on a project and a department of its own: a card under a unit's old name taken in.
  const { steps: all, stale } = withStaleUnitName(seed, base, blanked);
  return {
    base,
    steps: all.sort((a, b) => Date.parse(a.at) - Date.parse(b.at)),
    dropped,
    ...(renames === undefined ? {} : { renamedTwice: renames.chain }),
    ...(resentAfter === undefined ? {} : { resentAfter }),
    ...(stale === undefined ? {} : { staleName: stale }),
  };
}
