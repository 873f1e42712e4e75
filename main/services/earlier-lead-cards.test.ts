import { describe, expect, it } from 'vitest';
import type { ExecutionPlan, ManagementCard } from '../../domain/documents';
import { officeHandlers } from './office-handlers';
import { basePlan, cardDoc, cardFor, planDoc, useOfficeHarness } from './test-support/office-harness';

// 시민참여 실적 counts are cumulative from the term's start, so the office's totals take each project's counts as
// last reported. A lead that skipped the last two half-years is counted from its last card (read from the office's
// SQLite file only for such projects), not from its plan.

const h = useOfficeHarness();

const counted = (briefings: number) => ({
  briefings,
  surveys: 0,
  expertConsultations: 0,
  mediaReports: 0,
  other: 0,
});

function withBriefings<T extends ExecutionPlan | ManagementCard>(doc: T, briefings: number): T {
  return { ...doc, citizenParticipation: { ...doc.citizenParticipation, counts: counted(briefings) } };
}

describe('시민참여 실적 of a project whose lead has not reported for a while', () => {
  it("counts the lead's last card, then the card just before once it comes", async () => {
    const handlers = officeHandlers(h.office);
    const plan = withBriefings(basePlan(), 50);
    expect(await h.send('plan', [planDoc(plan)])).toBe('accepted');
    await handlers.confirmReceivedPlan({ projectId: plan.projectId });
    for (const [periodId, briefings, name] of [
      ['2018-H2', 3, '김처음'],
      ['2019-H1', 7, '오담당'],
    ] as const) {
      const card = withBriefings(cardFor(plan, 'onTrack'), briefings);
      card.leadContacts = [{ position: 'officer', unit: '투자창업과', name, phone: '02-2133-1005' }];
      expect(await h.send(periodId, [cardDoc(card, periodId)])).toBe('accepted');
    }

    const request = { periodId: '2020-H1', today: '2020-07-20' };
    const { report } = await handlers.getOfficeReport(request);
    const skipped = report.participation;
    expect(skipped).toMatchObject({ cardCount: 0, priorCardCount: 0, earlierCardCount: 1, planCount: 0 });
    expect(skipped.totals.briefings).toBe(7);
    // 담당자 too: as that card names them.
    const lead = report.contacts.find((r) => r.projectId === plan.projectId && r.role === 'lead');
    expect(lead).toMatchObject({ source: '2019년 상반기 관리카드' });
    expect(lead?.persons.map((p) => p.name)).toEqual(['오담당']);

    // The term's third half-year has only one half-year before the one just before it.
    const third = (await handlers.getOfficeReport({ periodId: '2019-H2', today: '2020-01-20' })).report
      .participation;
    expect(third).toMatchObject({ priorCardCount: 1, earlierCardCount: 0 });
    expect(third.totals.briefings).toBe(7);

    expect(await h.send('2019-H2', [cardDoc(withBriefings(cardFor(plan, 'onTrack'), 9), '2019-H2')])).toBe(
      'accepted',
    );
    const prior = (await handlers.getOfficeReport(request)).report.participation;
    expect(prior).toMatchObject({ cardCount: 0, priorCardCount: 1, earlierCardCount: 0 });
    expect(prior.totals.briefings).toBe(9);
  });

  it('counts the plan while the lead has sent no card at all', async () => {
    const handlers = officeHandlers(h.office);
    const plan = withBriefings(basePlan(), 50);
    expect(await h.send('plan', [planDoc(plan)])).toBe('accepted');
    await handlers.confirmReceivedPlan({ projectId: plan.projectId });
    const none = (await handlers.getOfficeReport({ periodId: '2020-H1', today: '2020-07-20' })).report
      .participation;
    expect(none).toMatchObject({ earlierCardCount: 0, planCount: 1 });
    expect(none.totals.briefings).toBe(50);
  });
});
