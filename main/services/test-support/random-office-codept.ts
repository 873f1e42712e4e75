import type { CatalogProject } from '../../../domain/catalog/types';
import type { CardStatus, ExecutionPlan, FinanceRow, ManagementCard } from '../../../domain/documents';
import { findPeriod } from '../../../domain/term/periods';
import {
  BUDGET_YEARS,
  catalog,
  HALF_YEARS,
  kst,
  type Random,
  type RandomOffice,
  randomOffice,
  seededRandom,
  type SentDocument,
  SOURCES,
  type Step,
  term,
} from './random-office';

/**
 * A RandomOffice (random-office.ts, the same seed, its data unchanged underneath but for the shared project's
 * documents below, and one other project's lead card of the half-year before left out: withNewCard) in which the co-department of the shared project (the catalog's only project with a
 * co-department: 1-1-7, led by 경제진흥본부, 여성가족정책실 cooperating) sends its own 관리카드 for it — which the
 * department app never drafts: "another tool" signs it with the co-department's own key, as the browser test does
 * — drawn from a random stream of its own, in the reported half-year and the one before, each independently:
 *
 * - the co-department's card sent or not, on time or late, now and then again later with other 집행액 and
 *   추진상황 (a 완료 too, which is never the co-department's to ask), before or after the office decides;
 * - the lead's card of the shared project sent (as random-office.ts has it) or not at all, so the co-department's
 *   card comes alongside or instead of it;
 * - the co-department's own 재정집행현황 of the project with its 집행 (`executed`), without it (a row as written
 *   before rows held 집행), or not sent;
 * - the office takes the card in ('카드 반영', accepted), leaves it out ('반영 안 함', rejected) or leaves it
 *   waiting, and now and then changes its mind later (the other decision);
 * - after the card came, the lead's card or the co-department's row of the half-year now and then sent again, its
 *   집행 changed or not (resendAfterCoCard), so that 붙임5's red marks have first and latest versions to compare.
 *
 * The co-department's card is built from the lead's plan (its frozen fields the plan's, so no other conflict is
 * raised), with investment needs of its own and 집행액 of its own in the half-years up to its own.
 */

export type CoDecision = 'accepted' | 'rejected';
export const CO_NOTES: Record<CoDecision, string> = {
  accepted: '협조부서 집행분 반영',
  rejected: '주관부서 카드만 반영',
};

/** What the co-department and the office do about its cards, on top of the office's steps. */
export type CoStep =
  /** The co-department's card, in a file of its own signed with its key; its copy records the file as sent. */
  | { kind: 'sendCoCard'; department: string; at: string; importedAt?: string; card: ManagementCard }
  /** The office decides the co-department card conflict of the half-year (found on its 충돌 list). */
  | {
      kind: 'decideCoCard';
      projectId: string;
      periodId: string;
      department: string;
      decision: CoDecision;
      at: string;
    };

export type CoRowMode = 'withExecuted' | 'withoutExecuted' | 'notSent';

/** What the seed chose per half-year (the tests check the default seeds cover each case). */
export interface CoHalfYear {
  periodId: string;
  coCardVersions: number;
  /** The lead's card of the shared project left as random-office.ts sends it (which is now and then not at all). */
  leadCardSent: boolean;
  row: CoRowMode;
  /** The office's decisions on the co-department's card, in order (empty: left waiting). */
  decisions: CoDecision[];
  /** A version of the co-department's card arrived after the office's first decision. */
  resentAfterDecision: boolean;
  /**
   * The lead's card or the co-department's row of the half-year sent again after the co-department's card first
   * came (its 집행 changed or not), in time order.
   */
  resent: { who: 'lead' | 'co'; executedChanged: boolean; at: string }[];
}

export interface CoDeptOffice extends Omit<RandomOffice, 'steps'> {
  shared: CatalogProject;
  co: string;
  /** The office's steps (random-office.ts's, the shared project's documents as chosen here). */
  baseSteps: Step[];
  /** Every step in time order. */
  steps: (Step | CoStep)[];
  halfYears: CoHalfYear[];
}

const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

const dueDateOf = (periodId: string): string => {
  const period = findPeriod(term, periodId);
  if (period === null) throw new Error(`no half-year ${periodId}`);
  return period.dueDate;
};

const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

const STATUSES: CardStatus[] = [
  'onTrack',
  'onTrack',
  'partial',
  'onHold',
  'dropped',
  'completed',
  'continuing',
];
const STATUS_REASON = '협조부서 소관 예산 미확보';

/** An amount in 백만원, now and then with 천원. */
const amount = (r: Random, lo: number, hi: number): number =>
  r.chance(0.4) ? r.int(lo * 1000, hi * 1000) / 1000 : r.int(lo, hi);

/** The co-department's own card of the half-year, from the lead's plan: its own needs, its own 집행액. */
export function coCardOf(r: Random, plan: ExecutionPlan, co: string, periodId: string): ManagementCard {
  const status = r.pick(STATUSES);
  const done = status === 'completed' || status === 'continuing';
  const units = plan.unitProjects.map((u) => {
    const needs = copy(u.investmentNeeds);
    if (r.chance(0.5)) needs.city[periodId.slice(0, 4)] = amount(r, 1, 900);
    const executed: ManagementCard['unitProjects'][number]['executed'] = {
      national: {},
      city: {},
      district: {},
      private: {},
      other: {},
    };
    for (const half of HALF_YEARS.filter((h) => h <= periodId)) {
      for (const source of SOURCES) if (r.chance(0.15)) executed[source][half] = amount(r, 0, 80);
    }
    return {
      id: u.id,
      name: u.name,
      detailedPlan: u.detailedPlan,
      schedule: u.schedule,
      results: Object.fromEntries(
        HALF_YEARS.filter((h) => h <= periodId).map((h) => [h, `${u.name} ${h} 협조부서 실적`]),
      ),
      investmentNeeds: needs,
      executed,
      futurePlan: '- 협조부서 분 계속 추진',
    };
  });
  const fundingSources = SOURCES.filter((s) =>
    units.some(
      (u) =>
        Object.values(u.investmentNeeds[s]).some((v) => (v ?? 0) > 0) ||
        Object.values(u.executed[s]).some((v) => (v ?? 0) > 0),
    ),
  );
  return {
    kind: 'managementCard',
    schemaVersion: 1,
    lifecycle: 'submitted',
    projectId: plan.projectId,
    projectName: plan.projectName,
    department: co,
    periodId,
    leadContacts: plan.leadContacts,
    cooperatingDepartments: [],
    status,
    statusReason: status === 'onHold' || status === 'dropped' ? STATUS_REASON : '',
    completionEvidence: { summary: done ? `${periodId} 협조부서 분 완료` : '', attachments: [] },
    completionTiming: plan.completionTiming,
    newOrContinuing: plan.newOrContinuing,
    totalCost: plan.totalCost,
    fundingSources,
    executor: 'city',
    policyGoal: plan.policyGoal,
    projectPeriod: plan.projectPeriod,
    unitProjects: units,
    citizenParticipation: copy(plan.citizenParticipation),
    cooperation: '',
    problemsAndSolutions: '',
  } as ManagementCard;
}

/**
 * The office's steps with the shared project's documents of the half-year as chosen: the lead's card left out
 * (and any 완료 decision on it), the co-department's row without its 집행 or left out. A send left with nothing
 * is dropped (its department had nothing else to send in it).
 */
function reshape(
  steps: readonly Step[],
  shared: CatalogProject,
  co: string,
  periodId: string,
  leadCardSent: boolean,
  row: CoRowMode,
): Step[] {
  const out: Step[] = [];
  for (const step of steps) {
    if (
      step.kind === 'decideCompletion' &&
      !leadCardSent &&
      step.projectId === shared.id &&
      step.periodId === periodId
    )
      continue;
    if (step.kind !== 'send' || step.period !== periodId) {
      out.push(step);
      continue;
    }
    const save = step.save.flatMap((doc): SentDocument[] => {
      if (doc.projectId !== shared.id) return [doc];
      if (doc.kind === 'managementCard' && doc.department === shared.leadDepartment)
        return leadCardSent ? [doc] : [];
      if (doc.kind === 'financeRow' && doc.department === co) {
        if (row === 'notSent') return [];
        if (row === 'withoutExecuted') {
          const { executed: _dropped, ...rest } = doc;
          return [rest as FinanceRow];
        }
      }
      return [doc];
    });
    if (save.length > 0) out.push({ ...step, save });
  }
  return out;
}

/** The latest version of a document the office's steps sent before `at`. */
function lastSent(
  steps: readonly Step[],
  periodId: string,
  projectId: string,
  department: string,
  kind: 'managementCard' | 'financeRow',
  at: string,
): SentDocument | undefined {
  let out: SentDocument | undefined;
  for (const step of steps) {
    if (step.kind !== 'send' || step.period !== periodId || Date.parse(step.at) >= Date.parse(at)) continue;
    for (const doc of step.save)
      if (doc.kind === kind && doc.projectId === projectId && doc.department === department) out = doc;
  }
  return out;
}

const executedCells = (doc: SentDocument): string =>
  doc.kind === 'managementCard'
    ? JSON.stringify(doc.unitProjects.map((u) => u.executed))
    : doc.kind === 'financeRow'
      ? JSON.stringify(doc.executed ?? null)
      : '';

/**
 * After the co-department's card of a half-year first came, now and then the lead sends its card of the shared
 * project again, or the co-department its row — its 집행 changed (the half-year's own, now and then a past year's
 * too) or not (a 실적 text, a 확보 or 비고) — before or after the office decides (or decides otherwise), so that
 * 붙임5's row is built from first and latest versions that differ. Drawn from a stream of its own, so the seed's other
 * choices stay what they were (its constant chosen so that the test's default seeds still cover every case).
 */
function resendAfterCoCard(
  seed: number,
  baseSteps: Step[],
  coSteps: readonly CoStep[],
  halfYears: CoHalfYear[],
  shared: CatalogProject,
  co: string,
): Step[] {
  const r = seededRandom((seed ^ 0x61aae) >>> 0);
  const out = [...baseSteps];
  for (const half of halfYears) {
    const coCard = coSteps.find((s) => s.kind === 'sendCoCard' && s.card.periodId === half.periodId);
    if (coCard === undefined) continue;
    const due = dueDateOf(half.periodId);
    const year = half.periodId.slice(0, 4);
    for (const who of ['lead', 'co'] as const) {
      if (!r.chance(0.5)) continue;
      const at = kst(addDays(due, r.int(6, 19)), who === 'lead' ? '14:20' : '14:40');
      const department = who === 'lead' ? shared.leadDepartment : co;
      const kind = who === 'lead' ? 'managementCard' : 'financeRow';
      const before = lastSent(out, half.periodId, shared.id, department, kind, at);
      if (before === undefined) continue;
      const changeExecuted = r.chance(0.5);
      let doc: SentDocument;
      if (before.kind === 'managementCard') {
        const card = copy(before);
        const unit = r.pick(card.unitProjects);
        if (changeExecuted && card.fundingSources.length > 0)
          unit.executed[r.pick(card.fundingSources)][half.periodId] = amount(r, 0, 80);
        else unit.results[half.periodId] = `${unit.results[half.periodId] ?? ''} (실적 보완)`;
        doc = card;
      } else if (before.kind === 'financeRow') {
        const row = copy(before);
        if (changeExecuted && row.executed !== undefined) {
          row.executed[year] = amount(r, 0, 60);
          const past = BUDGET_YEARS.filter((y) => y < year);
          if (past.length > 0 && r.chance(0.4)) row.executed[r.pick(past)] = amount(r, 0, 50);
        } else if (r.chance(0.5)) row.secured.city = amount(r, 10, 300);
        else row.note = '협조부서 비고 정정';
        doc = row;
      } else continue;
      out.push({ kind: 'send', department, period: half.periodId, at, save: [doc], projectIds: [shared.id] });
      half.resent.push({ who, executedChanged: executedCells(doc) !== executedCells(before), at });
    }
    half.resent.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  }
  // In time order (a stable sort: steps at the same instant keep their order).
  return out.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

const asksCompletion = (doc: SentDocument): boolean =>
  doc.kind === 'managementCard' && (doc.status === 'completed' || doc.status === 'continuing');

/**
 * A project other than the shared one whose lead sent its card in both half-years (asking no 완료 in either) has
 * its card of the half-year before left out (its finance row still sent), so that the 반기 비교 lists a card new
 * in the reported half-year (random-office.ts's offices have only cards missing in it). From a stream of its own.
 */
function withNewCard(
  seed: number,
  steps: readonly Step[],
  shared: CatalogProject,
  priorId: string,
  periodId: string,
): Step[] {
  const r = seededRandom((seed ^ 0x4e3c_a2d) >>> 0);
  const leadOf = (projectId: string) => catalog.projects.find((p) => p.id === projectId)?.leadDepartment;
  const leadCards = (period: string) =>
    steps.flatMap((s) =>
      s.kind === 'send' && s.period === period
        ? s.save.filter((d) => d.kind === 'managementCard' && d.department === leadOf(d.projectId))
        : [],
    );
  const before = leadCards(priorId);
  const after = leadCards(periodId);
  const ids = [...new Set(before.map((d) => d.projectId))].filter(
    (id) =>
      id !== shared.id &&
      after.some((d) => d.projectId === id) &&
      ![...before, ...after].some((d) => d.projectId === id && asksCompletion(d)),
  );
  if (ids.length === 0) return [...steps];
  const id = r.pick(ids.sort());
  return steps.flatMap((s): Step[] => {
    if (s.kind === 'decideCompletion' && s.projectId === id && s.periodId === priorId) return [];
    if (s.kind !== 'send' || s.period !== priorId) return [s];
    const save = s.save.filter((d) => !(d.kind === 'managementCard' && d.projectId === id));
    return save.length === 0 ? [] : [{ ...s, save }];
  });
}

export function coDeptOffice(seed: number): CoDeptOffice {
  const base = randomOffice(seed);
  // A stream of its own: the office underneath stays the seed's.
  const r = seededRandom((seed ^ 0x5bd1e995) >>> 0);
  const shared = catalog.projects.find((p) => p.coDepartments.length > 0);
  if (shared === undefined) throw new Error('the catalog has no shared project');
  const co = shared.coDepartments[0] as string;
  const plan = base.steps
    .flatMap((s) => (s.kind === 'send' && s.period === 'plan' ? s.save : []))
    .find((d): d is ExecutionPlan => d.kind === 'executionPlan' && d.projectId === shared.id);
  if (plan === undefined) throw new Error(`no plan for ${shared.id}`);

  let baseSteps: Step[] = base.steps;
  const coSteps: CoStep[] = [];
  const halfYears: CoHalfYear[] = [];
  for (const periodId of [base.priorId, base.periodId]) {
    const due = dueDateOf(periodId);
    const leadCardSent = r.chance(0.75);
    const row = r.pick<CoRowMode>(['withExecuted', 'withExecuted', 'withoutExecuted', 'notSent']);
    baseSteps = reshape(baseSteps, shared, co, periodId, leadCardSent, row);
    const half: CoHalfYear = {
      periodId,
      coCardVersions: 0,
      leadCardSent,
      row,
      decisions: [],
      resentAfterDecision: false,
      resent: [],
    };
    halfYears.push(half);
    if (!r.chance(0.8)) continue;

    // The card, on time or late; now and then a later version (other 집행, other 추진상황).
    const firstAt = r.chance(0.6)
      ? kst(addDays(due, -r.int(0, 5)), '15:00')
      : kst(addDays(due, r.int(1, 5)), '15:00');
    const importedAt = r.chance(0.25) ? { importedAt: kst(addDays(firstAt.slice(0, 10), 2), '09:30') } : {};
    coSteps.push({
      kind: 'sendCoCard',
      department: co,
      at: firstAt,
      ...importedAt,
      card: coCardOf(r, plan, co, periodId),
    });
    half.coCardVersions = 1;
    const decidedAt = kst(addDays(due, r.int(8, 11)), '10:30');
    const choice = r.pick(['accepted', 'rejected', 'undecided'] as const);
    if (choice !== 'undecided') {
      coSteps.push({
        kind: 'decideCoCard',
        projectId: shared.id,
        periodId,
        department: co,
        decision: choice,
        at: decidedAt,
      });
      half.decisions.push(choice);
    }
    if (r.chance(0.4)) {
      const at = kst(addDays(due, r.int(6, 14)), '16:30');
      coSteps.push({ kind: 'sendCoCard', department: co, at, card: coCardOf(r, plan, co, periodId) });
      half.coCardVersions = 2;
      half.resentAfterDecision = choice !== 'undecided' && Date.parse(at) > Date.parse(decidedAt);
    }
    // The office changes its mind (or decides only now, when it left the card waiting).
    if (r.chance(0.3)) {
      const decision: CoDecision =
        choice === 'accepted'
          ? 'rejected'
          : choice === 'rejected'
            ? 'accepted'
            : r.pick(['accepted', 'rejected']);
      coSteps.push({
        kind: 'decideCoCard',
        projectId: shared.id,
        periodId,
        department: co,
        decision,
        at: kst(addDays(due, r.int(15, 20)), '11:30'),
      });
      half.decisions.push(decision);
    }
  }
  baseSteps = resendAfterCoCard(seed, baseSteps, coSteps, halfYears, shared, co);
  baseSteps = withNewCard(seed, baseSteps, shared, base.priorId, base.periodId);
  // A 기준 자료 after each half-year's decisions: every copy applies it, the co-department's with its receipts
  // naming the file its card came in (and its next file follows on from them).
  baseSteps = [
    ...baseSteps,
    { kind: 'baseline', at: kst(addDays(base.priorDueDate, 21), '09:00') },
    { kind: 'baseline', at: kst(addDays(base.dueDate, 21), '09:00') },
  ];
  const steps: (Step | CoStep)[] = [...baseSteps, ...coSteps].sort(
    (a, b) => Date.parse(a.at) - Date.parse(b.at),
  );
  return { ...base, shared, co, baseSteps, steps, halfYears };
}

/**
 * What a seed's co-department cards are about, half-year by half-year (the test checks its default seeds cover them
 * all).
 */
export const CO_CASES = [
  'taken in, its 집행 counting (its row has none, or did not come)',
  'taken in, its row giving 집행 (the card adds nothing)',
  'left out',
  'left waiting',
  "sent without the lead's card",
  'decided, then decided otherwise',
  'sent again after the decision',
  'asking 완료 or 이행 후 계속 추진',
  'its row without 집행',
  'its row not sent',
  "the shared project's plan not confirmed",
  'left out, its row giving no 집행 (taken in, it would count)',
  'left waiting, its row giving no 집행 (taken in, it would count)',
  'counting, sent twice (the last version counts)',
  'counting in the half-year before (the 반기 비교 shows it)',
  'its card on time, its row late (a card is no row: 제출 현황 says late)',
  "the lead's card sent again after it, its 집행 changed",
  "the lead's card sent again after it, its 집행 unchanged",
  'its row sent again after its card, its 집행 changed',
  'its row sent again after its card, its 집행 unchanged',
  'not taken in, with 집행 its row does not give, another document sent again (nothing red for it)',
  'decided otherwise after a document was sent again',
] as const;
export type CoCase = (typeof CO_CASES)[number];

export function casesOf(scenario: CoDeptOffice): Set<CoCase> {
  const out = new Set<CoCase>();
  const { shared } = scenario;
  // Without a confirmed plan the project has no 붙임5 row and its lead sends nothing: only the conflict shows.
  const confirmed = scenario.baseSteps.some((s) => s.kind === 'confirm' && s.projectId === shared.id);
  if (!confirmed) out.add("the shared project's plan not confirmed");
  for (const half of scenario.halfYears) {
    if (half.coCardVersions === 0) continue;
    const last = half.decisions.at(-1);
    if (last === 'rejected') out.add('left out');
    if (last === undefined) out.add('left waiting');
    if (half.decisions.length > 1) out.add('decided, then decided otherwise');
    if (half.resentAfterDecision) out.add('sent again after the decision');
    const asks = scenario.steps.some(
      (s) =>
        s.kind === 'sendCoCard' &&
        s.card.periodId === half.periodId &&
        (s.card.status === 'completed' || s.card.status === 'continuing'),
    );
    if (asks) out.add('asking 완료 or 이행 후 계속 추진');
    if (!confirmed) continue;
    // The lead's card as it was sent (none for a plan not confirmed).
    const leadCard = scenario.baseSteps.some(
      (s) =>
        s.kind === 'send' &&
        s.period === half.periodId &&
        s.save.some(
          (d) =>
            d.kind === 'managementCard' &&
            d.projectId === shared.id &&
            d.department === shared.leadDepartment,
        ),
    );
    const noRowExecuted = half.row !== 'withExecuted';
    if (last === 'accepted')
      out.add(
        noRowExecuted
          ? 'taken in, its 집행 counting (its row has none, or did not come)'
          : 'taken in, its row giving 집행 (the card adds nothing)',
      );
    if (last === 'rejected' && noRowExecuted)
      out.add('left out, its row giving no 집행 (taken in, it would count)');
    if (last === undefined && noRowExecuted)
      out.add('left waiting, its row giving no 집행 (taken in, it would count)');
    if (last === 'accepted' && noRowExecuted && half.coCardVersions > 1)
      out.add('counting, sent twice (the last version counts)');
    if (last === 'accepted' && noRowExecuted && half.periodId === scenario.priorId && leadCard)
      out.add('counting in the half-year before (the 반기 비교 shows it)');
    if (!leadCard) out.add("sent without the lead's card");
    // The co-department's first file with its row, against its card's first arrival (접수일 when imported later).
    const due = dueDateOf(half.periodId);
    const cardDate = scenario.steps.find(
      (s) => s.kind === 'sendCoCard' && s.card.periodId === half.periodId,
    )?.at;
    const rowDate = scenario.baseSteps.find(
      (s) =>
        s.kind === 'send' &&
        s.period === half.periodId &&
        s.save.some(
          (d) => d.kind === 'financeRow' && d.projectId === shared.id && d.department === scenario.co,
        ),
    )?.at;
    if (
      cardDate !== undefined &&
      rowDate !== undefined &&
      cardDate.slice(0, 10) <= due &&
      rowDate.slice(0, 10) > due
    )
      out.add('its card on time, its row late (a card is no row: 제출 현황 says late)');
    for (const { who, executedChanged } of half.resent) {
      if (who === 'lead')
        out.add(
          executedChanged
            ? "the lead's card sent again after it, its 집행 changed"
            : "the lead's card sent again after it, its 집행 unchanged",
        );
      else
        out.add(
          executedChanged
            ? 'its row sent again after its card, its 집행 changed'
            : 'its row sent again after its card, its 집행 unchanged',
        );
    }
    // What the red marks are about: the card's 집행 would show red against a first report counting it.
    const coCards = scenario.steps.filter(
      (s): s is Extract<CoStep, { kind: 'sendCoCard' }> =>
        s.kind === 'sendCoCard' && s.card.periodId === half.periodId,
    );
    const cardExecutes = coCards.some((s) =>
      s.card.unitProjects.some((u) =>
        SOURCES.some((src) => Object.values(u.executed[src]).some((v) => (v ?? 0) > 0)),
      ),
    );
    if (
      last !== 'accepted' &&
      noRowExecuted &&
      cardExecutes &&
      (half.resent.length > 0 || coCards.length > 1)
    )
      out.add(
        'not taken in, with 집행 its row does not give, another document sent again (nothing red for it)',
      );
    const lastDecidedAt = scenario.steps
      .filter((s) => s.kind === 'decideCoCard' && s.periodId === half.periodId)
      .at(-1)?.at;
    if (
      half.decisions.length > 1 &&
      lastDecidedAt !== undefined &&
      half.resent.some((x) => Date.parse(x.at) < Date.parse(lastDecidedAt))
    )
      out.add('decided otherwise after a document was sent again');
    if (half.row === 'withoutExecuted') out.add('its row without 집행');
    if (half.row === 'notSent') out.add('its row not sent');
  }
  return out;
}
