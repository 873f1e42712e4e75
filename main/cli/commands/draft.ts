import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeFileAtomic } from '../../bundles';
import { listDocuments, saveDocument, DocumentFrozenError } from '../../../db/documents';
import { KIND_FILE_PREFIX } from '../../services/bundle-content';
import { slotOf } from '../../services/document-identity';
import { parseAndValidate } from '../../services/drafting';
import { UserError } from '../../services/errors';
import { loadCatalog, loadTerm } from '../../services/reference';
import { requireDepartment } from '../../services/session';
import { exitCodes, printJson, UsageError, type CliIo } from '../io';
import { withData } from '../data-context';

export const draftHelp = `pledge draft import --data DIR FILE.json [--json]
  (주관부서) 문서 JSON 하나를 이 부서의 작성 중 문서로 불러옵니다. 구조 오류(형식·금액·알 수 없는 항목)가 있으면
  항목별 오류를 출력하고 저장하지 않습니다(종료 코드 1). 내용 오류는 목록을 보여 주고 임시 저장합니다.
pledge draft export --data DIR [--out DIR]
  이 데이터 폴더의 모든 문서를 <종류>-<사업번호>-<구분>.json 파일로 씁니다 (기본: <데이터 폴더>/export).`;

export async function runDraft(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { data: { type: 'string' }, out: { type: 'string' }, json: { type: 'boolean' } },
  });
  const [sub, file] = positionals;
  if (sub === 'import') {
    if (!file) throw new UsageError('불러올 문서 JSON 파일을 지정하세요.');
    return withData(values.data, async (ctx) => {
      const department = await requireDepartment(ctx);
      let json: unknown;
      try {
        json = JSON.parse(readFileSync(file, 'utf8'));
      } catch (error) {
        io.err(`JSON 파일을 읽을 수 없습니다: ${error instanceof Error ? error.message : String(error)}`);
        return exitCodes.failed;
      }
      try {
        const { document, validation } = await parseAndValidate(
          ctx.db,
          await loadCatalog(ctx.db),
          await loadTerm(ctx.db),
          department,
          json,
        );
        const stored = await saveDocument(
          ctx.db,
          {
            kind: document.kind,
            projectId: document.projectId,
            slot: slotOf(document),
            department,
            json: { ...document, lifecycle: 'draft' },
            status: 'draft',
            reason: 'import',
          },
          ctx.now(),
        );
        if (values.json) printJson(io, { saved: { id: stored.id, version: stored.version }, ...validation });
        else {
          io.out(`저장했습니다: ${stored.id} (버전 ${stored.version})`);
          if (validation.errors.length > 0) {
            io.out(`제출 전에 고칠 오류 ${validation.errors.length}건:`);
            for (const e of validation.errors) io.out(`  ${e.path || '(문서)'} — ${e.message}`);
          }
          for (const w of validation.warnings) io.out(`  (경고) ${w.path || '(문서)'} — ${w.message}`);
        }
        return 0;
      } catch (error) {
        if (error instanceof DocumentFrozenError) {
          io.err(error.message);
          return exitCodes.failed;
        }
        if (!(error instanceof UserError)) throw error;
        if (values.json) printJson(io, { error: error.toApiError() });
        io.err(error.message);
        for (const [path, message] of Object.entries(error.details ?? {})) io.err(`  ${path} — ${message}`);
        return exitCodes.failed;
      }
    });
  }
  if (sub === 'export') {
    return withData(values.data, async (ctx) => {
      const out = resolve(values.out ?? join(ctx.dataDir, 'export'));
      mkdirSync(out, { recursive: true });
      const docs = await listDocuments(ctx.db);
      for (const d of docs) {
        const name = `${KIND_FILE_PREFIX[d.kind]}-${d.projectId}-${d.slot}${docs.some((o) => o !== d && o.kind === d.kind && o.projectId === d.projectId && o.slot === d.slot) ? `-${d.department.replace(/\s+/g, '_')}` : ''}.json`;
        writeFileAtomic(join(out, name), Buffer.from(`${JSON.stringify(d.json, null, 2)}\n`, 'utf8'));
      }
      io.out(`문서 ${docs.length}건을 ${out}에 썼습니다.`);
      return 0;
    });
  }
  throw new UsageError(
    sub ? `알 수 없는 하위 명령입니다: ${sub}` : '하위 명령(import 또는 export)을 지정하세요.',
  );
}
