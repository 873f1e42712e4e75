import type { ExecutionPlan } from '../../../domain/documents';
import { type ChangeStep, withinTerm } from './random-office-changes';
import {
  BUDGET_YEARS,
  kst,
  type RandomOffice,
  randomOffice,
  seededRandom,
  SOURCES,
  type Step,
} from './random-office';

/**
 * A RandomOffice (random-office.ts, the same seed, its documents unchanged) whose office leaves plans it received
 * unconfirmed (실천계획 확정) at report time or confirms them late, drawn from a random stream of its own:
 *
 * - the plans random-office.ts leaves waiting (a few of each department's, no card or 재정집행현황 for them: the
 *   desk opens none before 확정);
 * - "reported, never confirmed": a plan the office does not confirm while its department reports on it anyway —
 *   the department's copy marks its own plan confirmed (confirmDocument: README's Known limits, no screen offers
 *   it; the office ignores the mark) and writes the cards and 재정집행현황 random-office.ts gives it;
 * - "confirmed late": the same, but the office confirms the plan after the reported half-year's files of it came
 *   (and after the half-year's due date), so that its tables change midway; now and then the plan is sent again
 *   before that (the version the office first confirms is the newer one);
 * - "never sent": reported on the same way, its plan submitted on the department's copy but left out of its file:
 *   the office has no plan of it;
 * - "newer waiting": a plan the office confirmed, sent again with another 연차별 투자수요 (as the department's other
 *   PC makes it, the next file after its last one) and left waiting: the plan first confirmed stays in force;
 * - "newer confirmed": the same, confirmed later (midway): the plan in force is then the newer one, 초기계획 still
 *   the first confirmed.
 *
 * Plans sent again are drawn from the department that sends nothing for the reported half-year where it has one
 * (its project has no card: 현재계획 is the plan in force's), else from the others', after their last file.
 */

/** The department's copy marks its own plan confirmed (the office does not see the mark). */
export type LocalConfirmStep = { kind: 'confirmLocally'; department: string; projectId: string; at: string };
export type ResendPlanStep = Extract<ChangeStep, { kind: 'resendPlan' }>;
export type UnconfirmedStep = Step | LocalConfirmStep | ResendPlanStep;

export interface UnconfirmedOffice {
  /** The office without the additions (its steps are replaced by `steps`). */
  base: RandomOffice;
  steps: UnconfirmedStep[];
  neverConfirmed: string[];
  confirmedLate: string[];
  /** Of those, sent again before the office confirmed it. */
  resentBeforeConfirmation: string[];
  /** Reported on, its plan submitted but never in a file: the office has none. */
  neverSent: string[];
  newerWaiting: string[];
  newerConfirmed: string[];
  /** Steps played when the test looks at the office's tables midway: just before and after each late 확정. */
  checkpoints: number[];
}

const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

export function unconfirmedOffice(seed: number): UnconfirmedOffice {
  const base = randomOffice(seed);
  const r = seededRandom(seed ^ 0x0c0f_1e);
  const { periodId, dueDate } = base;
  const sends = base.steps.filter((s): s is Extract<Step, { kind: 'send' }> => s.kind === 'send');
  const plans = new Map<string, ExecutionPlan>();
  for (const s of sends)
    if (s.period === 'plan')
      for (const d of s.save) if (d.kind === 'executionPlan') plans.set(d.projectId, d);
  const confirmAt = new Map(base.steps.flatMap((s) => (s.kind === 'confirm' ? [[s.projectId, s.at]] : [])));
  const missing = [...base.behaviours].find(([, b]) => b === 'missing')?.[0];
  const carded = (projectId: string, half: string): boolean =>
    sends.some(
      (s) =>
        s.period === half && s.save.some((d) => d.kind === 'managementCard' && d.projectId === projectId),
    );
  const lastSend = (department: string): string =>
    sends
      .filter((s) => s.department === department)
      .map((s) => s.importedAt ?? s.at)
      .sort((a, b) => Date.parse(a) - Date.parse(b))
      .at(-1) ?? kst('2018-09-30', '10:00');

  // Plans the office confirmed on time whose lead reported on them in the reported half-year: some are left
  // unconfirmed (reported anyway), some confirmed late. The shared project now and then among them: its
  // co-department's 재정집행현황 comes whatever the lead's plan.
  const reported = r.shuffle(
    [...plans.values()].filter(
      (p) =>
        confirmAt.get(p.projectId) === kst('2018-11-30', '15:00') &&
        p.department !== missing &&
        carded(p.projectId, periodId),
    ),
  );
  const neverConfirmed = reported.slice(0, r.int(1, 2)).map((p) => p.projectId);
  const confirmedLate = reported
    .slice(neverConfirmed.length, neverConfirmed.length + r.int(1, 2))
    .map((p) => p.projectId);
  // One reported on whose plan never reached the office: the department submitted it but left it out of its file.
  const planSend = (department: string) =>
    sends.find((s) => s.period === 'plan' && s.department === department) as Extract<Step, { kind: 'send' }>;
  const neverSent = reported
    .slice(neverConfirmed.length + confirmedLate.length)
    .filter((p) => planSend(p.department).projectIds.length > 1 && r.chance(0.6))
    .slice(0, 1)
    .map((p) => p.projectId);
  const withoutOffice = new Set([...neverConfirmed, ...confirmedLate, ...neverSent]);

  // Plans sent again: the missing department's first (no card of the reported half-year), then another's.
  const resendable = (p: ExecutionPlan) => confirmAt.has(p.projectId) && !withoutOffice.has(p.projectId);
  const fromMissing = r.shuffle([...plans.values()].filter((p) => resendable(p) && p.department === missing));
  const fromOthers = r.shuffle(
    [...plans.values()].filter(
      (p) => resendable(p) && p.department !== missing && carded(p.projectId, periodId),
    ),
  );
  const newerWaiting = [fromMissing[0], fromOthers[0]].filter((p) => p !== undefined).map((p) => p.projectId);
  const newerConfirmed = fromMissing.slice(1, 2).map((p) => p.projectId);

  const steps: UnconfirmedStep[] = base.steps.flatMap((s): Step[] => {
    if (s.kind === 'confirm' && withoutOffice.has(s.projectId)) return [];
    if (s.kind !== 'send' || s.period !== 'plan') return [s];
    return [{ ...s, projectIds: s.projectIds.filter((id) => !neverSent.includes(id)) }];
  });

  /** The plan as its department sends it again: another 연차별 투자수요 in each unit, 총사업비 and 재원 with it. */
  const sentAgain = (plan: ExecutionPlan): ExecutionPlan => {
    const again = clone(plan);
    for (const unit of again.unitProjects) {
      const source = r.pick(again.fundingSources.length > 0 ? again.fundingSources : ['city' as const]);
      unit.investmentNeeds[source][r.pick(BUDGET_YEARS)] = r.int(20, 3000) + r.int(0, 999) / 1000;
    }
    again.totalCost = { kind: 'amount', amount: withinTerm(again) };
    const withMoney = SOURCES.filter((s) =>
      again.unitProjects.some((u) => Object.values(u.investmentNeeds[s]).some((v) => (v ?? 0) > 0)),
    );
    again.fundingSources = SOURCES.filter((s) => withMoney.includes(s) || again.fundingSources.includes(s));
    return again;
  };

  const lateConfirmations: Step[] = [];
  const resentBeforeConfirmation: string[] = [];
  for (const projectId of withoutOffice) {
    const plan = plans.get(projectId) as ExecutionPlan;
    // Before its first 기준 자료 (which does not carry it): the department goes ahead on its own mark.
    steps.push({
      kind: 'confirmLocally',
      department: plan.department,
      projectId,
      at: kst('2018-11-30', '16:00'),
    });
    if (!confirmedLate.includes(projectId)) continue;
    let at = Date.parse(kst(addDays(dueDate, r.int(2, 20)), '17:30'));
    // Now and then sent again (after the department's last file) before the office confirms it: the version it
    // confirms first is then the newer one.
    if (projectId === confirmedLate[0] && r.chance(0.5)) {
      const resent = Date.parse(lastSend(plan.department)) + 86_400_000;
      steps.push({
        kind: 'resendPlan',
        department: plan.department,
        at: new Date(resent).toISOString(),
        plan: sentAgain(plan),
      });
      resentBeforeConfirmation.push(projectId);
      at = Math.max(at, resent + 86_400_000);
    }
    lateConfirmations.push({ kind: 'confirm', projectId, at: new Date(at).toISOString() });
  }
  for (const projectId of [...newerWaiting, ...newerConfirmed]) {
    const plan = plans.get(projectId) as ExecutionPlan;
    const again = sentAgain(plan);
    // After the department's last file (its copy makes no file after it), some days before the due date when it
    // sends nothing for the half-year.
    const after = Date.parse(lastSend(plan.department)) + 86_400_000;
    const early = Date.parse(kst(addDays(dueDate, -r.int(20, 40)), '10:00'));
    const at = new Date(Math.max(after, plan.department === missing ? early : after)).toISOString();
    steps.push({ kind: 'resendPlan', department: plan.department, at, plan: again });
    if (newerConfirmed.includes(projectId))
      lateConfirmations.push({
        kind: 'confirm',
        projectId,
        at: new Date(
          Math.max(Date.parse(at), Date.parse(kst(dueDate, '09:00'))) + r.int(1, 15) * 86_400_000,
        ).toISOString(),
      });
  }
  steps.push(...lateConfirmations);
  steps.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const checkpoints = lateConfirmations.flatMap((c) => {
    const i = steps.indexOf(c);
    return [i, i + 1];
  });
  return {
    base,
    steps,
    neverConfirmed,
    confirmedLate,
    resentBeforeConfirmation,
    neverSent,
    newerWaiting,
    newerConfirmed,
    checkpoints: [...new Set(checkpoints)].sort((a, b) => a - b),
  };
}
