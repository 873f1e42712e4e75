import type { Kysely } from 'kysely';
import { z } from 'zod';
import { latestDecisions } from '../../db/office-decisions';
import type { Database } from '../../db/schema';
import { sameRevisionKey } from './office-report';
import { ownDecisionStore } from './own-decisions';

/**
 * The office's decisions on held submission files, carried back to the departments in the 기준 자료. A department
 * that sent two different files with one revision (two PCs, a restored copy) has one counted and the other held
 * (충돌 보류); when the office keeps the counted one ('반영한 제출 파일 유지', or a swap that held the file counted
 * before), the held file's 접수 확인 says so, with when and the office's memo, instead of "보류 중: 문의하세요"
 * for ever. The PC that made the held file learns that its next revision would not continue the counted one.
 *
 * Format: a member of its own, `documents/reference/held-decisions.json` (BASELINE_PATHS.heldDecisions), written
 * only when there is one, as the card decisions are (card-decisions.ts): a department program from before it
 * refuses such a package with the "newer program" note, and packages without it apply everywhere as before.
 *
 * Which: every held file whose latest decision on its conflict is to keep the other (rejected). A file swapped in
 * is counted (its receipt says 반영됨); a held file not yet decided on is told as held.
 */

const heldDecisionSchema = z.strictObject({
  department: z.string().min(1).max(200),
  period: z.string().min(1).max(20),
  revision: z.number().int().positive(),
  /** The held file. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  decidedAt: z.string().max(40),
  /** The office's memo on the decision ('' when none). */
  note: z.string().max(2000),
  /** The file of the same revision the office counts instead. */
  counted: z.strictObject({ sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
});
export type HeldDecisionEntry = z.infer<typeof heldDecisionSchema>;

/** The baseline member: every department's held files the office decided to keep out, as of the package. */
export const heldDecisionsSchema = z.strictObject({
  asOf: z.string().max(40),
  decisions: z.array(heldDecisionSchema).max(1_000_000),
});
export type HeldDecisions = z.infer<typeof heldDecisionsSchema>;

/** Office: the held files whose conflict it decided by keeping the other file, by department and revision. */
export async function officeHeldDecisions(db: Kysely<Database>, asOf: string): Promise<HeldDecisions> {
  const held = await db
    .selectFrom('held_bundles')
    .select(['sha256', 'department', 'period', 'revision', 'conflicts_with'])
    .execute();
  if (held.length === 0) return { asOf, decisions: [] };
  const latest = await latestDecisions(db, 'conflict');
  const decisions: HeldDecisionEntry[] = [];
  for (const h of held) {
    const decision = latest.get(sameRevisionKey(h.sha256));
    if (decision?.decision !== 'rejected') continue;
    decisions.push({
      department: h.department,
      period: h.period,
      revision: h.revision,
      sha256: h.sha256,
      decidedAt: decision.decidedAt,
      note: decision.note,
      counted: { sha256: h.conflicts_with },
    });
  }
  decisions.sort(
    (a, b) =>
      a.department.localeCompare(b.department, 'ko') ||
      a.revision - b.revision ||
      a.sha256.localeCompare(b.sha256),
  );
  return { asOf, decisions };
}

const HELD_DECISIONS_SETTING = 'baseline.heldDecisions';

/** Department: its own held files' decisions, kept from the last applied package (own-decisions.ts). */
const ownStore = ownDecisionStore(HELD_DECISIONS_SETTING, heldDecisionSchema);
export const keepOwnHeldDecisions = ownStore.keep;
export const ownHeldDecisions = ownStore.read;
