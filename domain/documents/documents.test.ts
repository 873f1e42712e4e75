import { describe, expect, it } from 'vitest';
import { emptyChangeRequest, nextDecisionStatuses, currentDecisionStatus } from './change-request';
import { MONEY_MESSAGE, MONEY_UNIT_MESSAGE } from './common';
import { documentSchema } from './document';
import { emptyExecutionPlan, executionPlanSchema, addPlanUnitProject } from './execution-plan';
import { emptyFinanceRow, financeRowSchema } from './finance-row';
import { managementCardSchema, newCardFromPrevious } from './management-card';
import { exampleCard, examplePlan, examples } from './test-fixtures';

function issues(input: unknown) {
  const r = documentSchema.safeParse(input);
  expect(r.success).toBe(false);
  return (r.error?.issues ?? []).map((i) => ({ path: i.path.join('.'), message: i.message }));
}

describe('the JSON examples in docs/examples', () => {
  it.each(Object.entries(examples))('%s parses with documentSchema', (_name, json) => {
    const parsed = documentSchema.parse(structuredClone(json));
    expect(parsed.kind).toBe(json.kind);
    // Output equals input: the examples are already in canonical form (numbers, no surprise keys).
    expect(parsed).toEqual(json);
  });
});

describe('documentSchema', () => {
  it('rejects an unknown kind at "kind" with a Korean message', () => {
    expect(issues({ ...examples.planJson, kind: 'budgetPlan' })).toEqual([
      {
        path: 'kind',
        message:
          '알 수 없는 문서 종류입니다 (kind는 executionPlan, managementCard, financeRow, changeRequest 중 하나)',
      },
    ]);
  });

  it('rejects unknown keys at the top and deep inside', () => {
    expect(issues({ ...examples.cardJson, secretField: 1 })).toEqual([
      { path: '', message: '허용되지 않는 항목입니다: secretField' },
    ]);
    const card = structuredClone(examples.cardJson) as Record<string, unknown> & { unitProjects: object[] };
    card.unitProjects[1] = { ...card.unitProjects[1], extra: 'x' };
    expect(issues(card)).toEqual([{ path: 'unitProjects.1', message: '허용되지 않는 항목입니다: extra' }]);
    const grid = structuredClone(examples.planJson);
    (grid.unitProjects[0]!.investmentNeeds as Record<string, unknown>).loan = {};
    expect(issues(grid)).toEqual([
      { path: 'unitProjects.0.investmentNeeds', message: '허용되지 않는 항목입니다: loan' },
    ]);
  });

  it('rejects another schema version', () => {
    expect(issues({ ...examples.financeRowJson, schemaVersion: 2 })).toEqual([
      {
        path: 'schemaVersion',
        message: '지원하지 않는 문서 형식 버전입니다 (schemaVersion은 1이어야 합니다)',
      },
    ]);
  });

  it('reports bad amounts, ids and keys at the react-hook-form field path', () => {
    const plan = structuredClone(examples.planJson) as unknown as {
      unitProjects: {
        investmentNeeds: { city: Record<string, unknown> };
        schedule: Record<string, string>;
      }[];
      projectId: string;
    };
    plan.unitProjects[1]!.investmentNeeds.city['2020'] = -10;
    plan.unitProjects[0]!.investmentNeeds.city['2019'] = '3천';
    plan.unitProjects[0]!.schedule['2019-Q3'] = '분기';
    plan.projectId = '1-1';
    expect(issues(plan)).toEqual(
      expect.arrayContaining([
        { path: 'projectId', message: '공약번호는 "1-1-1" 형식이어야 합니다' },
        { path: 'unitProjects.1.investmentNeeds.city.2020', message: MONEY_MESSAGE },
        // "3천": a unit typed with the number is named as such.
        { path: 'unitProjects.0.investmentNeeds.city.2019', message: MONEY_UNIT_MESSAGE },
        {
          path: 'unitProjects.0.schedule.2019-Q3',
          message: '반기는 "2019-H1" 형식 또는 "afterTerm"(임기후)이어야 합니다',
        },
      ]),
    );
  });

  it('normalises typed text amounts to numbers (form input → document output)', () => {
    const row = {
      ...structuredClone(examples.financeRowJson),
      secured: { national: '1,500.25', city: '', district: null, private: 0, other: 3 },
    };
    expect(financeRowSchema.parse(row).secured).toEqual({
      national: 1500.25,
      city: null,
      district: null,
      private: 0,
      other: 3,
    });
  });

  it('reports a missing required key as 필수 항목', () => {
    const { policyGoal: _omit, ...rest } = examples.planJson;
    expect(issues(rest)).toEqual([{ path: 'policyGoal', message: '필수 항목이 없습니다' }]);
  });
});

describe('factories', () => {
  it('empty drafts are valid documents with every grid present', () => {
    const plan = emptyExecutionPlan('1-1-1', '경제진흥본부', '마포 핀테크 랩');
    expect(executionPlanSchema.parse(plan)).toEqual(plan);
    expect(Object.keys(plan.unitProjects[0]!.investmentNeeds)).toEqual([
      'national',
      'city',
      'district',
      'private',
      'other',
    ]);
    expect(plan.leadContacts.map((c) => c.position)).toEqual(['chief', 'teamLeader', 'officer']);
    expect(addPlanUnitProject(plan.unitProjects).map((u) => u.id)).toEqual(['u1', 'u2']);
    const row = emptyFinanceRow('1-1-1', '경제진흥본부', '2019-H1');
    expect(documentSchema.parse(row)).toEqual(row);
    const request = emptyChangeRequest('cr-1', '5-9-1', '관광체육국');
    expect(documentSchema.parse(request)).toEqual(request);
    expect(currentDecisionStatus(request)).toBeNull();
    expect(nextDecisionStatuses(request)).toEqual(['requested']);
  });

  it('a first card copies the plan: frozen fields and initial investment needs, no results yet', () => {
    const plan = examplePlan();
    const card = newCardFromPrevious(null, plan, '2018-H2');
    expect(managementCardSchema.parse(card)).toEqual(card);
    expect(card).toMatchObject({
      kind: 'managementCard',
      lifecycle: 'draft',
      periodId: '2018-H2',
      status: null,
    });
    expect(card.policyGoal).toBe(plan.policyGoal);
    expect(card.unitProjects.map((u) => [u.id, u.name, u.schedule])).toEqual(
      plan.unitProjects.map((u) => [u.id, u.name, u.schedule]),
    );
    expect(card.unitProjects[0]!.investmentNeeds).toEqual(plan.unitProjects[0]!.investmentNeeds);
    expect(card.unitProjects[0]!.results).toEqual({});
    expect(card.totalCost).toEqual({ kind: 'amount', amount: 17100.75 });
    // 시민참여 실적 is counted from the term's start: the plan's (its making, in 2018) are where the card starts.
    expect(
      plan.citizenParticipation.counts.briefings + plan.citizenParticipation.activities.length,
    ).toBeGreaterThan(0);
    expect(card.citizenParticipation.counts).toEqual(plan.citizenParticipation.counts);
    expect(card.citizenParticipation.activities).toEqual(plan.citizenParticipation.activities);
    expect(card.citizenParticipation.attachments).toEqual([]);
    // The card owns its copies: editing it leaves the plan alone.
    card.unitProjects[0]!.investmentNeeds.city['2019'] = 1;
    expect(plan.unitProjects[0]!.investmentNeeds.city['2019']).toBe(3000);
  });

  it('a later card keeps the previous living fields and takes frozen fields from the (changed) plan', () => {
    const plan = examplePlan();
    const previous = exampleCard();
    plan.policyGoal = '변경 승인된 정책목표';
    plan.unitProjects[1]!.name = '블록체인 실증 (조정)';
    plan.unitProjects.push({ ...plan.unitProjects[1]!, id: 'u3', name: '신규 단위사업' });
    const card = newCardFromPrevious(previous, plan, '2019-H2');
    expect(card.periodId).toBe('2019-H2');
    expect(card.lifecycle).toBe('draft');
    expect(card.status).toBe('onTrack');
    expect(card.executor).toBe('city');
    expect(card.totalCost).toEqual({ kind: 'amount', amount: 16900.75 });
    expect(card.policyGoal).toBe('변경 승인된 정책목표');
    expect(card.unitProjects.map((u) => u.name)).toEqual([
      '서울핀테크랩 조성·운영',
      '블록체인 실증 (조정)',
      '신규 단위사업',
    ]);
    expect(card.unitProjects[0]!.results['2019-H1']).toBe('1기 입주기업 52개사 선발, 투자유치 120억원');
    expect(card.unitProjects[0]!.investmentNeeds.city['2019']).toBe(2800);
    expect(card.unitProjects[0]!.executed.city).toEqual({ '2018-H2': 1450.5, '2019-H1': 1200.25 });
    expect(card.unitProjects[2]!.results).toEqual({});
    expect(card.problemsAndSolutions).toBe(previous.problemsAndSolutions);
  });
});
