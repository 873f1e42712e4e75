import type { Catalog } from '../../domain/catalog/types';

/** Every department named in the catalog (lead or co-department), in Korean order. */
export function departmentsOf(catalog: Catalog): string[] {
  const names = new Set<string>();
  for (const p of catalog.projects) {
    names.add(p.leadDepartment);
    for (const d of p.coDepartments) names.add(d);
  }
  return [...names].sort((a, b) => a.localeCompare(b, 'ko'));
}
