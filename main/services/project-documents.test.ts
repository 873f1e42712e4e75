import { describe, expect, it } from 'vitest';
import type { ProjectDocumentsView } from '../../domain/api/contract';
import { exampleFinanceRow } from '../../domain/documents/test-fixtures';
import type { ManagementCard } from '../../domain/documents';
import { createHandlers } from './handlers';
import { changeDoc, submittedRequest } from './test-support/change-requests';
import { officeHandlers } from './office-handlers';
import {
  basePlan,
  cardDoc,
  cardFor,
  LEAD,
  planDoc,
  sendConfirmedPlan,
  sendFromUnapprovedPc,
  useOfficeHarness,
} from './test-support/office-harness';

const h = useOfficeHarness();

/** What the list says of each document: kind, slot, department and where it comes from. */
const outline = (view: ProjectDocumentsView) =>
  view.documents.map((d) => ({
    kind: d.kind,
    slot: d.slot,
    department: d.department,
    from: d.source.kind === 'received' ? `r${d.source.revision}` : d.source.kind,
  }));

const financeDoc = (periodId: string, national: number) => {
  const row = exampleFinanceRow();
  return {
    path: `documents/finance-1-1-1-${periodId}.json`,
    json: { ...row, projectId: '1-1-1', department: LEAD, periodId, secured: { ...row.secured, national } },
  };
};

describe('받은 문서: a project as the office holds it', () => {
  it('shows the plan a department sent until the office confirms it, then the confirmed one', async () => {
    const handlers = officeHandlers(h.office);
    const sent = { ...basePlan(), policyGoal: '○ 보낸 그대로의 목표' };
    expect(await h.send('plan', [planDoc(sent)])).toBe('accepted');
    const before = await handlers.getProjectDocuments({ projectId: '1-1-1' });
    expect(outline(before)).toEqual([{ kind: 'executionPlan', slot: 'plan', department: LEAD, from: 'r1' }]);
    expect(before.documents[0]?.document).toMatchObject({ policyGoal: sent.policyGoal });

    await handlers.confirmReceivedPlan({ projectId: '1-1-1' });
    const after = await handlers.getProjectDocuments({ projectId: '1-1-1' });
    expect(outline(after)).toEqual([
      { kind: 'executionPlan', slot: 'plan', department: LEAD, from: 'confirmed' },
    ]);
    expect(after.documents[0]?.document).toMatchObject({
      policyGoal: sent.policyGoal,
      lifecycle: 'confirmed',
    });
  });

  it('lists the newest accepted revision of each card and 재정집행 현황, newest half-year first', async () => {
    const plan = await sendConfirmedPlan(h);
    expect(
      await h.send('2019-H1', [cardDoc(cardFor(plan, 'partial'), '2019-H1'), financeDoc('2019-H1', 10)]),
    ).toBe('accepted');
    // The department corrects its 2019-H1 card in a later file, then reports 2019-H2.
    expect(await h.send('2019-H1', [cardDoc(cardFor(plan, 'onTrack'), '2019-H1')])).toBe('accepted');
    expect(
      await h.send('2019-H2', [cardDoc(cardFor(plan, 'onHold'), '2019-H2'), financeDoc('2019-H2', 25)]),
    ).toBe('accepted');
    const view = await officeHandlers(h.office).getProjectDocuments({ projectId: '1-1-1' });
    expect(outline(view)).toEqual([
      { kind: 'executionPlan', slot: 'plan', department: LEAD, from: 'confirmed' },
      { kind: 'managementCard', slot: '2019-H2', department: LEAD, from: 'r4' },
      { kind: 'managementCard', slot: '2019-H1', department: LEAD, from: 'r3' },
      { kind: 'financeRow', slot: '2019-H2', department: LEAD, from: 'r4' },
      { kind: 'financeRow', slot: '2019-H1', department: LEAD, from: 'r2' },
    ]);
    const statuses = view.documents.map((d) =>
      d.kind === 'managementCard' ? (d.document as ManagementCard).status : null,
    );
    expect(statuses.filter((s) => s !== null)).toEqual(['onHold', 'onTrack']);
    expect(view.documents.at(-1)?.document).toMatchObject({ secured: { national: 10 } });
    // The card's first report stays as its history (r2, 일부추진); the others were sent once.
    const earlier = view.documents.map((d) =>
      d.earlier.map((e) => [e.revision, (e.document as ManagementCard).status ?? null]),
    );
    expect(earlier).toEqual([[], [], [[2, 'partial']], [], []]);
    expect(view.unreadable).toEqual([]);
  });

  it('lists a change request as the office records it, with its decisions', async () => {
    const handlers = officeHandlers(h.office);
    const plan = await sendConfirmedPlan(h);
    const sent = submittedRequest(plan, [
      { category: '공약내용 (최종목표 등)', original: plan.policyGoal, proposed: '○ 조정한 목표' },
    ]);
    expect(await h.send('2019-H1', [changeDoc(sent)])).toBe('accepted');
    await handlers.decideChangeRequest({
      department: LEAD,
      requestId: sent.requestId,
      status: 'reviewing',
      date: '2019-07-10',
      by: '기획담당관',
      note: '검토 시작',
    });
    const view = await handlers.getProjectDocuments({ projectId: '1-1-1' });
    expect(outline(view).at(-1)).toEqual({
      kind: 'changeRequest',
      slot: sent.requestId,
      department: LEAD,
      from: 'officeRecord',
    });
    expect(view.documents.at(-1)?.document).toMatchObject({
      decisionHistory: [{ status: 'requested' }, { status: 'reviewing', note: '검토 시작' }],
    });
  });

  it('a stored document this version cannot read is named with its problem, the rest still listed', async () => {
    const plan = await sendConfirmedPlan(h);
    expect(
      await h.send('2019-H1', [cardDoc(cardFor(plan, 'partial'), '2019-H1'), financeDoc('2019-H1', 10)]),
    ).toBe('accepted');
    // As a later version might have written it: a card of a schema this one does not know.
    await h.office.db
      .updateTable('received_documents')
      .set({ json: JSON.stringify({ kind: 'managementCard', schemaVersion: 99 }) })
      .where('kind', '=', 'managementCard')
      .execute();
    const view = await officeHandlers(h.office).getProjectDocuments({ projectId: '1-1-1' });
    expect(outline(view).map((d) => d.kind)).toEqual(['executionPlan', 'financeRow']);
    expect(view.unreadable).toEqual([
      { kind: 'managementCard', slot: '2019-H1', department: LEAD, problem: expect.stringMatching(/^r2: ./) },
    ]);
  });

  it('a file waiting in quarantine brings nothing: the report does not count it either', async () => {
    const plan = await sendConfirmedPlan(h);
    expect(await h.send('2019-H1', [cardDoc(cardFor(plan, 'partial'), '2019-H1')])).toBe('accepted');
    const waiting = await sendFromUnapprovedPc(h, '2019-H1', [cardDoc(cardFor(plan, 'dropped'), '2019-H1')]);
    expect(waiting.status).toBe('quarantined');
    const view = await officeHandlers(h.office).getProjectDocuments({ projectId: '1-1-1' });
    const cards = view.documents.filter((d) => d.kind === 'managementCard');
    expect(cards.map((d) => (d.document as ManagementCard).status)).toEqual(['partial']);
  });

  it('names a project the catalog does not hold, and is the office’s alone', async () => {
    await expect(officeHandlers(h.office).getProjectDocuments({ projectId: '9-9-9' })).rejects.toThrow(
      '공약사업 목록에 없는 사업입니다: 9-9-9',
    );
    await expect(createHandlers(h.dept).getProjectDocuments({ projectId: '1-1-1' })).rejects.toThrow();
    const nothing = await officeHandlers(h.office).getProjectDocuments({ projectId: '1-1-2' });
    expect(nothing).toEqual({ projectId: '1-1-2', documents: [], unreadable: [] });
  });
});
