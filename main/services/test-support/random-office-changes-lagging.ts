import type { ExecutionPlan, ManagementCard } from '../../../domain/documents';
import type { ChangeStep } from './random-office-changes';
import type { RenamedTwice } from './random-office-changes-renames';
import { HALF_YEARS, kst, type RandomOffice, seededRandom, type SentDocument } from './random-office';

/**
 * 부진 사업's missed milestones for random-office-changes.ts, which otherwise has none (every card reports a result
 * for each half-year of its units):
 *
 * - Results left blank: now and then a lead's card of the reported half-year or the one before leaves one unit's
 *   result of a half-year (up to its own) blank, in every version it sends; more often on a unit whose 연차별
 *   추진계획 the panel approved after the reported half-year ended, or whose second rename it approved then
 *   ('split'): the plan the card is held to and the plan now then name another text or another unit name.
 * - The case of commit 749bf3d: a plan (confirmed once, no 조정 요청서, not moved, its lead's cards of both
 *   half-years neither 완료, 이행 후 계속 추진 nor 폐기) sent again after everything else — after both half-years ended —
 *   and confirmed again the next day, with one unit more (its card has no result for it), with another 연차별
 *   추진계획 for a unit whose result the cards leave blank for a half-year, or without a unit whose result the cards
 *   leave blank (its 투자수요 moved to the unit before it, so that no amount changes). Read from the plan now, the
 *   cards of both half-years would miss other milestones than they do against the plan they are held to.
 *
 * From a stream of its own, so that the rest of the office is what it is without it.
 */

export type ResentAfter = 'oneMoreUnit' | 'otherSchedule' | 'unitDropped';

export interface PlanResentAfter {
  projectId: string;
  department: string;
  resent: ResentAfter;
  /** The unit added, given another schedule, or dropped. */
  unitId: string;
}

const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
/** The last instant of a half-year, Korean time. */
const endOf = (periodId: string): number =>
  Date.parse(`${periodId.slice(0, 4)}-${periodId.endsWith('H1') ? '06-30' : '12-31'}T23:59:59.999+09:00`);

type SendStep = Extract<ChangeStep, { kind: 'send' }>;
const sendOf = (step: ChangeStep): SendStep | undefined =>
  step.kind === 'send' ? step : step.kind === 'twinSend' ? step.send : undefined;
const exempt = (status: ManagementCard['status']): boolean =>
  status === 'completed' || status === 'continuing' || status === 'dropped';

export function withMissedMilestones(
  seed: number,
  base: RandomOffice,
  steps: readonly ChangeStep[],
  renamed: RenamedTwice | undefined,
): { steps: ChangeStep[]; resentAfter?: PlanResentAfter } {
  const r = seededRandom(seed ^ 0x1a66_1e9);
  const { periodId, priorId, dueDate } = base;
  const halves = [priorId, periodId];

  // The lead cards of both half-years as last sent, the plans as sent, how often each was confirmed.
  const lastCard = new Map<string, ManagementCard>();
  const plans = new Map<string, ExecutionPlan>();
  const confirms = new Map<string, number>();
  const requested = new Set<string>();
  const moved = new Set<string>();
  for (const step of steps) {
    if (step.kind === 'confirm') confirms.set(step.projectId, (confirms.get(step.projectId) ?? 0) + 1);
    if (step.kind === 'requestChange') requested.add(step.request.projectId);
    if (step.kind === 'moveProject') moved.add(step.projectId);
    if (step.kind === 'resendPlan') plans.set(step.plan.projectId, step.plan);
    const send = sendOf(step);
    if (send === undefined) continue;
    for (const d of send.save) {
      if (d.kind === 'executionPlan') plans.set(d.projectId, d);
      if (d.kind === 'managementCard' && halves.includes(send.period))
        lastCard.set(`${send.period}|${d.projectId}`, d);
    }
  }

  // Units whose schedule or name the panel changed after the reported half-year ended.
  const lateUnits = new Map<string, Set<string>>();
  const lateUnit = (projectId: string, unitId: string) =>
    lateUnits.set(projectId, new Set([...(lateUnits.get(projectId) ?? []), unitId]));
  const requests = new Map(
    steps.flatMap((s) => (s.kind === 'requestChange' ? [[s.request.requestId, s] as const] : [])),
  );
  for (const step of steps) {
    if (step.kind !== 'decideChange' || step.status !== 'approved' || Date.parse(step.at) <= endOf(periodId))
      continue;
    for (const s of requests.get(step.requestId)?.sets.unitSchedules ?? [])
      lateUnit(step.projectId, s.unitId);
  }
  if (renamed?.secondRename === 'split') {
    const unit = plans.get(renamed.projectId)?.unitProjects[renamed.position];
    if (unit !== undefined) lateUnit(renamed.projectId, unit.id);
  }

  // The plan sent again after everything, on a project of its own.
  const candidates = [...plans.values()].filter((p) => {
    const cards = halves.map((h) => lastCard.get(`${h}|${p.projectId}`));
    return (
      confirms.get(p.projectId) === 1 &&
      !requested.has(p.projectId) &&
      !moved.has(p.projectId) &&
      cards.every((c) => c !== undefined && c.department === p.department && !exempt(c.status))
    );
  });
  const blanks = new Map<string, { unitId: string; half: string }[]>(); // by `${half}|${projectId}`
  const blank = (half: string, projectId: string, unitId: string, at: string) =>
    blanks.set(`${half}|${projectId}`, [...(blanks.get(`${half}|${projectId}`) ?? []), { unitId, half: at }]);
  const added: ChangeStep[] = [];
  let resentAfter: PlanResentAfter | undefined;
  if (candidates.length > 0) {
    const plan = r.pick(candidates);
    const again = JSON.parse(JSON.stringify(plan)) as ExecutionPlan;
    again.lifecycle = 'submitted';
    const units = again.unitProjects;
    const resent = r.pick(
      units.length > 1
        ? (['oneMoreUnit', 'otherSchedule', 'unitDropped'] as const)
        : (['oneMoreUnit', 'otherSchedule'] as const),
    );
    let unitId: string;
    if (resent === 'oneMoreUnit') {
      const n = units.length + 1;
      const name = `${plan.projectId} 단위사업 ${n} (추가)`;
      unitId = `u${n}`;
      units.push({
        id: unitId,
        name,
        detailedPlan: `- ${name} 세부 추진`,
        schedule: Object.fromEntries(HALF_YEARS.map((h, k) => [h, `${name} ${k + 1}단계`])),
        investmentNeeds: { national: {}, city: {}, district: {}, private: {}, other: {} },
        cooperationNeeds: '',
      });
    } else {
      const k = resent === 'unitDropped' ? r.int(1, units.length - 1) : r.int(0, units.length - 1);
      const unit = units[k] as (typeof units)[number];
      unitId = unit.id;
      if (resent === 'otherSchedule')
        unit.schedule = Object.fromEntries(HALF_YEARS.map((h) => [h, `${unit.name} ${h} 재수립 추진`]));
      else {
        // Its 투자수요 to the unit before it, so that the plan's amounts stay as they were.
        const into = units[k - 1] as (typeof units)[number];
        for (const [source, row] of Object.entries(unit.investmentNeeds) as [
          keyof typeof unit.investmentNeeds,
          Record<string, number | null>,
        ][])
          for (const [column, v] of Object.entries(row))
            if (v != null)
              // Added in 천원: an amount has three decimals at most (백만원).
              into.investmentNeeds[source][column] =
                (Math.round((into.investmentNeeds[source][column] ?? 0) * 1000) + Math.round(v * 1000)) /
                1000;
        units.splice(k, 1);
      }
      // Both half-years' cards leave one result of that unit blank (a half-year both have).
      const at = r.pick(HALF_YEARS.filter((h) => h <= priorId));
      for (const h of halves) blank(h, plan.projectId, unitId, at);
    }
    added.push(
      {
        kind: 'resendPlan',
        department: plan.department,
        at: kst(addDays(dueDate, 20), '10:00'),
        plan: again,
      },
      { kind: 'confirm', projectId: plan.projectId, at: kst(addDays(dueDate, 21), '10:00') },
    );
    resentAfter = { projectId: plan.projectId, department: plan.department, resent, unitId };
  }

  // Other results left blank: mostly on the units changed late, now and then on any card.
  for (const [key, card] of lastCard) {
    const [half = '', projectId = ''] = key.split('|');
    if (projectId === resentAfter?.projectId) continue;
    const late = [...(lateUnits.get(projectId) ?? [])].filter((id) =>
      card.unitProjects.some((u) => u.id === id),
    );
    const unitId =
      late.length > 0 && r.chance(0.8)
        ? r.pick(late)
        : r.chance(0.2)
          ? r.pick(card.unitProjects).id
          : undefined;
    if (unitId !== undefined) blank(half, projectId, unitId, r.pick(HALF_YEARS.filter((h) => h <= half)));
  }

  const withBlanks = (doc: SentDocument, half: string): SentDocument => {
    const those = doc.kind === 'managementCard' ? blanks.get(`${half}|${doc.projectId}`) : undefined;
    if (doc.kind !== 'managementCard' || those === undefined) return doc;
    return {
      ...doc,
      unitProjects: doc.unitProjects.map((u) => {
        const off = those.filter((b) => b.unitId === u.id).map((b) => b.half);
        return off.length === 0
          ? u
          : {
              ...u,
              results: Object.fromEntries(Object.entries(u.results).filter(([h]) => !off.includes(h))),
            };
      }),
    };
  };
  const out = steps.map((step): ChangeStep => {
    if (step.kind === 'send') return { ...step, save: step.save.map((d) => withBlanks(d, step.period)) };
    if (step.kind === 'twinSend')
      return {
        ...step,
        send: { ...step.send, save: step.send.save.map((d) => withBlanks(d, step.send.period)) },
      };
    return step;
  });
  return { steps: [...out, ...added], ...(resentAfter === undefined ? {} : { resentAfter }) };
}
