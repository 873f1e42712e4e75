import type { Kysely } from 'kysely';
import type { Handlers, SetupState } from '../../domain/api/contract';
import { listDepartments } from '../../domain/catalog/load';
import type { Database } from '../../db/schema';
import { setSetting } from '../../db/settings';
import type { AppContext } from './context';
import { databasePathIn } from './context';
import { backupData } from './data-backup';
import { readCatalogFile, refuseCatalogChangeOnUsedFolder, storeCatalogAndTerm } from './catalog-file';
import { restoreBackup } from './data-restore';
import { UserError } from './errors';
import { notFullPathHere } from './local-path';
import { loadCatalog } from './reference';
import { whoAmI, whoUses } from './session';
import { josa } from '../../domain/text/josa';
import { latestSchemaVersion } from '../../db/migrations/index';

async function readSetup(ctx: AppContext): Promise<SetupState> {
  const who = await whoAmI(ctx);
  return {
    configured: who !== null,
    role: who?.role ?? null,
    department: who?.department ?? null,
    dataDir: ctx.dataDir,
    defaultDataDir: ctx.defaultDataDir,
    startDataDir: ctx.startDataDir,
  };
}

/**
 * A folder that holds a department's documents or signing key keeps them when its user changes: the documents
 * vanish from the desk (they are the other department's), the key no longer signs, and the files made stay in
 * the list. One wrong pick in the department list must not do that unasked: the change is refused with what
 * stays behind, and done once the user confirms it. `db` is the database of the folder chosen (read before it
 * becomes current, so a refused change leaves the app on the folder it was using).
 */
async function refuseSilentIdentityChange(
  db: Kysely<Database>,
  role: 'department' | 'office',
  department: string | null,
): Promise<void> {
  const before = await whoUses(db);
  if (before === null || (before.role === role && (before.department ?? null) === department)) return;
  const who = before.role === 'office' ? '기획담당관' : (before.department ?? '');
  // A department's work is its documents; the office's, the files it received.
  const work = Number(
    (before.role === 'office'
      ? await db
          .selectFrom('bundles')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      : await db
          .selectFrom('documents')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('department', '=', who)
          .executeTakeFirstOrThrow()
    ).n,
  );
  const key = await db.selectFrom('own_keys').select('key_id').executeTakeFirst();
  if (work === 0 && key === undefined) return;
  const next = role === 'office' ? '기획담당관' : (department ?? '');
  const held = [
    work > 0 ? (before.role === 'office' ? `받은 제출 파일 ${work}개` : `문서 ${work}건`) : null,
    key !== undefined ? '서명 키' : null,
  ]
    .filter((x) => x !== null)
    .join('과 ');
  // What the change hides, and what the new user has to do, depend on who uses the folder before and after.
  const hidden =
    before.role === 'office'
      ? '받은 제출 파일과 종합 현황은 보이지 않고'
      : work > 0
        ? '그 문서는 목록에 보이지 않고'
        : `${who}의 서명 키로는 서명하지 않고`;
  const then =
    role === 'office'
      ? `이 PC에서 ${who}의 제출 파일을 만들 수 없습니다`
      : `제출 파일을 만들려면 ${next}의 새 서명 키를 만들어 기획담당관에 등록해야 합니다`;
  throw new UserError(
    'IDENTITY_CHANGE',
    `이 데이터 폴더에는 ${who}의 ${josa(held, '이/가')} 있습니다. ${josa(next, '으로/로')} 바꾸면 ${hidden}, ` +
      `${then} (되돌리면 다시 보입니다). ` +
      '다른 부서가 쓸 PC라면 새 데이터 폴더를 고르세요. 그래도 바꾸려면 아래에서 확인하세요.',
  );
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

    backupData: ({ folder }) => {
      const notFull = folder === undefined ? null : notFullPathHere(folder, '백업 폴더가');
      if (notFull !== null) throw new UserError('BACKUP_FOLDER_MISSING', notFull, { folder: notFull });
      return backupData(ctx, folder);
    },

    restoreBackup: async ({ file, dataDir, confirmRoleChange }) => {
      // The form's paths: full paths of this computer only (the command line resolves its own, as a shell does).
      const fileNotFull = notFullPathHere(file, '백업 파일 경로가');
      if (fileNotFull !== null)
        throw new UserError('RESTORE_FILE_MISSING', fileNotFull, { file: fileNotFull });
      const dirNotFull = notFullPathHere(dataDir, '데이터 폴더가');
      if (dirNotFull !== null)
        throw new UserError('RESTORE_FOLDER_UNSAFE', dirNotFull, { dataDir: dirNotFull });
      // Another user's backup (the office's on a department PC, another department's) is asked about first.
      return restoreBackup(file, dataDir, {
        current: await whoAmI(ctx),
        ...(confirmRoleChange === undefined ? {} : { confirmRoleChange }),
      });
    },

    saveSetup: async (input) => {
      // Another city's or term's list (공약사업 목록 파일): read and checked before anything else is looked at.
      const fromFile = input.catalogFile === undefined ? null : readCatalogFile(input.catalogFile);
      let department: string | null = null;
      if (input.role === 'department') {
        if (!input.department) {
          throw new UserError('DEPARTMENT_REQUIRED', '주관부서를 선택하세요.', {
            department: '주관부서를 선택하세요.',
          });
        }
        const departments = listDepartments(fromFile?.catalog ?? (await loadCatalog(ctx.db)));
        if (!departments.includes(input.department)) {
          const message = `공약사업 목록에 없는 부서입니다: ${input.department}`;
          throw new UserError('DEPARTMENT_UNKNOWN', message, { department: message });
        }
        department = input.department;
      }
      // Asked before the chosen folder becomes current: "바꾸지 않기" leaves the app on the folder it was using.
      const accept = async (db: Kysely<Database>) => {
        if (!input.confirmIdentityChange) await refuseSilentIdentityChange(db, input.role, department);
        if (fromFile !== null) await refuseCatalogChangeOnUsedFolder(db);
      };
      try {
        await ctx.switchDataDir(input.dataDir, accept);
      } catch (error) {
        if (error instanceof UserError) throw error;
        const reason = error instanceof Error ? error.message : String(error);
        const message = `데이터 폴더를 사용할 수 없습니다: ${reason}`;
        throw new UserError('DATA_DIR_UNUSABLE', message, { dataDir: message });
      }
      // The list and the user together: a folder never starts with one and not the other.
      await ctx.db.transaction().execute(async (trx) => {
        if (fromFile !== null) await storeCatalogAndTerm(trx, fromFile, ctx.now());
        await setSetting(trx, 'setup', { role: input.role, department });
      });
      return readSetup(ctx);
    },
  }) satisfies Partial<Handlers>;
