import { afterEach, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { SHEET_NAMES, writeReportWorkbook } from '../reports/workbook';
import {
  frozenFieldIssues,
  type ExecutionPlan,
  type FinanceRow,
  type ManagementCard,
} from '../../domain/documents';
import { join } from 'node:path';
import { exportBaseline } from './baseline';
import { importBundleInputs } from './bundle-import';
import { enroll, makeCopy, privateKeyOf, sha256Hex, signSubmission } from './bundle-test-support';
import type { AppContext } from './context';
import { officeHandlers } from './office-handlers';
import { frozenDetail, OLDER_PLAN_NOTE } from './frozen-conflicts';
import {
  publicExportCaution,
  quarantineLabel,
  undecidedSummary,
  withoutConfirmedPlanNote,
} from '../../domain/reports';
import {
  basePlan,
  cardDoc,
  cardFor,
  direct,
  LEAD,
  planDoc,
  request,
  statusOf,
  useOfficeHarness,
  sendConfirmedPlan,
} from './test-support/office-harness';

const h = useOfficeHarness();

describe('office report with decisions', () => {
  it('제출 현황 says why a bundle waits in quarantine: a key never registered, then one waiting for approval', async () => {
    const handlers = officeHandlers(h.office);
    const other = await makeCopy(h.dir.path, 'dept-unregistered', { role: 'department', department: LEAD });
    try {
      const plan = basePlan();
      const bytes = await signSubmission(await privateKeyOf(other), {
        department: LEAD,
        period: '2019-H1',
        revision: 1,
        previousBundleSha256: null,
        documents: [cardDoc(cardFor(plan, 'onTrack'))],
      });
      const [result] = await importBundleInputs(h.office, [{ name: 'unregistered.pledge', bytes }], direct);
      expect(result?.status).toBe('quarantined');
      const reasons = async () => {
        const view = await handlers.getOfficeReport(request);
        const lead = view.report.submissions.departments.find((d) => d.department === LEAD);
        return (lead?.bundles ?? [])
          .filter((b) => b.signature === 'quarantined')
          .map((b) => b.quarantineReason);
      };
      expect(await reasons()).toEqual(['unregistered']);
      expect(quarantineLabel(await reasons())).toBe('등록되지 않은 키');
      // Its key file arrives: registered and waiting for approval. The kept report is not reused.
      await enroll(h.office, other, false);
      expect(await reasons()).toEqual(['pending']);
      expect(quarantineLabel(await reasons())).toBe('승인 대기 중인 키');
    } finally {
      await other.close();
    }
  });

  it("제출 현황 finds a quarantined bundle's key by its department: another department's key of that id is not it", async () => {
    const handlers = officeHandlers(h.office);
    // A key registered (waiting for approval) for 여성가족정책실 signs a bundle in 경제진흥본부's name.
    const other = await makeCopy(h.dir.path, 'dept-other', {
      role: 'department',
      department: '여성가족정책실',
    });
    try {
      await enroll(h.office, other, false);
      const bytes = await signSubmission(await privateKeyOf(other), {
        department: LEAD,
        period: '2019-H1',
        revision: 1,
        previousBundleSha256: null,
        documents: [cardDoc(cardFor(basePlan(), 'onTrack'))],
      });
      const [result] = await importBundleInputs(h.office, [{ name: 'other.pledge', bytes }], direct);
      expect(result).toMatchObject({ status: 'quarantined', code: 'KEY_UNKNOWN' });
      const view = await handlers.getOfficeReport(request);
      const lead = view.report.submissions.departments.find((d) => d.department === LEAD);
      const reasons = (lead?.bundles ?? [])
        .filter((b) => b.signature === 'quarantined')
        .map((b) => b.quarantineReason);
      expect(reasons).toEqual(['unregistered']);
    } finally {
      await other.close();
    }
  });

  it('names projects left out of 붙임5 by why: a plan received and not confirmed, or no plan ever sent', async () => {
    const handlers = officeHandlers(h.office);
    const plan = basePlan();
    expect(await h.send('plan', [planDoc(plan)])).toBe('accepted');
    const other = {
      ...cardFor(plan, 'onTrack'),
      projectId: '1-1-2',
      projectName: '상암 DMC를 스마트콘텐츠 기반 혁신성장 거점으로 조성',
    };
    expect(
      await h.send('2019-H1', [
        cardDoc(cardFor(plan, 'onTrack')),
        { path: 'documents/card-1-1-2-2019-H1.json', json: { ...other, periodId: '2019-H1' } },
      ]),
    ).toBe('accepted');

    const view = await handlers.getOfficeReport(request);
    expect(view.report.finance.withoutConfirmedPlan).toEqual(['1-1-1', '1-1-2']);
    expect(view.report.finance.withoutConfirmedPlanReceived).toEqual(['1-1-1']);
    expect(view.report.meta.undecided?.plansToConfirm).toBe(1);
    const note = withoutConfirmedPlanNote(
      view.report.finance.withoutConfirmedPlan,
      view.report.finance.withoutConfirmedPlanReceived,
    );
    expect(note).toContain('실천계획서를 받았지만 확정하지 않아 붙임5와 집행률에서 뺀 사업 1개: 1-1-1');
    expect(note).toContain('실천계획서를 받지 않아 붙임5와 집행률에서 뺀 사업 1개: 1-1-2');
    // The exports' warnings name the plan waiting for confirmation with the other undecided items.
    expect(undecidedSummary(view.report.meta.undecided)).toBe('확정 대기 실천계획서 1건');
    expect(publicExportCaution(view.report.meta.undecided)).toContain(
      '확정 대기 실천계획서는 확정 전의 계획으로',
    );

    await handlers.confirmReceivedPlan({ projectId: '1-1-1' });
    const confirmed = await handlers.getOfficeReport(request);
    expect(confirmed.report.finance.withoutConfirmedPlan).toEqual(['1-1-2']);
    expect(confirmed.report.finance.withoutConfirmedPlanReceived).toEqual([]);
    expect(confirmed.report.meta.undecided?.plansToConfirm).toBe(0);
    expect(undecidedSummary(confirmed.report.meta.undecided)).toBeNull();
  });

  it('lists a card whose frozen fields differ from the confirmed plan; excluding it makes the project 미제출', async () => {
    const handlers = officeHandlers(h.office);
    const plan = basePlan();
    expect(await h.send('plan', [planDoc(plan)])).toBe('accepted');
    await handlers.confirmReceivedPlan({ projectId: '1-1-1' });

    const card = { ...cardFor(plan, 'onTrack'), policyGoal: '임의로 바꾼 정책목표' };
    expect(await h.send('2019-H1', [cardDoc(card)])).toBe('accepted');

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
    const handlers = officeHandlers(h.office);
    const plan = await sendConfirmedPlan(h);
    const completedCard = cardFor(plan, 'completed');
    completedCard.completionEvidence = { summary: '조례 제정·공포 2019.3.28', attachments: [] };
    expect(await h.send('2019-H1', [cardDoc(completedCard)])).toBe('accepted');

    const asked = await handlers.getOfficeReport({ periodId: '2019-H1', today: '2019-07-20' });
    // The office decides on what the department sent as evidence.
    expect(asked.completionRequests).toEqual([
      {
        projectId: '1-1-1',
        department: LEAD,
        status: 'completed',
        evidence: '조례 제정·공포 2019.3.28',
        evidenceFiles: [],
        // The card the request is made with: the department's second bundle (its plan came first).
        cardBundleSha256: h.lastSha,
        cardRevision: 2,
        decision: null,
        decisionNote: null,
        decidedAt: null,
        decidedForPeriodId: null,
        supersededDecision: null,
        withdrawnDecision: null,
      },
    ]);
    expect(statusOf(asked)?.completed).toBe(1);
    // Counted as 완료 while undecided, and marked so in every table that counts it.
    const lead = (view: typeof asked) => view.report.statusTables.byDepartment.find((r) => r.key === LEAD);
    expect(lead(asked)?.completedUndecided).toBe(1);
    expect(asked.report.statusTables.total.completedUndecided).toBe(1);
    // The exports say what still waits: the workbook's 개요 names it.
    expect(asked.report.meta.undecided).toEqual({
      conflicts: 0,
      completionRequests: 1,
      changeRequests: 0,
      plansToConfirm: 0,
    });
    const overview = XLSX.read(writeReportWorkbook(asked.report), { type: 'buffer' }).Sheets[
      SHEET_NAMES.overview
    ] as XLSX.WorkSheet;
    const lines = XLSX.utils.sheet_to_json<string[]>(overview, { header: 1 });
    expect(lines.find((l) => l[0] === '결정 대기')?.[1]).toMatch(
      /^완료 요청 1건 — 정하면 표가 바뀔 수 있습니다/,
    );
    expect(asked.report.statusTables.byArea.find((r) => r.key === '1')?.completedUndecided).toBe(1);
    expect(asked.report.statusTables.byCorePledge.find((r) => r.key === '1-1')?.completedUndecided).toBe(1);

    await handlers.decideCompletion({
      projectId: '1-1-1',
      periodId: '2019-H1',
      decision: 'rejected',
      note: '증빙 보완 필요',
    });
    const rejected = await handlers.getOfficeReport({ periodId: '2019-H1', today: '2019-07-20' });
    expect(rejected.completionRequests[0]).toMatchObject({
      decision: 'rejected',
      decisionNote: '증빙 보완 필요',
    });
    expect(rejected.completionRequests[0]?.decidedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(statusOf(rejected)?.completed).toBe(0);
    expect(statusOf(rejected)?.onTrack).toBe(1);
    expect(rejected.report.statusTables.total.completedUndecided).toBe(0);

    await handlers.decideCompletion({
      projectId: '1-1-1',
      periodId: '2019-H1',
      decision: 'accepted',
      note: '',
    });
    const accepted = await handlers.getOfficeReport({ periodId: '2019-H1', today: '2019-07-20' });
    expect(statusOf(accepted)?.completed).toBe(1);
    expect(accepted.report.statusTables.total.completedUndecided).toBe(0);
  });

  it('부진 사업 follows the decided status: a 완료 waiting or accepted is not lagging, a rejected one (정상추진) is', async () => {
    const handlers = officeHandlers(h.office);
    const plan = await sendConfirmedPlan(h);
    // 완료, and the second unit's 2019-H1 milestone has no result (its 집행률 is above the 기준).
    const card = cardFor(plan, 'completed');
    card.unitProjects = card.unitProjects.map((u, i) => (i === 1 ? { ...u, results: {} } : u));
    expect(await h.send('2019-H1', [cardDoc(card)])).toBe('accepted');
    const laggingOf = async () =>
      (await handlers.getOfficeReport(request)).report.lagging.find((l) => l.projectId === '1-1-1');

    expect(await laggingOf()).toBeUndefined();
    await handlers.decideCompletion({
      projectId: '1-1-1',
      periodId: '2019-H1',
      decision: 'rejected',
      note: '',
    });
    expect(await laggingOf()).toMatchObject({ status: 'onTrack', reasons: ['missedMilestones'] });
    await handlers.decideCompletion({
      projectId: '1-1-1',
      periodId: '2019-H1',
      decision: 'accepted',
      note: '',
    });
    expect(await laggingOf()).toBeUndefined();
  });

  it('a 완료 accepted once stays accepted while later cards report 완료; a rejection is asked again', async () => {
    const handlers = officeHandlers(h.office);
    const plan = await sendConfirmedPlan(h);
    const completed = (periodId: string) => cardDoc(cardFor(plan, 'completed'), periodId);
    expect(await h.send('2019-H1', [completed('2019-H1')])).toBe('accepted');
    await handlers.decideCompletion({
      projectId: '1-1-1',
      periodId: '2019-H1',
      decision: 'accepted',
      note: '',
    });
    expect(await h.send('2019-H2', [completed('2019-H2')])).toBe('accepted');

    const later = await handlers.getOfficeReport({ periodId: '2019-H2', today: '2020-01-20' });
    expect(later.completionRequests[0]).toMatchObject({
      decision: 'accepted',
      decidedForPeriodId: '2019-H1',
    });
    expect(statusOf(later)?.completed).toBe(1);
    expect(later.report.statusTables.total.completedUndecided).toBe(0);
    expect(later.report.meta.undecided?.completionRequests).toBe(0);

    // Rejected for 2020-H1: that half-year counts 정상추진; reported 완료 again in 2020-H2, it is a new request.
    expect(await h.send('2020-H1', [completed('2020-H1')])).toBe('accepted');
    await handlers.decideCompletion({
      projectId: '1-1-1',
      periodId: '2020-H1',
      decision: 'rejected',
      note: '완료 후 재추진 중',
    });
    const rejected = await handlers.getOfficeReport({ periodId: '2020-H1', today: '2020-07-20' });
    expect(statusOf(rejected)?.completed).toBe(0);
    expect(await h.send('2020-H2', [completed('2020-H2')])).toBe('accepted');
    const asked = await handlers.getOfficeReport({ periodId: '2020-H2', today: '2021-01-20' });
    expect(asked.completionRequests[0]).toMatchObject({ decision: null, decidedForPeriodId: null });
    expect(asked.report.statusTables.total.completedUndecided).toBe(1);
    // The earlier half-year keeps its own decision.
    const first = await handlers.getOfficeReport({ periodId: '2019-H1', today: '2020-01-20' });
    expect(first.completionRequests[0]).toMatchObject({
      decision: 'accepted',
      decidedForPeriodId: '2019-H1',
    });
  });

  it("반기 비교 starts from the earlier half-year as its own report shows it: that half-year's decisions apply", async () => {
    const handlers = officeHandlers(h.office);
    const plan = await sendConfirmedPlan(h);
    expect(await h.send('2019-H2', [cardDoc(cardFor(plan, 'completed'), '2019-H2')])).toBe('accepted');
    await handlers.decideCompletion({
      projectId: '1-1-1',
      periodId: '2019-H2',
      decision: 'rejected',
      note: '증빙 부족',
    });
    expect(await h.send('2020-H1', [cardDoc(cardFor(plan, 'onTrack'), '2020-H1')])).toBe('accepted');
    expect(await h.send('2020-H2', [cardDoc(cardFor(plan, 'onTrack'), '2020-H2')])).toBe('accepted');
    const earlier = await handlers.getOfficeReport({ periodId: '2019-H2', today: '2020-01-20' });
    expect(statusOf(earlier)?.onTrack).toBe(1);

    const compared = async (periodId: string, comparePeriodId?: string) => {
      const view = await handlers.getOfficeReport({ periodId, comparePeriodId, today: '2021-01-20' });
      expect(view.report.comparison.fromPeriodId).toBe(comparePeriodId ?? '2019-H2');
      return view.report.comparison;
    };
    // The next half-year, and a later one compared with 2019-H2: 정상추진 → 정상추진, not 완료 → 정상추진 (악화).
    for (const comparison of [await compared('2020-H1'), await compared('2020-H2', '2019-H2')]) {
      expect(comparison.projects.find((p) => p.projectId === '1-1-1')).toMatchObject({
        statusBefore: 'onTrack',
        statusAfter: 'onTrack',
        statusTrend: 0,
      });
      expect(comparison.projects.find((p) => p.projectId === '1-1-1')?.changes).not.toContain('status');
      expect(comparison.summary).toMatchObject({ worsened: 0, statusChanged: 0 });
    }

    // The 2019-H2 card re-sent with a 정책목표 of its own, and the office excludes it for 2019-H2: that report has
    // no card for the project, so the comparison has none before either.
    const changed = { ...cardFor(plan, 'onTrack'), policyGoal: '임의로 바꾼 정책목표' };
    expect(await h.send('2019-H2', [cardDoc(changed, '2019-H2')])).toBe('accepted');
    const conflict = (await handlers.getOfficeReport({ periodId: '2019-H2', today: '2020-01-20' }))
      .conflicts[0];
    expect(conflict).toMatchObject({ kind: 'frozenFields', periodId: '2019-H2', resolution: null });
    await handlers.resolveConflict({
      key: conflict?.key ?? '',
      projectId: '1-1-1',
      periodId: '2019-H2',
      decision: 'rejected',
      note: '확정 항목 임의 변경',
    });
    const excluded = await compared('2020-H1');
    const project = excluded.projects.find((p) => p.projectId === '1-1-1');
    expect(project).toMatchObject({
      statusBefore: 'notSubmitted',
      statusAfter: 'onTrack',
      executedBefore: null,
    });
    expect(project?.changes).toContain('newCard');
  });

  it("붙임5 marks red a past half-year's 집행 a later card corrected, also when another half-year is compared", async () => {
    const handlers = officeHandlers(h.office);
    const plan = await sendConfirmedPlan(h);
    const h1 = cardFor(plan, 'onTrack');
    expect(await h.send('2019-H1', [cardDoc(h1, '2019-H1')])).toBe('accepted');
    // 2019-H2's card carries 2019-H1 forward with its 시비 corrected from 300.125 to 250 (단위사업 2).
    const h2 = structuredClone(h1);
    const unit = h2.unitProjects[1];
    if (unit === undefined) throw new Error('the example card has two units');
    expect(unit.executed.city['2019-H1']).toBe(300.125);
    unit.executed.city['2019-H1'] = 250;
    expect(await h.send('2019-H2', [cardDoc(h2, '2019-H2')])).toBe('accepted');
    const redOf = async (comparePeriodId?: string) => {
      const view = await handlers.getOfficeReport({
        periodId: '2019-H2',
        comparePeriodId,
        today: '2020-01-20',
      });
      const row = view.report.finance.areas.flatMap((a) => a.rows).find((r) => r.projectId === '1-1-1');
      return [...(row?.changedFields ?? ['no row'])].sort();
    };
    expect(await redOf()).toEqual(['termExecuted.byYear.2019', 'termExecuted.total']);
    expect(await redOf('2018-H2')).toEqual(['termExecuted.byYear.2019', 'termExecuted.total']);
    // Its own half-year is not a correction: 2019-H1's report marks nothing.
    const first = await handlers.getOfficeReport({ periodId: '2019-H1', today: '2019-07-20' });
    expect(
      first.report.finance.areas.flatMap((a) => a.rows).find((r) => r.projectId === '1-1-1')?.changedFields,
    ).toEqual([]);
  });

  it('an approved change request rewrites the confirmed plan and enters the change history', async () => {
    const handlers = officeHandlers(h.office);
    const plan = await sendConfirmedPlan(h);
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
    expect(await h.send('2019-H1', [{ path: 'documents/change-1-1-1-cr-1.json', json: request }])).toBe(
      'accepted',
    );
    // The half-year's card, written under the plan as first confirmed.
    expect(await h.send('2019-H1', [cardDoc(cardFor(plan, 'onTrack'))])).toBe('accepted');

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
    const confirmed = await h.office.db
      .selectFrom('documents')
      .select(['json', 'version'])
      .where('kind', '=', 'executionPlan')
      .executeTakeFirstOrThrow();
    expect((JSON.parse(confirmed.json) as ExecutionPlan).policyGoal).toBe('입주기업 누적 120개사 육성');
    // The plan as first confirmed stays in its history.
    expect(confirmed.version).toBe(2);
    // The approved change is not a new plan from the department: nothing to confirm again.
    const plans = await handlers.listPlanConfirmations();
    expect(plans.find((p) => p.projectId === '1-1-1')?.state).toBe('confirmed');

    // The card written before the approval (its half-year had ended) is no conflict: it is held to the plan in
    // force then. A card of the next half-year still carrying the old 정책목표 is one, against the changed plan.
    expect(view.conflicts).toEqual([]);
    expect(statusOf(view)?.onTrack).toBe(1);
    await h.send('2019-H2', [cardDoc(cardFor(plan, 'onTrack'), '2019-H2')]);
    const next = await handlers.getOfficeReport({ periodId: '2019-H2', today: '2020-01-20' });
    expect(next.conflicts.map((c) => [c.kind, c.projectId, c.periodId])).toEqual([
      ['frozenFields', '1-1-1', '2019-H2'],
    ]);
    expect(next.conflicts[0]?.details[0]).toContain('확정: "입주기업 누적 120개사 육성"');
    // It carries the plan as first confirmed: the office is told the department missed the change (a baseline not
    // applied), not to ask for another change request.
    expect(next.conflicts[0]?.details.at(-1)).toBe(OLDER_PLAN_NOTE);
    // A late H1 card that matches neither is compared with the plan in force when H1 ended, and says so.
    await h.send('2019-H1', [cardDoc({ ...cardFor(plan, 'onTrack'), policyGoal: '임의로 바꾼 정책목표' })]);
    const late = await handlers.getOfficeReport({ periodId: '2019-H1', today: '2019-07-20' });
    expect(late.conflicts[0]?.details).toEqual([
      expect.stringContaining(
        `확정: "${plan.policyGoal.replace(/\s+/g, ' ').slice(0, 59)}…" / 카드: "임의로 바꾼 정책목표"`,
      ),
      '(이 반기가 끝날 때 확정되어 있던 실천계획서와 비교했습니다)',
    ]);
    expect(late.conflicts[0]?.details).not.toContain(OLDER_PLAN_NOTE);
  });
});

describe('conflicts between departments and between bundles', () => {
  it('a second, different bundle with a revision already accepted is held and listed, never merged', async () => {
    const handlers = officeHandlers(h.office);
    const plan = basePlan();
    expect(await h.send('plan', [planDoc(plan)])).toBe('accepted');
    const documentsBefore = await h.office.db.selectFrom('received_documents').selectAll().execute();

    // The same revision again, made on another PC: different content, same previous (none).
    const other = await signSubmission(await privateKeyOf(h.dept), {
      department: LEAD,
      period: 'plan',
      revision: 1,
      previousBundleSha256: null,
      documents: [planDoc({ ...plan, policyGoal: '다른 PC에서 쓴 정책목표' })],
    });
    const [held] = await importBundleInputs(h.office, [{ name: 'other-pc.pledge', bytes: other }], direct);
    expect(held).toMatchObject({ status: 'held', code: 'REVISION_CONFLICT', department: LEAD, revision: 1 });
    expect(held?.reason).toContain('충돌로 보류');
    const [again] = await importBundleInputs(h.office, [{ name: 'other-pc.pledge', bytes: other }], direct);
    expect(again).toMatchObject({ status: 'duplicate' });
    // Nothing of the held bundle reached the documents; its bytes are kept whole.
    expect(await h.office.db.selectFrom('received_documents').selectAll().execute()).toEqual(documentsBefore);
    const stored = await h.office.db
      .selectFrom('held_bundles')
      .select(['sha256', 'bytes', 'conflicts_with'])
      .execute();
    expect(stored.map((h) => h.sha256)).toEqual([sha256Hex(other)]);
    expect(stored[0]?.bytes.equals(other)).toBe(true);
    expect(stored[0]?.conflicts_with).toBe(h.lastSha);

    await handlers.confirmReceivedPlan({ projectId: '1-1-1' });
    const view = await handlers.getOfficeReport({ periodId: '2019-H1', today: '2019-07-20' });
    const conflict = view.conflicts.find((c) => c.kind === 'sameRevision');
    expect(conflict).toMatchObject({ projectId: '1-1-1', department: LEAD, resolution: null });
    expect(conflict?.details.join(' ')).toContain(sha256Hex(other).slice(0, 12));
    expect(conflict?.details.join(' ')).toContain((h.lastSha ?? '').slice(0, 12));
    // The plan that counts is the one accepted first.
    const confirmed = await h.office.db
      .selectFrom('documents')
      .select('json')
      .where('kind', '=', 'executionPlan')
      .executeTakeFirstOrThrow();
    expect((JSON.parse(confirmed.json) as ExecutionPlan).policyGoal).toBe(plan.policyGoal);

    await handlers.resolveConflict({
      key: conflict?.key ?? '',
      projectId: '1-1-1',
      periodId: '2019-H1',
      decision: 'rejected',
      note: '부서에 새 회차로 다시 보내도록 요청',
    });
    const after = await handlers.getOfficeReport({ periodId: '2019-H1', today: '2019-07-20' });
    expect(after.conflicts.find((c) => c.kind === 'sameRevision')?.resolution).toBe('rejected');

    // What the conflict tells the office to ask for: the next revision from the PC of the accepted bundle. From
    // the other PC (after its held bundle) the chain forks and is refused.
    expect(conflict?.details.join(' ')).toContain('반영한 제출 파일을 만든 PC');
    const fromHeldPc = await signSubmission(await privateKeyOf(h.dept), {
      department: LEAD,
      period: '2019-H1',
      revision: 2,
      previousBundleSha256: sha256Hex(other),
      documents: [cardDoc(cardFor(plan, 'onTrack'))],
    });
    const [forked] = await importBundleInputs(
      h.office,
      [{ name: 'held-pc-r2.pledge', bytes: fromHeldPc }],
      direct,
    );
    expect(forked).toMatchObject({ status: 'rejected', code: 'CHAIN_FORK' });
    expect(await h.send('2019-H1', [cardDoc(cardFor(plan, 'onTrack'))])).toBe('accepted');
  });

  it("a co-department's card is listed; its 집행 joins the project's row only once the office takes it in", async () => {
    const { co, handlers, leadCard } = await sharedProjectWithCoDepartment();
    // The co-department's own card: 7.5 (백만원) executed in 2019-H1, nothing else.
    await sendFromCoDepartment(co, [{ path: SHARED_CARD, json: coCardFrom(leadCard) }]);

    const before = await handlers.getOfficeReport(request);
    const conflict = before.conflicts.find((c) => c.kind === 'coDepartmentCard');
    expect(conflict).toMatchObject({ projectId: '1-1-7', department: CO, resolution: null });
    const leadOnly = sharedRowOf(before)?.termExecuted.total;
    expect(leadOnly).toBeDefined();

    await handlers.resolveConflict({
      key: conflict?.key ?? '',
      projectId: '1-1-7',
      periodId: '2019-H1',
      decision: 'accepted',
      note: '협조부서 집행분 반영',
    });
    const after = await handlers.getOfficeReport(request);
    expect(after.conflicts.find((c) => c.kind === 'coDepartmentCard')?.resolution).toBe('accepted');
    expect(sharedRowOf(after)?.termExecuted.total).toBeCloseTo((leadOnly ?? 0) + 7.5, 6);
    // The project's status still follows the lead's card.
    expect(statusOf(after)).toEqual(statusOf(before));
  });

  it("a co-department whose own row states its 집행 is told its card's 집행 will not be added, and it is not", async () => {
    const { co, handlers, leadCard } = await sharedProjectWithCoDepartment();
    // Its own row: 12 (백만원) executed in 2019; its card: 7.5 in 2019-H1.
    const coRow: FinanceRow = {
      kind: 'financeRow',
      schemaVersion: 1,
      lifecycle: 'submitted',
      projectId: '1-1-7',
      department: CO,
      periodId: '2019-H1',
      secured: { national: null, city: 20, district: null, private: null, other: null },
      executed: { '2019': 12 },
      note: '',
    };
    await sendFromCoDepartment(co, [
      { path: 'documents/finance-1-1-7-2019-H1.json', json: coRow },
      { path: SHARED_CARD, json: coCardFrom(leadCard) },
    ]);

    const before = await handlers.getOfficeReport(request);
    const conflict = before.conflicts.find((c) => c.kind === 'coDepartmentCard');
    expect(conflict?.details[1]).toContain(
      "'카드 반영'을 골라도 카드의 집행액은 재정집행 현황에 더해지지 않습니다",
    );
    await handlers.resolveConflict({
      key: conflict?.key ?? '',
      projectId: '1-1-7',
      periodId: '2019-H1',
      decision: 'accepted',
      note: '협조부서 카드 반영',
    });
    const after = await handlers.getOfficeReport(request);
    expect(after.conflicts.find((c) => c.kind === 'coDepartmentCard')?.resolution).toBe('accepted');
    // The row's 12 counts, the card's 7.5 does not (the two never add up).
    expect(sharedRowOf(after)?.termExecuted.total).toBeCloseTo(
      sharedRowOf(before)?.termExecuted.total ?? 0,
      6,
    );
  });

  it("a co-department's card not taken in marks nothing red when another document of the project is sent again", async () => {
    const { co, handlers, leadCard } = await sharedProjectWithCoDepartment();
    // Its card (7.5 executed in 2019-H1), and no finance row: taken in, the card's 집행 would count.
    await sendFromCoDepartment(co, [{ path: SHARED_CARD, json: coCardFrom(leadCard) }]);
    // The lead sends its card again, no amount changed.
    expect(
      await h.send('2019-H1', [{ path: SHARED_CARD, json: { ...leadCard, cooperation: '협조 보완' } }]),
    ).toBe('accepted');
    const waiting = await handlers.getOfficeReport(request);
    const conflict = waiting.conflicts.find((c) => c.kind === 'coDepartmentCard');
    expect(conflict?.resolution).toBeNull();
    expect(sharedRowOf(waiting)?.changedFields, '결정 대기').toEqual([]);
    for (const decision of ['rejected', 'accepted'] as const) {
      await handlers.resolveConflict({
        key: conflict?.key ?? '',
        projectId: '1-1-7',
        periodId: '2019-H1',
        decision,
        note: decision,
      });
      const view = await handlers.getOfficeReport(request);
      expect(sharedRowOf(view)?.changedFields, decision).toEqual([]);
      expect(sharedRowOf(view)?.termExecuted.total, decision).toBeCloseTo(
        (sharedRowOf(waiting)?.termExecuted.total ?? 0) + (decision === 'accepted' ? 7.5 : 0),
        6,
      );
    }
  });

  it("a co-department's card taken in where the lead sent nothing marks no plan figure red when it is sent again", async () => {
    const { co, handlers, leadCard } = await sharedProjectWithCoDepartment({ leadSends: false });
    // Its card's 투자수요 differ from the plan (the example card's 2019 city need is 2800, the plan's 3000); the
    // row's plan figures are the plan's all the same, in the first report as in the current one.
    const coCard = coCardFrom(leadCard);
    await sendFromCoDepartment(co, [{ path: SHARED_CARD, json: coCard }]);
    const listed = await handlers.getOfficeReport(request);
    const conflict = listed.conflicts.find((c) => c.kind === 'coDepartmentCard');
    await handlers.resolveConflict({
      key: conflict?.key ?? '',
      projectId: '1-1-7',
      periodId: '2019-H1',
      decision: 'accepted',
      note: '협조부서 카드 반영',
    });
    const first = sharedRowOf(await handlers.getOfficeReport(request));
    expect(first?.changedFields).toEqual([]);
    // Sent again with 1.5 more 집행 (2019-H1, its second unit): 집행 is red, no plan figure.
    await sendFromCoDepartment(co, [
      {
        path: SHARED_CARD,
        json: {
          ...coCard,
          unitProjects: coCard.unitProjects.map((u, i) =>
            i === 1 ? { ...u, executed: { ...u.executed, city: { '2019-H1': 1.5 } } } : u,
          ),
        },
      },
    ]);
    const again = sharedRowOf(await handlers.getOfficeReport(request));
    expect(again?.termExecuted.total).toBeCloseTo((first?.termExecuted.total ?? 0) + 1.5, 6);
    expect(again?.termPlan.total).toBe(first?.termPlan.total);
    expect(again?.changedFields).toContain('termExecuted.total');
    expect(again?.changedFields.filter((f) => !f.startsWith('termExecuted'))).toEqual([]);
  });
});

/** 1-1-7's co-department (the project is led by 경제진흥본부, the harness's department). */
const CO = '여성가족정책실';
const SHARED_CARD = 'documents/card-1-1-7-2019-H1.json';
let coCopy: AppContext | undefined;
/** The co-department's chain: its last file's SHA-256 and revision. */
let coChain: { previous: string | null; revision: number } = { previous: null, revision: 0 };
afterEach(async () => {
  await coCopy?.close();
  coCopy = undefined;
  coChain = { previous: null, revision: 0 };
});

/**
 * 1-1-7's plan sent by its lead and confirmed, the lead's 2019-H1 card accepted (unless `leadSends` is false), and
 * the co-department's own copy enrolled (closed after the test).
 */
async function sharedProjectWithCoDepartment({ leadSends = true } = {}): Promise<{
  co: AppContext;
  handlers: ReturnType<typeof officeHandlers>;
  leadCard: ManagementCard;
}> {
  const co = await makeCopy(h.dir.path, 'co', { role: 'department', department: CO });
  coCopy = co;
  await enroll(h.office, co);
  const handlers = officeHandlers(h.office);
  const plan = JSON.parse(JSON.stringify(basePlan()).replace(/"1-1-1"/g, '"1-1-7"')) as ExecutionPlan;
  expect(await h.send('plan', [{ path: 'documents/plan-1-1-7-plan.json', json: plan }])).toBe('accepted');
  await handlers.confirmReceivedPlan({ projectId: '1-1-7' });
  const leadCard = { ...cardFor(plan, 'onTrack'), projectId: '1-1-7' };
  if (leadSends) expect(await h.send('2019-H1', [{ path: SHARED_CARD, json: leadCard }])).toBe('accepted');
  return { co, handlers, leadCard };
}

/** The co-department's own card: the lead's, with 7.5 (백만원) executed in 2019-H1 on its first unit, nothing else. */
const coCardFrom = (leadCard: ManagementCard): ManagementCard => ({
  ...leadCard,
  department: CO,
  unitProjects: leadCard.unitProjects.map((u, i) => ({
    ...u,
    executed: {
      national: {},
      city: (i === 0 ? { '2019-H1': 7.5 } : {}) as Record<string, number | null>,
      district: {},
      private: {},
      other: {},
    },
  })),
});

/** The co-department's next file (revision 1, 2, …), signed with its key and imported by the office. */
async function sendFromCoDepartment(
  co: AppContext,
  documents: { path: string; json: unknown }[],
): Promise<void> {
  const revision = coChain.revision + 1;
  const bytes = await signSubmission(await privateKeyOf(co), {
    department: CO,
    period: '2019-H1',
    revision,
    previousBundleSha256: coChain.previous,
    documents,
  });
  const [taken] = await importBundleInputs(h.office, [{ name: `co-r${revision}.pledge`, bytes }], direct);
  expect(taken).toMatchObject({ status: 'accepted', department: CO });
  coChain = { previous: sha256Hex(bytes), revision };
}

const sharedRowOf = (view: Awaited<ReturnType<ReturnType<typeof officeHandlers>['getOfficeReport']>>) =>
  view.report.finance.areas.flatMap((a) => a.rows).find((r) => r.projectId === '1-1-7');

describe('reports read documents once per process', () => {
  it('a report after a new revision or a re-confirmed plan shows the new content, not the parsed copy of before', async () => {
    const handlers = officeHandlers(h.office);
    const plan = await sendConfirmedPlan(h);
    await h.send('2019-H1', [cardDoc(cardFor(plan, 'onTrack'))]);
    const first = await handlers.getOfficeReport({ periodId: '2019-H1', today: '2019-07-20' });
    expect(statusOf(first)?.onTrack).toBe(1);
    expect(statusOf(first)?.partial).toBe(0);

    await h.send('2019-H1', [cardDoc(cardFor(plan, 'partial'))]);
    const second = await handlers.getOfficeReport({ periodId: '2019-H1', today: '2019-07-20' });
    expect(statusOf(second)?.onTrack).toBe(0);
    expect(statusOf(second)?.partial).toBe(1);

    // The plan confirmed again with other frozen fields (a new version, after 2019-H1 ended): the H1 card is held
    // to the plan in force then and stays as it is; a card of the half-year after disagrees with the new one.
    expect(second.conflicts.filter((c) => c.kind === 'frozenFields')).toEqual([]);
    await h.send('2019-H2', [cardDoc(cardFor(plan, 'onTrack'), '2019-H2')]);
    const resent = { ...plan, policyGoal: '새로 확정한 정책목표' };
    await h.send('plan', [planDoc(resent)]);
    await handlers.confirmReceivedPlan({ projectId: '1-1-1' });
    const third = await handlers.getOfficeReport({ periodId: '2019-H1', today: '2019-07-20' });
    expect(third.conflicts.filter((c) => c.kind === 'frozenFields')).toEqual([]);
    const later = await handlers.getOfficeReport({ periodId: '2019-H2', today: '2020-01-20' });
    expect(later.conflicts.filter((c) => c.kind === 'frozenFields').map((c) => c.projectId)).toEqual([
      '1-1-1',
    ]);
    // The office reads both values in Korean, not the field's path. The card carries the plan as first
    // confirmed: the department missed the new one (its baseline not applied), which the office is told instead of
    // asking for a change request.
    const details = later.conflicts.find((c) => c.kind === 'frozenFields')?.details ?? [];
    expect(details).toHaveLength(2);
    expect(details[0]).toMatch(/^정책목표가 확정된 실천계획서와 다릅니다 — /);
    expect(details[1]).toBe(OLDER_PLAN_NOTE);
    // Both values on one line, the card's long one cut at 60 characters.
    const cardGoal = plan.policyGoal.replace(/\s+/g, ' ');
    expect(details[0]).toContain(`— 확정: "새로 확정한 정책목표" / 카드: "${cardGoal.slice(0, 59)}…"`);
  });
});

describe('frozenDetail', () => {
  it('quotes the confirmed and the card value of a unit name, a schedule cell and a long text, by the unit id', () => {
    const plan = basePlan();
    plan.unitProjects[0]!.schedule = { '2019-H1': '착공' };
    const card = cardFor(plan, 'onTrack');
    card.unitProjects[0]!.name = '바꾼 이름';
    card.unitProjects[0]!.schedule = { '2019-H1': '준공' };
    card.unitProjects[0]!.detailedPlan = '가'.repeat(80);
    const issues = frozenFieldIssues(card, plan).errors;
    const lines = issues.map((issue) => frozenDetail(issue, card, plan));
    expect(lines).toContain(
      `단위사업명이 확정된 실천계획서와 다릅니다 (바꾸려면 부서가 공약 조정 요청서를 내야 합니다) — 확정: "${plan.unitProjects[0]!.name}" / 카드: "바꾼 이름"`,
    );
    expect(lines.find((l) => l.startsWith('2019년 상반기'))).toMatch(/확정: "착공" \/ 카드: "준공"$/);
    const long = lines.find((l) => l.startsWith('세부 추진계획')) ?? '';
    expect(long).toContain(`카드: "${'가'.repeat(59)}…"`);
    expect(lines.join('\n')).not.toMatch(/unitProjects|schedule|detailedPlan/);
  });
});

describe('which plan counts', () => {
  it("a department's own 'confirmed' mark counts for nothing: only the office's confirmation puts a plan in the tables and the baseline", async () => {
    const handlers = officeHandlers(h.office);
    const sentConfirmed: ExecutionPlan = { ...basePlan(), lifecycle: 'confirmed' };
    await h.send('plan', [planDoc(sentConfirmed)]);
    await h.send('2019-H1', [cardDoc(cardFor(sentConfirmed, 'onTrack'))]);
    const before = await handlers.getOfficeReport(request);
    expect(before.report.finance.rowCount).toBe(0);
    expect(statusOf(before)?.onTrack).toBe(1); // the card still reports its status
    const listed = await handlers.listPlanConfirmations();
    expect(listed.find((r) => r.projectId === '1-1-1')?.state).toBe('awaiting');
    const baseline = await exportBaseline(h.office, join(h.dir.path, 'baseline-r1.pledge'));
    expect(baseline.plans).toBe(0);

    await handlers.confirmReceivedPlan({ projectId: '1-1-1' });
    const after = await handlers.getOfficeReport(request);
    expect(after.report.finance.rowCount).toBe(1);
    expect(after.conflicts.filter((c) => c.kind === 'frozenFields')).toEqual([]);
    const again = await exportBaseline(h.office, join(h.dir.path, 'baseline-r2.pledge'));
    expect(again.plans).toBe(1);
  });
});
