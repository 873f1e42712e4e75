import { compareProjectIds } from './ids';
import type { Area, Catalog, CatalogProject, CorePledge } from './types';

export interface CatalogTreeCorePledge {
  corePledge: CorePledge;
  projects: CatalogProject[];
}

export interface CatalogTreeArea {
  area: Area;
  corePledges: CatalogTreeCorePledge[];
}

/** The catalog as 분야 → 핵심공약 → 세부사업, each level in plan order. */
export function buildCatalogTree(catalog: Catalog): CatalogTreeArea[] {
  const projectsByPledge = new Map<string, CatalogProject[]>();
  for (const project of catalog.projects) {
    const list = projectsByPledge.get(project.corePledgeId) ?? [];
    list.push(project);
    projectsByPledge.set(project.corePledgeId, list);
  }
  const pledges = [...catalog.corePledges].sort((a, b) => compareProjectIds(a.id, b.id));
  return [...catalog.areas]
    .sort((a, b) => a.id - b.id)
    .map((area) => ({
      area,
      corePledges: pledges
        .filter((pledge) => pledge.areaId === area.id)
        .map((corePledge) => ({
          corePledge,
          projects: [...(projectsByPledge.get(corePledge.id) ?? [])].sort((a, b) =>
            compareProjectIds(a.id, b.id),
          ),
        })),
    }));
}
