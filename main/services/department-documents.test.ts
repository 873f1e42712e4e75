import { describe, expect, it } from 'vitest';
import { enroll, makeCopy } from './bundle-test-support';
import { createHandlers } from './handlers';
import { officeHandlers } from './office-handlers';
import {
  cardDoc,
  basePlan,
  cardFor,
  departmentSender,
  LEAD,
  planDoc,
  sendConfirmedPlan,
  sendFromUnapprovedPc,
  useOfficeHarness,
} from './test-support/office-harness';

const h = useOfficeHarness();

describe('받은 관리카드 모아 인쇄: the cards a department sent for a half-year', () => {
  it('gives the newest accepted revision of each card of the half-year, with when it arrived', async () => {
    const plan = await sendConfirmedPlan(h);
    expect(await h.send('2019-H1', [cardDoc(cardFor(plan, 'partial'), '2019-H1')])).toBe('accepted');
    expect(await h.send('2019-H1', [cardDoc(cardFor(plan, 'onTrack'), '2019-H1')])).toBe('accepted');
    expect(await h.send('2019-H2', [cardDoc(cardFor(plan, 'onHold'), '2019-H2')])).toBe('accepted');
    const handlers = officeHandlers(h.office);

    const first = await handlers.getDepartmentCards({ periodId: '2019-H1', department: LEAD });
    expect(first.cards.map((c) => [c.projectId, c.revision, c.card.status])).toEqual([
      ['1-1-1', 3, 'onTrack'],
    ]);
    const [row] = await h.office.db
      .selectFrom('received_documents')
      .select('received_at')
      .where('kind', '=', 'managementCard')
      .where('revision', '=', 3)
      .execute();
    expect(first.cards[0]?.receivedAt).toBe(row?.received_at);
    expect(first.unreadable).toEqual([]);

    const second = await handlers.getDepartmentCards({ periodId: '2019-H2', department: LEAD });
    expect(second.cards.map((c) => [c.revision, c.card.status, c.card.periodId])).toEqual([
      [4, 'onHold', '2019-H2'],
    ]);
    const none = await handlers.getDepartmentCards({ periodId: '2020-H1', department: LEAD });
    expect(none).toEqual({ department: LEAD, periodId: '2020-H1', cards: [], unreadable: [] });
  });

  it("without a department, gives every department's cards of the half-year in the catalog's order", async () => {
    const plan = await sendConfirmedPlan(h);
    expect(await h.send('2019-H1', [cardDoc(cardFor(plan, 'partial'), '2019-H1')])).toBe('accepted');
    const OTHER = '여성가족정책실';
    const other = await makeCopy(h.dir.path, 'other', { role: 'department', department: OTHER });
    try {
      await enroll(h.office, other);
      const sendAsOther = departmentSender(h, other, OTHER);
      const card = { ...cardFor(plan, 'onHold'), projectId: '3-2-1', department: OTHER, periodId: '2019-H1' };
      const result = await sendAsOther('2019-H1', [
        { path: 'documents/card-3-2-1-2019-H1.json', json: card },
      ]);
      expect(result?.status).toBe('accepted');
      const handlers = officeHandlers(h.office);
      const all = await handlers.getDepartmentCards({ periodId: '2019-H1' });
      expect(all.department).toBeNull();
      expect(all.cards.map((c) => [c.projectId, c.card.department, c.card.status])).toEqual([
        ['1-1-1', LEAD, 'partial'],
        ['3-2-1', OTHER, 'onHold'],
      ]);
      const one = await handlers.getDepartmentCards({ periodId: '2019-H1', department: OTHER });
      expect(one.cards.map((c) => c.projectId)).toEqual(['3-2-1']);
    } finally {
      await other.close();
    }
  });

  it('a file waiting in quarantine brings nothing, as in the report', async () => {
    const plan = await sendConfirmedPlan(h);
    expect(await h.send('2019-H1', [cardDoc(cardFor(plan, 'partial'), '2019-H1')])).toBe('accepted');
    const waiting = await sendFromUnapprovedPc(h, '2019-H1', [cardDoc(cardFor(plan, 'dropped'), '2019-H1')]);
    expect(waiting.status).toBe('quarantined');
    const view = await officeHandlers(h.office).getDepartmentCards({ periodId: '2019-H1', department: LEAD });
    expect(view.cards.map((c) => c.card.status)).toEqual(['partial']);
  });

  it('names a stored card this version cannot read instead of printing it', async () => {
    const plan = await sendConfirmedPlan(h);
    expect(await h.send('2019-H1', [cardDoc(cardFor(plan, 'partial'), '2019-H1')])).toBe('accepted');
    await h.office.db
      .updateTable('received_documents')
      .set({ json: JSON.stringify({ kind: 'managementCard', schemaVersion: 99 }) })
      .where('kind', '=', 'managementCard')
      .execute();
    const view = await officeHandlers(h.office).getDepartmentCards({ periodId: '2019-H1', department: LEAD });
    expect(view.cards).toEqual([]);
    expect(view.unreadable).toEqual([{ projectId: '1-1-1', problem: expect.stringMatching(/^r2: ./) }]);
  });

  it('refuses a department or half-year it does not know, and is the office’s alone', async () => {
    const handlers = officeHandlers(h.office);
    await expect(
      handlers.getDepartmentCards({ periodId: '2019-H1', department: '없는부서' }),
    ).rejects.toThrow('공약사업 목록에 없는 부서입니다: 없는부서');
    await expect(handlers.getDepartmentCards({ periodId: '2031-H1', department: LEAD })).rejects.toThrow(
      '임기에 없는 반기입니다: 2031-H1',
    );
    await expect(
      createHandlers(h.dept).getDepartmentCards({ periodId: '2019-H1', department: LEAD }),
    ).rejects.toThrow();
  });
});

describe('확정된 실천계획서 모아 인쇄: the plans the office confirmed', () => {
  it("gives a department's confirmed plans, or every department's, and none before the office confirms", async () => {
    const handlers = officeHandlers(h.office);
    expect(await h.send('plan', [planDoc({ ...basePlan(), policyGoal: '○ 확정할 목표' })])).toBe('accepted');
    expect(await handlers.getConfirmedPlans({ department: LEAD })).toEqual({ plans: [] });
    await handlers.confirmReceivedPlan({ projectId: '1-1-1' });
    const mine = await handlers.getConfirmedPlans({ department: LEAD });
    expect(mine.plans.map((p) => [p.projectId, p.lifecycle, p.policyGoal])).toEqual([
      ['1-1-1', 'confirmed', '○ 확정할 목표'],
    ]);
    expect((await handlers.getConfirmedPlans({})).plans.map((p) => p.projectId)).toEqual(['1-1-1']);
    expect(await handlers.getConfirmedPlans({ department: '여성가족정책실' })).toEqual({ plans: [] });
    await expect(handlers.getConfirmedPlans({ department: '없는부서' })).rejects.toThrow(
      '공약사업 목록에 없는 부서입니다: 없는부서',
    );
    await expect(createHandlers(h.dept).getConfirmedPlans({})).rejects.toThrow();
  });
});
