import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiResult, Handlers } from '../../domain/api/contract';
import {
  CHANGE_GOAL_CATEGORY,
  type ChangeRequest,
  emptyChangeRequest,
  type ExecutionPlan,
  type ManagementCard,
  UNREQUESTED_CHANGE,
} from '../../domain/documents';
import { withRawConnection } from '../../db/create-db';
import { makeTempDir } from '../../db/test/temp-dir';
import { createAppContext, type AppContext } from './context';
import { dispatch } from './dispatch';
import { changeRequestSlotAt } from './drafting-handlers';
import { createHandlers } from './handlers';

const examples = join(import.meta.dirname, '..', '..', 'docs', 'examples');
const examplePlan = (): ExecutionPlan =>
  ({
    ...JSON.parse(readFileSync(join(examples, 'execution-plan.json'), 'utf8')),
    lifecycle: 'draft',
  }) as ExecutionPlan;

let dir: ReturnType<typeof makeTempDir>;
let ctx: AppContext;
let handlers: Handlers;

async function call(name: string, input: unknown): Promise<ApiResult<unknown>> {
  return dispatch(handlers, name, input);
}
async function ok<T>(name: string, input: unknown): Promise<T> {
  const result = await call(name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}
const dumpDocuments = () => ctx.db.selectFrom('documents').selectAll().orderBy('id').execute();

const planRef = { kind: 'executionPlan', projectId: '1-1-1', slot: 'plan' } as const;
const financeRef = { kind: 'financeRow', projectId: '1-1-1', slot: '2019-H1' } as const;
/** The example 재정집행현황 of 1-1-1 for 2019-H1, saved as a new draft; returns its JSON. */
async function saveExampleFinance(): Promise<Record<string, unknown>> {
  const json = JSON.parse(readFileSync(join(examples, 'finance-row.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  await ok('saveDraft', { ...financeRef, json, expectedVersion: null });
  return json;
}

let now: Date;

beforeEach(async () => {
  dir = makeTempDir();
  now = new Date('2019-07-01T09:00:00Z');
  ctx = await createAppContext({
    profileDir: join(dir.path, 'profile'),
    dataDirOverride: join(dir.path, 'data'),
    mode: 'cli',
    appVersion: '0.1.0-test',
    now: () => now,
  });
  handlers = createHandlers(ctx);
  await ok('saveSetup', { role: 'department', department: '경제진흥본부', dataDir: join(dir.path, 'data') });
});
afterEach(async () => {
  await ctx.close();
  dir.remove();
});

describe('drafting through the API', () => {
  it('saves, submits, confirms a plan, then a card copies its frozen fields and the finance row is derived', async () => {
    const plan = examplePlan();
    const saved = await ok<{ version: number }>('saveDraft', {
      ...planRef,
      json: plan,
      expectedVersion: null,
    });
    expect(saved.version).toBe(1);
    await ok('submitDocument', { ...planRef, expectedVersion: 1 });
    await ok('confirmDocument', { ...planRef, department: '경제진흥본부' });

    const opened = await ok<{
      document: ManagementCard;
      confirmedPlan: ExecutionPlan | null;
      status: string;
    }>('openDocument', { kind: 'managementCard', projectId: '1-1-1', slot: '2019-H1' });
    expect(opened.status).toBe('new');
    expect(opened.document.policyGoal).toBe(plan.policyGoal);

    // A new change request starts with 당초 of its goal row taken from the confirmed plan: not listed as missing.
    const request = await ok<{
      document: ChangeRequest;
      validation: { errors: { path: string; message: string }[] };
    }>('openDocument', { kind: 'changeRequest', projectId: '1-1-1', slot: 'cr-20190701' });
    expect(request.document.rows[0]).toMatchObject({
      category: CHANGE_GOAL_CATEGORY,
      original: plan.policyGoal,
    });
    expect(request.validation.errors.filter((e) => e.path.startsWith('rows.0.original'))).toEqual([]);
    expect(opened.document.unitProjects.map((u) => u.name)).toEqual(plan.unitProjects.map((u) => u.name));

    // Executed amounts and secured amounts typed by the department.
    const card = structuredClone(opened.document);
    card.status = 'onTrack';
    const unit0 = card.unitProjects[0];
    if (!unit0) throw new Error('no unit project');
    unit0.executed.city['2018-H2'] = 700;
    unit0.executed.national['2019-H1'] = 120.5;
    await ok('saveDraft', {
      kind: 'managementCard',
      projectId: '1-1-1',
      slot: '2019-H1',
      json: card,
      expectedVersion: null,
    });
    const finance = {
      kind: 'financeRow',
      schemaVersion: 1,
      lifecycle: 'draft',
      projectId: '1-1-1',
      department: '경제진흥본부',
      periodId: '2019-H1',
      secured: { national: 1000, city: 4500, district: null, private: 200, other: null },
      note: '',
    };
    await ok('saveDraft', {
      kind: 'financeRow',
      projectId: '1-1-1',
      slot: '2019-H1',
      json: finance,
      expectedVersion: null,
    });

    const derived = await ok<{
      row: { plannedTotal: { initial: number }; termExecuted: { total: number }; secured: { total: number } };
    }>('getDerivedFinance', { projectId: '1-1-1', periodId: '2019-H1' });
    let planned = 0;
    for (const u of plan.unitProjects)
      for (const bySource of Object.values(u.investmentNeeds))
        for (const v of Object.values(bySource)) planned += typeof v === 'number' ? v : 0;
    expect(derived.row.plannedTotal.initial).toBeCloseTo(planned, 6);
    expect(derived.row.termExecuted.total).toBeCloseTo(700 + 120.5, 6);
    expect(derived.row.secured.total).toBeCloseTo(1000 + 4500 + 200, 6);

    // The next half-year's 재정집행 현황 starts from what was secured so far (a running total over the term);
    // its 비고 is the half-year's own. The very first one starts blank.
    await ok('saveDraft', {
      kind: 'financeRow',
      projectId: '1-1-1',
      slot: '2019-H1',
      json: { ...finance, note: '상반기 비고' },
      expectedVersion: 1,
    });
    const next = await ok<{ document: typeof finance; status: string }>('openDocument', {
      kind: 'financeRow',
      projectId: '1-1-1',
      slot: '2019-H2',
    });
    expect(next.status).toBe('new');
    expect(next.document).toMatchObject({ periodId: '2019-H2', secured: finance.secured, note: '' });
    const first = await ok<{ document: typeof finance }>('openDocument', {
      kind: 'financeRow',
      projectId: '1-1-1',
      slot: '2018-H2',
    });
    expect(first.document.secured).toEqual({
      national: null,
      city: null,
      district: null,
      private: null,
      other: null,
    });
  });

  it('refuses a structurally invalid amount with the field path and stores nothing new', async () => {
    await ok('saveDraft', { ...planRef, json: examplePlan(), expectedVersion: null });
    const before = await dumpDocuments();
    const bad = examplePlan() as unknown as {
      unitProjects: { investmentNeeds: { city: Record<string, unknown> } }[];
    };
    const first = bad.unitProjects[0];
    if (!first) throw new Error('no unit');
    first.investmentNeeds.city['2019'] = '-5';
    const result = await call('saveDraft', { ...planRef, json: bad, expectedVersion: 1 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('DOCUMENT_INVALID');
    expect(result.error.details?.['unitProjects.0.investmentNeeds.city.2019']).toMatch(/0 이상의 숫자/);
    expect(await dumpDocuments()).toEqual(before);
  });

  it('blocks submission while errors remain and names them', async () => {
    const empty = await ok<{ document: ExecutionPlan }>('openDocument', planRef);
    await ok('saveDraft', { ...planRef, json: empty.document, expectedVersion: null });
    const result = await call('submitDocument', { ...planRef, expectedVersion: 1 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('DOCUMENT_HAS_ERRORS');
    expect(Object.keys(result.error.details ?? {})).toContain('policyGoal');
  });

  it('a co-department may write only its finance row, and nobody else’s project', async () => {
    await ok('saveSetup', {
      role: 'department',
      department: '여성가족정책실',
      dataDir: join(dir.path, 'data'),
    });
    const card = await call('openDocument', { kind: 'executionPlan', projectId: '1-1-7', slot: 'plan' });
    expect(card.ok).toBe(false);
    if (!card.ok) expect(card.error.message).toMatch(/재정집행현황/);
    const finance = await call('openDocument', { kind: 'financeRow', projectId: '1-1-7', slot: '2019-H1' });
    expect(finance.ok).toBe(true);
    const other = await call('openDocument', { kind: 'executionPlan', projectId: '1-1-1', slot: 'plan' });
    expect(other.ok).toBe(false);
    if (!other.ok) expect(other.error.code).toBe('NOT_RESPONSIBLE');
  });

  it('keeps every version and restores an earlier one', async () => {
    const plan = examplePlan();
    await ok('saveDraft', {
      ...planRef,
      json: { ...plan, policyGoal: '첫 번째 목표' },
      expectedVersion: null,
    });
    await ok('saveDraft', { ...planRef, json: { ...plan, policyGoal: '두 번째 목표' }, expectedVersion: 1 });
    const versions = await ok<{ version: number; document: ExecutionPlan }[]>(
      'listDocumentVersions',
      planRef,
    );
    expect(versions.map((v) => [v.version, v.document.policyGoal])).toEqual([
      [2, '두 번째 목표'],
      [1, '첫 번째 목표'],
    ]);
    await ok('restoreDocumentVersion', { ...planRef, version: 1, expectedVersion: 2 });
    const opened = await ok<{ document: ExecutionPlan; version: number }>('openDocument', planRef);
    expect(opened.document.policyGoal).toBe('첫 번째 목표');
    expect(opened.version).toBe(3);
  });

  it('refuses a save based on an outdated version', async () => {
    await ok('saveDraft', { ...planRef, json: examplePlan(), expectedVersion: null });
    await ok('saveDraft', { ...planRef, json: { ...examplePlan(), policyGoal: 'B' }, expectedVersion: 1 });
    const stale = await call('saveDraft', {
      ...planRef,
      json: { ...examplePlan(), policyGoal: 'C' },
      expectedVersion: 1,
    });
    expect(stale.ok).toBe(false);
    if (!stale.ok) expect(stale.error.code).toBe('VERSION_CONFLICT');
  });

  it('stores attachments once and refuses types that are not allowed', async () => {
    const data = Buffer.from('보도자료 스크랩').toString('base64');
    const a = await ok<{ sha256: string }>('saveAttachment', {
      name: '보도.pdf',
      mediaType: 'application/pdf',
      dataBase64: data,
    });
    const b = await ok<{ sha256: string }>('saveAttachment', {
      name: '사본.pdf',
      mediaType: 'application/pdf',
      dataBase64: data,
    });
    expect(a.sha256).toBe(b.sha256);
    const refused = await call('saveAttachment', {
      name: 'x.exe',
      mediaType: 'application/x-msdownload',
      dataBase64: data,
    });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toMatch(/첨부할 수 없는 파일 형식/);
  });

  it('shows the deadline of the current half-year and what is missing', async () => {
    const view = await ok<{
      period: { id: string; dueDate: string } | null;
      daysLeft: number;
      projects: { projectId: string; role: string; cardStatus: unknown; financeStatus: unknown }[];
      lastSent: unknown;
    }>('getDeadlines', { today: '2019-07-01' });
    expect(view.period?.id).toBe('2019-H1');
    expect(view.period?.dueDate).toBe('2019-07-15');
    expect(view.daysLeft).toBe(14);
    expect(view.projects.length).toBeGreaterThan(0);
    expect(view.projects.every((p) => p.cardStatus === null && p.financeStatus === null)).toBe(true);
    expect(view.lastSent).toBeNull();
    // The half-year's 재정집행현황 is followed per project as the card is.
    await saveExampleFinance();
    const after = await ok<typeof view>('getDeadlines', { today: '2019-07-01' });
    expect(after.projects.find((p) => p.projectId === '1-1-1')?.financeStatus).toBe('draft');
  });

  it('says whether the half-year has left this PC: the last file made, and documents changed after it', async () => {
    const finance = await saveExampleFinance();
    const ref = financeRef;
    await ok('initKeys', {});
    const made = await ok<{ revision: number }>('exportBundle', { period: '2019-H1' });
    type View = { lastSent: { revision: number; documents: number; changedSince: number } | null };
    const sent = await ok<View>('getDeadlines', { today: '2019-07-01' });
    expect(sent.lastSent).toMatchObject({ revision: made.revision, documents: 1, changedSince: 0 });

    // A fix after the file was made (the clock moves on): the panel says it has not been sent.
    now = new Date('2019-07-02T09:00:00Z');
    await ok('saveDraft', { ...ref, json: { ...finance, note: '고친 비고' }, expectedVersion: 1 });
    const changed = await ok<View>('getDeadlines', { today: '2019-07-02' });
    expect(changed.lastSent).toMatchObject({ revision: made.revision, changedSince: 1 });
  });
});

describe('a half-year past its due date on the desk', () => {
  type Overdue = {
    period: { id: string; dueDate: string };
    daysPast: number;
    lacking: number;
    unsent: number;
    lastSent: { revision: number } | null;
  } | null;
  const overdueOn = async (today: string) =>
    (await ok<{ overdue: Overdue }>('getDeadlines', { today })).overdue;

  it('comes first while it owes documents: those not written or 작성중, then those marked 제출 and not yet in a file', async () => {
    // Before the due date nothing is overdue; the day after, 2019-H1 is (the desk has moved on to 2019-H2).
    expect(await overdueOn('2019-07-15')).toBeNull();
    const owedAtFirst = await ok<{ period: { id: string }; projects: unknown[] }>('getDeadlines', {
      today: '2019-07-16',
    });
    expect(owedAtFirst.period.id).toBe('2019-H2');
    // No plan is confirmed on this copy: the led projects wait for theirs, only co-departments' 재정집행현황 are
    // owed (none owed: nothing overdue).
    const rows = owedAtFirst.projects as { projectId: string; role: string }[];
    const co = rows.filter((p) => p.role === 'co').length;
    expect(rows.find((p) => p.projectId === '1-1-1')?.role).toBe('lead');
    const first = await overdueOn('2019-07-16');
    expect(first === null ? 0 : first.lacking).toBe(co);

    // 1-1-1's plan confirmed: its card and 재정집행현황 are owed; written and marked 제출, one of them is to send.
    await ok('saveDraft', { ...planRef, json: examplePlan(), expectedVersion: null });
    await ok('submitDocument', { ...planRef, expectedVersion: 1 });
    await ok('confirmDocument', { ...planRef, department: '경제진흥본부' });
    expect(await overdueOn('2019-07-16')).toMatchObject({
      period: { id: '2019-H1', dueDate: '2019-07-15' },
      daysPast: 1,
      lacking: co + 1,
      unsent: 0,
    });
    const finance = await saveExampleFinance();
    expect((await overdueOn('2019-07-16'))?.lacking).toBe(co + 1);
    await ok('submitDocument', { ...financeRef, expectedVersion: 1 });
    expect(await overdueOn('2019-07-16')).toMatchObject({ lacking: co + 1, unsent: 1, lastSent: null });
    // In a file: nothing left to send; changed and marked 제출 again after it, to send again.
    await ok('initKeys', {});
    const made = await ok<{ revision: number }>('exportBundle', { period: '2019-H1' });
    expect(await overdueOn('2019-07-16')).toMatchObject({ unsent: 0, lastSent: { revision: made.revision } });
    now = new Date('2019-07-17T09:00:00Z');
    await ok('saveDraft', {
      ...financeRef,
      json: { ...finance, note: '늦게 고친 비고' },
      expectedVersion: 2,
    });
    await ok('submitDocument', { ...financeRef, expectedVersion: 3 });
    expect(await overdueOn('2019-07-17')).toMatchObject({ daysPast: 2, unsent: 1 });
    // A month after the due date the desk no longer leads with it (the office chases it).
    expect(await overdueOn('2019-08-15')).toMatchObject({ daysPast: 31 });
    expect(await overdueOn('2019-08-16')).toBeNull();
  });
});

describe('the 실천계획서 deadline on the desk', () => {
  it('is counted while a plan the department leads is not confirmed: to write, waiting, the last plan file', async () => {
    const seoul = JSON.parse(
      readFileSync(
        join(import.meta.dirname, '..', '..', 'domain', 'catalog', 'data', 'seoul-minseon7.json'),
        'utf8',
      ),
    ) as { projects: { leadDepartment: string }[] };
    const seoulTerm = JSON.parse(
      readFileSync(
        join(import.meta.dirname, '..', '..', 'domain', 'term', 'data', 'seoul-minseon7.term.json'),
        'utf8',
      ),
    ) as { planDueDate: string };
    const leads = seoul.projects.filter((p) => p.leadDepartment === '경제진흥본부').length;
    expect(leads).toBeGreaterThan(1);
    type Plan = {
      dueDate: string;
      daysLeft: number;
      toWrite: number;
      waiting: number;
      lastSent: { revision: number; documents: number } | null;
    } | null;
    const dayBefore = new Date(Date.parse(`${seoulTerm.planDueDate}T00:00:00Z`) - 86_400_000)
      .toISOString()
      .slice(0, 10);
    now = new Date(`${dayBefore}T12:00:00Z`);
    const plan = async () => (await ok<{ plan: Plan }>('getDeadlines', { today: dayBefore })).plan;
    expect(await plan()).toEqual({
      dueDate: seoulTerm.planDueDate,
      daysLeft: 1,
      toWrite: leads,
      waiting: 0,
      lastSent: null,
    });
    // A draft is still to write; a plan marked 제출 waits for the office, and its file is the last one made.
    // (The example's attachment is not on this PC: without it the plan can go into a file.)
    const withoutAttachment = () => {
      const p = examplePlan();
      return { ...p, citizenParticipation: { ...p.citizenParticipation, attachments: [] } };
    };
    await ok('saveDraft', { ...planRef, json: withoutAttachment(), expectedVersion: null });
    expect((await plan())?.toWrite).toBe(leads);
    await ok('submitDocument', { ...planRef, expectedVersion: 1 });
    await ok('initKeys', {});
    const made = await ok<{ revision: number }>('exportBundle', { period: 'plan' });
    expect(await plan()).toMatchObject({
      toWrite: leads - 1,
      waiting: 1,
      lastSent: { revision: made.revision, documents: 1 },
    });
    // Confirmed by the office (here locally, as the drafting tests do), it no longer counts.
    await ok('confirmDocument', { ...planRef, department: '경제진흥본부' });
    expect(await plan()).toMatchObject({ toWrite: leads - 1, waiting: 0 });
  });
});

describe('discarding a change request', () => {
  const crRef = { kind: 'changeRequest', projectId: '1-1-1', slot: 'cr-20190701' } as const;
  const draft = () => ({
    ...emptyChangeRequest(
      'cr-20190701',
      '1-1-1',
      '경제진흥본부',
      '마포 핀테크 랩을 거점으로 핀테크·블록체인 산업 생태계 구축',
    ),
    reason: '사업 여건 변화',
    rows: [
      { category: '공약내용 (최종목표 등)', original: '누적 150개사 육성', proposed: '누적 120개사 육성' },
    ],
  });

  it('is listed as held back from submission files until 제출 records it as a request', async () => {
    await ok('saveDraft', { ...planRef, json: examplePlan(), expectedVersion: null });
    await ok('saveDraft', { ...crRef, json: draft(), expectedVersion: null });
    type Summary = { ref: { kind: string }; heldBack: string | null };
    const heldBack = async () =>
      Object.fromEntries((await ok<Summary[]>('listMyDocuments', {})).map((d) => [d.ref.kind, d.heldBack]));
    expect(await heldBack()).toEqual({ executionPlan: null, changeRequest: UNREQUESTED_CHANGE });
    await ok('saveDraft', {
      ...crRef,
      json: {
        ...draft(),
        decisionHistory: [{ status: 'requested', date: '2019-07-01', by: '경제진흥본부', note: '' }],
      },
      expectedVersion: 1,
    });
    expect(await heldBack()).toEqual({ executionPlan: null, changeRequest: null });
  });

  it('is listed with what it asks to change, from its rows’ 구분', async () => {
    await ok('saveDraft', { ...planRef, json: examplePlan(), expectedVersion: null });
    await ok('saveDraft', { ...crRef, json: draft(), expectedVersion: null });
    type Summary = { ref: { kind: string }; subject: string | null };
    const subjects = async () =>
      Object.fromEntries((await ok<Summary[]>('listMyDocuments', {})).map((d) => [d.ref.kind, d.subject]));
    expect(await subjects()).toEqual({ executionPlan: null, changeRequest: '공약내용 (최종목표 등) 변경' });
    const rows = [...draft().rows, { category: '사업기간', original: '2022-06', proposed: '2023-12' }];
    await ok('saveDraft', { ...crRef, json: { ...draft(), rows }, expectedVersion: 1 });
    expect((await subjects()).changeRequest).toBe('공약내용 (최종목표 등)·사업기간 변경');
  });

  it('a draft never submitted goes with its versions; the other documents stay', async () => {
    await ok('saveDraft', { ...planRef, json: examplePlan(), expectedVersion: null });
    await ok('saveDraft', { ...crRef, json: draft(), expectedVersion: null });
    await ok('saveDraft', { ...crRef, json: { ...draft(), reason: '두 번째 저장' }, expectedVersion: 1 });
    expect(await ok('discardDraft', crRef)).toEqual({ discarded: true });
    const left = await dumpDocuments();
    expect(left.map((d) => d.kind)).toEqual(['executionPlan']);
    const versions = await ctx.db.selectFrom('document_versions').select('document_id').execute();
    expect(versions.every((v) => v.document_id === left[0]?.id)).toBe(true);
    const again = await call('discardDraft', crRef);
    expect(again.ok === false && again.error.code).toBe('DOCUMENT_NOT_FOUND');
  });

  it('a request once submitted, and any other kind of document, are refused by name with nothing deleted', async () => {
    await ok('saveDraft', {
      ...crRef,
      json: {
        ...draft(),
        contact: { position: 'officer', unit: '투자창업과', name: '김도현', phone: '02-2133-5000' },
      },
      expectedVersion: null,
    });
    const submitted = await call('submitDocument', { ...crRef, expectedVersion: 1 });
    expect(submitted.ok, JSON.stringify(submitted)).toBe(true);
    // Edited again after submitting: a draft now, but it was sent once.
    await ok('saveDraft', { ...crRef, json: { ...draft(), reason: '고침' }, expectedVersion: 2 });
    await ok('saveDraft', { ...planRef, json: examplePlan(), expectedVersion: null });
    const before = await dumpDocuments();
    const refused = await call('discardDraft', crRef);
    expect(refused.ok === false && refused.error).toMatchObject({
      code: 'DISCARD_NOT_ALLOWED',
      message: '한 번이라도 제출한 조정 요청서는 삭제할 수 없습니다. 철회하려면 기획담당관에 알리세요.',
    });
    const plan = await call('discardDraft', planRef);
    expect(plan.ok === false && plan.error.code).toBe('DISCARD_NOT_ALLOWED');
    expect(await dumpDocuments()).toEqual(before);
  });
});

describe('a new change request', () => {
  it('is numbered by the program clock, not the PC’s, and a number already held moves on by a millisecond', async () => {
    now = new Date('2019-07-08T00:05:00Z'); // 09:05 KST
    const ref = await ok<{ kind: string; projectId: string; slot: string }>('newChangeRequestRef', {
      projectId: '1-1-1',
    });
    expect(ref).toEqual({ kind: 'changeRequest', projectId: '1-1-1', slot: 'cr-1562544300000' });
    expect(await dumpDocuments()).toEqual([]); // Nothing is kept until the form saves.
    // Asked again before it is saved, the same moment gives the same place (the form never saved it).
    expect((await ok<{ slot: string }>('newChangeRequestRef', { projectId: '1-1-1' })).slot).toBe(ref.slot);

    const draft = emptyChangeRequest(ref.slot, '1-1-1', '경제진흥본부', '');
    await ok('saveDraft', { ...ref, json: { ...draft, reason: '사업 여건 변화' }, expectedVersion: null });
    const next = await ok<{ slot: string }>('newChangeRequestRef', { projectId: '1-1-1' });
    expect(next.slot).toBe('cr-1562544300001');
    // The stored number still opens the saved request.
    const opened = await ok<{ status: string }>('openDocument', ref);
    expect(opened.status).toBe('draft');
  });

  it('follows PLEDGE_NOW when the program is started with it', async () => {
    const before = process.env.PLEDGE_NOW;
    process.env.PLEDGE_NOW = '2019-07-08T00:05:00Z';
    const replay = await createAppContext({
      profileDir: join(dir.path, 'replay-profile'),
      dataDirOverride: join(dir.path, 'replay-data'),
      mode: 'cli',
      appVersion: '0.1.0-test',
    });
    try {
      const replayHandlers = createHandlers(replay);
      const setup = await dispatch(replayHandlers, 'saveSetup', {
        role: 'department',
        department: '경제진흥본부',
        dataDir: join(dir.path, 'replay-data'),
      });
      expect(setup.ok).toBe(true);
      const result = await dispatch(replayHandlers, 'newChangeRequestRef', { projectId: '1-1-1' });
      if (!result.ok) throw new Error(result.error.message);
      const slot = (result.value as { slot: string }).slot;
      const started = Number(/^cr-(\d{13})$/.exec(slot)?.[1]);
      // The training clock runs on from PLEDGE_NOW: a few seconds at most have passed on it.
      expect(started - Date.parse('2019-07-08T00:05:00Z')).toBeGreaterThanOrEqual(0);
      expect(started - Date.parse('2019-07-08T00:05:00Z')).toBeLessThan(60_000);
    } finally {
      await replay.close();
      if (before === undefined) delete process.env.PLEDGE_NOW;
      else process.env.PLEDGE_NOW = before;
    }
  });

  it('is refused for a project the department does not lead, and for an input that is not a project number', async () => {
    const other = await call('newChangeRequestRef', { projectId: '1-1-6' }); // 지역발전본부 leads it
    expect(other.ok === false && other.error.code).toBe('NOT_RESPONSIBLE');
    const bad = await call('newChangeRequestRef', { projectId: 'cr-1' });
    expect(bad.ok === false && bad.error.message).toMatch(/세부사업 번호/);
    const extra = await call('newChangeRequestRef', { projectId: '1-1-1', slot: 'cr-1562544300000' });
    expect(extra.ok).toBe(false);
  });

  it('keeps 13 digits for a moment before 2001, as the stored numbers and the label read them', () => {
    expect(changeRequestSlotAt(Date.parse('1999-01-01T00:00:00Z'))).toBe('cr-0915148800000');
    expect(changeRequestSlotAt(1562544300000)).toBe('cr-1562544300000');
  });
});

describe('a save the disk cannot take', () => {
  // SQLite itself refuses to grow the file: max_page_count stops it at its present size, as a full disk would.
  it('is said as a full disk, and the stored document stays exactly as it was', async () => {
    const plan = examplePlan();
    await ok('saveDraft', { ...planRef, json: plan, expectedVersion: null });
    const before = await dumpDocuments();
    await withRawConnection(ctx.db, (sqlite) => {
      const pages = sqlite.pragma('page_count', { simple: true }) as number;
      sqlite.pragma(`max_page_count = ${pages}`);
    });
    // About 40 KB in UTF-8: more than the free room in the pages the file has.
    const longGoal = '도시의 미래를 바꾸는 정책목표입니다. '.repeat(600);
    const result = await call('saveDraft', {
      ...planRef,
      json: { ...plan, policyGoal: longGoal },
      expectedVersion: 1,
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'DISK_FULL' } });
    if (!result.ok) {
      expect(result.error.message).toMatch(
        /^디스크 공간이 부족해 데이터를 저장하지 못했습니다\. 저장된 데이터는 바뀌지 않았습니다/,
      );
    }
    expect(await dumpDocuments()).toEqual(before);
  });
});

describe('a change request’s 요청 step', () => {
  const crRef = { kind: 'changeRequest', projectId: '1-1-1', slot: 'cr-20190701' } as const;
  const draft = (reason: string) => ({
    ...emptyChangeRequest('cr-20190701', '1-1-1', '경제진흥본부', '마포 핀테크 랩'),
    contact: { position: 'officer', unit: '투자창업과', name: '김도현', phone: '02-2133-5000' },
    reason,
    rows: [
      { category: '사업기간', original: '2018년 7월 ~ 2022년 6월', proposed: '2018년 7월 ~ 2023년 6월' },
    ],
  });
  const storedSteps = async () => {
    const row = await ctx.db
      .selectFrom('documents')
      .select('json')
      .where('kind', '=', 'changeRequest')
      .executeTakeFirstOrThrow();
    return (JSON.parse(row.json) as ChangeRequest).decisionHistory;
  };

  it('is dated by the program’s clock in Korea when 제출 records it, and an edit from the form opened before keeps it', async () => {
    // 20:30 UTC on July 1 is 05:30 on July 2 in Korea.
    now = new Date('2019-07-01T20:30:00Z');
    await ok('saveDraft', { ...crRef, json: draft('사업 여건 변화'), expectedVersion: null });
    await ok('submitDocument', { ...crRef, expectedVersion: 1 });
    const requested = [{ status: 'requested', date: '2019-07-02', by: '경제진흥본부', note: '' }];
    expect(await storedSteps()).toEqual(requested);

    // The form still holds the request as opened (no step yet): a correction typed after 제출 keeps the step,
    // so the request still goes in the next submission file.
    now = new Date('2019-07-03T01:00:00Z');
    await ok('saveDraft', { ...crRef, json: draft('사업 여건 변화 (보완)'), expectedVersion: 2 });
    expect(await storedSteps()).toEqual(requested);
    type Summary = { ref: { kind: string }; heldBack: string | null; status: string };
    const [summary] = await ok<Summary[]>('listMyDocuments', {});
    expect(summary).toMatchObject({ status: 'draft', heldBack: null });
  });
});

describe('readMadeFile (내려받기 of a file this copy made)', () => {
  it('hands back the file as made, by revision; a file changed, gone or never made is named', async () => {
    await saveExampleFinance();
    await ok('initKeys', {});
    const made = await ok<{ revision: number; path: string; fileName: string }>('exportBundle', {
      period: '2019-H1',
    });
    const file = await ok<{ fileName: string; dataBase64: string }>('readMadeFile', {
      type: 'pledge-submission',
      revision: made.revision,
    });
    expect(file.fileName).toBe(made.fileName);
    expect(Buffer.from(file.dataBase64, 'base64').equals(readFileSync(made.path))).toBe(true);

    const refusal = async (input: unknown) => {
      const result = await call('readMadeFile', input);
      if (result.ok) throw new Error('expected a refusal');
      return result.error;
    };
    expect(await refusal({ type: 'pledge-baseline', revision: made.revision })).toMatchObject({
      code: 'NOT_FOUND',
      message: `이 PC가 만든 기준 자료 r${made.revision}이(가) 없습니다.`,
    });
    // A path is never asked for: only a type and a revision.
    expect((await refusal({ type: 'pledge-submission', revision: 1, path: '/etc/passwd' })).code).toBe(
      'INVALID_INPUT',
    );
    const original = readFileSync(made.path);
    writeFileSync(made.path, Buffer.concat([original, Buffer.from('x')]));
    expect(await refusal({ type: 'pledge-submission', revision: made.revision })).toMatchObject({
      code: 'FILE_CHANGED',
      message: expect.stringContaining(made.path),
    });
    rmSync(made.path);
    expect(await refusal({ type: 'pledge-submission', revision: made.revision })).toMatchObject({
      code: 'FILE_MISSING',
      message: expect.stringContaining('찾을 수 없습니다'),
    });
  });
});
