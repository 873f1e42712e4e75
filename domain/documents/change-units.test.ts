import { describe, expect, it } from 'vitest';
import {
  changeRowField,
  changeValuesOf,
  mergeChangeValues,
  planFieldText,
  readChangeRow,
  samePlanField,
  withChangeValues,
} from './change-apply';
import { planOriginalFor } from './change-original';
import { readUnitNamesText, readUnitSchedulesText } from './change-units';
import { emptyPlanUnitProject, type ExecutionPlan } from './execution-plan';
import { examplePlan, PERIODS } from './test-fixtures';

// 단위사업 and 연차별 추진계획 rows of an approved 공약 조정 요청서: read back from the format of their 당초 and
// applied to the plan's units (renames in order, schedules by the unit a block names).

const problemOf = (category: string, proposed: string, periods?: readonly string[]) => {
  const read = readChangeRow({ category, proposed }, periods);
  return read !== null && 'problem' in read ? read.problem : null;
};

const namesOf = (plan: ExecutionPlan) => plan.unitProjects.map((u) => u.name);

/** The example plan (u1 서울핀테크랩 조성·운영, u2 블록체인 기술 실증·인재양성) with an unnamed third unit. */
function planWithBlankUnit(): ExecutionPlan {
  const plan = examplePlan();
  plan.unitProjects.push({
    ...emptyPlanUnitProject('u3'),
    schedule: { '2019-H1': '이름 없는 단위사업의 계획' },
  });
  return plan;
}

describe('the 구분 a change row rewrites', () => {
  it('names 단위사업 and 연차별 추진계획 in the order the form fills 당초 from the plan', () => {
    expect(changeRowField('단위사업')).toBe('unitNames');
    expect(changeRowField(' 단위 사업명 ')).toBe('unitNames');
    expect(changeRowField('연차별 추진계획')).toBe('unitSchedules');
    expect(changeRowField('단위사업 추진계획')).toBe('unitSchedules');
    expect(changeRowField('단위사업 사업기간')).toBe('projectPeriod');
    for (const category of ['단위사업', '연차별 추진계획', '단위사업 추진계획']) {
      const plan = examplePlan();
      const field = changeRowField(category);
      expect(field).not.toBeNull();
      expect(planOriginalFor(category, plan)).toBe(planFieldText(plan, field!));
    }
  });
});

describe('reading a 단위사업 row', () => {
  it('reads back the 당초 the form writes from the plan', () => {
    const plan = planWithBlankUnit();
    const original = planOriginalFor('단위사업', plan) ?? '';
    expect(original).toBe('1. 서울핀테크랩 조성·운영\n2. 블록체인 기술 실증·인재양성');
    expect(readUnitNamesText(original)).toEqual({ value: namesOf(plan).slice(0, 2) });
  });

  it('takes "1)" as well as "1.", blank lines and spaces around, and full-width characters (NFKC)', () => {
    expect(readUnitNamesText('\n  1) 핀테크랩 운영  \r\n\n２．블록체인 실증\n\n')).toEqual({
      value: ['핀테크랩 운영', '블록체인 실증'],
    });
    expect(readChangeRow({ category: '단위사업', proposed: '1. 가\n2. 나' })).toEqual({
      field: 'unitNames',
      values: { unitNames: ['가', '나'] },
    });
  });

  it('says why numbering other than 1..N, a blank name or a line without a number is not applied', () => {
    expect(problemOf('단위사업', '1. 가\n3. 나')).toContain(
      '번호가 1부터 차례대로가 아닙니다 (2번이어야 합니다)',
    );
    expect(problemOf('단위사업', '2. 나\n1. 가')).toContain('단위사업을 더하거나 빼거나 순서를 바꾸려면');
    expect(problemOf('단위사업', '1. 가\n2.  ')).toBe('2번 단위사업의 이름이 비어 있습니다');
    expect(problemOf('단위사업', '핀테크랩 운영')).toContain('"1. 단위사업명"으로 적어야 반영됩니다');
    expect(problemOf('단위사업', ' \n ')).toBe('변경안이 비어 있습니다');
    expect(problemOf('단위사업', `1. ${'가'.repeat(301)}`)).toContain('300자를 넘습니다');
  });
});

describe('reading a 연차별 추진계획 row', () => {
  it('reads back the 당초 the form writes from the plan, every unit’s schedule as it is', () => {
    const plan = examplePlan();
    const read = readUnitSchedulesText(planOriginalFor('연차별 추진계획', plan) ?? '', PERIODS);
    expect(read).toEqual({
      value: plan.unitProjects.map((u) => ({ unit: u.name, schedule: u.schedule })),
    });
  });

  it('continues a line’s text on the lines after it, and reads a text of several lines back as it was', () => {
    const plan = examplePlan();
    const unit = plan.unitProjects[0]!;
    unit.schedule = { '2019-H1': '입주기업 선발\n  - 1차 30개사\n\n-10% 절감', afterTerm: '운영 지속' };
    plan.unitProjects = [unit];
    const original = planOriginalFor('연차별 추진계획', plan) ?? '';
    expect(readUnitSchedulesText(original, PERIODS)).toEqual({
      value: [{ unit: unit.name, schedule: unit.schedule }],
    });
    expect(
      readUnitSchedulesText('[가]\n-2019년상반기:  착수 \n\n[나]\n- 임기후:운영\n- 2022년 상반기:', PERIODS),
    ).toEqual({
      value: [
        { unit: '가', schedule: { '2019-H1': '착수' } },
        { unit: '나', schedule: { afterTerm: '운영' } },
      ],
    });
  });

  it('names the line of an unknown 반기, one outside the term, a line outside any block and a 반기 given twice', () => {
    expect(problemOf('연차별 추진계획', '[가]\n- 2019 상반: 착수', PERIODS)).toContain(
      "2번째 줄 '- 2019 상반: 착수': 반기를 읽을 수 없습니다",
    );
    expect(problemOf('연차별 추진계획', '[가]\n- 2023년 상반기: 착수', PERIODS)).toContain(
      '2023년 상반기는 임기 중의 반기가 아닙니다',
    );
    expect(problemOf('연차별 추진계획', '- 2019년 상반기: 착수\n[가]')).toContain(
      "1번째 줄 '- 2019년 상반기: 착수': 어느 단위사업의 줄인지 알 수 없습니다",
    );
    expect(problemOf('연차별 추진계획', '[가]\n착수')).toContain(
      "2번째 줄 '착수': 어느 단위사업의 어느 반기인지",
    );
    expect(problemOf('연차별 추진계획', '[가]\n- 2019년 상반기: 착수\n- 2019년  상반기: 완료')).toContain(
      "3번째 줄 '- 2019년  상반기: 완료': 2019년 상반기가 이 단위사업에 두 번 나옵니다",
    );
    expect(problemOf('연차별 추진계획', '[가]\n[ 가 ]')).toContain('같은 단위사업이 두 번 나옵니다');
    expect(problemOf('연차별 추진계획', '[ ]\n- 임기후: 운영')).toContain('단위사업명이 비어 있습니다');
    expect(problemOf('연차별 추진계획', '착수 예정')).toContain('어느 단위사업의 어느 반기인지');
    // A continued line starting with "- " is indented; else it is read as a half-year's line.
    expect(problemOf('연차별 추진계획', '[가]\n- 2019년 상반기: 선발\n- 1차 30개사')).toContain(
      '반기를 읽을 수 없습니다',
    );
  });
});

describe('applying 단위사업 and 연차별 추진계획 to a plan', () => {
  it('renames the plan’s named units in order, keeping their ids and everything else', () => {
    const plan = planWithBlankUnit();
    const changed = withChangeValues(plan, { unitNames: ['핀테크랩 운영', '블록체인 실증'] });
    expect(changed.unitProjects.map((u) => [u.id, u.name])).toEqual([
      ['u1', '핀테크랩 운영'],
      ['u2', '블록체인 실증'],
      ['u3', ''],
    ]);
    expect(changed.unitProjects.map((u) => u.schedule)).toEqual(plan.unitProjects.map((u) => u.schedule));
    expect(namesOf(plan)).toEqual(['서울핀테크랩 조성·운영', '블록체인 기술 실증·인재양성', '']);
    // As many names as the plan's named units, or none is renamed.
    expect(withChangeValues(plan, { unitNames: ['하나'] })).toEqual(plan);
    expect(withChangeValues(plan, { unitNames: ['하나', '둘', '셋'] })).toEqual(plan);
  });

  it('replaces the schedule of the unit each block names, by its name now or the name the approval gives it', () => {
    const plan = examplePlan();
    const u2 = plan.unitProjects[1]!;
    const bySchedule = withChangeValues(plan, {
      unitSchedules: [{ unit: ` ${u2.name} `, schedule: { '2019-H2': '실증 착수', afterTerm: '확산' } }],
    });
    expect(bySchedule.unitProjects[0]).toEqual(plan.unitProjects[0]);
    expect(bySchedule.unitProjects[1]).toEqual({
      ...u2,
      schedule: { '2019-H2': '실증 착수', afterTerm: '확산' },
    });
    // The new name of the same request's 단위사업 row.
    const both = withChangeValues(plan, {
      unitNames: [plan.unitProjects[0]!.name, '블록체인 실증'],
      unitSchedules: [{ unit: '블록체인 실증', schedule: { '2020-H1': '실증' } }],
    });
    expect(both.unitProjects[1]).toMatchObject({
      id: 'u2',
      name: '블록체인 실증',
      schedule: { '2020-H1': '실증' },
    });
    // A block naming no unit of the plan: no schedule changes, the renames still do.
    const unknown = withChangeValues(plan, {
      unitNames: ['가', '나'],
      unitSchedules: [
        { unit: '가', schedule: { '2020-H1': '착수' } },
        { unit: '없는 단위사업', schedule: { '2020-H1': '착수' } },
      ],
    });
    expect(namesOf(unknown)).toEqual(['가', '나']);
    expect(unknown.unitProjects.map((u) => u.schedule)).toEqual(plan.unitProjects.map((u) => u.schedule));
  });

  it('applies again to a plan sent once more: with the old names or the new ones, and not to one they do not fit', () => {
    const plan = examplePlan();
    const values = changeValuesOf(
      {
        rows: [
          { category: '단위사업', proposed: '1. 핀테크랩 운영\n2. 블록체인 실증' },
          {
            category: '연차별 추진계획',
            proposed: '[서울핀테크랩 조성·운영]\n- 2019년 하반기: 해외진출 지원',
          },
        ],
      },
      PERIODS,
    );
    const approved = withChangeValues(plan, values);
    expect(namesOf(approved)).toEqual(['핀테크랩 운영', '블록체인 실증']);
    expect(approved.unitProjects[0]?.schedule).toEqual({ '2019-H2': '해외진출 지원' });
    // The department's old plan again, with a detail added: the approval stands.
    const resent = examplePlan();
    resent.unitProjects[1]!.detailedPlan = '보완한 계획';
    const again = withChangeValues(resent, values);
    expect(namesOf(again)).toEqual(namesOf(approved));
    expect(again.unitProjects.map((u) => u.schedule)).toEqual(approved.unitProjects.map((u) => u.schedule));
    expect(again.unitProjects[1]?.detailedPlan).toBe('보완한 계획');
    // The plan as approved (the names already new): unchanged.
    expect(withChangeValues(approved, values)).toEqual(approved);
    // A plan with a third unit: the names do not fit, so they are left as sent; the schedule still does.
    const grown = examplePlan();
    grown.unitProjects.push({ ...emptyPlanUnitProject('u3'), name: '핀테크 아카데미' });
    const onGrown = withChangeValues(grown, values);
    expect(namesOf(onGrown)).toEqual(namesOf(grown));
    expect(onGrown.unitProjects[0]?.schedule).toEqual({ '2019-H2': '해외진출 지원' });
    expect(samePlanField(grown, onGrown, 'unitNames')).toBe(true);
    expect(samePlanField(grown, onGrown, 'unitSchedules')).toBe(false);
  });

  it('merges schedules approved one after the other by unit, and compares and writes the fields as 당초 does', () => {
    const plan = examplePlan();
    const [first, second] = plan.unitProjects.map((u) => u.name) as [string, string];
    const merged = mergeChangeValues(
      { unitSchedules: [{ unit: first, schedule: { '2019-H1': '먼저' } }], unitNames: ['가', '나'] },
      { unitSchedules: [{ unit: second, schedule: { '2019-H1': '나중' } }] },
    );
    const changed = withChangeValues(plan, merged);
    expect(changed.unitProjects.map((u) => [u.name, u.schedule])).toEqual([
      ['가', { '2019-H1': '먼저' }],
      ['나', { '2019-H1': '나중' }],
    ]);
    expect(planFieldText(changed, 'unitNames')).toBe('1. 가\n2. 나');
    expect(planFieldText(changed, 'unitSchedules')).toBe(
      '[가]\n- 2019년 상반기: 먼저\n[나]\n- 2019년 상반기: 나중',
    );
    // Whitespace around a name or a text is not a difference.
    const spaced = structuredClone(changed);
    spaced.unitProjects[0]!.name = ' 가 ';
    spaced.unitProjects[0]!.schedule['2019-H1'] = '먼저 ';
    spaced.unitProjects[0]!.schedule['2019-H2'] = ' ';
    expect(samePlanField(changed, spaced, 'unitNames')).toBe(true);
    expect(samePlanField(changed, spaced, 'unitSchedules')).toBe(true);
    expect(samePlanField(plan, changed, 'unitNames')).toBe(false);
  });
});
