import { describe, expect, it } from 'vitest';
import type { ContactPerson } from '../documents';
import { buildOfficeReport } from './build-report';
import { contactsToCall, contactText, contactToCall } from './contacts';
import { createReportMemo } from './report-memo';
import { emptyInput, makeCard, makePlan, project } from './test-fixtures';

/**
 * 1-1-7 is led by 경제진흥본부 with 여성가족정책실 as co-department (붙임1); 1-1-1 by 경제진흥본부 alone. The
 * plan names the people the department first gave; a card may name others later (a transfer, 인사발령).
 */
const LEAD = '경제진흥본부';
const CO = '여성가족정책실';

const person = (
  position: ContactPerson['position'],
  name: string,
  phone: string,
  unit = '',
): ContactPerson => ({
  position,
  unit,
  name,
  phone,
});

function plan117() {
  const plan = makePlan(project('1-1-7'));
  plan.leadContacts = [
    person('chief', '김과장', '02-2133-1000', '일자리정책과'),
    person('teamLeader', '', ''),
    person('officer', ' 이담당 ', '02-2133-1001'),
  ];
  plan.cooperatingDepartments = [{ department: CO, contacts: [person('officer', '박협조', '02-2133-2001')] }];
  return plan;
}

describe('담당자 (공약실명제)', () => {
  it('takes the half-year’s card first, then the plan; a co-department its own entry; nobody named says so', () => {
    const input = emptyInput('2019-H2');
    const plan = plan117();
    const plan111 = makePlan(project('1-1-1'));
    input.plans = [plan, plan111];
    const card = makeCard(plan, '2019-H2');
    card.leadContacts = [person('officer', '최새담당', '02-2133-1002')];
    input.cards = [card];

    const report = buildOfficeReport(input);
    const rows117 = report.contacts.filter((r) => r.projectId === '1-1-7');
    expect(rows117.map((r) => [r.department, r.role, r.source])).toEqual([
      [LEAD, 'lead', '2019년 하반기 관리카드'],
      [CO, 'co', '2019년 하반기 관리카드'],
    ]);
    // The card copies the plan's co-department entry (newCardFromPrevious): its 박협조 stands.
    expect(rows117[0]?.persons.map((p) => p.name)).toEqual(['최새담당']);
    expect(rows117[1]?.persons.map((p) => p.name)).toEqual(['박협조']);

    // 1-1-1 has a plan whose contacts are empty: the row says nobody, with no source.
    const row111 = report.contacts.find((r) => r.projectId === '1-1-1');
    expect(row111).toMatchObject({ department: LEAD, role: 'lead', persons: [], source: '' });
    expect(row111 && contactToCall(row111)).toBeNull();
    // Every project of the catalog has its lead's row, in catalog order.
    const leads = report.contacts.filter((r) => r.role === 'lead').map((r) => r.projectId);
    expect(leads).toEqual(input.catalog.projects.map((p) => p.id));
  });

  it('without the half-year’s card, the card of the half-year before, then the confirmed plan', () => {
    const plan = plan117();
    const prior = makeCard(plan, '2019-H1');
    prior.leadContacts = [person('teamLeader', '정팀장', '02-2133-1003', '투자창업팀')];
    prior.cooperatingDepartments = [];

    const withPrior = emptyInput('2019-H2');
    withPrior.plans = [plan];
    withPrior.previousCards = [prior];
    const rows = buildOfficeReport(withPrior).contacts.filter((r) => r.projectId === '1-1-7');
    expect(rows[0]).toMatchObject({ source: '2019년 상반기 관리카드' });
    // No 담당 named there: the 팀장 is whom to call.
    expect(rows[0] && contactToCall(rows[0])).toBe('정팀장 팀장 (투자창업팀) ☎ 02-2133-1003');
    // That card names no co-department: the plan's entry is read.
    expect(rows[1]).toMatchObject({ department: CO, source: '확정된 실천계획서' });

    const planOnly = emptyInput('2019-H2');
    planOnly.plans = [plan];
    const lead = buildOfficeReport(planOnly).contacts.find(
      (r) => r.projectId === '1-1-7' && r.role === 'lead',
    );
    expect(lead?.source).toBe('확정된 실천계획서');
    // Trimmed, the empty 팀장 left out; the 담당 is whom to call.
    expect(lead?.persons.map(contactText)).toEqual([
      '김과장 과장 (일자리정책과) ☎ 02-2133-1000',
      '이담당 담당 ☎ 02-2133-1001',
    ]);
    expect(lead && contactToCall(lead)).toBe('이담당 담당 ☎ 02-2133-1001');
  });

  it('without a card of the half-year or the one before, the lead’s last card before them', () => {
    const plan = plan117();
    const last = makeCard(plan, '2019-H1');
    last.leadContacts = [person('officer', '오담당', '02-2133-1005')];
    const input = { ...emptyInput('2020-H1'), plans: [plan], earlierCards: [last] };
    const lead = buildOfficeReport(input).contacts.find((r) => r.projectId === '1-1-7' && r.role === 'lead');
    expect(lead).toMatchObject({ source: '2019년 상반기 관리카드' });
    expect(lead && contactToCall(lead)).toBe('오담당 담당 ☎ 02-2133-1005');
  });

  it('kept between reports while the documents are the same, computed anew for a new card', () => {
    const memo = createReportMemo();
    const input = emptyInput('2019-H2');
    const plan = plan117();
    input.plans = [plan];
    input.memo = memo;
    const first = buildOfficeReport(input);
    const again = buildOfficeReport(input);
    const lead = (r: typeof first) => r.contacts.find((c) => c.projectId === '1-1-7' && c.role === 'lead');
    expect(lead(again)).toBe(lead(first));

    const card = makeCard(plan, '2019-H2');
    card.leadContacts = [person('officer', '한담당', '02-2133-1004')];
    const changed = buildOfficeReport({ ...input, cards: [card] });
    expect(lead(changed)?.persons.map((p) => p.name)).toEqual(['한담당']);
  });
});

describe('contactsToCall', () => {
  it('groups a department’s missing projects by whom to call, nobody named last', () => {
    const input = emptyInput('2019-H2');
    const plan117 = makePlanWith('1-1-7', [person('officer', '이담당', '02-2133-1001')]);
    const plan111 = makePlanWith('1-1-1', [person('officer', '이담당', '02-2133-1001')]);
    const plan112 = makePlanWith('1-1-2', [person('chief', '김과장', '02-2133-1000')]);
    input.plans = [plan117, plan111, plan112, makePlan(project('1-1-3'))];
    const { contacts } = buildOfficeReport(input);
    expect(contactsToCall(contacts, LEAD, ['1-1-1', '1-1-2', '1-1-3', '1-1-7', '1-1-1'])).toEqual([
      { call: '이담당 담당 ☎ 02-2133-1001', projectIds: ['1-1-1', '1-1-7'] },
      { call: '김과장 과장 ☎ 02-2133-1000', projectIds: ['1-1-2'] },
      { call: null, projectIds: ['1-1-3'] },
    ]);
    // Another department's rows are not its: 여성가족정책실 named nobody on 1-1-7.
    expect(contactsToCall(contacts, CO, ['1-1-7'])).toEqual([{ call: null, projectIds: ['1-1-7'] }]);
  });
});

function makePlanWith(id: string, lead: ContactPerson[]) {
  const plan = makePlan(project(id));
  plan.leadContacts = lead;
  return plan;
}
