import { describe, expect, it } from 'vitest';
import { emptyChangeRequest } from '../documents';
import { describeBundleDifferences } from './bundle-differences';
import { emptyInput, makeCard, makeFinanceRow, makePlan, project } from './test-fixtures';

// 1-1-1 (경제진흥본부): a plan with 시비 2018–2020 and 국비 2019, a 2019-H1 card and its finance row, as two PCs
// of the department sent them with one revision. Expected figures are worked out by hand below.
const { term } = emptyInput('2019-H1');
const plan = makePlan(project('1-1-1'), {
  units: [
    {
      needs: [
        ['city', '2018', 100],
        ['city', '2019', 200],
        ['city', '2020', 300],
        ['national', '2019', 100],
      ],
    },
  ],
});
const plans = new Map([['1-1-1', plan]]);
const card = (cityFirstHalf: number, status: 'onTrack' | 'partial' = 'onTrack') =>
  makeCard(plan, '2019-H1', {
    status,
    executed: [
      [
        ['city', '2018-H2', 80],
        ['city', '2019-H1', cityFirstHalf],
        ['national', '2019-H1', 20],
      ],
    ],
  });
const finance = (city: number) => makeFinanceRow('1-1-1', '경제진흥본부', '2019-H1', { city, national: 100 });

describe('describeBundleDifferences', () => {
  it('names the documents that differ and each changed amount and status, counted → held', () => {
    const lines = describeBundleDifferences(
      [card(90.5), finance(500)],
      [card(1090.5, 'partial'), finance(650.25)],
      { term, plans },
    );
    expect(lines[0]).toBe(
      '내용이 다른 문서: 공약관리카드 1-1-1 (2019년 상반기), 재정집행 현황 1-1-1 (2019년 상반기)',
    );
    expect(lines).toContain('1-1-1 추진상황: 정상추진 → 일부추진 (반영 → 보류)');
    const amounts = lines.find((l) => l.startsWith('1-1-1 재정집행 금액'));
    // 확보: 시비 500 → 650.25, total 600 → 750.25. 집행 2019 (H1 시비 + 국비 20): 110.5 → 1,110.5; in the term
    // (with 2018-H2 80): 190.5 → 1,190.5.
    expect(amounts).toContain('확보총계 600 → 750.25');
    expect(amounts).toContain('확보 시·도비 500 → 650.25');
    expect(amounts).toContain('임기내 집행 계 190.5 → 1,190.5');
    expect(amounts).toMatch(/임기내 집행 '19 110\.5 → 1,110\.5/);
    // Nothing else changed: no planned amounts, no 국비.
    expect(amounts).not.toContain('계획');
    expect(amounts).not.toContain('국비');
  });

  it('lists documents only one bundle has', () => {
    const lines = describeBundleDifferences([card(90.5), finance(500)], [card(90.5)], { term, plans });
    // The held bundle lacks the finance row, which is not a zero (an earlier revision's would count): no amounts.
    expect(lines).toEqual(['반영한 제출 파일에만 있는 문서: 재정집행 현황 1-1-1 (2019년 상반기)']);
    const both = describeBundleDifferences([card(90.5)], [card(100.5), finance(500)], { term, plans });
    expect(both).toEqual([
      '내용이 다른 문서: 공약관리카드 1-1-1 (2019년 상반기)',
      '보류한 제출 파일에만 있는 문서: 재정집행 현황 1-1-1 (2019년 상반기)',
      // 집행 2019: 110.5 → 120.5; in the term: 190.5 → 200.5.
      "1-1-1 재정집행 금액(백만원, 반영 → 보류): 임기내 집행 계 190.5 → 200.5; 임기내 집행 '19 110.5 → 120.5",
    ]);
  });

  it('says so when the documents are the same (only the bundles differ)', () => {
    const lines = describeBundleDifferences([card(90.5), finance(500)], [finance(500), card(90.5)], {
      term,
      plans,
    });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('문서 내용은 같습니다');
  });

  it('without a confirmed plan it still names the documents and the status', () => {
    const lines = describeBundleDifferences([card(90.5)], [card(91, 'partial')], { term, plans: new Map() });
    expect(lines).toEqual([
      '내용이 다른 문서: 공약관리카드 1-1-1 (2019년 상반기)',
      '1-1-1 추진상황: 정상추진 → 일부추진 (반영 → 보류)',
    ]);
  });

  it('names a change request by what it asks to change and its 요청 date, not by the program’s id', () => {
    const request = emptyChangeRequest('cr-1563105737772', '1-1-1', '경제진흥본부');
    request.rows = [{ category: '사업기간', original: "'18.7 ~ '22.6", proposed: "'18.7 ~ '23.6" }];
    request.decisionHistory = [{ status: 'requested', date: '2019-07-14', by: '담당', note: '' }];
    const resent = { ...request, reason: '공사 지연' };
    const lines = describeBundleDifferences([card(90.5), request], [card(90.5), resent], { term, plans });
    expect(lines[0]).toBe('내용이 다른 문서: 공약 조정 요청서 1-1-1 (사업기간 변경, 요청일 2019-07-14)');
    expect(lines.join('\n')).not.toContain('cr-');
  });
});
