import { afterEach, beforeEach, expect, it } from 'vitest';
import type { ExecutionPlan, ManagementCard } from '../../domain/documents';
import { makeTempDir } from '../../db/test/temp-dir';
import { importBundleInputs } from './bundle-import';
import { enroll, makeCopy, privateKeyOf, sha256Hex, signSubmission } from './bundle-test-support';
import type { AppContext } from './context';
import { officeHandlers } from './office-handlers';
import { basePlan, cardDoc, cardFor, direct, LEAD, planDoc } from './test-support/office-harness';

// 부진 사업's missed milestones of a half-year are read from the schedule of the plan its card is held to (the plan
// in force when the half-year ended), as its 확정 항목 are: a plan confirmed again later with another unit, or
// another 연차별 추진계획, applies to the half-years after it and does not make an earlier card miss milestones
// it could not have known.

let dir: ReturnType<typeof makeTempDir>;
let office: AppContext;
let dept: AppContext;
let officeNow: Date;
let lastSha: string | null;
let revision: number;

beforeEach(async () => {
  dir = makeTempDir('pledge-lagging-in-force-');
  officeNow = new Date('2019-03-04T01:00:00Z');
  office = await makeCopy(dir.path, 'office', { role: 'office' }, () => officeNow);
  dept = await makeCopy(dir.path, 'dept', { role: 'department', department: LEAD });
  await enroll(office, dept);
  lastSha = null;
  revision = 0;
});
afterEach(async () => {
  await office.close();
  await dept.close();
  dir.remove();
});

async function send(period: string, documents: { path: string; json: unknown }[]): Promise<void> {
  revision += 1;
  const bytes = await signSubmission(await privateKeyOf(dept), {
    department: LEAD,
    period,
    revision,
    previousBundleSha256: lastSha,
    documents,
  });
  const [result] = await importBundleInputs(office, [{ name: `r${revision}.pledge`, bytes }], direct);
  expect(result?.status).toBe('accepted');
  lastSha = sha256Hex(bytes);
}

/** The plan with a third unit whose schedule starts in 2019-H1. */
function withThirdUnit(plan: ExecutionPlan): ExecutionPlan {
  const second = plan.unitProjects[1];
  if (second === undefined) throw new Error('the example plan has two units');
  return {
    ...plan,
    unitProjects: [
      ...plan.unitProjects,
      {
        ...second,
        id: 'u3',
        name: '핀테크 규제샌드박스 지원',
        schedule: { '2019-H1': '규제샌드박스 상담창구 개설', '2019-H2': '지원기업 10개사 선정' },
      },
    ],
  };
}

it("a plan confirmed again after a half-year ended with another unit leaves that half-year's 부진 사업 as it was; the next half-year reads the new schedule", async () => {
  const handlers = officeHandlers(office);
  const plan = basePlan();
  await send('plan', [planDoc(plan)]);
  await handlers.confirmReceivedPlan({ projectId: '1-1-1' });

  // 2019-H1's card reports every milestone of the plan in force then (the example card's results).
  officeNow = new Date('2019-07-10T01:00:00Z');
  await send('2019-H1', [cardDoc(cardFor(plan, 'onTrack'), '2019-H1')]);
  const laggingOf = async (periodId: string, today: string) =>
    (await handlers.getOfficeReport({ periodId, today })).report.lagging.find((l) => l.projectId === '1-1-1');
  expect(await laggingOf('2019-H1', '2019-07-20')).toBeUndefined();

  // After 2019-H1 ended, the plan is sent again with a third unit whose schedule has a 2019-H1 milestone, and
  // confirmed again.
  officeNow = new Date('2019-09-02T01:00:00Z');
  const changed = withThirdUnit(plan);
  await send('plan', [planDoc(changed)]);
  await handlers.confirmReceivedPlan({ projectId: '1-1-1' });

  // 2019-H1's card stays held to the two-unit plan: no frozen-field conflict, and nothing missed.
  const firstHalf = await handlers.getOfficeReport({ periodId: '2019-H1', today: '2019-09-03' });
  expect(firstHalf.conflicts.filter((c) => c.projectId === '1-1-1')).toEqual([]);
  expect(firstHalf.report.lagging.find((l) => l.projectId === '1-1-1')).toBeUndefined();

  // 2019-H2's card is held to the plan confirmed again: it carries the third unit, reports its 2019-H2 result
  // and every other unit's, but nothing for the third unit's 2019-H1 milestone, which the new schedule lists.
  officeNow = new Date('2020-01-10T01:00:00Z');
  const base = cardFor(changed, 'onTrack');
  const [u1, u2] = base.unitProjects;
  const third = changed.unitProjects[2];
  if (u1 === undefined || u2 === undefined || third === undefined) throw new Error('three units expected');
  const secondHalfCard: ManagementCard = {
    ...base,
    periodId: '2019-H2',
    unitProjects: [
      { ...u1, results: { ...u1.results, '2019-H2': '해외진출 지원 프로그램 가동(12개사)' } },
      { ...u2, results: { ...u2.results, '2019-H2': '전문인력 양성과정 개설(1기 40명)' } },
      {
        ...u2,
        id: third.id,
        name: third.name,
        schedule: third.schedule,
        results: { '2019-H2': '지원기업 11개사 선정' },
      },
    ],
  };
  await send('2019-H2', [cardDoc(secondHalfCard, '2019-H2')]);
  const secondHalf = await handlers.getOfficeReport({ periodId: '2019-H2', today: '2020-01-20' });
  expect(secondHalf.conflicts.filter((c) => c.projectId === '1-1-1')).toEqual([]);
  expect(secondHalf.report.lagging.find((l) => l.projectId === '1-1-1')?.missedMilestones).toEqual([
    { unitId: 'u3', unitName: third.name, periodId: '2019-H1', planned: '규제샌드박스 상담창구 개설' },
  ]);

  // And 2019-H1's report, asked again after all that, still reads its own plan.
  expect(await laggingOf('2019-H1', '2020-01-20')).toBeUndefined();
});
