import type { Catalog } from './types';

/** One collator: `localeCompare(b, 'ko')` builds one per comparison. */
const koCollator = new Intl.Collator('ko');
const lists = new WeakMap<Catalog, readonly string[]>();

/**
 * Every department named in the catalog, as lead or co-department, once each, in Korean order. Computed once per
 * catalog object (catalogs are never mutated); a fresh array each call.
 */
export function listDepartments(catalog: Catalog): string[] {
  let list = lists.get(catalog);
  if (list === undefined) {
    list = collectDepartments(catalog);
    lists.set(catalog, list);
  }
  return [...list];
}

function collectDepartments(catalog: Catalog): string[] {
  const names = new Set<string>();
  for (const project of catalog.projects) {
    names.add(project.leadDepartment);
    for (const co of project.coDepartments) names.add(co);
  }
  return [...names].sort(koCollator.compare);
}
