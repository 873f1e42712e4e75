import { basename } from 'node:path';
import { BUNDLE_MAX_BYTES, type CatalogFile } from '../../../domain/api/contract';
import { applyCatalogChange, previewCatalogChange } from '../../services/catalog-change';
import { withData } from '../data-context';
import { readInputFile } from '../files';
import type { CliIo } from '../io';

/** A 공약사업 목록 파일 named on the command line, as the screen sends one (its name and bytes). */
export function catalogFileArg(path: string): CatalogFile {
  return {
    name: basename(path),
    dataBase64: readInputFile(path, '공약사업 목록 파일', BUNDLE_MAX_BYTES).toString('base64'),
  };
}

/**
 * `pledge catalog --data DIR --replace FILE [--yes]`: the office's 공약사업 목록 바꾸기. Without --yes it only
 * prints what would change; refused changes print why and exit 1, nothing stored.
 */
export async function runCatalogReplace(
  data: string,
  path: string,
  yes: boolean,
  io: CliIo,
): Promise<number> {
  const file = catalogFileArg(path);
  return withData(data, async (ctx) => {
    const preview = await previewCatalogChange(ctx, file);
    if (preview.lines.length === 0) {
      io.out('고른 파일의 목록은 지금 목록과 같습니다. 바꿀 것이 없습니다.');
      return 0;
    }
    io.out(`${preview.summary.title} — 바뀌는 내용 ${preview.lines.length}건:`);
    for (const line of preview.lines) io.out(`  ${line}`);
    if (preview.refusals.length > 0) {
      io.err('이 목록으로 바꿀 수 없습니다:');
      for (const reason of preview.refusals) io.err(`  - ${reason}`);
      return 1;
    }
    if (!yes) {
      io.out('바꾸려면 같은 명령에 --yes 를 붙여 다시 실행하세요.');
      return 0;
    }
    const result = await applyCatalogChange(ctx, { ...file, currentVersion: preview.currentVersion });
    io.out(
      `공약사업 목록을 바꿨습니다 (판 ${result.version}). 부서에는 다음 'pledge baseline export' 파일부터 전달됩니다.`,
    );
    return 0;
  });
}
