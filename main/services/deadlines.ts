import type { Kysely } from 'kysely';
import type { DeadlineView, DerivedFinance } from '../../domain/api/contract';
import type { Catalog } from '../../domain/catalog/types';
import { findProject } from '../../domain/catalog/lookup';
import { catalogAt, leadAt, planDepartmentOf } from '../../domain/catalog/assignments';
import { projectsForDepartment } from '../../domain/catalog/search';
import {
  checkDocument,
  deriveFinanceRow,
  financeRowSchema,
  managementCardSchema,
  documentSchema,
  type Lifecycle,
} from '../../domain/documents';
import { currentReportingPeriod, daysUntil, listPeriods, type Period } from '../../domain/term/periods';
import type { Term } from '../../domain/term/types';
import { listSentBundles } from '../../db/bundles';
import { documentIdOf, getDocument, listDocuments } from '../../db/documents';
import type { Database } from '../../db/schema';
import { PLAN_SLOT } from './document-identity';
import { ownHeldDecisions } from './held-decisions';
import { ownReceipts, receiptOf } from './receipts';
import { ownCardDecisions, standingCardDecisions } from './card-decisions';
import { confirmedPlanOf, termKeys, validationContextFor } from './drafting';
import { departmentInitialPlan } from './plan-in-force';
import { takenOverPlans } from './taken-over-plans';

/** The department's view of the current half-year: days left and which projects still lack a card or have errors. */
export async function deadlineView(
  db: Kysely<Database>,
  catalog: Catalog,
  term: Term,
  department: string,
  todayISO: string,
): Promise<DeadlineView> {
  const period = currentReportingPeriod(term, todayISO);
  const periods = listPeriods(term);
  // The half-year whose due date passed last (the one before the current, or the term's last once all are past).
  const previous = period ? periods[periods.findIndex((p) => p.id === period.id) - 1] : periods.at(-1);
  const docs = await listDocuments(db, { department });
  // After a 부서 이관 a project's plan stays its first lead's: the confirmed one the baseline brought counts here,
  // and only the plans this department writes are owed by it.
  const takenOver = await takenOverPlans(db, catalog, department);
  const ownPlans = new Set(
    catalog.projects.filter((p) => planDepartmentOf(p) === department).map((p) => p.id),
  );
  const rowsOf = (period: Period | null | undefined) =>
    Promise.all(
      // The half-year's projects: after a move (부서 이관) the new lead owes the card from its first half-year.
      projectsForDepartment(period ? catalogAt(catalog, period.id) : catalog, department).map(
        async (project) => {
          const plan =
            docs.find(
              (d) => d.kind === 'executionPlan' && d.projectId === project.id && d.slot === PLAN_SLOT,
            ) ?? takenOver.find((d) => d.projectId === project.id);
          const card = period
            ? docs.find(
                (d) => d.kind === 'managementCard' && d.projectId === project.id && d.slot === period.id,
              )
            : undefined;
          const finance = period
            ? docs.find((d) => d.kind === 'financeRow' && d.projectId === project.id && d.slot === period.id)
            : undefined;
          const errorsOf = async (doc: (typeof docs)[number] | undefined): Promise<number> => {
            if (!doc) return 0;
            const parsed = documentSchema.parse(doc.json);
            return checkDocument(parsed, await validationContextFor(db, catalog, term, parsed)).errors.length;
          };
          const cardErrors = await errorsOf(card);
          const financeErrors = await errorsOf(finance);
          return {
            projectId: project.id,
            projectName: project.name,
            role: project.leadDepartment === department ? ('lead' as const) : ('co' as const),
            planStatus: plan?.status ?? null,
            cardStatus: card?.status ?? null,
            cardErrors,
            financeStatus: finance?.status ?? null,
            financeErrors,
          };
        },
      ),
    );
  const projects = await rowsOf(period);
  const ownFiles = (await listSentBundles(db, 'pledge-submission')).filter(
    (b) => b.department === department,
  );
  const sent = period ? ownFiles.filter((b) => b.period === period.id).at(-1) : undefined;
  const lastSent = sent
    ? {
        revision: sent.revision,
        createdAt: sent.createdAt,
        documents: sent.documentCount,
        changedSince: docs.filter((d) => d.slot === period?.id && d.updatedAt > sent.createdAt).length,
        receipt: receiptOf(await ownReceipts(db), sent, {
          decisions: await ownHeldDecisions(db),
          made: ownFiles,
        }),
      }
    : null;
  return {
    period,
    daysLeft: period ? daysUntil(todayISO, period.dueDate) : null,
    projects,
    lastSent,
    cardDecisions: standingCardDecisions(await ownCardDecisions(db), ownFiles),
    plan: planDeadline(
      projects.filter((p) => ownPlans.has(p.projectId)),
      term,
      todayISO,
      ownFiles.filter((b) => b.period === PLAN_SLOT).at(-1),
    ),
    overdue:
      previous === undefined ||
      previous.dueDate >= todayISO ||
      daysUntil(previous.dueDate, todayISO) > OVERDUE_SHOWN_DAYS
        ? null
        : overdueOf(
            previous,
            await rowsOf(previous),
            docs.filter((d) => d.slot === previous.id && d.status === 'submitted'),
            ownFiles.filter((b) => b.period === previous.id).at(-1),
            todayISO,
          ),
  };
}

/**
 * How long after its due date a half-year that still owes documents is shown first on the desk: a month, the time a
 * late file is still chased as this half-year's; after it the office asks (미제출 안내문), and the desk's 보고 반기
 * still lists every half-year.
 */
export const OVERDUE_SHOWN_DAYS = 31;

/**
 * The half-year whose due date has passed, while it still owes something: documents not written, still 작성중 or
 * with errors (a lead's card and 재정집행현황 once its plan is confirmed, a co-department's 재정집행현황), and documents marked
 * 제출 that no submission file carries yet (none made for the half-year, or changed after the last one). Null when
 * nothing is owed.
 */
function overdueOf(
  period: Period,
  projects: DeadlineView['projects'],
  submitted: readonly { updatedAt: string }[],
  sent: { revision: number; createdAt: string } | undefined,
  todayISO: string,
): DeadlineView['overdue'] {
  const unfinished = (status: Lifecycle | null, errors: number) =>
    status === null || status === 'draft' || errors > 0;
  // As for the current half-year: a lead's project waits for its confirmed plan (card and 재정집행현황 alike).
  const lacking = projects.filter(
    (p) =>
      !(p.role === 'lead' && p.planStatus !== 'confirmed') &&
      ((p.role === 'lead' && unfinished(p.cardStatus, p.cardErrors)) ||
        unfinished(p.financeStatus, p.financeErrors)),
  ).length;
  const unsent = submitted.filter((d) => sent === undefined || d.updatedAt > sent.createdAt).length;
  if (lacking === 0 && unsent === 0) return null;
  return {
    period,
    daysPast: daysUntil(period.dueDate, todayISO),
    lacking,
    unsent,
    lastSent: sent === undefined ? null : { revision: sent.revision, createdAt: sent.createdAt },
  };
}

/** The 실천계획서's deadline as the desk shows it, while any plan the department writes is not confirmed. */
function planDeadline(
  projects: DeadlineView['projects'],
  term: Term,
  todayISO: string,
  sent: { revision: number; createdAt: string; documentCount: number } | undefined,
): DeadlineView['plan'] {
  const open = projects.filter((p) => p.role === 'lead' && p.planStatus !== 'confirmed');
  if (open.length === 0) return null;
  const waiting = open.filter((p) => p.planStatus === 'submitted').length;
  return {
    dueDate: term.planDueDate,
    daysLeft: daysUntil(todayISO, term.planDueDate),
    toWrite: open.length - waiting,
    waiting,
    lastSent:
      sent === undefined
        ? null
        : { revision: sent.revision, createdAt: sent.createdAt, documents: sent.documentCount },
  };
}

/** The department's 재정집행현황 row for a half-year, derived from the confirmed plan, the card and 확보내역. */
export async function derivedFinance(
  db: Kysely<Database>,
  catalog: Catalog,
  term: Term,
  department: string,
  projectId: string,
  periodId: string,
): Promise<DerivedFinance> {
  const plan = await confirmedPlanOf(db, catalog, projectId);
  if (!plan) return { row: null, missing: '공약실천계획서가 확정되지 않아 초기계획을 알 수 없습니다.' };
  const cardDoc = await getDocument(
    db,
    documentIdOf({ kind: 'managementCard', projectId, slot: periodId, department }),
  );
  const financeDoc = await getDocument(
    db,
    documentIdOf({ kind: 'financeRow', projectId, slot: periodId, department }),
  );
  const project = findProject(catalog, projectId);
  const row = deriveFinanceRow({
    plan,
    // 초기계획: the version the office confirmed first, as the 기준 자료 told this copy.
    initialPlan: await departmentInitialPlan(db, plan),
    card: cardDoc ? managementCardSchema.parse(cardDoc.json) : null,
    secured: financeDoc ? financeRowSchema.parse(financeDoc.json) : null,
    ...termKeys(term),
    // A co-department's 집행 is what its own row reports (it writes no card).
    coDepartment: project === undefined || leadAt(project, periodId) !== department,
  });
  return { row, missing: null };
}
