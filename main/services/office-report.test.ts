import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import * as XLSX from 'xlsx';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exampleCard, exampleFinanceRow, examplePlan } from '../../domain/documents/test-fixtures';
import type { ExecutionPlan, ManagementCard } from '../../domain/documents';
import { makeTempDir } from '../../db/test/temp-dir';
import { importBundleInputs } from './bundle-import';
import { enroll, makeCopy, privateKeyOf, sha256Hex, signSubmission } from './bundle-test-support';
import { directVerifier } from './bundle-verify';
import { createAppContext, type AppContext } from './context';
import { PUBLIC_FILES } from '../reports/public-report';
import { bundleHandlers } from './bundle-handlers';
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

const request = { periodId: '2019-H1', today: '2019-07-20' };

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
    // The approved change is not a new plan from the department: nothing to confirm again.
    const plans = await handlers.listPlanConfirmations();
    expect(plans.find((p) => p.projectId === '1-1-1')?.state).toBe('confirmed');
  });
});

describe('conflicts between departments and between bundles', () => {
  it('a second, different bundle with a revision already accepted is held and listed, never merged', async () => {
    const handlers = officeHandlers(office);
    const plan = basePlan();
    expect(await send('plan', [planDoc(plan)])).toBe('accepted');
    const documentsBefore = await office.db.selectFrom('received_documents').selectAll().execute();

    // The same revision again, made on another PC: different content, same previous (none).
    const other = await signSubmission(await privateKeyOf(dept), {
      department: LEAD,
      period: 'plan',
      revision: 1,
      previousBundleSha256: null,
      documents: [planDoc({ ...plan, policyGoal: '다른 PC에서 쓴 정책목표' })],
    });
    const [held] = await importBundleInputs(office, [{ name: 'other-pc.pledge', bytes: other }], direct);
    expect(held).toMatchObject({ status: 'held', code: 'REVISION_CONFLICT', department: LEAD, revision: 1 });
    expect(held?.reason).toContain('충돌로 보류');
    const [again] = await importBundleInputs(office, [{ name: 'other-pc.pledge', bytes: other }], direct);
    expect(again).toMatchObject({ status: 'duplicate' });
    // Nothing of the held bundle reached the documents; its bytes are kept whole.
    expect(await office.db.selectFrom('received_documents').selectAll().execute()).toEqual(documentsBefore);
    const stored = await office.db
      .selectFrom('held_bundles')
      .select(['sha256', 'bytes', 'conflicts_with'])
      .execute();
    expect(stored.map((h) => h.sha256)).toEqual([sha256Hex(other)]);
    expect(stored[0]?.bytes.equals(other)).toBe(true);
    expect(stored[0]?.conflicts_with).toBe(lastSha);

    await handlers.confirmReceivedPlan({ projectId: '1-1-1' });
    const view = await handlers.getOfficeReport({ periodId: '2019-H1', today: '2019-07-20' });
    const conflict = view.conflicts.find((c) => c.kind === 'sameRevision');
    expect(conflict).toMatchObject({ projectId: '1-1-1', department: LEAD, resolution: null });
    expect(conflict?.details.join(' ')).toContain(sha256Hex(other).slice(0, 12));
    expect(conflict?.details.join(' ')).toContain((lastSha ?? '').slice(0, 12));
    // The plan that counts is the one accepted first.
    const confirmed = await office.db
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
      note: '부서에 새 차수로 다시 보내도록 요청',
    });
    const after = await handlers.getOfficeReport({ periodId: '2019-H1', today: '2019-07-20' });
    expect(after.conflicts.find((c) => c.kind === 'sameRevision')?.resolution).toBe('rejected');

    // What the conflict tells the office to ask for: the next revision from the PC of the accepted bundle. From
    // the other PC (after its held bundle) the chain forks and is refused.
    expect(conflict?.details.join(' ')).toContain('먼저 받은 번들을 만든 PC');
    const fromHeldPc = await signSubmission(await privateKeyOf(dept), {
      department: LEAD,
      period: '2019-H1',
      revision: 2,
      previousBundleSha256: sha256Hex(other),
      documents: [cardDoc(cardFor(plan, 'onTrack'))],
    });
    const [forked] = await importBundleInputs(
      office,
      [{ name: 'held-pc-r2.pledge', bytes: fromHeldPc }],
      direct,
    );
    expect(forked).toMatchObject({ status: 'rejected', code: 'CHAIN_FORK' });
    expect(await send('2019-H1', [cardDoc(cardFor(plan, 'onTrack'))])).toBe('accepted');
  });

  it("a co-department's card is listed; its 집행 joins the project's row only once the office takes it in", async () => {
    const CO = '여성가족정책실'; // co-department of 1-1-7, led by 경제진흥본부
    const co = await makeCopy(dir.path, 'co', { role: 'department', department: CO });
    try {
      await enroll(office, co);
      const handlers = officeHandlers(office);
      const plan = JSON.parse(JSON.stringify(basePlan()).replace(/"1-1-1"/g, '"1-1-7"')) as ExecutionPlan;
      expect(await send('plan', [{ path: 'documents/plan-1-1-7-plan.json', json: plan }])).toBe('accepted');
      await handlers.confirmReceivedPlan({ projectId: '1-1-7' });
      const leadCard = cardFor(plan, 'onTrack');
      expect(
        await send('2019-H1', [
          { path: 'documents/card-1-1-7-2019-H1.json', json: { ...leadCard, projectId: '1-1-7' } },
        ]),
      ).toBe('accepted');

      // The co-department's own card: 7.5 (백만원) executed in 2019-H1, nothing else.
      const coCard: ManagementCard = {
        ...leadCard,
        projectId: '1-1-7',
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
      };
      const coBytes = await signSubmission(await privateKeyOf(co), {
        department: CO,
        period: '2019-H1',
        revision: 1,
        previousBundleSha256: null,
        documents: [{ path: 'documents/card-1-1-7-2019-H1.json', json: coCard }],
      });
      const [taken] = await importBundleInputs(office, [{ name: 'co.pledge', bytes: coBytes }], direct);
      expect(taken).toMatchObject({ status: 'accepted', department: CO });

      const executedOf = (view: Awaited<ReturnType<typeof handlers.getOfficeReport>>) =>
        view.report.finance.areas.flatMap((a) => a.rows).find((r) => r.projectId === '1-1-7')?.termExecuted
          .total;
      const before = await handlers.getOfficeReport({ periodId: '2019-H1', today: '2019-07-20' });
      const conflict = before.conflicts.find((c) => c.kind === 'coDepartmentCard');
      expect(conflict).toMatchObject({ projectId: '1-1-7', department: CO, resolution: null });
      const leadOnly = executedOf(before);
      expect(leadOnly).toBeDefined();

      await handlers.resolveConflict({
        key: conflict?.key ?? '',
        projectId: '1-1-7',
        periodId: '2019-H1',
        decision: 'accepted',
        note: '협조부서 집행분 반영',
      });
      const after = await handlers.getOfficeReport({ periodId: '2019-H1', today: '2019-07-20' });
      expect(after.conflicts.find((c) => c.kind === 'coDepartmentCard')?.resolution).toBe('accepted');
      expect(executedOf(after)).toBeCloseTo((leadOnly ?? 0) + 7.5, 6);
      // The project's status still follows the lead's card.
      expect(statusOf(after)).toEqual(statusOf(before));
    } finally {
      await co.close();
    }
  });
});

describe('reports read documents once per process', () => {
  it('a report after a new revision or a re-confirmed plan shows the new content, not the parsed copy of before', async () => {
    const handlers = officeHandlers(office);
    const plan = basePlan();
    await send('plan', [planDoc(plan)]);
    await handlers.confirmReceivedPlan({ projectId: '1-1-1' });
    await send('2019-H1', [cardDoc(cardFor(plan, 'onTrack'))]);
    const first = await handlers.getOfficeReport({ periodId: '2019-H1', today: '2019-07-20' });
    expect(statusOf(first)?.onTrack).toBe(1);
    expect(statusOf(first)?.partial).toBe(0);

    await send('2019-H1', [cardDoc(cardFor(plan, 'partial'))]);
    const second = await handlers.getOfficeReport({ periodId: '2019-H1', today: '2019-07-20' });
    expect(statusOf(second)?.onTrack).toBe(0);
    expect(statusOf(second)?.partial).toBe(1);

    // The plan confirmed again with other frozen fields (a new version): the card now disagrees with it.
    expect(second.conflicts.filter((c) => c.kind === 'frozenFields')).toEqual([]);
    const resent = { ...plan, policyGoal: '새로 확정한 정책목표' };
    await send('plan', [planDoc(resent)]);
    await handlers.confirmReceivedPlan({ projectId: '1-1-1' });
    const third = await handlers.getOfficeReport({ periodId: '2019-H1', today: '2019-07-20' });
    expect(third.conflicts.filter((c) => c.kind === 'frozenFields').map((c) => c.projectId)).toEqual([
      '1-1-1',
    ]);
  });
});

describe('built reports kept until the data changes', () => {
  it('gives the same frozen report again, and a new one after a decision or for another request', async () => {
    const handlers = officeHandlers(office);
    const plan = basePlan();
    await send('plan', [planDoc(plan)]);
    await handlers.confirmReceivedPlan({ projectId: '1-1-1' });
    await send('2019-H1', [cardDoc(cardFor(plan, 'completed'))]);

    const first = await handlers.getOfficeReport(request);
    expect(await handlers.getOfficeReport(request)).toBe(first);
    expect(statusOf(first)?.completed).toBe(1);
    // Every caller gets this object: a change to it fails instead of reaching the next caller.
    const counts = first.report.statusTables.total.counts;
    expect(() => Object.assign(counts, { completed: 99 })).toThrow(TypeError);
    expect(first.report.statusTables.total.counts.completed).toBe(1);

    const otherThreshold = await handlers.getOfficeReport({ ...request, executionRateThreshold: 0.9 });
    expect(otherThreshold).not.toBe(first);
    expect(otherThreshold.report.meta.executionRateThreshold).toBe(0.9);

    await handlers.decideCompletion({
      projectId: '1-1-1',
      periodId: '2019-H1',
      decision: 'rejected',
      note: '',
    });
    const after = await handlers.getOfficeReport(request);
    expect(after).not.toBe(first);
    expect(statusOf(after)?.completed).toBe(0);
    expect(statusOf(after)?.onTrack).toBe(1);
  });

  it('keeps the reports looked at last: the one unused longest is built again', async () => {
    const handlers = officeHandlers(office);
    const at = (threshold: number) =>
      handlers.getOfficeReport({ ...request, executionRateThreshold: threshold });
    const a = await at(0.1);
    const b = await at(0.2);
    await at(0.3);
    await at(0.4);
    expect(await at(0.1)).toBe(a); // used again: now the most recent
    await at(0.5); // one too many: drops 0.2, the one unused longest
    expect(await at(0.1)).toBe(a);
    const bAgain = await at(0.2);
    expect(bAgain).not.toBe(b);
    expect(bAgain).toEqual(b);
  });

  it('a request that fails is not kept: it fails with its reason, and other requests still work', async () => {
    const handlers = officeHandlers(office);
    await expect(handlers.getOfficeReport({ periodId: '2030-H1', today: '2030-07-20' })).rejects.toThrow(
      '없는 반기',
    );
    await expect(handlers.getOfficeReport({ periodId: '2030-H1', today: '2030-07-20' })).rejects.toThrow(
      '없는 반기',
    );
    const fine = await handlers.getOfficeReport(request);
    expect(fine.report.meta.periodId).toBe('2019-H1');
  });

  it('a bundle released from quarantine by approving its key shows in the next report', async () => {
    const other = await makeCopy(dir.path, 'other', { role: 'department', department: '문화본부' });
    try {
      const keyId = await enroll(office, other, false); // enrolled, not yet approved: its bundles wait
      const bytes = await signSubmission(await privateKeyOf(other), {
        department: '문화본부',
        period: '2019-H1',
        revision: 1,
        previousBundleSha256: null,
        documents: [
          {
            path: 'documents/finance-1-4-5-2019-H1.json',
            json: { ...exampleFinanceRow(), projectId: '1-4-5', department: '문화본부' },
          },
        ],
      });
      const [result] = await importBundleInputs(office, [{ name: 'culture.pledge', bytes }], direct);
      expect(result?.status).toBe('quarantined');
      const handlers = officeHandlers(office);
      const signatureOf = (view: Awaited<ReturnType<typeof handlers.getOfficeReport>>) =>
        view.report.submissions.departments.find((d) => d.department === '문화본부')?.bundles[0]?.signature;
      const before = await handlers.getOfficeReport(request);
      expect(signatureOf(before)).toBe('quarantined');

      const approved = await bundleHandlers(office, direct).approveKey({ keyId, department: '문화본부' });
      expect(approved.released.map((r) => r.status)).toEqual(['accepted']);
      const after = await handlers.getOfficeReport(request);
      expect(after).not.toBe(before);
      expect(signatureOf(after)).toBe('valid');
    } finally {
      await other.close();
    }
  });

  it('the workbook and the public report are written from the same kept (frozen) report', async () => {
    const handlers = officeHandlers(office);
    const plan = basePlan();
    await send('plan', [planDoc(plan)]);
    await handlers.confirmReceivedPlan({ projectId: '1-1-1' });
    await send('2019-H1', [cardDoc(cardFor(plan, 'partial'))]);
    const shown = await handlers.getOfficeReport(request);
    expect(Object.isFrozen(shown.report.finance)).toBe(true);
    const executed = shown.report.finance.grandTotal.termExecuted.total;

    const file = await handlers.exportReportWorkbook(request);
    const workbook = XLSX.read(Buffer.from(file.dataBase64, 'base64'), { type: 'buffer' });
    const rows = XLSX.utils.sheet_to_json<unknown[]>(workbook.Sheets['재정집행현황']!, {
      header: 1,
      raw: true,
    });
    expect(rows.find((r) => r[0] === '1-1-1')).toBeDefined();

    const outDir = join(dir.path, 'site');
    const { files } = await handlers.publishReport({ ...request, outDir });
    expect(files.map((f) => basename(f)).sort()).toEqual([...PUBLIC_FILES].sort());
    const html = readFileSync(join(outDir, 'index.html'), 'utf8');
    expect(html).toContain(plan.projectName);
    // Nothing written changed the report on screen.
    expect((await handlers.getOfficeReport(request)).report.finance.grandTotal.termExecuted.total).toBe(
      executed,
    );
  });

  it('a bundle imported by another process on the same data folder shows in the next report', async () => {
    const handlers = officeHandlers(office);
    const plan = basePlan();
    await send('plan', [planDoc(plan)]);
    await handlers.confirmReceivedPlan({ projectId: '1-1-1' });
    const before = await handlers.getOfficeReport(request);
    expect(statusOf(before)?.partial).toBe(0);

    // The CLI (`pledge import --data …`) opens its own connection to the office's database.
    const cli = await createAppContext({
      profileDir: join(dir.path, 'cli-profile'),
      dataDirOverride: office.dataDir,
      mode: 'cli',
      appVersion: '0.1.0',
    });
    try {
      revision += 1;
      const bytes = await signSubmission(await privateKeyOf(dept), {
        department: LEAD,
        period: '2019-H1',
        revision,
        previousBundleSha256: lastSha,
        documents: [cardDoc(cardFor(plan, 'partial'))],
      });
      const [result] = await importBundleInputs(cli, [{ name: 'cli.pledge', bytes }], direct);
      expect(result?.status).toBe('accepted');
    } finally {
      await cli.close();
    }
    const after = await handlers.getOfficeReport(request);
    expect(after).not.toBe(before);
    expect(statusOf(after)?.partial).toBe(1);
  });
});

describe('which plan counts', () => {
  it('a plan a department sent as already confirmed counts until the office confirms one itself', async () => {
    const handlers = officeHandlers(office);
    const sentConfirmed: ExecutionPlan = { ...basePlan(), lifecycle: 'confirmed' };
    await send('plan', [planDoc(sentConfirmed)]);
    await send('2019-H1', [cardDoc(cardFor(sentConfirmed, 'onTrack'))]);
    const before = await handlers.getOfficeReport(request);
    expect(before.report.finance.rowCount).toBe(1);
    expect(before.conflicts.filter((c) => c.kind === 'frozenFields')).toEqual([]);

    // The office confirms a later plan with another 정책목표: its own confirmation now decides, so the card that
    // copied the department's plan disagrees with it.
    await send('plan', [planDoc({ ...basePlan(), policyGoal: '기획담당관이 확정한 정책목표' })]);
    await handlers.confirmReceivedPlan({ projectId: '1-1-1' });
    const after = await handlers.getOfficeReport(request);
    expect(after.report.finance.rowCount).toBe(1);
    expect(after.conflicts.filter((c) => c.kind === 'frozenFields').map((c) => c.projectId)).toEqual([
      '1-1-1',
    ]);
  });
});

describe('confirming practice plans (실천계획서 확정)', () => {
  const planOf = async (projectId: string) =>
    (await officeHandlers(office).listPlanConfirmations()).find((p) => p.projectId === projectId);

  it('lists each project with the plan received and its confirmation, and confirms selected plans', async () => {
    const handlers = officeHandlers(office);
    const all = await handlers.listPlanConfirmations();
    expect(all).toHaveLength(238);
    expect(all.every((p) => p.state === 'notReceived')).toBe(true);

    const plan = basePlan();
    await send('plan', [planDoc(plan)]);
    expect(await planOf('1-1-1')).toMatchObject({
      state: 'awaiting',
      leadDepartment: LEAD,
      received: { revision: 1, bundleSha256: lastSha },
      confirmed: null,
    });
    expect((await handlers.getOfficeReport(request)).report.finance.rowCount).toBe(0);

    expect(await handlers.confirmReceivedPlans({ projectIds: ['1-1-1', '1-1-1'] })).toEqual({
      confirmed: ['1-1-1'],
    });
    expect(await planOf('1-1-1')).toMatchObject({ state: 'confirmed', confirmed: { version: 1 } });
    expect((await handlers.getOfficeReport(request)).report.finance.rowCount).toBe(1);

    // The same plan sent again: nothing new to confirm. A changed one: the office sees it.
    await send('plan', [planDoc(plan)]);
    expect((await planOf('1-1-1'))?.state).toBe('confirmed');
    await send('plan', [planDoc({ ...plan, policyGoal: '부서가 고쳐 보낸 정책목표' })]);
    expect(await planOf('1-1-1')).toMatchObject({ state: 'newerReceived', received: { revision: 3 } });
    await handlers.confirmReceivedPlans({ projectIds: ['1-1-1'] });
    expect(await planOf('1-1-1')).toMatchObject({ state: 'confirmed', confirmed: { version: 2 } });
  });

  it('with the clock moving: a plan received before the confirmation is confirmed, one received after is new', async () => {
    let clock = new Date('2018-09-18T09:00:00Z');
    const timed = await makeCopy(dir.path, 'timed-office', { role: 'office' }, () => clock);
    try {
      await enroll(timed, dept);
      const plan = basePlan();
      const sendPlan = async (json: ExecutionPlan, revision: number, previous: string | null) => {
        const bytes = await signSubmission(await privateKeyOf(dept), {
          department: LEAD,
          period: 'plan',
          revision,
          previousBundleSha256: previous,
          documents: [planDoc(json)],
        });
        const [result] = await importBundleInputs(timed, [{ name: `p${revision}.pledge`, bytes }], direct);
        expect(result?.status).toBe('accepted');
        return sha256Hex(bytes);
      };
      const first = await sendPlan(plan, 1, null);
      const handlers = officeHandlers(timed);
      const stateNow = async () =>
        (await handlers.listPlanConfirmations()).find((p) => p.projectId === '1-1-1')?.state;
      clock = new Date('2018-11-30T09:00:00Z');
      await handlers.confirmReceivedPlans({ projectIds: ['1-1-1'] });
      expect(await stateNow()).toBe('confirmed');
      clock = new Date('2019-01-10T09:00:00Z');
      await sendPlan({ ...plan, policyGoal: '확정 뒤에 고쳐 보낸 정책목표' }, 2, first);
      expect(await stateNow()).toBe('newerReceived');
    } finally {
      await timed.close();
    }
  });

  it('confirms all or none: a project without a received plan is named and nothing is confirmed', async () => {
    const handlers = officeHandlers(office);
    await send('plan', [planDoc(basePlan())]);
    const before = await office.db.selectFrom('documents').selectAll().execute();
    await expect(handlers.confirmReceivedPlans({ projectIds: ['1-1-1', '1-1-2'] })).rejects.toThrow(
      /1-1-2.*받지 않았습니다/,
    );
    expect(await office.db.selectFrom('documents').selectAll().execute()).toEqual(before);
    expect((await planOf('1-1-1'))?.state).toBe('awaiting');
  });
});
