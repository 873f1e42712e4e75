import { describe, expect, it } from 'vitest';
import type { PlanConfirmationRow } from '../../../domain/plans/confirmation';
import { planBookDepartments, planBookState, planDepartments } from './plan-book';

const row = (
  projectId: string,
  leadDepartment: string,
  state: PlanConfirmationRow['state'],
  confirmedAt: string | null = null,
): PlanConfirmationRow => ({
  projectId,
  projectName: `사업 ${projectId}`,
  leadDepartment,
  received: null,
  confirmed: confirmedAt === null ? null : { version: 2, confirmedAt },
  state,
  approvedKept: [],
  frozenChanged: [],
});

const rows = [
  row('1-1-1', '경제진흥본부', 'confirmed', '2019-01-20T01:00:00.000Z'),
  row('1-1-2', '경제진흥본부', 'awaiting'),
  row('2-1-1', '기획조정실', 'notReceived'),
  row('3-2-1', '여성가족정책실', 'newerReceived', '2019-02-01T06:30:00.000Z'),
];

describe('확정된 실천계획서 모아 인쇄', () => {
  it('says of each project when its plan was confirmed (Korean time), or why there is none', () => {
    expect(rows.map(planBookState)).toEqual([
      '확정 2019-01-20 10:00',
      '확정 대기',
      '받지 않음',
      '확정 2019-02-01 15:30 · 새 계획서 받음 (확정 대기)',
    ]);
  });

  it('covers the department chosen, or every department with a confirmed plan', () => {
    expect(planBookDepartments(rows, '기획조정실')).toEqual(['기획조정실']);
    expect(planBookDepartments(rows, null)).toEqual(['경제진흥본부', '여성가족정책실']);
    expect(planDepartments(rows)).toEqual(['경제진흥본부', '기획조정실', '여성가족정책실']);
  });
});
