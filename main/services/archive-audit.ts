import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { quickCheckOf } from '../../db/backup';
import { getBundleFile, getHeldBundleFile } from '../../db/bundles';
import { dataGeneration } from '../../db/data-generation';
import { checkDocument } from '../../domain/documents';
import type { ArchiveAudit } from '../../domain/api/contract';
import type { KeySnapshotEntry } from '../bundles';
import { openImportVerifier, registrySnapshot, type Verifier } from './bundle-verify';
import { databaseFileName, type AppContext } from './context';
import { slotOf } from './document-identity';
import { termKeys } from './drafting';
import { loadTerm } from './reference';
import { requireOffice } from './session';

/**
 * 받은 제출 파일 점검 (the office): everything the tables count is checked again against the files it came from.
 * Each received file is kept byte for byte in the database (bundle_files, held_bundles), so:
 * - the data file passes SQLite's quick check;
 * - each kept file's bytes still hash to the name it is kept under, and its signature still verifies with the key
 *   that signed it (whatever that key's status now: a key revoked since did sign it then);
 * - the file's row (부서, 회차, 기간, 키) says what its signed manifest says;
 * - the documents stored from an accepted file are exactly the ones it carries, as the import stored them
 *   (schema-read, same department and revision), none missing, none added, and none stored from a file not
 *   accepted.
 * A difference means the data file was changed outside the program (or damaged): the file and what differs are
 * named. Nothing is written. Files are read again through the import's verify threads, one query at a time (the app
 * stays usable); when the data changed meanwhile (an import, a swap, a decision) the answer says so, to be run again.
 */

/** At most this many problems are listed (with how many more). */
const MAX_PROBLEMS = 200;

interface KeptFile {
  sha256: string;
  department: string;
  keyId: string;
  period: string;
  revision: number;
  manifest: string;
  fileName: string;
  status: 'accepted' | 'quarantined' | 'held';
}

export async function auditArchive(
  ctx: AppContext,
  options: { verifier?: Verifier } = {},
): Promise<ArchiveAudit> {
  await requireOffice(ctx);
  // An import, a swap or a decision committed while the files are read could be taken for a difference.
  const generationBefore = await dataGeneration(ctx.db);
  const integrity = quickCheckOf(join(ctx.dataDir, databaseFileName));
  const term = await loadTerm(ctx.db);
  const keys = termKeys(term);
  // Every registered key as valid for the check: the signature is what is checked, not today's key status.
  const snapshot: KeySnapshotEntry[] = (await registrySnapshot(ctx)).map((k) => ({
    ...k,
    status: 'approved',
    validFrom: '1970-01-01T00:00:00Z',
    revokedAt: null,
  }));

  const bundles = await ctx.db
    .selectFrom('bundles')
    .select(['sha256', 'department', 'key_id', 'period', 'revision', 'manifest', 'file_name', 'status'])
    .where('type', '=', 'pledge-submission')
    .orderBy('department')
    .orderBy('revision')
    .execute();
  const held = await ctx.db
    .selectFrom('held_bundles')
    .select(['sha256', 'department', 'key_id', 'period', 'revision', 'manifest', 'file_name'])
    .orderBy('department')
    .orderBy('revision')
    .execute();
  const files: KeptFile[] = [
    ...bundles.map((b) => ({ ...fileOf(b), status: b.status })),
    ...held.map((b) => ({ ...fileOf(b), status: 'held' as const })),
  ];

  const problems: ArchiveAudit['problems'] = [];
  let more = 0;
  const report = (
    file: { sha256: string; department: string; revision: number | null; fileName: string },
    problem: string,
  ) => {
    if (problems.length >= MAX_PROBLEMS) {
      more++;
      return;
    }
    problems.push({
      bundleSha256: file.sha256,
      department: file.department,
      revision: file.revision,
      fileName: file.fileName,
      problem,
    });
  };

  const owned = options.verifier === undefined ? openImportVerifier() : null;
  const verifier = options.verifier ?? (owned as NonNullable<typeof owned>).verifier;
  let documents = 0;
  try {
    for (const file of files) {
      const bytes = await (file.status === 'held' ? getHeldBundleFile : getBundleFile)(ctx.db, file.sha256);
      if (bytes === undefined) {
        report(file, '보관한 파일이 없습니다.');
        continue;
      }
      if (createHash('sha256').update(bytes).digest('hex') !== file.sha256) {
        report(file, '보관한 파일의 내용이 이름(SHA-256)과 맞지 않습니다: 받은 뒤 바뀌었습니다.');
        continue;
      }
      const check = await verifier(bytes, snapshot, 'pledge-submission');
      if (!check.ok) {
        // A file in quarantine for a key the office never registered has nothing to verify it with yet.
        if (!(file.status === 'quarantined' && check.quarantine === true))
          report(file, `다시 검증하지 못했습니다: ${check.message}`);
        continue;
      }
      const m = check.manifest;
      const row: [string, string, string][] = [
        ['부서', file.department, m.department],
        ['회차', String(file.revision), String(m.revision)],
        ['기간', file.period, m.period],
        ['키', file.keyId, m.keyId],
      ];
      for (const [what, stored, signed] of row)
        if (stored !== signed) report(file, `기록된 ${what}(${stored})가 서명된 내용(${signed})과 다릅니다.`);
      if (file.manifest !== '' && !sameJson(file.manifest, check))
        report(file, '기록된 매니페스트가 파일의 것과 다릅니다.');
      if (file.status !== 'accepted') continue;

      const stored = await ctx.db
        .selectFrom('received_documents')
        .select(['kind', 'project_id', 'slot', 'department', 'revision', 'json'])
        .where('bundle_sha256', '=', file.sha256)
        .execute();
      const left = new Map(stored.map((r) => [`${r.kind}|${r.project_id}|${r.slot}`, r]));
      for (const entry of check.documents) {
        documents++;
        const { document } = checkDocument(entry.json, keys);
        if (document === null) {
          report(file, `${entry.path}: 지금 프로그램의 서식 검사를 통과하지 못합니다.`);
          continue;
        }
        const key = `${document.kind}|${document.projectId}|${slotOf(document)}`;
        const r = left.get(key);
        left.delete(key);
        if (r === undefined) {
          report(file, `${entry.path}: 저장된 문서가 없습니다.`);
          continue;
        }
        if (r.department !== m.department || r.revision !== m.revision)
          report(
            file,
            `${entry.path}: 저장된 문서의 부서·회차(${r.department}, r${r.revision})가 파일과 다릅니다.`,
          );
        if (!sameDocument(r.json, document))
          report(file, `${entry.path}: 저장된 문서의 내용이 파일과 다릅니다.`);
      }
      for (const r of left.values())
        report(
          file,
          `파일에 없는 문서가 이 파일의 것으로 저장되어 있습니다: ${r.kind} ${r.project_id} ${r.slot}`,
        );
    }
  } finally {
    await owned?.close();
  }

  // Documents kept under a file that is not an accepted one.
  const orphans = await ctx.db
    .selectFrom('received_documents')
    .leftJoin('bundles', 'bundles.sha256', 'received_documents.bundle_sha256')
    .select(['received_documents.bundle_sha256 as sha256', 'received_documents.department as department'])
    .where((eb) => eb.or([eb('bundles.sha256', 'is', null), eb('bundles.status', '!=', 'accepted')]))
    .groupBy('received_documents.bundle_sha256')
    .execute();
  for (const o of orphans)
    report(
      { sha256: o.sha256, department: o.department, revision: null, fileName: '' },
      '반영되지 않은 파일의 문서가 저장되어 있습니다.',
    );

  const changedDuring = (await dataGeneration(ctx.db)) !== generationBefore;
  return {
    checkedAt: ctx.now().toISOString(),
    integrity,
    files: files.length,
    documents,
    problems,
    more,
    changedDuring,
  };
}

function fileOf(b: {
  sha256: string;
  department: string;
  key_id: string;
  period: string;
  revision: number;
  manifest: string;
  file_name: string;
}): Omit<KeptFile, 'status'> {
  return {
    sha256: b.sha256,
    department: b.department,
    keyId: b.key_id,
    period: b.period,
    revision: b.revision,
    manifest: b.manifest,
    fileName: b.file_name,
  };
}

function sameJson(text: string, check: { manifest: unknown }): boolean {
  try {
    return isDeepStrictEqual(JSON.parse(text), check.manifest);
  } catch {
    return false;
  }
}

function sameDocument(text: string, document: unknown): boolean {
  try {
    return isDeepStrictEqual(JSON.parse(text), JSON.parse(JSON.stringify(document)));
  } catch {
    return false;
  }
}
