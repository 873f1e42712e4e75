import { describe, expect, it } from 'vitest';
import { EXCLUSION_NOTE_MESSAGE, FROZEN_ACCEPT_NOTE_MESSAGE } from '../../domain/api/contract';
import { recordDecision } from '../../db/office-decisions';
import { UserError } from './errors';
import { officeHandlers } from './office-handlers';
import {
  basePlan,
  cardDoc,
  cardFor,
  LEAD,
  planDoc,
  request,
  sendConfirmedPlan,
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

  it('decides only a conflict the half-year lists now: not one before its card came, nor one a later card cleared', async () => {
    const handlers = officeHandlers(h.office);
    const plan = await sendConfirmedPlan(h);
    const decision = {
      key: `frozen:1-1-1:2019-H1:${LEAD}`,
      projectId: '1-1-1',
      periodId: '2019-H1',
      decision: 'accepted' as const,
      note: '조정 승인 반영 전 작성',
    };
    const stored = () => h.office.db.selectFrom('office_decisions').select('subject').execute();
    const notListed = '1-1-1의 2019년 상반기 충돌 목록에 이 충돌이 없습니다';

    // No card yet: a 카드 반영 kept now would let the differing card count unseen when it came.
    const early = await refusal(handlers.resolveConflict(decision));
    expect(early.code).toBe('CONFLICT_NOT_LISTED');
    expect(early.message).toContain(notListed);
    expect(await stored()).toEqual([]);

    const card = { ...cardFor(plan, 'onTrack'), policyGoal: '부서가 임의로 바꾼 정책목표' };
    expect(await h.send('2019-H1', [cardDoc(card)])).toBe('accepted');
    const listed = (await handlers.getOfficeReport(request)).conflicts;
    expect(listed.map((c) => c.key)).toEqual([decision.key]);
    expect((await handlers.getOfficeReport(request)).report.meta.undecided?.conflicts).toBe(1);

    // The department corrects its card before the office decides: nothing is left to decide.
    expect(await h.send('2019-H1', [cardDoc(cardFor(plan, 'onTrack'))])).toBe('accepted');
    expect((await refusal(handlers.resolveConflict(decision))).message).toContain(notListed);
    expect(await stored()).toEqual([]);

    // Listed again (the card differs again): decided as before.
    expect(await h.send('2019-H1', [cardDoc(card)])).toBe('accepted');
    await handlers.resolveConflict(decision);
    expect(await stored()).toEqual([{ subject: decision.key }]);
    expect((await handlers.getOfficeReport(request)).conflicts[0]?.resolution).toBe('accepted');
  });

  it('a decision holds while the card differs in the ways decided on: other differences wait for the office again', async () => {
    const handlers = officeHandlers(h.office);
    const plan = await sendConfirmedPlan(h);
    const differing = (policyGoal: string) => cardDoc({ ...cardFor(plan, 'onTrack'), policyGoal });
    const conflict = async () => {
      const view = await handlers.getOfficeReport(request);
      return { ...view.conflicts[0], undecided: view.report.meta.undecided?.conflicts };
    };
    const key = `frozen:1-1-1:2019-H1:${LEAD}`;
    const exclude = {
      key,
      projectId: '1-1-1',
      periodId: '2019-H1',
      decision: 'rejected' as const,
      note: '정책목표 임의 변경',
    };

    expect(await h.send('2019-H1', [differing('부서가 바꾼 정책목표 A')])).toBe('accepted');
    await handlers.resolveConflict(exclude);
    expect(await conflict()).toMatchObject({ resolution: 'rejected', undecided: 0 });
    expect((await handlers.getOfficeReport(request)).report.projects[0]?.status).toBe('notSubmitted');

    // Re-sent with 추진실적 updated and the same 정책목표: the same differences, still excluded.
    expect(
      await h.send('2019-H1', [
        cardDoc({ ...cardFor(plan, 'partial'), policyGoal: '부서가 바꾼 정책목표 A' }),
      ]),
    ).toBe('accepted');
    expect(await conflict()).toMatchObject({ resolution: 'rejected', undecided: 0 });

    // Another 정책목표: a difference the office has not seen, waiting (and counted, as every undecided card is).
    expect(await h.send('2019-H1', [differing('부서가 바꾼 정책목표 B')])).toBe('accepted');
    const waiting = await conflict();
    expect(waiting).toMatchObject({
      key,
      resolution: null,
      undecided: 1,
      earlierResolution: { decision: 'rejected', note: '정책목표 임의 변경' },
    });
    expect(waiting.details?.join('\n')).toContain('정책목표 B');
    expect((await handlers.getOfficeReport(request)).report.projects[0]?.status).toBe('onTrack');

    // Back to the difference decided on: the decision holds again.
    expect(await h.send('2019-H1', [differing('부서가 바꾼 정책목표 A')])).toBe('accepted');
    const again = await conflict();
    expect(again).toMatchObject({ resolution: 'rejected', undecided: 0 });
    expect(again.earlierResolution).toBeUndefined();
  });

  it('a decision recorded before decisions kept their basis holds whatever the card differs in, as it did', async () => {
    const handlers = officeHandlers(h.office);
    const plan = await sendConfirmedPlan(h);
    const card = (policyGoal: string) => cardDoc({ ...cardFor(plan, 'onTrack'), policyGoal });
    expect(await h.send('2019-H1', [card('부서가 바꾼 정책목표 A')])).toBe('accepted');
    // As migration 0015 leaves a row recorded before it (no basis).
    await recordDecision(
      h.office.db,
      {
        kind: 'conflict',
        subject: `frozen:1-1-1:2019-H1:${LEAD}`,
        projectId: '1-1-1',
        periodId: '2019-H1',
        decision: 'accepted',
        note: '조정 승인 반영 전 작성',
      },
      h.office.now(),
    );
    expect(await h.send('2019-H1', [card('부서가 바꾼 정책목표 B')])).toBe('accepted');
    expect((await handlers.getOfficeReport(request)).conflicts[0]?.resolution).toBe('accepted');
  });
});
