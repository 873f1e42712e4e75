import { CHANGE_GOAL_CATEGORY, type ChangeRequest, type ExecutionPlan } from '../../../domain/documents';
import { requestChangeStep } from './random-office-change-request';
import type { ChangeStep, PlanValues } from './random-office-changes';
import { catalog, HALF_YEARS, kst, type RandomOffice, seededRandom } from './random-office';

/**
 * Two successive renames of one 단위사업 for random-office-changes.ts: a department asks to rename a unit (A → B),
 * the citizens' panel approves it; it asks again (B → C, its 당초 the plan as the first approval left it) and that
 * is approved too. Now and then a 연차별 추진계획 of that unit is approved as well, under the name it then had:
 * before the first rename (under A) or between the two (under B). Every request of the chain is made early in the
 * reported half-year and the first approvals come before the 기준 자료 of priorDue + 45 (the department's cards of
 * the half-year carry them); the second rename is approved before it too ('early') or after the half-year ends
 * ('split').
 *
 * Then, now and then, the department sends the plan again after everything it sent for the half-year (the desk
 * holds the confirmed plan, which it cannot send; the file is made as its other PC makes it, signed with its key as
 * its next file) with a 세부계획 improved and, as that PC has it, the units as first sent, or with the first rename
 * typed in by hand, or with one unit more; the office confirms it again the next day. What the confirmed plan then
 * says follows the documented rule (README, Known limits: "Approved 단위사업 and 연차별 추진계획 apply by unit name
 * and position, not by id"), which the oracle works out on its own.
 * From a stream of its own, so that the rest of the office is what it is without it.
 */

export type ScheduleApproval = 'none' | 'underOld' | 'underMiddle';
export type ResentAs = 'firstSent' | 'renamedByHand' | 'oneMoreUnit';

export interface RenamedTwice {
  projectId: string;
  department: string;
  /** The unit's position in the plan, and its three names. */
  position: number;
  names: [string, string, string];
  schedule: ScheduleApproval;
  /** When the second rename is approved: before the half-year's 기준 자료, or after the half-year. */
  secondRename: 'early' | 'split';
  /** How the plan is sent again, if it is. */
  resent: ResentAs | null;
  /** What the approvals made before the 기준 자료 of priorDue + 45 set, in order. */
  early: { at: string; sets: PlanValues }[];
}

const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const listed = (names: readonly string[]): string => names.map((name, i) => `${i + 1}. ${name}`).join('\n');
const label = (h: string): string => `${h.slice(0, 4)}년 ${h.endsWith('H1') ? '상반기' : '하반기'}`;
const block = (unit: string, s: Record<string, string>): string =>
  [`[${unit}]`, ...HALF_YEARS.map((h) => `- ${label(h)}: ${s[h] ?? ''}`)].join('\n');

/**
 * The chain on one project: a plan the office confirmed (once: not one sent again), whose lead is not `misser`
 * (the department that does not apply the 기준 자료) and sends a card of the reported half-year, none of `exclude`.
 * Undefined when there is none.
 */
export function renamedTwice(
  seed: number,
  base: RandomOffice,
  exclude: ReadonlySet<string>,
  misser: string | undefined,
): { chain: RenamedTwice; steps: ChangeStep[] } | undefined {
  const r = seededRandom(seed ^ 0x2a3e_d2);
  const { periodId, priorDueDate, dueDate } = base;
  const plans = new Map<string, ExecutionPlan>();
  const confirms = new Map<string, number>();
  for (const step of base.steps) {
    if (step.kind === 'confirm') confirms.set(step.projectId, (confirms.get(step.projectId) ?? 0) + 1);
    if (step.kind === 'send' && step.period === 'plan')
      for (const doc of step.save) if (doc.kind === 'executionPlan') plans.set(doc.projectId, doc);
  }
  const carded = new Set(
    base.steps.flatMap((s) =>
      s.kind === 'send' && s.period === periodId
        ? s.save.flatMap((d) => (d.kind === 'managementCard' ? [`${d.projectId}|${d.department}`] : []))
        : [],
    ),
  );
  const lead = (id: string) => catalog.projects.find((p) => p.id === id)?.leadDepartment;
  const candidates = [...plans.values()].filter(
    (p) =>
      confirms.get(p.projectId) === 1 &&
      !exclude.has(p.projectId) &&
      p.department !== misser &&
      lead(p.projectId) === p.department &&
      carded.has(`${p.projectId}|${p.department}`),
  );
  if (candidates.length === 0) return undefined;
  const plan = r.pick(candidates);
  const position = r.int(0, plan.unitProjects.length - 1);
  const unit = plan.unitProjects[position] as ExecutionPlan['unitProjects'][number];
  const names: [string, string, string] = [unit.name, `${unit.name} 1차 개칭`, `${unit.name} 2차 개칭`];
  const namesWith = (name: string) => plan.unitProjects.map((u, i) => (i === position ? name : u.name));
  const schedule = r.pick(['none', 'underOld', 'underMiddle'] as const);
  const secondRename = r.pick(['early', 'split'] as const);
  const resent = r.chance(0.75) ? r.pick(['firstSent', 'renamedByHand', 'oneMoreUnit'] as const) : null;

  const steps: ChangeStep[] = [];
  const early: RenamedTwice['early'] = [];
  const day = (n: number, time: string) => kst(addDays(priorDueDate, n), time);
  let serial = 0;
  const request = (
    requestedAt: string,
    approvedAt: string,
    rows: ChangeRequest['rows'],
    sets: PlanValues,
  ): void => {
    serial += 1;
    const requestId = `cr-units-${plan.projectId.replaceAll('-', '')}-${serial}`;
    const reason = '사업 내용 구체화에 따른 단위사업 정비';
    steps.push(requestChangeStep(plan, { requestId, rows, reason }, periodId, requestedAt, sets));
    const decide = (status: 'reviewing' | 'approved', at: string): ChangeStep => ({
      kind: 'decideChange',
      department: plan.department,
      projectId: plan.projectId,
      requestId,
      status,
      at,
    });
    // 승인 follows 검토중 (the office records it first).
    steps.push(decide('reviewing', kst(addDays(requestedAt.slice(0, 10), r.int(1, 2)), '14:00')));
    steps.push(decide('approved', approvedAt));
    if (Date.parse(approvedAt) < Date.parse(day(45, '09:30'))) early.push({ at: approvedAt, sets });
  };
  const scheduleOf = (name: string): Record<string, string> =>
    Object.fromEntries(HALF_YEARS.map((h) => [h, `${name} ${h} 개편 추진`]));
  const scheduleRequest = (name: string, requestedAt: string, approvedAt: string): void => {
    const s = scheduleOf(name);
    request(
      requestedAt,
      approvedAt,
      [{ category: '연차별 추진계획', original: block(name, unit.schedule), proposed: block(name, s) }],
      { unitSchedules: [{ unitId: unit.id, unit: name, schedule: s }] },
    );
  };

  // Approvals on days of their own (random-office-changes.ts decides early on even days 26–40, late on days 1–10).
  if (schedule === 'underOld') scheduleRequest(names[0], day(3, '10:30'), day(9, '16:00'));
  const rename = (from: string, to: string) => [
    { category: '단위사업', original: listed(namesWith(from)), proposed: listed(namesWith(to)) },
  ];
  request(day(5, '10:30'), day(11, '16:00'), rename(names[0], names[1]), { unitNames: namesWith(names[1]) });
  if (schedule === 'underMiddle') scheduleRequest(names[1], day(12, '10:30'), day(17, '16:00'));
  // A 정책목표 row rides along now and then: the second request is not only a rename.
  const goal = r.chance(0.3) ? `${plan.policyGoal} (단위사업 정비)` : undefined;
  request(
    day(18, '10:30'),
    secondRename === 'early' ? day(23, '16:00') : kst(addDays(dueDate, 11), '16:00'),
    [
      ...rename(names[1], names[2]),
      ...(goal === undefined
        ? []
        : [{ category: CHANGE_GOAL_CATEGORY, original: plan.policyGoal, proposed: goal }]),
    ],
    { unitNames: namesWith(names[2]), ...(goal === undefined ? {} : { policyGoal: goal }) },
  );

  if (resent !== null) {
    const again = JSON.parse(JSON.stringify(plan)) as ExecutionPlan;
    again.lifecycle = 'submitted';
    const first = again.unitProjects[0];
    if (first !== undefined) first.detailedPlan = `${first.detailedPlan}\n- 세부계획 보완`;
    if (resent === 'renamedByHand') (again.unitProjects[position] as typeof unit).name = names[1];
    if (resent === 'oneMoreUnit') {
      const n = again.unitProjects.length + 1;
      const name = `${plan.projectId} 단위사업 ${n}`;
      again.unitProjects.push({
        id: `u${n}`,
        name,
        detailedPlan: `- ${name} 세부 추진`,
        schedule: Object.fromEntries(HALF_YEARS.map((h, k) => [h, `${name} ${k + 1}단계`])),
        investmentNeeds: { national: {}, city: {}, district: {}, private: {}, other: {} },
        cooperationNeeds: '',
      });
    }
    steps.push(
      {
        kind: 'resendPlan',
        department: plan.department,
        at: kst(addDays(dueDate, 18), '10:00'),
        plan: again,
      },
      { kind: 'confirm', projectId: plan.projectId, at: kst(addDays(dueDate, 19), '10:00') },
    );
  }
  return {
    chain: {
      projectId: plan.projectId,
      department: plan.department,
      position,
      names,
      schedule,
      secondRename,
      resent,
      early,
    },
    steps,
  };
}
