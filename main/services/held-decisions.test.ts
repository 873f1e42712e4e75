import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeadlineView, Handlers, SentBundleView } from '../../domain/api/contract';
import type { ExecutionPlan, ManagementCard } from '../../domain/documents';
import { saveDocument } from '../../db/documents';
import { makeTempDir } from '../../db/test/temp-dir';
import { applyBaseline, BASELINE_PATHS, exportBaseline } from './baseline';
import { bundleHandlers } from './bundle-handlers';
import { exportBundle } from './bundle-export';
import { importBundles } from './bundle-import';
import { dumpDatabase, enroll, makeCopy } from './bundle-test-support';
import { directVerifier, officeKeySnapshot } from './bundle-verify';
import { createAppContext, type AppContext } from './context';
import { dispatch } from './dispatch';
import { createHandlers } from './handlers';
import { exportEnrollment, importEnrollment } from './key-service';
import { heldDecisionsSchema } from './held-decisions';
import { officeHandlers } from './office-handlers';
import { handMadeBaseline } from './test-support/hand-made-baseline';
import { basePlan, cardFor, LEAD } from './test-support/office-harness';

// A department copied to a second PC sends two different files with one revision; the office counts the first,
// holds the second and decides. The decision travels back in the 기준 자료 to both PCs. Real copies (the second a
// copy of the first's folders), real keys, real files.

const MEMO = '부서 확인: 첫 PC 파일이 최종본';
const direct = { verifier: directVerifier };

let dir: ReturnType<typeof makeTempDir>;
let office: AppContext;
let pcA: AppContext;
let pcB: AppContext;
let officeNow: Date;

const openCopy = (name: string): Promise<AppContext> =>
  createAppContext({
    profileDir: join(dir.path, name, 'profile'),
    dataDirOverride: join(dir.path, name, 'data'),
    mode: 'cli',
    appVersion: '0.1.0',
    now: () => new Date('2019-07-05T01:00:00Z'),
  });

const plan: ExecutionPlan = { ...basePlan(), lifecycle: 'confirmed' };

beforeEach(async () => {
  dir = makeTempDir('pledge-held-decisions-');
  officeNow = new Date('2019-03-04T01:00:00Z');
  office = await makeCopy(dir.path, 'office', { role: 'office' }, () => officeNow);
  const first = await makeCopy(dir.path, 'pc-a', { role: 'department', department: LEAD });
  await enroll(office, first);
  await importEnrollment(first, (await exportEnrollment(office)).text);
  // The office's confirmed plan, applied on the department's PC before it is copied to a second one.
  await saveDocument(
    office.db,
    {
      kind: 'executionPlan',
      projectId: plan.projectId,
      slot: 'plan',
      department: LEAD,
      json: plan,
      status: 'confirmed',
      reason: 'confirm',
      allowFrozen: true,
    },
    officeNow,
  );
  await applyBaseline(first, { path: (await exportBaseline(office)).path }, direct);
  await first.close();
  cpSync(join(dir.path, 'pc-a'), join(dir.path, 'pc-b'), { recursive: true });
  pcA = await openCopy('pc-a');
  pcB = await openCopy('pc-b');
});
afterEach(async () => {
  await office.close();
  await pcA.close();
  await pcB.close();
  dir.remove();
});

async function call<T>(api: Handlers, name: string, input: unknown = {}): Promise<T> {
  const result = await dispatch(api, name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

/** The PC writes its 2019-H1 card of 1-1-1 as its form saves it, and makes its submission file. */
async function cardFileFrom(pc: AppContext, status: ManagementCard['status']) {
  const api = createHandlers(pc);
  const ref = { kind: 'managementCard', projectId: plan.projectId, slot: '2019-H1' } as const;
  const opened = await call<{ version: number | null }>(api, 'openDocument', ref);
  const card = { ...cardFor(plan, status), periodId: '2019-H1' };
  await call(api, 'saveDraft', { ...ref, json: card, expectedVersion: opened.version ?? null });
  return exportBundle(pc, { period: '2019-H1' });
}

async function applyNewBaseline(...pcs: AppContext[]) {
  const made = await exportBaseline(office);
  const applied = [];
  for (const pc of pcs) applied.push(await applyBaseline(pc, { path: made.path }, direct));
  return { made, applied };
}

const receiptOn = async (pc: AppContext, sha256: string) =>
  (await call<SentBundleView[]>(createHandlers(pc), 'listSentBundles')).find((s) => s.sha256 === sha256)
    ?.receipt;

const members = async (path: string, pc: AppContext): Promise<string[]> => {
  const check = await directVerifier(readFileSync(path), await officeKeySnapshot(pc), 'pledge-baseline');
  if (!check.ok) throw new Error(check.message);
  return check.documents.map((d) => d.path);
};

describe('the office decision on a held same-revision file, carried back in the 기준 자료', () => {
  it('reaches the PC that made the held file, with the memo, and follows a swap to the other PC', async () => {
    const fromA = await cardFileFrom(pcA, 'onTrack');
    const fromB = await cardFileFrom(pcB, 'partial');
    expect(fromB.revision).toBe(fromA.revision);
    officeNow = new Date('2019-07-10T01:00:00Z');
    const [a] = await importBundles(office, [fromA.path], undefined, direct);
    const [b] = await importBundles(office, [fromB.path], undefined, direct);
    expect([a?.status, b?.status]).toEqual(['accepted', 'held']);

    // Not decided yet: held, to ask the office about; the package has no decision member.
    const undecided = await applyNewBaseline(pcA, pcB);
    expect(undecided.made.heldDecisions).toBe(0);
    expect(await members(undecided.made.path, pcB)).not.toContain(BASELINE_PATHS.heldDecisions);
    expect(await receiptOn(pcB, fromB.sha256)).toMatchObject({ state: 'held', keptOther: null });

    // The office keeps the counted file, with a memo.
    officeNow = new Date('2019-07-25T00:00:00Z');
    const handlers = officeHandlers(office);
    const report = await handlers.getOfficeReport({ periodId: '2019-H1', today: '2019-07-25' });
    const conflict = report.conflicts.find((c) => c.kind === 'sameRevision');
    if (conflict === undefined) throw new Error('no same-revision conflict listed');
    await handlers.resolveConflict({
      key: conflict.key,
      projectId: conflict.projectId,
      periodId: '2019-H1',
      decision: 'rejected',
      note: MEMO,
    });
    const kept = await applyNewBaseline(pcA, pcB);
    expect(kept.made.heldDecisions).toBe(1);
    expect(await members(kept.made.path, pcB)).toContain(BASELINE_PATHS.heldDecisions);
    expect(kept.applied.map((r) => r.heldDecisions)).toEqual([1, 1]);
    expect(await receiptOn(pcB, fromB.sha256)).toEqual({
      asOf: '2019-07-25T00:00:00.000Z',
      state: 'held',
      receivedAt: '2019-07-10T01:00:00.000Z',
      keptOther: { decidedAt: '2019-07-25T00:00:00.000Z', note: MEMO, countedMadeHere: false },
    });
    expect((await receiptOn(pcA, fromA.sha256))?.state).toBe('accepted');
    // The desk's 제출 파일 line says it too.
    const desk = await call<DeadlineView>(createHandlers(pcB), 'getDeadlines', { today: '2019-07-10' });
    expect(desk.lastSent?.receipt).toMatchObject({ state: 'held', keptOther: { note: MEMO } });

    // Swapped: B's file counts, A's is held, and A's PC is told so.
    officeNow = new Date('2019-07-26T00:00:00Z');
    await bundleHandlers(office, direct).swapHeldBundle({ sha256: fromB.sha256, note: '' });
    const swapped = await applyNewBaseline(pcA, pcB);
    expect(swapped.made.heldDecisions).toBe(1);
    expect(await receiptOn(pcB, fromB.sha256)).toMatchObject({ state: 'accepted' });
    expect(await receiptOn(pcA, fromA.sha256)).toEqual({
      asOf: '2019-07-26T00:00:00.000Z',
      state: 'held',
      receivedAt: '2019-07-10T01:00:00.000Z',
      keptOther: {
        decidedAt: '2019-07-26T00:00:00.000Z',
        note: `보류한 제출 파일(SHA-256 ${fromB.sha256.slice(0, 12)}…)로 바꿈`,
        countedMadeHere: false,
      },
    });
  });

  it('a package whose held-file decisions are malformed is refused, and nothing of it is applied', async () => {
    const malformed = {
      asOf: '2019-07-25T00:00:00.000Z',
      decisions: [
        { department: LEAD, period: '2019-H1', revision: 1, sha256: 'f'.repeat(64), kept: 'other' },
      ],
    };
    expect(heldDecisionsSchema.safeParse(malformed).success).toBe(false);
    const bytes = await handMadeBaseline(office, [{ path: BASELINE_PATHS.heldDecisions, json: malformed }], {
      revision: 7,
    });
    const before = await dumpDatabase(pcB);
    await expect(applyBaseline(pcB, { name: 'b.pledge', bytes }, direct)).rejects.toThrow(
      `기준 자료의 보류 제출 파일 결정 내역(${BASELINE_PATHS.heldDecisions})이 올바르지 않습니다.`,
    );
    expect(await dumpDatabase(pcB)).toEqual(before);
  });
});
