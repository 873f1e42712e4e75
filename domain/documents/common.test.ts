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
  MAX_AMOUNT,
  MONEY_CURRENCY_MESSAGE,
  MONEY_DECIMALS_MESSAGE,
  MONEY_MESSAGE,
  MONEY_TOO_LARGE_MESSAGE,
  MONEY_COMMA_MESSAGE,
  MONEY_SPACE_MESSAGE,
  MONEY_UNIT_MESSAGE,
  MONEY_WORDS_MESSAGE,
  moneyCellSchema,
  moneySchema,
  nextUnitProjectId,
  parseYearMonthText,
  totalCostSchema,
  yearMonthSchema,
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
    for (const input of ['500원', '3천']) {
      expect(firstIssue(moneyCellSchema, input).message).toBe(MONEY_UNIT_MESSAGE);
    }
  });

  it('names the number to type for an amount typed in 억·만 원, and asks for digits for a word number', () => {
    expect(firstIssue(moneyCellSchema, '7억').message).toBe(
      "'7억'은 백만원 단위로 700입니다. 숫자 700을 입력하세요",
    );
    expect(firstIssue(moneyCellSchema, '500 백만원').message).toBe(
      "'500 백만원'은 백만원 단위로 500입니다. 숫자 500을 입력하세요",
    );
    expect(firstIssue(moneySchema, '1조 2,000억원').message).toBe(
      "'1조 2,000억원'은 백만원 단위로 1,200,000입니다. 숫자 1,200,000을 입력하세요",
    );
    expect(firstIssue(moneyCellSchema, '5만원').message).toBe(
      "'5만원'은 백만원 단위로 0.05입니다. 숫자 0.05를 입력하세요",
    );
    expect(firstIssue(moneyCellSchema, '칠백').message).toBe(MONEY_WORDS_MESSAGE);
    expect(MONEY_WORDS_MESSAGE).toBe('금액은 숫자로 입력하세요 (백만원 단위, 예: 7억원은 700)');
  });

  it('names the largest amount when one is too large, typed or given as a number', () => {
    expect(MONEY_TOO_LARGE_MESSAGE).toBe('금액이 너무 큽니다. 9,007,199,254,740 백만원 이하로 입력하세요');
    for (const input of ['99999999999999999', '99,999,999,999,999,999', '9'.repeat(400), MAX_AMOUNT + 1]) {
      expect(firstIssue(moneySchema, input).message).toBe(MONEY_TOO_LARGE_MESSAGE);
      expect(firstIssue(moneyCellSchema, input).message).toBe(MONEY_TOO_LARGE_MESSAGE);
    }
    expect(moneySchema.parse(MAX_AMOUNT)).toBe(MAX_AMOUNT);
    expect(moneyCellSchema.parse(MAX_AMOUNT.toLocaleString('en-US'))).toBe(MAX_AMOUNT);
  });

  it('refuses a ₩ sign (never read as 백만원), saying the unit is 백만원 and only the number is typed', () => {
    expect(MONEY_CURRENCY_MESSAGE).toContain('백만원 단위의 숫자만');
    for (const input of ['₩1,000', '￦1,000', '₩ 1000', '\\1,000', '1000₩']) {
      expect(firstIssue(moneySchema, input).message).toBe(MONEY_CURRENCY_MESSAGE);
      expect(firstIssue(moneyCellSchema, input).message).toBe(MONEY_CURRENCY_MESSAGE);
    }
    // With 원 it is the unit message, as before.
    expect(firstIssue(moneyCellSchema, '₩1,000원').message).toBe(MONEY_UNIT_MESSAGE);
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

describe('year-month (사업기간)', () => {
  it.each([
    ['2018-07', '2018-07'],
    ['2018-7', '2018-07'],
    ['2018.7', '2018-07'],
    ['2018. 7.', '2018-07'],
    ['2018.07.', '2018-07'],
    ['2018/7', '2018-07'],
    ['2018.7월', '2018-07'],
    ['2018년 7월', '2018-07'],
    ['2018년7월', '2018-07'],
    ['201807', '2018-07'],
    ['２０１８．７', '2018-07'],
    ['22년 6월', '2022-06'],
    ["'22.6", '2022-06'],
    ['’22.6월', '2022-06'],
    [" '18. 7.", '2018-07'],
    ['', ''],
    ['  ', ''],
  ])('reads %j as %j', (typed, stored) => {
    expect(parseYearMonthText(typed)).toEqual({ value: stored });
    expect(yearMonthSchema.parse(typed)).toBe(stored);
  });

  it.each([
    ['22.6', '연도는 네 자리로 "2022-06"처럼 입력하세요'],
    ['22-06', '연도는 네 자리로 "2022-06"처럼 입력하세요'],
    ['2018-13', '13월은 없습니다. 월은 1~12로 "2018-06"처럼 입력하세요'],
    ['18년 0월', '0월은 없습니다. 월은 1~12로 "2018-06"처럼 입력하세요'],
    ['2018.7.15', '날짜 없이 연월만 "2018-07"처럼 입력하세요'],
    ['2018-07-15', '날짜 없이 연월만 "2018-07"처럼 입력하세요'],
    ['칠월', '연월은 "2022-06" 형식이어야 합니다'],
    ['2018', '연월은 "2022-06" 형식이어야 합니다'],
  ])('refuses %j with %j, never guessing', (typed, message) => {
    expect(parseYearMonthText(typed)).toEqual({ problem: message });
    expect(firstIssue(yearMonthSchema, typed).message).toBe(message);
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
