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
    // The 연차별 투자수요 stay as they are: the approved 총사업비 would disagree with their 임기내 계 ('18 … '22),
    // summed here from the plan's grids.
    let within = 0;
    for (const unit of plan.unitProjects)
      for (const row of Object.values(unit.investmentNeeds))
        for (const [year, value] of Object.entries(row as Record<string, number | null>))
          if (Number(year) <= 2022) within += value ?? 0;
    expect(within).not.toBe(amount);
    expect(preview?.warnings).toEqual([
      `승인하면 총사업비는 ${amount.toLocaleString('en-US')}백만원이 되지만, 연차별 투자수요의 임기내 계는 ${within.toLocaleString('en-US')}백만원 그대로입니다 (투자수요는 조정 요청서로 바뀌지 않습니다). 승인한다면 부서가 다음 관리카드에서 연차별 투자수요를 현행화하도록 알리세요.`,
    ]);

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
