import { deriveFinanceRow, emptyChangeRequest } from '../documents';
import {
  emptyInput,
  makeApprovedChange,
  makeCard,
  makeFinanceRow,
  makePlan,
  makeSubmission,
  project,
} from './test-fixtures';
import type { ReportInput } from './types';

/**
 * A small half-year (2019-H1) on the real catalog, shared by the domain and workbook tests. The expected figures
 * in the tests are worked out by hand from the amounts written here.
 *
 * 1-1-1 경제진흥본부 completed · 1-1-7 shared with 여성가족정책실, partial · 1-4-1 관광체육국 onHold ·
 * 3-2-1 여성가족정책실 continuing, 현재계획 raised · 5-9-1 관광체육국 dropped, 비예산 · 7-3-1 경제진흥본부 no card.
 */
export function scenario(): ReportInput {
  const input = emptyInput('2019-H1');
  const p1 = makePlan(project('1-1-1'), {
    units: [
      {
        needs: [
          ['city', '2018', 100],
          ['city', '2019', 200],
          ['city', '2020', 300],
          ['city', 'afterTerm', 50],
          ['national', '2019', 100],
        ],
        schedule: { '2018-H2': '착수', '2019-H1': '추진', '2019-H2': '확대' },
      },
    ],
  });
  const p2 = makePlan(project('1-1-7'), {
    units: [
      {
        needs: [
          ['city', '2019', 600],
          ['city', '2020', 1000],
        ],
      },
      { needs: [['city', '2019', 400]] },
    ],
  });
  const p3 = makePlan(project('1-4-1'), {
    units: [{ needs: [['city', '2019', 10]], schedule: { '2019-H1': '계획' } }],
  });
  const p4 = makePlan(project('3-2-1'), {
    units: [
      {
        needs: [
          ['city', '2018', 40],
          ['city', '2019', 60],
        ],
        schedule: { '2018-H2': '착수' },
      },
    ],
  });
  const p5 = makePlan(project('5-9-1'));
  const p6 = makePlan(project('7-3-1'), { units: [{ needs: [['city', '2019', 500]] }] });
  input.plans = [p1, p2, p3, p4, p5, p6];

  const c4 = makeCard(p4, '2019-H1', {
    status: 'continuing',
    needs: [
      [
        ['city', '2018', 40],
        ['city', '2019', 80],
      ],
    ],
    executed: [
      [
        ['city', '2018-H2', 40],
        ['city', '2019-H1', 30],
      ],
    ],
  });
  input.cards = [
    makeCard(p1, '2019-H1', {
      status: 'completed',
      executed: [
        [
          ['city', '2018-H2', 80],
          ['city', '2019-H1', 90.5],
          ['national', '2019-H1', 20],
          // After the card's half-year: not executed yet, must not count.
          ['city', '2019-H2', 999],
        ],
      ],
      results: [{ '2018-H2': '착수 완료', '2019-H1': '추진 중' }],
      participation: { briefings: 2, surveys: 1 },
    }),
    makeCard(p2, '2019-H1', {
      status: 'partial',
      executed: [[['city', '2019-H1', 50]]],
      participation: { mediaReports: 3 },
    }),
    // The co-department's card: only its 집행 counts; its status and participation do not.
    makeCard(p2, '2019-H1', {
      department: '여성가족정책실',
      status: 'completed',
      executed: [[], [['city', '2019-H1', 25.25]]],
      participation: { briefings: 100 },
    }),
    makeCard(p3, '2019-H1', { status: 'onHold' }),
    c4,
    makeCard(p5, '2019-H1', { status: 'dropped' }),
    // Another half-year's card: skipped with a warning.
    makeCard(p6, '2018-H2', { status: 'onTrack' }),
  ];
  input.financeRows = [
    makeFinanceRow('1-1-1', '경제진흥본부', '2019-H1', { city: 500, national: 100 }),
    makeFinanceRow('1-1-7', '경제진흥본부', '2019-H1', { city: 300 }, '시비 확보'),
    makeFinanceRow('1-1-7', '여성가족정책실', '2019-H1', { national: 40.125 }, '국비'),
    makeFinanceRow('3-2-1', '여성가족정책실', '2019-H1', { city: 120 }),
  ];

  // First reports: 1-1-1 unchanged since; 3-2-1 first reported for 2018-H2 with less secured, plan and 집행.
  const budgetYears = ['2018', '2019', '2020', '2021', '2022'];
  const periods = ['2018-H2', '2019-H1', '2019-H2', '2020-H1', '2020-H2', '2021-H1', '2021-H2', '2022-H1'];
  input.firstReported = [
    deriveFinanceRow({
      plan: p1,
      card: input.cards[0] ?? null,
      secured: input.financeRows[0] ?? null,
      budgetYears,
      periods,
    }),
    deriveFinanceRow({
      plan: p4,
      card: makeCard(p4, '2018-H2', { executed: [[['city', '2018-H2', 40]]] }),
      secured: makeFinanceRow('3-2-1', '여성가족정책실', '2018-H2', { city: 100 }),
      budgetYears,
      periods,
    }),
  ];

  input.previousCards = [
    makeCard(p1, '2018-H2', {
      status: 'onTrack',
      executed: [[['city', '2018-H2', 80]]],
      results: [{ '2018-H2': '착수 완료' }],
    }),
    makeCard(p4, '2018-H2', { status: 'onTrack', executed: [[['city', '2018-H2', 40]]] }),
    makeCard(p6, '2018-H2', { status: 'onTrack' }),
  ];

  input.submissions = [
    makeSubmission('경제진흥본부', '2019-H1', '2019-07-15T23:30:00+09:00', [
      { kind: 'managementCard', projectId: '1-1-1' },
      { kind: 'financeRow', projectId: '1-1-1' },
      { kind: 'managementCard', projectId: '1-1-7' },
      { kind: 'financeRow', projectId: '1-1-7' },
    ]),
    // 2019-07-16 01:00 in Seoul: late.
    makeSubmission(
      '경제진흥본부',
      '2019-H1',
      '2019-07-15T16:00:00Z',
      [{ kind: 'financeRow', projectId: '7-3-1' }],
      {
        revision: 2,
      },
    ),
    makeSubmission(
      '관광체육국',
      '2019-H1',
      '2019-07-10T10:00:00+09:00',
      [{ kind: 'financeRow', projectId: '1-4-1' }],
      {
        signature: 'quarantined',
      },
    ),
    makeSubmission('관광체육국', '2019-H1', '2019-07-14', [{ kind: 'managementCard', projectId: '1-4-1' }]),
    makeSubmission('여성가족정책실', '2019-H1', '2019-07-15T09:00:00+09:00', [
      { kind: 'financeRow', projectId: '1-1-7' },
      { kind: 'managementCard', projectId: '3-2-1' },
      { kind: 'financeRow', projectId: '3-2-1' },
    ]),
    // Another half-year: ignored.
    makeSubmission('관광체육국', '2018-H2', '2019-01-10', [{ kind: 'financeRow', projectId: '1-4-1' }]),
  ];

  const pending = emptyChangeRequest('cr-1-1-1-01', '1-1-1', '경제진흥본부', project('1-1-1').name);
  pending.decisionHistory = [{ status: 'requested', date: '2019-05-01', by: '담당자', note: '' }];
  const rejected = emptyChangeRequest('cr-1-4-1-01', '1-4-1', '관광체육국', project('1-4-1').name);
  rejected.decisionHistory = [
    { status: 'requested', date: '2019-02-01', by: '담당자', note: '' },
    { status: 'rejected', date: '2019-02-03', by: '국장', note: '' },
  ];
  input.changeRequests = [
    makeApprovedChange('5-9-1', '관광체육국', '전국체전 공동개최 무산에 따른 목표 조정 <"남북">'),
    pending,
    rejected,
  ];
  return input;
}
