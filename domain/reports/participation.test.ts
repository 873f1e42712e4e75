// 시민참여 실적 is counted from the term's start on each card, so the office's totals take each project's counts as
// last reported: the half-year's card, else the card of the half-year just before, else the lead's last card of an
// earlier half-year, else the confirmed plan. Cards not sent for a while do not take a project's earlier activities
// out of the city's totals.
import { describe, expect, it } from 'vitest';
import { PARTICIPATION_COUNT_KEYS, type ParticipationCountKey } from '../documents';
import { buildOfficeReport } from './build-report';
import { participationSourcesNote } from './labels';
import { catalog, emptyInput, makeCard, makePlan, project } from './test-fixtures';

type Counts = Partial<Record<ParticipationCountKey, number>>;

const sum = (counts: readonly Counts[]): number =>
  counts.reduce((n, c) => n + PARTICIPATION_COUNT_KEYS.reduce((m, k) => m + (c[k] ?? 0), 0), 0);

describe('시민참여 실적: each project as last reported', () => {
  // 1-1-1 sends its 2019-H1 card; 1-1-2 sent 2018-H2 only; 1-1-3 has only its confirmed plan; 1-1-4 has nothing.
  const sent: Counts = { briefings: 4, surveys: 1 };
  const priorOnly: Counts = { mediaReports: 5, expertConsultations: 2 };
  const planOnly: Counts = { other: 3, briefings: 1 };
  const planOfSent: Counts = { briefings: 1 };

  const [p1, p2, p3] = (['1-1-1', '1-1-2', '1-1-3'] as const).map((id) => makePlan(project(id)));
  if (p1 === undefined || p2 === undefined || p3 === undefined) throw new Error('plans');
  p1.citizenParticipation.counts = { ...p1.citizenParticipation.counts, ...planOfSent };
  p3.citizenParticipation.counts = { ...p3.citizenParticipation.counts, ...planOnly };
  p3.citizenParticipation.activities = [
    { description: '더깊은변화위원회 개최', count: 3, dates: ['2018-09'] },
  ];
  const card1 = makeCard(p1, '2019-H1', { participation: sent });
  const prior2 = makeCard(p2, '2018-H2', { participation: priorOnly });
  // The earlier card of a project that did send this half-year is not added on top of it.
  const prior1 = makeCard(p1, '2018-H2', { participation: { briefings: 99 } });

  const input = {
    ...emptyInput('2019-H1'),
    plans: [p1, p2, p3],
    cards: [card1],
    priorCards: [prior1, prior2],
  };
  const { participation } = buildOfficeReport(input);

  it('sums the half-year card, the card just before and the plan, each project once', () => {
    expect(participation.totals.total).toBe(sum([sent, priorOnly, planOnly]));
    for (const k of PARTICIPATION_COUNT_KEYS)
      expect(participation.totals[k], k).toBe((sent[k] ?? 0) + (priorOnly[k] ?? 0) + (planOnly[k] ?? 0));
    expect(participation.byArea.find((a) => a.areaId === 1)?.counts.total).toBe(participation.totals.total);
  });

  it('counts where each project was counted from and names it under the table', () => {
    const catalogSize = input.catalog.projects.length;
    expect(participation).toMatchObject({ cardCount: 1, priorCardCount: 1, planCount: 1 });
    expect(participation.unreportedCount).toBe(catalogSize - 3);
    expect(participation.activityCount).toBe(1);
    expect(participationSourcesNote(participation)).toBe(
      '사업마다 마지막으로 보고된 누적 횟수의 합계입니다: 이번 반기 관리카드 1건, 이번 반기 카드가 없어 직전 반기 ' +
        `관리카드 1건, 관리카드가 없어 확정된 실천계획서 1건 (활동 1건). 실적을 하나도 받지 못한 사업 ${catalogSize - 3}개는 빠져 있습니다.`,
    );
  });

  it('says only the half-year cards when every project sent one', () => {
    const note = participationSourcesNote({
      ...participation,
      priorCardCount: 0,
      planCount: 0,
      unreportedCount: 0,
    });
    expect(note).toBe(
      '사업마다 마지막으로 보고된 누적 횟수의 합계입니다: 이번 반기 관리카드 1건 (활동 1건).',
    );
  });

  it("without the card just before (the term's first half-year), falls back to the plan", () => {
    const first = buildOfficeReport({
      ...emptyInput('2018-H2'),
      plans: [p3],
      cards: [],
    }).participation;
    expect(first).toMatchObject({ cardCount: 0, priorCardCount: 0, planCount: 1 });
    expect(first.totals.total).toBe(sum([planOnly]));
  });
});

describe('시민참여 실적: a lead that has not reported for two half-years or more', () => {
  // Report 2020-H1: 1-1-1 last reported in 2019-H1 (after 2018-H2), 1-1-2 in 2018-H2; neither sent 2019-H2's or
  // 2020-H1's card. 1-1-3 sent 2019-H2's, so its older card is not looked at.
  const [p1, p2, p3] = (['1-1-1', '1-1-2', '1-1-3'] as const).map((id) => makePlan(project(id)));
  if (p1 === undefined || p2 === undefined || p3 === undefined) throw new Error('plans');
  p1.citizenParticipation.counts = { ...p1.citizenParticipation.counts, briefings: 50 };
  const latest1: Counts = { briefings: 7, surveys: 2 };
  const older1: Counts = { briefings: 3 };
  const last2: Counts = { mediaReports: 4 };
  const prior3: Counts = { other: 6 };
  const input = {
    ...emptyInput('2020-H1'),
    plans: [p1, p2, p3],
    priorCards: [makeCard(p3, '2019-H2', { participation: prior3 })],
    earlierCards: [
      makeCard(p1, '2018-H2', { participation: older1 }),
      makeCard(p1, '2019-H1', { participation: latest1 }),
      makeCard(p2, '2018-H2', { participation: last2 }),
      makeCard(p3, '2018-H2', { participation: { briefings: 99 } }),
    ],
  };
  const { participation } = buildOfficeReport(input);

  it("counts each one's last card, not its plan nor an older card", () => {
    expect(participation.totals.total).toBe(sum([latest1, last2, prior3]));
    for (const k of PARTICIPATION_COUNT_KEYS)
      expect(participation.totals[k], k).toBe((latest1[k] ?? 0) + (last2[k] ?? 0) + (prior3[k] ?? 0));
    expect(participation).toMatchObject({
      cardCount: 0,
      priorCardCount: 1,
      earlierCardCount: 2,
      planCount: 0,
    });
  });

  it('says so under the table', () => {
    expect(participationSourcesNote(participation)).toContain(
      '이번·직전 반기 카드가 없어 그 전 반기의 마지막 관리카드 2건',
    );
  });

  it("leaves out another department's card and one of the half-year just before", () => {
    const { participation: other } = buildOfficeReport({
      ...emptyInput('2020-H1'),
      plans: [p1],
      earlierCards: [
        makeCard(p1, '2019-H1', { participation: { briefings: 8 }, department: '다른부서' }),
        // The half-year just before is priorCards' (here: none), not an earlier one.
        makeCard(p1, '2019-H2', { participation: { briefings: 9 } }),
      ],
    });
    expect(other).toMatchObject({ earlierCardCount: 0, planCount: 1 });
    expect(other.totals.briefings).toBe(50);
  });
});

describe('시민참여 실적 and 담당자 of a project moved to another lead (부서 이관)', () => {
  // 1-1-1 was 옛부서's through 2019-H1; its new lead has sent no card of 2019-H2 or 2020-H1.
  const FORMER = '옛부서';
  const moved = {
    ...catalog,
    projects: catalog.projects.map((p) =>
      p.id === '1-1-1'
        ? { ...p, formerAssignments: [{ through: '2019-H1', leadDepartment: FORMER, coDepartments: [] }] }
        : p,
    ),
  };
  const plan = makePlan(project('1-1-1', moved), { department: FORMER });
  const last = makeCard(plan, '2019-H1', { participation: { surveys: 4 }, department: FORMER });
  last.leadContacts = [{ position: 'officer', unit: '', name: '전담당', phone: '02-2133-9000' }];
  const report = buildOfficeReport({ ...emptyInput('2020-H1', moved), plans: [plan], earlierCards: [last] });

  it("counts the former lead's last card: the counts go on from it (인계)", () => {
    expect(report.participation).toMatchObject({ earlierCardCount: 1, planCount: 0 });
    expect(report.participation.totals.surveys).toBe(4);
  });

  it("does not name the former lead's people for the new lead", () => {
    const lead = report.contacts.find((r) => r.projectId === '1-1-1' && r.role === 'lead');
    expect(lead).toMatchObject({ persons: [], source: '' });
  });
});
