import { planDepartmentOf } from '../../domain/catalog/assignments';
import type { Catalog } from '../../domain/catalog/types';
import { documentIdOf, getDocument, type StoredDocument } from '../../db/documents';
import type { AppContext } from './context';
import { PLAN_SLOT } from './document-identity';

/**
 * The confirmed plans of the projects this department leads and did not write (부서 이관: a plan stays its first
 * lead's), as the office's baseline package brought them.
 */
export async function takenOverPlans(
  db: AppContext['db'],
  catalog: Catalog,
  department: string,
): Promise<StoredDocument[]> {
  const found: StoredDocument[] = [];
  for (const project of catalog.projects) {
    if (project.leadDepartment !== department) continue;
    const writer = planDepartmentOf(project);
    if (writer === department) continue;
    const stored = await getDocument(
      db,
      documentIdOf({ kind: 'executionPlan', projectId: project.id, slot: PLAN_SLOT, department: writer }),
    );
    if (stored?.status === 'confirmed') found.push(stored);
  }
  return found;
}
