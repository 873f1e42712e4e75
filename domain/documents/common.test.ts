import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  CARD_STATUS_LABELS,
  CARD_STATUS_ORDER,
  CARD_STATUSES,
  contactPersonSchema,
  countSchema,
  FINANCE_SOURCE_LABELS,
  FUNDING_SOURCE_LABELS,
  MONEY_DECIMALS_MESSAGE,
  MONEY_MESSAGE,
  MONEY_COMMA_MESSAGE,
  MONEY_SPACE_MESSAGE,
  MONEY_UNIT_MESSAGE,
  moneyCellSchema,
  moneySchema,
  nextUnitProjectId,
  totalCostSchema,
} from './common';

function firstIssue(schema: z.ZodType, input: unknown) {
  const r = schema.safeParse(input);
  expect(r.success).toBe(false);
  const issue = r.error?.issues[0];
  return { path: issue?.path.join('.'), message: issue?.message };
}

describe('money (백만원)', () => {
  it('accepts non-negative numbers with up to three decimals, and typed text', () => {
    expect(moneySchema.parse(0)).toBe(0);
    expect(moneySchema.parse(1234.567)).toBe(1234.567);
    expect(moneySchema.parse('1,200.5')).toBe(1200.5);
    expect(moneySchema.parse(' 42 ')).toBe(42);
    expect(moneySchema.parse('12,345,678.25')).toBe(12345678.25);
    expect(moneySchema.parse('999,999')).toBe(999999);
  });

  it.each([
    [-1],
    [-0.001],
    [Number.NaN],
    [Number.POSITIVE_INFINITY],
    ['abc'],
    ['1e3'],
    [''],
    [true],
    [null],
    [undefined],
  ])('rejects %s with the Korean message', (input) => {
    expect(firstIssue(moneySchema, input).message).toBe(MONEY_MESSAGE);
  });

  it.each([['1,5'], ['12,34'], ['1,2,3'], ['1,2345'], [',5'], ['1,234,5']])(
    'rejects %s, a comma that is not a thousands separator, naming the comma (never read as 15 or 1234)',
    (input) => {
      expect(firstIssue(moneySchema, input).message).toBe(MONEY_COMMA_MESSAGE);
      expect(firstIssue(moneyCellSchema, input).message).toBe(MONEY_COMMA_MESSAGE);
    },
  );

  it('reads full-width digits from a Korean IME, and names a space or a unit typed with the number', () => {
    expect(moneySchema.parse('１２３')).toBe(123);
    expect(moneySchema.parse('１，２００．５')).toBe(1200.5);
    expect(moneyCellSchema.parse('３，０００')).toBe(3000);
    for (const input of ['1 500', '1　500']) {
      expect(firstIssue(moneySchema, input).message).toBe(MONEY_SPACE_MESSAGE);
    }
    for (const input of ['500원', '500 백만원']) {
      expect(firstIssue(moneyCellSchema, input).message).toBe(MONEY_UNIT_MESSAGE);
    }
  });

  it('rejects more than three decimals', () => {
    expect(firstIssue(moneySchema, 1.0005).message).toBe(MONEY_DECIMALS_MESSAGE);
    expect(firstIssue(moneySchema, 0.1 + 0.2).message).toBe(MONEY_DECIMALS_MESSAGE);
  });

  it('grid cells allow blank (null or empty text) and nothing else odd', () => {
    expect(moneyCellSchema.parse(null)).toBeNull();
    expect(moneyCellSchema.parse('  ')).toBeNull();
    expect(moneyCellSchema.parse('3,000')).toBe(3000);
    expect(firstIssue(moneyCellSchema, -5).message).toBe(MONEY_MESSAGE);
  });

  it('reports a bad amount at its path inside a document part', () => {
    const r = totalCostSchema.safeParse({ kind: 'amount', amount: -3 });
    expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['amount', MONEY_MESSAGE]]);
    expect(totalCostSchema.parse({ kind: 'nonBudget' })).toEqual({ kind: 'nonBudget' });
    expect(firstIssue(totalCostSchema, { kind: 'nonBudget', amount: 3 }).message).toBe(
      '허용되지 않는 항목입니다: amount',
    );
  });
});

describe('counts and contacts', () => {
  it('counts are non-negative integers; blank text is 0', () => {
    expect(countSchema.parse('')).toBe(0);
    expect(countSchema.parse('7')).toBe(7);
    expect(firstIssue(countSchema, 1.5).message).toBe('횟수는 0 이상의 정수여야 합니다');
    expect(firstIssue(countSchema, '-2').message).toBe('횟수는 0 이상의 정수여야 합니다');
  });

  it('phones are lenient but not free text', () => {
    const base = { position: 'officer', unit: '', name: '홍길동' };
    for (const phone of [
      '2133-6610',
      '02-2133-6610',
      '02)2133-6610',
      '(02) 2133 6610',
      '+82-2-2133-6610',
      '',
    ]) {
      expect(contactPersonSchema.safeParse({ ...base, phone }).success).toBe(true);
    }
    expect(firstIssue(contactPersonSchema, { ...base, phone: '전화없음' })).toEqual({
      path: 'phone',
      message: '전화번호는 숫자와 - ( ) 로 입력하세요 (예: 02-2133-6610)',
    });
    expect(firstIssue(contactPersonSchema, { ...base, position: '국장', phone: '' })).toEqual({
      path: 'position',
      message: '허용되지 않는 값입니다 (과장, 팀장, 담당 중 하나)',
    });
    expect(firstIssue(contactPersonSchema, { position: 'officer', unit: '', phone: '' })).toEqual({
      path: 'name',
      message: '필수 항목이 없습니다',
    });
  });
});

describe('labels', () => {
  it('match the forms', () => {
    expect(CARD_STATUSES.map((s) => CARD_STATUS_LABELS[s])).toEqual([
      '완료',
      '이행 후 계속 추진',
      '정상추진',
      '일부추진',
      '보류',
      '폐기',
    ]);
    expect(CARD_STATUSES.map((s) => CARD_STATUS_ORDER[s])).toEqual([1, 2, 3, 4, 5, 6]);
    expect(Object.values(FUNDING_SOURCE_LABELS)).toEqual(['국비', '시비', '구비', '민간', '기타']);
    expect(Object.values(FINANCE_SOURCE_LABELS)).toEqual(['국비', '시·도비', '시군구비', '민간', '기타']);
  });

  it('new unit ids fill the smallest gap', () => {
    expect(nextUnitProjectId([])).toBe('u1');
    expect(nextUnitProjectId(['u1', 'u3'])).toBe('u2');
    expect(nextUnitProjectId(['u1', 'u2'])).toBe('u3');
  });
});
