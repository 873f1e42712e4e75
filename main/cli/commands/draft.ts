import { readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeFileAtomic } from '../../bundles';
import { fileWriteError } from '../../bundles/atomic-file';
import { createFolder, folderProblemOf } from '../../../db/create-db';
import { listDocuments, saveDocument, DocumentFrozenError } from '../../../db/documents';
import { KIND_FILE_PREFIX } from '../../services/bundle-content';
import { slotOf } from '../../services/document-identity';
import { parseAndValidate } from '../../services/drafting';
import { UserError } from '../../services/errors';
import { fileNamePart } from '../../services/file-name-part';
import { loadCatalog, loadTerm } from '../../services/reference';
import { requireDepartment } from '../../services/session';
import { exitCodes, printJson, UsageError, type CliIo } from '../io';
import { withData } from '../data-context';
import { refuseLargeInput } from '../files';
import { BUNDLE_MAX_BYTES } from '../../../domain/api/contract';
import { draftFileHelp, runDraftFile } from './draft-file';

export const draftHelp = `pledge draft import --data DIR FILE.json [--json]
  (주관부서) 문서 JSON 하나를 이 부서의 작성 중 문서로 불러옵니다. 구조 오류(형식·금액·알 수 없는 항목)가 있으면
  항목별 오류를 출력하고 저장하지 않습니다(종료 코드 1). 내용 오류는 목록을 보여 주고 임시 저장합니다.
pledge draft export --data DIR [--out DIR]
  이 데이터 폴더의 모든 문서를 <종류>-<사업번호>-<구분>.json 파일로 씁니다 (기본: <데이터 폴더>/export).
${draftFileHelp}`;

/** The document JSON to import, read before the data folder is opened; a Korean message naming the file if not. */
function readDocumentJson(file: string): unknown {
  const path = resolve(file);
  refuseLargeInput(path, '불러올 문서 JSON 파일', BUNDLE_MAX_BYTES);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(
      'IMPORT_FILE_UNREADABLE',
      code === 'ENOENT'
        ? `불러올 파일이 없습니다: ${path}\n파일 경로를 확인하세요.`
        : code === 'EISDIR'
          ? `불러올 것은 문서 JSON 파일인데 폴더를 지정했습니다: ${path}`
          : `불러올 파일을 읽을 수 없습니다: ${path} (${code === 'EACCES' || code === 'EPERM' ? '읽을 권한이 없습니다' : (code ?? String(error))}).`,
    );
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch {
    throw new UserError(
      'IMPORT_FILE_NOT_JSON',
      `문서 JSON 파일이 아닙니다 (JSON 형식으로 읽을 수 없습니다): ${path}\n'pledge draft export'로 쓴 파일이나 같은 형식의 .json 파일을 지정하세요.`,
    );
  }
}

export async function runDraft(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      data: { type: 'string' },
      out: { type: 'string' },
      json: { type: 'boolean' },
      yes: { type: 'boolean' },
      projects: { type: 'string' },
    },
  });
  const [sub, file] = positionals;
  if (sub === 'pack' || sub === 'take') return runDraftFile(sub, values, file, io);
  if (sub === 'import') {
    if (!file) throw new UsageError('불러올 문서 JSON 파일을 지정하세요.');
    const json = readDocumentJson(file);
    return withData(values.data, async (ctx) => {
      const department = await requireDepartment(ctx);
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
      // One level at a time: a folder that cannot be made (under /proc, read-only) fails at once.
      let created: string | null;
      try {
        created = createFolder(out);
      } catch (error) {
        throw new UserError(
          'EXPORT_FOLDER_UNUSABLE',
          `문서를 쓸 폴더를 만들 수 없습니다: ${out} (${folderProblemOf(error)}).\n--out 경로를 확인하세요.`,
        );
      }
      const docs = await listDocuments(ctx.db);
      for (const d of docs) {
        const name = `${KIND_FILE_PREFIX[d.kind]}-${d.projectId}-${d.slot}${docs.some((o) => o !== d && o.kind === d.kind && o.projectId === d.projectId && o.slot === d.slot) ? `-${fileNamePart(d.department)}` : ''}.json`;
        try {
          writeFileAtomic(join(out, name), Buffer.from(`${JSON.stringify(d.json, null, 2)}\n`, 'utf8'));
        } catch (error) {
          if (created !== null) rmSync(created, { recursive: true, force: true });
          throw fileWriteError(error, join(out, name));
        }
      }
      io.out(`문서 ${docs.length}건을 ${out}에 썼습니다.`);
      return 0;
    });
  }
  throw new UsageError(
    sub ? `알 수 없는 하위 명령입니다: ${sub}` : '하위 명령(import, export, pack 또는 take)을 지정하세요.',
  );
}
