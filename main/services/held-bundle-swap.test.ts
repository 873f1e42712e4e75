// The office makes a held same-revision bundle count instead of the accepted one (held-bundle-swap.ts).
import { describe, expect, it } from 'vitest';
import { sha256Hex, privateKeyOf, signSubmission } from './bundle-test-support';
import { bundleHandlers } from './bundle-handlers';
import { importBundleInputs } from './bundle-import';
import { UserError } from './errors';
import { swapMakesLate } from '../../domain/reports/held-swap';
import { officeHandlers } from './office-handlers';
import {
  basePlan,
  cardDoc,
  cardFor,
  direct,
  LEAD,
  planDoc,
  request,
  statusOf,
  useOfficeHarness,
} from './test-support/office-harness';

const h = useOfficeHarness();

/** The department's plan (r1, confirmed by the office), then two different r2 cards from two PCs. */
async function twoSecondRevisions() {
  const plan = basePlan();
  await h.send('plan', [planDoc(plan)]);
  await officeHandlers(h.office).confirmReceivedPlan({ projectId: '1-1-1' });
  const r1 = h.lastSha;
  const sign = async (status: 'partial' | 'onHold') =>
    signSubmission(await privateKeyOf(h.dept), {
      department: LEAD,
      period: '2019-H1',
      revision: 2,
      previousBundleSha256: r1,
      documents: [cardDoc(cardFor(plan, status))],
    });
  const first = await sign('partial');
  const second = await sign('onHold');
  const [a] = await importBundleInputs(h.office, [{ name: 'pc-a.pledge', bytes: first }], direct);
  const [b] = await importBundleInputs(h.office, [{ name: 'pc-b.pledge', bytes: second }], direct);
  expect([a?.status, b?.status]).toEqual(['accepted', 'held']);
  h.revision = 2;
  return { plan, r1, first, second, firstSha: sha256Hex(first), secondSha: sha256Hex(second) };
}

/** Everything the swap writes, to show a refused swap changed nothing. */
async function tables() {
  const db = h.office.db;
  return {
    bundles: await db.selectFrom('bundles').selectAll().orderBy('sha256').execute(),
    files: await db.selectFrom('bundle_files').select('sha256').orderBy('sha256').execute(),
    held: await db.selectFrom('held_bundles').selectAll().orderBy('sha256').execute(),
    documents: await db.selectFrom('received_documents').selectAll().orderBy('bundle_sha256').execute(),
    chain: await db.selectFrom('department_chain').selectAll().execute(),
    decisions: await db.selectFrom('office_decisions').selectAll().orderBy('id').execute(),
  };
}

async function refusal(promise: Promise<unknown>): Promise<UserError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof UserError)) throw new Error(`expected a UserError, got ${String(error)}`);
  return error;
}

describe('swapping a held same-revision bundle in', () => {
  it('asks first when the held bundle arrived after the deadline and the counted one in time: the swap makes it 지연', async () => {
    const plan = basePlan();
    const at = (iso: string) => {
      h.office.now = () => new Date(iso);
    };
    at('2019-07-10T10:00:00+09:00');
    await h.send('plan', [planDoc(plan)]);
    await officeHandlers(h.office).confirmReceivedPlan({ projectId: '1-1-1' });
    const sign = async (status: 'partial' | 'onHold') =>
      signSubmission(await privateKeyOf(h.dept), {
        department: LEAD,
        period: '2019-H1',
        revision: 2,
        previousBundleSha256: h.lastSha,
        documents: [cardDoc(cardFor(plan, status))],
      });
    const onTime = await sign('partial');
    const late = await sign('onHold');
    at('2019-07-14T17:00:00+09:00');
    await importBundleInputs(h.office, [{ name: 'pc-a.pledge', bytes: onTime }], direct);
    at('2019-07-20T10:00:00+09:00');
    const [held] = await importBundleInputs(h.office, [{ name: 'pc-b.pledge', bytes: late }], direct);
    expect(held?.status).toBe('held');

    const office = officeHandlers(h.office);
    const lateCount = async () =>
      (await office.getOfficeReport(request)).report.submissions.departments.find(
        (d) => d.department === LEAD,
      )?.lateCount;
    const before = await office.getOfficeReport(request);
    const conflict = before.conflicts.find((c) => c.kind === 'sameRevision');
    if (conflict === undefined) throw new Error('no same-revision conflict');
    expect(before.report.meta.dueDate).toBe('2019-07-15');
    expect(swapMakesLate(conflict, before.report.meta.dueDate)).toBe(
      `보류한 제출 파일은 2019-07-20 10:00에 받아 제출 기한(2019-07-15) 뒤입니다. 바꾸면 제출 현황에서 ${LEAD}의 이 회차 제출이 '지연'으로 바뀝니다. 바꿀까요?`,
    );
    expect(await lateCount()).toBe(0);
    // What the question says is what happens.
    await bundleHandlers(h.office, direct).swapHeldBundle({ sha256: sha256Hex(late), note: '' });
    expect(await lateCount()).toBeGreaterThan(0);
    // Swapped back, the on-time bundle counts again; swapping to it is not asked about.
    const after = await office.getOfficeReport(request);
    const back = after.conflicts.find((c) => c.kind === 'sameRevision' && c.heldSha256 === sha256Hex(onTime));
    if (back === undefined) throw new Error('no conflict for the bundle held after the swap');
    expect(swapMakesLate(back, after.report.meta.dueDate)).toBeNull();
  });

  it('the held card counts instead, the other is held in its place, and the choice can be reversed', async () => {
    const { first, second, firstSha, secondSha } = await twoSecondRevisions();
    const office = officeHandlers(h.office);
    const bundles = bundleHandlers(h.office, direct);
    const before = await office.getOfficeReport(request);
    expect(statusOf(before)).toMatchObject({ partial: 1, onHold: 0 });
    const heldImportedAt = (
      await h.office.db.selectFrom('held_bundles').select('imported_at').executeTakeFirstOrThrow()
    ).imported_at;

    const swapped = await bundles.swapHeldBundle({ sha256: secondSha, note: '부서 확인: 두 번째 PC가 맞음' });
    expect(swapped).toEqual({ accepted: secondSha, held: firstSha, department: LEAD, revision: 2 });

    const after = await office.getOfficeReport(request);
    expect(statusOf(after)).toMatchObject({ partial: 0, onHold: 1 });
    const conflicts = after.conflicts.filter((c) => c.kind === 'sameRevision');
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({ heldSha256: firstSha, resolution: 'rejected' });
    expect(conflicts[0]?.message).toContain('보류했던 제출 파일로 바꿔 반영');
    // 제출 현황 lists the bundle that counts, with the time it first arrived.
    const submitted = after.report.submissions.departments.find((d) => d.department === LEAD)?.bundles ?? [];
    expect(submitted.map((b) => b.bundleSha256)).toEqual([secondSha]);

    const db = h.office.db;
    const accepted = await db
      .selectFrom('bundles')
      .selectAll()
      .where('sha256', '=', secondSha)
      .executeTakeFirst();
    expect(accepted).toMatchObject({ status: 'accepted', revision: 2, imported_at: heldImportedAt });
    const heldNow = await db.selectFrom('held_bundles').selectAll().execute();
    expect(heldNow.map((r) => [r.sha256, r.conflicts_with])).toEqual([[firstSha, secondSha]]);
    expect(heldNow[0]?.bytes.equals(first)).toBe(true);
    const stored = await db.selectFrom('bundle_files').select(['sha256', 'bytes']).execute();
    expect(stored.find((f) => f.sha256 === secondSha)?.bytes.equals(second)).toBe(true);
    expect(stored.some((f) => f.sha256 === firstSha)).toBe(false);
    const documents = await db.selectFrom('received_documents').select('bundle_sha256').execute();
    expect(documents.filter((d) => d.bundle_sha256 === firstSha)).toEqual([]);
    expect(documents.filter((d) => d.bundle_sha256 === secondSha)).toHaveLength(1);
    expect(await db.selectFrom('department_chain').selectAll().execute()).toMatchObject([
      { department: LEAD, last_revision: 2, last_bundle_sha256: secondSha },
    ]);
    const decisions = await db.selectFrom('office_decisions').selectAll().orderBy('id').execute();
    expect(decisions.map((d) => [d.subject, d.decision, d.note])).toEqual([
      [`same-revision:${secondSha}`, 'accepted', '부서 확인: 두 번째 PC가 맞음'],
      [`same-revision:${firstSha}`, 'rejected', '부서 확인: 두 번째 PC가 맞음'],
    ]);

    // Reversed: the first bundle counts again.
    await bundles.swapHeldBundle({ sha256: firstSha, note: '' });
    const back = await office.getOfficeReport(request);
    expect(statusOf(back)).toMatchObject({ partial: 1, onHold: 0 });
    const backConflicts = back.conflicts.filter((c) => c.kind === 'sameRevision');
    expect(backConflicts.map((c) => [c.heldSha256, c.resolution])).toEqual([[secondSha, 'rejected']]);
    expect(backConflicts[0]?.message).toContain('보류했던 제출 파일로 바꿔 반영');
  });

  it("after the swap the department continues from the swapped-in bundle's PC; a later revision ends the choice", async () => {
    const { plan, firstSha, secondSha } = await twoSecondRevisions();
    const bundles = bundleHandlers(h.office, direct);
    await bundles.swapHeldBundle({ sha256: secondSha, note: '' });
    const r3From = async (previous: string) =>
      signSubmission(await privateKeyOf(h.dept), {
        department: LEAD,
        period: '2019-H1',
        revision: 3,
        previousBundleSha256: previous,
        documents: [cardDoc(cardFor(plan, 'onTrack'))],
      });
    const [fromFirstPc] = await importBundleInputs(
      h.office,
      [{ name: 'pc-a-r3.pledge', bytes: await r3From(firstSha) }],
      direct,
    );
    expect(fromFirstPc).toMatchObject({ status: 'rejected', code: 'CHAIN_FORK' });
    const [fromSecondPc] = await importBundleInputs(
      h.office,
      [{ name: 'pc-b-r3.pledge', bytes: await r3From(secondSha) }],
      direct,
    );
    expect(fromSecondPc).toMatchObject({ status: 'accepted', revision: 3 });

    const unchanged = await tables();
    const late = await refusal(bundles.swapHeldBundle({ sha256: firstSha, note: '' }));
    expect(late.code).toBe('HELD_SUPERSEDED');
    expect(late.message).toContain('r3까지');
    expect(await tables()).toEqual(unchanged);
    // The conflict says so before anyone tries: no swap is offered any more.
    const conflict = (await officeHandlers(h.office).getOfficeReport(request)).conflicts.find(
      (c) => c.kind === 'sameRevision',
    );
    expect(conflict?.laterRevision).toBe(3);
    expect(conflict?.details.join('\n')).toContain(
      '부서가 그 뒤 r3까지 보냈으므로 이제 보류한 제출 파일로 바꿀 수 없습니다',
    );
  });

  it('names the held file a decision covers: its half-year, revision, documents and projects', async () => {
    const { secondSha } = await twoSecondRevisions();
    const view = await officeHandlers(h.office).getOfficeReport(request);
    const conflict = view.conflicts.find((c) => c.kind === 'sameRevision');
    expect(conflict?.heldSha256).toBe(secondSha);
    // The held r2 carries one card, for 1-1-1; the file's own half-year, not the report's only by chance.
    expect(conflict?.heldFile).toEqual({ period: '2019-H1', revision: 2, documents: 1, projects: 1 });
  });

  it('while no later revision came, the swap is offered', async () => {
    await twoSecondRevisions();
    const conflict = (await officeHandlers(h.office).getOfficeReport(request)).conflicts.find(
      (c) => c.kind === 'sameRevision',
    );
    expect(conflict).toBeDefined();
    expect(conflict?.laterRevision).toBeUndefined();
    expect(conflict?.details.join('\n')).toContain("'보류한 제출 파일로 바꾸기'를 고르세요");
  });

  it('a held bundle whose key was revoked since is verified again and refused; nothing changes', async () => {
    const { secondSha } = await twoSecondRevisions();
    const bundles = bundleHandlers(h.office, direct);
    const { key_id: keyId } = await h.office.db
      .selectFrom('key_registry')
      .select('key_id')
      .where('department', '=', LEAD)
      .executeTakeFirstOrThrow();
    await bundles.revokeKey({ keyId, department: LEAD });
    const unchanged = await tables();
    const refused = await refusal(bundles.swapHeldBundle({ sha256: secondSha, note: '' }));
    expect(refused.code).toBe('HELD_NOT_VERIFIED');
    expect(refused.message).toContain('다시 검사했더니');
    expect(await tables()).toEqual(unchanged);

    const missing = await refusal(bundles.swapHeldBundle({ sha256: 'f'.repeat(64), note: '' }));
    expect(missing.code).toBe('HELD_NOT_FOUND');
  });
});
