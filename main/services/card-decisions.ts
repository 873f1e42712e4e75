import type { Kysely } from 'kysely';
import { z } from 'zod';
import {
  CARD_DECISION_KINDS,
  isFrozenConflictKey,
  type CardDecisionKind,
  type OfficeCardDecision,
} from '../../domain/api/contract';
import type { Catalog } from '../../domain/catalog/types';
import { asksCompletion, type ManagementCard } from '../../domain/documents';
import { listPeriods } from '../../domain/term/periods';
import type { Term } from '../../domain/term/types';
import type { SentBundle } from '../../db/bundles';
import { latestDecisions, type OfficeDecision } from '../../db/office-decisions';
import type { Database } from '../../db/schema';
import { completionDecisionsFor } from './completion-decisions';
import { ownDecisionStore } from './own-decisions';
import { confirmedPlans } from './confirmed-plans';
import { frozenFieldConflicts, plansInForce } from './frozen-conflicts';
import { leadCardsOf, receivedCards, receivedOf, type ReceivedRow } from './received-documents';

/**
 * The office's decisions on cards, carried back to the departments in the 기준 자료: 완료 승인, 완료 반려 (with the
 * reason) and 관리카드 제외 (a card whose frozen fields differ from the confirmed plan, excluded with the reason:
 * the department sends it again). Without them a department whose card was excluded saw its file only as 반영됨.
 *
 * Format: a member of its own, `documents/reference/card-decisions.json` (BASELINE_PATHS.cardDecisions), written
 * only when the office has a decision to carry. A department program from before it refuses a package with a
 * document it does not know, with the "newer program" note (newerProgramNote) — the same refusal an optional field
 * in receipts.json (a strict schema) would meet, so a member of its own costs older copies nothing more, and until
 * the office decides on a card its packages still apply there. A package without the member (from the previous
 * program version, or with nothing to carry) applies as before, and leaves no decision on the department's copy.
 *
 * Which decisions: those that hold at the office when the package is made, on the card it counts now — as its
 * own report has them (office-report.ts): a 완료 decision while it holds for the half-year's current card
 * (completion-decisions.ts; an acceptance carried over to a later half-year's 완료 card included), an exclusion
 * while the card's conflict stands on the differences it was decided on. Each names the submission file whose
 * card it is on (its SHA-256 and revision): the office decides on a received version, and a card re-sent since
 * is a new version the next package speaks of (cleared when the card no longer conflicts, or its 완료 waits again).
 */

const cardDecisionSchema = z.strictObject({
  department: z.string().min(1).max(200),
  projectId: z.string().min(1).max(40),
  periodId: z.string().regex(/^\d{4}-H[12]$/),
  kind: z.enum(CARD_DECISION_KINDS),
  reason: z.string().max(2000),
  decidedAt: z.string().max(40),
  /** The submission file that carried the card decided on, as the office holds it. */
  card: z.strictObject({
    revision: z.number().int().positive(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  }),
});
type CardDecisionEntry = z.infer<typeof cardDecisionSchema>;

/** The baseline member: every department's standing card decisions, as of the moment the package was made. */
export const cardDecisionsSchema = z.strictObject({
  asOf: z.string().max(40),
  decisions: z.array(cardDecisionSchema).max(1_000_000),
});
export type CardDecisions = z.infer<typeof cardDecisionsSchema>;

const entryOf = (
  decision: OfficeDecision,
  kind: CardDecisionKind,
  row: ReceivedRow,
  periodId: string,
): CardDecisionEntry => ({
  department: row.department,
  projectId: row.project_id,
  periodId,
  kind,
  reason: decision.note,
  decidedAt: decision.decidedAt,
  card: { revision: row.revision, sha256: row.bundle_sha256 },
});

/**
 * 완료 decisions that hold for the lead department's current 완료 card of a half-year: those of the half-year
 * itself and an acceptance carried over from an earlier one (completionDecisionsFor, as the report decides them).
 */
async function completionEntries(
  db: Kysely<Database>,
  catalog: Catalog,
  term: Term,
): Promise<CardDecisionEntry[]> {
  const latest = await latestDecisions(db, 'completion');
  if (latest.size === 0) return [];
  const decided = [...latest.values()];
  const projectIds = new Set(decided.map((d) => d.projectId));
  const first = decided.reduce((min, d) => (d.periodId < min ? d.periodId : min), decided[0]!.periodId);
  const asked: { row: ReceivedRow; card: ManagementCard }[] = [];
  for (const period of listPeriods(term)) {
    if (period.id < first) continue;
    for (const current of (await leadCardsOf(db, catalog, period.id, projectIds)).values()) {
      if (asksCompletion(current.card.status)) asked.push(current);
    }
  }
  const decisions = await completionDecisionsFor(
    db,
    catalog,
    term,
    latest,
    asked.map((a) => a.card),
  );
  const entries: CardDecisionEntry[] = [];
  for (const { row, card } of asked) {
    const decision = decisions.decisionOf(card.projectId, row.slot);
    if (decision === undefined) continue;
    const kind = decision.decision === 'accepted' ? 'completionAccepted' : 'completionRejected';
    entries.push(entryOf(decision, kind, row, row.slot));
  }
  return entries;
}

/** The parts of a frozen-field conflict's key: `frozen:<project>:<period>:<department>`. */
function frozenKeyParts(key: string): { projectId: string; periodId: string; department: string } | null {
  const [, projectId, periodId, ...department] = key.split(':');
  if (projectId === undefined || periodId === undefined || department.length === 0) return null;
  return { projectId, periodId, department: department.join(':') };
}

/**
 * Cards excluded (카드 제외 on a 확정 항목 불일치) whose exclusion holds for the department's current card of the
 * half-year: the card still conflicts, on the differences decided on (a decision recorded before decisions kept
 * their basis holds whatever they are, as in the report).
 */
async function exclusionEntries(db: Kysely<Database>, term: Term): Promise<CardDecisionEntry[]> {
  const excluded = [...(await latestDecisions(db, 'conflict')).values()].filter(
    (d) => d.decision === 'rejected' && isFrozenConflictKey(d.subject),
  );
  if (excluded.length === 0) return [];
  const rows: { decision: OfficeDecision; row: ReceivedRow }[] = [];
  for (const decision of excluded) {
    const parts = frozenKeyParts(decision.subject);
    if (parts === null) continue;
    const row = (await receivedOf(db, 'managementCard', parts.periodId))
      .filter((r) => r.project_id === parts.projectId && r.department === parts.department)
      .at(-1);
    if (row !== undefined) rows.push({ decision, row });
  }
  const cards = await receivedCards(
    db,
    rows.map((r) => r.row),
  );
  const plans = await confirmedPlans(db);
  const heldTo = await plansInForce(db, term, plans, cards);
  const conflicts = frozenFieldConflicts(
    plans,
    cards,
    (card) => heldTo.inForce.get(card),
    (card) => heldTo.matchesOlder.has(card),
  );
  const byKey = new Map(conflicts.map((c) => [c.key, c]));
  const entries: CardDecisionEntry[] = [];
  for (const { decision, row } of rows) {
    const conflict = byKey.get(decision.subject);
    if (conflict === undefined) continue;
    const sameBasis =
      decision.basis === null || conflict.basis === undefined || decision.basis === conflict.basis;
    if (sameBasis) entries.push(entryOf(decision, 'cardExcluded', row, row.slot));
  }
  return entries;
}

/** Office: every department's card decisions that hold now, by department, project and half-year. */
export async function officeCardDecisions(
  db: Kysely<Database>,
  catalog: Catalog,
  term: Term,
  asOf: string,
): Promise<CardDecisions> {
  const decisions = [...(await exclusionEntries(db, term)), ...(await completionEntries(db, catalog, term))];
  decisions.sort(
    (a, b) =>
      a.department.localeCompare(b.department, 'ko') ||
      a.periodId.localeCompare(b.periodId) ||
      a.projectId.localeCompare(b.projectId, 'en', { numeric: true }) ||
      a.kind.localeCompare(b.kind),
  );
  return { asOf, decisions };
}

export const CARD_DECISIONS_SETTING = 'baseline.cardDecisions';

/** Department: its own cards' decisions, kept from the last applied package (own-decisions.ts). */
const ownStore = ownDecisionStore(CARD_DECISIONS_SETTING, cardDecisionSchema);
export const keepOwnCardDecisions = ownStore.keep;
export const ownCardDecisions = ownStore.read;

const viewOf = (d: CardDecisionEntry): OfficeCardDecision => ({
  projectId: d.projectId,
  periodId: d.periodId,
  kind: d.kind,
  reason: d.reason,
  decidedAt: d.decidedAt,
  revision: d.card.revision,
});

/** The decisions on the cards one submission file carried (by its SHA-256), in project order. */
export function cardDecisionsOfFile(
  kept: readonly CardDecisionEntry[],
  sha256: string,
): OfficeCardDecision[] {
  return kept.filter((d) => d.card.sha256 === sha256).map(viewOf);
}

/**
 * The decisions that still stand on this copy: those whose half-year has no later submission file made here than
 * the one decided on. A later file sends the half-year's card again; what the office makes of it comes with the
 * next package (an exclusion is gone once the card no longer conflicts, a 완료 decision waits for a changed card).
 */
export function standingCardDecisions(
  kept: readonly CardDecisionEntry[],
  sent: readonly SentBundle[],
): OfficeCardDecision[] {
  return kept
    .filter((d) => !sent.some((s) => s.period === d.periodId && s.revision > d.card.revision))
    .map(viewOf);
}
