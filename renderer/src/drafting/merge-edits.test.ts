import { describe, expect, it } from 'vitest';
import { addPlanUnitProject } from '../../../domain/documents';
import {
  exampleCard,
  exampleChangeRequest,
  exampleFinanceRow,
  examplePlan,
} from '../../../domain/documents/test-fixtures';
import { afterRowDeleted, mergeEdits, rowPathParts, sameValue } from './merge-edits';

/** The card as stored (base), and two copies to edit as the two windows do. */
function threeCards() {
  const base = exampleCard();
  return { base, theirs: structuredClone(base), mine: structuredClone(base) };
}

/** A plan whose 단위사업 2 the other window deleted while this window typed into it. */
function deletedThereTypedHere() {
  const base = examplePlan();
  const theirs = structuredClone(base);
  theirs.unitProjects = theirs.unitProjects.slice(0, 1);
  const mine = structuredClone(base);
  mine.unitProjects[1]!.detailedPlan = '이 창에서 쓴 세부 계획';
  return { base, theirs, mine };
}

describe('mergeEdits', () => {
  it('keeps the fields each window changed when they changed different fields', () => {
    const { base, theirs, mine } = threeCards();
    theirs.cooperation = '- 금융위원회 협의 (다른 창)';
    mine.problemsAndSolutions = '- 입주공간 부족: 2개층 추가 임차 (이 창)';
    const merged = mergeEdits(base, theirs, mine);
    expect(merged.conflicts).toEqual([]);
    expect(merged.values).toEqual({ ...mine, cooperation: theirs.cooperation });
    expect(merged.fromTheirs).toEqual(['cooperation']);
  });

  it('takes every field of the other window when this window changed nothing', () => {
    const { base, theirs } = threeCards();
    theirs.status = 'onHold';
    theirs.statusReason = '예산 미확보';
    theirs.unitProjects[1]!.futurePlan = '- 2차 공모';
    const merged = mergeEdits(base, theirs, structuredClone(base));
    expect(merged.values).toEqual(theirs);
    expect(merged.conflicts).toEqual([]);
    expect(merged.fromTheirs.sort()).toEqual(['status', 'statusReason', 'unitProjects.1.futurePlan']);
  });

  it('a field both windows changed alike is no conflict', () => {
    const { base, theirs, mine } = threeCards();
    theirs.cooperation = '같은 내용';
    mine.cooperation = '같은 내용';
    const merged = mergeEdits(base, theirs, mine);
    expect(merged.conflicts).toEqual([]);
    expect((merged.values as typeof mine).cooperation).toBe('같은 내용');
  });

  it('a field both windows changed differently is a conflict that keeps this window’s text', () => {
    const { base, theirs, mine } = threeCards();
    theirs.cooperation = '다른 창의 협조사항';
    mine.cooperation = '이 창의 협조사항';
    theirs.unitProjects[0]!.results['2019-H1'] = '다른 창의 실적';
    mine.unitProjects[0]!.results['2019-H1'] = '이 창의 실적';
    mine.unitProjects[0]!.results['2018-H2'] = '이 창에서만 고친 실적';
    const merged = mergeEdits(base, theirs, mine);
    expect(merged.conflicts).toEqual([
      {
        path: 'unitProjects.0.results.2019-H1',
        base: base.unitProjects[0]!.results['2019-H1'],
        mine: '이 창의 실적',
        theirs: '다른 창의 실적',
      },
      { path: 'cooperation', base: base.cooperation, mine: mine.cooperation, theirs: theirs.cooperation },
    ]);
    expect(merged.values).toEqual(mine);
    expect(merged.fromTheirs).toEqual([]);
  });

  it('merges different cells of the same unit project row, matched by id', () => {
    const { base, theirs, mine } = threeCards();
    base.unitProjects[0]!.executed.city['2019-H1'] = 100;
    theirs.unitProjects[0]!.executed.city['2019-H1'] = 300;
    mine.unitProjects[0]!.executed.city['2019-H1'] = 100;
    mine.unitProjects[0]!.executed.national['2019-H1'] = 120;
    const merged = mergeEdits(base, theirs, mine);
    expect(merged.conflicts).toEqual([]);
    const units = (merged.values as typeof mine).unitProjects;
    expect(units[0]!.executed.city['2019-H1']).toBe(300);
    expect(units[0]!.executed.national['2019-H1']).toBe(120);
    expect(merged.fromTheirs).toEqual(['unitProjects.0.executed.city.2019-H1']);
  });

  it('an amount as typed ("1,200") is the amount stored (1200): not a change', () => {
    const { base, theirs } = threeCards();
    base.unitProjects[0]!.executed.city['2019-H1'] = 1200;
    theirs.unitProjects[0]!.executed.city['2019-H1'] = 1200;
    theirs.cooperation = '다른 창';
    const mine = structuredClone(base) as unknown as { unitProjects: { executed: { city: object } }[] };
    mine.unitProjects[0]!.executed.city = { ...mine.unitProjects[0]!.executed.city, '2019-H1': '1,200' };
    const merged = mergeEdits(base, theirs, mine);
    expect(merged.conflicts).toEqual([]);
    expect(merged.fromTheirs).toEqual(['cooperation']);
    expect(sameValue('1,200', 1200)).toBe(true);
    expect(sameValue('', null)).toBe(true);
    expect(sameValue('12', 1200)).toBe(false);
  });

  it('plan unit projects added in each window are both kept, in their places; the list goes into the form whole', () => {
    const base = examplePlan();
    const theirs = structuredClone(base);
    theirs.unitProjects = addPlanUnitProject(theirs.unitProjects);
    theirs.unitProjects[2]!.name = '다른 창에서 더한 사업';
    const mine = structuredClone(base);
    mine.unitProjects[0]!.name = '이 창에서 고친 이름';
    const merged = mergeEdits(base, theirs, mine);
    const units = (merged.values as typeof mine).unitProjects;
    expect(units.map((u) => u.name)).toEqual([
      '이 창에서 고친 이름',
      base.unitProjects[1]!.name,
      '다른 창에서 더한 사업',
    ]);
    expect(merged.conflicts).toEqual([]);
    expect(merged.fromTheirs).toEqual(['unitProjects']);
  });

  it('a row deleted in one window and left alone in the other is deleted', () => {
    const base = examplePlan();
    const theirs = structuredClone(base);
    theirs.unitProjects = theirs.unitProjects.slice(0, 1);
    const mine = structuredClone(base);
    mine.policyGoal = '이 창의 목표';
    const merged = mergeEdits(base, theirs, mine);
    const values = merged.values as typeof mine;
    expect(values.unitProjects.map((u) => u.id)).toEqual([base.unitProjects[0]!.id]);
    expect(values.policyGoal).toBe('이 창의 목표');
    expect(merged.conflicts).toEqual([]);
  });

  it('a row deleted in the other window but typed into here is kept, as a conflict', () => {
    const { base, theirs, mine } = deletedThereTypedHere();
    const merged = mergeEdits(base, theirs, mine);
    expect((merged.values as typeof mine).unitProjects).toEqual(mine.unitProjects);
    expect(merged.conflicts).toEqual([
      {
        path: 'unitProjects.1',
        base: base.unitProjects[1],
        mine: mine.unitProjects[1],
        theirs: undefined,
        row: true,
      },
    ]);
  });

  it('a row deleted here but changed in the other window comes back, as a conflict', () => {
    const base = examplePlan();
    const theirs = structuredClone(base);
    theirs.unitProjects[1]!.detailedPlan = '다른 창에서 쓴 세부 계획';
    const mine = structuredClone(base);
    mine.unitProjects = mine.unitProjects.slice(0, 1);
    const merged = mergeEdits(base, theirs, mine);
    expect((merged.values as typeof mine).unitProjects).toEqual(theirs.unitProjects);
    expect(merged.conflicts).toEqual([
      {
        path: 'unitProjects.1',
        base: base.unitProjects[1],
        mine: undefined,
        theirs: theirs.unitProjects[1],
        row: true,
      },
    ]);
    expect(merged.fromTheirs).toEqual(['unitProjects']);
  });

  it('lists without ids: one value, except rows only added at the end in both windows', () => {
    const { base, theirs, mine } = threeCards();
    const activity = (description: string) => ({ description, count: 1, dates: ['2019-03'] });
    theirs.citizenParticipation.activities.push(activity('다른 창 활동'));
    mine.citizenParticipation.activities.push(activity('이 창 활동'));
    theirs.leadContacts[0]!.phone = '02-2133-1111';
    mine.leadContacts[1]!.name = '이 창의 이름';
    const merged = mergeEdits(base, theirs, mine);
    const values = merged.values as typeof mine;
    expect(values.citizenParticipation.activities.map((a) => a.description)).toEqual([
      ...base.citizenParticipation.activities.map((a) => a.description),
      '이 창 활동',
      '다른 창 활동',
    ]);
    expect(merged.conflicts.map((c) => c.path)).toEqual(['leadContacts']);
    expect(values.leadContacts).toEqual(mine.leadContacts);
    expect(merged.fromTheirs).toEqual(['citizenParticipation.activities']);
  });

  it('총사업비 turned 비예산 in one window and changed in amount in the other is one conflict, never a mixture', () => {
    const base = examplePlan();
    base.totalCost = { kind: 'amount', amount: 100 };
    const theirs = { ...structuredClone(base), totalCost: { kind: 'nonBudget' as const } };
    const mine = { ...structuredClone(base), totalCost: { kind: 'amount' as const, amount: 250 } };
    const merged = mergeEdits(base, theirs, mine);
    expect(merged.conflicts).toEqual([
      { path: 'totalCost', base: base.totalCost, mine: mine.totalCost, theirs: theirs.totalCost },
    ]);
    expect((merged.values as typeof mine).totalCost).toEqual({ kind: 'amount', amount: 250 });
  });

  it('merges the other document kinds field by field too', () => {
    const row = exampleFinanceRow();
    const rowTheirs = { ...structuredClone(row), note: '다른 창 비고' };
    const rowMine = structuredClone(row);
    rowMine.secured.city = 77;
    const rowMerged = mergeEdits(row, rowTheirs, rowMine);
    expect(rowMerged.values).toEqual({ ...rowMine, note: '다른 창 비고' });
    expect(rowMerged.conflicts).toEqual([]);

    const request = exampleChangeRequest();
    const requestTheirs = { ...structuredClone(request), reason: '다른 창 사유' };
    const requestMine = { ...structuredClone(request), reason: '이 창 사유' };
    const requestMerged = mergeEdits(request, requestTheirs, requestMine);
    expect(requestMerged.conflicts.map((c) => c.path)).toEqual(['reason']);
  });
});

describe('a row deleted after all, from the conflict panel', () => {
  it('names a row by its list and index, and nothing else', () => {
    expect(rowPathParts('unitProjects.2')).toEqual({ list: 'unitProjects', index: 2 });
    expect(rowPathParts('citizenParticipation.activities.0')).toEqual({
      list: 'citizenParticipation.activities',
      index: 0,
    });
    expect(rowPathParts('policyGoal')).toBeNull();
    expect(rowPathParts('unitProjects.1.detailedPlan')).toBeNull();
  });

  it('drops the row’s conflicts and moves those of the rows after it up one', () => {
    const open = [
      { path: 'policyGoal' },
      { path: 'unitProjects.0.detailedPlan' },
      { path: 'unitProjects.1' },
      { path: 'unitProjects.1.name' },
      { path: 'unitProjects.2' },
      { path: 'unitProjects.3.results.2019-H1' },
      { path: 'unitProjectsNote' },
    ];
    expect(afterRowDeleted(open, 'unitProjects.1').map((c) => c.path)).toEqual([
      'policyGoal',
      'unitProjects.0.detailedPlan',
      'unitProjects.1',
      'unitProjects.2.results.2019-H1',
      'unitProjectsNote',
    ]);
    // The conflicts left in place are the same objects (their names need not be worked out again).
    expect(afterRowDeleted(open, 'unitProjects.1')[0]).toBe(open[0]);
  });

  it('the merged rows with the kept row deleted are the other window’s when it deleted it', () => {
    const { base, theirs, mine } = deletedThereTypedHere();
    const merged = mergeEdits(base, theirs, mine);
    const [conflict] = merged.conflicts;
    const row = rowPathParts(conflict!.path)!;
    const units = (merged.values as typeof mine).unitProjects.filter((_, i) => i !== row.index);
    expect(units).toEqual(theirs.unitProjects);
    expect(afterRowDeleted(merged.conflicts, conflict!.path)).toEqual([]);
  });
});
