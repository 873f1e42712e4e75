import type { Kysely } from 'kysely';
import type { CatalogChangePreview, CatalogFile } from '../../domain/api/contract';
import {
  catalogChangeRefusals,
  describeCatalogChange,
  type CatalogChange,
  type CatalogDataFacts,
} from '../../domain/catalog/catalog-change';
import { catalogSchema, type Catalog } from '../../domain/catalog/types';
import { termSchema, type Term } from '../../domain/term/types';
import { getReferenceData } from '../../db/reference-data';
import type { Database } from '../../db/schema';
import { catalogFileSummary, readCatalogFile, storeCatalogAndTerm } from './catalog-file';
import type { AppContext } from './context';
import { UserError } from './errors';
import { requireOffice } from './session';

/**
 * 공약사업 목록 바꾸기 (the planning office, mid-term): a list file that renames, re-words or re-assigns what the
 * folder's data allows, taken after its changes were shown; the office's next baseline package carries it to the
 * departments. What the data would no longer fit is refused (domain/catalog/catalog-change.ts).
 */

async function currentList(db: Kysely<Database>): Promise<{ catalog: Catalog; term: Term }> {
  const [catalog, term] = await Promise.all([getReferenceData(db, 'catalog'), getReferenceData(db, 'term')]);
  return { catalog: catalogSchema.parse(catalog?.json), term: termSchema.parse(term?.json) };
}

/** What the folder holds that names the list's projects and departments. */
export async function catalogDataFacts(db: Kysely<Database>): Promise<CatalogDataFacts> {
  const pairs = await db
    .selectFrom('documents')
    .select(['project_id', 'department', 'kind', 'slot'])
    .union(db.selectFrom('received_documents').select(['project_id', 'department', 'kind', 'slot']))
    .execute();
  const halfYear = await db
    .selectFrom('documents')
    .select('id')
    .where('kind', 'in', ['managementCard', 'financeRow'])
    .union(
      db
        .selectFrom('received_documents')
        .select('project_id as id')
        .where('kind', 'in', ['managementCard', 'financeRow']),
    )
    .limit(1)
    .execute();
  // The departments' keys the office registered (its own key is the office's, not a department's).
  const keyed = await db
    .selectFrom('key_registry')
    .select('department')
    .where('role', '=', 'department')
    .distinct()
    .execute();
  const files = await db.selectFrom('bundles').select('sha256').limit(1).execute();
  return {
    documents: pairs.map((p) => ({
      projectId: p.project_id,
      department: p.department,
      kind: p.kind,
      slot: p.slot,
    })),
    departmentsWithKeys: keyed.map((k) => k.department),
    halfYearReported: halfYear.length > 0,
    anyData: pairs.length > 0 || keyed.length > 0 || files.length > 0,
  };
}

async function judge(
  db: Kysely<Database>,
  next: { catalog: Catalog; term: Term },
): Promise<{ current: Catalog; change: CatalogChange; refusals: string[] }> {
  const current = await currentList(db);
  const change = describeCatalogChange(current, next);
  const refusals = catalogChangeRefusals(change, current, next, await catalogDataFacts(db));
  return { current: current.catalog, change, refusals };
}

export async function previewCatalogChange(
  ctx: AppContext,
  file: CatalogFile,
): Promise<CatalogChangePreview> {
  await requireOffice(ctx);
  const next = readCatalogFile(file);
  const { current, change, refusals } = await judge(ctx.db, next);
  return {
    summary: catalogFileSummary(next.catalog, next.term),
    currentVersion: current.version,
    lines: change.lines,
    refusals,
  };
}

/**
 * Takes the file as the folder's list, checked again inside the write (the list in use must still be the one the
 * preview compared with: `currentVersion`), all or nothing.
 */
export async function applyCatalogChange(
  ctx: AppContext,
  input: CatalogFile & { currentVersion: string },
): Promise<{ version: string; changes: number }> {
  await requireOffice(ctx);
  // Read before the write begins; checked again against the data inside it.
  const next = readCatalogFile(input);
  return ctx.db.transaction().execute(async (trx) => {
    const { current, change, refusals } = await judge(trx, next);
    if (current.version !== input.currentVersion)
      throw new UserError(
        'CATALOG_CHANGED_MEANWHILE',
        `그사이 공약사업 목록이 바뀌었습니다 (지금 판: ${current.version}). 파일을 다시 골라 바뀐 내용을 확인하세요.`,
      );
    if (change.lines.length === 0)
      throw new UserError(
        'CATALOG_UNCHANGED',
        '고른 파일의 목록은 지금 목록과 같습니다. 바꿀 것이 없습니다.',
      );
    if (refusals.length > 0)
      throw new UserError(
        'CATALOG_CHANGE_REFUSED',
        `이 목록으로 바꿀 수 없습니다:\n${refusals.map((r) => `- ${r}`).join('\n')}`,
      );
    await storeCatalogAndTerm(trx, next, ctx.now());
    return { version: next.catalog.version, changes: change.lines.length };
  });
}
