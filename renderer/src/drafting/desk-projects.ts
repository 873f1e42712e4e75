import type { DeskProject } from '../../../domain/api/contract';
import { catalogAt } from '../../../domain/catalog/assignments';
import { projectsForDepartment } from '../../../domain/catalog/search';
import type { Catalog } from '../../../domain/catalog/types';

/**
 * The desk's rows for a half-year: the projects the department leads in it, then those it co-operates on, as the
 * deadline view lists them for the half-year due. After a move (부서 이관) a project is on the desk of the
 * department that has it in the half-year chosen.
 */
export function deskProjectsOf(catalog: Catalog, department: string, periodId: string): DeskProject[] {
  return projectsForDepartment(catalogAt(catalog, periodId), department).map((p) => ({
    projectId: p.id,
    projectName: p.name,
    role: p.leadDepartment === department ? 'lead' : 'co',
  }));
}
