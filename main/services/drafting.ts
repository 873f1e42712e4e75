import type { Kysely } from 'kysely';
import { assignmentAt, leadAt, ownEntryOf, planDepartmentOf } from '../../domain/catalog/assignments';
import { findProject } from '../../domain/catalog/lookup';
import type { Catalog } from '../../domain/catalog/types';
import {
  checkDocument,
  DOCUMENT_KIND_LABELS,
  documentSchema,
  CHANGE_GOAL_CATEGORY,
  emptyChangeRequest,
  emptyContacts,
  emptyExecutionPlan,
  newFinanceRowFromPrevious,
  executionPlanSchema,
  managementCardSchema,
  financeRowSchema,
  newCardFromPrevious,
  schemaIssues,
  type Document,
  type DocumentKind,
  type ExecutionPlan,
  type ManagementCard,
  type FinanceRow,
  type ValidationContext,
  type ValidationResult,
} from '../../domain/documents';
import { listBudgetYears, listPeriods } from '../../domain/term/periods';
import type { Term } from '../../domain/term/types';
import { shownPlanChanges } from '../../domain/plans/frozen-changes';
import { josa } from '../../domain/text/josa';
import { documentIdOf, getDocument, listDocuments, type StoredDocument } from '../../db/documents';
import type { Database } from '../../db/schema';
import { PLAN_SLOT, slotOf } from './document-identity';
import { differsFromPlan } from './frozen-conflicts';
import { departmentPlanInForce } from './plan-in-force';
import { loadTerm } from './reference';
import { handoverCardOf } from './handover-cards';
import { UserError } from './errors';

/**
 * Rules of department drafting shared by the API handlers and the CLI: who may write what, which context a
 * document is validated in, and what a new document starts from.
 */

export interface DocumentRef {
  kind: DocumentKind;
  projectId: string;
  slot: string;
}

export function termKeys(term: Term): { periods: string[]; budgetYears: string[] } {
  return {
    periods: listPeriods(term).map((p) => p.id),
    budgetYears: listBudgetYears(term).map((y) => y.key),
  };
}

/**
 * A department writes plans, cards and requests for the projects it leads; a co-department only its finance row.
 * After a move (부서 이관) a half-year's card and finance rows are that half-year's departments' (assignmentAt), the
 * plan stays its first lead's (planDepartmentOf) and new change requests are the current lead's.
 */
export function assertMayWrite(
  catalog: Catalog,
  department: string,
  kind: DocumentKind,
  projectId: string,
  slot: string,
): void {
  const project = findProject(catalog, projectId);
  if (!project) throw new UserError('PROJECT_UNKNOWN', `공약사업 목록에 없는 사업 번호입니다: ${projectId}`);
  const halfYear = kind === 'managementCard' || kind === 'financeRow';
  const { leadDepartment, coDepartments } = halfYear ? assignmentAt(project, slot) : ownEntryOf(project);
  const writer = kind === 'executionPlan' ? planDepartmentOf(project) : leadDepartment;
  if (writer === department) return;
  if (kind === 'financeRow' && coDepartments.includes(department)) return;
  // A project that moved (부서 이관) has a lead per half-year: the message names the half-year.
  const when = halfYear && (ownEntryOf(project).formerAssignments?.length ?? 0) > 0 ? `${slot} ` : '';
  const role =
    kind === 'executionPlan' && writer !== leadDepartment
      ? `${projectId}의 실천계획서는 처음 주관부서인 ${josa(writer, '이/가')} 작성했습니다 (부서 이관 뒤에는 조정 요청서로 바꿉니다)`
      : coDepartments.includes(department)
        ? `협조부서는 ${projectId}의 재정집행현황(자기 부서 확보·집행액)만 작성할 수 있습니다`
        : `${projectId}의 ${when}주관부서는 ${leadDepartment}입니다`;
  throw new UserError(
    'NOT_RESPONSIBLE',
    `${josa(department, '은/는')} ${projectId} ${project.name}의 ${josa(DOCUMENT_KIND_LABELS[kind], '을/를')} 작성할 수 없습니다 (${role}).`,
  );
}

const parseStored = <T>(schema: { parse(v: unknown): T }, stored: StoredDocument | undefined): T | null =>
  stored ? schema.parse(stored.json) : null;

export async function confirmedPlanOf(
  db: Kysely<Database>,
  catalog: Catalog,
  projectId: string,
): Promise<ExecutionPlan | null> {
  const project = findProject(catalog, projectId);
  const lead = project === undefined ? '' : planDepartmentOf(project);
  const stored = await getDocument(
    db,
    documentIdOf({ kind: 'executionPlan', projectId, slot: PLAN_SLOT, department: lead }),
  );
  return stored?.status === 'confirmed' ? executionPlanSchema.parse(stored.json) : null;
}

/**
 * The confirmed plan a half-year's card is held to and takes its frozen fields from: the plan in force when the
 * half-year ended (plan-in-force.ts, the office's rule), so that an approved change request does not turn the cards
 * written before it into errors; null while no plan is confirmed.
 */
export async function planInForceOf(
  db: Kysely<Database>,
  catalog: Catalog,
  term: Term,
  projectId: string,
  periodId: string,
): Promise<ExecutionPlan | null> {
  const current = await confirmedPlanOf(db, catalog, projectId);
  return current && (await departmentPlanInForce(db, term, current, periodId));
}

/**
 * The plan a card's frozen fields are checked against, as the office checks them (frozenFieldConflicts): the
 * current confirmed plan when the card agrees with it, else the plan in force when the card's half-year ended.
 */
async function planHeldTo(
  db: Kysely<Database>,
  catalog: Catalog,
  term: Term,
  card: ManagementCard,
): Promise<ExecutionPlan | null> {
  const current = await confirmedPlanOf(db, catalog, card.projectId);
  if (current === null || !differsFromPlan(card, current)) return current;
  return departmentPlanInForce(db, term, current, card.periodId);
}

/**
 * What changed in the project's current confirmed plan since `heldTo`, the version a card is held to, as the card
 * shows it (shownPlanChanges): empty when it is held to the current plan.
 */
export async function laterPlanChangesOf(
  db: Kysely<Database>,
  catalog: Catalog,
  heldTo: ExecutionPlan,
): Promise<string[]> {
  const current = await confirmedPlanOf(db, catalog, heldTo.projectId);
  return current === null ? [] : shownPlanChanges(heldTo, current);
}

/** The card of the latest half-year before `periodId` (the previous report), if any. */
export async function previousCardOf(
  db: Kysely<Database>,
  department: string,
  projectId: string,
  periodId: string,
): Promise<ManagementCard | null> {
  return parseStored(
    managementCardSchema,
    await latestBefore(db, 'managementCard', department, projectId, periodId),
  );
}

/** The 재정집행 현황 of the latest half-year before `periodId`, if any. */
export async function previousFinanceRowOf(
  db: Kysely<Database>,
  department: string,
  projectId: string,
  periodId: string,
): Promise<FinanceRow | null> {
  return parseStored(financeRowSchema, await latestBefore(db, 'financeRow', department, projectId, periodId));
}

async function latestBefore(
  db: Kysely<Database>,
  kind: 'managementCard' | 'financeRow',
  department: string,
  projectId: string,
  periodId: string,
): Promise<StoredDocument | undefined> {
  const documents = await listDocuments(db, { kind, department, projectId });
  return documents.filter((d) => d.slot < periodId).sort((a, b) => (a.slot < b.slot ? 1 : -1))[0];
}

export async function validationContextFor(
  db: Kysely<Database>,
  catalog: Catalog,
  term: Term,
  doc: Document,
): Promise<ValidationContext> {
  const base: ValidationContext = termKeys(term);
  if (doc.kind === 'managementCard') {
    const finance = await getDocument(
      db,
      documentIdOf({
        kind: 'financeRow',
        projectId: doc.projectId,
        slot: doc.periodId,
        department: doc.department,
      }),
    );
    return {
      ...base,
      confirmedPlan: await planHeldTo(db, catalog, term, doc),
      previousCard: await previousCardOf(db, doc.department, doc.projectId, doc.periodId),
      financeRow: parseStored(financeRowSchema, finance),
    };
  }
  if (doc.kind === 'changeRequest') {
    // 당초 (as promised) comes from the confirmed plan.
    return { ...base, confirmedPlan: await confirmedPlanOf(db, catalog, doc.projectId) };
  }
  if (doc.kind === 'financeRow') {
    const card = await getDocument(
      db,
      documentIdOf({
        kind: 'managementCard',
        projectId: doc.projectId,
        slot: doc.periodId,
        department: doc.department,
      }),
    );
    const project = findProject(catalog, doc.projectId);
    return {
      ...base,
      card: parseStored(managementCardSchema, card),
      leadDepartment: project && leadAt(project, doc.periodId),
      // 확보내역 is a 누계: lower than the last half-year's is warned about.
      previousFinanceRow: await previousFinanceRowOf(db, doc.department, doc.projectId, doc.periodId),
    };
  }
  return base;
}

/**
 * Parses a document sent by a form or a file: structure first (types, amounts, unknown keys), then identity
 * (it must be the document it claims to be, written by this department), then the business rules.
 */
export async function parseAndValidate(
  db: Kysely<Database>,
  catalog: Catalog,
  term: Term,
  department: string,
  json: unknown,
  expected?: DocumentRef,
): Promise<{ document: Document; validation: ValidationResult }> {
  const parsed = documentSchema.safeParse(json);
  if (!parsed.success) {
    const issues = schemaIssues(parsed.error);
    const details = Object.fromEntries(issues.map((i) => [i.path || '(문서)', i.message]));
    const first = issues[0];
    throw new UserError(
      'DOCUMENT_INVALID',
      `입력값이 올바르지 않아 저장하지 않았습니다: ${first ? `${first.path || '(문서)'} — ${first.message}` : ''}`,
      details,
    );
  }
  const document = parsed.data;
  if (document.department !== department) {
    throw new UserError(
      'DEPARTMENT_MISMATCH',
      `문서의 부서(${document.department})가 이 PC의 부서(${department})와 다릅니다.`,
      { department: '이 PC의 부서와 다릅니다.' },
    );
  }
  if (
    expected &&
    (expected.kind !== document.kind ||
      expected.projectId !== document.projectId ||
      expected.slot !== slotOf(document))
  ) {
    throw new UserError('DOCUMENT_MISMATCH', '저장하려는 문서가 열려 있는 문서와 다릅니다.');
  }
  assertMayWrite(catalog, department, document.kind, document.projectId, slotOf(document));
  const ctx = await validationContextFor(db, catalog, term, document);
  const { errors, warnings } = checkDocument(document, ctx);
  return { document, validation: { errors, warnings } };
}

/** What a document that was never saved starts from. */
export async function newDocument(
  db: Kysely<Database>,
  catalog: Catalog,
  department: string,
  ref: DocumentRef,
): Promise<Document> {
  const project = findProject(catalog, ref.projectId);
  if (!project)
    throw new UserError('PROJECT_UNKNOWN', `공약사업 목록에 없는 사업 번호입니다: ${ref.projectId}`);
  switch (ref.kind) {
    case 'executionPlan':
      return emptyExecutionPlan(ref.projectId, department, project.name);
    case 'financeRow': {
      // 확보내역 is what the term has secured so far: it goes on from the last half-year's figures.
      const previous = await previousFinanceRowOf(db, department, ref.projectId, ref.slot);
      return newFinanceRowFromPrevious(previous, ref.projectId, department, ref.slot);
    }
    case 'changeRequest': {
      // 당초 of the goal row is the confirmed plan's 정책목표 (the form shows it read-only): filled in from the
      // start, so a new request is not listed as missing it.
      const request = emptyChangeRequest(ref.slot, ref.projectId, department, project.name);
      const plan = await confirmedPlanOf(db, catalog, ref.projectId);
      if (!plan) return request;
      return {
        ...request,
        rows: request.rows.map((row) =>
          row.category === CHANGE_GOAL_CATEGORY ? { ...row, original: plan.policyGoal } : row,
        ),
      };
    }
    case 'managementCard': {
      // The frozen fields of the plan in force when the half-year ended (an earlier half-year's card written
      // after an approved change keeps the plan as it was then).
      const plan = await planInForceOf(db, catalog, await loadTerm(db), ref.projectId, ref.slot);
      if (!plan) {
        throw new UserError(
          'PLAN_NOT_CONFIRMED',
          `${ref.projectId}의 공약실천계획서가 아직 확정되지 않았습니다. 관리카드는 확정된 계획서를 바탕으로 작성합니다.`,
        );
      }
      // A project taken over (부서 이관): the first card goes on from the former lead's last one (인계).
      const previous =
        (await previousCardOf(db, department, ref.projectId, ref.slot)) ??
        (await handoverCardOf(db, ref.projectId, ref.slot));
      const card = newCardFromPrevious(previous, plan, ref.slot);
      // After a move (부서 이관) the plan is its first lead's: the new lead's first card is its own, with its
      // people still to be named.
      return card.department === department ? card : { ...card, department, leadContacts: emptyContacts() };
    }
  }
}

export type { FinanceRow };
