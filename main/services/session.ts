import type { Kysely } from 'kysely';
import { z } from 'zod';
import { roleSchema, type Role } from '../../domain/api/contract';
import { getSetting } from '../../db/settings';
import type { Database } from '../../db/schema';
import type { AppContext } from './context';
import { UserError } from './errors';

const storedSetupSchema = z.object({ role: roleSchema, department: z.string().nullable() });

export interface Who {
  role: Role;
  department: string | null;
}

/** Who uses this copy, as chosen at first run; null before that. */
export async function whoAmI(ctx: AppContext): Promise<Who | null> {
  return whoUses(ctx.db);
}

/** Who uses the data folder of this database, as chosen at its setup; null before that. */
export async function whoUses(db: Kysely<Database>): Promise<Who | null> {
  const stored = storedSetupSchema.safeParse(await getSetting(db, 'setup'));
  return stored.success ? stored.data : null;
}

export async function requireDepartment(ctx: AppContext): Promise<string> {
  const who = await whoAmI(ctx);
  if (!who || who.role !== 'department' || !who.department) {
    throw new UserError(
      'NOT_A_DEPARTMENT',
      '이 기능은 주관부서로 설정된 PC에서만 사용할 수 있습니다. 설정에서 부서를 선택하세요.',
    );
  }
  return who.department;
}

export async function requireOffice(ctx: AppContext): Promise<void> {
  const who = await whoAmI(ctx);
  if (who?.role !== 'office') {
    throw new UserError(
      'NOT_OFFICE',
      '이 기능은 기획담당관(총괄부서)으로 설정된 PC에서만 사용할 수 있습니다.',
    );
  }
}
