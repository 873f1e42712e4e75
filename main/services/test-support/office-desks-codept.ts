import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { recordNextSentBundle } from '../../../db/bundles';
import { writeBundle } from '../../bundles';
import { documentMemberPath } from '../bundle-content';
import { nextChainLink } from '../chain-resume';
import type { AppContext } from '../context';
import { loadSigningKey } from '../key-service';
import { createHandlers } from '../handlers';
import { officeHandlers } from '../office-handlers';
import { type DeskSet, openDeskSet, playStep } from './office-desks';
import type { Step } from './random-office';
import { CO_NOTES, type CoDeptOffice, type CoStep } from './random-office-codept';

/**
 * Plays a CoDeptOffice (random-office-codept.ts) on the desk set of office-desks.ts: the office's steps as that
 * file plays them, and the co-department's own cards and the office's decisions on them.
 *
 * The department app lets a co-department write only its finance row, so its card is made as the browser test makes
 * one ("another tool", signed with the department's own key file): a bundle of that card alone, signed with the
 * co-department copy's key, taking the next revision of that copy's chain. The copy records it among the files it
 * sent (as its export would), so its own next file follows on from it and the office's chain check holds. The office
 * imports it like any file (with its 접수일 when imported later) and asks what the import says of it (its notes:
 * 충돌, late documents), and decides the conflict from its 충돌 list, as the 종합 현황 screen does.
 */

export const isCoStep = (step: Step | CoStep): step is CoStep =>
  step.kind === 'sendCoCard' || step.kind === 'decideCoCard';

/** What an import said of a co-department card's file: its undecided 충돌 and its documents counted late. */
export interface CoCardNote {
  at: string;
  periodId: string;
  conflicts: number;
  late: number;
}

export async function sendCoCard(
  set: DeskSet,
  step: Extract<CoStep, { kind: 'sendCoCard' }>,
): Promise<CoCardNote> {
  set.setClocks(step.at, step.importedAt);
  const desk: AppContext = set.deskOf(step.department);
  const period = step.card.periodId;
  const { key, privateKeyPem } = await loadSigningKey(desk);
  const link = await nextChainLink(desk.db);
  const createdAt = desk.now().toISOString();
  const bytes = await writeBundle({
    manifestFields: {
      type: 'pledge-submission',
      appVersion: desk.appVersion,
      department: step.department,
      period,
      createdAt,
      revision: link.revision,
      previousBundleSha256: link.previousSha256,
    },
    documents: [{ path: documentMemberPath(step.card, period), json: step.card }],
    attachments: [],
    privateKeyPem,
  });
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const folder = join(desk.dataDir, 'other-tool');
  mkdirSync(folder, { recursive: true });
  const path = join(folder, `co-card-${period}-r${link.revision}.pledge`);
  const recorded = await recordNextSentBundle(
    desk.db,
    {
      type: 'pledge-submission',
      revision: link.revision,
      sha256,
      previousSha256: link.previousSha256,
      department: step.department,
      keyId: key.keyId,
      period,
      documentCount: 1,
      path,
      createdAt,
    },
    link.follows,
    () => {
      writeFileSync(path, bytes);
      return path;
    },
    (p) => rmSync(p, { force: true }),
  );
  if (!recorded.recorded)
    throw new Error(`${step.department}: the co-department card's file was not recorded`);
  const receivedOn = step.importedAt !== undefined ? step.at.slice(0, 10) : undefined;
  await set.imported(path, 'accepted', `${step.department} ${period} 협조부서 관리카드`, receivedOn);
  // What the import then says of the file (as the screen asks once the results are shown).
  const notes = await createHandlers(set.office).getImportNotes({ sha256s: [sha256] });
  const note = notes.find((n) => n.sha256 === sha256);
  return { at: step.at, periodId: period, conflicts: note?.conflicts ?? 0, late: note?.late?.documents ?? 0 };
}

export async function decideCoCard(
  set: DeskSet,
  step: Extract<CoStep, { kind: 'decideCoCard' }>,
): Promise<void> {
  set.setClocks(step.at);
  const handlers = officeHandlers(set.office);
  const view = await handlers.getOfficeReport({ periodId: step.periodId, today: step.at.slice(0, 10) });
  const listed = view.conflicts.find(
    (c) =>
      c.kind === 'coDepartmentCard' && c.projectId === step.projectId && c.department === step.department,
  );
  if (listed === undefined)
    throw new Error(`${step.projectId} ${step.periodId}: no co-department card conflict to decide`);
  await handlers.resolveConflict({
    key: listed.key,
    projectId: step.projectId,
    periodId: step.periodId,
    decision: step.decision,
    note: CO_NOTES[step.decision],
  });
}

/** Also plays another office with co-department cards (random-office-participation.ts): its departments and steps. */
export async function playCoDeptOffice(
  root: string,
  scenario: Pick<CoDeptOffice, 'behaviours' | 'steps'>,
): Promise<{ office: AppContext; notes: CoCardNote[]; close(): Promise<void> }> {
  const set = await openDeskSet(root, scenario.behaviours.keys());
  const notes: CoCardNote[] = [];
  try {
    for (const step of scenario.steps) {
      if (!isCoStep(step)) await playStep(set, step);
      else if (step.kind === 'sendCoCard') notes.push(await sendCoCard(set, step));
      else await decideCoCard(set, step);
    }
  } catch (error) {
    await set.close();
    throw error;
  }
  return { office: set.office, notes, close: () => set.close() };
}
