import { describe, expect, it } from 'vitest';
import { emptySourceGrid } from './common';
import { documentSchema } from './document';
import { changedAmounts, deriveFinanceRow, mergeShared } from './finance-derive';
import { financeRowSchema, newFinanceRowFromPrevious, type FinanceRow } from './finance-row';
import type { ManagementCard } from './management-card';
import {
  BUDGET_YEARS,
  exampleCard,
  exampleCoDepartmentFinanceRow,
  exampleFinanceRow,
  examplePlan,
  examples,
  PERIODS,
  TERM,
} from './test-fixtures';
import { validateDocument } from './validate';

/**
 * A co-department (협조부서) reports its own 임기내 집행 per budget year in its finance row; the lead's 집행 stays
 * its card's. Figures worked out by hand.
 */

const CO = '여성가족정책실';

/** The lead's card with one executed amount: 10 (시비) in 2019 상반기. */
function leadCard(): ManagementCard {
  const card = exampleCard();
  card.unitProjects = card.unitProjects.map((u) => ({ ...u, executed: emptySourceGrid() }));
  card.unitProjects[0]!.executed.city['2019-H1'] = 10;
  return card;
}

function coRow(executed?: Record<string, number | null>): FinanceRow {
  const row: FinanceRow = {
    ...exampleFinanceRow(),
    department: CO,
    secured: { national: null, city: 20, district: null, private: null, other: null },
    note: '',
  };
  if (executed !== undefined) row.executed = executed;
  return row;
}

const derive = (input: Partial<Parameters<typeof deriveFinanceRow>[0]>) =>
  deriveFinanceRow({
    plan: examplePlan(),
    card: null,
    secured: null,
    budgetYears: BUDGET_YEARS,
    periods: PERIODS,
    ...input,
  });

describe("a co-department's 집행 from its finance row", () => {
  it('lead 10 in 2019 from its card, co-department 7.5 in 2019 from its row: the merged row holds 17.5', () => {
    const lead = derive({ card: leadCard(), secured: exampleFinanceRow() });
    const co = derive({ secured: coRow({ '2019': 7.5 }), coDepartment: true });
    expect(co.termExecuted).toEqual({ total: 7.5, byYear: [0, 7.5, 0, 0, 0] });
    const merged = mergeShared([lead, co]);
    expect(merged.termExecuted).toEqual({ total: 17.5, byYear: [0, 17.5, 0, 0, 0] });
    // 확보 summed too (lead 4,800 + co 20); the plan figures stay the lead's.
    expect(merged.secured.total).toBe(4820);
    expect(merged.plannedTotal).toEqual(lead.plannedTotal);
    expect(merged.departments).toEqual(['경제진흥본부', CO]);
  });

  it('a co-department row written before rows held 집행 reads as none, without an error', () => {
    const old = financeRowSchema.parse({ ...examples.financeRowJson, department: CO });
    expect(old.executed).toBeUndefined();
    const co = derive({ secured: old, coDepartment: true });
    expect(co.termExecuted).toEqual({ total: 0, byYear: [0, 0, 0, 0, 0] });
    expect(co.secured.total).toBe(4800);
  });

  it("the co-department's card does not add to its row's 집행 (never both)", () => {
    const coCard = leadCard();
    coCard.department = CO;
    coCard.unitProjects[0]!.executed.city['2018-H2'] = 3;
    const both = derive({ card: coCard, secured: coRow({ '2019': 7.5 }), coDepartment: true });
    expect(both.termExecuted.total).toBe(7.5);
    // A row without the field (an older bundle): the card the office took in is what there is.
    const cardOnly = derive({ card: coCard, secured: coRow(), coDepartment: true });
    expect(cardOnly.termExecuted).toEqual({ total: 13, byYear: [3, 10, 0, 0, 0] });
  });

  it("the lead's row ignores `executed`: its 집행 is its card's", () => {
    const secured = { ...exampleFinanceRow(), executed: { '2019': 999 } };
    const lead = derive({ card: leadCard(), secured });
    expect(lead.termExecuted).toEqual({ total: 10, byYear: [0, 10, 0, 0, 0] });
  });

  it("counts only the years up to the row's half-year, and blanks as 0", () => {
    // A 2019 상반기 row: 2020 has not happened yet.
    const co = derive({ secured: coRow({ '2018': 1.25, '2019': null, '2020': 50 }), coDepartment: true });
    expect(co.termExecuted).toEqual({ total: 1.25, byYear: [1.25, 0, 0, 0, 0] });
  });

  it('a changed 집행 of the co-department is named for the red marking', () => {
    const lead = derive({ card: leadCard(), secured: exampleFinanceRow() });
    const first = mergeShared([lead, derive({ secured: coRow({ '2019': 7.5 }), coDepartment: true })]);
    const now = mergeShared([lead, derive({ secured: coRow({ '2019': 9 }), coDepartment: true })]);
    expect(changedAmounts(first, now, BUDGET_YEARS)).toEqual([
      'termExecuted.total',
      'termExecuted.byYear.2019',
    ]);
  });
});

describe('the finance row schema with `executed`', () => {
  it('takes amounts by budget year, typed text included; blanks become null', () => {
    const parsed = documentSchema.parse({
      ...examples.financeRowJson,
      department: CO,
      executed: { '2018': '1,200.5', '2019': '', '2020': 3 },
    });
    expect(parsed.kind === 'financeRow' && parsed.executed).toEqual({
      '2018': 1200.5,
      '2019': null,
      '2020': 3,
    });
  });

  it('refuses a negative amount, a non-number and a key that is no year, at the field path', () => {
    const r = documentSchema.safeParse({
      ...examples.financeRowJson,
      executed: { '2018': -1, '2019': 'abc', '2019-H1': 3 },
    });
    expect(r.success).toBe(false);
    const issues = (r.error?.issues ?? []).map((i): [string, string] => [i.path.join('.'), i.message]);
    expect(issues).toContainEqual(['executed.2018', '금액은 0 이상의 숫자여야 합니다 (백만원)']);
    expect(issues).toContainEqual(['executed.2019', '금액은 0 이상의 숫자여야 합니다 (백만원)']);
    expect(issues).toContainEqual(['executed.2019-H1', '연도는 "2019" 형식이어야 합니다']);
    expect(issues).toHaveLength(3);
  });

  it('still refuses unknown keys beside it', () => {
    const r = documentSchema.safeParse({ ...examples.financeRowJson, executed: {}, spent: {} });
    expect(r.error?.issues.map((i) => i.message)).toEqual(['허용되지 않는 항목입니다: spent']);
  });

  it("a new half-year's row carries the 집행 per year over, as it does 확보", () => {
    const previous = coRow({ '2018': 2, '2019': 7.5 });
    const next = newFinanceRowFromPrevious(previous, '1-1-1', CO, '2019-H2');
    expect(next.executed).toEqual({ '2018': 2, '2019': 7.5 });
    expect(next.executed).not.toBe(previous.executed);
    expect(newFinanceRowFromPrevious(coRow(), '1-1-1', CO, '2019-H2').executed).toBeUndefined();
  });
});

describe("validating a row's 임기내 집행", () => {
  const LEAD_CTX = { ...TERM, leadDepartment: '경제진흥본부' };
  const issues = (list: { path: string; code: string; message: string }[]) =>
    list.map((i) => [i.path, i.code, i.message]);

  it('the co-department example is clean (7.5 + 2.5 spent of 60 secured)', () => {
    expect(validateDocument(exampleCoDepartmentFinanceRow(), LEAD_CTX)).toEqual({ errors: [], warnings: [] });
  });

  it('warns when 집행 is more than the 확보총계, at the largest year', () => {
    const row = exampleCoDepartmentFinanceRow();
    row.executed = { '2018': 10, '2019': 55.5 };
    const { errors, warnings } = validateDocument(row, LEAD_CTX);
    expect(errors).toEqual([]);
    expect(issues(warnings)).toEqual([
      [
        'executed.2019',
        'executed.exceedsSecured',
        '임기내 집행 계(65.5백만원)가 확보총계(60백만원)보다 많습니다',
      ],
    ]);
  });

  it('refuses a negative or non-number amount (as parsed documents can still hold), a year outside the term or after the half-year', () => {
    const row = exampleCoDepartmentFinanceRow();
    row.executed = { '2017': 1, '2018': -3, '2019': Number.NaN, '2020': 4 };
    const { errors } = validateDocument(row, LEAD_CTX);
    expect(issues(errors)).toEqual([
      [
        'executed.2017',
        'budgetYear.outOfTerm',
        '2017년은 임기(2018, 2019, 2020, 2021, 2022) 밖의 연도입니다',
      ],
      ['executed.2018', 'amount.invalid', '금액은 0 이상의 숫자여야 합니다 (백만원)'],
      ['executed.2019', 'amount.invalid', '금액은 0 이상의 숫자여야 합니다 (백만원)'],
      [
        'executed.2020',
        'period.future',
        '2020년 집행액은 이 재정집행 현황의 보고 반기(2019년 상반기) 이후라 입력할 수 없습니다',
      ],
    ]);
  });

  it("warns that 집행 on the lead department's row is ignored; blank cells say nothing", () => {
    const lead = { ...exampleFinanceRow(), executed: { '2019': 3 } };
    const { errors, warnings } = validateDocument(lead, LEAD_CTX);
    expect(errors).toEqual([]);
    expect(issues(warnings)).toEqual([
      [
        'executed',
        'executed.ignored',
        '주관부서의 집행액은 관리카드의 연차별 집행액에서 가져옵니다. 여기 입력된 임기내 집행은 반영되지 않습니다',
      ],
    ]);
    const blank = { ...exampleFinanceRow(), executed: { '2018': null, '2019': null } };
    expect(validateDocument(blank, LEAD_CTX)).toEqual({ errors: [], warnings: [] });
  });

  it('an older row without `executed` is valid as before', () => {
    const old = exampleFinanceRow();
    expect(old.executed).toBeUndefined();
    expect(validateDocument({ ...old, department: CO }, LEAD_CTX)).toEqual({ errors: [], warnings: [] });
  });
});
