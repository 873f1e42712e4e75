import type { CatalogProject } from '../../../domain/catalog/types';
import type { ExecutionPlan, FinanceRow, ManagementCard } from '../../../domain/documents';
import { AFTER_TERM, catalog, HALF_YEARS, type RandomOffice, SOURCES } from './random-office';

/**
 * The figures the office's tables should show for a RandomOffice, added up here from the documents the test itself
 * generated and the order it sent them in — never from the report code or its helpers. Amounts are summed on
 * integer 천원 and compared as such. The rules, as DOMAIN.md and the forms give them:
 *
 * - Status of a project = 추진상황 of its lead department's latest card of the half-year; no card = 미제출. Every
 *   catalog project is counted (미제출 included). A 완료 / 이행 후 계속 추진 is the office's to decide
 *   (completion-decisions.ts words the rules): rejected it counts as 정상추진, not decided yet it counts as reported
 *   and is marked 결정 대기 (completedUndecided / continuingUndecided). A decision is made on the card of then: a
 *   rejection holds while that card is unchanged, an acceptance while the card still asks with the same 완료 근거.
 *   An acceptance of an earlier half-year carries over while every card since asks 완료 too.
 * - 붙임5 has a row for each project whose plan the office confirmed. 초기계획 = the plan's 연차별 투자수요 (in and
 *   after the term), 현재계획 = the lead's card's (the plan's without a card), 임기내 계획 = 현재계획 without 임기후,
 *   확보 = the sum of each department's own finance row (a row not received counts 0), 임기내 집행 = the lead card's
 *   집행액 of the half-years up to the reported one plus a co-department's own 집행 (its row's years up to the
 *   half-year's year).
 * - A department owes, for the half-year, a card and a finance row per project it leads and a finance row per
 *   project it co-operates on. An item arrived with the first bundle that carried it (the 접수일 the office gave,
 *   for a file imported later); on time when the office's (Korean) date of arrival is on or before the due date.
 */

export const STATUS_KEYS = [
  'completed',
  'continuing',
  'onTrack',
  'partial',
  'onHold',
  'dropped',
  'notSubmitted',
] as const;
export type StatusKey = (typeof STATUS_KEYS)[number];

export interface StatusCounts {
  counts: Record<StatusKey, number>;
  completedUndecided: number;
  continuingUndecided: number;
}

/** 붙임5 amounts compared, in 천원. */
export interface FinanceMilli {
  initial: number;
  current: number;
  secured: number;
  termPlan: number;
  termExecuted: number;
}

export interface Timeliness {
  onTime: number;
  late: number;
  missing: number;
}

export interface ExpectedFigures {
  byArea: Map<string, StatusCounts>;
  /** By core pledge ("1-1"), from each project's core pledge. */
  byCorePledge: Map<string, StatusCounts>;
  byDepartment: Map<string, StatusCounts>;
  total: StatusCounts;
  financeRows: Map<string, FinanceMilli>;
  financeByArea: Map<number, FinanceMilli>;
  financeTotal: FinanceMilli;
  submissions: Map<string, Timeliness>;
  /** Each catalog project's status in the tables, and whether its 완료 / 이행 후 계속 추진 waits for the office. */
  statusByProject: Map<string, { status: StatusKey; undecided: boolean }>;
  /** The lead's card of the half-year each project is counted by (its latest version), if any. */
  leadCards: Map<string, ManagementCard>;
}

const milli = (v: number | null | undefined): number => Math.round((v ?? 0) * 1000);

type Grid = Record<string, Record<string, number | null>>;
/** Σ of a money grid's cells whose column passes `keep`, in 천원. */
const gridMilli = (grid: Grid, keep: (column: string) => boolean): number =>
  SOURCES.reduce(
    (acc, s) =>
      acc +
      Object.entries(grid[s] ?? {})
        .filter(([column]) => keep(column))
        .reduce((a, [, v]) => a + milli(v), 0),
    0,
  );
const unitsMilli = (units: readonly Record<string, unknown>[], key: string, keep: (c: string) => boolean) =>
  units.reduce((a, u) => a + gridMilli(u[key] as Grid, keep), 0);

/** 완료율: (완료 + 이행 후 계속 추진, 결정 대기 included) / the row's projects (미제출 included); null for none. */
export function completionRateOf(row: StatusCounts): number | null {
  const projects = STATUS_KEYS.reduce((a, s) => a + row.counts[s], 0);
  return projects === 0 ? null : (row.counts.completed + row.counts.continuing) / projects;
}

const emptyCounts = (): StatusCounts => ({
  counts: Object.fromEntries(STATUS_KEYS.map((s) => [s, 0])) as Record<StatusKey, number>,
  completedUndecided: 0,
  continuingUndecided: 0,
});
const zeroFinance = (): FinanceMilli => ({
  initial: 0,
  current: 0,
  secured: 0,
  termPlan: 0,
  termExecuted: 0,
});
function addFinance(into: FinanceMilli, a: FinanceMilli): void {
  into.initial += a.initial;
  into.current += a.current;
  into.secured += a.secured;
  into.termPlan += a.termPlan;
  into.termExecuted += a.termExecuted;
}

export const areaOf = (projectId: string): number => {
  const project = catalog.projects.find((p) => p.id === projectId);
  const pledge = catalog.corePledges.find((c) => c.id === project?.corePledgeId);
  if (pledge === undefined) throw new Error(`no area for ${projectId}`);
  return pledge.areaId;
};

const docKey = (kind: string, projectId: string, department: string): string =>
  `${kind}|${projectId}|${department}`;

export const asksCompletion = (status: string | null | undefined): boolean =>
  status === 'completed' || status === 'continuing';

export interface Decided {
  projectId: string;
  periodId: string;
  decision: 'accepted' | 'rejected';
  /** The lead's card of the half-year when the office decided. */
  card: ManagementCard | undefined;
}

/**
 * Whether a 완료 decision still holds for its half-year's card as it is now: a rejection while the card is
 * unchanged, an acceptance while the card still asks with the same 완료 근거 (completion-decisions.ts words it).
 */
export function holds(decided: Decided, current: ManagementCard | undefined): boolean {
  if (current === undefined || JSON.stringify(current) === JSON.stringify(decided.card)) return true;
  if (!asksCompletion(current.status)) return false;
  return (
    decided.decision === 'accepted' &&
    JSON.stringify(current.completionEvidence) === JSON.stringify(decided.card?.completionEvidence)
  );
}

/**
 * The figures of the report on `periodId` (the scenario's or the one before it), due on `dueDate`. `projects`: the
 * catalog's projects with the lead and co-departments of that half-year (a project moved to another lead — 부서
 * 이관 — is its lead's of then); by default the catalog's as it is.
 */
export function expectedFigures(
  office: RandomOffice,
  periodId: string,
  dueDate: string,
  projects: readonly CatalogProject[] = catalog.projects,
): ExpectedFigures {
  // Replaying the steps: the plans sent, the plans confirmed, each document's last version of the half-year, the
  // date each item of the half-year first arrived, the office's 완료 decisions.
  const plans = new Map<string, ExecutionPlan>();
  const confirmed = new Set<string>();
  const latest = new Map<string, ManagementCard | FinanceRow>(); // by half-year and docKey
  const saved = new Map<string, Map<string, ManagementCard | FinanceRow>>(); // department → its half-year's docs
  const firstArrival = new Map<string, string>();
  const decisions = new Map<string, Decided>(); // by `projectId:periodId`, the latest
  const cardOf = (projectId: string, lead: string, half: string): ManagementCard | undefined => {
    const doc = latest.get(`${half}|${docKey('managementCard', projectId, lead)}`);
    return doc?.kind === 'managementCard' ? doc : undefined;
  };
  const leadOf = (projectId: string): string =>
    projects.find((p) => p.id === projectId)?.leadDepartment ?? '';
  for (const step of office.steps) {
    if (step.kind === 'confirm') confirmed.add(step.projectId);
    if (step.kind === 'decideCompletion') {
      const card = cardOf(step.projectId, leadOf(step.projectId), step.periodId);
      decisions.set(`${step.projectId}:${step.periodId}`, { ...step, card });
    }
    if (step.kind !== 'send') continue;
    if (step.period === 'plan') {
      for (const doc of step.save) if (doc.kind === 'executionPlan') plans.set(doc.projectId, doc);
      continue;
    }
    for (const doc of step.save) {
      if (doc.kind !== 'executionPlan')
        latest.set(`${step.period}|${docKey(doc.kind, doc.projectId, doc.department)}`, doc);
    }
    if (step.period !== periodId) continue;
    const own = saved.get(step.department) ?? new Map<string, ManagementCard | FinanceRow>();
    saved.set(step.department, own);
    for (const doc of step.save) {
      if (doc.kind !== 'executionPlan') own.set(docKey(doc.kind, doc.projectId, doc.department), doc);
    }
    // The export carries every document of the half-year the department holds for those projects.
    const arrivalDate = step.at.slice(0, 10); // written in Korean time: its date is the office's date
    for (const [key, doc] of own) {
      if (step.projectIds.includes(doc.projectId) && !firstArrival.has(key))
        firstArrival.set(key, arrivalDate);
    }
  }
  const leadCard = (projectId: string, lead: string) => cardOf(projectId, lead, periodId);
  const financeRow = (projectId: string, department: string): FinanceRow | undefined => {
    const doc = latest.get(`${periodId}|${docKey('financeRow', projectId, department)}`);
    return doc?.kind === 'financeRow' ? doc : undefined;
  };
  /** The decision that holds for the project's 완료 of the half-year; undefined: it waits for the office. */
  const decisionOf = (projectId: string, lead: string): Decided | undefined => {
    const own = decisions.get(`${projectId}:${periodId}`);
    if (own !== undefined) return holds(own, leadCard(projectId, lead)) ? own : undefined;
    const earlier = [...decisions.values()]
      .filter((d) => d.projectId === projectId && d.periodId < periodId)
      .sort((a, b) => a.periodId.localeCompare(b.periodId))
      .at(-1);
    if (earlier?.decision !== 'accepted' || !holds(earlier, cardOf(projectId, lead, earlier.periodId)))
      return undefined;
    const between = HALF_YEARS.filter((h) => h > earlier.periodId && h < periodId);
    const interrupted = between.some((h) => {
      const card = cardOf(projectId, lead, h);
      return card !== undefined && !asksCompletion(card.status);
    });
    return interrupted ? undefined : earlier;
  };

  // Status tables.
  const byArea = new Map<string, StatusCounts>();
  const byCorePledge = new Map<string, StatusCounts>();
  const byDepartment = new Map<string, StatusCounts>();
  const total = emptyCounts();
  const groupOf = (groups: Map<string, StatusCounts>, key: string): StatusCounts => {
    const counts = groups.get(key) ?? emptyCounts();
    groups.set(key, counts);
    return counts;
  };
  const statusByProject = new Map<string, { status: StatusKey; undecided: boolean }>();
  const leadCards = new Map<string, ManagementCard>();
  for (const project of projects) {
    const card = leadCard(project.id, project.leadDepartment);
    if (card !== undefined) leadCards.set(project.id, card);
    let status: StatusKey = card?.status ?? 'notSubmitted';
    let undecided = false;
    if (asksCompletion(status)) {
      const decided = decisionOf(project.id, project.leadDepartment);
      if (decided?.decision === 'rejected') status = 'onTrack';
      undecided = decided === undefined;
    }
    statusByProject.set(project.id, { status, undecided });
    const groups = [
      groupOf(byArea, String(areaOf(project.id))),
      groupOf(byCorePledge, project.corePledgeId),
      groupOf(byDepartment, project.leadDepartment),
      total,
    ];
    for (const g of groups) {
      g.counts[status] += 1;
      if (undecided && status === 'completed') g.completedUndecided += 1;
      if (undecided && status === 'continuing') g.continuingUndecided += 1;
    }
  }

  // 붙임5.
  const financeRows = new Map<string, FinanceMilli>();
  const financeByArea = new Map<number, FinanceMilli>();
  const financeTotal = zeroFinance();
  const all = () => true;
  const inTerm = (column: string) => column !== AFTER_TERM;
  for (const project of projects) {
    const plan = plans.get(project.id);
    if (plan === undefined || !confirmed.has(project.id)) continue;
    const card = leadCard(project.id, project.leadDepartment);
    const current = (card ?? plan).unitProjects as unknown as Record<string, unknown>[];
    const departments = [project.leadDepartment, ...project.coDepartments];
    const coExecuted = project.coDepartments.reduce(
      (a, d) =>
        a +
        Object.entries(financeRow(project.id, d)?.executed ?? {})
          .filter(([year]) => year <= periodId.slice(0, 4))
          .reduce((x, [, v]) => x + milli(v), 0),
      0,
    );
    const row: FinanceMilli = {
      initial: unitsMilli(plan.unitProjects as unknown as Record<string, unknown>[], 'investmentNeeds', all),
      current: unitsMilli(current, 'investmentNeeds', all),
      secured: departments.reduce(
        (a, d) => a + SOURCES.reduce((x, s) => x + milli(financeRow(project.id, d)?.secured[s]), 0),
        0,
      ),
      termPlan: unitsMilli(current, 'investmentNeeds', inTerm),
      termExecuted:
        (card === undefined
          ? 0
          : unitsMilli(
              card.unitProjects as unknown as Record<string, unknown>[],
              'executed',
              (h) => h <= periodId,
            )) + coExecuted,
    };
    financeRows.set(project.id, row);
    const area = financeByArea.get(areaOf(project.id)) ?? zeroFinance();
    addFinance(area, row);
    financeByArea.set(areaOf(project.id), area);
    addFinance(financeTotal, row);
  }

  // 제출 현황.
  const submissions = new Map<string, Timeliness>();
  const owe = (department: string, key: string) => {
    const t = submissions.get(department) ?? { onTime: 0, late: 0, missing: 0 };
    submissions.set(department, t);
    const date = firstArrival.get(key);
    if (date === undefined) t.missing += 1;
    else if (date <= dueDate) t.onTime += 1;
    else t.late += 1;
  };
  for (const project of projects) {
    owe(project.leadDepartment, docKey('managementCard', project.id, project.leadDepartment));
    owe(project.leadDepartment, docKey('financeRow', project.id, project.leadDepartment));
    for (const co of project.coDepartments) owe(co, docKey('financeRow', project.id, co));
  }
  return {
    byArea,
    byCorePledge,
    byDepartment,
    total,
    financeRows,
    financeByArea,
    financeTotal,
    submissions,
    statusByProject,
    leadCards,
  };
}
