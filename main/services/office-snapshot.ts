import type { Kysely, Transaction } from 'kysely';
import { catalogAt } from '../../domain/catalog/assignments';
import type { Catalog } from '../../domain/catalog/types';
import {
  changeRequestSchema,
  currentDecisionStatus,
  departmentStepsOnly,
  deriveFinanceRow,
  type DocumentTotals,
  mergeShared,
  type ChangeRequest,
  type ExecutionPlan,
  type FinanceRow,
  type FinanceTableRow,
  type ManagementCard,
} from '../../domain/documents';
import { memoized, memoTable, type ReportMemo } from '../../domain/reports/report-memo';
import type { ReportInput, ReportOptions } from '../../domain/reports/types';
import { reportTotals } from '../../domain/reports/totals-cache';
import { listPeriods } from '../../domain/term/periods';
import type { Term } from '../../domain/term/types';
import { listDocuments } from '../../db/documents';
import type { Database } from '../../db/schema';
import { confirmedPlanHeads, initialPlansOf } from './confirmed-plans';
import { termKeys } from './drafting';
import { earlierLeadCards } from './earlier-lead-cards';
import { latestAndFirst, type ReceivedRow, receivedOf, storedAll } from './received-documents';
import { submissionsOf } from './report-submissions';
import { cacheOf, keptWhile } from './snapshot-cache';

/**
 * What the planning office holds for one half-year, as the report's explicit input. The current version of a
 * document is the latest accepted revision from its department; the office's own decisions (confirmed plans,
 * decided change requests) take precedence over what departments sent.
 */

/** Totals of the cached documents, kept with them (keyed by object, so a document read anew is counted anew). */
function sharedTotals(db: Kysely<Database> | Transaction<Database>, term: Term): DocumentTotals {
  const { budgetYears, periods } = termKeys(term);
  const key = `${budgetYears.join(',')}|${periods.join(',')}`;
  const cache = cacheOf(db).totals;
  let totals = cache.get(key);
  if (!totals) {
    totals = reportTotals(budgetYears, periods);
    cache.set(key, totals);
  }
  return totals;
}

/** What a department wrote in a request, without the steps and lifecycle that the office records. */
const requestContent = (c: ChangeRequest): string => {
  const { decisionHistory: _history, lifecycle: _lifecycle, ...content } = c;
  return JSON.stringify(content);
};

/**
 * The change requests as the office holds them: the office's copy (made at its first step) with its steps, else the
 * department's latest. While the office has not decided a request, a version the department sent since (its
 * 변경안 or 사유 corrected, e.g. at the office's asking) is what the office reviews and decides on, with the
 * office's steps kept; once approved or rejected, the decided text stays.
 */
export async function currentChangeRequests(db: Kysely<Database>): Promise<ChangeRequest[]> {
  const decided = (await listDocuments(db, { kind: 'changeRequest' })).map((d) =>
    changeRequestSchema.parse(d.json),
  );
  const byId = new Map(decided.map((c) => [`${c.department}|${c.requestId}`, c]));
  const received = await storedAll<unknown>(db, latestAndFirst(await receivedOf(db, 'changeRequest')).latest);
  for (const c of received.map((r) => changeRequestSchema.parse(r))) {
    const key = `${c.department}|${c.requestId}`;
    const own = byId.get(key);
    if (own === undefined) {
      // Until the office records a step, the request stands as the department sent it, without any step a
      // department's file claims for the office or the panel (departmentStepsOnly).
      byId.set(key, departmentStepsOnly(c));
      continue;
    }
    const status = currentDecisionStatus(own);
    if (status === 'approved' || status === 'rejected') continue;
    if (requestContent(c) !== requestContent(own)) {
      byId.set(key, { ...c, lifecycle: own.lifecycle, decisionHistory: own.decisionHistory });
    }
  }
  return [...byId.values()];
}

/** Each project's 붙임5 row as first reported for the half-year (the red marking compares against it). */
function firstReportedRows(
  plans: Map<string, ExecutionPlan>,
  initialPlans: ReadonlyMap<string, ExecutionPlan>,
  catalog: Catalog,
  term: Term,
  first: { cards: ManagementCard[]; finance: FinanceRow[] },
  latest: { cards: ManagementCard[]; finance: FinanceRow[] },
  totals: DocumentTotals,
  periodId: string,
  memo: ReportMemo,
  takenInCoCards: ReadonlySet<string>,
): { rows: FinanceTableRow[]; sameAsCurrent: Set<string> } {
  // The first document per project and department, as a scan of the list in order would find it.
  const byKey = <T extends { projectId: string; department: string }>(
    docs: T[],
  ): Map<string, Map<string, T>> => {
    const map = new Map<string, Map<string, T>>();
    for (const d of docs) {
      let byDepartment = map.get(d.projectId);
      if (byDepartment === undefined) {
        byDepartment = new Map();
        map.set(d.projectId, byDepartment);
      }
      if (!byDepartment.has(d.department)) byDepartment.set(d.department, d);
    }
    return map;
  };
  // A co-department's card counts only once the office took it in, in the first report as in the current one.
  const leads = leadDepartments(catalog);
  const counted = (card: ManagementCard): boolean =>
    leads.get(card.projectId) === card.department ||
    takenInCoCards.has(`${card.projectId}|${card.department}`);
  const cardsFirst = byKey(first.cards.filter(counted));
  const financeFirst = byKey(first.finance);
  const cardsLatest = byKey(latest.cards.filter(counted));
  const financeLatest = byKey(latest.finance);
  const keys = termKeys(term);
  const rows: FinanceTableRow[] = [];
  const sameAsCurrent = new Set<string>();
  const termKey = `${keys.budgetYears.join(',')}|${keys.periods.join(',')}`;
  const kept = memoTable(memo, `first|${periodId}`);
  for (const project of catalog.projects) {
    const plan = plans.get(project.id);
    if (!plan) continue;
    const departments = [project.leadDepartment, ...project.coDepartments];
    const cardByDepartment = cardsFirst.get(project.id);
    const financeByDepartment = financeFirst.get(project.id);
    const latestCard = cardsLatest.get(project.id);
    const latestFinance = financeLatest.get(project.id);
    const initialPlan = initialPlans.get(project.id);
    const deps: unknown[] = [termKey, plan, initialPlan];
    for (const d of departments) {
      deps.push(
        d,
        cardByDepartment?.get(d),
        financeByDepartment?.get(d),
        latestCard?.get(d),
        latestFinance?.get(d),
      );
    }
    const first = memoized(kept, project.id, deps, () => {
      // Nothing re-sent for the half-year (the usual case): the first report is the current one. The documents
      // are the same objects (each stored row is parsed once), so identity is the test.
      if (
        departments.some((d) => cardByDepartment?.has(d) === true || financeByDepartment?.has(d) === true) &&
        departments.every(
          (d) =>
            cardByDepartment?.get(d) === latestCard?.get(d) &&
            financeByDepartment?.get(d) === latestFinance?.get(d),
        )
      )
        return 'same' as const;
      if (!departments.some((d) => cardByDepartment?.has(d) === true || financeByDepartment?.has(d) === true))
        return null;
      // As the current row is merged (finance-table.ts, departmentRows): the lead's row always heads it with the
      // plan's figures, even with nothing of the lead's in the first report; a co-department's only once it reported.
      const perDepartment = departments
        .map((department) => {
          const card = cardByDepartment?.get(department) ?? null;
          const secured = financeByDepartment?.get(department) ?? null;
          const coDepartment = department !== project.leadDepartment;
          if (coDepartment && !card && !secured) return null;
          return deriveFinanceRow({ plan, initialPlan, card, secured, ...keys, totals, coDepartment });
        })
        .filter((r): r is FinanceTableRow => r !== null);
      return perDepartment.length === 1 ? perDepartment[0]! : mergeShared(perDepartment);
    });
    if (first === 'same') sameAsCurrent.add(project.id);
    else if (first !== null) rows.push(first);
  }
  return { rows, sameAsCurrent };
}

/** The rows sent by a department other than the project's lead (rows of unknown projects are left out). */
function coDepartmentRows(catalog: Catalog, rows: readonly ReceivedRow[]): ReceivedRow[] {
  const leads = leadDepartments(catalog);
  return rows.filter((r) => {
    const lead = leads.get(r.project_id);
    return lead !== undefined && lead !== r.department;
  });
}

const leadsByCatalog = new WeakMap<Catalog, Map<string, string>>();

/** Each project's lead department, worked out once per catalog object. */
function leadDepartments(catalog: Catalog): Map<string, string> {
  let leads = leadsByCatalog.get(catalog);
  if (leads === undefined) {
    leads = new Map(catalog.projects.map((p) => [p.id, p.leadDepartment]));
    leadsByCatalog.set(catalog, leads);
  }
  return leads;
}

export function previousPeriodOf(term: Term, periodId: string): string | undefined {
  const ids = listPeriods(term).map((p) => p.id);
  const i = ids.indexOf(periodId);
  return i > 0 ? ids[i - 1] : undefined;
}

/** The projects of received rows, the list kept while the rows are the same list (receivedOf keeps it). */
const projectsByRows = new WeakMap<readonly ReceivedRow[], readonly string[]>();
function receivedProjectsOf(rows: readonly ReceivedRow[]): readonly string[] {
  let projects = projectsByRows.get(rows);
  if (projects === undefined) {
    projects = [...new Set(rows.map((r) => r.project_id))];
    projectsByRows.set(rows, projects);
  }
  return projects;
}

export async function buildReportInput(
  db: Kysely<Database>,
  catalog: Catalog,
  term: Term,
  periodId: string,
  options: ReportOptions,
  comparePeriodId?: string,
  /**
   * The co-departments' cards of the half-year the office took in ('카드 반영'), as `${projectId}|${department}`: the
   * others count nowhere, not in the rows as first reported either (붙임5's red marks compare with those).
   */
  takenInCoCards: readonly string[] = [],
): Promise<ReportInput> {
  const heads = await confirmedPlanHeads(db);
  const plans = heads.map((h) => h.plan);
  const initialPlans = await initialPlansOf(db, heads);
  // Shared with the report and between reports: the first-reported rows and the tables need the same totals.
  const totals = sharedTotals(db, term);
  const cards = latestAndFirst(await receivedOf(db, 'managementCard', periodId));
  const finance = latestAndFirst(await receivedOf(db, 'financeRow', periodId));
  const previousPeriodId = comparePeriodId ?? previousPeriodOf(term, periodId);
  const previousCards = previousPeriodId
    ? await storedAll<ManagementCard>(
        db,
        latestAndFirst(await receivedOf(db, 'managementCard', previousPeriodId)).latest,
      )
    : [];
  // 붙임5's red marking reads the half-year just before (what was "기 작성"); compared with another half-year, it is
  // read on its own.
  const priorPeriodId = previousPeriodOf(term, periodId);
  const priorCards =
    priorPeriodId === undefined || priorPeriodId === previousPeriodId
      ? undefined
      : await storedAll<ManagementCard>(
          db,
          latestAndFirst(await receivedOf(db, 'managementCard', priorPeriodId)).latest,
        );
  // Co-departments' rows of the half-year just before: a past year's 집행 one changed since is red too. Only theirs
  // are read (the lead's past 집행 is in its cards).
  const priorFinanceRows =
    priorPeriodId === undefined
      ? []
      : await storedAll<FinanceRow>(
          db,
          coDepartmentRows(
            catalogAt(catalog, priorPeriodId),
            latestAndFirst(await receivedOf(db, 'financeRow', priorPeriodId)).latest,
          ),
        );
  // Compared with another half-year than the one just before: its co-departments' rows, for the comparison's 집행
  // of a shared project (as that half-year's 붙임5 adds them).
  const previousFinanceRows =
    previousPeriodId === undefined || previousPeriodId === priorPeriodId
      ? undefined
      : await storedAll<FinanceRow>(
          db,
          coDepartmentRows(
            catalogAt(catalog, previousPeriodId),
            latestAndFirst(await receivedOf(db, 'financeRow', previousPeriodId)).latest,
          ),
        );
  const earlierCards = await earlierLeadCards(db, catalog, term, periodId);
  // Which projects' plans came (no content read): a lead's card waits for the office's 확정 or for the plan.
  const receivedPlanProjects = receivedProjectsOf(await receivedOf(db, 'executionPlan'));
  const latestCards = await storedAll<ManagementCard>(db, cards.latest);
  const latestFinance = await storedAll<FinanceRow>(db, finance.latest);
  // Kept while the half-year's lists, the confirmed plans, catalog and term are the same objects (each is kept
  // while unchanged): a decision reads the last answer again instead of going through every project.
  const takenIn = [...takenInCoCards].sort().join('\n');
  const first = await keptWhile(
    db,
    `firstReported|${periodId}`,
    [cards, finance, heads, catalog, term, totals, takenIn],
    async () =>
      firstReportedRows(
        new Map(plans.map((p) => [p.projectId, p])),
        initialPlans,
        catalog,
        term,
        {
          cards: await storedAll<ManagementCard>(db, cards.first),
          finance: await storedAll<FinanceRow>(db, finance.first),
        },
        { cards: latestCards, finance: latestFinance },
        totals,
        periodId,
        cacheOf(db).memo,
        new Set(takenInCoCards),
      ),
  );
  return {
    catalog,
    term,
    periodId,
    plans,
    initialPlans,
    receivedPlanProjects,
    cards: latestCards,
    previousCards,
    ...(previousPeriodId ? { previousPeriodId } : {}),
    ...(priorCards ? { priorCards } : {}),
    ...(earlierCards.length > 0 ? { earlierCards } : {}),
    financeRows: latestFinance,
    priorFinanceRows,
    ...(previousFinanceRows ? { previousFinanceRows } : {}),
    firstReported: first.rows,
    firstReportedSameAsCurrent: first.sameAsCurrent,
    submissions: await submissionsOf(db, periodId),
    changeRequests: await currentChangeRequests(db),
    options,
    totals,
    memo: cacheOf(db).memo,
  };
}

/**
 * The part of a half-year's report input its status tables need (buildStatusTablesOnly, after decidedInput): the
 * half-year's cards and the confirmed plans their 확정 항목 are checked against, read as buildReportInput reads
 * them; no finance rows, no other half-year's cards.
 */
export async function buildStatusInput(
  db: Kysely<Database>,
  catalog: Catalog,
  term: Term,
  periodId: string,
  options: ReportOptions,
): Promise<ReportInput> {
  const plans = (await confirmedPlanHeads(db)).map((h) => h.plan);
  const cards = latestAndFirst(await receivedOf(db, 'managementCard', periodId));
  return {
    catalog,
    term,
    periodId,
    plans,
    cards: await storedAll<ManagementCard>(db, cards.latest),
    financeRows: [],
    firstReported: [],
    submissions: [],
    changeRequests: [],
    options,
  };
}
