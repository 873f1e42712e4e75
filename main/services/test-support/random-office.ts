import { seoulMinseon7Catalog } from '../../../domain/catalog/load';
import type { CatalogProject } from '../../../domain/catalog/types';
import type {
  CardStatus,
  ExecutionPlan,
  FinanceRow,
  FundingSource,
  ManagementCard,
} from '../../../domain/documents';
import { seoulMinseon7Term } from '../../../domain/term/load';
import { findPeriod, listBudgetYears, listPeriods } from '../../../domain/term/periods';

/**
 * A randomized but realistic planning office on the shipped Seoul catalog, from a seed: several departments send
 * their 실천계획서 (most confirmed by the office, a few late, a few left waiting), the half-year before the reported
 * one mostly on time, and the reported half-year on time, late, split (cards on time, 재정집행현황 late) or not at
 * all, now and then a card without its 재정집행현황 or the other way round; some re-send documents with changed
 * amounts after the due date; the shared project 1-1-7 gets its co-department's own row (확보 and 집행). The office
 * imports some files days after they came, giving their 접수일.
 * The result is a list of steps for the office and the departments' copies to play (office-desks.ts), and what the
 * oracle (office-oracle.ts) adds up on its own.
 *
 * 완료 / 이행 후 계속 추진 are reported in both half-years; the office accepts, rejects or leaves them waiting, and
 * some are re-sent after its decision (other amounts, or a 완료 근거 made good).
 *
 * Left out here, and added by the extensions played on top of this office: change requests, plans confirmed
 * again, 부서 이관, conflicts (frozen fields, same revision), 폐기 with and without an approved change, a unit renamed
 * twice and missed milestones against the plan in force by random-office-changes.ts (and its -dropped, -renames and
 * -lagging parts); corrected revisions, red marks, the per-year 붙임5 columns and lagging projects by
 * random-office-finance.ts; co-departments' own cards by random-office-codept.ts; a lead's cards for a plan the
 * office has not confirmed (the department going ahead on its own mark: the desk opens none before 확정), plans
 * confirmed after their cards came and plans sent again after 확정 left waiting by random-office-unconfirmed.ts.
 */

export const catalog = seoulMinseon7Catalog;
export const term = seoulMinseon7Term;
export const SOURCES: readonly FundingSource[] = ['national', 'city', 'district', 'private', 'other'];
export const BUDGET_YEARS = listBudgetYears(term).map((y) => y.key);
export const HALF_YEARS = listPeriods(term).map((p) => p.id);
export const AFTER_TERM = 'afterTerm';

export interface Random {
  /** In [0, 1). */
  next(): number;
  /** An integer in [lo, hi]. */
  int(lo: number, hi: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  shuffle<T>(items: readonly T[]): T[];
}

/** mulberry32: small, fast and the same on every machine, so a failing seed reproduces. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (lo: number, hi: number): number => lo + Math.floor(next() * (hi - lo + 1));
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick: (items) => {
      const item = items[int(0, items.length - 1)];
      if (item === undefined) throw new Error('nothing to pick from');
      return item;
    },
    shuffle: (items) => {
      const out = [...items];
      for (let i = out.length - 1; i > 0; i--) {
        const j = int(0, i);
        [out[i], out[j]] = [out[j] as never, out[i] as never];
      }
      return out;
    },
  };
}

export type SentDocument = ExecutionPlan | ManagementCard | FinanceRow;

/**
 * What happens, in time order. `at` is when it happens (a file reaches the office; the office confirms, decides), in
 * Korean time written out ("2019-07-15T23:30:00+09:00"): its date is the office's date of arrival.
 */
export type Step =
  /**
   * The department saves and submits `save`, exports the period's documents of `projectIds`; the file reaches the
   * office at `at`. The office imports it then, or at `importedAt` (days later, off the share or a USB stick) giving
   * the day it came as its 접수일.
   */
  | {
      kind: 'send';
      department: string;
      period: string;
      at: string;
      importedAt?: string;
      save: SentDocument[];
      projectIds: string[];
    }
  | { kind: 'confirm'; projectId: string; at: string }
  /** The office's 기준 자료, applied by every department (their confirmed plans come with it). */
  | { kind: 'baseline'; at: string }
  | {
      kind: 'decideCompletion';
      projectId: string;
      periodId: string;
      decision: 'accepted' | 'rejected';
      at: string;
    };

export type Behaviour = 'onTime' | 'late' | 'split' | 'missing';

export interface RandomOffice {
  seed: number;
  /** The reported half-year, the one before it, its due date (the code's: moved past weekends and holidays). */
  periodId: string;
  priorId: string;
  dueDate: string;
  priorDueDate: string;
  today: string;
  /** The departments that take part, with how each sends the reported half-year. */
  behaviours: Map<string, Behaviour>;
  steps: Step[];
}

// ---------------------------------------------------------------------------------------------------------------
// Dates

const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
/** An instant in Korean time, written with its offset. */
export const kst = (date: string, time: string): string => `${date}T${time}:00+09:00`;

/** Now and then the office imports a file a few days after it came, and says when it came (접수일). */
const importedLater = (r: Random, at: string): { importedAt?: string } =>
  r.chance(0.3) ? { importedAt: kst(addDays(at.slice(0, 10), r.int(1, 3)), '09:00') } : {};

function dueDateOf(periodId: string): string {
  const period = findPeriod(term, periodId);
  if (period === null) throw new Error(`no half-year ${periodId}`);
  return period.dueDate;
}

// ---------------------------------------------------------------------------------------------------------------
// Documents

type Grid = Record<FundingSource, Record<string, number | null>>;
const emptyGrid = (): Grid => ({ national: {}, city: {}, district: {}, private: {}, other: {} });
const cloneGrid = (g: Grid): Grid => JSON.parse(JSON.stringify(g)) as Grid;

/** An amount in 백만원, now and then with 천원 (three decimals), as departments type them. */
const amount = (r: Random, lo: number, hi: number): number =>
  r.chance(0.4) ? r.int(lo * 1000, hi * 1000) / 1000 : r.int(lo, hi);

const CONTACTS = [
  { position: 'chief' as const, unit: '담당과', name: '김과장', phone: '02-2133-1000' },
  { position: 'teamLeader' as const, unit: '담당팀', name: '이팀장', phone: '02-2133-1001' },
  { position: 'officer' as const, unit: '', name: '박주무관', phone: '02-2133-1002' },
];

const withinTerm = (grids: Grid[]): number =>
  grids.reduce(
    (acc, g) =>
      acc +
      SOURCES.reduce(
        (a, s) =>
          a +
          Object.entries(g[s])
            .filter(([column]) => column !== AFTER_TERM)
            .reduce((x, [, v]) => x + Math.round((v ?? 0) * 1000), 0),
        0,
      ),
    0,
  ) / 1000;

const sourcesWithMoney = (grids: Grid[]): FundingSource[] =>
  SOURCES.filter((s) => grids.some((g) => Object.values(g[s]).some((v) => (v ?? 0) > 0)));

function planOf(r: Random, project: CatalogProject): ExecutionPlan {
  const units = Array.from({ length: r.int(1, 3) }, (_, i) => {
    const needs = emptyGrid();
    const sources = r.chance(0.5) ? ['city' as const] : r.shuffle(SOURCES).slice(0, 2);
    for (const s of sources) {
      for (const year of BUDGET_YEARS) if (r.chance(0.8)) needs[s][year] = amount(r, 20, 2000);
      if (r.chance(0.3)) needs[s][AFTER_TERM] = amount(r, 100, 3000);
    }
    const name = `${project.id} 단위사업 ${i + 1}`;
    return {
      id: `u${i + 1}`,
      name,
      detailedPlan: `- ${name} 세부 추진`,
      schedule: Object.fromEntries(HALF_YEARS.map((h, k) => [h, `${name} ${k + 1}단계`])),
      investmentNeeds: needs,
      cooperationNeeds: '',
    };
  });
  const grids = units.map((u) => u.investmentNeeds);
  return {
    kind: 'executionPlan',
    schemaVersion: 1,
    lifecycle: 'draft',
    projectId: project.id,
    projectName: project.name,
    department: project.leadDepartment,
    leadContacts: CONTACTS,
    cooperatingDepartments: [],
    totalCost: { kind: 'amount', amount: withinTerm(grids) },
    newOrContinuing: 'new',
    completionTiming: 'withinTerm',
    fundingSources: sourcesWithMoney(grids),
    policyGoal: `○ ${project.name} 목표 달성`,
    projectPeriod: { from: '2018-07', to: '2022-06' },
    unitProjects: units,
    citizenParticipation: {
      counts: { briefings: 0, surveys: 0, expertConsultations: 0, mediaReports: 0, other: 0 },
      activities: [],
      attachments: [],
    },
  } as ExecutionPlan;
}

/**
 * Each unit's 집행액 per source and half-year, up to the reported half-year: a share of the year's planned need, so
 * the two half-years of a year never spend more than the year's plan.
 */
function executedHistory(r: Random, plan: ExecutionPlan, through: string): Grid[] {
  return plan.unitProjects.map((u) => {
    const grid = emptyGrid();
    for (const s of SOURCES) {
      for (const half of HALF_YEARS.filter((h) => h <= through)) {
        const need = u.investmentNeeds[s][half.slice(0, 4)] ?? 0;
        if (need > 0 && r.chance(0.85)) grid[s][half] = Math.round(need * r.int(0, 500)) / 1000;
      }
    }
    return grid;
  });
}

const onlyThrough = (grid: Grid, periodId: string): Grid => {
  const out = emptyGrid();
  for (const s of SOURCES)
    for (const [half, v] of Object.entries(grid[s])) if (half <= periodId) out[s][half] = v;
  return out;
};

const STATUS_REASON = '예산 미확보로 추진 지연';

/** The lead's card of the half-year from its plan: the needs given, its 집행액 up to the half-year, zero 시민참여. */
export function cardOf(
  plan: ExecutionPlan,
  periodId: string,
  status: CardStatus,
  needs: Grid[],
  executed: Grid[],
): ManagementCard {
  return {
    kind: 'managementCard',
    schemaVersion: 1,
    lifecycle: 'draft',
    projectId: plan.projectId,
    projectName: plan.projectName,
    department: plan.department,
    periodId,
    leadContacts: CONTACTS,
    cooperatingDepartments: [],
    status,
    statusReason: status === 'onHold' || status === 'dropped' ? STATUS_REASON : '',
    completionEvidence: {
      summary: status === 'completed' || status === 'continuing' ? `${periodId} 목표 달성 (준공)` : '',
      attachments: [],
    },
    completionTiming: 'withinTerm',
    newOrContinuing: 'new',
    totalCost: { kind: 'amount', amount: withinTerm(needs) },
    fundingSources: sourcesWithMoney([...needs, ...executed]),
    executor: 'city',
    policyGoal: plan.policyGoal,
    projectPeriod: plan.projectPeriod,
    unitProjects: plan.unitProjects.map((u, i) => ({
      id: u.id,
      name: u.name,
      detailedPlan: u.detailedPlan,
      schedule: u.schedule,
      results: Object.fromEntries(
        HALF_YEARS.filter((h) => h <= periodId).map((h) => [h, `${u.name} ${h} 실적`]),
      ),
      investmentNeeds: needs[i] ?? emptyGrid(),
      executed: onlyThrough(executed[i] ?? emptyGrid(), periodId),
      futurePlan: '- 계속 추진',
    })),
    citizenParticipation: {
      counts: { briefings: 0, surveys: 0, expertConsultations: 0, mediaReports: 0, other: 0 },
      activities: [],
      attachments: [],
    },
    cooperation: '',
    problemsAndSolutions: '',
  } as ManagementCard;
}

function financeRowOf(
  projectId: string,
  department: string,
  periodId: string,
  secured: Partial<Record<FundingSource, number>>,
  executed?: Record<string, number>,
): FinanceRow {
  return {
    kind: 'financeRow',
    schemaVersion: 1,
    lifecycle: 'draft',
    projectId,
    department,
    periodId,
    secured: Object.fromEntries(SOURCES.map((s) => [s, secured[s] ?? null])) as FinanceRow['secured'],
    ...(executed === undefined ? {} : { executed }),
    note: '',
  };
}

/** The lead's 확보내역: most of what its plan needs up to the half-year's year, per source. */
function securedOf(r: Random, plan: ExecutionPlan, periodId: string): Partial<Record<FundingSource, number>> {
  const year = periodId.slice(0, 4);
  const out: Partial<Record<FundingSource, number>> = {};
  for (const s of plan.fundingSources) {
    const need = plan.unitProjects.reduce(
      (a, u) =>
        a + Object.entries(u.investmentNeeds[s]).reduce((x, [c, v]) => x + (c <= year ? (v ?? 0) : 0), 0),
      0,
    );
    out[s] = Math.round(need * r.int(600, 1000)) / 1000;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// The office

/**
 * The office's decisions on the cards' 완료 / 이행 후 계속 추진 requests, made at `at`: accepted, rejected, or left
 * waiting (결정 대기).
 */
function decisions(r: Random, cards: readonly ManagementCard[], at: string): Step[] {
  return cards
    .filter((c) => asksCompletion(c.status))
    .map((c) => ({ card: c, choice: r.pick(['accepted', 'rejected', 'undecided'] as const) }))
    .flatMap(({ card, choice }): Step[] =>
      choice === 'undecided'
        ? []
        : [
            {
              kind: 'decideCompletion',
              projectId: card.projectId,
              periodId: card.periodId,
              decision: choice,
              at,
            },
          ],
    );
}

const asksCompletion = (status: CardStatus | null): boolean =>
  status === 'completed' || status === 'continuing';

const STILL_GOING: CardStatus[] = [
  'onTrack',
  'onTrack',
  'onTrack',
  'partial',
  'partial',
  'onHold',
  'dropped',
];
const STATUSES: CardStatus[] = [...STILL_GOING, 'completed', 'continuing'];

export function randomOffice(seed: number): RandomOffice {
  const r = seededRandom(seed);
  // A reported half-year with one before it (2019-H1 … 2022-H1).
  const periodId = r.pick(HALF_YEARS.slice(1));
  const priorId = HALF_YEARS[HALF_YEARS.indexOf(periodId) - 1] as string;
  const dueDate = dueDateOf(periodId);
  const priorDue = dueDateOf(priorId);

  const shared = catalog.projects.find((p) => p.coDepartments.length > 0);
  if (shared === undefined) throw new Error('the catalog has no shared project');
  const co = shared.coDepartments[0] as string;
  const leads = [...new Set(catalog.projects.map((p) => p.leadDepartment))];
  const others = r
    .shuffle(leads.filter((d) => d !== shared.leadDepartment && d !== co))
    .slice(0, r.int(4, 6));
  const departments = [shared.leadDepartment, co, ...others];
  // One other department sends nothing for the half-year; the rest at random.
  const behaviours = new Map<string, Behaviour>();
  departments.forEach((d, i) =>
    behaviours.set(d, i === 2 ? 'missing' : r.pick<Behaviour>(['onTime', 'onTime', 'late', 'split'])),
  );

  const steps: Step[] = [];
  const confirmed: ExecutionPlan[] = [];
  for (const department of departments) {
    const led = catalog.projects.filter((p) => p.leadDepartment === department);
    const chosen = r.shuffle(led).slice(0, Math.min(led.length, r.int(6, 14)));
    if (department === shared.leadDepartment && !chosen.includes(shared)) chosen.push(shared);
    const plans = chosen.map((p) => planOf(r, p));
    steps.push({
      kind: 'send',
      department,
      period: 'plan',
      at: kst(`2018-09-${String(r.int(10, 18)).padStart(2, '0')}`, '10:00'),
      save: plans,
      projectIds: plans.map((p) => p.projectId),
    });
    // A few plans wait for the office's 확정 (the shared one too now and then: its co-department reports anyway);
    // a few are confirmed late, after the half-year before ended, and its card is written after that.
    for (const plan of plans) {
      if (r.chance(0.1)) continue;
      confirmed.push(plan);
      const late = r.chance(0.1);
      const at = late ? kst(addDays(priorDue, -10), '15:00') : kst('2018-11-30', '15:00');
      steps.push({ kind: 'confirm', projectId: plan.projectId, at });
    }
  }
  steps.push({ kind: 'baseline', at: kst('2018-12-03', '09:00') });
  steps.push({ kind: 'baseline', at: kst(addDays(priorDue, -9), '09:00') });

  for (const department of departments) {
    const plans = confirmed.filter((p) => p.department === department);
    const behaviour = behaviours.get(department) as Behaviour;
    // 1-1-7's co-department reports its own 확보 and 집행 (no card).
    const coRows = (periodId2: string): FinanceRow[] =>
      department !== co
        ? []
        : [
            financeRowOf(
              shared.id,
              co,
              periodId2,
              { city: amount(r, 10, 300), national: amount(r, 0, 100) },
              Object.fromEntries(
                BUDGET_YEARS.filter((y) => y <= periodId2.slice(0, 4)).map((y) => [y, amount(r, 0, 50)]),
              ),
            ),
          ];
    const histories = new Map(plans.map((p) => [p.projectId, executedHistory(r, p, periodId)]));
    const needsOf = (p: ExecutionPlan): Grid[] => p.unitProjects.map((u) => cloneGrid(u.investmentNeeds));

    // The half-year before: everything, mostly on time; the office decides its 완료 requests a few days later.
    const priorCards = plans.map((p) =>
      cardOf(p, priorId, r.pick(STATUSES), needsOf(p), histories.get(p.projectId) ?? []),
    );
    steps.push(...decisions(r, priorCards, kst(addDays(priorDue, 10), '10:00')));
    const priorSave = [
      ...priorCards,
      ...plans.map((p) => financeRowOf(p.projectId, department, priorId, securedOf(r, p, priorId))),
      ...coRows(priorId),
    ];
    const priorAt = kst(addDays(priorDue, r.int(-5, 2)), '11:00');
    if (priorSave.length > 0)
      steps.push({
        kind: 'send',
        department,
        period: priorId,
        at: priorAt,
        ...importedLater(r, priorAt),
        save: priorSave,
        projectIds: [...new Set(priorSave.map((d) => d.projectId))],
      });
    if (behaviour === 'missing') continue;

    // The reported half-year: some projects left out (their documents not sent), the 현재계획 changed now and then,
    // a 완료 reported before mostly reported again.
    const sent = plans.filter(() => r.chance(0.9));
    // Now and then a card goes without its 재정집행현황, or the other way round.
    const rowForgotten = new Set(sent.filter(() => r.chance(0.08)).map((p) => p.projectId));
    const cardForgotten = new Set(
      sent.filter((p) => !rowForgotten.has(p.projectId) && r.chance(0.05)).map((p) => p.projectId),
    );
    const statusBefore = new Map(priorCards.map((c) => [c.projectId, c.status]));
    const cards = sent
      .filter((p) => !cardForgotten.has(p.projectId))
      .map((p) => {
        const before = statusBefore.get(p.projectId) ?? null;
        const status = before !== null && asksCompletion(before) && r.chance(0.7) ? before : r.pick(STATUSES);
        const needs = needsOf(p);
        if (r.chance(0.3)) {
          const grid = r.pick(needs);
          const source = r.pick(p.fundingSources);
          grid[source][r.pick(BUDGET_YEARS)] = amount(r, 20, 2500);
        }
        return cardOf(p, periodId, status, needs, histories.get(p.projectId) ?? []);
      });
    const rows = [
      ...sent
        .filter((p) => !rowForgotten.has(p.projectId))
        .map((p) => financeRowOf(p.projectId, department, periodId, securedOf(r, p, periodId))),
      ...coRows(periodId),
    ];
    const onTime = (): string =>
      r.chance(0.3) ? kst(dueDate, '23:30') : kst(addDays(dueDate, -r.int(0, 6)), '10:00');
    const late = (): string =>
      r.chance(0.3) ? kst(addDays(dueDate, 1), '00:30') : kst(addDays(dueDate, r.int(1, 6)), '14:00');
    const all = [...cards, ...rows];
    const ids = [...new Set(all.map((d) => d.projectId))];
    if (all.length === 0) continue;
    if (behaviour === 'split' && cards.length > 0 && rows.length > 0) {
      const at = onTime();
      const first = { at, ...importedLater(r, at) };
      steps.push({ kind: 'send', department, period: periodId, ...first, save: cards, projectIds: ids });
      // The export takes the period's documents of those projects: the cards again with the rows.
      steps.push({ kind: 'send', department, period: periodId, at: late(), save: rows, projectIds: ids });
    } else {
      const at = behaviour === 'late' ? late() : onTime();
      const first = { at, ...importedLater(r, at) };
      steps.push({ kind: 'send', department, period: periodId, ...first, save: all, projectIds: ids });
    }

    // The office decides some 완료 / 이행 후 계속 추진 requests and leaves the others waiting (결정 대기).
    steps.push(...decisions(r, cards, kst(addDays(dueDate, 10), '10:00')));

    // A correction after the decisions: other amounts (and a status, or a 완료 근거) on a few documents already sent.
    if (r.chance(0.7)) {
      const changed = r.shuffle(all).slice(0, r.int(1, 4));
      const save = changed.map((d): SentDocument => {
        if (d.kind === 'financeRow') {
          const secured = { ...d.secured, city: amount(r, 0, 3000) };
          const executed =
            d.executed === undefined
              ? {}
              : { executed: { ...d.executed, [periodId.slice(0, 4)]: amount(r, 0, 60) } };
          return { ...d, secured, ...executed, note: '확보액 정정' };
        }
        const card = JSON.parse(JSON.stringify(d)) as ManagementCard;
        const unit = r.pick(card.unitProjects);
        const source = r.pick(card.fundingSources.length > 0 ? card.fundingSources : ['city' as const]);
        unit.investmentNeeds[source][r.pick(BUDGET_YEARS)] = amount(r, 20, 2500);
        unit.executed[source][periodId] = amount(r, 0, 10);
        // A 완료 stays one, now and then with its 완료 근거 made good (증빙 보완); another status may change.
        const status = asksCompletion(card.status) && r.chance(0.7) ? card.status : r.pick(STILL_GOING);
        const grids = card.unitProjects.map((u) => u.investmentNeeds as Grid);
        const evidence =
          asksCompletion(status) && r.chance(0.5)
            ? { summary: `${card.completionEvidence.summary} — 증빙 보완`, attachments: [] }
            : card.completionEvidence;
        return {
          ...card,
          status,
          statusReason: status === 'onHold' || status === 'dropped' ? STATUS_REASON : '',
          completionEvidence: asksCompletion(status)
            ? evidence.summary === ''
              ? { summary: `${periodId} 목표 달성`, attachments: [] }
              : evidence
            : { summary: '', attachments: [] },
          totalCost: { kind: 'amount', amount: withinTerm(grids) },
          fundingSources: sourcesWithMoney([...grids, ...card.unitProjects.map((u) => u.executed as Grid)]),
        };
      });
      if (save.length > 0)
        steps.push({
          kind: 'send',
          department,
          period: periodId,
          at: kst(addDays(dueDate, r.int(12, 16)), '16:00'),
          save,
          projectIds: [...new Set(save.map((d) => d.projectId))],
        });
    }
  }
  steps.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  return {
    seed,
    periodId,
    priorId,
    dueDate,
    priorDueDate: priorDue,
    today: addDays(dueDate, 25),
    behaviours,
    steps,
  };
}
