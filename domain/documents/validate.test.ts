import { describe, expect, it } from 'vitest';
import { MONEY_MESSAGE, PHONE_MESSAGE } from './common';
import { emptyExecutionPlan } from './execution-plan';
import { newCardFromPrevious, withShownStatusDetails } from './management-card';
import {
  exampleCard,
  exampleChangeRequest,
  exampleFinanceRow,
  examplePlan,
  examples,
  TERM,
} from './test-fixtures';
import {
  checkDocument,
  formatAmount,
  frozenFieldIssues,
  type Issue,
  periodLabel,
  termEndMonth,
  validateDocument,
} from './validate';

const at = (list: Issue[], path: string) =>
  list.filter((i) => i.path === path).map((i) => [i.code, i.message]);
const codes = (list: Issue[]) => list.map((i) => `${i.path} ${i.code}`);

describe('the examples are clean', () => {
  it('plan, card (with plan, previous card and finance row), finance row, change request', () => {
    expect(validateDocument(examplePlan(), TERM)).toEqual({ errors: [], warnings: [] });
    const card = validateDocument(exampleCard(), {
      ...TERM,
      confirmedPlan: examplePlan(),
      previousCard: exampleCard(),
      financeRow: exampleFinanceRow(),
    });
    expect(card).toEqual({ errors: [], warnings: [] });
    expect(validateDocument(exampleFinanceRow(), { ...TERM, card: exampleCard() })).toEqual({
      errors: [],
      warnings: [],
    });
    expect(validateDocument(exampleChangeRequest(), TERM)).toEqual({ errors: [], warnings: [] });
  });
});

describe('helpers', () => {
  it('labels periods and finds the end of the term', () => {
    expect(periodLabel('2019-H1')).toBe('2019년 상반기');
    expect(periodLabel('2018-H2')).toBe('2018년 하반기');
    expect(periodLabel('afterTerm')).toBe('임기후');
    expect(termEndMonth(TERM.periods)).toBe('2022-06');
  });
});

describe('execution plan', () => {
  it('an empty draft lists what is missing as errors', () => {
    const { errors, warnings } = validateDocument(emptyExecutionPlan('1-1-1', ''), TERM);
    expect(codes(errors)).toEqual([
      'projectName required',
      'department required',
      'leadContacts required',
      'totalCost required',
      'newOrContinuing required',
      'completionTiming required',
      'fundingSources required',
      'policyGoal required',
      'projectPeriod.from required',
      'projectPeriod.to required',
      'unitProjects.0.name required',
      'unitProjects.0.detailedPlan required',
      'unitProjects.0.schedule required',
    ]);
    expect(at(errors, 'policyGoal')).toEqual([['required', '정책목표를 입력하세요']]);
    expect(warnings).toEqual([]);
  });

  it('years and half-years outside the term are errors at the cell path', () => {
    const plan = examplePlan();
    plan.unitProjects[0]!.investmentNeeds.city['2023'] = 10;
    plan.unitProjects[1]!.schedule['2022-H2'] = '임기 밖';
    const { errors } = validateDocument(plan, TERM);
    expect(at(errors, 'unitProjects.0.investmentNeeds.city.2023')).toEqual([
      ['budgetYear.outOfTerm', '2023년은 임기(2018, 2019, 2020, 2021, 2022) 밖의 연도입니다'],
    ]);
    expect(at(errors, 'unitProjects.1.schedule.2022-H2')).toEqual([
      ['period.outOfTerm', '2022년 하반기는 임기 중의 반기가 아닙니다'],
    ]);
  });

  it('negative or non-numeric amounts built outside the schema are errors', () => {
    const plan = examplePlan();
    plan.unitProjects[0]!.investmentNeeds.national['2019'] = -1;
    plan.unitProjects[0]!.investmentNeeds.national['2020'] = Number.NaN;
    const { errors } = validateDocument(plan, TERM);
    expect(at(errors, 'unitProjects.0.investmentNeeds.national.2019')).toEqual([
      ['amount.invalid', MONEY_MESSAGE],
    ]);
    expect(at(errors, 'unitProjects.0.investmentNeeds.national.2020')).toEqual([
      ['amount.invalid', MONEY_MESSAGE],
    ]);
  });

  it('a 임기내 project must end by 2022-06; 총사업비 differing from 임기내 계 is a warning', () => {
    const plan = examplePlan();
    plan.projectPeriod.to = '2023-03';
    plan.totalCost = { kind: 'amount', amount: 17000 };
    const { errors, warnings } = validateDocument(plan, TERM);
    expect(at(errors, 'projectPeriod.to')).toEqual([
      ['projectPeriod.invalid', '임기내 완료 사업은 2022-06까지 끝나야 합니다'],
    ]);
    expect(at(warnings, 'totalCost.amount')).toEqual([
      [
        'totalCost.mismatch',
        '총사업비(17,000백만원)가 연차별 투자수요 임기내 계(17,100.75백만원)와 다릅니다',
      ],
    ]);
  });

  it('contacts: partially filled rows need name and phone; duplicate unit ids are errors', () => {
    const plan = examplePlan();
    plan.leadContacts[1] = { position: 'teamLeader', unit: '핀테크팀', name: '', phone: '' };
    plan.unitProjects[1]!.id = 'u1';
    const { errors } = validateDocument(plan, TERM);
    expect(at(errors, 'leadContacts.1.name')).toEqual([
      ['required', '주관부서 담당자 2(팀장) 이름을 입력하세요'],
    ]);
    expect(at(errors, 'leadContacts.1.phone')).toEqual([
      ['required', '주관부서 담당자 2(팀장) 전화번호를 입력하세요'],
    ]);
    expect(at(errors, 'unitProjects.1.id')).toEqual([['duplicate', "단위사업 id 'u1'가 중복됩니다"]]);
  });

  it('a contact row started with its name blank is one error naming the row, not also "한 명 이상"', () => {
    const plan = examplePlan();
    plan.leadContacts = [{ position: 'chief', unit: '투자창업과', name: '', phone: '02-2133-6610' }];
    const { errors } = validateDocument(plan, TERM);
    expect(errors.map((i) => [i.path, i.code, i.message])).toEqual([
      ['leadContacts.0.name', 'required', '주관부서 담당자 1(과장) 이름을 입력하세요'],
    ]);
  });

  it('no contact row started: one error on the list, naming which list', () => {
    const plan = examplePlan();
    plan.leadContacts = [{ position: 'chief', unit: '', name: '', phone: '' }];
    plan.cooperatingDepartments = [
      {
        department: '',
        contacts: [
          { position: 'officer', unit: '', name: '', phone: '' },
          { position: 'teamLeader', unit: '핀테크팀', name: '김담당', phone: '2133-가나' },
        ],
      },
      { department: '경제정책과', contacts: [] },
    ];
    const { errors } = validateDocument(plan, TERM);
    expect(errors.map((i) => [i.path, i.code, i.message])).toEqual([
      ['leadContacts', 'required', '주관부서 담당자를 한 명 이상 입력하세요 (과장·팀장·담당 중)'],
      ['cooperatingDepartments.0.department', 'required', '협조부서 1 부서명을 입력하세요'],
      [
        'cooperatingDepartments.0.contacts.1.phone',
        'phone.invalid',
        `협조부서 1 담당자 2(팀장) ${PHONE_MESSAGE}`,
      ],
      [
        'cooperatingDepartments.1.contacts',
        'required',
        '협조부서 2 담당자를 한 명 이상 입력하세요 (과장·팀장·담당 중)',
      ],
    ]);
  });

  it('a management card names its contact rows too', () => {
    const card = exampleCard();
    card.leadContacts[0] = { position: 'officer', unit: '', name: '', phone: '2133-6610' };
    const { errors } = validateDocument(card, { ...TERM, confirmedPlan: examplePlan() });
    expect(at(errors, 'leadContacts.0.name')).toEqual([
      ['required', '주관부서 담당자 1(담당) 이름을 입력하세요'],
    ]);
    expect(at(errors, 'leadContacts')).toEqual([]);
  });
});

describe('management card', () => {
  const ctx = () => ({ ...TERM, confirmedPlan: examplePlan() });

  it('이행 후 계속 추진 needs the same 완료 근거: the office decides it as it decides 완료', () => {
    const card = exampleCard();
    card.status = 'continuing';
    card.completionEvidence = { summary: ' ', attachments: [] };
    expect(at(validateDocument(card, ctx()).errors, 'completionEvidence')).toEqual([
      [
        'status.completedWithoutEvidence',
        '이행 후 계속 추진으로 보고하려면 완료 근거(완료 내용 또는 증빙자료 첨부)가 필요합니다',
      ],
    ]);
    card.completionEvidence.summary = '조례 제정 후 매년 공모 (2019.3. 이후 반복)';
    expect(validateDocument(card, ctx()).errors).toEqual([]);
    // Sent as written: its 완료 근거 goes with it (not dropped as a detail its status does not show).
    expect(withShownStatusDetails(card).completionEvidence.summary).toBe(card.completionEvidence.summary);
    expect(withShownStatusDetails({ ...card, status: 'onTrack' }).completionEvidence.summary).toBe('');
  });

  it('완료 needs evidence: none is an error, a summary or an attachment is enough', () => {
    const card = exampleCard();
    card.status = 'completed';
    expect(at(validateDocument(card, ctx()).errors, 'completionEvidence')).toEqual([
      [
        'status.completedWithoutEvidence',
        '완료로 보고하려면 완료 근거(완료 내용 또는 증빙자료 첨부)가 필요합니다',
      ],
    ]);
    card.completionEvidence.summary = '서울핀테크랩 개관 및 입주 완료 (2019.5.)';
    expect(validateDocument(card, ctx()).errors).toEqual([]);
    card.completionEvidence = {
      summary: '',
      attachments: [{ sha256: 'a'.repeat(64), name: '결과보고.pdf', mediaType: 'application/pdf', size: 10 }],
    };
    expect(validateDocument(card, ctx()).errors).toEqual([]);
  });

  it('보류 and 폐기 need a reason', () => {
    const card = exampleCard();
    card.status = 'onHold';
    expect(at(validateDocument(card, ctx()).errors, 'statusReason')).toEqual([
      ['status.reasonRequired', '보류 사유를 입력하세요'],
    ]);
    card.status = 'dropped';
    expect(at(validateDocument(card, ctx()).errors, 'statusReason')).toEqual([
      ['status.reasonRequired', '폐기 사유를 입력하세요'],
    ]);
    card.statusReason = '국가 정책 변경으로 추진 불가';
    expect(validateDocument(card, ctx()).errors).toEqual([]);
  });

  it('frozen fields differing from the confirmed plan are errors', () => {
    const card = exampleCard();
    card.policyGoal = '목표를 낮춤';
    card.unitProjects[0]!.name = '이름 바꿈';
    card.unitProjects[1]!.schedule['2019-H2'] = '일정 바꿈';
    const { errors } = validateDocument(card, ctx());
    expect(codes(errors)).toEqual([
      'policyGoal frozen.changed',
      'unitProjects.0.name frozen.changed',
      'unitProjects.1.schedule.2019-H2 frozen.changed',
    ]);
    expect(at(errors, 'policyGoal')[0]![1]).toBe(
      '정책목표가 확정된 실천계획서와 달라 수정할 수 없습니다 (변경은 공약 조정 요청서로)',
    );
    // Without a confirmed plan in the context there is nothing to compare with.
    expect(validateDocument(card, TERM).errors).toEqual([]);
    // The office's check of thousands of cards runs the frozen-field part alone: the same issues.
    const plan = ctx().confirmedPlan;
    if (!plan) throw new Error('no plan');
    expect(frozenFieldIssues(card, plan).errors).toEqual(errors);
    card.unitProjects[1]!.id = 'u9';
    expect(frozenFieldIssues(card, plan).errors).toEqual(
      validateDocument(card, ctx()).errors.filter((e) => /^(frozen|unit)\./.test(e.code)),
    );
  });

  it('a unit project missing from or unknown to the plan is an error', () => {
    const card = exampleCard();
    card.unitProjects[1]!.id = 'u9';
    expect(codes(validateDocument(card, ctx()).errors)).toEqual([
      'unitProjects unit.missing',
      'unitProjects.1.id unit.unknown',
    ]);
  });

  it('results and executed amounts for half-years after the card, or outside the term, are errors', () => {
    const card = exampleCard();
    card.unitProjects[0]!.results['2019-H2'] = '미래 실적';
    card.unitProjects[0]!.executed.city['2020-H1'] = 5;
    card.unitProjects[0]!.executed.city['2017-H2'] = 5;
    const { errors } = validateDocument(card, ctx());
    expect(codes(errors)).toEqual([
      'unitProjects.0.results.2019-H2 period.future',
      'unitProjects.0.executed.city.2020-H1 period.future',
      'unitProjects.0.executed.city.2017-H2 period.outOfTerm',
    ]);
    expect(at(errors, 'unitProjects.0.results.2019-H2')[0]![1]).toBe(
      '2019년 하반기는 이 관리카드의 보고 반기(2019년 상반기) 이후라 입력할 수 없습니다',
    );
  });

  it('a missed milestone is a warning, not an error', () => {
    const card = exampleCard();
    delete card.unitProjects[1]!.results['2019-H1'];
    const { errors, warnings } = validateDocument(card, ctx());
    expect(errors).toEqual([]);
    expect(at(warnings, 'unitProjects.1.results.2019-H1')).toEqual([
      ['milestone.missed', '2019년 상반기 추진계획("블록체인 시범사업 3건 선정")에 대한 실적이 없습니다'],
    ]);
  });

  it('executed beyond secured is a warning (card with finance row, and finance row with card)', () => {
    const card = exampleCard();
    const row = exampleFinanceRow();
    row.secured.national = 150; // 집행 국비 200
    const onCard = validateDocument(card, { ...ctx(), financeRow: row });
    expect(onCard.errors).toEqual([]);
    expect(onCard.warnings).toEqual([
      {
        // The largest 국비 executed cell on the card (the example's 200 in 2019-H1): where to look first.
        path: 'unitProjects.0.executed.national.2019-H1',
        code: 'executed.exceedsSecured',
        message:
          '국비 집행액(200백만원)이 확보액(150백만원)보다 많습니다 (확보액은 재정집행 현황의 확보내역입니다)',
      },
    ]);
    expect(card.unitProjects[0]?.executed.national['2019-H1']).toBe(200);
    const onRow = validateDocument(row, { ...TERM, card });
    expect(onRow.warnings.map((w) => w.path)).toEqual(['secured.national']);
    expect(onRow.warnings[0]?.message).toBe('국비 집행액(200백만원)이 확보액(150백만원)보다 많습니다');
  });

  it('집행액 above the unit’s 투자수요 of the source is a warning at that row’s largest cell', () => {
    const card = exampleCard();
    // 블록체인: 시비 투자수요 계 800.5 + 1,200 + 1,200 + 600 = 3,800.5; 집행 300.125 → 3,800.5 is still within.
    card.unitProjects[1]!.executed.city['2019-H1'] = 3800.5;
    expect(validateDocument(card, ctx()).warnings.filter((w) => w.code === 'executed.exceedsNeeds')).toEqual(
      [],
    );
    card.unitProjects[1]!.executed.city['2019-H1'] = 3800.625;
    // 핀테크랩: 국비 투자수요 500 + 500 = 1,000; 집행 1,000.5 (a later half-year's cell does not count).
    card.unitProjects[0]!.executed.national['2019-H1'] = 1000.5;
    card.unitProjects[0]!.executed.national['2019-H2'] = 5000; // after the card's half-year (an error of its own)
    expect(validateDocument(card, ctx()).warnings.filter((w) => w.code === 'executed.exceedsNeeds')).toEqual([
      {
        // The row's largest counted cell (the slipped digit, most often), not the later 5,000.
        path: 'unitProjects.0.executed.national.2019-H1',
        code: 'executed.exceedsNeeds',
        message:
          "단위사업 '서울핀테크랩 조성·운영'의 국비 집행액 누계(1,000.5백만원)가 연차별 투자수요 계(1,000백만원)보다 많습니다",
      },
      {
        path: 'unitProjects.1.executed.city.2019-H1',
        code: 'executed.exceedsNeeds',
        message:
          "단위사업 '블록체인 기술 실증·인재양성'의 시비 집행액 누계(3,800.625백만원)가 연차별 투자수요 계(3,800.5백만원)보다 많습니다",
      },
    ]);
  });

  it('money in a source not ticked in 재원구분 is a warning naming where the money is', () => {
    const card = exampleCard();
    card.fundingSources = ['city']; // 국비 has 투자수요 and 집행; 민간 투자수요 only
    const plan = examplePlan();
    plan.fundingSources = ['national', 'city']; // 민간 has 투자수요 (블록체인 2020: 300.25)
    expect(
      validateDocument(card, ctx()).warnings.filter((w) => w.code === 'fundingSources.unselected'),
    ).toEqual([
      {
        path: 'fundingSources',
        code: 'fundingSources.unselected',
        message: '국비 연차별 투자수요와 집행액이 입력되어 있지만 재원구분에 국비가 선택되지 않았습니다',
      },
      {
        path: 'fundingSources',
        code: 'fundingSources.unselected',
        message: '민간 연차별 투자수요가 입력되어 있지만 재원구분에 민간이 선택되지 않았습니다',
      },
    ]);
    expect(validateDocument(plan, TERM).warnings).toEqual([
      {
        path: 'fundingSources',
        code: 'fundingSources.unselected',
        message: '민간 연차별 투자수요가 입력되어 있지만 재원구분에 민간이 선택되지 않았습니다',
      },
    ]);
  });

  it('plan totals changed since the previous card are warnings', () => {
    const previous = exampleCard();
    const card = newCardFromPrevious(previous, examplePlan(), '2019-H2');
    card.unitProjects[1]!.investmentNeeds.city['2021'] = 1000.5; // was 1200
    card.totalCost = { kind: 'amount', amount: 16701.25 };
    const { warnings } = validateDocument(card, { ...ctx(), previousCard: previous });
    // The new half-year's results are not written yet: those are missed-milestone warnings.
    expect(codes(warnings.filter((w) => w.code === 'milestone.missed'))).toEqual([
      'unitProjects.0.results.2019-H2 milestone.missed',
      'unitProjects.1.results.2019-H2 milestone.missed',
    ]);
    expect(warnings.filter((w) => w.code === 'plan.totalsChanged')).toEqual([
      {
        path: 'unitProjects.1.investmentNeeds',
        code: 'plan.totalsChanged',
        message:
          "단위사업 '블록체인 기술 실증·인재양성'의 투자수요 계가 직전 관리카드(4,100.75백만원)와 달라졌습니다 (현재 3,901.25백만원)",
      },
      { path: 'totalCost', code: 'plan.totalsChanged', message: '총사업비가 직전 관리카드와 달라졌습니다' },
    ]);
  });

  it('총사업비 differing from the card’s own 연차별 투자수요 임기내 계 is a warning, as on the plan', () => {
    const card = exampleCard();
    // 임기후 is outside 총사업비 (~'22.6): the example's 16,900.75 still agrees.
    card.unitProjects[0]!.investmentNeeds.city.afterTerm = 3500;
    expect(validateDocument(card, ctx()).warnings).toEqual([]);
    // 현행화 of a year's 투자수요 without 총사업비: the card's header and its grid disagree.
    card.unitProjects[0]!.investmentNeeds.city['2022'] = 1700.5; // was 1,500
    const { errors, warnings } = validateDocument(card, ctx());
    expect(errors).toEqual([]);
    expect(warnings).toEqual([
      {
        path: 'totalCost.amount',
        code: 'totalCost.mismatch',
        message: '총사업비(16,900.75백만원)가 연차별 투자수요 임기내 계(17,101.25백만원)와 다릅니다',
      },
    ]);
    card.totalCost = { kind: 'nonBudget' };
    expect(validateDocument(card, ctx()).warnings).toEqual([
      {
        path: 'totalCost',
        code: 'totalCost.mismatch',
        message: '비예산 사업인데 연차별 투자수요가 17,101.25백만원 입력되어 있습니다',
      },
    ]);
  });

  it('a fresh card is blocked until status and executor are chosen', () => {
    const card = newCardFromPrevious(null, examplePlan(), '2018-H2');
    const { errors } = validateDocument(card, ctx());
    expect(codes(errors)).toEqual(['status required', 'executor required']);
  });

  it('a period outside the term is an error', () => {
    const card = exampleCard();
    card.periodId = '2022-H2';
    expect(at(validateDocument(card, TERM).errors, 'periodId')).toEqual([
      ['period.outOfTerm', '2022년 하반기는 임기 중의 반기가 아닙니다'],
    ]);
  });
});

describe('change request', () => {
  it('requires content, reason and a consistent decision history', () => {
    const request = exampleChangeRequest();
    request.reason = ' ';
    request.rows[0]!.proposed = request.rows[0]!.original;
    request.decisionHistory.push({ status: 'requested', date: '2018-09-01', by: '', note: '' });
    request.evidence = [];
    const { errors, warnings } = validateDocument(request, TERM);
    expect(codes(errors)).toEqual([
      'reason required',
      'decisionHistory.3.status decision.invalid',
      'decisionHistory.3.date decision.invalid',
    ]);
    expect(at(errors, 'decisionHistory.3.status')[0]![1]).toBe(
      "'총괄부서 검토중' 다음에 '요청'으로 갈 수 없습니다",
    );
    expect(codes(warnings)).toEqual(['rows.0.proposed change.noDifference', 'evidence evidence.missing']);
  });

  it('a submitted request must have history starting with 요청', () => {
    const request = exampleChangeRequest();
    request.decisionHistory = [];
    expect(codes(validateDocument(request, TERM).errors)).toEqual(['decisionHistory decision.invalid']);
    request.decisionHistory = [
      { status: 'approved', date: '2018-11-30', by: '시민공약평가단', note: '승인' },
    ];
    expect(codes(validateDocument(request, TERM).errors)).toEqual([
      'decisionHistory.0.status decision.invalid',
    ]);
  });
});

describe('checkDocument (untrusted input)', () => {
  it('returns schema problems as errors with paths, and business rules for valid input', () => {
    const bad = checkDocument(
      { ...examples.financeRowJson, secured: { ...examples.financeRowJson.secured, city: -1 } },
      TERM,
    );
    expect(bad.document).toBeNull();
    expect(bad.errors).toEqual([{ path: 'secured.city', code: 'schema', message: MONEY_MESSAGE }]);
    const good = checkDocument(examples.cardJson, TERM);
    expect(good.document?.kind).toBe('managementCard');
    expect(good.errors).toEqual([]);
  });
});

describe('formatAmount', () => {
  it('writes 백만원 amounts with thousands separators and at most three decimals', () => {
    expect(formatAmount(1234.5678)).toBe('1,234.568백만원');
    expect(formatAmount(0)).toBe('0백만원');
    expect(formatAmount(1_000_000)).toBe('1,000,000백만원');
    expect(formatAmount(0.1 + 0.2)).toBe('0.3백만원');
  });
});
