import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { getDocument } from '../../db/documents';
import {
  frozenFieldIssues,
  newCardFromPrevious,
  type ExecutionPlan,
  type ManagementCard,
} from '../../domain/documents';
import { planOriginalFor } from '../../domain/documents/change-original';
import { applyBaseline, exportBaseline } from './baseline';
import { exportEnrollment, importEnrollment } from './key-service';
import { officeHandlers } from './office-handlers';
import {
  basePlan,
  direct,
  LEAD,
  planDoc,
  request as reportRequest,
  useOfficeHarness,
} from './test-support/office-harness';
import { approveRequest, changeDoc, REQUEST_ID, submittedRequest } from './test-support/change-requests';

// An approved 단위사업 row renames the confirmed plan's units and an approved 연차별 추진계획 row replaces the
// schedules of the units it names, as 공약명 and 사업기간 rows do their fields: shown before 승인, the old plan kept
// in its history, carried by the next baseline package into the department's next 관리카드, and kept over a plan
// the department sends again.

const h = useOfficeHarness();

/** The office's confirmed plan now, and each of its versions, oldest first. */
async function planVersions(): Promise<{ current: ExecutionPlan; versions: ExecutionPlan[] }> {
  const doc = await h.office.db
    .selectFrom('documents')
    .select(['id', 'json'])
    .where('kind', '=', 'executionPlan')
    .executeTakeFirstOrThrow();
  const versions = await h.office.db
    .selectFrom('document_versions')
    .select('json')
    .where('document_id', '=', doc.id)
    .orderBy('version')
    .execute();
  return {
    current: JSON.parse(doc.json) as ExecutionPlan,
    versions: versions.map((v) => JSON.parse(v.json) as ExecutionPlan),
  };
}

const NEW_NAMES = ['핀테크랩 운영', '블록체인 실증'] as const;
const NEW_SCHEDULE = { '2019-H2': '실증 착수\n시범사업 2건', '2020-H1': '실증 평가', afterTerm: '확산' };

/** The plan's 단위사업 and 연차별 추진계획 as the form writes their 당초, and the request's two rows. */
function unitRows(plan: ExecutionPlan) {
  const [first, second] = plan.unitProjects as [
    ExecutionPlan['unitProjects'][number],
    ExecutionPlan['unitProjects'][number],
  ];
  return [
    {
      category: '단위사업',
      original: `1. ${first.name}\n2. ${second.name}`,
      proposed: `1) ${NEW_NAMES[0]}\n2) ${NEW_NAMES[1]}\n`,
    },
    {
      category: '연차별 추진계획',
      original: planOriginalFor('연차별 추진계획', plan) ?? '',
      // The block names the unit by the name the 단위사업 row gives it.
      proposed: `[${NEW_NAMES[1]}]\n- 2019년 하반기: 실증 착수\n시범사업 2건\n- 2020년 상반기: 실증 평가\n- 임기후: 확산`,
    },
  ];
}

describe('an approved change of 단위사업 or 연차별 추진계획', () => {
  it('shows what it rewrites before 승인, then renames the units and replaces the schedule, and the next card copies them', async () => {
    const handlers = officeHandlers(h.office);
    const plan = basePlan();
    await h.send('plan', [planDoc(plan)]);
    await handlers.confirmReceivedPlan({ projectId: plan.projectId });
    const sent = submittedRequest(plan, unitRows(plan));
    expect(await h.send('2019-H1', [changeDoc(sent)])).toBe('accepted');

    const preview = (await handlers.getOfficeReport(reportRequest)).pendingChangeEffects[
      `${LEAD}|${REQUEST_ID}`
    ];
    const [first, second] = plan.unitProjects.map((u) => u.name);
    expect(preview?.effects.map((e) => [e.field, e.label, e.originalMatches])).toEqual([
      ['unitNames', '단위사업', true],
      ['unitSchedules', '연차별 추진계획', true],
    ]);
    expect(preview?.effects[0]).toMatchObject({
      current: `1. ${first}\n2. ${second}`,
      proposed: `1. ${NEW_NAMES[0]}\n2. ${NEW_NAMES[1]}`,
    });
    expect(preview?.effects[1]?.proposed).toContain(
      `[${NEW_NAMES[1]}]\n- 2019년 하반기: 실증 착수\n시범사업 2건\n- 2020년 상반기: 실증 평가\n- 임기후: 확산`,
    );
    expect(preview?.effects[1]?.proposed).toContain(`[${NEW_NAMES[0]}]\n- 2018년 하반기:`);
    expect(preview?.unreadable).toEqual([]);
    expect(preview?.notApplied).toEqual([]);

    await approveRequest(handlers);
    const { current, versions } = await planVersions();
    expect(current.unitProjects.map((u) => [u.id, u.name])).toEqual([
      ['u1', NEW_NAMES[0]],
      ['u2', NEW_NAMES[1]],
    ]);
    expect(current.unitProjects[1]?.schedule).toEqual(NEW_SCHEDULE);
    expect(current.unitProjects[0]?.schedule).toEqual(plan.unitProjects[0]?.schedule);
    // The plan as first confirmed stays in its history.
    expect(versions.map((v) => v.unitProjects.map((u) => [u.name, u.schedule]))).toEqual([
      plan.unitProjects.map((u) => [u.name, u.schedule]),
      current.unitProjects.map((u) => [u.name, u.schedule]),
    ]);

    // The next baseline package carries the changed plan, and the department's next card copies it.
    const exported = await exportBaseline(h.office, join(h.dir.path, 'baseline.pledge'));
    await importEnrollment(h.dept, (await exportEnrollment(h.office)).text);
    await applyBaseline(h.dept, { path: exported.path }, direct);
    const theirs = (await getDocument(h.dept.db, `executionPlan:${plan.projectId}:plan:${LEAD}`))
      ?.json as ExecutionPlan;
    expect(theirs.unitProjects.map((u) => [u.name, u.schedule])).toEqual(
      current.unitProjects.map((u) => [u.name, u.schedule]),
    );
    const card: ManagementCard = newCardFromPrevious(null, theirs, '2019-H2');
    expect(card.unitProjects.map((u) => [u.id, u.name, u.schedule])).toEqual([
      ['u1', NEW_NAMES[0], plan.unitProjects[0]?.schedule],
      ['u2', NEW_NAMES[1], NEW_SCHEDULE],
    ]);
    expect(frozenFieldIssues(card, current)).toEqual({ errors: [], warnings: [] });
    // A card still written from the old plan is told its frozen fields differ.
    const old = newCardFromPrevious(null, plan, '2019-H2');
    expect(frozenFieldIssues(old, current).errors.map((i) => i.message)).toContain(
      '단위사업명이 확정된 실천계획서와 달라 수정할 수 없습니다 (변경은 공약 조정 요청서로)',
    );
  });

  it('records rows that do not fit the plan’s units without applying them, and says which and why before 승인', async () => {
    const handlers = officeHandlers(h.office);
    const plan = basePlan();
    await h.send('plan', [planDoc(plan)]);
    await handlers.confirmReceivedPlan({ projectId: plan.projectId });
    const sent = submittedRequest(plan, [
      {
        category: '단위사업',
        original: '',
        proposed: '1. 핀테크랩 운영\n2. 블록체인 실증\n3. 핀테크 아카데미',
      },
      { category: '연차별 추진계획', original: '', proposed: '[핀테크 아카데미]\n- 2019년 하반기: 개설' },
      { category: '연차별 추진계획', original: '', proposed: '[핀테크랩 운영]\n- 2023년 상반기: 확장' },
    ]);
    expect(await h.send('2019-H1', [changeDoc(sent)])).toBe('accepted');

    const preview = (await handlers.getOfficeReport(reportRequest)).pendingChangeEffects[
      `${LEAD}|${REQUEST_ID}`
    ];
    expect(preview?.effects).toEqual([]);
    expect(preview?.unreadable.map((u) => [u.row, u.category, u.reason])).toEqual([
      [
        1,
        '단위사업',
        expect.stringContaining(
          '변경안의 단위사업은 3개, 확정된 실천계획서의 단위사업은 2개입니다',
        ) as string,
      ],
      [
        2,
        '연차별 추진계획',
        expect.stringContaining(
          "'[핀테크 아카데미]': 확정된 실천계획서에 이 이름의 단위사업이 없습니다",
        ) as string,
      ],
      [3, '연차별 추진계획', expect.stringContaining('2023년 상반기는 임기 중의 반기가 아닙니다') as string],
    ]);

    await approveRequest(handlers);
    const { current, versions } = await planVersions();
    expect(current.unitProjects).toEqual(plan.unitProjects);
    expect(versions).toHaveLength(1);
  });

  it('stands over a plan the department sends again with the old names and schedule, as 실천계획 확정 says', async () => {
    const handlers = officeHandlers(h.office);
    const plan = basePlan();
    await h.send('plan', [planDoc(plan)]);
    await handlers.confirmReceivedPlans({ projectIds: [plan.projectId] });
    await h.send('2019-H1', [changeDoc(submittedRequest(plan, unitRows(plan)))]);
    await approveRequest(handlers);
    const approved = (await planVersions()).current;

    // The old plan again, with a 세부 추진계획 the department improved.
    const detailed = '부서가 보완한 세부계획';
    const units = plan.unitProjects.map((u, i) => (i === 0 ? { ...u, detailedPlan: detailed } : u));
    await h.send('plan', [planDoc({ ...plan, unitProjects: units })]);
    const row = (await handlers.listPlanConfirmations()).find((r) => r.projectId === plan.projectId);
    expect(row?.state).toBe('newerReceived');
    expect(row?.approvedKept.map((k) => k.label)).toEqual(['단위사업', '연차별 추진계획']);
    expect(row?.approvedKept[0]).toMatchObject({
      received: `1. ${plan.unitProjects[0]?.name}\n2. ${plan.unitProjects[1]?.name}`,
      approved: `1. ${NEW_NAMES[0]}\n2. ${NEW_NAMES[1]}`,
    });
    expect(await handlers.confirmReceivedPlans({ projectIds: [plan.projectId] })).toEqual({
      confirmed: [plan.projectId],
      approvedKept: [{ projectId: plan.projectId, labels: ['단위사업', '연차별 추진계획'] }],
    });
    const { current } = await planVersions();
    expect(current.unitProjects.map((u) => [u.name, u.schedule])).toEqual(
      approved.unitProjects.map((u) => [u.name, u.schedule]),
    );
    expect(current.unitProjects[0]?.detailedPlan).toBe(detailed);
    const after = (await handlers.listPlanConfirmations()).find((r) => r.projectId === plan.projectId);
    expect(after).toMatchObject({ state: 'confirmed', approvedKept: [] });
  });
});
