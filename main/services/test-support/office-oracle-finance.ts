import type {
  CardStatus,
  ExecutionPlan,
  FinanceRow,
  FundingSource,
  ManagementCard,
} from '../../../domain/documents';
import { areaOf, asksCompletion, type Decided, holds } from './office-oracle';
import { AFTER_TERM, BUDGET_YEARS, catalog, HALF_YEARS, type RandomOffice, SOURCES } from './random-office';

/**
 * What the office's 붙임5 should mark red, show per budget year, and what its 부진 사업 table should list, for a
 * RandomOffice (usually one from random-office-finance.ts), added up here from the documents the test generated
 * and the order it sent them in — never from the report code or its helpers. Amounts are integer 천원. The rules, as
 * README.md (종합 현황, Known limits: "Red amounts across half-years are 집행 only, against the half-year just
 * before"), domain/reports/README.md (집행률, Lagging) and DOMAIN.md give them:
 *
 * - Per budget year: 임기내 계획 = the 현재계획's (the lead's card of the half-year, the plan without one) 연차별
 *   투자수요 of that year, every source and unit; 임기내 집행 = the lead card's 집행액 of the half-years of that year up
 *   to the reported one, plus each co-department's own 집행 of that year as its finance row of the half-year states
 *   it (years up to the half-year's). 확보 per source = Σ of the departments' rows. Subtotals and the grand total add
 *   the rows up.
 * - Red within the half-year: every amount of the row (계획 총계 초기/현재, 확보 총계 and per source, 임기내 계획 총계
 *   and per year, 임기내 집행 총계 and per year) that differs from the same amount of the row built from each
 *   document's first accepted version of the half-year (a department's card and finance row each as it first
 *   arrived). A project that sent nothing for the half-year has no first report and nothing red.
 * - Red across half-years, 집행 only, against the half-year just before: the lead's card of the half-year against
 *   its card of the half-year just before (as the office holds it, its latest version), per year over the
 *   half-years before the reported one, and 집행 총계 when their sum moved; a co-department's finance row against its
 *   row of the half-year just before, per year over the years before the half-year's own year (its own year mixes
 *   both half-years), and 집행 총계 when those years' sum moved. Without the document in either half-year, nothing.
 * - 부진 사업 (threshold t %): 일부추진 or 보류 (사유 'status'); 폐기 (no change request is ever approved here:
 *   'droppedWithoutApproval'); 집행률 below t: 임기내 집행 총계 against the plan so far — each budget year's 임기내 계획
 *   counted with the share of its in-term half-years that have ended, rounded to 천원 per year — for projects with
 *   a 붙임5 row whose status is 정상추진, 일부추진 or 보류 and with something planned so far; a half-year milestone of
 *   the confirmed plan's 연차별 추진계획 (half-years up to the reported one, text not blank) whose result on the
 *   lead's card is blank, for projects with a card that are not 완료, 이행 후 계속 추진 or 폐기. The status is the
 *   tables' status: a 완료 the office rejected counts as 정상추진, one it has not decided yet as 완료 (the same
 *   replay of the office's decisions as office-oracle.ts, kept here so that each oracle stands on its own).
 *
 * Left out, as random-office.ts leaves them out: change requests (a 폐기 with an approved 공약 조정 is not lagging for
 * it; a plan changed or confirmed again moves 초기계획 apart from the plan in force), co-departments' cards,
 * finance rows without 집행 (written before rows held it), 부서 이관, conflicts and quarantined files (what counts
 * as received), and documents of a half-year re-sent after the next half-year's cards (what "the half-year just
 * before" held when those were written).
 */

type Doc = ManagementCard | FinanceRow;
export type Grid = Record<string, Record<string, number | null | undefined> | undefined>;

export const milli = (v: number | null | undefined): number => Math.round((v ?? 0) * 1000);
export const yearOf = (halfYear: string): string => halfYear.slice(0, 4);
export const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

/** 붙임5's per-year and per-source columns of a row, subtotal or total, in 천원; index i is BUDGET_YEARS[i]. */
export interface YearColumns {
  termPlan: number[];
  termExecuted: number[];
  secured: Record<FundingSource, number>;
}

export interface ExpectedRow {
  columns: YearColumns;
  /** The amount paths shown red ("termExecuted.byYear.2019", "secured.city"), sorted. */
  changed: string[];
  /** Whether the project sent anything for the half-year (so that a first report exists). */
  hasFirstReport: boolean;
}

export type LaggingReasonKey = 'status' | 'lowExecution' | 'missedMilestones' | 'droppedWithoutApproval';

export interface ExpectedLagging {
  status: CardStatus | 'notSubmitted';
  /** Sorted. */
  reasons: LaggingReasonKey[];
  /** In 천원; null without a 붙임5 row. */
  plannedSoFar: number | null;
  executed: number | null;
  /** `${unitId}|${periodId}|${planned text}`, sorted. */
  missed: string[];
}

export interface ExpectedFinance {
  rows: Map<string, ExpectedRow>;
  areas: Map<number, YearColumns>;
  total: YearColumns;
  lagging: Map<string, ExpectedLagging>;
  /** Where the red marks came from, for the test to check that a seed has each case. */
  cases: {
    /** Rows with an amount red within the half-year. */
    withinHalfYear: number;
    /** Rows whose lead card restated a past half-year's 집행 (a year red). */
    restatedByLead: number;
    /** Rows whose co-department restated a past year's 집행. */
    restatedByCo: number;
    /** Rows with a year red across half-years and 집행 총계 not (the restatement moved money between years). */
    yearsWithoutTotal: number;
    /** Rows whose lead card moved past 집행 without changing any year (nothing red across half-years). */
    restatedWithinYear: number;
    /**
     * Rows whose document of the half-year just before was corrected after it first arrived so that what is red
     * depends on it (its latest version is what the half-year's restatements are compared with): the lead's card, a
     * co-department's row.
     */
    priorCardCorrected: number;
    priorRowCorrected: number;
    /**
     * Rows with 집행 of past half-years (a lead's card) or years (a co-department's row) and no document of the
     * department in the half-year just before to compare it with: nothing red for it.
     */
    nothingToCompareLead: number;
    nothingToCompareCo: number;
  };
}

/** Σ of a money grid's cells whose column passes `keep`, in 천원. */
export const gridMilli = (grid: Grid, keep: (column: string) => boolean): number =>
  sum(
    SOURCES.map((s) =>
      sum(
        Object.entries(grid[s] ?? {})
          .filter(([column]) => keep(column))
          .map(([, v]) => milli(v)),
      ),
    ),
  );

const unitsMilli = (units: readonly { investmentNeeds: Grid }[], keep: (column: string) => boolean): number =>
  sum(units.map((u) => gridMilli(u.investmentNeeds, keep)));

/** Σ of a card's 집행액 cells whose half-year passes `keep`, in 천원. */
const executedMilli = (card: ManagementCard, keep: (halfYear: string) => boolean): number =>
  sum(card.unitProjects.map((u) => gridMilli(u.executed as Grid, (h) => HALF_YEARS.includes(h) && keep(h))));

/**
 * The plan due by the end of `periodId`, in 천원, from 임기내 계획 by year (index i is BUDGET_YEARS[i]): each year
 * counts with the share of its in-term half-years that have ended, rounded half up to 천원 per year.
 */
export function plannedSoFarMilli(termPlanByYear: readonly number[], periodId: string): number {
  return sum(
    BUDGET_YEARS.map((year, i) => {
      const halves = HALF_YEARS.filter((h) => yearOf(h) === year);
      const ended = halves.filter((h) => h <= periodId).length;
      const m = termPlanByYear[i] ?? 0;
      // round(m × ended / all), half up, in integers.
      return Math.floor((2 * m * ended + halves.length) / (2 * halves.length));
    }),
  );
}

const leadOf = (projectId: string): string =>
  catalog.projects.find((p) => p.id === projectId)?.leadDepartment ?? '';

const zeroSecured = (): Record<FundingSource, number> =>
  Object.fromEntries(SOURCES.map((s) => [s, 0])) as Record<FundingSource, number>;
const zeroColumns = (): YearColumns => ({
  termPlan: BUDGET_YEARS.map(() => 0),
  termExecuted: BUDGET_YEARS.map(() => 0),
  secured: zeroSecured(),
});
function addColumns(into: YearColumns, a: YearColumns): void {
  BUDGET_YEARS.forEach((_, i) => {
    into.termPlan[i] = (into.termPlan[i] ?? 0) + (a.termPlan[i] ?? 0);
    into.termExecuted[i] = (into.termExecuted[i] ?? 0) + (a.termExecuted[i] ?? 0);
  });
  for (const s of SOURCES) into.secured[s] += a.secured[s];
}

/** The figures of 붙임5's red marks and per-year columns and of 부진 사업 for `periodId`, at threshold t %. */
export function expectedFinance(
  office: RandomOffice,
  periodId: string,
  thresholdPercent: number,
): ExpectedFinance {
  // Replaying the steps: the plans sent and confirmed, every version of each half-year's document in the order
  // the office received them, the office's 완료 decisions with the card each was made on.
  const plans = new Map<string, ExecutionPlan>();
  const confirmed = new Set<string>();
  const versions = new Map<string, Doc[]>();
  const key = (half: string, kind: Doc['kind'], projectId: string, department: string) =>
    `${half}|${kind}|${projectId}|${department}`;
  const decisions = new Map<string, Decided>();
  const latestCard = (half: string, projectId: string): ManagementCard | undefined => {
    const doc = versions.get(key(half, 'managementCard', projectId, leadOf(projectId)))?.at(-1);
    return doc?.kind === 'managementCard' ? doc : undefined;
  };
  for (const step of office.steps) {
    if (step.kind === 'confirm') confirmed.add(step.projectId);
    if (step.kind === 'decideCompletion')
      decisions.set(`${step.projectId}:${step.periodId}`, {
        ...step,
        card: latestCard(step.periodId, step.projectId),
      });
    if (step.kind !== 'send') continue;
    for (const doc of step.save) {
      if (doc.kind === 'executionPlan') plans.set(doc.projectId, doc);
      else {
        const k = key(step.period, doc.kind, doc.projectId, doc.department);
        versions.set(k, [...(versions.get(k) ?? []), doc]);
      }
    }
  }
  const version = (
    which: 'first' | 'latest',
    half: string,
    kind: Doc['kind'],
    projectId: string,
    department: string,
  ): Doc | undefined => {
    const all = versions.get(key(half, kind, projectId, department));
    return which === 'first' ? all?.[0] : all?.at(-1);
  };
  const cardOf = (which: 'first' | 'latest', half: string, projectId: string) => {
    const doc = version(which, half, 'managementCard', projectId, leadOf(projectId));
    return doc?.kind === 'managementCard' ? doc : undefined;
  };
  const rowOf = (which: 'first' | 'latest', half: string, projectId: string, department: string) => {
    const doc = version(which, half, 'financeRow', projectId, department);
    return doc?.kind === 'financeRow' ? doc : undefined;
  };

  // The project's status in the tables, the office's 완료 decisions applied.
  const decisionOf = (projectId: string): Decided | undefined => {
    const own = decisions.get(`${projectId}:${periodId}`);
    if (own !== undefined) return holds(own, latestCard(periodId, projectId)) ? own : undefined;
    const earlier = [...decisions.values()]
      .filter((d) => d.projectId === projectId && d.periodId < periodId)
      .sort((a, b) => a.periodId.localeCompare(b.periodId))
      .at(-1);
    if (earlier?.decision !== 'accepted' || !holds(earlier, latestCard(earlier.periodId, projectId)))
      return undefined;
    const interrupted = HALF_YEARS.filter((h) => h > earlier.periodId && h < periodId).some((h) => {
      const card = latestCard(h, projectId);
      return card !== undefined && !asksCompletion(card.status);
    });
    return interrupted ? undefined : earlier;
  };
  const statusOf = (projectId: string): CardStatus | 'notSubmitted' => {
    const card = latestCard(periodId, projectId);
    if (card?.status == null) return 'notSubmitted';
    if (asksCompletion(card.status) && decisionOf(projectId)?.decision === 'rejected') return 'onTrack';
    return card.status;
  };

  const periodYear = yearOf(periodId);
  const priorId = HALF_YEARS[HALF_YEARS.indexOf(periodId) - 1];

  /** Every amount of the project's row (path → 천원) from the documents as first received or as they are now. */
  const amounts = (
    project: (typeof catalog.projects)[number],
    plan: ExecutionPlan,
    which: 'first' | 'latest',
  ) => {
    const card = cardOf(which, periodId, project.id);
    const current = (card ?? plan).unitProjects as unknown as { investmentNeeds: Grid }[];
    const rows = [project.leadDepartment, ...project.coDepartments]
      .map((d) => rowOf(which, periodId, project.id, d))
      .filter((r): r is FinanceRow => r !== undefined);
    const termPlan = BUDGET_YEARS.map((y) => unitsMilli(current, (c) => c === y));
    const termExecuted = BUDGET_YEARS.map(
      (y) =>
        (card === undefined ? 0 : executedMilli(card, (h) => h <= periodId && yearOf(h) === y)) +
        sum(
          rows
            .filter((r) => r.department !== project.leadDepartment && y <= periodYear)
            .map((r) => milli(r.executed?.[y])),
        ),
    );
    const secured = Object.fromEntries(
      SOURCES.map((s) => [s, sum(rows.map((r) => milli(r.secured[s])))]),
    ) as Record<FundingSource, number>;
    const all = (c: string) => c === AFTER_TERM || BUDGET_YEARS.includes(c);
    const paths = new Map<string, number>([
      ['plannedTotal.initial', unitsMilli(plan.unitProjects as unknown as { investmentNeeds: Grid }[], all)],
      ['plannedTotal.current', unitsMilli(current, all)],
      ['secured.total', sum(SOURCES.map((s) => secured[s]))],
      ...SOURCES.map((s): [string, number] => [`secured.${s}`, secured[s]]),
      ['termPlan.total', sum(termPlan)],
      ...BUDGET_YEARS.map((y, i): [string, number] => [`termPlan.byYear.${y}`, termPlan[i] ?? 0]),
      ['termExecuted.total', sum(termExecuted)],
      ...BUDGET_YEARS.map((y, i): [string, number] => [`termExecuted.byYear.${y}`, termExecuted[i] ?? 0]),
    ]);
    return { paths, columns: { termPlan, termExecuted, secured } };
  };

  /** 집행 of past half-years the lead's card restated against its card of the half-year just before. */
  const restatedByLead = (projectId: string, prior: 'first' | 'latest' = 'latest'): string[] => {
    const now = cardOf('latest', periodId, projectId);
    const then = priorId === undefined ? undefined : cardOf(prior, priorId, projectId);
    if (now === undefined || then === undefined) return [];
    const past = (card: ManagementCard, year: string) =>
      executedMilli(card, (h) => h < periodId && yearOf(h) === year);
    const out = BUDGET_YEARS.filter((y) => past(now, y) !== past(then, y)).map(
      (y) => `termExecuted.byYear.${y}`,
    );
    if (executedMilli(now, (h) => h < periodId) !== executedMilli(then, (h) => h < periodId))
      out.push('termExecuted.total');
    return out;
  };
  /** 집행 of past years a co-department's row restated against its row of the half-year just before. */
  const restatedByCo = (
    project: (typeof catalog.projects)[number],
    prior: 'first' | 'latest' = 'latest',
  ): string[] =>
    project.coDepartments.flatMap((d) => {
      const now = rowOf('latest', periodId, project.id, d);
      const then = priorId === undefined ? undefined : rowOf(prior, priorId, project.id, d);
      if (now?.executed === undefined || then?.executed === undefined) return [];
      const years = BUDGET_YEARS.filter((y) => y < periodYear);
      const out = years
        .filter((y) => milli(now.executed?.[y]) !== milli(then.executed?.[y]))
        .map((y) => `termExecuted.byYear.${y}`);
      if (
        sum(years.map((y) => milli(now.executed?.[y]))) !== sum(years.map((y) => milli(then.executed?.[y])))
      )
        out.push('termExecuted.total');
      return out;
    });

  const rows = new Map<string, ExpectedRow>();
  const areas = new Map<number, YearColumns>();
  const total = zeroColumns();
  const cases = {
    withinHalfYear: 0,
    restatedByLead: 0,
    restatedByCo: 0,
    yearsWithoutTotal: 0,
    restatedWithinYear: 0,
    priorCardCorrected: 0,
    priorRowCorrected: 0,
    nothingToCompareLead: 0,
    nothingToCompareCo: 0,
  };

  for (const project of catalog.projects) {
    const plan = plans.get(project.id);
    if (plan === undefined || !confirmed.has(project.id)) continue;
    const departments = [project.leadDepartment, ...project.coDepartments];
    const sent = departments.some(
      (d) =>
        version('first', periodId, 'managementCard', project.id, d) !== undefined ||
        version('first', periodId, 'financeRow', project.id, d) !== undefined,
    );
    const latest = amounts(project, plan, 'latest');
    const within: string[] = [];
    if (sent) {
      const first = amounts(project, plan, 'first').paths;
      for (const [path, value] of latest.paths) if (first.get(path) !== value) within.push(path);
    }
    const byLead = restatedByLead(project.id);
    const byCo = restatedByCo(project);
    const changed = [...new Set([...within, ...byLead, ...byCo])].sort();
    rows.set(project.id, { columns: latest.columns, changed, hasFirstReport: sent });
    if (within.length > 0) cases.withinHalfYear += 1;
    if (byLead.some((p) => p.includes('byYear'))) cases.restatedByLead += 1;
    if (byCo.some((p) => p.includes('byYear'))) cases.restatedByCo += 1;
    const across = [...byLead, ...byCo];
    if (across.some((p) => p.includes('byYear')) && !across.includes('termExecuted.total'))
      cases.yearsWithoutTotal += 1;
    const now = cardOf('latest', periodId, project.id);
    const then = priorId === undefined ? undefined : cardOf('latest', priorId, project.id);
    if (now !== undefined && then !== undefined && byLead.length === 0) {
      // The same 집행 per year, but not cell by cell: moved between sources or half-years of one year.
      const cells = (card: ManagementCard) =>
        JSON.stringify(
          card.unitProjects.map((u) =>
            SOURCES.map((s) => HALF_YEARS.filter((h) => h < periodId).map((h) => milli(u.executed[s][h]))),
          ),
        );
      if (cells(now) !== cells(then)) cases.restatedWithinYear += 1;
    }
    const before = (which: 'card' | 'row', department: string) =>
      priorId !== undefined &&
      (which === 'card'
        ? cardOf('latest', priorId, project.id)
        : rowOf('latest', priorId, project.id, department)) !== undefined;
    const coPast = project.coDepartments.some(
      (d) =>
        !before('row', d) &&
        BUDGET_YEARS.some(
          (y) => y < periodYear && milli(rowOf('latest', periodId, project.id, d)?.executed?.[y]) > 0,
        ),
    );
    if (
      now !== undefined &&
      !before('card', project.leadDepartment) &&
      executedMilli(now, (h) => h < periodId) > 0
    )
      cases.nothingToCompareLead += 1;
    if (coPast) cases.nothingToCompareCo += 1;
    const redAgainst = (lead: 'first' | 'latest', co: 'first' | 'latest') =>
      [...new Set([...within, ...restatedByLead(project.id, lead), ...restatedByCo(project, co)])]
        .sort()
        .join();
    if (redAgainst('first', 'latest') !== changed.join()) cases.priorCardCorrected += 1;
    if (redAgainst('latest', 'first') !== changed.join()) cases.priorRowCorrected += 1;
    const area = areas.get(areaOf(project.id)) ?? zeroColumns();
    areas.set(areaOf(project.id), area);
    addColumns(area, latest.columns);
    addColumns(total, latest.columns);
  }

  // 부진 사업.
  const lagging = new Map<string, ExpectedLagging>();
  for (const project of catalog.projects) {
    const status = statusOf(project.id);
    const row = rows.get(project.id);
    const card = latestCard(periodId, project.id);
    const reasons: LaggingReasonKey[] = [];
    if (status === 'partial' || status === 'onHold') reasons.push('status');
    if (status === 'dropped') reasons.push('droppedWithoutApproval');
    const plannedSoFar = row === undefined ? null : plannedSoFarMilli(row.columns.termPlan, periodId);
    const executed = row === undefined ? null : sum(row.columns.termExecuted);
    const rated = status === 'onTrack' || status === 'partial' || status === 'onHold';
    // executed / planned < t / 100, in integers.
    if (rated && plannedSoFar !== null && executed !== null && plannedSoFar > 0) {
      if (executed * 100 < thresholdPercent * plannedSoFar) reasons.push('lowExecution');
    }
    const missed: string[] = [];
    const exempt = status === 'completed' || status === 'continuing' || status === 'dropped';
    if (card !== undefined && !exempt) {
      const plan = confirmed.has(project.id) ? plans.get(project.id) : undefined;
      const units = plan?.unitProjects ?? card.unitProjects;
      for (const unit of units) {
        const results = card.unitProjects.filter((u) => u.id === unit.id).at(-1)?.results ?? {};
        for (const [half, planned] of Object.entries(unit.schedule)) {
          if (!HALF_YEARS.includes(half) || half > periodId || planned.trim() === '') continue;
          if ((results[half] ?? '').trim() === '') missed.push(`${unit.id}|${half}|${planned.trim()}`);
        }
      }
      if (missed.length > 0) reasons.push('missedMilestones');
    }
    if (reasons.length === 0) continue;
    lagging.set(project.id, {
      status,
      reasons: reasons.sort(),
      plannedSoFar,
      executed,
      missed: missed.sort(),
    });
  }
  return { rows, areas, total, lagging, cases };
}
