import { describe, expect, it } from 'vitest';
import type { ExecutionPlan } from '../../domain/documents';
import { join } from 'node:path';
import { getDocument } from '../../db/documents';
import { applyBaseline, exportBaseline } from './baseline';
import { exportEnrollment, importEnrollment } from './key-service';
import { officeHandlers } from './office-handlers';
import {
  direct,
  LEAD,
  planDoc,
  request as reportRequest,
  useOfficeHarness,
} from './test-support/office-harness';
import {
  approveRequest,
  changeDoc,
  planWithCostAndPeriod,
  REQUEST_ID,
  submittedRequest,
  ym,
} from './test-support/change-requests';

// An approved 사업기간 or 총사업비 row reaches the confirmed plan, as 공약명 and 정책목표 do; one whose 변경안
// cannot be read is recorded, said before the approval, and not applied.

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

describe('an approved change of 사업기간 or 총사업비', () => {
  it('rewrites the confirmed plan’s 사업기간 and 총사업비, keeping the old ones in its history', async () => {
    const handlers = officeHandlers(h.office);
    const plan = planWithCostAndPeriod();
    await h.send('plan', [planDoc(plan)]);
    await handlers.confirmReceivedPlan({ projectId: plan.projectId });

    const end = { year: 2023, month: 12 };
    const amount = 15500.5;
    const sent = submittedRequest(plan, [
      {
        category: '사업기간',
        original: '2018년 7월 ~ 2022년 6월',
        proposed: `2018.7 ~ ${end.year % 100}년 ${end.month}월`,
      },
      {
        category: '총사업비',
        original: '12,000 백만원',
        proposed: `${amount.toLocaleString('en-US')} 백만원`,
      },
    ]);
    expect(await h.send('2019-H1', [changeDoc(sent)])).toBe('accepted');

    const before = await handlers.getOfficeReport(reportRequest);
    const preview = before.pendingChangeEffects[`${LEAD}|${REQUEST_ID}`];
    expect(preview?.effects.map((e) => [e.label, e.current, e.proposed, e.originalMatches])).toEqual([
      ['사업기간', '2018년 7월 ~ 2022년 6월', `2018년 7월 ~ ${end.year}년 ${end.month}월`, true],
      ['총사업비', '12,000 백만원', `${amount.toLocaleString('ko-KR')} 백만원`, true],
    ]);
    expect(preview?.unreadable).toEqual([]);
    expect(preview?.notApplied).toEqual([]);

    await approveRequest(handlers);
    const { current, versions } = await planVersions();
    expect(current.projectPeriod).toEqual({ from: plan.projectPeriod.from, to: ym(end.year, end.month) });
    expect(current.totalCost).toEqual({ kind: 'amount', amount });
    // The plan as first confirmed stays in its history.
    expect(versions.map((v) => [v.projectPeriod, v.totalCost])).toEqual([
      [plan.projectPeriod, plan.totalCost],
      [current.projectPeriod, current.totalCost],
    ]);
    // The next baseline package carries the plan as changed to the department.
    const exported = await exportBaseline(h.office, join(h.dir.path, 'baseline.pledge'));
    await importEnrollment(h.dept, (await exportEnrollment(h.office)).text);
    await applyBaseline(h.dept, { path: exported.path }, direct);
    const theirs = await getDocument(h.dept.db, `executionPlan:${plan.projectId}:plan:${LEAD}`);
    expect(theirs?.json).toMatchObject({
      projectPeriod: current.projectPeriod,
      totalCost: current.totalCost,
    });
  });

  it('records a row whose 변경안 cannot be read without applying it, and says which row and why before 승인', async () => {
    const handlers = officeHandlers(h.office);
    const plan = planWithCostAndPeriod();
    await h.send('plan', [planDoc(plan)]);
    await handlers.confirmReceivedPlan({ projectId: plan.projectId });
    const proposedGoal = `${plan.policyGoal} (조정)`;
    const unreadableCost = '약 155억 원';
    const sent = submittedRequest(plan, [
      { category: '공약내용 (최종목표 등)', original: plan.policyGoal, proposed: proposedGoal },
      { category: '총사업비', original: '12,000 백만원', proposed: unreadableCost },
      { category: '기타', original: '', proposed: '시민 자문단 운영' },
    ]);
    expect(await h.send('2019-H1', [changeDoc(sent)])).toBe('accepted');

    const preview = (await handlers.getOfficeReport(reportRequest)).pendingChangeEffects[
      `${LEAD}|${REQUEST_ID}`
    ];
    expect(preview?.effects.map((e) => e.label)).toEqual(['정책목표']);
    expect(preview?.unreadable).toEqual([
      {
        row: 2,
        category: '총사업비',
        proposed: unreadableCost,
        reason: expect.stringContaining('백만원 단위 금액으로 읽을 수 없습니다') as string,
      },
    ]);
    expect(preview?.notApplied).toEqual(['기타']);

    await approveRequest(handlers);
    const { current } = await planVersions();
    expect(current.policyGoal).toBe(proposedGoal);
    expect(current.totalCost).toEqual(plan.totalCost);
    const view = await handlers.getOfficeReport(reportRequest);
    expect(view.report.changes.approved.map((c) => c.rows.map((r) => r.proposed))).toEqual([
      sent.rows.map((r) => r.proposed),
    ]);
  });
});
