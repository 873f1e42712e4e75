import type { Kysely } from 'kysely';
import type { Catalog } from '../../domain/catalog/types';
import { documentSchema, type Document, type ExecutionPlan } from '../../domain/documents';
import { findProject } from '../../domain/catalog/lookup';
import { describeBundleDifferences } from '../../domain/reports/bundle-differences';
import type { Term } from '../../domain/term/types';
import type { HeldBundle } from '../../db/bundles';
import type { Database } from '../../db/schema';
import { DEFAULT_LIMITS } from '../bundles';
import { readZipEntries } from '../bundles/read';
import { parseStrictJsonBytes } from '../bundles/strict-json';
import { confirmedPlanOf } from './drafting';

/**
 * For each held bundle, what differs from the bundle counted in its place (describeBundleDifferences): the
 * counted bundle's documents as stored, the held one's read from its archived bytes (verified when it arrived).
 * A bundle that cannot be read here gets one line saying so; the conflict is listed all the same.
 */
export async function heldBundleDifferences(
  db: Kysely<Database>,
  catalog: Catalog,
  term: Term,
  held: readonly HeldBundle[],
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  const plans = new Map<string, ExecutionPlan>();
  for (const h of held) {
    try {
      const counted = await countedDocuments(db, h.conflictsWith);
      const heldDocs = await heldDocuments(db, h.sha256);
      for (const projectId of new Set([...counted, ...heldDocs].map((d) => d.projectId))) {
        if (plans.has(projectId)) continue;
        const plan = await confirmedPlanOf(db, catalog, projectId);
        if (plan !== null) plans.set(projectId, plan);
      }
      out.set(
        h.sha256,
        describeBundleDifferences(counted, heldDocs, {
          term,
          plans,
          leadOf: (projectId) => findProject(catalog, projectId)?.leadDepartment,
        }),
      );
    } catch (error) {
      out.set(h.sha256, [
        `두 제출 파일의 내용을 비교하지 못했습니다: ${error instanceof Error ? error.message : String(error)}`,
      ]);
    }
  }
  return out;
}

async function countedDocuments(db: Kysely<Database>, sha256: string): Promise<Document[]> {
  const rows = await db
    .selectFrom('received_documents')
    .select('json')
    .where('bundle_sha256', '=', sha256)
    .execute();
  return rows.map((r) => documentSchema.parse(JSON.parse(r.json)));
}

async function heldDocuments(db: Kysely<Database>, sha256: string): Promise<Document[]> {
  const row = await db
    .selectFrom('held_bundles')
    .select('bytes')
    .where('sha256', '=', sha256)
    .executeTakeFirst();
  if (row === undefined) throw new Error('보류한 제출 파일의 파일이 없습니다');
  const zip = await readZipEntries(Buffer.from(row.bytes), DEFAULT_LIMITS);
  if (!zip.ok) throw new Error(zip.message);
  return zip.entries
    .filter((e) => e.name.startsWith('documents/'))
    .map((e) => {
      const parsed = parseStrictJsonBytes(e.data);
      if (!parsed.ok) throw new Error(`${e.name}: ${parsed.message}`);
      return documentSchema.parse(parsed.value);
    });
}
