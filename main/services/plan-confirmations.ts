import { sql, type Kysely } from 'kysely';
import type { PlanConfirmationRow } from '../../domain/api/contract';
import type { ApprovedFieldKept, PlansConfirmed } from '../../domain/plans/confirmation';
import { frozenPlanChanges } from '../../domain/plans/frozen-changes';
import { planDepartmentOf } from '../../domain/catalog/assignments';
import type { Catalog } from '../../domain/catalog/types';
import { writeCounts } from '../../db/data-generation';
import type { Database } from '../../db/schema';
import { withChangeValues, type PlanChangeValues } from '../../domain/documents/change-apply';
import type { ExecutionPlan } from '../../domain/documents';
import { approvedFieldsKept, approvedPlanValues } from './approved-changes';
import { UserError } from './errors';
import { confirmReceivedPlan } from './office-decisions';
import { receivedKey, receivedOf, type ReceivedRow } from './received-documents';
import { keptPlanMatches, keptWhile } from './snapshot-cache';

/**
 * The office's list of practice plans (실천계획서) to confirm after the citizens' panel: per catalog project, the
 * latest plan its lead department sent and the office's own confirmation, if any. Document content is read only
 * for plans that arrived after their project was first confirmed.
 */
export async function listPlanConfirmations(
  db: Kysely<Database>,
  catalog: Catalog,
): Promise<readonly PlanConfirmationRow[]> {
  // Kept while no plan, change request or reference data was written and the received plans are the same list
  // (receivedOf keeps it while nothing was received or rewritten): a 완료 decision or an import of cards reads
  // the last answer again. The counts are read first (see keptWhile).
  const counts = await writeCounts(db, ['executionPlan', 'changeRequest', 'reference']);
  const received = await receivedOf(db, 'executionPlan');
  return keptWhile(db, 'planConfirmations', [counts, received], () =>
    readPlanConfirmations(db, catalog, received),
  );
}

async function readPlanConfirmations(
  db: Kysely<Database>,
  catalog: Catalog,
  received: readonly ReceivedRow[],
): Promise<PlanConfirmationRow[]> {
  // The latest revision per project and department (rows come in revision order).
  const latest = new Map<string, (typeof received)[number]>();
  for (const row of received) latest.set(`${row.project_id}\u0000${row.department}`, row);

  const confirmed = await db
    .selectFrom('documents')
    .select(['id', 'project_id', 'version', 'created_at', 'updated_at'])
    .where('kind', '=', 'executionPlan')
    .where('status', '=', 'confirmed')
    .execute();
  const confirmedByProject = new Map(confirmed.map((c) => [c.project_id, c]));
  const approved = await approvedPlanValues(db);
  const unconfirmedSent = await sentAfterConfirmation(db, catalog, latest, confirmedByProject, approved);
  const notes = await newerPlanNotes(db, catalog, latest, unconfirmedSent, confirmedByProject, approved);

  return catalog.projects.map((project): PlanConfirmationRow => {
    const sent = latest.get(`${project.id}\u0000${planDepartmentOf(project)}`);
    const own = confirmedByProject.get(project.id);
    const state: PlanConfirmationRow['state'] =
      own === undefined
        ? sent === undefined
          ? 'notReceived'
          : 'awaiting'
        : unconfirmedSent.has(project.id)
          ? 'newerReceived'
          : 'confirmed';
    return {
      projectId: project.id,
      projectName: project.name,
      // The project's lead now: after a move (부서 이관) the plan, its first lead's, is the new lead's to report on.
      leadDepartment: project.leadDepartment,
      received:
        sent === undefined
          ? null
          : { revision: sent.revision, receivedAt: sent.received_at, bundleSha256: sent.bundle_sha256 },
      confirmed: own === undefined ? null : { version: own.version, confirmedAt: own.updated_at },
      state,
      approvedKept: state === 'newerReceived' ? (notes.get(project.id)?.approvedKept ?? []) : [],
      frozenChanged: state === 'newerReceived' ? (notes.get(project.id)?.frozenChanged ?? []) : [],
    };
  });
}

/** What a plan received after its project's confirmation would do if confirmed (see PlanConfirmationRow). */
interface NewerPlanNotes {
  approvedKept: ApprovedFieldKept[];
  frozenChanged: string[];
}

/**
 * Per project whose newer received plan waits for 확정, read once with its confirmed plan: the approved change
 * requests' fields it writes otherwise (confirming keeps the approved values), and the frozen items confirming it
 * would change (the received plan with the approved values kept, as confirmReceivedPlan stores it, against the
 * confirmed one). Only those projects are read: a plan re-sent after the confirmation is rare.
 */
async function newerPlanNotes(
  db: Kysely<Database>,
  catalog: Catalog,
  latest: ReadonlyMap<string, ReceivedRow>,
  unconfirmedSent: ReadonlySet<string>,
  confirmedByProject: ReadonlyMap<string, OwnPlan>,
  approved: ReadonlyMap<string, PlanChangeValues>,
): Promise<Map<string, NewerPlanNotes>> {
  const out = new Map<string, NewerPlanNotes>();
  const sent = catalog.projects
    .filter((p) => unconfirmedSent.has(p.id))
    .map((p) => latest.get(`${p.id}\u0000${planDepartmentOf(p)}`))
    .filter((row): row is ReceivedRow => row !== undefined);
  for (let i = 0; i < sent.length; i += 500) {
    const chunk = sent.slice(i, i + 500);
    const received = await db
      .selectFrom('received_documents')
      .select(['project_id', 'json'])
      .where(sql<boolean>`rowid in (${sql.join(chunk.map((r) => r.rowid))})`)
      .execute();
    const own = await db
      .selectFrom('documents')
      .select(['id', 'json'])
      .where(
        'id',
        'in',
        chunk.map((r) => confirmedByProject.get(r.project_id)?.id ?? ''),
      )
      .execute();
    const ownJson = new Map(own.map((d) => [d.id, d.json]));
    for (const row of received) {
      const plan = JSON.parse(row.json) as ExecutionPlan;
      const values = approved.get(row.project_id);
      const confirmed = ownJson.get(confirmedByProject.get(row.project_id)?.id ?? '');
      out.set(row.project_id, {
        approvedKept: values === undefined ? [] : approvedFieldsKept(plan, values),
        frozenChanged:
          confirmed === undefined
            ? []
            : frozenPlanChanges(
                values === undefined ? plan : withChangeValues(plan, values),
                JSON.parse(confirmed) as ExecutionPlan,
              ),
      });
    }
  }
  return out;
}

/** The office's confirmed document of a project, as listPlanConfirmations reads it. */
interface OwnPlan {
  id: string;
  version: number;
  created_at: string;
  updated_at: string;
}

/**
 * Projects whose latest received plan was never confirmed although an earlier one was: its content matches no
 * version of the office's confirmed document (a later approved change does not count as a new plan, since the
 * version confirmed from the department's plan stays in the history). Each answer is kept (keptPlanMatches): the
 * received row never changes, and the document's versions only change with its version number, so every report
 * while plans wait for 실천계획 확정 compares only what arrived or was confirmed since the last one.
 */
async function sentAfterConfirmation(
  db: Kysely<Database>,
  catalog: Catalog,
  latest: ReadonlyMap<string, ReceivedRow>,
  confirmedByProject: ReadonlyMap<string, OwnPlan>,
  approved: ReadonlyMap<string, PlanChangeValues>,
): Promise<Set<string>> {
  const kept = keptPlanMatches(db);
  const keyOf = (c: { sent: ReceivedRow; own: OwnPlan }): string =>
    `${receivedKey(c.sent)}|${c.own.id}#${c.own.version}#${c.own.updated_at}`;
  const out = new Set<string>();
  // A plan received before the office first confirmed the project was the latest then, and confirming takes the
  // latest: it was confirmed. Only plans received since need their content compared.
  const candidates = catalog.projects
    .map((p) => ({
      sent: latest.get(`${p.id}\u0000${planDepartmentOf(p)}`),
      own: confirmedByProject.get(p.id),
    }))
    .filter((c): c is { sent: ReceivedRow; own: OwnPlan } => {
      if (!c.sent || !c.own || Date.parse(c.sent.received_at) < Date.parse(c.own.created_at)) return false;
      const matches = kept.get(keyOf({ sent: c.sent, own: c.own }));
      if (matches === undefined) return true;
      if (!matches) out.add(c.sent.project_id);
      return false;
    });
  for (let i = 0; i < candidates.length; i += 500) {
    const chunk = candidates.slice(i, i + 500);
    const sentJson = new Map(
      (
        await db
          .selectFrom('received_documents')
          .select([sql<number>`rowid`.as('rowid'), 'json'])
          .where(sql<boolean>`rowid in (${sql.join(chunk.map((c) => c.sent.rowid))})`)
          .execute()
      ).map((r) => [r.rowid, r.json]),
    );
    const versions = new Map<string, Set<string>>();
    for (const v of await db
      .selectFrom('document_versions')
      .select(['document_id', 'json'])
      .where(
        'document_id',
        'in',
        chunk.map((c) => c.own.id),
      )
      .execute()) {
      const set = versions.get(v.document_id) ?? new Set<string>();
      set.add(canonicalPlan(v.json));
      versions.set(v.document_id, set);
    }
    for (const c of chunk) {
      const json = sentJson.get(c.sent.rowid);
      if (json === undefined) continue;
      // Confirming keeps the approved changes over the received plan: a plan confirmed so matches its version.
      const values = approved.get(c.sent.project_id);
      const own = versions.get(c.own.id);
      const matches =
        own?.has(canonicalPlan(json)) === true ||
        (values !== undefined &&
          own?.has(
            canonicalPlan(JSON.stringify(withChangeValues(JSON.parse(json) as ExecutionPlan, values))),
          ) === true);
      kept.set(keyOf(c), matches);
      if (!matches) out.add(c.sent.project_id);
    }
  }
  return out;
}

/** A plan's content for comparison: lifecycle left out (confirming sets it), object keys in sorted order. */
function canonicalPlan(json: string): string {
  const { lifecycle: _lifecycle, ...content } = JSON.parse(json) as Record<string, unknown>;
  return JSON.stringify(content, (_key, value: unknown) =>
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : value,
  );
}

/**
 * Confirms the latest received plan of each project, all in one transaction: if any cannot be confirmed (unknown
 * project, no plan received), none is, and the message names it.
 */
export async function confirmReceivedPlans(
  db: Kysely<Database>,
  catalog: Catalog,
  projectIds: readonly string[],
  now: Date,
): Promise<PlansConfirmed> {
  const unique = [...new Set(projectIds)];
  if (unique.length === 0) throw new UserError('NOTHING_SELECTED', '확정할 실천계획서를 고르세요.');
  const approvedKept: PlansConfirmed['approvedKept'] = [];
  await db.transaction().execute(async (trx) => {
    for (const projectId of unique) {
      const { approvedKept: kept } = await confirmReceivedPlan(trx, catalog, projectId, now);
      if (kept.length > 0) approvedKept.push({ projectId, labels: kept.map((k) => k.label) });
    }
  });
  return { confirmed: unique, approvedKept };
}
