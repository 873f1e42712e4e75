import type { Handlers, SetupState } from '../../domain/api/contract';
import { listDepartments } from '../../domain/catalog/load';
import { setSetting } from '../../db/settings';
import type { AppContext } from './context';
import { databasePathIn } from './context';
import { backupData } from './data-backup';
import { restoreBackup } from './data-restore';
import { UserError } from './errors';
import { loadCatalog } from './reference';
import { whoAmI } from './session';
import { latestSchemaVersion } from '../../db/migrations/index';

async function readSetup(ctx: AppContext): Promise<SetupState> {
  const who = await whoAmI(ctx);
  return {
    configured: who !== null,
    role: who?.role ?? null,
    department: who?.department ?? null,
    dataDir: ctx.dataDir,
    defaultDataDir: ctx.defaultDataDir,
  };
}

export const setupHandlers = (ctx: AppContext) =>
  ({
    getAppInfo: () => ({
      version: ctx.appVersion,
      mode: ctx.mode === 'electron' ? 'electron' : 'browser',
      databasePath: databasePathIn(ctx.dataDir),
      schemaVersion: latestSchemaVersion,
    }),

    getSetup: () => readSetup(ctx),

    backupData: ({ folder }) => backupData(ctx, folder),

    restoreBackup: ({ file, dataDir }) => restoreBackup(file, dataDir),

    saveSetup: async (input) => {
      let department: string | null = null;
      if (input.role === 'department') {
        if (!input.department) {
          throw new UserError('DEPARTMENT_REQUIRED', '주관부서를 선택하세요.', {
            department: '주관부서를 선택하세요.',
          });
        }
        const departments = listDepartments(await loadCatalog(ctx.db));
        if (!departments.includes(input.department)) {
          const message = `공약사업 목록에 없는 부서입니다: ${input.department}`;
          throw new UserError('DEPARTMENT_UNKNOWN', message, { department: message });
        }
        department = input.department;
      }
      try {
        await ctx.switchDataDir(input.dataDir);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        const message = `데이터 폴더를 사용할 수 없습니다: ${reason}`;
        throw new UserError('DATA_DIR_UNUSABLE', message, { dataDir: message });
      }
      await setSetting(ctx.db, 'setup', { role: input.role, department });
      return readSetup(ctx);
    },
  }) satisfies Partial<Handlers>;
