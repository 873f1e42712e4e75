import { describe, expect, it } from 'vitest';
import { EXCLUSION_NOTE_MESSAGE, FROZEN_ACCEPT_NOTE_MESSAGE } from '../../domain/api/contract';
import { UserError } from './errors';
import { officeHandlers } from './office-handlers';
import {
  basePlan,
  cardDoc,
  cardFor,
  LEAD,
  planDoc,
  request,
  useOfficeHarness,
} from './test-support/office-harness';

const h = useOfficeHarness();

async function refusal(promise: Promise<unknown>): Promise<UserError> {
  const error: unknown = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof UserError)) throw new Error(`expected a UserError, got ${String(error)}`);
  return error;
}

describe('resolveConflict: a card whose frozen fields differ from the confirmed plan', () => {
  it('needs a reason for 카드 반영 as for 카드 제외, and stores nothing without one', async () => {
    const handlers = officeHandlers(h.office);
    const plan = basePlan();
    expect(await h.send('plan', [planDoc(plan)])).toBe('accepted');
    await handlers.confirmReceivedPlan({ projectId: '1-1-1' });
    const card = { ...cardFor(plan, 'onTrack'), policyGoal: '부서가 임의로 바꾼 정책목표' };
    expect(await h.send('2019-H1', [cardDoc(card)])).toBe('accepted');

    const before = await handlers.getOfficeReport(request);
    const conflict = before.conflicts[0];
    if (conflict === undefined) throw new Error('no conflict listed');
    expect(conflict).toMatchObject({ kind: 'frozenFields', projectId: '1-1-1', department: LEAD });
    const decision = { key: conflict.key, projectId: '1-1-1', periodId: '2019-H1' };
    const stored = async () =>
      (await h.office.db.selectFrom('office_decisions').select(['decision', 'note']).execute()).map((r) => ({
        ...r,
      }));

    const accepted = await refusal(handlers.resolveConflict({ ...decision, decision: 'accepted', note: '' }));
    expect(accepted.code).toBe('CONFLICT_NOTE_REQUIRED');
    expect(accepted.message).toBe(FROZEN_ACCEPT_NOTE_MESSAGE);
    expect(accepted.message).toContain('정책목표');
    const excluded = await refusal(
      handlers.resolveConflict({ ...decision, decision: 'rejected', note: ' \n ' }),
    );
    expect(excluded.message).toBe(EXCLUSION_NOTE_MESSAGE);
    expect(await stored()).toEqual([]);
    // Still waiting for the office: listed undecided, and the exports keep warning.
    const refused = await handlers.getOfficeReport(request);
    expect(refused.conflicts[0]?.resolution).toBeNull();
    expect(refused.report.meta.undecided?.conflicts).toBe(1);

    await handlers.resolveConflict({
      ...decision,
      decision: 'accepted',
      note: '조정 승인(2019-06) 반영 전 작성',
    });
    expect(await stored()).toEqual([{ decision: 'accepted', note: '조정 승인(2019-06) 반영 전 작성' }]);
    const decided = await handlers.getOfficeReport(request);
    expect(decided.conflicts[0]).toMatchObject({
      resolution: 'accepted',
      resolutionNote: '조정 승인(2019-06) 반영 전 작성',
    });
    expect(decided.report.meta.undecided?.conflicts).toBe(0);
  });
});
