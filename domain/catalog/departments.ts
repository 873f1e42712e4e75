import type { Catalog } from './types';

/** Every department named in the catalog, as lead or co-department, once each, in Korean order. */
export function listDepartments(catalog: Catalog): string[] {
  const names = new Set<string>();
  for (const project of catalog.projects) {
    names.add(project.leadDepartment);
    for (const co of project.coDepartments) names.add(co);
  }
  return [...names].sort((a, b) => a.localeCompare(b, 'ko'));
}
