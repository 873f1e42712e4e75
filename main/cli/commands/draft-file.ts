import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { BUNDLE_MAX_BYTES, type DraftImportAction } from '../../../domain/api/contract';
import { listDocuments } from '../../../db/documents';
import { exportDraftFile, importDraftFile, previewDraftFile } from '../../services/draft-exchange';
import { UserError } from '../../services/errors';
import { requireDepartment } from '../../services/session';
import { withData } from '../data-context';
import { saveDownload } from '../save-download';
import { refuseLargeInput } from '../files';
import { exitCodes, printJson, UsageError, type CliIo } from '../io';

export const draftFileHelp = `pledge draft pack --data DIR --projects 1-1-1,1-1-2|all --out FILE.pledgedraft
  (주관부서) 고른 사업의 작성 문서를 작성 문서 파일 하나로 씁니다: 같은 부서의 다른 PC(부서 키가 있는 PC)로 옮깁니다.
pledge draft take --data DIR FILE.pledgedraft [--yes] [--json]
  작성 문서 파일의 문서마다 무엇이 되는지 보여 줍니다. --yes: 새 문서와 이 PC 문서보다 나중에 저장된 문서를 가져옵니다
  (모두 가져오거나 하나도 가져오지 않습니다). 이 PC 문서가 더 최근인 것은 화면에서 골라 가져오세요.`;

const ACTION_WORDS: Record<DraftImportAction, string> = {
  new: '새로 들어옴',
  replace: '이 PC 문서를 바꿈',
  localNewer: '이 PC 문서가 더 최근 (가져오지 않음)',
  same: '같음',
  refused: '가져올 수 없음',
};

function readDraftFileArg(file: string): { name: string; dataBase64: string } {
  const path = resolve(file);
  refuseLargeInput(path, '작성 문서 파일', BUNDLE_MAX_BYTES);
  try {
    return { name: basename(path), dataBase64: readFileSync(path).toString('base64') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(
      'DRAFT_FILE_UNREADABLE',
      code === 'ENOENT'
        ? `작성 문서 파일이 없습니다: ${path}`
        : `작성 문서 파일을 읽을 수 없습니다: ${path} (${code ?? String(error)}).`,
    );
  }
}

export async function runDraftFile(
  sub: 'pack' | 'take',
  values: {
    data?: string | undefined;
    out?: string | undefined;
    json?: boolean | undefined;
    yes?: boolean | undefined;
    projects?: string | undefined;
  },
  file: string | undefined,
  io: CliIo,
): Promise<number> {
  if (sub === 'pack') {
    if (!values.projects)
      throw new UsageError('--projects 1-1-1,1-1-2 또는 --projects all 로 사업을 고르세요.');
    if (!values.out) throw new UsageError('--out 으로 쓸 파일(.pledgedraft)을 지정하세요.');
    const out = resolve(values.out);
    const projects = values.projects;
    return withData(values.data, async (ctx) => {
      const department = await requireDepartment(ctx);
      const ids =
        projects === 'all'
          ? [...new Set((await listDocuments(ctx.db, { department })).map((d) => d.projectId))]
          : projects
              .split(',')
              .map((p) => p.trim())
              .filter((p) => p !== '');
      if (ids.length === 0) throw new UserError('DRAFT_EXPORT_EMPTY', '이 PC에서 쓴 문서가 없습니다.');
      saveDownload(out, await exportDraftFile(ctx, ids));
      io.out(`작성 문서 파일을 썼습니다: ${out}`);
      return exitCodes.ok;
    });
  }
  if (!file) throw new UsageError('가져올 작성 문서 파일(.pledgedraft)을 지정하세요.');
  const draftFile = readDraftFileArg(file);
  return withData(values.data, async (ctx) => {
    const preview = await previewDraftFile(ctx, draftFile);
    const take = preview.rows.filter((r) => r.action === 'new' || r.action === 'replace');
    const result =
      values.yes && take.length > 0
        ? await importDraftFile(ctx, {
            ...draftFile,
            take: take.map((r) => ({ path: r.path, localVersion: r.local?.version ?? null })),
          })
        : null;
    if (values.json) {
      printJson(io, { preview, imported: result?.imported ?? [] });
      return exitCodes.ok;
    }
    for (const r of preview.rows)
      io.out(`${r.projectId} ${r.title}: ${ACTION_WORDS[r.action]}${r.note ? ` — ${r.note}` : ''}`);
    if (result) io.out(`${result.imported.length}건을 가져왔습니다 (작성중). 열어 확인한 뒤 제출하세요.`);
    else if (take.length > 0) io.out(`가져올 문서 ${take.length}건: --yes 를 붙여 다시 실행하면 가져옵니다.`);
    else io.out('가져올 문서가 없습니다.');
    return exitCodes.ok;
  });
}
