import type { DeadlineView, DocumentSummary } from '../../../domain/api/contract';

/** One of the department's projects, as the desk lists them (lead or co-department). */
export type DepartmentProject = Pick<DeadlineView['projects'][number], 'projectId' | 'projectName' | 'role'>;

/**
 * What a half-year still lacks, per kind, for whichever half-year a submission file is made for (the one due, a
 * late one, an early one): the lead's 관리카드 and every department's 재정집행현황 (확보내역), as the desk's
 * deadline panel counts them for the half-year due. Only documents never written: one with errors is listed apart.
 */
export function missingForPeriod(
  projects: readonly DepartmentProject[],
  documents: readonly DocumentSummary[],
  periodId: string,
): { cards: DepartmentProject[]; finance: DepartmentProject[] } {
  const written = (kind: 'managementCard' | 'financeRow', projectId: string) =>
    documents.some((d) => d.ref.kind === kind && d.ref.projectId === projectId && d.ref.slot === periodId);
  return {
    cards: projects.filter((p) => p.role === 'lead' && !written('managementCard', p.projectId)),
    finance: projects.filter((p) => !written('financeRow', p.projectId)),
  };
}

/**
 * The 실천계획서 the department leads and has not written yet (no document of the project at all: a plan taken
 * over with its project after a 부서 이관 is the first lead's and is not owed again).
 */
export function missingPlans(
  projects: readonly DepartmentProject[],
  documents: readonly DocumentSummary[],
): DepartmentProject[] {
  return projects.filter(
    (p) =>
      p.role === 'lead' &&
      !documents.some((d) => d.ref.kind === 'executionPlan' && d.ref.projectId === p.projectId),
  );
}
