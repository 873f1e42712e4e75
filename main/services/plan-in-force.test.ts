import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Handlers } from '../../domain/api/contract';
import {
  CHANGE_GOAL_CATEGORY,
  emptyChangeRequest,
  emptySourceGrid,
  type ExecutionPlan,
  type ManagementCard,
} from '../../domain/documents';
import { makeTempDir } from '../../db/test/temp-dir';
import { applyBaseline, exportBaseline } from './baseline';
import { exportBundle } from './bundle-export';
import { importBundles } from './bundle-import';
import { enroll, makeCopy } from './bundle-test-support';
import { directVerifier } from './bundle-verify';
import type { AppContext } from './context';
import { dispatch } from './dispatch';
import { createHandlers } from './handlers';
import { exportEnrollment, importEnrollment } from './key-service';
import { officeHandlers } from './office-handlers';
import { heldPlanHistory } from './plan-histories';
import { planInForceAt } from './plan-in-force';
import { basePlan, cardFor, LEAD } from './test-support/office-harness';

// A card is held to the plan in force when its half-year ended, at the department as at the office: after an
// approved change of 정책목표, the department's earlier card (written under the old plan) stays valid and can be
// sent again, and the cards of the half-years after the approval are checked against the changed plan.

let dir: ReturnType<typeof makeTempDir>;
let office: AppContext;
let dept: AppContext;
let officeNow: Date;
let deptNow: Date;
let api: Handlers;

beforeEach(async () => {
  dir = makeTempDir('pledge-in-force-');
  officeNow = new Date('2019-03-04T01:00:00Z');
  deptNow = new Date('2019-03-04T01:00:00Z');
  office = await makeCopy(dir.path, 'office', { role: 'office' }, () => officeNow);
  dept = await makeCopy(dir.path, 'dept', { role: 'department', department: LEAD }, () => deptNow);
  await enroll(office, dept);
  await importEnrollment(dept, (await exportEnrollment(office)).text);
  api = createHandlers(dept);
});
afterEach(async () => {
  await office.close();
  await dept.close();
  dir.remove();
});

async function ok<T>(name: string, input: unknown): Promise<T> {
  const result = await dispatch(api, name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

interface Opened {
  status: string;
  document: ManagementCard;
  validation: { errors: { path: string; message: string }[] };
  confirmedPlan: ExecutionPlan | null;
  laterPlanChanges: string[];
}
interface Saved {
  version: number;
  validation: { errors: { path: string; message: string }[] };
}

const cardRef = (slot: string) => ({ kind: 'managementCard', projectId: '1-1-1', slot }) as const;
const crRef = { kind: 'changeRequest', projectId: '1-1-1', slot: 'cr-20190703' } as const;
const frozenErrors = (errors: { path: string; message: string }[]) =>
  errors.filter((e) => e.message.includes('확정된 실천계획서와 달라'));

async function sendToOffice(period: string): Promise<Awaited<ReturnType<typeof exportBundle>>> {
  const made = await exportBundle(dept, { period });
  const [imported] = await importBundles(office, [made.path], undefined, { verifier: directVerifier });
  expect(imported?.status).toBe('accepted');
  return made;
}

/** The 확정 항목 conflicts the office's report of `periodId` lists on `today`. */
async function frozenConflictsAtOffice(periodId: string, today: string) {
  const report = await officeHandlers(office).getOfficeReport({ periodId, today });
  return report.conflicts.filter((c) => c.kind === 'frozenFields');
}

async function baselineToDepartment(): Promise<void> {
  const exported = await exportBaseline(office);
  await applyBaseline(dept, { path: exported.path }, { verifier: directVerifier });
}

/** The plan drafted and sent by the department, confirmed by the office, and back in the next 기준 자료. */
async function confirmedAtBothEnds(): Promise<ExecutionPlan> {
  const plan = { ...basePlan(), lifecycle: 'draft' as const };
  await ok('saveDraft', {
    kind: 'executionPlan',
    projectId: '1-1-1',
    slot: 'plan',
    json: plan,
    expectedVersion: null,
  });
  await sendToOffice('plan');
  await officeHandlers(office).confirmReceivedPlan({ projectId: '1-1-1' });
  await baselineToDepartment();
  return plan;
}

/** A 조정 요청서 of 정책목표 (`slot`) drafted and 제출'd by the department (not yet sent). */
async function goalChangeRequested(slot: string, goal: string): Promise<void> {
  const plan = basePlan();
  const request = {
    ...emptyChangeRequest(slot, '1-1-1', LEAD, plan.projectName),
    contact: { position: 'officer', unit: '투자창업과', name: '박지훈', phone: '02-2133-5011' },
    reason: '사업 여건 변화',
    rows: [{ category: CHANGE_GOAL_CATEGORY, original: plan.policyGoal, proposed: goal }],
  };
  const ref = { kind: 'changeRequest', projectId: '1-1-1', slot } as const;
  await ok('saveDraft', { ...ref, json: request, expectedVersion: null });
  await ok('submitDocument', { ...ref, expectedVersion: 1 });
}

/**
 * The office reviews and approves the request `slot` on `date` (its 처리 일자), recording it then or at
 * `recordedAt`.
 */
async function approvedByOffice(slot: string, date: string, recordedAt = `${date}T02:00:00Z`): Promise<void> {
  officeNow = new Date(recordedAt);
  for (const [status, by] of [
    ['reviewing', '기획담당관'],
    ['approved', '시민공약평가단'],
  ] as const)
    await officeHandlers(office).decideChangeRequest({
      department: LEAD,
      requestId: slot,
      status,
      date,
      by,
      note: '',
    });
}

/**
 * The plan confirmed in March 2019 and its 2019-H1 card written in July; a 정책목표 change requested then and
 * approved on 2019-09-10, after 2019-H1 ended; the next 기준 자료 applied at `appliedAt`.
 */
async function approvedAfterFirstHalf(appliedAt: string): Promise<{ plan: ExecutionPlan; goal: string }> {
  const plan = await confirmedAtBothEnds();

  deptNow = new Date('2019-07-03T01:00:00Z');
  const opened = await ok<Opened>('openDocument', cardRef('2019-H1'));
  expect(opened.document.policyGoal).toBe(plan.policyGoal);
  const card: ManagementCard = { ...cardFor(plan, 'onTrack'), periodId: '2019-H1' };
  const saved = await ok<Saved>('saveDraft', { ...cardRef('2019-H1'), json: card, expectedVersion: null });
  expect(saved.validation.errors).toEqual([]);

  const goal = `${plan.policyGoal} (조정)`;
  await goalChangeRequested(crRef.slot, goal);
  const first = await sendToOffice('2019-H1');
  expect(first.documents.map((d) => d.kind).sort()).toEqual(['changeRequest', 'managementCard']);

  await approvedByOffice(crRef.slot, '2019-09-10');
  deptNow = new Date(appliedAt);
  await baselineToDepartment();
  const current = await ok<Opened>('openDocument', {
    kind: 'executionPlan',
    projectId: '1-1-1',
    slot: 'plan',
  });
  expect((current.document as unknown as ExecutionPlan).policyGoal).toBe(goal);
  return { plan, goal };
}

describe('a card held to the plan in force when its half-year ended (department)', () => {
  it.each([
    ['during 2019-H2', '2019-09-20T01:00:00Z'],
    ['after 2019-H2 ended', '2020-01-10T01:00:00Z'],
  ])(
    'keeps the earlier half-year’s card valid and sendable, and holds the next one to the changed plan (applied %s)',
    async (_when, appliedAt) => {
      const { plan, goal } = await approvedAfterFirstHalf(appliedAt);

      // 2019-H1 ended before the approval: its card, with the old 정책목표, has no error, and its frozen fields
      // are shown from the plan as it was.
      const h1 = await ok<Opened>('openDocument', cardRef('2019-H1'));
      expect(h1.document.policyGoal).toBe(plan.policyGoal);
      expect(frozenErrors(h1.validation.errors)).toEqual([]);
      expect(h1.confirmedPlan?.policyGoal).toBe(plan.policyGoal);
      expect(h1.laterPlanChanges).toEqual(['정책목표']);
      type Summary = { ref: { kind: string; slot: string }; errorCount: number };
      const listed = await ok<Summary[]>('listMyDocuments', {});
      expect(
        listed.find((d) => d.ref.kind === 'managementCard' && d.ref.slot === '2019-H1')?.errorCount,
      ).toBe(0);

      // 제출 파일 만들기 sends it again, and the office takes it without a 확정 항목 conflict.
      const again = await sendToOffice('2019-H1');
      expect(again.refused).toEqual([]);
      expect(again.documents.map((d) => [d.kind, d.slot])).toContainEqual(['managementCard', '2019-H1']);
      expect(await frozenConflictsAtOffice('2019-H1', '2020-01-20')).toEqual([]);

      // 2019-H2 ended after the approval: a new card takes the changed 정책목표, and one with the old is an error,
      // on screen and in the 제출 파일.
      const h2 = await ok<Opened>('openDocument', cardRef('2019-H2'));
      expect(h2.status).toBe('new');
      expect(h2.document.policyGoal).toBe(goal);
      expect(h2.confirmedPlan?.policyGoal).toBe(goal);
      expect(h2.laterPlanChanges).toEqual([]);
      const old: ManagementCard = { ...cardFor(plan, 'onTrack'), periodId: '2019-H2' };
      const saved = await ok<Saved>('saveDraft', { ...cardRef('2019-H2'), json: old, expectedVersion: null });
      expect(frozenErrors(saved.validation.errors).map((e) => [e.path, e.message])).toEqual([
        ['policyGoal', '정책목표가 확정된 실천계획서와 달라 수정할 수 없습니다 (변경은 공약 조정 요청서로)'],
      ]);
      const h2File = await exportBundle(dept, { period: '2019-H2' });
      expect(h2File.refused.map((r) => [r.kind, r.slot])).toEqual([['managementCard', '2019-H2']]);
      expect(h2File.refused[0]?.error).toMatch(/^정책목표가 확정된 실천계획서와 달라/);
    },
  );

  it('keeps checking the earlier card against the plan it was written under when it differs from both', async () => {
    const { plan, goal } = await approvedAfterFirstHalf('2019-09-20T01:00:00Z');
    const typed = { ...cardFor(plan, 'onTrack'), periodId: '2019-H1', policyGoal: '임의로 바꾼 정책목표' };
    const saved = await ok<Saved>('saveDraft', { ...cardRef('2019-H1'), json: typed, expectedVersion: 1 });
    expect(frozenErrors(saved.validation.errors).map((e) => e.path)).toEqual(['policyGoal']);
    const opened = await ok<Opened>('openDocument', cardRef('2019-H1'));
    expect(opened.confirmedPlan?.policyGoal).toBe(plan.policyGoal);
    // A card of the earlier half-year that already carries the changed 정책목표 is accepted too, as at the office.
    const changed = { ...typed, policyGoal: goal };
    const accepted = await ok<Saved>('saveDraft', {
      ...cardRef('2019-H1'),
      json: changed,
      expectedVersion: 2,
    });
    expect(frozenErrors(accepted.validation.errors)).toEqual([]);
  });
});

describe('a package skipped between two approvals (department)', () => {
  /** A 정책목표 change requested and sent at `sentAt`, approved by the office on `approvedOn`. */
  async function approvedGoal(slot: string, goal: string, sentAt: string, approvedOn: string): Promise<void> {
    deptNow = new Date(sentAt);
    await goalChangeRequested(slot, goal);
    await sendToOffice('2019-H1');
    await approvedByOffice(slot, approvedOn);
  }

  it('holds the half-year that ended between them to the plan the office had then, as the office does', async () => {
    const plan = await confirmedAtBothEnds();
    // One change approved in May (2019-H1 ends under it), one in September; the department applies no 기준 자료
    // in between, and the one after both brings them together.
    const first = `${plan.policyGoal} (조정 1)`;
    const second = `${plan.policyGoal} (조정 2)`;
    await approvedGoal('cr-20190402', first, '2019-04-02T01:00:00Z', '2019-05-10');
    await approvedGoal('cr-20190720', second, '2019-07-20T01:00:00Z', '2019-09-10');
    deptNow = new Date('2019-09-20T01:00:00Z');
    await baselineToDepartment();

    // 2019-H1's card is held to the plan with the first change only: the office's plan when 2019-H1 ended.
    const h1 = await ok<Opened>('openDocument', cardRef('2019-H1'));
    expect(h1.status).toBe('new');
    expect(h1.document.policyGoal).toBe(first);
    expect(h1.confirmedPlan?.policyGoal).toBe(first);
    const asFirst: ManagementCard = { ...cardFor(plan, 'onTrack'), periodId: '2019-H1', policyGoal: first };
    const saved = await ok<Saved>('saveDraft', {
      ...cardRef('2019-H1'),
      json: asFirst,
      expectedVersion: null,
    });
    expect(frozenErrors(saved.validation.errors)).toEqual([]);
    // The plan as first confirmed is not the one in force then any more.
    const asBefore = { ...asFirst, policyGoal: plan.policyGoal };
    const refused = await ok<Saved>('saveDraft', {
      ...cardRef('2019-H1'),
      json: asBefore,
      expectedVersion: 1,
    });
    expect(frozenErrors(refused.validation.errors).map((e) => e.path)).toEqual(['policyGoal']);
    await ok<Saved>('saveDraft', { ...cardRef('2019-H1'), json: asFirst, expectedVersion: 2 });
    await ok('submitDocument', { ...cardRef('2019-H1'), expectedVersion: 3 });

    // Sent, the office finds nothing to hold against it.
    const file = await sendToOffice('2019-H1');
    expect(file.refused).toEqual([]);
    expect(await frozenConflictsAtOffice('2019-H1', '2019-09-25')).toEqual([]);

    // 2019-H2 ended after both: its card takes the second.
    const h2 = await ok<Opened>('openDocument', cardRef('2019-H2'));
    expect(h2.document.policyGoal).toBe(second);
    expect(h2.confirmedPlan?.policyGoal).toBe(second);
  });
});

describe('the office’s history of the plan, carried in the 기준 자료 (department)', () => {
  it('holds a half-year to the plan the office had in force when it ended, however the approval was dated', async () => {
    const plan = await confirmedAtBothEnds();
    // 2019-H1's card written in June under the plan as confirmed; a 정책목표 change decided by the panel on June 28
    // and recorded by the office only on July 2, after 2019-H1 ended: the office holds 2019-H1 to the plan as it
    // was then.
    deptNow = new Date('2019-06-10T01:00:00Z');
    const card: ManagementCard = { ...cardFor(plan, 'onTrack'), periodId: '2019-H1' };
    await ok<Saved>('saveDraft', { ...cardRef('2019-H1'), json: card, expectedVersion: null });
    const goal = `${plan.policyGoal} (조정)`;
    await goalChangeRequested('cr-20190610', goal);
    await sendToOffice('2019-H1');
    await approvedByOffice('cr-20190610', '2019-06-28', '2019-07-02T02:00:00Z');
    deptNow = new Date('2019-07-05T01:00:00Z');
    await baselineToDepartment();
    const history = await heldPlanHistory(dept.db, '1-1-1');
    expect(history?.map((v) => [new Date(v.from).toISOString(), v.plan.policyGoal])).toEqual([
      ['2019-03-04T01:00:00.000Z', plan.policyGoal],
      ['2019-07-02T02:00:00.000Z', goal],
    ]);

    // The department holds it there too: the card under the first 정책목표 has no error and is sent as it is.
    const h1 = await ok<Opened>('openDocument', cardRef('2019-H1'));
    expect(h1.document.policyGoal).toBe(plan.policyGoal);
    expect(frozenErrors(h1.validation.errors)).toEqual([]);
    expect(h1.confirmedPlan?.policyGoal).toBe(plan.policyGoal);
    expect(h1.laterPlanChanges).toEqual(['정책목표']);
    const again = await sendToOffice('2019-H1');
    expect(again.refused).toEqual([]);
    expect(await frozenConflictsAtOffice('2019-H1', '2019-07-10')).toEqual([]);
    // 2019-H2 ended under the change.
    const h2 = await ok<Opened>('openDocument', cardRef('2019-H2'));
    expect(h2.document.policyGoal).toBe(goal);
  });

  it('gives the department’s 재정집행현황 the office’s 초기계획 after a re-sent plan was confirmed again', async () => {
    // The plan sent with 100 백만원 of 연차별 투자수요 and confirmed; before the department applies a 기준 자료 it
    // sends the plan again with 150, and the office confirms that too. 초기계획 stays the first confirmed 100.
    const needing = (amount: number): ExecutionPlan => ({
      ...basePlan(),
      lifecycle: 'draft',
      unitProjects: basePlan().unitProjects.map((u, i) => ({
        ...u,
        investmentNeeds: i === 0 ? { ...emptySourceGrid(), city: { '2019': amount } } : emptySourceGrid(),
      })),
    });
    const ref = { kind: 'executionPlan', projectId: '1-1-1', slot: 'plan' } as const;
    const first = await ok<Saved>('saveDraft', { ...ref, json: needing(100), expectedVersion: null });
    await sendToOffice('plan');
    await officeHandlers(office).confirmReceivedPlan({ projectId: '1-1-1' });
    officeNow = deptNow = new Date('2019-03-11T01:00:00Z');
    await ok<Saved>('saveDraft', { ...ref, json: needing(150), expectedVersion: first.version });
    await sendToOffice('plan');
    await officeHandlers(office).confirmReceivedPlan({ projectId: '1-1-1' });
    deptNow = new Date('2019-03-12T01:00:00Z');
    await baselineToDepartment();

    type Derived = { row: { plannedTotal: { initial: number; current: number } } | null };
    const derived = await ok<Derived>('getDerivedFinance', { projectId: '1-1-1', periodId: '2019-H1' });
    expect(derived.row?.plannedTotal).toEqual({ initial: 100, current: 150 });
    const report = await officeHandlers(office).getOfficeReport({ periodId: '2019-H1', today: '2019-07-20' });
    const row = report.report.finance.areas.flatMap((a) => a.rows).find((r) => r.projectId === '1-1-1');
    expect(row?.plannedTotal).toEqual(derived.row?.plannedTotal);
  });
});

describe('planInForceAt', () => {
  const plan = (goal: string) => ({ ...basePlan(), policyGoal: goal });
  it('gives the last version in force by then, or the first when none was yet', () => {
    const versions = [
      { from: 100, plan: plan('a') },
      { from: 200, plan: plan('b') },
    ];
    expect(planInForceAt(versions, 50)?.plan.policyGoal).toBe('a');
    expect(planInForceAt(versions, 150)?.plan.policyGoal).toBe('a');
    expect(planInForceAt(versions, 200)?.plan.policyGoal).toBe('b');
    expect(planInForceAt([], 200)).toBeUndefined();
  });
});
