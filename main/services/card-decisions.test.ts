import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeadlineView, Handlers, SentBundleView } from '../../domain/api/contract';
import type { ExecutionPlan, ManagementCard } from '../../domain/documents';
import { saveDocument } from '../../db/documents';
import { makeTempDir } from '../../db/test/temp-dir';
import { applyBaseline, BASELINE_PATHS, exportBaseline } from './baseline';
import { handMadeBaseline } from './test-support/hand-made-baseline';
import { exportBundle } from './bundle-export';
import { importBundles, importBundleInputs } from './bundle-import';
import { dumpDatabase, enroll, makeCopy, privateKeyOf, signSubmission } from './bundle-test-support';
import { directVerifier, officeKeySnapshot } from './bundle-verify';
import { cardDecisionsSchema, officeCardDecisions } from './card-decisions';
import type { AppContext } from './context';
import { dispatch } from './dispatch';
import { createHandlers } from './handlers';
import { exportEnrollment, importEnrollment } from './key-service';
import { officeHandlers } from './office-handlers';
import { officeReceipts } from './receipts';
import { loadCatalog, loadTerm } from './reference';
import { basePlan, cardFor, LEAD } from './test-support/office-harness';

// The office's decisions on cards travel back in the 기준 자료: a card excluded (with the reason typed for the
// department), a 완료 approved, a 완료 rejected (with its reason). Real copies, real keys, real files.

const OTHER = '여성가족정책실';
const EXCLUSION_REASON =
  '정책목표가 조정 승인 전 내용입니다. 기준 자료를 적용한 뒤 관리카드를 다시 보내세요.';
const REJECTION_REASON = '완료 근거 자료(준공 검사 조서)가 없습니다.';
const OTHER_REASON = '다른 부서의 반려 사유';

let dir: ReturnType<typeof makeTempDir>;
let office: AppContext;
let dept: AppContext;
let other: AppContext;
let officeNow: Date;
let deptNow: Date;
let api: Handlers;

beforeEach(async () => {
  dir = makeTempDir('pledge-card-decisions-');
  officeNow = new Date('2019-03-04T01:00:00Z');
  deptNow = new Date('2019-03-05T01:00:00Z');
  office = await makeCopy(dir.path, 'office', { role: 'office' }, () => officeNow);
  dept = await makeCopy(dir.path, 'dept', { role: 'department', department: LEAD }, () => deptNow);
  other = await makeCopy(dir.path, 'other', { role: 'department', department: OTHER });
  await enroll(office, dept);
  await enroll(office, other);
  await importEnrollment(dept, (await exportEnrollment(office)).text);
  api = createHandlers(dept);
});
afterEach(async () => {
  await office.close();
  await dept.close();
  await other.close();
  dir.remove();
});

async function call<T>(name: string, input: unknown = {}): Promise<T> {
  const result = await dispatch(api, name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

const planOf = (projectId: string, department = LEAD): ExecutionPlan => ({
  ...basePlan(),
  projectId,
  department,
  projectName: `${projectId} 사업`,
  lifecycle: 'confirmed',
});

/** The office's own confirmed plan (실천계획 확정, or an approved change rewriting it), saved now. */
async function officeConfirms(plan: ExecutionPlan): Promise<void> {
  await saveDocument(
    office.db,
    {
      kind: 'executionPlan',
      projectId: plan.projectId,
      slot: 'plan',
      department: plan.department,
      json: plan,
      status: 'confirmed',
      reason: 'confirm',
      allowFrozen: true,
    },
    officeNow,
  );
}

async function applyToDepartment(path: string) {
  return applyBaseline(dept, { path }, { verifier: directVerifier });
}

/** The department writes its 2019-H1 card of a project on its own PC (as its form saves it). */
async function draftCard(
  plan: ExecutionPlan,
  status: ManagementCard['status'],
  evidence = '',
): Promise<void> {
  const card: ManagementCard = {
    ...cardFor(plan, status),
    projectId: plan.projectId,
    department: LEAD,
    periodId: '2019-H1',
    completionEvidence: { summary: evidence, attachments: [] },
  };
  const ref = { kind: 'managementCard', projectId: plan.projectId, slot: '2019-H1' } as const;
  const opened = await call<{ version: number | null }>('openDocument', ref);
  await call('saveDraft', { ...ref, json: card, expectedVersion: opened.version ?? null });
}

/** The department's 2019-H1 submission file, made on its PC and imported by the office. */
async function sendHalfYear(): Promise<Awaited<ReturnType<typeof exportBundle>>> {
  const made = await exportBundle(dept, { period: '2019-H1' });
  const [imported] = await importBundles(office, [made.path], undefined, { verifier: directVerifier });
  expect(imported?.status).toBe('accepted');
  return made;
}

const deadlines = (today = '2019-07-10') => call<DeadlineView>('getDeadlines', { today });
const sentFiles = () => call<SentBundleView[]>('listSentBundles');
const members = async (path: string): Promise<string[]> => {
  const check = await directVerifier(readFileSync(path), await officeKeySnapshot(dept), 'pledge-baseline');
  if (!check.ok) throw new Error(check.message);
  return check.documents.map((d) => d.path);
};

/**
 * Plans 1-1-1, 1-1-2 and 1-1-3 confirmed and applied on the department's copy; then an approved change rewrites
 * 1-1-3's 정책목표 at the office before the half-year ends, which the department has not applied when it writes its
 * cards: 1-1-1 and 1-1-2 request 완료, 1-1-3 keeps the old 정책목표. The office receives the file (r1) and another
 * department's 완료 card (3-2-1), excludes 1-1-3 with a reason, approves 1-1-1's 완료 and rejects 1-1-2's and
 * 3-2-1's with reasons.
 */
async function decidedHalfYear() {
  const plans = ['1-1-1', '1-1-2', '1-1-3'].map((id) => planOf(id));
  for (const plan of plans) await officeConfirms(plan);
  const first = await exportBaseline(office);
  // No decision yet: the package is as the previous version made it, so older department programs apply it.
  expect(first.cardDecisions).toBe(0);
  expect(await members(first.path)).not.toContain(BASELINE_PATHS.cardDecisions);
  await applyToDepartment(first.path);

  officeNow = new Date('2019-05-02T01:00:00Z');
  const changed = { ...planOf('1-1-3'), policyGoal: '○ 조정 승인된 정책목표' };
  await officeConfirms(changed);

  deptNow = new Date('2019-07-05T01:00:00Z');
  const [approved, rejected, excluded] = plans as [ExecutionPlan, ExecutionPlan, ExecutionPlan];
  await draftCard(approved, 'completed', '입주기업 150개사 달성');
  await draftCard(rejected, 'completed', '준공');
  await draftCard(excluded, 'onTrack');
  const r1 = await sendHalfYear();

  const otherCard = {
    ...cardFor(planOf('3-2-1', OTHER), 'completed'),
    projectId: '3-2-1',
    department: OTHER,
    periodId: '2019-H1',
  };
  const otherFile = await signSubmission(await privateKeyOf(other), {
    department: OTHER,
    period: '2019-H1',
    revision: 1,
    previousBundleSha256: null,
    documents: [{ path: 'documents/card-3-2-1-2019-H1.json', json: otherCard }],
  });
  const [otherImported] = await importBundleInputs(office, [{ name: 'other.pledge', bytes: otherFile }], {
    verifier: directVerifier,
  });
  expect(otherImported?.status).toBe('accepted');

  officeNow = new Date('2019-07-20T01:00:00Z');
  const handlers = officeHandlers(office);
  const request = { periodId: '2019-H1', today: '2019-07-20' };
  const conflict = (await handlers.getOfficeReport(request)).conflicts.find((c) => c.projectId === '1-1-3');
  if (conflict === undefined) throw new Error('1-1-3 is not listed as a conflict');
  await handlers.resolveConflict({
    key: conflict.key,
    projectId: '1-1-3',
    periodId: '2019-H1',
    decision: 'rejected',
    note: EXCLUSION_REASON,
  });
  officeNow = new Date('2019-07-20T02:00:00Z');
  await handlers.decideCompletion({
    projectId: '1-1-1',
    periodId: '2019-H1',
    decision: 'accepted',
    note: '',
  });
  officeNow = new Date('2019-07-20T03:00:00Z');
  await handlers.decideCompletion({
    projectId: '1-1-2',
    periodId: '2019-H1',
    decision: 'rejected',
    note: REJECTION_REASON,
  });
  await handlers.decideCompletion({
    projectId: '3-2-1',
    periodId: '2019-H1',
    decision: 'rejected',
    note: OTHER_REASON,
  });
  return { r1, changed, plans };
}

describe('the office’s decisions on cards reach the department in the 기준 자료', () => {
  it('carries each department’s decisions; a department keeps and shows only its own, on the file decided on', async () => {
    const { r1 } = await decidedHalfYear();
    const exported = await exportBaseline(office);
    expect(exported.cardDecisions).toBe(4);
    expect(await members(exported.path)).toContain(BASELINE_PATHS.cardDecisions);

    // What the package carries is what the office's own report decides for the half-year.
    const view = await officeHandlers(office).getOfficeReport({ periodId: '2019-H1', today: '2019-07-20' });
    const carried = await officeCardDecisions(
      office.db,
      await loadCatalog(office.db),
      await loadTerm(office.db),
      'x',
    );
    const excludedInReport = view.conflicts
      .filter((c) => c.resolution === 'rejected')
      .map((c) => [c.department, c.projectId, 'cardExcluded', c.resolutionNote, c.resolvedAt]);
    const completionsInReport = view.completionRequests
      .filter((c) => c.decision !== null)
      .map((c) => [
        c.department,
        c.projectId,
        c.decision === 'accepted' ? 'completionAccepted' : 'completionRejected',
        c.decisionNote,
        c.decidedAt,
      ]);
    expect(
      carried.decisions.map((d) => [d.department, d.projectId, d.kind, d.reason, d.decidedAt]).sort(),
    ).toEqual([...excludedInReport, ...completionsInReport].sort());
    // Each on the file whose card was decided on, as the office's receipts list it.
    const receipts = await officeReceipts(office.db, 'x');
    for (const d of carried.decisions) {
      expect(receipts.bundles).toContainEqual(
        expect.objectContaining({
          department: d.department,
          sha256: d.card.sha256,
          revision: d.card.revision,
        }),
      );
    }

    deptNow = new Date('2019-07-21T01:00:00Z');
    const applied = await applyToDepartment(exported.path);
    expect(applied).toMatchObject({ status: 'applied', cardDecisions: 3 });

    const own = [
      {
        projectId: '1-1-1',
        periodId: '2019-H1',
        kind: 'completionAccepted',
        reason: '',
        decidedAt: '2019-07-20T02:00:00.000Z',
        revision: r1.revision,
      },
      {
        projectId: '1-1-2',
        periodId: '2019-H1',
        kind: 'completionRejected',
        reason: REJECTION_REASON,
        decidedAt: '2019-07-20T03:00:00.000Z',
        revision: r1.revision,
      },
      {
        projectId: '1-1-3',
        periodId: '2019-H1',
        kind: 'cardExcluded',
        reason: EXCLUSION_REASON,
        decidedAt: '2019-07-20T01:00:00.000Z',
        revision: r1.revision,
      },
    ];
    // The desk (getDeadlines) and the list of files made (listSentBundles) both say them; 3-2-1 is not this
    // department's and is not kept.
    const desk = await deadlines();
    expect(desk.cardDecisions).toEqual(own);
    expect(desk.lastSent).toMatchObject({ revision: r1.revision, receipt: { state: 'accepted' } });
    const [file] = await sentFiles();
    expect(file).toMatchObject({ revision: r1.revision, receipt: { state: 'accepted' } });
    expect(file?.cardDecisions).toEqual(own);
  });

  it('a card sent again after its exclusion no longer shows it: on the desk at once, and in the next package', async () => {
    const { r1, changed } = await decidedHalfYear();
    deptNow = new Date('2019-07-21T01:00:00Z');
    await applyToDepartment((await exportBaseline(office)).path);
    expect((await deadlines()).cardDecisions.map((d) => [d.projectId, d.kind])).toEqual([
      ['1-1-1', 'completionAccepted'],
      ['1-1-2', 'completionRejected'],
      ['1-1-3', 'cardExcluded'],
    ]);

    // The package brought the changed plan: the department writes 1-1-3's card to it and sends the half-year again.
    await draftCard(changed, 'onTrack');
    deptNow = new Date('2019-07-22T01:00:00Z');
    const made = await exportBundle(dept, { period: '2019-H1' });
    expect(made.revision).toBe(r1.revision + 1);
    // Sent again: what the office makes of the new file comes with its next package; r1 keeps what was said of it.
    expect((await deadlines()).cardDecisions).toEqual([]);
    const [r2View, r1View] = await sentFiles();
    expect(r2View?.cardDecisions).toEqual([]);
    expect(r1View?.cardDecisions.map((d) => d.kind)).toEqual([
      'completionAccepted',
      'completionRejected',
      'cardExcluded',
    ]);

    const [imported] = await importBundles(office, [made.path], undefined, { verifier: directVerifier });
    expect(imported?.status).toBe('accepted');
    officeNow = new Date('2019-07-23T01:00:00Z');
    const next = await exportBaseline(office);
    // The card no longer conflicts: no exclusion; the 완료 decisions hold for the card sent again unchanged.
    expect(next.cardDecisions).toBe(3);
    deptNow = new Date('2019-07-23T02:00:00Z');
    expect((await applyToDepartment(next.path)).cardDecisions).toBe(2);
    const desk = await deadlines();
    expect(desk.cardDecisions.map((d) => [d.projectId, d.kind, d.reason, d.revision])).toEqual([
      ['1-1-1', 'completionAccepted', '', made.revision],
      ['1-1-2', 'completionRejected', REJECTION_REASON, made.revision],
    ]);
    expect((await sentFiles())[0]?.cardDecisions).toEqual(desk.cardDecisions);
  });

  it('a package from the previous program version (no decisions) still applies, and leaves none standing', async () => {
    await decidedHalfYear();
    deptNow = new Date('2019-07-21T01:00:00Z');
    await applyToDepartment((await exportBaseline(office)).path);
    expect((await deadlines()).cardDecisions).toHaveLength(3);

    // Made as the previous version did: catalog, term and receipts, no card decisions.
    const bytes = await handMadeBaseline(
      office,
      [{ path: BASELINE_PATHS.receipts, json: await officeReceipts(office.db, '2019-07-24T01:00:00.000Z') }],
      { revision: 9, createdAt: '2019-07-24T01:00:00.000Z' },
    );
    const applied = await applyBaseline(dept, { name: 'old.pledge', bytes }, { verifier: directVerifier });
    expect(applied).toMatchObject({ status: 'applied', revision: 9, cardDecisions: 0, receipts: 1 });
    expect((await deadlines()).cardDecisions).toEqual([]);
    expect((await sentFiles())[0]).toMatchObject({ receipt: { state: 'accepted' }, cardDecisions: [] });
  });

  it('refuses a package whose card decisions are malformed, and applies nothing of it', async () => {
    const malformed = {
      asOf: '2019-07-20T01:00:00.000Z',
      decisions: [{ department: LEAD, projectId: '1-1-3', periodId: '2019-H1', kind: 'cardDropped' }],
    };
    expect(cardDecisionsSchema.safeParse(malformed).success).toBe(false);
    const bytes = await handMadeBaseline(office, [{ path: BASELINE_PATHS.cardDecisions, json: malformed }]);
    const before = await dumpDatabase(dept);
    await expect(
      applyBaseline(dept, { name: 'b.pledge', bytes }, { verifier: directVerifier }),
    ).rejects.toThrow(`기준 자료의 관리카드 결정 내역(${BASELINE_PATHS.cardDecisions})이 올바르지 않습니다.`);
    expect(await dumpDatabase(dept)).toEqual(before);
  });
});
