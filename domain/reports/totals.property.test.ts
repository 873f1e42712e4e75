import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FUNDING_SOURCES, type FundingSource } from '../documents';
import { buildOfficeReport } from './build-report';
import {
  catalog,
  type Cells,
  emptyInput,
  makeCard,
  makeFinanceRow,
  makePlan,
  tenfoldCatalog,
} from './test-fixtures';
import type { FinanceAmounts } from './types';

/** Every amount of a total as path → integer 천원, summed independently of the code under test. */
function flatten(a: FinanceAmounts): Map<string, number> {
  const m = new Map<string, number>();
  const put = (k: string, v: number) => m.set(k, Math.round(v * 1000));
  put('initial', a.plannedTotal.initial);
  put('current', a.plannedTotal.current);
  put('secured', a.secured.total);
  for (const s of FUNDING_SOURCES) put(`secured.${s}`, a.secured[s]);
  put('plan', a.termPlan.total);
  a.termPlan.byYear.forEach((v, i) => put(`plan.${i}`, v));
  put('executed', a.termExecuted.total);
  a.termExecuted.byYear.forEach((v, i) => put(`executed.${i}`, v));
  return m;
}

function sumFlat(items: FinanceAmounts[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const item of items) for (const [k, v] of flatten(item)) out.set(k, (out.get(k) ?? 0) + v);
  return out;
}

/** Equal amounts at every path (a path missing on one side is 0 there: an empty area has no rows to sum). */
function expectSame(actual: Map<string, number>, expected: Map<string, number>): void {
  for (const k of new Set([...actual.keys(), ...expected.keys()])) {
    expect([k, actual.get(k) ?? 0]).toEqual([k, expected.get(k) ?? 0]);
  }
}

const amount = fc.integer({ min: 0, max: 5_000_000 }).map((n) => n / 1000);
const source = fc.constantFrom<FundingSource>(...FUNDING_SOURCES);
const PERIODS = ['2018-H2', '2019-H1', '2019-H2', '2020-H1', '2020-H2', '2021-H1', '2021-H2', '2022-H1'];
const needsCells = fc.array(
  fc.tuple(source, fc.constantFrom('2018', '2019', '2020', '2021', '2022', 'afterTerm'), amount),
  { maxLength: 6 },
);
// One value per (source, half-year): a grid cell holds a single amount.
const executedCells = fc.uniqueArray(fc.tuple(source, fc.constantFrom(...PERIODS), amount), {
  maxLength: 6,
  selector: ([s, p]) => `${s}/${p}`,
});
const departments = [...new Set(catalog.projects.map((p) => p.leadDepartment))];

const projectSpec = fc.record({
  index: fc.nat({ max: catalog.projects.length - 1 }),
  needs: needsCells,
  cardNeeds: fc.option(needsCells, { nil: undefined }),
  executed: fc.option(executedCells, { nil: undefined }),
  secured: fc.option(fc.tuple(source, amount), { nil: undefined }),
  co: fc.option(
    fc.record({ department: fc.constantFrom(...departments), secured: amount, executed: executedCells }),
    { nil: undefined },
  ),
});

describe('재정집행 현황 totals (property)', () => {
  it('grand total = Σ area subtotals = Σ rows = Σ of the inputs', () => {
    fc.assert(
      fc.property(
        fc.array(projectSpec, { maxLength: 25 }),
        fc.constantFrom(...PERIODS),
        (specs, periodId) => {
          const input = emptyInput(periodId);
          const seen = new Set<number>();
          let securedMilli = 0;
          let executedMilli = 0;
          const executedOf = (cells: Cells) =>
            cells.filter(([, p]) => p <= periodId).reduce((n, [, , v]) => n + Math.round(v * 1000), 0);
          for (const spec of specs) {
            if (seen.has(spec.index)) continue;
            seen.add(spec.index);
            const p = catalog.projects[spec.index];
            if (p === undefined) continue;
            const plan = makePlan(p, { units: [{ needs: spec.needs as Cells }] });
            input.plans.push(plan);
            if (spec.executed !== undefined) {
              const cells = spec.executed as Cells;
              input.cards.push(
                makeCard(plan, periodId, {
                  executed: [cells],
                  ...(spec.cardNeeds ? { needs: [spec.cardNeeds as Cells] } : {}),
                }),
              );
              executedMilli += executedOf(cells);
            }
            if (spec.secured !== undefined) {
              const [s, v] = spec.secured;
              input.financeRows.push(makeFinanceRow(p.id, p.leadDepartment, periodId, { [s]: v }));
              securedMilli += Math.round(v * 1000);
            }
            if (spec.co !== undefined && spec.co.department !== p.leadDepartment) {
              input.financeRows.push(
                makeFinanceRow(p.id, spec.co.department, periodId, { city: spec.co.secured }),
              );
              input.cards.push(
                makeCard(plan, periodId, {
                  department: spec.co.department,
                  executed: [spec.co.executed as Cells],
                }),
              );
              securedMilli += Math.round(spec.co.secured * 1000);
              executedMilli += executedOf(spec.co.executed as Cells);
            }
          }
          const report = buildOfficeReport(input);
          const grand = flatten(report.finance.grandTotal);
          expect(grand.size).toBe(20);
          expectSame(sumFlat(report.finance.areas.map((a) => a.subtotal)), grand);
          expectSame(sumFlat(report.finance.areas.flatMap((a) => a.rows)), grand);
          for (const a of report.finance.areas) expectSame(sumFlat(a.rows), flatten(a.subtotal));
          expect(grand.get('secured')).toBe(securedMilli);
          expect(grand.get('executed')).toBe(executedMilli);
          expect(report.finance.rowCount).toBe(seen.size);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('a catalog ten times Seoul’s (2,380 projects)', () => {
  it('counts every project and sums every row', () => {
    const big = tenfoldCatalog();
    expect(big.projects).toHaveLength(2380);
    const input = emptyInput('2019-H1', big);
    const statuses = ['completed', 'continuing', 'onTrack', 'partial', 'onHold', 'dropped'] as const;
    big.projects.forEach((p, i) => {
      const plan = makePlan(p, { units: [{ needs: [['city', '2019', 10]] }] });
      input.plans.push(plan);
      // Every seventh project has no card (미제출).
      if (i % 7 !== 6) {
        input.cards.push(
          makeCard(plan, '2019-H1', {
            status: statuses[i % 7] ?? null,
            executed: [[['city', '2019-H1', 1.5]]],
          }),
        );
      }
      input.financeRows.push(makeFinanceRow(p.id, p.leadDepartment, '2019-H1', { city: 2 }));
    });
    const report = buildOfficeReport(input);
    const withCard = big.projects.filter((_, i) => i % 7 !== 6).length;
    expect(report.statusTables.total.total).toBe(2380);
    expect(report.statusTables.total.counts.notSubmitted).toBe(2380 - withCard);
    expect(report.statusTables.total.counts.completed).toBe(
      big.projects.filter((_, i) => i % 7 === 0).length,
    );
    expect(report.statusTables.byArea.map((r) => r.total)).toEqual([330, 390, 240, 420, 340, 110, 550]);
    expect(report.statusTables.byCorePledge).toHaveLength(660);
    expect(report.finance.rowCount).toBe(2380);
    expect(report.finance.grandTotal.termPlan.total).toBe(23800);
    expect(report.finance.grandTotal.secured.total).toBe(4760);
    expect(report.finance.grandTotal.termExecuted.total).toBe(withCard * 1.5);
    expect(report.submissions.departments.reduce((n, d) => n + d.dueCount, 0)).toBe(2 * 2380 + 10);
    expect(report.warnings).toEqual([]);
  });
});
