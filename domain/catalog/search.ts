import { compareProjectIds, isUnderId } from './ids';
import type { Catalog, CatalogProject } from './types';

export { compareProjectIds } from './ids';
export { buildCatalogTree, type CatalogTreeArea, type CatalogTreeCorePledge } from './tree';

export interface SearchOptions {
  /** Keep only projects this department leads or cooperates on; null or absent = all departments. */
  department?: string | null;
}

/** "3", "3-2", "3-2-1" (a trailing dash is tolerated while typing). */
const NUMBER_QUERY = /^\d+(?:-\d+){0,2}-?$/;
/** Campaign numbering (seed 002): "#19", "공약19", "공약 19", "공약#19". */
const CAMPAIGN_QUERY = /^(?:#|공약\s*#?)\s*(\d+)$/;

/**
 * Folds text so that spacing and separators do not matter: "핀테크 · 블록체인" and "핀테크블록체인" compare equal,
 * and Latin letters ignore case ("iot" finds "IoT").
 */
export function normaliseSearchText(text: string): string {
  return text.toLowerCase().replace(/[\s·ㆍ•‧・'"‘’“”「」『』]/g, '');
}

function byId(a: CatalogProject, b: CatalogProject): number {
  return compareProjectIds(a.id, b.id);
}

function involves(project: CatalogProject, department: string): boolean {
  return project.leadDepartment === department || project.coDepartments.includes(department);
}

/**
 * Finds 세부사업 by number prefix ("3" = area 3, "3-2" = core pledge 3-2, "3-2-1"), by campaign number ("#19",
 * "공약19"), or by text in the project name, its sub-items, its core pledge, its area or its departments.
 * A purely numeric query that matches no number (e.g. "24") falls back to text, so "24만호" stays findable.
 * Text matching ignores spacing and `·`; several words must all match. Results come in plan order.
 */
export function searchProjects(catalog: Catalog, query: string, opts: SearchOptions = {}): CatalogProject[] {
  const department = opts.department ?? null;
  const pool =
    department === null ? catalog.projects : catalog.projects.filter((p) => involves(p, department));
  const q = query.trim();
  if (q === '') return [...pool].sort(byId);

  if (NUMBER_QUERY.test(q)) {
    const prefix = q.replace(/-$/, '');
    // Decided on the whole catalog, so a department filter never turns "3" into a text search.
    if (catalog.projects.some((p) => isUnderId(p.id, prefix))) {
      return pool.filter((p) => isUnderId(p.id, prefix)).sort(byId);
    }
  }

  const campaign = CAMPAIGN_QUERY.exec(q);
  if (campaign) {
    const number = Number(campaign[1]);
    const pledgeIds = new Set(
      catalog.corePledges.filter((c) => c.campaignNumber === number).map((c) => c.id),
    );
    return pool.filter((p) => pledgeIds.has(p.corePledgeId)).sort(byId);
  }

  const pledgeNames = new Map(catalog.corePledges.map((c) => [c.id, c.name]));
  const areaNames = new Map(catalog.areas.map((a) => [a.id, a.name]));
  const whole = normaliseSearchText(q);
  const words = q
    .split(/\s+/)
    .map(normaliseSearchText)
    .filter((w) => w !== '');
  return pool
    .filter((project) => {
      const areaId = Number(project.id.split('-')[0]);
      const fields = [
        project.name,
        ...project.subItems,
        pledgeNames.get(project.corePledgeId) ?? '',
        areaNames.get(areaId) ?? '',
        project.leadDepartment,
        ...project.coDepartments,
      ].map(normaliseSearchText);
      // Either the query as one run of text ("핀테크 랩" = "핀테크랩"), or every word somewhere ("여성 안심택배").
      return fields.some((f) => f.includes(whole)) || words.every((w) => fields.some((f) => f.includes(w)));
    })
    .sort(byId);
}

/** The projects a department works on: those it leads first, then those it cooperates on, each in plan order. */
export function projectsForDepartment(catalog: Catalog, department: string): CatalogProject[] {
  const led = catalog.projects.filter((p) => p.leadDepartment === department).sort(byId);
  const cooperating = catalog.projects
    .filter((p) => p.leadDepartment !== department && p.coDepartments.includes(department))
    .sort(byId);
  return [...led, ...cooperating];
}
