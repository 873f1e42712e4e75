import type { Kysely, Selectable } from 'kysely';
import type { Database, OfficeDecisionsTable } from './schema';

export type DecisionKind = 'completion' | 'conflict';

/** The card a 완료 decision was made on: the bundle that carried it and that bundle's revision. */
export interface DecidedCard {
  bundleSha256: string;
  revision: number;
}

export interface OfficeDecision {
  id: number;
  kind: DecisionKind;
  subject: string;
  projectId: string;
  periodId: string;
  decision: 'accepted' | 'rejected';
  note: string;
  decidedAt: string;
  /** For a 완료 decision, the card it was made on; null for conflicts and for rows recorded before migration 0012. */
  card: DecidedCard | null;
  /**
   * For a frozen-field conflict, the differences it was decided on (the conflict's basis); null for other
   * decisions and for rows recorded before migration 0015.
   */
  basis: string | null;
}

export async function recordDecision(
  db: Kysely<Database>,
  d: Omit<OfficeDecision, 'id' | 'decidedAt' | 'card' | 'basis'> & {
    card?: DecidedCard | null;
    basis?: string | null;
  },
  now: Date,
): Promise<void> {
  await db
    .insertInto('office_decisions')
    .values({
      kind: d.kind,
      subject: d.subject,
      project_id: d.projectId,
      period_id: d.periodId,
      decision: d.decision,
      note: d.note,
      decided_at: now.toISOString(),
      card_bundle_sha256: d.card?.bundleSha256 ?? null,
      card_revision: d.card?.revision ?? null,
      decided_basis: d.basis ?? null,
    })
    .execute();
}

/**
 * The office takes a 완료 decision back (결정 취소): a 'withdrawn' row for the subject, recorded like a decision
 * (when, and the office's note), after which the subject has no decision (latestDecisions) and the request waits
 * for the office again. The decision withdrawn stays in the table as history.
 */
export async function recordWithdrawal(
  db: Kysely<Database>,
  d: { subject: string; projectId: string; periodId: string; note: string },
  now: Date,
): Promise<void> {
  await db
    .insertInto('office_decisions')
    .values({
      kind: 'completion',
      subject: d.subject,
      project_id: d.projectId,
      period_id: d.periodId,
      decision: 'withdrawn',
      note: d.note,
      decided_at: now.toISOString(),
      card_bundle_sha256: null,
      card_revision: null,
      decided_basis: null,
    })
    .execute();
}

/** One row of a subject's history: a decision, or its withdrawal ('withdrawn', card null). */
export type DecisionRecord = Omit<OfficeDecision, 'decision'> & {
  decision: OfficeDecision['decision'] | 'withdrawn';
};

const recordOf = (r: Selectable<OfficeDecisionsTable>): DecisionRecord => ({
  id: r.id,
  kind: r.kind,
  subject: r.subject,
  projectId: r.project_id,
  periodId: r.period_id,
  decision: r.decision,
  note: r.note,
  decidedAt: r.decided_at,
  card:
    r.card_bundle_sha256 === null || r.card_revision === null
      ? null
      : { bundleSha256: r.card_bundle_sha256, revision: r.card_revision },
  basis: r.decided_basis,
});

/** Every row recorded for a subject, oldest first: decisions and withdrawals. */
export async function decisionHistory(
  db: Kysely<Database>,
  kind: DecisionKind,
  subject: string,
): Promise<DecisionRecord[]> {
  const rows = await db
    .selectFrom('office_decisions')
    .selectAll()
    .where('kind', '=', kind)
    .where('subject', '=', subject)
    .orderBy('id')
    .execute();
  return rows.map(recordOf);
}

/** The latest decision per subject (earlier ones remain in the table as history). */
export async function latestDecisions(
  db: Kysely<Database>,
  kind: DecisionKind,
): Promise<Map<string, OfficeDecision>> {
  return (await latestDecisionsAndWithdrawals(db, kind)).latest;
}

/**
 * The latest decision per subject, and the subjects whose latest row withdrew the decision before it (결정 취소):
 * those have no decision (absent from `latest`); `withdrawn` holds the withdrawal and the decision it took back.
 */
export async function latestDecisionsAndWithdrawals(
  db: Kysely<Database>,
  kind: DecisionKind,
): Promise<{
  latest: Map<string, OfficeDecision>;
  withdrawn: Map<string, { withdrawal: DecisionRecord; decision: OfficeDecision | null }>;
}> {
  const rows = await db
    .selectFrom('office_decisions')
    .selectAll()
    .where('kind', '=', kind)
    .orderBy('id')
    .execute();
  const latest = new Map<string, OfficeDecision>();
  const withdrawn = new Map<string, { withdrawal: DecisionRecord; decision: OfficeDecision | null }>();
  for (const r of rows) {
    const record = recordOf(r);
    if (record.decision === 'withdrawn') {
      withdrawn.set(r.subject, { withdrawal: record, decision: latest.get(r.subject) ?? null });
      latest.delete(r.subject);
    } else {
      latest.set(r.subject, { ...record, decision: record.decision });
      withdrawn.delete(r.subject);
    }
  }
  return { latest, withdrawn };
}
