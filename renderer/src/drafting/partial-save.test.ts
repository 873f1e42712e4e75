import { describe, expect, it } from 'vitest';
import planJson from '../../../docs/examples/execution-plan.json';
import { documentSchema } from '../../../domain/documents';
import { savableOnUnload, savableRest, valueAt, withRefusedRestored } from './partial-save';

const typed = {
  policyGoal: '새 목표',
  unitProjects: [
    { id: 'u1', name: '단위 1', investmentNeeds: { city: { '2019': '1500', '2020': '-20' } } },
    { id: 'u2', name: '단위 2', investmentNeeds: { city: { '2021': 'abc' } } },
  ],
};
const saved = {
  policyGoal: '옛 목표',
  unitProjects: [{ id: 'u1', name: '단위 1', investmentNeeds: { city: { '2019': 100, '2020': 7 } } }],
};

describe('withRefusedRestored', () => {
  it('puts each refused field back to its saved value, or blank where nothing was saved, and keeps the rest', () => {
    const rest = withRefusedRestored(
      typed,
      {
        'unitProjects.0.investmentNeeds.city.2020': '금액은 0 이상의 숫자여야 합니다 (백만원)',
        'unitProjects.1.investmentNeeds.city.2021': '금액은 0 이상의 숫자여야 합니다 (백만원)',
      },
      saved,
    );
    expect(valueAt(rest, 'unitProjects.0.investmentNeeds.city.2020')).toBe(7);
    expect(valueAt(rest, 'unitProjects.1.investmentNeeds.city.2021')).toBeNull();
    expect(valueAt(rest, 'unitProjects.0.investmentNeeds.city.2019')).toBe('1500');
    expect(valueAt(rest, 'policyGoal')).toBe('새 목표');
    expect(valueAt(rest, 'unitProjects.1.name')).toBe('단위 2');
    // The form's own values are not touched: the refused text stays on screen.
    expect(typed.unitProjects[0]?.investmentNeeds.city['2020']).toBe('-20');
  });

  it('gives up on a refusal of the whole document or of a path that is not there', () => {
    expect(withRefusedRestored(typed, { '(문서)': '형식이 올바르지 않습니다' }, saved)).toBeNull();
    expect(withRefusedRestored(typed, { '': '형식' }, saved)).toBeNull();
    expect(withRefusedRestored(typed, { 'unitProjects.5.name': '필수' }, saved)).toBeNull();
    expect(withRefusedRestored(typed, {}, saved)).toBeNull();
  });
});

describe('savableRest', () => {
  it('puts back the enclosing value when the field alone cannot be put back (총사업비 never saved)', () => {
    const saved = { ...structuredClone(planJson), totalCost: null };
    const typed = {
      ...structuredClone(planJson),
      policyGoal: '○ 새로 쓴 목표',
      totalCost: { kind: 'amount', amount: '1200억' },
    };
    const refused = Object.fromEntries(
      (documentSchema.safeParse(typed).error?.issues ?? []).map((i) => [i.path.join('.'), i.message]),
    );
    expect(Object.keys(refused)).toEqual(['totalCost.amount']);
    // The field alone put back (blank) is still refused: 총사업비 '금액' needs an amount.
    expect(documentSchema.safeParse(withRefusedRestored(typed, refused, saved)).success).toBe(false);

    const rest = savableRest(typed, refused, saved);
    expect(documentSchema.safeParse(rest).success).toBe(true);
    expect(valueAt(rest, 'totalCost')).toBeNull();
    expect(valueAt(rest, 'policyGoal')).toBe('○ 새로 쓴 목표');
    // Saved before as an amount: only the amount goes back.
    const savedAmount = { ...saved, totalCost: { kind: 'amount', amount: 800 } };
    expect(valueAt(savableRest(typed, refused, savedAmount), 'totalCost')).toEqual({
      kind: 'amount',
      amount: 800,
    });
    expect(savableOnUnload(typed, saved)).toEqual(rest);
  });

  it('is null when nothing valid comes of it', () => {
    const typed = { ...structuredClone(planJson), kind: 'nothing' };
    expect(savableRest(typed, { kind: '종류' }, { kind: 'nothing' })).toBeNull();
  });
});

describe('savableRest after a row is deleted', () => {
  const refusedOf = (typed: unknown) =>
    Object.fromEntries(
      (documentSchema.safeParse(typed).error?.issues ?? []).map((i) => [i.path.join('.'), i.message]),
    );
  const contacts = [
    { position: 'chief', unit: '투자창업과', name: '김과장', phone: '02-2133-5000' },
    { position: 'teamLeader', unit: '핀테크팀', name: '이팀장', phone: '02-2133-5001' },
    { position: 'officer', unit: '', name: '박담당', phone: '02-2133-5002' },
  ];

  it("puts a refused phone back from the same person's saved row, never from the row that was at its index", () => {
    const saved = { ...structuredClone(planJson), leadContacts: structuredClone(contacts) };
    const typed = structuredClone(saved);
    typed.leadContacts[1]!.phone = '02-2133-50O1';
    typed.leadContacts.splice(0, 1); // 김과장 deleted: 이팀장 is now at index 0
    const refused = refusedOf(typed);
    expect(Object.keys(refused)).toEqual(['leadContacts.0.phone']);

    for (const rest of [savableRest(typed, refused, saved), savableOnUnload(typed, saved)]) {
      expect(documentSchema.safeParse(rest).success).toBe(true);
      expect(valueAt(rest, 'leadContacts.0.name')).toBe('이팀장');
      expect(valueAt(rest, 'leadContacts.0.phone')).toBe('02-2133-5001');
      expect(valueAt(rest, 'leadContacts.1.phone')).toBe('02-2133-5002');
      expect(valueAt(rest, 'leadContacts.length')).toBe(2);
    }
  });

  it('saves the phone blank when its row cannot be matched (renamed too), keeping the deletion', () => {
    const saved = { ...structuredClone(planJson), leadContacts: structuredClone(contacts) };
    const typed = structuredClone(saved);
    typed.leadContacts[1]!.phone = '02-2133-50O1';
    typed.leadContacts[1]!.name = '이팀장(대리)';
    typed.leadContacts.splice(0, 1);
    const rest = savableRest(typed, refusedOf(typed), saved);
    expect(documentSchema.safeParse(rest).success).toBe(true);
    expect(valueAt(rest, 'leadContacts.0.name')).toBe('이팀장(대리)');
    expect(valueAt(rest, 'leadContacts.0.phone')).toBe('');
    expect(valueAt(rest, 'leadContacts.length')).toBe(2);
  });

  it('still puts a phone back by index when the list is as saved (two rows alike apart from the phone)', () => {
    const blank = { position: 'officer', unit: '', name: '', phone: '' };
    const saved = {
      ...structuredClone(planJson),
      leadContacts: [
        { ...blank, phone: '02-2133-5000' },
        { ...blank, phone: '02-2133-5001' },
      ],
    };
    const typed = structuredClone(saved);
    typed.leadContacts[1]!.phone = '02-2133-50O1';
    expect(valueAt(savableRest(typed, refusedOf(typed), saved), 'leadContacts.1.phone')).toBe('02-2133-5001');
    // The first of the two alike rows deleted: which one is left cannot be told, so nothing is put back.
    typed.leadContacts.splice(0, 1);
    expect(valueAt(savableRest(typed, refusedOf(typed), saved), 'leadContacts.0.phone')).toBe('');
  });

  it('matches 협조부서 contacts inside the department that is the same one', () => {
    const saved = {
      ...structuredClone(planJson),
      cooperatingDepartments: [
        { department: '디지털정책관', contacts: [structuredClone(contacts[0]!)] },
        { department: '경제정책과', contacts: [structuredClone(contacts[1]!)] },
      ],
    };
    const typed = structuredClone(saved);
    typed.cooperatingDepartments[1]!.contacts[0]!.phone = '02-2133-50O1';
    typed.cooperatingDepartments.splice(0, 1);
    const rest = savableRest(typed, refusedOf(typed), saved);
    expect(valueAt(rest, 'cooperatingDepartments.0.contacts.0.phone')).toBe('02-2133-5001');
    expect(valueAt(rest, 'cooperatingDepartments.length')).toBe(1);
  });

  it("puts a refused amount back from the unit with the same id, not from the deleted unit's", () => {
    const saved = structuredClone(planJson);
    const second = { ...structuredClone(saved.unitProjects[0]!), id: 'u9', name: '둘째 단위사업' };
    second.investmentNeeds.city = { '2019': 42 } as typeof second.investmentNeeds.city;
    saved.unitProjects = [saved.unitProjects[0]!, second];
    const firstCity = valueAt(saved, 'unitProjects.0.investmentNeeds.city.2019');
    expect(firstCity).not.toBe(42);
    const typed = structuredClone(saved);
    (typed.unitProjects[1]!.investmentNeeds.city as Record<string, unknown>)['2019'] = '4,2';
    typed.unitProjects.splice(0, 1);
    const refused = refusedOf(typed);
    expect(Object.keys(refused)).toEqual(['unitProjects.0.investmentNeeds.city.2019']);
    const rest = savableRest(typed, refused, saved);
    expect(valueAt(rest, 'unitProjects.0.id')).toBe('u9');
    expect(valueAt(rest, 'unitProjects.0.investmentNeeds.city.2019')).toBe(42);
    // A unit added since the save has nothing saved: blank, never another unit's amount.
    typed.unitProjects[0]!.id = 'u10';
    expect(
      valueAt(savableRest(typed, refused, saved), 'unitProjects.0.investmentNeeds.city.2019'),
    ).toBeNull();
  });
});

describe('savableOnUnload', () => {
  it('puts back what the schema refuses, so the keepalive save of the rest is taken', () => {
    const saved = structuredClone(planJson);
    const typed = structuredClone(planJson) as typeof planJson & Record<string, unknown>;
    typed.policyGoal = '○ 마지막에 고친 목표';
    const city = typed.unitProjects[0]!.investmentNeeds.city as Record<string, unknown>;
    city['2020'] = '-20';
    city['2021'] = '1,5';
    city['2019'] = '3,000.5';
    expect(documentSchema.safeParse(typed).success).toBe(false);

    const sent = savableOnUnload(typed, saved);
    const parsed = documentSchema.safeParse(sent);
    expect(parsed.success).toBe(true);
    expect(valueAt(sent, 'policyGoal')).toBe('○ 마지막에 고친 목표');
    expect(valueAt(sent, 'unitProjects.0.investmentNeeds.city.2019')).toBe('3,000.5');
    expect(valueAt(sent, 'unitProjects.0.investmentNeeds.city.2020')).toBe(
      valueAt(saved, 'unitProjects.0.investmentNeeds.city.2020'),
    );
    expect(valueAt(sent, 'unitProjects.0.investmentNeeds.city.2021')).toBe(
      valueAt(saved, 'unitProjects.0.investmentNeeds.city.2021'),
    );
    // What the schema takes whole goes as it is.
    expect(savableOnUnload(saved, saved)).toBe(saved);
  });
});
