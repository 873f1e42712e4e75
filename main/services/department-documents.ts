import type { Kysely } from 'kysely';
import type { DepartmentCardsView } from '../../domain/api/contract';
import { catalogAt } from '../../domain/catalog/assignments';
import type { Catalog } from '../../domain/catalog/types';
import { documentSchema, type ExecutionPlan, type ManagementCard } from '../../domain/documents';
import { findPeriod } from '../../domain/term/periods';
import type { Term } from '../../domain/term/types';
import type { Database } from '../../db/schema';
import { UserError } from './errors';
import { confirmedPlanHeads } from './confirmed-plans';
import { leadCardsOf } from './received-documents';

/**
 * 받은 관리카드 모아 인쇄: the cards a department (or every one) sent for a half-year, for the projects it leads, as the report
 * counts them (the newest revision from an accepted file; a file held or in quarantine brings none). Read through
 * the report's own lists, so after the report they come from memory. A card this version cannot read is named.
 */
export async function departmentCards(
  db: Kysely<Database>,
  catalog: Catalog,
  term: Term,
  periodId: string,
  /** Undefined: every department's cards. */
  department: string | undefined,
): Promise<DepartmentCardsView> {
  if (findPeriod(term, periodId) === null)
    throw new UserError('UNKNOWN_PERIOD', `임기에 없는 반기입니다: ${periodId}`);
  // The half-year's leads (부서 이관).
  const led = ledProjects(catalogAt(catalog, periodId), department);
  const found = await leadCardsOf(db, catalog, periodId, new Set(led));
  const view: DepartmentCardsView = { department: department ?? null, periodId, cards: [], unreadable: [] };
  for (const projectId of led) {
    const received = found.get(projectId);
    if (received === undefined) continue;
    const parsed = documentSchema.safeParse(received.card);
    if (!parsed.success || parsed.data.kind !== 'managementCard') {
      const problem = parsed.success ? '관리카드가 아닙니다' : parsed.error.issues[0]?.message;
      view.unreadable.push({
        projectId,
        problem: `r${received.row.revision}: ${problem ?? '문서를 읽을 수 없습니다'}`,
      });
      continue;
    }
    view.cards.push({
      projectId,
      revision: received.row.revision,
      receivedAt: received.row.received_at,
      card: parsed.data satisfies ManagementCard,
    });
  }
  return view;
}

/** The projects a department leads (all projects without one), in the catalog's order; an unknown one is refused. */
function ledProjects(catalog: Catalog, department: string | undefined): string[] {
  if (
    department !== undefined &&
    !catalog.projects.some((p) => p.leadDepartment === department || p.coDepartments.includes(department))
  )
    throw new UserError('UNKNOWN_DEPARTMENT', `공약사업 목록에 없는 부서입니다: ${department}`);
  return catalog.projects
    .filter((p) => department === undefined || p.leadDepartment === department)
    .map((p) => p.id);
}

/**
 * 확정된 실천계획서 모아 인쇄: the office's confirmed plans (approved changes applied) of the projects a department
 * leads, or of every project, in the catalog's order; a project without one is absent.
 */
export async function departmentPlans(
  db: Kysely<Database>,
  catalog: Catalog,
  department: string | undefined,
): Promise<{ plans: ExecutionPlan[] }> {
  const led = ledProjects(catalog, department);
  const byProject = new Map((await confirmedPlanHeads(db)).map((h) => [h.plan.projectId, h.plan]));
  return { plans: led.flatMap((id) => byProject.get(id) ?? []) };
}
