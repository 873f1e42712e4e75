import { describe, expect, it } from 'vitest';
import { planCountsByDepartment, type PlanConfirmationRow, type PlanConfirmationState } from './confirmation';

const row = (
  projectId: string,
  leadDepartment: string,
  state: PlanConfirmationState,
): PlanConfirmationRow => ({
  projectId,
  projectName: projectId,
  leadDepartment,
  received:
    state === 'notReceived' ? null : { revision: 1, receivedAt: '2018-09-10T00:00:00Z', bundleSha256: 'a' },
  confirmed:
    state === 'confirmed' || state === 'newerReceived'
      ? { version: 1, confirmedAt: '2018-09-20T00:00:00Z' }
      : null,
  state,
  approvedKept: [],
  frozenChanged: [],
});

describe('planCountsByDepartment', () => {
  it('counts each lead department’s plans, those who owe the most first', () => {
    const counts = planCountsByDepartment([
      row('1-1-1', '경제진흥본부', 'confirmed'),
      row('1-1-2', '경제진흥본부', 'newerReceived'),
      row('1-1-3', '경제진흥본부', 'awaiting'),
      row('2-1-1', '도시계획국', 'notReceived'),
      row('2-1-2', '도시계획국', 'notReceived'),
      row('3-1-1', '복지정책실', 'notReceived'),
      row('3-1-2', '복지정책실', 'confirmed'),
      row('4-1-1', '기획조정실', 'confirmed'),
    ]);
    expect(counts).toEqual([
      { department: '도시계획국', led: 2, confirmed: 0, toConfirm: 0, notReceived: 2 },
      { department: '복지정책실', led: 2, confirmed: 1, toConfirm: 0, notReceived: 1 },
      { department: '경제진흥본부', led: 3, confirmed: 2, toConfirm: 2, notReceived: 0 },
      { department: '기획조정실', led: 1, confirmed: 1, toConfirm: 0, notReceived: 0 },
    ]);
  });
});
