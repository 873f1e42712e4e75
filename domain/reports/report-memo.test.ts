import { describe, expect, it } from 'vitest';
import type { ManagementCard } from '../documents';
import { buildOfficeReport } from './build-report';
import { createReportMemo } from './report-memo';
import { scenario } from './scenario';
import { makeCard, makeFinanceRow, makeSubmission } from './test-fixtures';
import type { OfficeReport, ReportInput } from './types';

/** Every change the office's data goes through between two reports, each one a new input (documents replaced). */
function changes(): { what: string; apply: (input: ReportInput) => ReportInput }[] {
  const planOf = (input: ReportInput, projectId: string) => {
    const plan = input.plans.find((p) => p.projectId === projectId);
    if (!plan) throw new Error(projectId);
    return plan;
  };
  const replaceCard = (input: ReportInput, projectId: string, department: string, card: ManagementCard) => ({
    ...input,
    cards: input.cards.map((c) => (c.projectId === projectId && c.department === department ? card : c)),
  });
  return [
    {
      what: 'a lead card re-sent with another status, amount and result',
      apply: (input) =>
        replaceCard(
          input,
          '1-1-1',
          '경제진흥본부',
          makeCard(planOf(input, '1-1-1'), '2019-H1', {
            status: 'partial',
            executed: [[['city', '2019-H1', 12.5]]],
            results: [{ '2019-H1': '정정한 실적' }],
          }),
        ),
    },
    {
      what: "a co-department's card left out (a rejected conflict)",
      apply: (input) => ({
        ...input,
        cards: input.cards.filter((c) => !(c.projectId === '1-1-7' && c.department === '여성가족정책실')),
      }),
    },
    {
      what: 'a finance row re-sent with a changed amount',
      apply: (input) => ({
        ...input,
        financeRows: input.financeRows.map((r) =>
          r.projectId === '3-2-1' ? makeFinanceRow('3-2-1', '여성가족정책실', '2019-H1', { city: 170 }) : r,
        ),
      }),
    },
    {
      what: 'a card whose 완료 the office rejected (a copy with another status)',
      apply: (input) => ({
        ...input,
        cards: input.cards.map((c) => (c.projectId === '1-1-1' ? { ...c, status: 'onTrack' as const } : c)),
      }),
    },
    {
      what: 'the execution-rate threshold raised',
      apply: (input) => ({ ...input, options: { ...input.options, executionRateThreshold: 0.9 } }),
    },
    {
      what: 'a plan changed by an approved change request',
      apply: (input) => {
        const plan = structuredClone(planOf(input, '1-4-1'));
        const unit = plan.unitProjects[0];
        if (unit) unit.schedule = { ...unit.schedule, '2019-H1': '새 일정' };
        return { ...input, plans: input.plans.map((p) => (p.projectId === '1-4-1' ? plan : p)) };
      },
    },
    {
      what: 'the first report now differs (a correction arrived)',
      apply: (input) => ({
        ...input,
        firstReported: input.firstReported.map((r) =>
          r.projectId === '1-1-1'
            ? { ...r, secured: { ...r.secured, city: (r.secured.city ?? 0) - 5, total: r.secured.total - 5 } }
            : r,
        ),
        firstReportedSameAsCurrent: new Set(['3-2-1']),
      }),
    },
    {
      what: 'another half-year compared with',
      apply: (input) => ({ ...input, previousCards: [], previousPeriodId: '2018-H2' }),
    },
    {
      what: "a project's name changed in a new catalog",
      apply: (input) => ({
        ...input,
        catalog: {
          ...input.catalog,
          projects: input.catalog.projects.map((p) =>
            p.id === '1-4-1' ? { ...p, name: `${p.name} (변경)` } : p,
          ),
        },
      }),
    },
    {
      what: 'the lead department of a project without a card changed in a new catalog',
      apply: (input) => ({
        ...input,
        catalog: {
          ...input.catalog,
          projects: input.catalog.projects.map((p) =>
            p.id === '7-3-1' ? { ...p, leadDepartment: '문화본부' } : p,
          ),
        },
      }),
    },
    {
      what: 'a department sends one more bundle for the half-year',
      apply: (input) => ({
        ...input,
        submissions: [
          ...input.submissions,
          makeSubmission(
            '여성가족정책실',
            '2019-H1',
            '2019-07-20T09:00:00+09:00',
            [{ kind: 'managementCard', projectId: '1-1-7' }],
            { revision: 2 },
          ),
        ],
      }),
    },
    {
      what: "a quarantined bundle's key approved (the same bundle, now verified)",
      apply: (input) => ({
        ...input,
        submissions: input.submissions.map((r) =>
          r.signature === 'quarantined' ? { ...r, signature: 'valid' as const } : r,
        ),
      }),
    },
    {
      what: 'the submissions read again (equal records, new objects)',
      apply: (input) => ({ ...input, submissions: input.submissions.map((r) => ({ ...r })) }),
    },
    {
      what: 'today before the due date (missing documents not yet overdue)',
      apply: (input) => ({ ...input, options: { ...input.options, today: '2019-07-01' } }),
    },
    {
      what: 'a card removed (the project becomes 미제출)',
      apply: (input) => ({ ...input, cards: input.cards.filter((c) => c.projectId !== '5-9-1') }),
    },
  ];
}

const financeRow = (report: OfficeReport, projectId: string) =>
  report.finance.areas.flatMap((a) => a.rows).find((r) => r.projectId === projectId);

describe('report memo (parts kept between reports)', () => {
  it('after every change the report with kept parts equals the report computed from scratch', () => {
    const memo = createReportMemo();
    let input = scenario();
    expect(buildOfficeReport({ ...input, memo })).toEqual(buildOfficeReport(input));
    for (const change of changes()) {
      input = change.apply(input);
      const kept = buildOfficeReport({ ...input, memo });
      expect(kept, change.what).toEqual(buildOfficeReport(input));
    }
    expect(memo.tables.size).toBeGreaterThan(0);
  });

  it('each change alone, from the same kept parts, also equals the report from scratch', () => {
    for (const change of changes()) {
      const memo = createReportMemo();
      const base = scenario();
      buildOfficeReport({ ...base, memo });
      const changed = change.apply(base);
      expect(buildOfficeReport({ ...changed, memo }), change.what).toEqual(buildOfficeReport(changed));
    }
  });

  it('reuses the parts of projects nothing touched and computes the touched ones anew', () => {
    const memo = createReportMemo();
    const input = scenario();
    const before = buildOfficeReport({ ...input, memo });
    const [replace] = changes();
    const after = buildOfficeReport({ ...replace!.apply(input), memo });
    // 1-1-1's card changed: its row, comparison and overview are new; 3-2-1's are the very same objects.
    expect(financeRow(after, '1-1-1')).not.toBe(financeRow(before, '1-1-1'));
    expect(financeRow(after, '1-1-1')?.termExecuted.total).not.toBe(
      financeRow(before, '1-1-1')?.termExecuted.total,
    );
    expect(financeRow(after, '3-2-1')).toBe(financeRow(before, '3-2-1'));
    const overview = (r: OfficeReport, id: string) => r.projects.find((p) => p.projectId === id);
    expect(overview(after, '3-2-1')).toBe(overview(before, '3-2-1'));
    expect(overview(after, '1-1-1')).not.toBe(overview(before, '1-1-1'));
    expect(overview(after, '1-1-1')?.status).toBe('partial');
    // The sums are always computed: the grand total follows the changed row.
    expect(after.finance.grandTotal.termExecuted.total).not.toBe(
      before.finance.grandTotal.termExecuted.total,
    );
  });

  it('a half-year is kept apart from another: the same project in 2019-H2 is computed for 2019-H2', () => {
    const memo = createReportMemo();
    const h1 = scenario();
    buildOfficeReport({ ...h1, memo });
    const h2: ReportInput = {
      ...h1,
      periodId: '2019-H2',
      cards: [],
      financeRows: [],
      previousCards: h1.cards,
    };
    expect(buildOfficeReport({ ...h2, memo })).toEqual(buildOfficeReport(h2));
  });
});
