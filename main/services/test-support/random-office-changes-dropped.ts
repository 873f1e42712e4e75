import type { ExecutionPlan, ManagementCard } from '../../../domain/documents';
import { requestChangeStep } from './random-office-change-request';
import type { ChangeStep } from './random-office-changes';
import { catalog, kst, type RandomOffice, seededRandom, type SentDocument, type Step } from './random-office';

/**
 * 폐기 for random-office-changes.ts: a few projects whose lead's cards of the reported half-year (now and then
 * those of the half-year before too) report 폐기, some with a 공약 조정 요청서 asking for it that the citizens' panel
 * approves (before the half-year ends, or after it), some with one rejected or left waiting, some with none. A
 * request of 폐기 rewrites no field of the plan: its row's 구분 ("공약 폐기") is only recorded in the history.
 * From a stream of its own, so that the rest of the office is what it is without them.
 */

export type DroppedOutcome = 'approvedEarly' | 'approvedLate' | 'rejected' | 'waiting' | 'none';

export interface DroppedProject {
  projectId: string;
  department: string;
  outcome: DroppedOutcome;
  /** The card of the half-year before reports 폐기 too. */
  alsoPrior: boolean;
}

/** What the request of 폐기 and the office's decisions on it add to the steps. */
export type DroppedStep = Extract<ChangeStep, { kind: 'requestChange' | 'decideChange' }>;

const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The 보류·폐기 사유 of a card reporting 폐기. */
export const DROPPED_REASON = '사업 여건 변화로 추진하지 않음 (공약 폐기)';
export const DROP_CATEGORY = '공약 폐기';

type SendStep = Extract<Step, { kind: 'send' }>;

/**
 * Which projects report 폐기 and what is requested and decided for them. Candidates: plans the office confirmed
 * whose lead sends a card of the reported half-year, none of `exclude` (projects with other requests).
 */
export function droppedProjects(
  seed: number,
  base: RandomOffice,
  exclude: ReadonlySet<string>,
): { dropped: DroppedProject[]; steps: DroppedStep[] } {
  const r = seededRandom(seed ^ 0xd20b_be5);
  const { periodId, priorDueDate, dueDate } = base;
  const plans = new Map<string, ExecutionPlan>();
  const confirmed = new Set<string>();
  for (const step of base.steps) {
    if (step.kind === 'confirm') confirmed.add(step.projectId);
    if (step.kind === 'send' && step.period === 'plan')
      for (const doc of step.save) if (doc.kind === 'executionPlan') plans.set(doc.projectId, doc);
  }
  const carded = new Set(
    base.steps.flatMap((s) =>
      s.kind === 'send' && s.period === periodId
        ? s.save.flatMap((d) =>
            d.kind === 'managementCard' && d.department === leadOf(d.projectId) ? [d.projectId] : [],
          )
        : [],
    ),
  );
  const candidates = [...plans.values()].filter(
    (p) => confirmed.has(p.projectId) && carded.has(p.projectId) && !exclude.has(p.projectId),
  );
  const chosen = r.shuffle(candidates).slice(0, r.int(2, 3));
  // The first with an approval, the second without one, a third either way.
  const outcomes: DroppedOutcome[] = [
    r.pick(['approvedEarly', 'approvedLate'] as const),
    r.pick(['rejected', 'waiting', 'none'] as const),
    r.pick(['approvedEarly', 'approvedLate', 'rejected', 'waiting', 'none'] as const),
  ];
  // Approval days of their own (random-office-changes.ts decides early on even days 26–40, late on days 1–10).
  const earlyDays = r.shuffle([25, 27, 29, 31, 33, 35]);
  const lateDays = r.shuffle([13, 14, 15]);
  const steps: DroppedStep[] = [];
  const dropped = chosen.map((plan, n): DroppedProject => {
    const outcome = outcomes[n] ?? 'none';
    const entry = {
      projectId: plan.projectId,
      department: plan.department,
      outcome,
      alsoPrior: r.chance(0.4),
    };
    if (outcome === 'none') return entry;
    const requestedAt = kst(addDays(priorDueDate, r.int(8, 20)), '11:00');
    const requestId = `cr-drop-${plan.projectId.replaceAll('-', '')}-${n + 1}`;
    const rows = [
      { category: DROP_CATEGORY, original: `${plan.projectName} 추진`, proposed: '공약 폐기 (사업 미추진)' },
    ];
    steps.push(
      requestChangeStep(plan, { requestId, rows, reason: DROPPED_REASON }, periodId, requestedAt, {}),
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
    const reviewedAt = kst(addDays(requestedAt.slice(0, 10), r.int(1, 4)), '14:00');
    if (outcome === 'waiting') {
      if (r.chance(0.5)) decide('reviewing', reviewedAt);
      return entry;
    }
    decide('reviewing', reviewedAt);
    if (outcome === 'rejected')
      decide('rejected', kst(r.chance(0.5) ? addDays(priorDueDate, 41) : addDays(dueDate, 12), '15:00'));
    else if (outcome === 'approvedEarly')
      decide('approved', kst(addDays(priorDueDate, earlyDays.pop() ?? 37), '16:00'));
    else decide('approved', kst(addDays(dueDate, lateDays.pop() ?? 16), '16:00'));
    return entry;
  });
  return { dropped, steps };
}

const leadOf = (projectId: string): string =>
  catalog.projects.find((p) => p.id === projectId)?.leadDepartment ?? '';

/** A card reporting 폐기 (its reason written, no 완료 근거). */
export const droppedCard = (card: ManagementCard): ManagementCard => ({
  ...card,
  status: 'dropped',
  statusReason: DROPPED_REASON,
  completionEvidence: { summary: '', attachments: [] },
});

/**
 * The steps with every version of those projects' lead cards of the reported half-year (and of the half-year
 * before, for `alsoPrior`) reporting 폐기, and no 완료 decision on them (none is asked for).
 */
export function withDroppedCards(
  steps: readonly Step[],
  dropped: readonly DroppedProject[],
  periodId: string,
  priorId: string,
): Step[] {
  const drops = (projectId: string, period: string): boolean =>
    dropped.some(
      (d) => d.projectId === projectId && (period === periodId || (period === priorId && d.alsoPrior)),
    );
  return steps.flatMap((s): Step[] => {
    if (s.kind === 'decideCompletion') return drops(s.projectId, s.periodId) ? [] : [s];
    if (s.kind !== 'send') return [s];
    const save = s.save.map((d): SentDocument =>
      d.kind === 'managementCard' && d.department === leadOf(d.projectId) && drops(d.projectId, d.periodId)
        ? droppedCard(d)
        : d,
    );
    return [{ ...s, save } satisfies SendStep];
  });
}
