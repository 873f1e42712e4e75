import type { Kysely } from 'kysely';
import type { CatalogFile, CatalogFileSummary, FileDownload } from '../../domain/api/contract';
import { listDepartments } from '../../domain/catalog/departments';
import type { Catalog } from '../../domain/catalog/types';
import type { Term } from '../../domain/term/types';
import { josa } from '../../domain/text/josa';
import { putReferenceData } from '../../db/reference-data';
import type { Database } from '../../db/schema';
import { readCatalogWorkbook, writeCatalogWorkbook } from '../catalog/catalog-workbook';
import { XLSX_MEDIA_TYPE } from '../reports/workbook';
import type { AppContext } from './context';
import { UserError } from './errors';
import { fileNamePart } from './file-name-part';
import { loadCatalog, loadTerm } from './reference';

/**
 * 공약사업 목록 파일: the catalog and the term written as an .xlsx for the office to edit, and a new data folder
 * started from such a file (처음 설정, `pledge setup --catalog`), so that another city or the next term runs
 * without a new program. A folder already in use keeps its catalog: its documents, files and keys name its
 * projects and departments.
 */

/** The file's catalog and term, or CATALOG_FILE_INVALID naming every problem (one per line). */
export function readCatalogFile(file: CatalogFile): { catalog: Catalog; term: Term } {
  const bytes = Buffer.from(file.dataBase64, 'base64');
  const read = readCatalogWorkbook(bytes);
  if (read.ok) return { catalog: read.catalog, term: read.term };
  const name = file.name.trim() === '' ? '고른' : file.name.trim();
  const message =
    `${name} 파일을 공약사업 목록으로 읽을 수 없습니다:\n` +
    read.problems.map((p) => `- ${p}`).join('\n') +
    (read.more > 0 ? `\n- 그 밖에 ${read.more}건` : '');
  throw new UserError('CATALOG_FILE_INVALID', message, { catalogFile: message });
}

export function catalogFileSummary(catalog: Catalog, term: Term): CatalogFileSummary {
  return {
    city: catalog.city,
    title: catalog.title,
    version: catalog.version,
    termName: term.name,
    termStart: term.start,
    termEnd: term.end,
    areas: catalog.areas.length,
    corePledges: catalog.corePledges.length,
    projects: catalog.projects.length,
    departments: listDepartments(catalog),
  };
}

/** The catalog and term in use as the .xlsx a new data folder can start from. */
export async function exportCatalogWorkbook(ctx: AppContext): Promise<FileDownload> {
  const [catalog, term] = await Promise.all([loadCatalog(ctx.db), loadTerm(ctx.db)]);
  return {
    fileName: `공약사업목록_${fileNamePart(catalog.city)}_${fileNamePart(term.name)}_${fileNamePart(catalog.version)}.xlsx`,
    mediaType: XLSX_MEDIA_TYPE,
    dataBase64: writeCatalogWorkbook(catalog, term).toString('base64'),
  };
}

/**
 * Refuses a folder that holds anything naming the catalog's projects or departments (documents, files made or
 * received, keys): its catalog stays, and the message says what is there and what to do.
 */
export async function refuseCatalogChangeOnUsedFolder(db: Kysely<Database>): Promise<void> {
  const count = async (
    table: 'documents' | 'bundles' | 'sent_bundles' | 'own_keys' | 'key_registry' | 'trusted_office_keys',
  ): Promise<number> =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const documents = await count('documents');
  const files = (await count('bundles')) + (await count('sent_bundles'));
  const keys =
    (await count('own_keys')) + (await count('key_registry')) + (await count('trusted_office_keys'));
  const held = [
    documents > 0 ? `문서 ${documents}건` : null,
    files > 0 ? `제출 파일 ${files}개` : null,
    keys > 0 ? `서명 키 ${keys}개` : null,
  ].filter((x) => x !== null);
  if (held.length === 0) return;
  const message =
    `이 데이터 폴더에는 이미 ${josa(held.join(', '), '이/가')} 있어 공약사업 목록을 바꿀 수 없습니다 (그 자료가 지금 목록의 사업과 부서를 가리킵니다). ` +
    '다른 목록으로 시작하려면 비어 있는 새 데이터 폴더를 고르세요.';
  throw new UserError('CATALOG_FOLDER_IN_USE', message, { catalogFile: message });
}

/** Stores the file's catalog and term as the folder's reference data (in the caller's transaction). */
export async function storeCatalogAndTerm(
  db: Kysely<Database>,
  { catalog, term }: { catalog: Catalog; term: Term },
  now: Date,
): Promise<void> {
  await putReferenceData(db, { key: 'catalog', version: catalog.version, json: catalog }, now);
  await putReferenceData(db, { key: 'term', version: term.id, json: term }, now);
}
