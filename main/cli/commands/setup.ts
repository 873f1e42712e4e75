import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { setupInputSchema } from '../../../domain/api/contract';
import { zodToApiError } from '../../services/dispatch';
import { setupHandlers } from '../../services/setup-handlers';
import { UsageError, type CliIo } from '../io';
import { withData } from '../data-context';
import { josa } from '../../../domain/text/josa';

export const setupHelp = `pledge setup --data DIR --role department --department 부서
pledge setup --data DIR --role office
  이 데이터 폴더를 쓰는 사용자(주관부서 또는 기획담당관)를 정합니다. 프로그램의 '처음 설정'과 같습니다.`;

export async function runSetup(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { data: { type: 'string' }, role: { type: 'string' }, department: { type: 'string' } },
  });
  if (!values.data) throw new UsageError('--data DIR 로 데이터 폴더를 지정하세요.');
  const parsed = setupInputSchema.safeParse({
    role: values.role,
    department: values.role === 'office' ? null : (values.department ?? null),
    // A relative --data is the shell's: taken from the folder the command runs in.
    dataDir: resolve(values.data),
  });
  if (!parsed.success) throw new UsageError(zodToApiError(parsed.error).message);
  return withData(values.data, async (ctx) => {
    const state = await setupHandlers(ctx).saveSetup(parsed.data);
    io.out(
      state.role === 'office'
        ? '기획담당관(총괄부서)으로 설정했습니다.'
        : `주관부서 ${josa(state.department ?? '', '으로/로')} 설정했습니다.`,
    );
    return 0;
  });
}
