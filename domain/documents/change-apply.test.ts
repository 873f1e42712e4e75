import { describe, expect, it } from 'vitest';
import { readChangeRow, readProjectPeriodText, readTotalCostText } from './change-apply';
import { planOriginalFor } from './change-original';
import { emptyExecutionPlan } from './execution-plan';

const ym = (year: number, month: number) => `${year}-${String(month).padStart(2, '0')}`;

describe('reading an approved change row as the plan field it rewrites', () => {
  it('reads 사업기간 written as the form’s 사업기간 boxes take it, on both sides of ~', () => {
    const [from, to] = [
      { year: 2018, month: 7 },
      { year: 2023, month: 12 },
    ];
    const expected = { value: { from: ym(from.year, from.month), to: ym(to.year, to.month) } };
    for (const text of [
      `${from.year}.${from.month} ~ ${to.year}.${to.month}`,
      `${from.year}년 ${from.month}월 ~ ${to.year % 100}년 ${to.month}월`,
      `${from.year}-${from.month} - ${to.year}-${to.month}`,
      `'${from.year % 100}.${from.month}–'${to.year % 100}.${to.month}`,
    ]) {
      expect(readProjectPeriodText(text), text).toEqual(expected);
    }
  });

  it('reads back what 당초 shows for the plan’s 사업기간 and 총사업비 (the form fills it from the plan)', () => {
    const plan = emptyExecutionPlan('1-1-1', '경제진흥본부', '핀테크 허브 조성');
    plan.projectPeriod = { from: ym(2018, 7), to: ym(2022, 6) };
    for (const amount of [12000, 1234567.5, 0.125]) {
      plan.totalCost = { kind: 'amount', amount };
      expect(readTotalCostText(planOriginalFor('총사업비', plan) ?? '')).toEqual({ value: plan.totalCost });
    }
    plan.totalCost = { kind: 'nonBudget' };
    expect(readTotalCostText(planOriginalFor('총사업비', plan) ?? '')).toEqual({ value: plan.totalCost });
    expect(readProjectPeriodText(planOriginalFor('사업기간', plan) ?? '')).toEqual({
      value: plan.projectPeriod,
    });
  });

  it('says why a 변경안 it cannot read unambiguously is not applied, and never guesses', () => {
    const problem = (category: string, proposed: string) => {
      const read = readChangeRow({ category, proposed });
      return read !== null && 'problem' in read ? read.problem : null;
    };
    expect(problem('총사업비', '약 120억 원')).toContain('백만원 단위 금액으로 읽을 수 없습니다');
    expect(problem('총사업비', '1,5')).toContain('백만원 단위 금액으로 읽을 수 없습니다');
    expect(problem('총사업비', '')).toBe('변경안이 비어 있습니다');
    expect(problem('사업기간', '2023년 12월까지 연장')).toContain('시작과 끝을 읽을 수 없습니다');
    expect(problem('사업기간', '2018.7 ~ 23.12')).toContain('"2023-12"');
    expect(problem('사업기간', '2023.12 ~ 2018.7')).toContain('늦습니다');
    // Rows of other 구분 are only recorded; 공약명 and 공약내용 take the text as written.
    expect(readChangeRow({ category: '타기관 협조 필요사항', proposed: '기재부 협의' })).toBeNull();
    expect(readChangeRow({ category: '공약명', proposed: '새 이름' })).toEqual({
      field: 'projectName',
      values: { projectName: '새 이름' },
    });
  });
});
