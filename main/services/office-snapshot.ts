import type { Kysely, Transaction } from 'kysely';
import type { Catalog } from '../../domain/catalog/types';
import {
  changeRequestSchema,
  deriveFinanceRow,
  type DocumentTotals,
  mergeShared,
  type ChangeRequest,
  type ExecutionPlan,
  type FinanceRow,
  type FinanceTableRow,
  type ManagementCard,
} from '../../domain/documents';
import type { ReportInput, ReportOptions, SubmissionRecord } from '../../domain/reports/types';
import { reportTotals } from '../../domain/reports/totals-cache';
import { listPeriods } from '../../domain/term/periods';
import type { Term } from '../../domain/term/types';
import { listDocuments } from '../../db/documents';
import type { Database, DocumentKind } from '../../db/schema';
import { termKeys } from './drafting';

/**
 * What the planning office holds for one half-year, as the report's explicit input. The current version of a
 * document is the latest accepted revision from its department; the office's own decisions (confirmed plans,
 * decided change requests) take precedence over what departments sent.
 */

interface ReceivedRow {
  kind: DocumentKind;
  project_id: string;
  slot: string;
  department: string;
  revision: number;
  json: string;
  received_at: string;
}

async function receivedOf(
  db: Kysely<Database> | Transaction<Database>,
  kind: DocumentKind,
  slot?: string,
): Promise<ReceivedRow[]> {
  let query = db
    .selectFrom('received_documents')
    .innerJoin('bundles', 'bundles.sha256', 'received_documents.bundle_sha256')
    .select([
      'received_documents.kind',
      'received_documents.project_id',
      'received_documents.slot',
      'received_documents.department',
      'received_documents.revision',
      'received_documents.json',
      'received_documents.received_at',
    ])
    .where('bundles.status', '=', 'accepted')
    .where('received_documents.kind', '=', kind);
  if (slot !== undefined) query = query.where('received_documents.slot', '=', slot);
  return query.orderBy('received_documents.revision').execute();
}

/** The latest revision per (project, slot, department), and the earliest, from rows sorted by revision. */
function latestAndFirst(rows: ReceivedRow[]): { latest: ReceivedRow[]; first: ReceivedRow[] } {
  const latest = new Map<string, ReceivedRow>();
  const first = new Map<string, ReceivedRow>();
  for (const row of rows) {
    const key = `${row.project_id}|${row.slot}|${row.department}`;
    latest.set(key, row);
    if (!first.has(key)) first.set(key, row);
  }
  return { latest: [...latest.values()], first: [...first.values()] };
}

const parseAll = <T>(rows: ReceivedRow[], schema: { parse(v: unknown): T }): T[] =>
  rows.map((r) => schema.parse(JSON.parse(r.json)));

/**
 * Received documents as stored: the import schema-checked each one and stored the parsed document, so the report
 * path reads them back without checking every field again (thousands of cards per report). A row read for two
 * lists (its half-year's latest and first revision are often the same row) is parsed once: the same object in
 * both, so the report computes its totals once too.
 */
const storedAll = <T>(rows: ReceivedRow[]): T[] => rows.map((r) => parsedRow<T>(r));

const parsedRows = new WeakMap<ReceivedRow, unknown>();
function parsedRow<T>(row: ReceivedRow): T {
  let value = parsedRows.get(row);
  if (value === undefined) {
    value = JSON.parse(row.json) as unknown;
    parsedRows.set(row, value);
  }
  return value as T;
}

/**
 * The confirmed plan per project: the office's own confirmation first, else a plan a department sent as already
 * confirmed. A document is confirmed only after it validated (confirmReceivedPlan, the baseline, a department's
 * confirmation), so confirmed ones are read as stored, like received documents.
 */
export async function confirmedPlans(db: Kysely<Database> | Transaction<Database>): Promise<ExecutionPlan[]> {
  const own = (await listDocuments(db, { kind: 'executionPlan' }))
    .filter((d) => d.status === 'confirmed')
    .map((d) => d.json as ExecutionPlan);
  const byProject = new Map(own.map((p) => [p.projectId, p]));
  const received = storedAll<ExecutionPlan>(latestAndFirst(await receivedOf(db, 'executionPlan')).latest);
  for (const plan of received) {
    if (plan.lifecycle === 'confirmed' && !byProject.has(plan.projectId)) byProject.set(plan.projectId, plan);
  }
  return [...byProject.values()];
}

export async function currentChangeRequests(db: Kysely<Database>): Promise<ChangeRequest[]> {
  const decided = (await listDocuments(db, { kind: 'changeRequest' })).map((d) =>
    changeRequestSchema.parse(d.json),
  );
  const byId = new Map(decided.map((c) => [`${c.department}|${c.requestId}`, c]));
  for (const c of parseAll(
    latestAndFirst(await receivedOf(db, 'changeRequest')).latest,
    changeRequestSchema,
  )) {
    const key = `${c.department}|${c.requestId}`;
    if (!byId.has(key)) byId.set(key, c);
  }
  return [...byId.values()];
}

/** Each project's 붙임5 row as first reported for the half-year (the red marking compares against it). */
function firstReportedRows(
  plans: Map<string, ExecutionPlan>,
  catalog: Catalog,
  term: Term,
  firstCards: ManagementCard[],
  firstFinance: FinanceRow[],
  totals: DocumentTotals,
): FinanceTableRow[] {
  const key = (projectId: string, department: string) => `${projectId}\u0000${department}`;
  // The first document per project and department, as a scan of the list in order would find it.
  const cardByKey = new Map<string, ManagementCard>();
  for (const c of firstCards)
    if (!cardByKey.has(key(c.projectId, c.department))) cardByKey.set(key(c.projectId, c.department), c);
  const financeByKey = new Map<string, FinanceRow>();
  for (const f of firstFinance)
    if (!financeByKey.has(key(f.projectId, f.department)))
      financeByKey.set(key(f.projectId, f.department), f);
  const keys = termKeys(term);
  const rows: FinanceTableRow[] = [];
  for (const project of catalog.projects) {
    const plan = plans.get(project.id);
    if (!plan) continue;
    const departments = [project.leadDepartment, ...project.coDepartments];
    const perDepartment = departments
      .map((department) => {
        const card = cardByKey.get(key(project.id, department)) ?? null;
        const secured = financeByKey.get(key(project.id, department)) ?? null;
        if (!card && !secured) return null;
        return deriveFinanceRow({ plan, card, secured, ...keys, totals });
      })
      .filter((r): r is FinanceTableRow => r !== null);
    if (perDepartment.length > 0)
      rows.push(perDepartment.length === 1 ? perDepartment[0]! : mergeShared(perDepartment));
  }
  return rows;
}

export async function submissionsOf(db: Kysely<Database>, periodId: string): Promise<SubmissionRecord[]> {
  const bundles = await db
    .selectFrom('bundles')
    .selectAll()
    .where('type', '=', 'pledge-submission')
    .where('period', '=', periodId)
    .orderBy('department')
    .orderBy('revision')
    .execute();
  const docs = await db
    .selectFrom('received_documents')
    .select(['bundle_sha256', 'kind', 'project_id'])
    .where('slot', '=', periodId)
    .execute();
  const docsByBundle = new Map<string, { kind: DocumentKind; projectId: string }[]>();
  for (const d of docs) {
    const doc = { kind: d.kind, projectId: d.project_id };
    const list = docsByBundle.get(d.bundle_sha256);
    if (list === undefined) docsByBundle.set(d.bundle_sha256, [doc]);
    else list.push(doc);
  }
  return bundles.map((b) => ({
    department: b.department,
    periodId: b.period,
    bundleSha256: b.sha256,
    receivedAt: b.imported_at,
    createdAt: b.created_at,
    revision: b.revision,
    signature: b.status === 'accepted' ? 'valid' : 'quarantined',
    documents: docsByBundle.get(b.sha256) ?? [],
  }));
}

export function previousPeriodOf(term: Term, periodId: string): string | undefined {
  const ids = listPeriods(term).map((p) => p.id);
  const i = ids.indexOf(periodId);
  return i > 0 ? ids[i - 1] : undefined;
}

export async function buildReportInput(
  db: Kysely<Database>,
  catalog: Catalog,
  term: Term,
  periodId: string,
  options: ReportOptions,
  comparePeriodId?: string,
): Promise<ReportInput> {
  const plans = await confirmedPlans(db);
  const keys = termKeys(term);
  // Shared with the report: the first-reported rows and the tables need the same documents' totals.
  const totals = reportTotals(keys.budgetYears, keys.periods);
  const cards = latestAndFirst(await receivedOf(db, 'managementCard', periodId));
  const finance = latestAndFirst(await receivedOf(db, 'financeRow', periodId));
  const previousPeriodId = comparePeriodId ?? previousPeriodOf(term, periodId);
  const previousCards = previousPeriodId
    ? storedAll<ManagementCard>(
        latestAndFirst(await receivedOf(db, 'managementCard', previousPeriodId)).latest,
      )
    : [];
  const firstCards = storedAll<ManagementCard>(cards.first);
  const firstFinance = storedAll<FinanceRow>(finance.first);
  return {
    catalog,
    term,
    periodId,
    plans,
    cards: storedAll<ManagementCard>(cards.latest),
    previousCards,
    ...(previousPeriodId ? { previousPeriodId } : {}),
    financeRows: storedAll<FinanceRow>(finance.latest),
    firstReported: firstReportedRows(
      new Map(plans.map((p) => [p.projectId, p])),
      catalog,
      term,
      firstCards,
      firstFinance,
      totals,
    ),
    submissions: await submissionsOf(db, periodId),
    changeRequests: await currentChangeRequests(db),
    options,
    totals,
  };
}
