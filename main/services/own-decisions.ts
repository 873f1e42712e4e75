import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema';
import { getSetting, setSetting } from '../../db/settings';

/**
 * The office's decisions a 기준 자료 carries to the departments as a member of their own (card-decisions.ts,
 * held-decisions.ts): `{ asOf, decisions }`, every department's. A department copy keeps its own in a setting,
 * replacing the last package's; a package without the member (none to carry, or from an office program before it)
 * leaves none.
 */
export interface CarriedDecisions<E> {
  asOf: string;
  decisions: E[];
}

export interface OwnDecisionStore<E> {
  /** Keeps the department's own decisions of an applied package; returns how many. */
  keep(
    db: Kysely<Database>,
    carried: CarriedDecisions<E> | null,
    department: string,
    baselineRevision: number,
  ): Promise<number>;
  /** The decisions this copy keeps (none before a package was applied, or for a setting it cannot read). */
  read(db: Kysely<Database>): Promise<E[]>;
}

export function ownDecisionStore<E extends { department: string }>(
  setting: string,
  entry: z.ZodType<E>,
): OwnDecisionStore<E> {
  const kept = z.strictObject({
    asOf: z.string().max(40).nullable(),
    department: z.string(),
    baselineRevision: z.number().int(),
    decisions: z.array(entry).max(1_000_000),
  });
  return {
    async keep(db, carried, department, baselineRevision) {
      const decisions = carried?.decisions.filter((d) => d.department === department) ?? [];
      await setSetting(db, setting, { asOf: carried?.asOf ?? null, department, baselineRevision, decisions });
      return decisions.length;
    },
    async read(db) {
      const parsed = kept.safeParse(await getSetting(db, setting));
      return parsed.success ? parsed.data.decisions : [];
    },
  };
}
