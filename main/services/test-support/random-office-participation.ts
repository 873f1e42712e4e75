import type { CitizenParticipation, ExecutionPlan, ManagementCard } from '../../../domain/documents';
import { findPeriod } from '../../../domain/term/periods';
import {
  cardOf,
  catalog,
  HALF_YEARS,
  kst,
  type RandomOffice,
  randomOffice,
  type Random,
  type SentDocument,
  seededRandom,
  type Step,
  term,
} from './random-office';
import { coCardOf, type CoStep } from './random-office-codept';

/**
 * random-office.ts's office with 시민참여 실적 on every plan and card, and leads that skip half-years: the lead's cards of
 * every half-year of the term before the one before the reported one (a few left out at random), some projects whose
 * lead sent no card for several half-years in a row (the reported one and the one before, and now and then the one
 * before that — the shared project's lead too, now and then; or the one before and the one before that, the reported
 * one sent), one with no card at all (its confirmed plan counts), cards sent again with other counts (earlier
 * half-years' cards of those projects, the half-year before's cards of projects without one of the reported
 * half-year), and the shared project's co-department's own card in the reported half-year and the one before, taken
 * in by the office (never counted for 시민참여: it is not the lead's).
 *
 * Counts are cumulative from the term's start, as on the forms: each card starts from its lead's last card (or the
 * plan) and adds to it; a card sent again adds more (so the first and the latest revision differ), and so does its
 * list of activities. What it draws comes from a random stream of its own, so the base office is random-office.ts's
 * for the same seed; the extra cards are played by office-desks-codept.ts's player (the co-department's card as it
 * sends it, the rest as office-desks.ts does).
 */

/** How a project's lead skips half-years, as the seed chose. */
export type Gap =
  /** No card of the reported half-year nor of the one before (now and then of the one before that either). */
  | 'skipsRecent'
  /** No card of the half-year before nor of the one before that; the reported half-year's card sent. */
  | 'skipsBefore'
  /** No card of any half-year: its confirmed plan counts. */
  | 'noCards';

export interface ParticipationOffice extends Omit<RandomOffice, 'steps'> {
  shared: (typeof catalog.projects)[number];
  co: string;
  gaps: Map<string, Gap>;
  steps: (Step | CoStep)[];
}

const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const dueDateOf = (periodId: string): string => findPeriod(term, periodId)?.dueDate ?? '';

const ACTIVITIES = ['주민설명회 개최', '시민 만족도 조사', '전문가 자문회의', '언론 보도', '현장 간담회'];

/**
 * Counts from `from` and more: each key by 0–`most` (at least one key by one when `grow`), its activities and one
 * or two new ones now and then (dated in `month`).
 */
function grown(
  r: Random,
  from: CitizenParticipation,
  most: number,
  grow: boolean,
  month: string,
): CitizenParticipation {
  const counts = { ...from.counts };
  for (const key of Object.keys(counts) as (keyof typeof counts)[]) counts[key] += r.int(0, most);
  if (grow) counts[r.pick(Object.keys(counts) as (keyof typeof counts)[])] += 1;
  const added = Array.from({ length: grow ? r.int(1, 2) : r.int(0, 1) }, () => ({
    description: r.pick(ACTIVITIES),
    count: r.chance(0.7) ? r.int(1, 4) : null,
    dates: [month],
  }));
  return { counts, activities: [...from.activities, ...added], attachments: [] };
}

const NONE: CitizenParticipation = {
  counts: { briefings: 0, surveys: 0, expertConsultations: 0, mediaReports: 0, other: 0 },
  activities: [],
  attachments: [],
};

/** A month of the half-year, as 활동 일자 ("2019-03"). */
const monthOf = (periodId: string): string =>
  periodId === 'plan' ? '2018-09' : `${periodId.slice(0, 4)}-${periodId.endsWith('H1') ? '03' : '09'}`;

export function participationOffice(seed: number): ParticipationOffice {
  const base = randomOffice(seed);
  const r = seededRandom(seed * 7919 + 17);
  const { periodId, priorId } = base;
  const shared = catalog.projects.find((p) => p.coDepartments.length > 0);
  if (shared === undefined) throw new Error('the catalog has no shared project');
  const co = shared.coDepartments[0] as string;

  // The plans confirmed before the term's first half-year ended: their leads report every half-year.
  const plans = new Map<string, ExecutionPlan>();
  for (const step of base.steps)
    if (step.kind === 'send' && step.period === 'plan')
      for (const doc of step.save) if (doc.kind === 'executionPlan') plans.set(doc.projectId, doc);
  const early = base.steps.flatMap((s) =>
    s.kind === 'confirm' && s.at < kst('2018-12-31', '00:00') ? [s.projectId] : [],
  );
  // Now and then the shared project's lead skips the reported half-year and the one before (its co-department's
  // card, taken in, is there).
  const gaps = new Map<string, Gap>();
  if (early.includes(shared.id) && r.chance(0.5)) gaps.set(shared.id, 'skipsRecent');
  const [noCards, ...rest] = r.shuffle(early.filter((id) => !gaps.has(id)));
  if (noCards !== undefined) gaps.set(noCards, 'noCards');
  for (const [i, projectId] of rest.slice(0, r.int(4, 6)).entries())
    gaps.set(projectId, i % 2 === 0 ? 'skipsRecent' : 'skipsBefore');
  const twoBefore = HALF_YEARS[HALF_YEARS.indexOf(priorId) - 1];
  const skipsTwoBefore = new Set(
    [...gaps].filter(([, g]) => g === 'skipsBefore' || r.chance(0.5)).map(([id]) => id),
  );
  const skipped = (projectId: string, half: string): boolean => {
    const gap = gaps.get(projectId);
    if (gap === 'noCards') return true;
    if (half === periodId) return gap === 'skipsRecent';
    if (half === priorId) return gap !== undefined;
    return half === twoBefore && skipsTwoBefore.has(projectId);
  };
  const leads = (projectId: string) => catalog.projects.find((p) => p.id === projectId)?.leadDepartment;

  // random-office.ts's steps without the cards skipped (and the office's decisions on them).
  const steps: (Step | CoStep)[] = [];
  for (const step of copy(base.steps)) {
    if (step.kind === 'decideCompletion' && skipped(step.projectId, step.periodId)) continue;
    if (step.kind === 'send' && step.period !== 'plan') {
      const keep = (d: SentDocument) => d.kind !== 'managementCard' || !skipped(d.projectId, step.period);
      const save = step.save.filter(keep);
      if (save.length > 0) steps.push({ ...step, save });
      continue;
    }
    steps.push(step);
  }

  // The card of the half-year before as random-office.ts made it: its 집행 up to then, of which an earlier card
  // gives the half-years up to its own.
  const priorCards = new Map<string, ManagementCard>();
  for (const step of base.steps)
    if (step.kind === 'send' && step.period === priorId)
      for (const doc of step.save) if (doc.kind === 'managementCard') priorCards.set(doc.projectId, doc);
  const earlierCard = (plan: ExecutionPlan, half: string, status: 'onTrack' | 'partial') =>
    cardOf(
      plan,
      half,
      status,
      plan.unitProjects.map((u) => copy(u.investmentNeeds)),
      (priorCards.get(plan.projectId)?.unitProjects ?? []).map((u) => u.executed),
    );

  // The earlier half-years: each department's cards a day or a few before the due date, one now and then left out,
  // and now and then one of them sent again three weeks later.
  const earlier = HALF_YEARS.slice(0, HALF_YEARS.indexOf(priorId));
  for (const department of base.behaviours.keys()) {
    const own = early.filter((id) => leads(id) === department);
    for (const half of earlier) {
      const cards = own
        .filter((id) => !skipped(id, half) && (gaps.has(id) || r.chance(0.85)))
        .map((id) =>
          earlierCard(plans.get(id) as ExecutionPlan, half, r.pick(['onTrack', 'partial'] as const)),
        );
      if (cards.length === 0) continue;
      const at = kst(addDays(dueDateOf(half), -r.int(0, 4)), '10:00');
      const projectIds = cards.map((c) => c.projectId);
      steps.push({ kind: 'send', department, period: half, at, save: cards, projectIds });
      const again = cards.filter((c) => (gaps.has(c.projectId) ? r.chance(0.5) : r.chance(0.05)));
      if (again.length > 0) steps.push(sentAgain(again, department, half, dueDateOf(half)));
    }
  }

  // The half-year before's cards of projects without one of the reported half-year (counted in its place), now and
  // then sent again after the office's decisions; not a 완료 (its decision then would not hold).
  const reported = new Set<string>();
  const before = new Map<string, ManagementCard[]>();
  for (const step of steps)
    for (const doc of step.kind === 'send' ? step.save : [])
      if (doc.kind === 'managementCard' && doc.periodId === periodId) reported.add(doc.projectId);
      else if (doc.kind === 'managementCard' && doc.periodId === priorId)
        before.set(doc.department, [...(before.get(doc.department) ?? []), doc]);
  for (const [department, cards] of before) {
    const again = cards.filter(
      (c) =>
        !reported.has(c.projectId) && !['completed', 'continuing'].includes(c.status ?? '') && r.chance(0.6),
    );
    if (again.length > 0) steps.push(sentAgain(again, department, priorId, base.priorDueDate));
  }

  // The co-department's own card of the shared project, in the half-year before and the reported one, taken in by
  // the office.
  const sharedPlan = plans.get(shared.id);
  if (sharedPlan !== undefined && base.steps.some((s) => s.kind === 'confirm' && s.projectId === shared.id))
    for (const [half, due] of [
      [priorId, base.priorDueDate],
      [periodId, base.dueDate],
    ] as const) {
      const decision = {
        projectId: shared.id,
        periodId: half,
        department: co,
        decision: 'accepted' as const,
      };
      steps.push({ kind: 'decideCoCard', ...decision, at: kst(addDays(due, 5), '10:00') });
      steps.push({
        kind: 'sendCoCard',
        department: co,
        at: kst(addDays(due, -1), '15:00'),
        card: coCardOf(r, sharedPlan, co, half),
      });
    }

  steps.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  fillParticipation(r, steps);
  return { ...base, shared, co, gaps, steps };
}

/** The cards sent again three weeks after the due date (fillParticipation gives them more). */
function sentAgain(cards: ManagementCard[], department: string, half: string, dueDate: string): Step {
  const save = cards.map(copy);
  const at = kst(addDays(dueDate, 21), '10:00');
  return { kind: 'send', department, period: half, at, save, projectIds: save.map((c) => c.projectId) };
}

/**
 * 시민참여 실적 on every plan and card, in the order they are sent: a plan a few; a department's card its last card's
 * of the project (any half-year, or the plan) and more; a card sent again its last version's and more; a
 * co-department's card a lot more than its lead's.
 */
function fillParticipation(r: Random, steps: readonly (Step | CoStep)[]): void {
  const last = new Map<string, CitizenParticipation>(); // `${projectId}|${department}`, the latest sent
  const sentBefore = new Set<string>(); // `${projectId}|${department}|${periodId}`
  const fill = (doc: ExecutionPlan | ManagementCard) => {
    const key = `${doc.projectId}|${doc.department}`;
    const half = doc.kind === 'executionPlan' ? 'plan' : doc.periodId;
    const again = sentBefore.has(`${key}|${half}`);
    sentBefore.add(`${key}|${half}`);
    doc.citizenParticipation =
      doc.kind === 'executionPlan'
        ? grown(r, NONE, 2, r.chance(0.6), monthOf(half))
        : grown(r, last.get(key) ?? NONE, 3, again, monthOf(half));
    last.set(key, doc.citizenParticipation);
  };
  for (const step of steps) {
    if (step.kind === 'sendCoCard') {
      step.card.citizenParticipation = grown(r, NONE, 30, true, monthOf(step.card.periodId));
      continue;
    }
    if (step.kind !== 'send') continue;
    for (const doc of step.save) if (doc.kind !== 'financeRow') fill(doc);
  }
}
