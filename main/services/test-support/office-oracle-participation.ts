import {
  type ExecutionPlan,
  type ManagementCard,
  PARTICIPATION_COUNT_KEYS,
  type ParticipationCountKey,
} from '../../../domain/documents';
import { areaOf } from './office-oracle';
import { catalog, HALF_YEARS, type Step } from './random-office';
import type { CoStep } from './random-office-codept';
import type { ParticipationOffice } from './random-office-participation';

/**
 * 시민참여 실적 as the office's report should add it up for a half-year, from the documents the test sent and the
 * office's 확정s alone. Counts on a card are cumulative from the term's start, so each catalog project is counted once,
 * in its area, from what its lead last reported (the lead of the catalog: this office moves no project):
 *
 * 1. the lead's card of the half-year (its latest version);
 * 2. else the lead's card of the half-year just before;
 * 3. else the lead's latest card of any earlier half-year of the term;
 * 4. else its plan as the office last confirmed it (a plan the office has not confirmed does not count);
 * 5. else nothing (unreported).
 *
 * A co-department's card is never counted. activityCount is the number of activities listed in what was counted.
 */

export const PARTICIPATION_SOURCES = ['card', 'priorCard', 'earlierCard', 'plan', 'unreported'] as const;
export type ParticipationSource = (typeof PARTICIPATION_SOURCES)[number];

export type ParticipationCounts = Record<ParticipationCountKey, number> & { total: number };

export interface ExpectedParticipation {
  totals: ParticipationCounts;
  /** Every area of the catalog, those with nothing counted at zero. */
  byArea: Map<number, ParticipationCounts>;
  /** How many projects were counted from each source. */
  bySource: Record<ParticipationSource, number>;
  activityCount: number;
  /** Where each project's counts came from: the source, and the card or plan counted (none when unreported). */
  counted: Map<string, { source: ParticipationSource; from?: ManagementCard | ExecutionPlan }>;
}

const zero = (): ParticipationCounts => ({
  ...(Object.fromEntries(PARTICIPATION_COUNT_KEYS.map((k) => [k, 0])) as Record<
    ParticipationCountKey,
    number
  >),
  total: 0,
});

export function expectedParticipation(
  steps: readonly (Step | CoStep)[],
  periodId: string,
): ExpectedParticipation {
  // Replaying the steps: each plan as last sent, the version the office last confirmed, each card's latest version.
  const sent = new Map<string, ExecutionPlan>();
  const confirmed = new Map<string, ExecutionPlan>();
  const cards = new Map<string, ManagementCard>(); // `${periodId}|${projectId}|${department}`
  const keep = (card: ManagementCard) =>
    cards.set(`${card.periodId}|${card.projectId}|${card.department}`, card);
  for (const step of steps) {
    if (step.kind === 'sendCoCard') keep(step.card);
    if (step.kind === 'confirm') {
      const plan = sent.get(step.projectId);
      if (plan !== undefined) confirmed.set(step.projectId, plan);
    }
    if (step.kind !== 'send') continue;
    for (const doc of step.save) {
      if (doc.kind === 'executionPlan') sent.set(doc.projectId, doc);
      if (doc.kind === 'managementCard') keep(doc);
    }
  }

  const before = HALF_YEARS.slice(0, HALF_YEARS.indexOf(periodId));
  const prior = before.at(-1);
  const totals = zero();
  const byArea = new Map(catalog.areas.map((a) => [a.id, zero()]));
  const bySource = Object.fromEntries(PARTICIPATION_SOURCES.map((s) => [s, 0])) as Record<
    ParticipationSource,
    number
  >;
  const counted: ExpectedParticipation['counted'] = new Map();
  let activityCount = 0;
  for (const project of catalog.projects) {
    const card = (half: string | undefined) =>
      half === undefined ? undefined : cards.get(`${half}|${project.id}|${project.leadDepartment}`);
    const earlier = before
      .slice(0, -1)
      .map(card)
      .filter((c) => c !== undefined)
      .at(-1);
    const found: [ParticipationSource, ManagementCard | ExecutionPlan | undefined][] = [
      ['card', card(periodId)],
      ['priorCard', card(prior)],
      ['earlierCard', earlier],
      ['plan', confirmed.get(project.id)],
    ];
    const [source, from] = found.find(([, doc]) => doc !== undefined) ?? ['unreported', undefined];
    counted.set(project.id, from === undefined ? { source } : { source, from });
    bySource[source] += 1;
    if (from === undefined) continue;
    const participation = from.citizenParticipation;
    activityCount += participation.activities.length;
    const area = byArea.get(areaOf(project.id)) ?? zero();
    byArea.set(areaOf(project.id), area);
    for (const key of PARTICIPATION_COUNT_KEYS)
      for (const into of [totals, area]) {
        into[key] += participation.counts[key];
        into.total += participation.counts[key];
      }
  }
  return { totals, byArea, bySource, activityCount, counted };
}

/** What the seed is about, in a half-year: each source counted from, and the cases around them. */
export function participationCases(
  scenario: ParticipationOffice,
  expected: ExpectedParticipation,
): Set<string> {
  const cases = new Set<string>([...expected.counted.values()].map((c) => c.source));
  // How many versions of each card were sent, and which plans.
  const versions = new Map<string, number>();
  const sentPlans = new Set<string>();
  for (const step of scenario.steps)
    for (const doc of step.kind === 'send' ? step.save : step.kind === 'sendCoCard' ? [step.card] : []) {
      if (doc.kind === 'executionPlan') sentPlans.add(doc.projectId);
      const key = doc.kind === 'managementCard' ? `${doc.periodId}|${doc.projectId}|${doc.department}` : '';
      versions.set(key, (versions.get(key) ?? 0) + 1);
    }
  for (const [projectId, { source, from }] of expected.counted) {
    if (source === 'unreported' && sentPlans.has(projectId)) cases.add('a plan sent, not confirmed');
    if (
      from?.kind === 'managementCard' &&
      (versions.get(`${from.periodId}|${projectId}|${from.department}`) ?? 0) > 1
    )
      cases.add(`${source}, sent again`);
  }
  const { shared } = scenario;
  const coCard = scenario.steps.some((s) => s.kind === 'sendCoCard');
  if (coCard && scenario.steps.some((s) => s.kind === 'decideCoCard' && s.decision === 'accepted'))
    cases.add("a co-department's card taken in");
  if (coCard && expected.counted.get(shared.id)?.source !== 'card')
    cases.add("a co-department's card, the lead's missing");
  return cases;
}

export const PARTICIPATION_CASES = [
  ...PARTICIPATION_SOURCES,
  'card, sent again',
  'priorCard, sent again',
  'earlierCard, sent again',
  'a plan sent, not confirmed',
  "a co-department's card taken in",
  "a co-department's card, the lead's missing",
];
