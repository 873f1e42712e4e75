import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { roleSchema, setupInputSchema } from '../../../domain/api/contract';
import { zodToApiError } from '../../services/dispatch';
import { readCatalogFile } from '../../services/catalog-file';
import { loadCatalog, loadTerm } from '../../services/reference';
import { setupHandlers } from '../../services/setup-handlers';
import { UsageError, type CliIo } from '../io';
import { withData } from '../data-context';
import { josa } from '../../../domain/text/josa';
import { catalogFileArg } from './catalog-replace';

export const setupHelp = `pledge setup --data DIR --role department --department 부서 [--catalog FILE.xlsx]
pledge setup --data DIR --role office [--catalog FILE.xlsx]
  이 데이터 폴더를 쓰는 사용자(주관부서 또는 기획담당관)를 정합니다. 프로그램의 '처음 설정'과 같습니다.
  폴더가 없으면 만듭니다 (다른 명령은 설정을 마친 데이터 폴더만 씁니다).
  --catalog FILE.xlsx  내장된 서울특별시 민선7기 목록 대신 이 공약사업 목록 파일의 목록과 임기로 시작합니다
                       (다른 시·군이나 다음 임기; 'pledge catalog --xlsx' 로 만든 파일을 고쳐 씁니다).
                       문서·제출 파일·키가 있는 데이터 폴더의 목록은 바꾸지 않습니다.`;

export async function runSetup(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      data: { type: 'string' },
      role: { type: 'string' },
      department: { type: 'string' },
      catalog: { type: 'string' },
    },
  });
  if (!values.data) throw new UsageError('--data DIR 로 데이터 폴더를 지정하세요.');
  const roles = roleSchema.options;
  if (values.role === undefined || !(roles as readonly string[]).includes(values.role))
    throw new UsageError(
      `${values.role === undefined ? '--role 로 사용자를 지정하세요' : `알 수 없는 --role 값입니다: ${values.role}`}. ` +
        '쓸 수 있는 값: department (주관부서, --department 부서 이름과 함께) 또는 office (기획담당관).',
    );
  if (values.role === 'department' && !values.department?.trim())
    throw new UsageError(
      "--department 로 주관부서 이름을 지정하세요 (부서 이름은 'pledge catalog'에서 확인할 수 있습니다).",
    );
  const catalogFile = values.catalog === undefined ? undefined : catalogFileArg(values.catalog);
  // Checked before the folder is made: a file with problems leaves nothing behind.
  if (catalogFile !== undefined) readCatalogFile(catalogFile);
  const parsed = setupInputSchema.safeParse({
    ...(catalogFile === undefined ? {} : { catalogFile }),
    role: values.role,
    department: values.role === 'office' ? null : (values.department ?? null),
    // A relative --data is the shell's: taken from the folder the command runs in.
    dataDir: resolve(values.data),
  });
  if (!parsed.success) throw new UsageError(zodToApiError(parsed.error).message);
  return withData(
    values.data,
    async (ctx) => {
      const state = await setupHandlers(ctx).saveSetup(parsed.data);
      io.out(
        state.role === 'office'
          ? '기획담당관(총괄부서)으로 설정했습니다.'
          : `주관부서 ${josa(state.department ?? '', '으로/로')} 설정했습니다.`,
      );
      if (catalogFile !== undefined) {
        const [catalog, term] = await Promise.all([loadCatalog(ctx.db), loadTerm(ctx.db)]);
        io.out(
          `공약사업 목록: ${catalog.city} ${catalog.title} (${catalog.projects.length}개 세부사업), ` +
            `임기: ${term.name} ${term.start} ~ ${term.end}`,
        );
      }
      return 0;
    },
    { create: true },
  );
}
