import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  budgetYearKeySchema,
  countSchema,
  countSchemaPrecise,
  executedGridSchema,
  executedKeySchema,
  investmentGridSchema,
  moneyCellSchema,
  moneyCellSchemaPrecise,
  moneyRowSchemaPrecise,
  moneySchema,
  moneySchemaPrecise,
  resultsSchema,
  resultsSchemaPrecise,
  scheduleSchema,
  scheduleSchemaPrecise,
  strictObject,
} from './common';

/** The grids as the schemas were before the fast path: every row through zod's record and cell steps. */
const preciseGrid = (key: z.core.$ZodRecordKey) => {
  const row = moneyRowSchemaPrecise(key);
  return strictObject({ national: row, city: row, district: row, private: row, other: row });
};

/** What a parse gives, in a form two parses can be compared by (key order and -0 included). */
function outcome(schema: z.ZodType, input: unknown) {
  const result = schema.safeParse(input);
  if (result.success)
    return {
      ok: true,
      data: result.data,
      keys: JSON.stringify(result.data),
      negativeZero: Object.is(result.data, -0),
    };
  return {
    ok: false,
    issues: result.error.issues.map((i) => ({ code: i.code, path: i.path, message: i.message })),
  };
}

const keys = fc.oneof(
  fc.constantFrom('2018', '2019', '2022', 'afterTerm', '2019-H1', '2020-H2', '2018-H2'),
  fc.constantFrom('2019-H3', '19', '2019 ', 'x', '', '__proto__', 'constructor', '2019-h1', 'AfterTerm'),
  fc.string({ maxLength: 8 }),
);

const values = fc.oneof(
  fc.integer({ min: 0, max: 10_000_000 }).map((m) => m / 1000),
  fc.double({ noNaN: false }),
  fc.constantFrom(null, undefined, 0, -0, -1, 1e20, 0.0001, Number.NaN, Number.POSITIVE_INFINITY),
  fc.constantFrom('', ' ', '1,200', '1200', '１２', '3천', '1 200', '12.5', 'abc'),
  fc.string({ maxLength: 20 }),
  fc.constant('가'.repeat(5_001)),
  fc.constantFrom({}, [], [1], { a: 1 }),
);

/** Rows as documents hold them: valid keys, amounts, blanks and texts (most whole grids then parse). */
const usualRows = fc.dictionary(
  fc.constantFrom('2018', '2019', '2020', 'afterTerm', '2019-H1', '2019-H2', '2020-H1'),
  fc.oneof(
    fc.integer({ min: 0, max: 10_000_000 }).map((m) => m / 1000),
    fc.constant(null),
    fc.string({ maxLength: 12 }),
  ),
  { maxKeys: 5 },
);

/** Records as documents hold them, plus the odd objects a hostile file or a bug could give. */
const records = fc.oneof(
  { weight: 6, arbitrary: usualRows },
  { weight: 4, arbitrary: fc.dictionary(keys, values, { maxKeys: 6 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      null,
      undefined,
      [],
      ['2019'],
      'text',
      7,
      Object.create(null) as object,
      new Map(),
      new Date(0),
      JSON.parse('{"__proto__": 1, "2019": 2}') as object,
      { [Symbol('s')]: 1, '2019': 2 },
    ),
  },
);

/** A grid of five rows, sometimes with a row missing, an extra source or a row that is not a record. */
const grids = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      national: records,
      city: records,
      district: records,
      private: records,
      other: records,
    }),
  },
  { weight: 1, arbitrary: fc.dictionary(fc.constantFrom('national', 'city', 'loan'), records) },
  { weight: 1, arbitrary: records },
);

const runs = { numRuns: 2_000 };

describe('the fast paths give what the schemas give, for any value', () => {
  it('amounts, grid cells and counts', () => {
    const money = moneySchemaPrecise();
    const cell = moneyCellSchemaPrecise();
    const count = countSchemaPrecise();
    fc.assert(
      fc.property(fc.oneof(values, fc.integer(), fc.maxSafeInteger()), (value) => {
        expect(outcome(moneySchema, value)).toEqual(outcome(money, value));
        expect(outcome(moneyCellSchema, value)).toEqual(outcome(cell, value));
        expect(outcome(countSchema, value)).toEqual(outcome(count, value));
      }),
      runs,
    );
  });

  it.each([
    ['연차별 투자수요 (budget years and 임기후)', investmentGridSchema, budgetYearKeySchema],
    ['연차별 집행액 (half-years)', executedGridSchema, executedKeySchema],
  ] as const)('%s', (_name, schema, key) => {
    const precise = preciseGrid(key);
    fc.assert(
      fc.property(grids, (grid) => {
        expect(outcome(schema, grid)).toEqual(outcome(precise, grid));
      }),
      runs,
    );
  });

  it('연차별 추진계획 and 실적 (text by half-year)', () => {
    const schedule = scheduleSchemaPrecise();
    const results = resultsSchemaPrecise();
    fc.assert(
      fc.property(records, (record) => {
        expect(outcome(scheduleSchema, record)).toEqual(outcome(schedule, record));
        expect(outcome(resultsSchema, record)).toEqual(outcome(results, record));
      }),
      runs,
    );
  });

  it('takes a document’s usual rows on the fast path, as new objects in the same key order', () => {
    const row = { '2018': 50, '2019': 279.125, afterTerm: null };
    const grid = { national: {}, city: row, district: {}, private: {}, other: {} };
    const parsed = investmentGridSchema.parse(grid);
    expect(parsed).toEqual(grid);
    expect(parsed.city).not.toBe(row);
    expect(Object.keys(parsed.city)).toEqual(['2018', '2019', 'afterTerm']);
    // A typed amount still goes through the schema, which turns it into a number.
    expect(investmentGridSchema.parse({ ...grid, city: { '2019': '1,200.5' } }).city).toEqual({
      '2019': 1200.5,
    });
  });
});
