import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exampleCard, examplePlan } from '../../domain/documents/test-fixtures';
import type { ExecutionPlan, ManagementCard } from '../../domain/documents';
import { makeTempDir } from '../../db/test/temp-dir';
import { importBundleInputs } from './bundle-import';
import { enroll, makeCopy, privateKeyOf, sha256Hex, signSubmission } from './bundle-test-support';
import { directVerifier } from './bundle-verify';
import type { AppContext } from './context';
import { officeHandlers } from './office-handlers';

const LEAD = '경제진흥본부';
const direct = { verifier: directVerifier };

let dir: ReturnType<typeof makeTempDir>;
let office: AppContext;
let dept: AppContext;
let lastSha: string | null;
let revision: number;

/** Signs and imports one bundle from the department; returns the import status. */
async function send(
  period: 'plan' | '2019-H1',
  documents: { path: string; json: unknown }[],
): Promise<string> {
  revision += 1;
  const bytes = await signSubmission(await privateKeyOf(dept), {
    department: LEAD,
    period,
    revision,
    previousBundleSha256: lastSha,
    documents,
  });
  const [result] = await importBundleInputs(office, [{ name: `r${revision}.pledge`, bytes }], direct);
  if (result?.status === 'accepted') lastSha = sha256Hex(bytes);
  return result?.status ?? 'none';
}

/** The examples cite attachments; these bundles carry none. */
const basePlan = (): ExecutionPlan => {
  const plan = examplePlan();
  return {
    ...plan,
    lifecycle: 'submitted',
    citizenParticipation: { ...plan.citizenParticipation, attachments: [] },
  };
};

const planDoc = (p: ExecutionPlan) => ({ path: 'documents/plan-1-1-1-plan.json', json: p });
const cardDoc = (c: ManagementCard) => ({ path: 'documents/card-1-1-1-2019-H1.json', json: c });

function cardFor(plan: ExecutionPlan, status: ManagementCard['status']): ManagementCard {
  const card = exampleCard();
  return {
    ...card,
    citizenParticipation: { ...card.citizenParticipation, attachments: [] },
    status,
    completionEvidence: { summary: status === 'completed' ? '입주기업 150개사 달성' : '', attachments: [] },
    projectName: plan.projectName,
    policyGoal: plan.policyGoal,
  };
}

beforeEach(async () => {
  dir = makeTempDir();
  office = await makeCopy(dir.path, 'office', { role: 'office' });
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

const statusOf = (view: Awaited<ReturnType<ReturnType<typeof officeHandlers>['getOfficeReport']>>) =>
  view.report.statusTables.byDepartment.find((r) => r.key === LEAD)?.counts;

describe('office report with decisions', () => {
  it('lists a card whose frozen fields differ from the confirmed plan; excluding it makes the project 미제출', async () => {
    const handlers = officeHandlers(office);
    const plan = basePlan();
    expect(await send('plan', [planDoc(plan)])).toBe('accepted');
    await handlers.confirmReceivedPlan({ projectId: '1-1-1' });

    const card = { ...cardFor(plan, 'onTrack'), policyGoal: '임의로 바꾼 정책목표' };
    expect(await send('2019-H1', [cardDoc(card)])).toBe('accepted');

    const before = await handlers.getOfficeReport({ periodId: '2019-H1', today: '2019-07-20' });
    expect(before.conflicts).toHaveLength(1);
    expect(before.conflicts[0]).toMatchObject({ projectId: '1-1-1', department: LEAD, resolution: null });
    const counted = statusOf(before);
    expect(counted?.onTrack).toBe(1);

    const conflict = before.conflicts[0];
    if (!conflict) throw new Error('no conflict');
    await handlers.resolveConflict({
      key: conflict.key,
      projectId: '1-1-1',
      periodId: '2019-H1',
      decision: 'rejected',
      note: '확정 항목 임의 변경',
    });
    const after = await handlers.getOfficeReport({ periodId: '2019-H1', today: '2019-07-20' });
    expect(after.conflicts[0]?.resolution).toBe('rejected');
    expect(statusOf(after)?.onTrack).toBe(0);
    expect(statusOf(after)?.notSubmitted).toBe((counted?.notSubmitted ?? 0) + 1);
  });

  it('a rejected 완료 request counts as 정상추진 until accepted', async () => {
    const handlers = officeHandlers(office);
    const plan = basePlan();
    await send('plan', [planDoc(plan)]);
    await handlers.confirmReceivedPlan({ projectId: '1-1-1' });
    expect(await send('2019-H1', [cardDoc(cardFor(plan, 'completed'))])).toBe('accepted');

    const asked = await handlers.getOfficeReport({ periodId: '2019-H1', today: '2019-07-20' });
    expect(asked.completionRequests).toEqual([{ projectId: '1-1-1', department: LEAD, decision: null }]);
    expect(statusOf(asked)?.completed).toBe(1);

    await handlers.decideCompletion({
      projectId: '1-1-1',
      periodId: '2019-H1',
      decision: 'rejected',
      note: '',
    });
    const rejected = await handlers.getOfficeReport({ periodId: '2019-H1', today: '2019-07-20' });
    expect(statusOf(rejected)?.completed).toBe(0);
    expect(statusOf(rejected)?.onTrack).toBe(1);

    await handlers.decideCompletion({
      projectId: '1-1-1',
      periodId: '2019-H1',
      decision: 'accepted',
      note: '',
    });
    expect(
      statusOf(await handlers.getOfficeReport({ periodId: '2019-H1', today: '2019-07-20' }))?.completed,
    ).toBe(1);
  });

  it('an approved change request rewrites the confirmed plan and enters the change history', async () => {
    const handlers = officeHandlers(office);
    const plan = basePlan();
    await send('plan', [planDoc(plan)]);
    await handlers.confirmReceivedPlan({ projectId: '1-1-1' });
    const request = {
      kind: 'changeRequest',
      schemaVersion: 1,
      lifecycle: 'submitted',
      requestId: 'cr-1',
      projectId: '1-1-1',
      projectName: plan.projectName,
      department: LEAD,
      contact: { position: 'officer', unit: '', name: '박지훈', phone: '02-2133-5011' },
      rows: [
        {
          category: '공약내용 (최종목표 등)',
          original: plan.policyGoal,
          proposed: '입주기업 누적 120개사 육성',
        },
      ],
      reason: '코로나19로 입주 일정 지연',
      evidence: [],
      decisionHistory: [{ status: 'requested', date: '2019-07-01', by: LEAD, note: '' }],
    };
    expect(await send('2019-H1', [{ path: 'documents/change-1-1-1-cr-1.json', json: request }])).toBe(
      'accepted',
    );

    const approveTooEarly = handlers.decideChangeRequest({
      department: LEAD,
      requestId: 'cr-1',
      status: 'approved',
      date: '2019-07-10',
      by: '시민공약평가단',
      note: '',
    });
    await expect(approveTooEarly).rejects.toThrow(/바꿀 수 없습니다/);

    const pending = await handlers.getOfficeReport({ periodId: '2019-H1', today: '2019-07-20' });
    expect(pending.pendingChangeRequests.map((c) => c.requestId)).toEqual(['cr-1']);

    for (const status of ['approvedByDirector', 'reviewing', 'approved'] as const) {
      await handlers.decideChangeRequest({
        department: LEAD,
        requestId: 'cr-1',
        status,
        date: '2019-07-10',
        by: '시민공약평가단',
        note: '',
      });
    }
    const view = await handlers.getOfficeReport({ periodId: '2019-H1', today: '2019-07-20' });
    expect(view.report.changes.approved.map((c) => c.requestId)).toEqual(['cr-1']);
    expect(view.pendingChangeRequests).toEqual([]);
    const confirmed = await office.db
      .selectFrom('documents')
      .select(['json', 'version'])
      .where('kind', '=', 'executionPlan')
      .executeTakeFirstOrThrow();
    expect((JSON.parse(confirmed.json) as ExecutionPlan).policyGoal).toBe('입주기업 누적 120개사 육성');
    // The plan as first confirmed stays in its history.
    expect(confirmed.version).toBe(2);
  });
});
