import { periodLabel } from '../documents/validate-format';
import type { Catalog, CatalogProject } from './types';

/**
 * 부서 이관 (a project moved to another lead in a reorganisation): which departments were responsible for a project
 * in a given half-year. A catalog resolved for a half-year (`catalogAt`) names, for every project, that half-year's
 * lead and co-departments, so the reports, the deadlines and the import's rights checks of a half-year read it as
 * they read a catalog without moves.
 */

/** The lead and co-departments of a project in the half-year `periodId`. */
export function assignmentAt(
  project: CatalogProject,
  periodId: string,
): { leadDepartment: string; coDepartments: readonly string[] } {
  const source = originals.get(project) ?? project;
  for (const former of source.formerAssignments ?? []) if (periodId <= former.through) return former;
  return source;
}

/** The lead department of a project in the half-year `periodId`. */
export const leadAt = (project: CatalogProject, periodId: string): string =>
  assignmentAt(project, periodId).leadDepartment;

/** Whether the department is the project's lead or a co-department in that half-year. */
export function involvedAt(project: CatalogProject, periodId: string, department: string): boolean {
  const at = assignmentAt(project, periodId);
  return at.leadDepartment === department || at.coDepartments.includes(department);
}

/** Whether any project of the catalog ever moved. */
export const hasMoves = (catalog: Catalog): boolean =>
  catalog.projects.some((p) => (p.formerAssignments?.length ?? 0) > 0);

const resolved = new WeakMap<Catalog, Map<string, Catalog>>();
/** A resolved project → the catalog's own, so that any half-year can be asked of either. */
const originals = new WeakMap<CatalogProject, CatalogProject>();

/**
 * The catalog as it stood in the half-year `periodId`: each project with that half-year's lead and co-departments
 * (its 이관 기록 kept, so `assignmentAt` of an earlier half-year still answers). The same object when no project
 * moved after that half-year, so what is kept per catalog object (indexes, report parts) stays; computed once per
 * catalog object and half-year (catalogs are never mutated).
 */
export function catalogAt(catalog: Catalog, periodId: string): Catalog {
  let byPeriod = resolved.get(catalog);
  if (byPeriod === undefined) {
    byPeriod = new Map();
    resolved.set(catalog, byPeriod);
  }
  let at = byPeriod.get(periodId);
  if (at === undefined) {
    at = catalog.projects.some(
      (p) => originals.has(p) || p.formerAssignments?.some((f) => periodId <= f.through) === true,
    )
      ? {
          ...catalog,
          projects: catalog.projects.map((p) => {
            // A catalog resolved already is resolved again from the catalog's own entries.
            const own = ownEntryOf(p);
            const assignment = assignmentAt(own, periodId);
            if (assignment === own) return own;
            const project = {
              ...own,
              leadDepartment: assignment.leadDepartment,
              coDepartments: [...assignment.coDepartments],
            };
            originals.set(project, own);
            return project;
          }),
        }
      : catalog;
    byPeriod.set(periodId, at);
  }
  return at;
}

/**
 * The department whose 실천계획서 the project's is: the first lead's. A plan is written once, at the start of the
 * term; after a move the new lead reports on it and asks for changes to it (조정 요청서), the confirmed plan staying
 * the one its first lead wrote.
 */
export function planDepartmentOf(resolvedOrOwn: CatalogProject): string {
  const project = originals.get(resolvedOrOwn) ?? resolvedOrOwn;
  return project.formerAssignments?.[0]?.leadDepartment ?? project.leadDepartment;
}

/** The catalog's own entry of a project resolved by `catalogAt` (the same entry otherwise). */
export const ownEntryOf = (project: CatalogProject): CatalogProject => originals.get(project) ?? project;

/** Every department that was ever responsible for the project, the current ones first. */
export function departmentsEver(resolvedOrOwn: CatalogProject): string[] {
  const project = originals.get(resolvedOrOwn) ?? resolvedOrOwn;
  const names = new Set([project.leadDepartment, ...project.coDepartments]);
  for (const former of project.formerAssignments ?? []) {
    names.add(former.leadDepartment);
    for (const co of former.coDepartments) names.add(co);
  }
  return [...names];
}

/** "이관: 2019년 하반기까지 행정국 (협조: 복지국)", one line per former assignment, earliest first. */
export function moveLines(project: Pick<CatalogProject, 'formerAssignments'>): string[] {
  return (project.formerAssignments ?? []).map(
    (former) =>
      `이관: ${periodLabel(former.through)}까지 ${former.leadDepartment}` +
      (former.coDepartments.length > 0 ? ` (협조: ${former.coDepartments.join(', ')})` : ''),
  );
}
