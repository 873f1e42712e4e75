import { describe, expect, it } from 'vitest';
import { decisionHistory, recordDecision } from '../../db/office-decisions';
import { officeCardDecisions } from './card-decisions';
import { officeHandlers } from './office-handlers';
import { loadCatalog, loadTerm } from './reference';
import {
  basePlan,
  cardDoc,
  cardFor,
  planDoc,
  request,
  statusOf,
  useOfficeHarness,
  sendConfirmedPlan,
} from './test-support/office-harness';

const h = useOfficeHarness();

/** The plan confirmed, its 2019-H1 card reporting 완료, and the office's acceptance of that 완료. */
async function completionAcceptedIn2019H1(handlers: ReturnType<typeof officeHandlers>) {
  const plan = await sendConfirmedPlan(h);
  expect(await h.send('2019-H1', [cardDoc(cardFor(plan, 'completed'), '2019-H1')])).toBe('accepted');
  await handlers.decideCompletion({
    projectId: '1-1-1',
    periodId: '2019-H1',
    decision: 'accepted',
    note: '',
  });
  return plan;
}

describe('completion decisions', () => {
  it('an accepted 완료 carries over only while every later card reports 완료: after an interruption it is asked again', async () => {
    const handlers = officeHandlers(h.office);
    const plan = await completionAcceptedIn2019H1(handlers);
    // 2019-H2: the department reports 일부추진 (the 완료 no longer holds).
    expect(await h.send('2019-H2', [cardDoc(cardFor(plan, 'partial'), '2019-H2')])).toBe('accepted');
    // 2020-H1: it reports 완료 again, with new evidence.
    const again = cardFor(plan, 'completed');
    again.completionEvidence = { summary: '새 근거 (재완료)', attachments: [] };
    expect(await h.send('2020-H1', [cardDoc(again, '2020-H1')])).toBe('accepted');

    const view = await handlers.getOfficeReport({ periodId: '2020-H1', today: '2020-07-20' });
    expect(view.completionRequests[0]).toMatchObject({
      evidence: '새 근거 (재완료)',
      decision: null,
      decidedForPeriodId: null,
    });
    expect(view.report.meta.undecided?.completionRequests).toBe(1);
    // Counted as 완료 while it waits, and marked as waiting.
    expect(statusOf(view)?.completed).toBe(1);
    expect(view.report.statusTables.total.completedUndecided).toBe(1);
    // The half-year in between keeps its own card; the accepted half-year keeps its decision.
    const between = await handlers.getOfficeReport({ periodId: '2019-H2', today: '2020-01-20' });
    expect(statusOf(between)?.partial).toBe(1);
    expect(between.completionRequests).toEqual([]);
    const first = await handlers.getOfficeReport({ periodId: '2019-H1', today: '2019-07-20' });
    expect(first.completionRequests[0]).toMatchObject({
      decision: 'accepted',
      decidedForPeriodId: '2019-H1',
    });

    // Accepted anew for 2020-H1, it carries over to 2020-H2 (still 완료).
    await handlers.decideCompletion({
      projectId: '1-1-1',
      periodId: '2020-H1',
      decision: 'accepted',
      note: '',
    });
    expect(await h.send('2020-H2', [cardDoc(again, '2020-H2')])).toBe('accepted');
    const next = await handlers.getOfficeReport({ periodId: '2020-H2', today: '2021-01-20' });
    expect(next.completionRequests[0]).toMatchObject({ decision: 'accepted', decidedForPeriodId: '2020-H1' });
    expect(next.report.meta.undecided?.completionRequests).toBe(0);
  });

  it('이행 후 계속 추진 is asked and decided as 완료 is: it waits counted as reported, 반려 counts it 정상추진', async () => {
    const handlers = officeHandlers(h.office);
    const plan = await sendConfirmedPlan(h);
    const continuing = cardFor(plan, 'continuing');
    continuing.completionEvidence = { summary: '조례 제정 후 매년 공모 반복 (2019.3.~)', attachments: [] };
    expect(await h.send('2019-H1', [cardDoc(continuing, '2019-H1')])).toBe('accepted');

    const asked = await handlers.getOfficeReport(request);
    expect(asked.completionRequests).toEqual([
      expect.objectContaining({
        projectId: '1-1-1',
        status: 'continuing',
        evidence: '조례 제정 후 매년 공모 반복 (2019.3.~)',
        decision: null,
      }),
    ]);
    expect(asked.report.meta.undecided?.completionRequests).toBe(1);
    expect(statusOf(asked)?.continuing).toBe(1);
    expect(asked.report.statusTables.total).toMatchObject({ completedUndecided: 0, continuingUndecided: 1 });
    expect(asked.report.finance.completionUndecided).toEqual(['1-1-1']);

    await handlers.decideCompletion({
      projectId: '1-1-1',
      periodId: '2019-H1',
      decision: 'rejected',
      note: '반복 추진 근거가 없습니다',
    });
    const rejected = await handlers.getOfficeReport(request);
    expect(statusOf(rejected)).toMatchObject({ continuing: 0, onTrack: 1 });
    expect(rejected.report.statusTables.total.continuingUndecided).toBe(0);
    expect(rejected.report.finance.completionUndecided).toEqual([]);

    // The decision changed to 승인: counted as reported, nothing waits.
    await handlers.decideCompletion({
      projectId: '1-1-1',
      periodId: '2019-H1',
      decision: 'accepted',
      note: '',
    });
    const accepted = await handlers.getOfficeReport(request);
    expect(statusOf(accepted)).toMatchObject({ continuing: 1, onTrack: 0 });
    expect(accepted.report.meta.undecided?.completionRequests).toBe(0);
    // Carried over while the cards since still report the goal reached (완료 or 이행 후 계속 추진).
    expect(await h.send('2019-H2', [cardDoc(cardFor(plan, 'completed'), '2019-H2')])).toBe('accepted');
    const next = await handlers.getOfficeReport({ periodId: '2019-H2', today: '2020-01-20' });
    expect(next.completionRequests[0]).toMatchObject({
      status: 'completed',
      decision: 'accepted',
      decidedForPeriodId: '2019-H1',
    });
  });

  it('a half-year without a card does not interrupt an accepted 완료', async () => {
    const handlers = officeHandlers(h.office);
    const plan = await completionAcceptedIn2019H1(handlers);
    // Nothing sent for 2019-H2.
    expect(await h.send('2020-H1', [cardDoc(cardFor(plan, 'completed'), '2020-H1')])).toBe('accepted');
    const view = await handlers.getOfficeReport({ periodId: '2020-H1', today: '2020-07-20' });
    expect(view.completionRequests[0]).toMatchObject({ decision: 'accepted', decidedForPeriodId: '2019-H1' });
    expect(view.report.meta.undecided?.completionRequests).toBe(0);
  });

  /** The plan (r1) confirmed, and a 2019-H1 완료 card with this 완료 근거 (r2). */
  const askedWith = async (summary: string) => {
    const plan = basePlan();
    await h.send('plan', [planDoc(plan)]);
    await officeHandlers(h.office).confirmReceivedPlan({ projectId: '1-1-1' });
    const card = cardFor(plan, 'completed');
    card.completionEvidence = { summary, attachments: [] };
    expect(await h.send('2019-H1', [cardDoc(card)])).toBe('accepted');
    return { plan, card };
  };

  it('a card re-sent with new evidence after a 반려 waits for the office again; the 반려 stays in the history', async () => {
    const handlers = officeHandlers(h.office);
    const { card } = await askedWith('근거 부족');
    await handlers.decideCompletion({
      projectId: '1-1-1',
      periodId: '2019-H1',
      decision: 'rejected',
      note: '증빙 보완 후 다시 제출하세요',
    });
    const rejected = await handlers.getOfficeReport(request);
    expect(rejected.completionRequests[0]).toMatchObject({
      cardRevision: 2,
      decision: 'rejected',
      supersededDecision: null,
    });
    expect(statusOf(rejected)?.onTrack).toBe(1);

    // The same half-year's card again (r3), with the evidence asked for.
    const supplemented = {
      ...card,
      completionEvidence: { summary: '조례 공포 2019.6.30 (보완)', attachments: [] },
    };
    expect(await h.send('2019-H1', [cardDoc(supplemented)])).toBe('accepted');
    const resent = await handlers.getOfficeReport(request);
    expect(resent.completionRequests[0]).toMatchObject({
      evidence: '조례 공포 2019.6.30 (보완)',
      cardRevision: 3,
      decision: null,
      decisionNote: null,
      decidedForPeriodId: null,
      supersededDecision: { decision: 'rejected', note: '증빙 보완 후 다시 제출하세요', cardRevision: 2 },
    });
    expect(resent.report.meta.undecided?.completionRequests).toBe(1);
    // Counted as 완료 while it waits, and marked as waiting (no longer 정상추진).
    expect(statusOf(resent)?.completed).toBe(1);
    expect(statusOf(resent)?.onTrack).toBe(0);
    expect(resent.report.statusTables.total.completedUndecided).toBe(1);
    const history = await h.office.db
      .selectFrom('office_decisions')
      .select(['decision', 'card_revision'])
      .where('kind', '=', 'completion')
      .execute();
    expect(history).toEqual([{ decision: 'rejected', card_revision: 2 }]);

    // Decided on r3, it holds.
    await handlers.decideCompletion({
      projectId: '1-1-1',
      periodId: '2019-H1',
      decision: 'accepted',
      note: '',
      cardBundleSha256: resent.completionRequests[0]!.cardBundleSha256!,
    });
    const accepted = await handlers.getOfficeReport(request);
    expect(accepted.completionRequests[0]).toMatchObject({ decision: 'accepted', supersededDecision: null });
    expect(accepted.report.meta.undecided?.completionRequests).toBe(0);
  });

  it('a 반려 holds for the same card sent again unchanged (a bundle re-sent for another reason)', async () => {
    const handlers = officeHandlers(h.office);
    const { card } = await askedWith('근거 부족');
    await handlers.decideCompletion({
      projectId: '1-1-1',
      periodId: '2019-H1',
      decision: 'rejected',
      note: '증빙 보완 후 다시 제출하세요',
    });
    expect(await h.send('2019-H1', [cardDoc(card)])).toBe('accepted');
    const view = await handlers.getOfficeReport(request);
    expect(view.completionRequests[0]).toMatchObject({
      cardRevision: 3,
      decision: 'rejected',
      supersededDecision: null,
    });
    expect(statusOf(view)?.onTrack).toBe(1);
    expect(view.report.meta.undecided?.completionRequests).toBe(0);
  });

  it('an acceptance holds for a later revision with the same 완료 근거, not for one with a different 완료 근거', async () => {
    const handlers = officeHandlers(h.office);
    const { card } = await askedWith('조례 제정·공포 2019.3.28');
    await handlers.decideCompletion({
      projectId: '1-1-1',
      periodId: '2019-H1',
      decision: 'accepted',
      note: '',
    });
    // r3: the card updated elsewhere (its 협조사항), the 완료 request unchanged.
    const updated = { ...card, cooperation: '행정안전부 협의 완료' };
    expect(await h.send('2019-H1', [cardDoc(updated)])).toBe('accepted');
    const kept = await handlers.getOfficeReport(request);
    expect(kept.completionRequests[0]).toMatchObject({ cardRevision: 3, decision: 'accepted' });
    expect(kept.report.meta.undecided?.completionRequests).toBe(0);
    // The 2019-H2 card still reports 완료: the acceptance carries over.
    expect(await h.send('2019-H2', [cardDoc(updated, '2019-H2')])).toBe('accepted');
    const carried = await handlers.getOfficeReport({ periodId: '2019-H2', today: '2020-01-20' });
    expect(carried.completionRequests[0]).toMatchObject({
      decision: 'accepted',
      decidedForPeriodId: '2019-H1',
    });

    // r5: 2019-H1 re-sent with another 완료 근거: asked again, and nothing accepted carries over to 2019-H2.
    const other = { ...updated, completionEvidence: { summary: '다른 근거', attachments: [] } };
    expect(await h.send('2019-H1', [cardDoc(other)])).toBe('accepted');
    const asked = await handlers.getOfficeReport(request);
    expect(asked.completionRequests[0]).toMatchObject({
      cardRevision: 5,
      decision: null,
      supersededDecision: { decision: 'accepted', cardRevision: 2 },
    });
    expect(asked.report.statusTables.total.completedUndecided).toBe(1);
    const next = await handlers.getOfficeReport({ periodId: '2019-H2', today: '2020-01-20' });
    expect(next.completionRequests[0]).toMatchObject({ decision: null, supersededDecision: null });
  });

  it('a decision is recorded on the card the office was shown, even when a later one arrived meanwhile', async () => {
    const handlers = officeHandlers(h.office);
    const { card } = await askedWith('근거 부족');
    const shown = (await handlers.getOfficeReport(request)).completionRequests[0]!;
    expect(shown.cardRevision).toBe(2);
    // r3 arrives before the office decides on what it saw (r2).
    const supplemented = { ...card, completionEvidence: { summary: '보완한 근거', attachments: [] } };
    expect(await h.send('2019-H1', [cardDoc(supplemented)])).toBe('accepted');
    await handlers.decideCompletion({
      projectId: '1-1-1',
      periodId: '2019-H1',
      decision: 'rejected',
      note: '근거 부족',
      cardBundleSha256: shown.cardBundleSha256!,
    });
    const view = await handlers.getOfficeReport(request);
    expect(view.completionRequests[0]).toMatchObject({
      cardRevision: 3,
      decision: null,
      supersededDecision: { decision: 'rejected', cardRevision: 2 },
    });
    await expect(
      handlers.decideCompletion({
        projectId: '1-1-1',
        periodId: '2019-H1',
        decision: 'accepted',
        note: '',
        cardBundleSha256: 'f'.repeat(64),
      }),
    ).rejects.toThrow('찾지 못했습니다');
  });

  it('a decision recorded before the card was (no card in its row) is taken as made on the card received by then', async () => {
    const handlers = officeHandlers(h.office);
    const { card } = await askedWith('근거 부족');
    // As migration 0012 leaves a row recorded before it.
    await recordDecision(
      h.office.db,
      {
        kind: 'completion',
        subject: '1-1-1:2019-H1',
        projectId: '1-1-1',
        periodId: '2019-H1',
        decision: 'rejected',
        note: '증빙 보완',
      },
      h.office.now(),
    );
    const before = await handlers.getOfficeReport(request);
    expect(before.completionRequests[0]).toMatchObject({ decision: 'rejected', supersededDecision: null });
    // The next revision arrives a day later (the office's clock is fixed in these tests).
    const dayLater = new Date(h.office.now().getTime() + 86_400_000);
    Object.assign(h.office, { now: () => dayLater });
    const supplemented = { ...card, completionEvidence: { summary: '보완한 근거', attachments: [] } };
    expect(await h.send('2019-H1', [cardDoc(supplemented)])).toBe('accepted');
    const after = await handlers.getOfficeReport(request);
    expect(after.completionRequests[0]).toMatchObject({
      decision: null,
      supersededDecision: { decision: 'rejected', cardRevision: null },
    });
  });

  it('a decision without a 완료 request (no card, or a card reporting something else) is refused and nothing is recorded', async () => {
    const handlers = officeHandlers(h.office);
    const decide = (decision: 'accepted' | 'rejected', cardBundleSha256?: string) =>
      handlers.decideCompletion({
        projectId: '1-1-1',
        periodId: '2019-H1',
        decision,
        note: '',
        ...(cardBundleSha256 === undefined ? {} : { cardBundleSha256 }),
      });
    const decisions = () => h.office.db.selectFrom('office_decisions').select('subject').execute();
    const plan = await sendConfirmedPlan(h);

    await expect(decide('accepted')).rejects.toMatchObject({
      code: 'COMPLETION_NOT_REQUESTED',
      message: '1-1-1의 2019년 상반기 관리카드를 주관부서에서 받지 않아 완료를 결정할 수 없습니다.',
    });
    expect(await h.send('2019-H1', [cardDoc(cardFor(plan, 'partial'))])).toBe('accepted');
    await expect(decide('rejected')).rejects.toMatchObject({
      code: 'COMPLETION_NOT_REQUESTED',
      message: expect.stringContaining('완료나 이행 후 계속 추진을 보고하지 않았습니다 (추진상황: 일부추진)'),
    });
    expect(await decisions()).toEqual([]);
    // Had an acceptance been kept, the 완료 sent afterwards would count as accepted without the office seeing it.
    expect(await h.send('2019-H1', [cardDoc(cardFor(plan, 'completed'))])).toBe('accepted');
    const asked = await handlers.getOfficeReport(request);
    expect(asked.completionRequests[0]).toMatchObject({ decision: null });
    expect(asked.report.meta.undecided?.completionRequests).toBe(1);

    // The card the office was shown is what it decides on: a 완료 shown, then withdrawn by a later card, can still be
    // decided (as made on the card shown); one shown that never asked for 완료 cannot.
    const shown = asked.completionRequests[0]!.cardBundleSha256!;
    expect(await h.send('2019-H1', [cardDoc(cardFor(plan, 'onTrack'))])).toBe('accepted');
    await expect(decide('accepted')).rejects.toThrow('추진상황: 정상추진');
    await decide('rejected', shown);
    expect(await decisions()).toEqual([{ subject: '1-1-1:2019-H1' }]);
  });

  describe('결정 취소: a decision taken back waits for the office again, as before any decision', () => {
    /** What the tables and the request say, and the card decisions the 기준 자료 would carry. */
    const observed = async (handlers: ReturnType<typeof officeHandlers>) => {
      const view = await handlers.getOfficeReport(request);
      const carried = await officeCardDecisions(
        h.office.db,
        await loadCatalog(h.office.db),
        await loadTerm(h.office.db),
        'x',
      );
      return {
        view,
        tables: view.report.statusTables,
        undecided: view.report.meta.undecided?.completionRequests,
        carried: carried.decisions,
      };
    };

    for (const decision of ['accepted', 'rejected'] as const) {
      it(`${decision === 'accepted' ? '승인' : '반려'} → 결정 취소: 결정 대기 again, the counts as before the decision, the history keeps all three entries`, async () => {
        const handlers = officeHandlers(h.office);
        await askedWith('조례 공포 2019.6.30');
        const before = await observed(handlers);
        expect(before.view.completionRequests[0]).toMatchObject({ decision: null, withdrawnDecision: null });
        expect(before.undecided).toBe(1);
        expect(statusOf(before.view)?.completed).toBe(1);
        expect(before.tables.total.completedUndecided).toBe(1);
        expect(before.carried).toEqual([]);

        const note = decision === 'rejected' ? '증빙 보완 후 다시 제출하세요' : '';
        await handlers.decideCompletion({ projectId: '1-1-1', periodId: '2019-H1', decision, note });
        const decided = await observed(handlers);
        expect(decided.view.completionRequests[0]).toMatchObject({ decision, decidedForPeriodId: '2019-H1' });
        expect(decided.undecided).toBe(0);
        expect(decided.tables.total.completedUndecided).toBe(0);
        expect(decided.carried.map((d) => d.kind)).toEqual([
          decision === 'accepted' ? 'completionAccepted' : 'completionRejected',
        ]);
        if (decision === 'rejected') expect(statusOf(decided.view)?.onTrack).toBe(1);

        expect(
          await handlers.withdrawCompletionDecision({
            projectId: '1-1-1',
            periodId: '2019-H1',
            note: '잘못 눌렀음',
          }),
        ).toEqual({ projectId: '1-1-1', withdrawn: decision });
        const undone = await observed(handlers);
        expect(undone.view.completionRequests[0]).toMatchObject({
          decision: null,
          decisionNote: null,
          decidedAt: null,
          decidedForPeriodId: null,
          supersededDecision: null,
          withdrawnDecision: { decision, note, withdrawalNote: '잘못 눌렀음' },
        });
        expect(undone.undecided).toBe(1);
        // The status tables (every grouping, with 결정 대기) are as they were before any decision.
        expect(undone.tables).toEqual(before.tables);
        expect(undone.view.report.meta.undecided).toEqual(before.view.report.meta.undecided);
        // The department is carried no decision on the card.
        expect(undone.carried).toEqual([]);

        const history = await decisionHistory(h.office.db, 'completion', '1-1-1:2019-H1');
        expect(history.map((r) => [r.decision, r.note])).toEqual([
          [decision, note],
          ['withdrawn', '잘못 눌렀음'],
        ]);
        expect(Date.parse(history[1]!.decidedAt)).not.toBeNaN();

        // Nothing left to take back: refused, nothing recorded.
        await expect(
          handlers.withdrawCompletionDecision({ projectId: '1-1-1', periodId: '2019-H1', note: '' }),
        ).rejects.toMatchObject({ code: 'COMPLETION_NOT_DECIDED' });
        // Decided again, the history keeps all three entries and the new decision counts.
        await handlers.decideCompletion({
          projectId: '1-1-1',
          periodId: '2019-H1',
          decision: 'accepted',
          note: '다시 승인',
        });
        const again = await observed(handlers);
        expect(again.view.completionRequests[0]).toMatchObject({
          decision: 'accepted',
          decisionNote: '다시 승인',
          withdrawnDecision: null,
        });
        expect(again.carried.map((d) => d.kind)).toEqual(['completionAccepted']);
        expect(
          (await decisionHistory(h.office.db, 'completion', '1-1-1:2019-H1')).map((r) => r.decision),
        ).toEqual([decision, 'withdrawn', 'accepted']);
      });
    }

    it('an acceptance carried over from an earlier half-year is taken back in its own half-year, not in a later one', async () => {
      const handlers = officeHandlers(h.office);
      const plan = await completionAcceptedIn2019H1(handlers);
      expect(await h.send('2019-H2', [cardDoc(cardFor(plan, 'completed'), '2019-H2')])).toBe('accepted');
      await expect(
        handlers.withdrawCompletionDecision({ projectId: '1-1-1', periodId: '2019-H2', note: '' }),
      ).rejects.toMatchObject({ code: 'COMPLETION_DECIDED_EARLIER' });
      await handlers.withdrawCompletionDecision({ projectId: '1-1-1', periodId: '2019-H1', note: '' });
      // Taken back in 2019-H1, nothing carries over: both half-years wait for the office.
      const later = await handlers.getOfficeReport({ periodId: '2019-H2', today: '2020-01-20' });
      expect(later.completionRequests[0]).toMatchObject({ decision: null, decidedForPeriodId: null });
      expect(later.report.meta.undecided?.completionRequests).toBe(1);
    });
  });
});
