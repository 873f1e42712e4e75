import { describe, expect, it } from 'vitest';
import { examplePlan } from '../documents/test-fixtures';
import { frozenPlanChanges, shownPlanChanges } from './frozen-changes';

describe('frozenPlanChanges', () => {
  it('names each frozen item a re-sent plan changes, and nothing for other fields or blank cells', () => {
    const confirmed = examplePlan();
    const [first, ...others] = confirmed.unitProjects;
    if (first === undefined) throw new Error('the example plan has a unit');
    expect(frozenPlanChanges(structuredClone(confirmed), confirmed)).toEqual([]);
    const { '2022-H1': _lastHalf, ...withoutLastHalf } = first.schedule;
    // Not frozen: 총사업비, contacts. A blank half-year of the schedule is the same as an absent one.
    expect(
      frozenPlanChanges(
        {
          ...confirmed,
          totalCost: { kind: 'nonBudget' },
          unitProjects: [{ ...first, schedule: { ...first.schedule, '2022-H1': ' ' } }, ...others],
        },
        { ...confirmed, unitProjects: [{ ...first, schedule: withoutLastHalf }, ...others] },
      ),
    ).toEqual([]);
    expect(
      frozenPlanChanges(
        {
          ...confirmed,
          policyGoal: `${confirmed.policyGoal} (수정)`,
          unitProjects: [{ ...first, name: '새 이름', detailedPlan: '- 고친 계획' }, ...others],
        },
        confirmed,
      ),
    ).toEqual(['정책목표', `단위사업명 (${first.name} → 새 이름)`, "단위사업 '새 이름'의 세부 추진계획"]);
    // A unit removed: the units are not the same set.
    expect(frozenPlanChanges({ ...confirmed, unitProjects: [] }, confirmed)).toEqual(['단위사업 구성']);
  });
});

describe('shownPlanChanges', () => {
  it('names what a card held to the earlier version shows otherwise, in the card’s order', () => {
    const earlier = examplePlan();
    const [first, ...others] = earlier.unitProjects;
    if (first === undefined) throw new Error('the example plan has a unit');
    expect(
      shownPlanChanges(earlier, { ...structuredClone(earlier), totalCost: { kind: 'nonBudget' } }),
    ).toEqual([]);
    const later = {
      ...earlier,
      projectName: `${earlier.projectName} (변경)`,
      policyGoal: `${earlier.policyGoal} (조정)`,
      projectPeriod: { ...earlier.projectPeriod, to: '2023-06' },
      unitProjects: [{ ...first, schedule: { ...first.schedule, '2019-H2': '일정 조정' } }, ...others],
    };
    expect(shownPlanChanges(earlier, later)).toEqual([
      '공약명',
      '정책목표',
      '사업기간',
      `연차별 추진계획 (${first.name})`,
    ]);
    expect(
      shownPlanChanges(earlier, { ...earlier, projectPeriod: { ...earlier.projectPeriod, from: '2019-01' } }),
    ).toEqual(['사업기간']);
  });
});
