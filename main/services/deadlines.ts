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
} from '../../domain/documents';
import { currentReportingPeriod, daysUntil } from '../../domain/term/periods';
import type { Term } from '../../domain/term/types';
import { listSentBundles } from '../../db/bundles';
import { documentIdOf, getDocument, listDocuments } from '../../db/documents';
import type { Database } from '../../db/schema';
import { PLAN_SLOT } from './document-identity';
import { ownReceipts, receiptOf } from './receipts';
import { confirmedPlanOf, termKeys, validationContextFor } from './drafting';
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
  const docs = await listDocuments(db, { department });
  // After a 부서 이관 a project's plan stays its first lead's: the confirmed one the baseline brought counts here,
  // and only the plans this department writes are owed by it.
  const takenOver = await takenOverPlans(db, catalog, department);
  const ownPlans = new Set(
    catalog.projects.filter((p) => planDepartmentOf(p) === department).map((p) => p.id),
  );
  const projects = await Promise.all(
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
        receipt: receiptOf(await ownReceipts(db), sent),
      }
    : null;
  return {
    period,
    daysLeft: period ? daysUntil(todayISO, period.dueDate) : null,
    projects,
    lastSent,
    plan: planDeadline(
      projects.filter((p) => ownPlans.has(p.projectId)),
      term,
      todayISO,
      ownFiles.filter((b) => b.period === PLAN_SLOT).at(-1),
    ),
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
    card: cardDoc ? managementCardSchema.parse(cardDoc.json) : null,
    secured: financeDoc ? financeRowSchema.parse(financeDoc.json) : null,
    ...termKeys(term),
    // A co-department's 집행 is what its own row reports (it writes no card).
    coDepartment: project === undefined || leadAt(project, periodId) !== department,
  });
  return { row, missing: null };
}
