import type { Kysely } from 'kysely';
import { z } from 'zod';
import { involvedAt, leadAt } from '../../domain/catalog/assignments';
import { findProject } from '../../domain/catalog/lookup';
import type { Catalog } from '../../domain/catalog/types';
import { managementCardSchema, type ManagementCard } from '../../domain/documents';
import { listPeriods } from '../../domain/term/periods';
import type { Term } from '../../domain/term/types';
import { listDocuments } from '../../db/documents';
import { getSetting, setSetting } from '../../db/settings';
import type { Database } from '../../db/schema';
import { leadCardsOf } from './received-documents';

/**
 * 인계 (handover) after a move (부서 이관): the new lead's first card goes on from the former lead's last one — its
 * 추진실적, 집행 by half-year, 이행 상황 — instead of starting again from the plan. The office puts each moved
 * project's last card from its former leads in the baseline package; the new lead's PC keeps the ones of the
 * projects it leads and starts its first card of such a project from it (drafting.newDocument).
 */

/** Office: per moved project, the latest card its former leads sent (the latest half-year they had it first). */
export async function handoverCardsOf(
  db: Kysely<Database>,
  catalog: Catalog,
  term: Term,
): Promise<ManagementCard[]> {
  const periods = listPeriods(term).map((p) => p.id);
  const found = new Map<string, ManagementCard>();
  const moved = catalog.projects.filter((p) => (p.formerAssignments?.length ?? 0) > 0);
  // Half-years from the last one a former lead had, back to the term's first; each read once for the projects
  // still without a card.
  const lastFormer = (p: (typeof moved)[number]) => p.formerAssignments?.at(-1)?.through ?? '';
  for (const periodId of [...periods].reverse()) {
    const wanted = new Set(
      moved.filter((p) => !found.has(p.id) && periodId <= lastFormer(p)).map((p) => p.id),
    );
    if (wanted.size === 0) continue;
    for (const [projectId, { card }] of await leadCardsOf(db, catalog, periodId, wanted)) {
      const parsed = managementCardSchema.safeParse(card);
      if (parsed.success) found.set(projectId, parsed.data);
    }
  }
  return moved.flatMap((p) => found.get(p.id) ?? []);
}

export const HANDOVER_SETTING = 'baseline.handover';
const keptSchema = z.record(z.string(), z.unknown());

/**
 * Of a package's handed-over cards, those for this department: of projects it leads now and had not before, each a
 * former lead's card of a half-year that lead had the project in; by project.
 */
export function handoverCardsFor(
  catalog: Catalog,
  department: string,
  cards: readonly ManagementCard[],
): Map<string, ManagementCard> {
  const own = new Map<string, ManagementCard>();
  for (const card of cards) {
    const project = findProject(catalog, card.projectId);
    if (project?.leadDepartment !== department || card.department === department) continue;
    if (leadAt(project, card.periodId) !== card.department) continue;
    own.set(card.projectId, card);
  }
  return own;
}

/** Department: keeps the cards handoverCardsFor chose (the last package's: a later package replaces them). */
export async function keepHandoverCards(
  db: Kysely<Database>,
  cards: ReadonlyMap<string, ManagementCard>,
): Promise<void> {
  await setSetting(db, HANDOVER_SETTING, Object.fromEntries(cards));
}

/** Department: the former lead's card handed over for a project, if it is of a half-year before `periodId`. */
export async function handoverCardOf(
  db: Kysely<Database>,
  projectId: string,
  periodId: string,
): Promise<ManagementCard | null> {
  const kept = keptSchema.safeParse(await getSetting(db, HANDOVER_SETTING));
  if (!kept.success) return null;
  const card = managementCardSchema.safeParse(kept.data[projectId]);
  return card.success && card.data.periodId < periodId ? card.data : null;
}

/**
 * Department: the projects this department led and a move (부서 이관) gave to another lead, each with the first
 * half-year no longer its own and how many of this PC's documents still being written are of such half-years
 * (they can no longer be sent from here: the 작성 문서 파일 carries them to the new lead's PC).
 */
export async function movedAwayFrom(
  db: Kysely<Database>,
  catalog: Catalog,
  term: Term,
  department: string,
): Promise<{ projectId: string; projectName: string; fromPeriodId: string; to: string; drafts: number }[]> {
  const periods = listPeriods(term).map((p) => p.id);
  const moved = catalog.projects.filter(
    (p) =>
      p.leadDepartment !== department &&
      (p.formerAssignments ?? []).some((f) => f.leadDepartment === department),
  );
  if (moved.length === 0) return [];
  // Documents still being written (작성중): a document marked 제출 went out in a file before.
  const unsent = (await listDocuments(db, { department })).filter((d) => d.status === 'draft');
  return moved.flatMap((project) => {
    // The first half-year after this department's last one as lead.
    const last = (project.formerAssignments ?? []).filter((f) => f.leadDepartment === department).at(-1);
    const fromPeriodId = periods.find((p) => last !== undefined && p > last.through);
    if (fromPeriodId === undefined) return [];
    return [
      {
        projectId: project.id,
        projectName: project.name,
        fromPeriodId,
        to: leadAt(project, fromPeriodId),
        drafts: unsent.filter(
          (d) =>
            d.projectId === project.id &&
            (d.kind === 'changeRequest' ||
              (d.kind === 'managementCard' && leadAt(project, d.slot) !== department) ||
              (d.kind === 'financeRow' && !involvedAt(project, d.slot, department))),
        ).length,
      },
    ];
  });
}
