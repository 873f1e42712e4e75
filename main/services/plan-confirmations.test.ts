import { afterEach, describe, expect, it } from 'vitest';
import type { ExecutionPlan } from '../../domain/documents';
import { importBundleInputs } from './bundle-import';
import { enroll, makeCopy, privateKeyOf, sha256Hex, signSubmission } from './bundle-test-support';
import type { AppContext } from './context';
import { officeHandlers } from './office-handlers';
import { keptPlanMatches } from './snapshot-cache';
import { openCopies } from './test-support/open-copies';
import {
  basePlan,
  cardDoc,
  cardFor,
  direct,
  LEAD,
  planDoc,
  request,
  useOfficeHarness,
} from './test-support/office-harness';
import { listPlanConfirmations } from './plan-confirmations';
import { loadCatalog } from './reference';

const h = useOfficeHarness();
const copies = openCopies();
afterEach(() => copies.closeAll());

/** The department's plan bundles to an office copy, one revision after another, each checked to be accepted. */
function planSender(office: AppContext): (json: ExecutionPlan) => Promise<void> {
  let previous: string | null = null;
  let revision = 0;
  return async (json) => {
    revision += 1;
    const bytes = await signSubmission(await privateKeyOf(h.dept), {
      department: LEAD,
      period: 'plan',
      revision,
      previousBundleSha256: previous,
      documents: [planDoc(json)],
    });
    const [result] = await importBundleInputs(office, [{ name: `p${revision}.pledge`, bytes }], direct);
    expect(result?.status).toBe('accepted');
    previous = sha256Hex(bytes);
  };
}

describe('confirming practice plans (실천계획서 확정)', () => {
  const planOf = async (projectId: string) =>
    (await officeHandlers(h.office).listPlanConfirmations()).find((p) => p.projectId === projectId);

  it('lists each project with the plan received and its confirmation, and confirms selected plans', async () => {
    const handlers = officeHandlers(h.office);
    const all = await handlers.listPlanConfirmations();
    expect(all).toHaveLength(238);
    expect(all.every((p) => p.state === 'notReceived')).toBe(true);

    const plan = basePlan();
    await h.send('plan', [planDoc(plan)]);
    expect(await planOf('1-1-1')).toMatchObject({
      state: 'awaiting',
      leadDepartment: LEAD,
      received: { revision: 1, bundleSha256: h.lastSha },
      confirmed: null,
    });
    expect((await handlers.getOfficeReport(request)).report.finance.rowCount).toBe(0);

    expect(await handlers.confirmReceivedPlans({ projectIds: ['1-1-1', '1-1-1'] })).toEqual({
      confirmed: ['1-1-1'],
      approvedKept: [],
    });
    expect(await planOf('1-1-1')).toMatchObject({ state: 'confirmed', confirmed: { version: 1 } });
    expect((await handlers.getOfficeReport(request)).report.finance.rowCount).toBe(1);

    // The same plan sent again: nothing new to confirm. A changed one: the office sees it.
    await h.send('plan', [planDoc(plan)]);
    expect((await planOf('1-1-1'))?.state).toBe('confirmed');
    await h.send('plan', [planDoc({ ...plan, policyGoal: '부서가 고쳐 보낸 정책목표' })]);
    expect(await planOf('1-1-1')).toMatchObject({ state: 'newerReceived', received: { revision: 3 } });
    await handlers.confirmReceivedPlans({ projectIds: ['1-1-1'] });
    expect(await planOf('1-1-1')).toMatchObject({ state: 'confirmed', confirmed: { version: 2 } });
  });

  it('names the frozen items a plan re-sent after the confirmation would change, and only those', async () => {
    const handlers = officeHandlers(h.office);
    const planOf = async (id: string) =>
      (await handlers.listPlanConfirmations()).find((p) => p.projectId === id);
    const plan = basePlan();
    await h.send('plan', [planDoc(plan)]);
    await handlers.confirmReceivedPlans({ projectIds: ['1-1-1'] });
    const [first, ...others] = plan.unitProjects;
    if (first === undefined) throw new Error('the example plan has a unit');
    // Contacts and 투자수요 are not frozen: a plan changing only them is new, with nothing frozen changed.
    await h.send('plan', [
      planDoc({ ...plan, leadContacts: plan.leadContacts.map((c) => ({ ...c, phone: '02-2133-0000' })) }),
    ]);
    expect(await planOf('1-1-1')).toMatchObject({ state: 'newerReceived', frozenChanged: [] });
    // 정책목표 and one unit's 연차별 추진계획 rewritten (추후 임의변경불가): both named, the unit by its name.
    const rewritten: ExecutionPlan = {
      ...plan,
      policyGoal: '부서가 확정 뒤에 고쳐 보낸 정책목표',
      unitProjects: [{ ...first, schedule: { ...first.schedule, '2019-H1': '일정을 늦춰 착수' } }, ...others],
    };
    await h.send('plan', [planDoc(rewritten)]);
    expect(await planOf('1-1-1')).toMatchObject({
      state: 'newerReceived',
      frozenChanged: ['정책목표', `연차별 추진계획 (${first.name})`],
    });
    // Once confirmed, nothing waits and nothing is named.
    await handlers.confirmReceivedPlans({ projectIds: ['1-1-1'] });
    expect(await planOf('1-1-1')).toMatchObject({ state: 'confirmed', frozenChanged: [] });
  });

  it('with the clock moving: a plan received before the confirmation is confirmed, one received after is new', async () => {
    let clock = new Date('2018-09-18T09:00:00Z');
    const timed = await makeCopy(h.dir.path, 'timed-office', { role: 'office' }, () => clock);
    try {
      await enroll(timed, h.dept);
      const plan = basePlan();
      const sendPlan = planSender(timed);
      await sendPlan(plan);
      const handlers = officeHandlers(timed);
      const stateNow = async () =>
        (await handlers.listPlanConfirmations()).find((p) => p.projectId === '1-1-1')?.state;
      clock = new Date('2018-11-30T09:00:00Z');
      await handlers.confirmReceivedPlans({ projectIds: ['1-1-1'] });
      expect(await stateNow()).toBe('confirmed');
      clock = new Date('2019-01-10T09:00:00Z');
      await sendPlan({ ...plan, policyGoal: '확정 뒤에 고쳐 보낸 정책목표' });
      expect(await stateNow()).toBe('newerReceived');
    } finally {
      await timed.close();
    }
  });

  it('keeps each comparison of a received plan between lists, and a kept answer is what a fresh read gives', async () => {
    let clock = new Date('2018-09-18T09:00:00Z');
    const timed = await makeCopy(h.dir.path, 'kept-office', { role: 'office' }, () => clock);
    try {
      await enroll(timed, h.dept);
      const plan = basePlan();
      const sendPlan = planSender(timed);
      const handlers = officeHandlers(timed);
      /** The state on this copy (answers kept) and on a copy opened anew on the same folder (nothing kept). */
      const states = async () => {
        const kept = (await handlers.listPlanConfirmations()).find((p) => p.projectId === '1-1-1')?.state;
        const fresh = await copies.copyAt(timed.dataDir);
        const anew = (await officeHandlers(fresh).listPlanConfirmations()).find(
          (p) => p.projectId === '1-1-1',
        )?.state;
        await fresh.close();
        copies.open.splice(0);
        return { kept, anew };
      };
      await sendPlan(plan);
      clock = new Date('2018-11-30T09:00:00Z');
      await handlers.confirmReceivedPlans({ projectIds: ['1-1-1'] });
      // The same plan sent again after the confirmation: compared once, then the answer is kept.
      clock = new Date('2019-01-10T09:00:00Z');
      await sendPlan(plan);
      expect(await states()).toEqual({ kept: 'confirmed', anew: 'confirmed' });
      expect([...keptPlanMatches(timed.db).values()]).toEqual([true]);
      expect(await states()).toEqual({ kept: 'confirmed', anew: 'confirmed' });
      // A changed plan is a new row: compared, not found among the versions.
      clock = new Date('2019-02-10T09:00:00Z');
      await sendPlan({ ...plan, policyGoal: '확정 뒤에 고쳐 보낸 정책목표' });
      expect(await states()).toEqual({ kept: 'newerReceived', anew: 'newerReceived' });
      // Confirmed again: a new version of the office's document, so the kept "no" no longer applies.
      clock = new Date('2019-03-10T09:00:00Z');
      await handlers.confirmReceivedPlans({ projectIds: ['1-1-1'] });
      clock = new Date('2019-03-11T09:00:00Z');
      expect(await states()).toEqual({ kept: 'confirmed', anew: 'confirmed' });
    } finally {
      await timed.close();
    }
  });

  it('keeps the whole list while nothing it reads was written, and reads it anew after a write by another copy', async () => {
    const catalog = await loadCatalog(h.office.db);
    const list = () => listPlanConfirmations(h.office.db, catalog);
    const plan = basePlan();
    await h.send('plan', [planDoc(plan)]);
    const before = await list();
    expect(before.find((p) => p.projectId === '1-1-1')?.state).toBe('awaiting');
    // A 완료 decision and a card received write no plan, no change request and no reference data: the same list.
    await h.send('2019-H1', [cardDoc(cardFor(plan, 'completed'))]);
    await officeHandlers(h.office).decideCompletion({
      projectId: '1-1-1',
      periodId: '2019-H1',
      decision: 'accepted',
      note: '',
    });
    expect(await list()).toBe(before);
    // Another copy of the app on the same folder (the CLI, say) confirms the plan: this copy's next list sees it.
    const other = await copies.copyAt(h.office.dataDir);
    expect(await officeHandlers(other).confirmReceivedPlans({ projectIds: ['1-1-1'] })).toMatchObject({
      confirmed: ['1-1-1'],
    });
    const after = await list();
    expect(after).not.toBe(before);
    expect(after.find((p) => p.projectId === '1-1-1')).toMatchObject({
      state: 'confirmed',
      confirmed: { version: 1 },
    });
  });

  it('confirms all or none: a project without a received plan is named and nothing is confirmed', async () => {
    const handlers = officeHandlers(h.office);
    await h.send('plan', [planDoc(basePlan())]);
    const before = await h.office.db.selectFrom('documents').selectAll().execute();
    await expect(handlers.confirmReceivedPlans({ projectIds: ['1-1-1', '1-1-2'] })).rejects.toThrow(
      /1-1-2.*받지 않았습니다/,
    );
    expect(await h.office.db.selectFrom('documents').selectAll().execute()).toEqual(before);
    expect((await planOf('1-1-1'))?.state).toBe('awaiting');
  });
});
