import type { Catalog, CatalogProject } from './types';

/** Project lookup by id in O(1); the index is built once per catalog object (catalogs are never mutated). */
const indexes = new WeakMap<Catalog, Map<string, CatalogProject>>();

export function findProject(catalog: Catalog, projectId: string): CatalogProject | undefined {
  let index = indexes.get(catalog);
  if (!index) {
    index = new Map(catalog.projects.map((p) => [p.id, p]));
    indexes.set(catalog, index);
  }
  return index.get(projectId);
}
