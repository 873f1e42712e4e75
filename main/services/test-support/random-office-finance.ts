import type {
  CardStatus,
  ExecutionPlan,
  FinanceRow,
  FundingSource,
  ManagementCard,
} from '../../../domain/documents';
import { findPeriod } from '../../../domain/term/periods';
import { plannedSoFarMilli } from './office-oracle-finance';
import {
  AFTER_TERM,
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
 * A RandomOffice (random-office.ts, the same seed, its data unchanged underneath) with what 붙임5's red marking,
 * its per-year columns and the 부진 사업 table are about, drawn from a random stream of its own:
 *
 * - the half-year before `priorId` (when the term has one) sent too, its cards the prior cards' history as it
 *   stood then, now and then a 집행 the prior card then restated; a few prior cards, and now and then the
 *   co-department's prior row, not sent at all (nothing to compare with);
 * - lead cards of the reported half-year restating past half-years' 집행: one amount changed (that year and 집행
 *   총계 red), money moved between years (both years red, not the total), between half-years of one year or between
 *   sources (nothing red); the co-department's row stating past years as its row before did, all but one, or
 *   none of them;
 * - corrected revisions after the first, in both half-years: amounts changed (an own half-year's 집행, a past
 *   half-year's, a 투자수요 of a year or of 임기후, 확보, a co-department's 집행 of a year), nothing changed (the same
 *   document again, or only its text), and changed then changed back (first and last the same); the half-year
 *   before's corrections come before the reported half-year's cards, which are compared with them;
 * - a card or finance row forgotten at first and sent late on its own (its first version is the late one);
 * - 연차별 추진계획 milestones without a result (blank, spaces, or no entry, in the first version or only in a
 *   correction), a plan's milestone left blank (no result owed), an 임기후 milestone (never owed);
 * - a 집행률 기준 (thresholdPercent) and projects whose 집행률 is exactly at it, 1천원 below it, or whose plan so far is
 *   nothing.
 *
 * Documents are copies: editing one never edits another step's. Every document stays one the departments' copies
 * accept (no frozen field changed, no half-year after the card's own), so no conflict is raised.
 */

export interface FinanceOffice extends RandomOffice {
  /** 집행률 기준 in whole percent. */
  thresholdPercent: number;
  /** The half-year before `priorId` whose documents were added; null when `priorId` is the term's first. */
  prePriorId: string | null;
  /** A project whose 집행 is exactly thresholdPercent of its plan so far (not lagging for it). */
  atThreshold: string | null;
  /** A project 1천원 below it (lagging for it). */
  belowThreshold: string | null;
  /** A project with nothing planned so far (no 집행률). */
  nothingPlanned: string | null;
  /** Projects whose lead sent its card or its finance row of the reported half-year late, on its own. */
  lateFirst: string[];
  /**
   * Steps played when the test looks at the office's tables midway: after the reported half-year's first files
   * (before the office's decisions), and after the first corrections (before those random-office-finance adds).
   */
  checkpoints: number[];
}

type Send = Extract<Step, { kind: 'send' }>;
type Grid = Record<FundingSource, Record<string, number | null>>;
type PeriodDoc = ManagementCard | FinanceRow;

const milli = (v: number | null | undefined): number => Math.round((v ?? 0) * 1000);
const fromMilli = (m: number): number => m / 1000;
const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const dueOf = (periodId: string): string => {
  const period = findPeriod(term, periodId);
  if (period === null) throw new Error(`no half-year ${periodId}`);
  return period.dueDate;
};
const leadOf = (projectId: string): string =>
  catalog.projects.find((p) => p.id === projectId)?.leadDepartment ?? '';
const isShared = (projectId: string): boolean =>
  (catalog.projects.find((p) => p.id === projectId)?.coDepartments.length ?? 0) > 0;
const asksCompletion = (status: CardStatus | null): boolean =>
  status === 'completed' || status === 'continuing';
const STATUS_REASON = '예산 미확보로 추진 지연';

/** A card's 총사업비 and 재원 after its amounts changed (the form keeps them with the grids). */
function refresh(card: ManagementCard): void {
  const needs = card.unitProjects.map((u) => u.investmentNeeds as Grid);
  const executed = card.unitProjects.map((u) => u.executed as Grid);
  const inTerm = needs.reduce(
    (a, g) =>
      a +
      SOURCES.reduce(
        (x, s) =>
          x +
          Object.entries(g[s])
            .filter(([c]) => c !== AFTER_TERM)
            .reduce((y, [, v]) => y + milli(v), 0),
        0,
      ),
    0,
  );
  card.totalCost = { kind: 'amount', amount: fromMilli(inTerm) };
  const withMoney = SOURCES.filter((s) =>
    [...needs, ...executed].some((g) => Object.values(g[s]).some((v) => (v ?? 0) > 0)),
  );
  card.fundingSources = SOURCES.filter((s) => withMoney.includes(s) || card.fundingSources.includes(s));
}

/** One executed cell set to a value (천원), the same on every version of a card. */
interface CellEdit {
  unit: number;
  source: FundingSource;
  half: string;
  value: number;
}

/**
 * How a card restates the 집행 of half-years before `before`, against the card it copies: one cell changed, money
 * moved between years, between half-years of one year, or between sources of one half-year.
 */
function restatement(r: Random, card: ManagementCard, before: string): CellEdit[] {
  const cells = card.unitProjects.flatMap((u, unit) =>
    SOURCES.flatMap((source) =>
      Object.entries(u.executed[source])
        .filter(([half, v]) => half < before && milli(v) > 1)
        .map(([half, v]) => ({ unit, source, half, value: milli(v) })),
    ),
  );
  if (cells.length === 0) return [];
  const from = r.pick(cells);
  const cell = (unit: number, source: FundingSource, half: string) =>
    milli(card.unitProjects[unit]?.executed[source][half]);
  const move = (half: string, source: FundingSource): CellEdit[] => {
    const moved = r.int(1, from.value - 1);
    return [
      { ...from, value: from.value - moved },
      { unit: from.unit, source, half, value: cell(from.unit, source, half) + moved },
    ];
  };
  const halves = HALF_YEARS.filter((h) => h < before && h !== from.half);
  const otherYear = halves.filter((h) => h.slice(0, 4) !== from.half.slice(0, 4));
  const sameYear = halves.filter((h) => h.slice(0, 4) === from.half.slice(0, 4));
  const kind = r.pick(['one', 'one', 'years', 'halves', 'sources'] as const);
  if (kind === 'years' && otherYear.length > 0) return move(r.pick(otherYear), from.source);
  if (kind === 'halves' && sameYear.length > 0) return move(r.pick(sameYear), from.source);
  if (kind === 'sources') return move(from.half, r.pick(SOURCES.filter((s) => s !== from.source)));
  // Never the same amount: from.value is at least 2, and delta is not 0.
  const delta = r.int(1, 3000) * (r.chance(0.5) ? 1 : -1);
  return [{ ...from, value: Math.max(1, from.value + delta) }];
}

function applyCells(card: ManagementCard, edits: readonly CellEdit[]): void {
  for (const e of edits) {
    const unit = card.unitProjects[e.unit];
    if (unit !== undefined) unit.executed[e.source][e.half] = fromMilli(e.value);
  }
  refresh(card);
}

/** A result left blank for a half-year: empty, spaces, or no entry at all. */
interface ResultEdit {
  unit: number;
  half: string;
  text: '' | '   ' | null;
}

function applyResults(card: ManagementCard, edits: readonly ResultEdit[]): void {
  for (const e of edits) {
    const unit = card.unitProjects[e.unit];
    if (unit === undefined) continue;
    if (e.text === null) delete unit.results[e.half];
    else unit.results[e.half] = e.text;
  }
}

export function financeOffice(seed: number): FinanceOffice {
  const base = randomOffice(seed);
  // A stream of its own: the base scenario's documents and steps are the same as for the other oracle test.
  const r = seededRandom((Math.imul(seed, 0x9e3779b1) ^ 0x5eed) >>> 0);
  const { periodId, priorId } = base;
  const steps: Step[] = clone(base.steps);
  const thresholdPercent = r.pick([10, 20, 25, 30, 40, 50, 60]);
  const prePriorId = HALF_YEARS[HALF_YEARS.indexOf(priorId) - 1] ?? null;

  const sends = (period: string): Send[] =>
    steps.filter((s): s is Send => s.kind === 'send' && s.period === period);
  /** Every version of a half-year's document, in the order sent. */
  const versionsOf = (period: string, kind: PeriodDoc['kind'], projectId: string, department: string) =>
    sends(period)
      .flatMap((s) => s.save)
      .filter(
        (d): d is PeriodDoc =>
          d.kind === kind && d.projectId === projectId && 'department' in d && d.department === department,
      );
  const cardVersions = (period: string, projectId: string): ManagementCard[] =>
    versionsOf(period, 'managementCard', projectId, leadOf(projectId)).filter(
      (d): d is ManagementCard => d.kind === 'managementCard',
    );
  const rowVersions = (period: string, projectId: string, department: string): FinanceRow[] =>
    versionsOf(period, 'financeRow', projectId, department).filter(
      (d): d is FinanceRow => d.kind === 'financeRow',
    );
  const insert = (...added: Step[]) => {
    steps.push(...added);
    steps.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  };
  const confirmedEarly = new Set(
    steps
      .filter((s) => s.kind === 'confirm' && Date.parse(s.at) < Date.parse(kst('2018-12-01', '00:00')))
      .map((s) => (s.kind === 'confirm' ? s.projectId : '')),
  );
  const confirmed = steps.flatMap((s) => (s.kind === 'confirm' ? [s.projectId] : []));
  const departments = [...base.behaviours.keys()];

  // 연차별 추진계획: a milestone the plan leaves blank (whatever the cards report there, nothing is owed), or one after
  // the term (never owed). The plan and every card carry the same schedule (it is frozen).
  for (const projectId of r.shuffle(confirmed).slice(0, 3)) {
    const plan = sends('plan')
      .flatMap((s) => s.save)
      .find((d): d is ExecutionPlan => d.kind === 'executionPlan' && d.projectId === projectId);
    if (plan === undefined) continue;
    const unit = r.int(0, plan.unitProjects.length - 1);
    const half = r.pick(HALF_YEARS.filter((h) => h <= periodId));
    const afterTerm = r.chance(0.4);
    const blankResult = r.chance(0.6);
    const cards = steps
      .flatMap((s) => (s.kind === 'send' ? s.save : []))
      .filter((d): d is ManagementCard => d.kind === 'managementCard' && d.projectId === projectId);
    for (const doc of [plan, ...cards]) {
      const u = doc.unitProjects[unit];
      if (u === undefined) continue;
      if (afterTerm) u.schedule[AFTER_TERM] = '임기후 운영 지속';
      else u.schedule[half] = '';
    }
    if (!afterTerm && blankResult)
      for (const card of cards.filter((c) => c.periodId >= half))
        applyResults(card, [{ unit, half, text: '' }]);
  }

  // A few cards of the half-year before never sent (its finance row is): nothing to compare a restatement with.
  for (const send of sends(priorId)) {
    const candidates = send.save.filter(
      (d): d is ManagementCard => d.kind === 'managementCard' && !asksCompletion(d.status),
    );
    if (candidates.length === 0 || !r.chance(0.3)) continue;
    const left = r.pick(candidates);
    send.save = send.save.filter((d) => d !== left);
  }

  // Now and then the co-department's row of the half-year before is not sent: nothing to compare its 집행 with.
  const shared = catalog.projects.find((p) => p.coDepartments.length > 0);
  for (const send of sends(priorId)) {
    const row = send.save.find(
      (d) => d.kind === 'financeRow' && d.projectId === shared?.id && d.department !== shared.leadDepartment,
    );
    if (row === undefined || !r.chance(0.2)) continue;
    send.save = send.save.filter((d) => d !== row);
    send.projectIds = [...new Set(send.save.map((d) => d.projectId))];
  }
  for (const emptied of steps.filter((s) => s.kind === 'send' && s.save.length === 0))
    steps.splice(steps.indexOf(emptied), 1);

  // The half-year before that: each department's documents of the projects confirmed before it, the cards as the
  // history stood then (now and then with a 집행 the prior card restates), the co-department's 집행 by year.
  if (prePriorId !== null) {
    const due = dueOf(prePriorId);
    for (const department of departments) {
      const save: SentDocument[] = [];
      for (const send of sends(priorId).filter((s) => s.department === department)) {
        for (const doc of send.save) {
          if (doc.kind === 'executionPlan' || !confirmedEarly.has(doc.projectId)) continue;
          if (doc.kind === 'managementCard') {
            const card = clone(doc);
            card.periodId = prePriorId;
            const status = r.pick<CardStatus>(['onTrack', 'onTrack', 'partial', 'onHold']);
            card.status = status;
            card.statusReason = status === 'onHold' ? STATUS_REASON : '';
            card.completionEvidence = { summary: '', attachments: [] };
            for (const u of card.unitProjects) {
              u.results = Object.fromEntries(Object.entries(u.results).filter(([h]) => h <= prePriorId));
              for (const s of SOURCES)
                u.executed[s] = Object.fromEntries(
                  Object.entries(u.executed[s]).filter(([h]) => h <= prePriorId),
                );
            }
            if (r.chance(0.35)) applyCells(card, restatement(r, card, priorId));
            else refresh(card);
            save.push(card);
          } else {
            const row = clone(doc);
            row.periodId = prePriorId;
            for (const s of SOURCES)
              row.secured[s] =
                row.secured[s] === null
                  ? null
                  : fromMilli(Math.round((milli(row.secured[s]) * r.int(5, 10)) / 10));
            if (row.executed !== undefined) {
              const executed: Record<string, number> = {};
              for (const y of BUDGET_YEARS.filter((y) => y <= prePriorId.slice(0, 4)))
                // The years before the prior half-year's own as the prior row states them, or otherwise.
                executed[y] =
                  y < priorId.slice(0, 4) && r.chance(0.5)
                    ? (row.executed[y] ?? 0)
                    : fromMilli(r.int(0, 50_000));
              row.executed = executed;
            }
            save.push(row);
          }
        }
      }
      if (save.length === 0) continue;
      insert({
        kind: 'send',
        department,
        period: prePriorId,
        at: kst(addDays(due, -r.int(0, 4)), '10:00'),
        save,
        projectIds: [...new Set(save.map((d) => d.projectId))],
      });
    }
  }

  /**
   * Corrected revisions of a half-year's documents, sent after its decisions: amounts changed, nothing changed
   * (the same document again, or its text only), or changed and changed back. `keep` are left alone.
   */
  const correct = (period: string, fromDay: number, keep: ReadonlySet<string>) => {
    const due = dueOf(period);
    for (const department of departments) {
      if (!r.chance(0.75)) continue;
      const latest = new Map<string, PeriodDoc>();
      for (const send of sends(period).filter((s) => s.department === department))
        for (const doc of send.save)
          if (doc.kind !== 'executionPlan') latest.set(`${doc.kind}|${doc.projectId}`, doc);
      const docs = r
        .shuffle([...latest.values()].filter((d) => !keep.has(d.projectId)))
        .slice(0, r.int(1, 3));
      // The co-department's row (its 집행 by year) more often than the rest.
      const coRow = [...latest.values()].find(
        (d) => d.kind === 'financeRow' && d.department !== leadOf(d.projectId),
      );
      if (coRow !== undefined && !docs.includes(coRow) && r.chance(0.6)) docs.push(coRow);
      docs.forEach((doc, i) => {
        const at = (days: number) =>
          kst(addDays(due, fromDay + days), `${String(10 + i).padStart(2, '0')}:15`);
        const send = (day: number, d: PeriodDoc): Send => ({
          kind: 'send',
          department,
          period,
          at: at(day),
          save: [d],
          projectIds: [d.projectId],
        });
        const again = clone(doc);
        if (again.kind === 'financeRow') {
          const kind = r.pick(['same', 'note', 'secured', 'back', 'executed', 'executed'] as const);
          if (kind === 'note') again.note = `${again.note} 비고 수정`.trim();
          if (kind === 'secured' || kind === 'back' || (kind === 'executed' && again.executed === undefined))
            again.secured.national = fromMilli(milli(again.secured.national) + r.int(1, 90_000));
          // A co-department's 집행 of a year corrected: a past year's, or the half-year's own.
          if (kind === 'executed' && again.executed !== undefined) {
            const past = BUDGET_YEARS.filter((y) => y < period.slice(0, 4));
            const year = past.length > 0 && r.chance(0.7) ? r.pick(past) : period.slice(0, 4);
            again.executed[year] = fromMilli(milli(again.executed[year]) + r.int(1, 20_000));
          }
          insert(send(0, again));
          if (kind === 'back') insert(send(2, clone(doc)));
          return;
        }
        const kind = r.pick(['same', 'text', 'own', 'needs', 'afterTerm', 'back', 'past', 'result'] as const);
        const unit = r.pick(again.unitProjects);
        const source = r.pick(again.fundingSources.length > 0 ? again.fundingSources : ['city' as const]);
        if (kind === 'text') unit.futurePlan = `${unit.futurePlan} (보완)`;
        if (kind === 'own' || kind === 'back')
          unit.executed[source][period] = fromMilli(milli(unit.executed[source][period]) + r.int(1, 20_000));
        if (kind === 'needs')
          unit.investmentNeeds[source][r.pick(BUDGET_YEARS)] = fromMilli(r.int(20_000, 2_500_000));
        if (kind === 'afterTerm')
          unit.investmentNeeds[source][AFTER_TERM] = fromMilli(r.int(100_000, 3_000_000));
        // A past half-year's 집행 restated in a later revision only, or a milestone's result emptied.
        if (kind === 'past') applyCells(again, restatement(r, again, period));
        if (kind === 'result') unit.results[r.pick(HALF_YEARS.filter((h) => h <= period))] = '';
        if (kind !== 'same' && kind !== 'text' && kind !== 'result') refresh(again);
        insert(send(0, again));
        if (kind === 'back') insert(send(2, clone(doc)));
      });
    }
  };

  // The half-year before, corrected after the office's decisions on it (long before the reported one's cards).
  correct(priorId, 12, new Set());
  // Now and then the co-department corrects a past year's 집행 in its row of the half-year before, too.
  for (const co of shared?.coDepartments ?? []) {
    const then = rowVersions(priorId, shared?.id ?? '', co).at(-1);
    const years = BUDGET_YEARS.filter((y) => y < periodId.slice(0, 4) && y <= priorId.slice(0, 4));
    if (then?.executed === undefined || years.length === 0 || !r.chance(0.6)) continue;
    const again = clone(then);
    const year = r.pick(years);
    if (again.executed !== undefined)
      again.executed[year] = fromMilli(milli(again.executed[year]) + r.int(1, 20_000));
    insert({
      kind: 'send',
      department: co,
      period: priorId,
      at: kst(addDays(base.priorDueDate, 15), '17:00'),
      save: [again],
      projectIds: [again.projectId],
    });
  }

  // The reported half-year's lead cards restating past half-years' 집행 (every version the same way), and the
  // co-department's row stating past years as its row of the half-year before did, or not.
  for (const projectId of new Set(sends(periodId).flatMap((s) => s.save.map((d) => d.projectId)))) {
    const versions = cardVersions(periodId, projectId);
    const first = versions[0];
    if (first !== undefined && r.chance(0.35)) {
      const edits = restatement(r, first, periodId);
      for (const card of versions) applyCells(card, edits);
    }
  }
  // The co-department's past years as its row of the half-year before states them: all of them, all but one, or
  // none (its rows are drawn afresh each half-year).
  for (const co of shared?.coDepartments ?? []) {
    const then = rowVersions(priorId, shared?.id ?? '', co).at(-1);
    const past = BUDGET_YEARS.filter((y) => y < periodId.slice(0, 4));
    const kept = r.pick(['all', 'allButOne', 'none'] as const);
    if (then?.executed === undefined || kept === 'none') continue;
    const other = kept === 'allButOne' ? r.pick(past) : undefined;
    for (const row of rowVersions(periodId, shared?.id ?? '', co))
      for (const y of past.filter((y) => y !== other))
        if (row.executed !== undefined) row.executed[y] = then.executed[y] ?? 0;
  }

  // Milestones without a result on some cards of both half-years (every version of the card alike).
  for (const period of [priorId, periodId]) {
    for (const projectId of new Set(sends(period).flatMap((s) => s.save.map((d) => d.projectId)))) {
      const versions = cardVersions(period, projectId);
      const first = versions[0];
      if (first === undefined || !r.chance(0.2)) continue;
      const edits = Array.from({ length: r.int(1, 2) }, (): ResultEdit => ({
        unit: r.int(0, first.unitProjects.length - 1),
        half: r.pick(HALF_YEARS.filter((h) => h <= period)),
        text: r.pick(['', '   ', null] as const),
      }));
      for (const card of versions) applyResults(card, edits);
    }
  }

  // 집행률 at the threshold, 1천원 below it, and nothing planned so far: cards sent once, of projects one department
  // reports, in a status the rate counts for.
  const candidates = r.shuffle(
    [...new Set(sends(periodId).flatMap((s) => s.save.map((d) => d.projectId)))].filter((projectId) => {
      const versions = cardVersions(periodId, projectId);
      const status = versions[0]?.status;
      return (
        versions.length === 1 &&
        !isShared(projectId) &&
        (status === 'onTrack' || status === 'partial' || status === 'onHold')
      );
    }),
  );
  const byYear = (card: ManagementCard): number[] =>
    BUDGET_YEARS.map((y) =>
      card.unitProjects.reduce(
        (a, u) => a + SOURCES.reduce((x, s) => x + milli(u.investmentNeeds[s][y]), 0),
        0,
      ),
    );
  const executedBefore = (card: ManagementCard): number =>
    card.unitProjects.reduce(
      (a, u) =>
        a +
        SOURCES.reduce(
          (x, s) =>
            x +
            Object.entries(u.executed[s])
              .filter(([h]) => h < periodId)
              .reduce((y, [, v]) => y + milli(v), 0),
          0,
        ),
      0,
    );
  const atRate = (card: ManagementCard, below: number): boolean => {
    const unit = card.unitProjects[0];
    if (unit === undefined) return false;
    const source = card.fundingSources[0] ?? 'city';
    // The plan so far as the oracle will count it; 2018's plan counts in full from 2019-H1 on, so 천원 added to it
    // make the plan so far a multiple of 100, and 집행 = plan × t / 100 exactly.
    const planned = plannedSoFarMilli(byYear(card), periodId);
    if (planned === 0) return false;
    const add = (100 - (planned % 100)) % 100;
    const target = ((planned + add) * thresholdPercent) / 100 - below;
    const own = target - executedBefore(card);
    if (own < 0) return false;
    unit.investmentNeeds[source]['2018'] = fromMilli(milli(unit.investmentNeeds[source]['2018']) + add);
    for (const u of card.unitProjects) for (const s of SOURCES) delete u.executed[s][periodId];
    unit.executed[source][periodId] = fromMilli(own);
    refresh(card);
    return true;
  };
  const pickCard = (fits: (card: ManagementCard) => boolean): string | null => {
    for (const projectId of [...candidates]) {
      const card = cardVersions(periodId, projectId)[0];
      if (card === undefined || !fits(card)) continue;
      candidates.splice(candidates.indexOf(projectId), 1);
      return projectId;
    }
    return null;
  };
  const atThreshold = pickCard((card) => atRate(card, 0));
  const belowThreshold = pickCard((card) => atRate(card, 1));
  const nothingPlanned = pickCard((card) => {
    for (const u of card.unitProjects)
      for (const s of SOURCES)
        for (const y of BUDGET_YEARS.filter((y) => y <= periodId.slice(0, 4))) delete u.investmentNeeds[s][y];
    refresh(card);
    return true;
  });

  // A card or finance row the department forgot, sent on its own after the due date: its first version is the one
  // that came late (the card's 투자수요 other than the plan's), nothing in it was reported before.
  const lateFirst: string[] = [];
  for (const department of departments) {
    const docs = sends(periodId)
      .filter((s) => s.department === department)
      .flatMap((s) => s.save)
      .filter((d): d is PeriodDoc => d.kind !== 'executionPlan' && d.department === leadOf(d.projectId));
    for (const projectId of new Set(docs.map((d) => d.projectId))) {
      const has = (kind: PeriodDoc['kind']) => docs.some((d) => d.projectId === projectId && d.kind === kind);
      if ((has('managementCard') && has('financeRow')) || !r.chance(0.6)) continue;
      let late: PeriodDoc | undefined;
      const priorRow = rowVersions(priorId, projectId, department).at(-1);
      const priorCard = cardVersions(priorId, projectId).at(-1);
      if (!has('financeRow') && priorRow !== undefined) {
        late = clone(priorRow);
        late.periodId = periodId;
        late.secured.city = fromMilli(milli(late.secured.city) + r.int(1, 500_000));
      } else if (!has('managementCard') && priorCard !== undefined) {
        const card = clone(priorCard);
        card.periodId = periodId;
        card.status = 'onTrack';
        card.statusReason = '';
        card.completionEvidence = { summary: '', attachments: [] };
        const unit = r.pick(card.unitProjects);
        unit.results[periodId] = `${unit.name} ${periodId} 실적`;
        unit.investmentNeeds[
          r.pick(card.fundingSources.length > 0 ? card.fundingSources : ['city' as const])
        ][r.pick(BUDGET_YEARS)] = fromMilli(r.int(20_000, 2_500_000));
        refresh(card);
        late = card;
      }
      if (late === undefined) continue;
      lateFirst.push(projectId);
      insert({
        kind: 'send',
        department,
        period: periodId,
        at: kst(addDays(base.dueDate, 18), '15:00'),
        save: [late],
        projectIds: [projectId],
      });
    }
  }

  // The reported half-year corrected after the office's decisions, the three projects above left as they are.
  correct(
    periodId,
    17,
    new Set([atThreshold, belowThreshold, nothingPlanned].filter((p): p is string => p !== null)),
  );

  const playedBy = (date: string) =>
    steps.filter((s) => Date.parse(s.at) < Date.parse(kst(date, '00:00'))).length;
  return {
    ...base,
    steps,
    thresholdPercent,
    prePriorId,
    atThreshold,
    belowThreshold,
    nothingPlanned,
    lateFirst,
    checkpoints: [playedBy(addDays(base.dueDate, 8)), playedBy(addDays(base.dueDate, 17))],
  };
}
