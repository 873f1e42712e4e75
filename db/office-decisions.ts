import type { Kysely } from 'kysely';
import type { Database } from './schema';

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

/** The latest decision per subject (earlier ones remain in the table as history). */
export async function latestDecisions(
  db: Kysely<Database>,
  kind: DecisionKind,
): Promise<Map<string, OfficeDecision>> {
  const rows = await db
    .selectFrom('office_decisions')
    .selectAll()
    .where('kind', '=', kind)
    .orderBy('id')
    .execute();
  const latest = new Map<string, OfficeDecision>();
  for (const r of rows) {
    latest.set(r.subject, {
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
  }
  return latest;
}
