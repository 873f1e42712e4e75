import { describe, expect, it } from 'vitest';
import { planOriginalFor } from './change-original';
import { CHANGE_GOAL_CATEGORY, CHANGE_ROW_CATEGORIES } from './change-request';
import { emptyExecutionPlan, emptyPlanUnitProject } from './execution-plan';
import { exampleChangeRequest, TERM } from './test-fixtures';
import { validateDocument } from './validate';

function plan() {
  const p = emptyExecutionPlan('1-1-1', '경제진흥본부', '핀테크 허브 조성');
  p.policyGoal = '○ 입주기업 누적 150개사 육성';
  p.totalCost = { kind: 'amount', amount: 12000 };
  p.projectPeriod = { from: '2018-07', to: '2022-06' };
  p.unitProjects = [
    {
      ...emptyPlanUnitProject('u1', '핀테크랩 운영'),
      schedule: { '2019-H2': '2기 선발', '2019-H1': '1기 선발' },
    },
    {
      ...emptyPlanUnitProject('u2', '투자 유치'),
      schedule: { afterTerm: '계속 지원', '2020-H1': 'IR 개최' },
    },
  ];
  return p;
}

describe('planOriginalFor (당초 공약 of a change row, from the confirmed plan)', () => {
  it('answers every suggested 구분 from the plan', () => {
    const p = plan();
    const answers = Object.fromEntries(CHANGE_ROW_CATEGORIES.map((c) => [c, planOriginalFor(c, p)]));
    expect(answers).toEqual({
      공약명: '핀테크 허브 조성',
      [CHANGE_GOAL_CATEGORY]: '○ 입주기업 누적 150개사 육성',
      단위사업: '1. 핀테크랩 운영\n2. 투자 유치',
      '연차별 추진계획':
        '[핀테크랩 운영]\n- 2019년 상반기: 1기 선발\n- 2019년 하반기: 2기 선발\n[투자 유치]\n- 2020년 상반기: IR 개최\n- 임기후: 계속 지원',
      사업기간: '2018년 7월 ~ 2022년 6월',
      총사업비: '12,000 백만원',
    });
  });

  it('reads a 구분 typed in other words, says 비예산, and gives null for what the plan does not hold', () => {
    const p = plan();
    expect(planOriginalFor(' 총사업비 증액 ', p)).toBe('12,000 백만원');
    expect(planOriginalFor('사업 기간', p)).toBe('2018년 7월 ~ 2022년 6월');
    p.totalCost = { kind: 'nonBudget' };
    expect(planOriginalFor('총사업비', p)).toBe('비예산');
    p.totalCost = null;
    expect(planOriginalFor('총사업비', p)).toBe('');
    expect(planOriginalFor('기타', p)).toBeNull();
    expect(planOriginalFor('', p)).toBeNull();
  });
});

describe('change rows in 제출 전 확인', () => {
  it('name their row, as the form numbers them', () => {
    const request = exampleChangeRequest();
    request.rows.push({ category: '총사업비', original: '', proposed: '' });
    request.rows.push({ category: '', original: '당초', proposed: '당초' });
    const { errors, warnings } = validateDocument(request, TERM);
    expect(errors.filter((e) => e.path.startsWith('rows.')).map((e) => [e.path, e.message])).toEqual([
      ['rows.1.original', '변경 항목 2: 당초 공약을 입력하세요'],
      ['rows.1.proposed', '변경 항목 2: 변경안을 입력하세요'],
      ['rows.2.category', '변경 항목 3: 구분을 입력하세요'],
    ]);
    expect(warnings.filter((w) => w.path.startsWith('rows.')).map((w) => w.message)).toEqual([
      '변경 항목 3: 변경안이 당초 공약과 같습니다',
    ]);
  });
});
