import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type {
  ApiResult,
  BundleImportResult,
  DraftImportPreview,
  DraftImportResult,
  FileDownload,
  Handlers,
  VersionSummary,
} from '../../domain/api/contract';
import {
  type ChangeRequest,
  emptyChangeRequest,
  type ExecutionPlan,
  type FinanceRow,
} from '../../domain/documents';
import { getAttachment, putAttachment } from '../../db/attachments';
import { makeTempDir } from '../../db/test/temp-dir';
import { packDraftFile } from './draft-file';
import { createAppContext, type AppContext } from './context';
import { dispatch } from './dispatch';
import { createHandlers } from './handlers';
import { putReferenceData } from '../../db/reference-data';
import { loadCatalog } from './reference';

const DEPARTMENT = '경제진흥본부';
const examples = join(import.meta.dirname, '..', '..', 'docs', 'examples');
const example = <T>(name: string): T => JSON.parse(readFileSync(join(examples, name), 'utf8')) as T;

interface Pc {
  ctx: AppContext;
  handlers: Handlers;
  clock: { now: Date };
}

let dir: ReturnType<typeof makeTempDir>;
const open: Pc[] = [];

async function pc(name: string, role: 'department' | 'office', department = DEPARTMENT): Promise<Pc> {
  const clock = { now: new Date('2019-07-01T09:00:00Z') };
  const ctx = await createAppContext({
    profileDir: join(dir.path, name, 'profile'),
    dataDirOverride: join(dir.path, name, 'data'),
    mode: 'cli',
    appVersion: '0.1.0-test',
    now: () => clock.now,
  });
  const handlers = createHandlers(ctx);
  const result = await dispatch(handlers, 'saveSetup', {
    role,
    department: role === 'department' ? department : null,
    dataDir: join(dir.path, name, 'data'),
  });
  if (!result.ok) throw new Error(result.error.message);
  const made = { ctx, handlers, clock };
  open.push(made);
  return made;
}

async function call(on: Pc, name: string, input: unknown): Promise<ApiResult<unknown>> {
  return dispatch(on.handlers, name, input);
}
async function ok<T>(on: Pc, name: string, input: unknown): Promise<T> {
  const result = await call(on, name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}
async function refused(on: Pc, name: string, input: unknown): Promise<{ code: string; message: string }> {
  const result = await call(on, name, input);
  if (result.ok) throw new Error(`${name} was taken`);
  return result.error;
}

const dump = (on: Pc) =>
  Promise.all([
    on.ctx.db.selectFrom('documents').selectAll().orderBy('id').execute(),
    on.ctx.db.selectFrom('document_versions').selectAll().orderBy('document_id').orderBy('version').execute(),
    on.ctx.db.selectFrom('attachments').select(['sha256', 'size']).orderBy('sha256').execute(),
  ]);

const PDF = Buffer.from('%PDF-1.4\n% 보도자료 사본\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n', 'utf8');

/** PC 1 writes 1-1-1's plan (with a press clipping) and 재정집행현황, and 1-1-2's plan. */
async function writeOnFirstPc(first: Pc): Promise<{ plan: ExecutionPlan; finance: FinanceRow }> {
  const uploaded = await ok<{ sha256: string; size: number }>(first, 'saveAttachment', {
    name: '보도자료.pdf',
    mediaType: 'application/pdf',
    dataBase64: PDF.toString('base64'),
  });
  const plan = { ...example<ExecutionPlan>('execution-plan.json'), lifecycle: 'draft' } as ExecutionPlan;
  const clipping = plan.citizenParticipation.attachments[0];
  if (!clipping) throw new Error('the example has no attachment');
  clipping.file = { ...clipping.file, sha256: uploaded.sha256, size: uploaded.size };
  plan.policyGoal = '1과에서 쓴 정책목표';
  await ok(first, 'saveDraft', {
    kind: 'executionPlan',
    projectId: '1-1-1',
    slot: 'plan',
    json: plan,
    expectedVersion: null,
  });
  const finance = { ...example<FinanceRow>('finance-row.json'), lifecycle: 'draft' } as FinanceRow;
  await ok(first, 'saveDraft', {
    kind: 'financeRow',
    projectId: '1-1-1',
    slot: '2019-H1',
    json: finance,
    expectedVersion: null,
  });
  await ok(first, 'saveDraft', {
    kind: 'executionPlan',
    projectId: '1-1-2',
    slot: 'plan',
    json: { ...plan, projectId: '1-1-2', policyGoal: '2과의 목표' },
    expectedVersion: null,
  });
  return { plan, finance };
}

/** 1-1-1's plan saved on a PC with another 정책목표, from the version given. */
const editPlan = (on: Pc, plan: ExecutionPlan, policyGoal: string, expectedVersion: number) =>
  ok(on, 'saveDraft', {
    kind: 'executionPlan',
    projectId: '1-1-1',
    slot: 'plan',
    json: { ...plan, policyGoal },
    expectedVersion,
  });

const fileOf = (download: FileDownload) => ({ name: download.fileName, dataBase64: download.dataBase64 });

beforeEach(() => {
  dir = makeTempDir();
});
afterEach(async () => {
  for (const p of open.splice(0)) await p.ctx.close();
  dir.remove();
});

describe('작성 문서 주고받기 between two PCs of one department', () => {
  it('carries the chosen projects with their attachments, says what each does, and keeps what it replaces', async () => {
    const first = await pc('pc1', 'department');
    const second = await pc('pc2', 'department');
    const { plan, finance } = await writeOnFirstPc(first);

    first.clock.now = new Date('2019-07-02T01:30:00Z');
    const download = await ok<FileDownload>(first, 'exportDraftFile', { projectIds: ['1-1-1'] });
    expect(download.fileName).toBe('작성문서_경제진흥본부_20190702-1030.pledgedraft');
    // A real zip: Info-ZIP lists and tests it.
    const path = join(dir.path, download.fileName);
    writeFileSync(path, Buffer.from(download.dataBase64, 'base64'));
    const listing = execFileSync('unzip', ['-Z1', path], { encoding: 'utf8' }).trim().split('\n');
    expect(listing[0]).toBe('drafts.json');
    expect(listing.filter((n) => n.startsWith('documents/'))).toHaveLength(2);
    expect(listing.filter((n) => n.startsWith('attachments/'))).toHaveLength(1);
    expect(execFileSync('unzip', ['-tq', path], { encoding: 'utf8' })).toMatch(/No errors/);

    const preview = await ok<DraftImportPreview>(second, 'previewDraftFile', fileOf(download));
    expect(preview.department).toBe(DEPARTMENT);
    expect(preview.attachments).toBe(1);
    expect(preview.rows.map((r) => [r.projectId, r.title, r.action, r.local])).toEqual([
      ['1-1-1', '재정집행 현황 2019년 상반기', 'new', null],
      ['1-1-1', '공약실천계획서', 'new', null],
    ]);

    const result = await ok<DraftImportResult>(second, 'importDraftFile', {
      ...fileOf(download),
      take: preview.rows.map((r) => ({ path: r.path, localVersion: null })),
    });
    expect(result.imported).toHaveLength(2);
    expect(result.attachments).toBe(1);
    const opened = await ok<{ document: ExecutionPlan }>(second, 'openDocument', {
      kind: 'executionPlan',
      projectId: '1-1-1',
      slot: 'plan',
    });
    expect(opened.document).toEqual(plan);
    const openedFinance = await ok<{ document: FinanceRow }>(second, 'openDocument', {
      kind: 'financeRow',
      projectId: '1-1-1',
      slot: '2019-H1',
    });
    expect(openedFinance.document).toEqual(finance);
    const sha256 = plan.citizenParticipation.attachments[0]?.file.sha256 ?? '';
    expect((await getAttachment(second.ctx.db, sha256))?.bytes.equals(PDF)).toBe(true);
    // 1-1-2 was not chosen: it stays on PC 1.
    expect((await dump(second))[0].map((d) => d.project_id)).toEqual(['1-1-1', '1-1-1']);

    // The same file again: nothing to take.
    const again = await ok<DraftImportPreview>(second, 'previewDraftFile', fileOf(download));
    expect(again.rows.map((r) => r.action)).toEqual(['same', 'same']);

    // PC 2 goes on writing the plan; PC 1 had changed it earlier and sends it again.
    first.clock.now = new Date('2019-07-03T01:00:00Z');
    await editPlan(first, plan, '1과가 고친 목표', 1);
    second.clock.now = new Date('2019-07-03T05:00:00Z');
    await editPlan(second, plan, '서무가 고친 목표', 1);
    first.clock.now = new Date('2019-07-03T06:00:00Z');
    const later = fileOf(await ok<FileDownload>(first, 'exportDraftFile', { projectIds: ['1-1-1'] }));
    const newer = await ok<DraftImportPreview>(second, 'previewDraftFile', later);
    const planRow = newer.rows.find((r) => r.kind === 'executionPlan');
    expect(planRow).toMatchObject({ action: 'localNewer', local: { version: 2, status: 'draft' } });
    expect(planRow?.note).toContain('2019-07-03 14:00');
    expect(newer.rows.find((r) => r.kind === 'financeRow')?.action).toBe('same');

    // Taken against a version the preview did not show: nothing is written.
    const before = await dump(second);
    const stale = await refused(second, 'importDraftFile', {
      ...later,
      take: [{ path: planRow?.path, localVersion: 1 }],
    });
    expect(stale.code).toBe('DRAFT_IMPORT_STALE');
    expect(stale.message).toContain('아무것도 가져오지 않았습니다');
    expect(await dump(second)).toEqual(before);

    // Chosen all the same: PC 1's text is the current one, PC 2's stays restorable.
    await ok(second, 'importDraftFile', { ...later, take: [{ path: planRow?.path, localVersion: 2 }] });
    const versions = await ok<VersionSummary[]>(second, 'listDocumentVersions', {
      kind: 'executionPlan',
      projectId: '1-1-1',
      slot: 'plan',
    });
    expect(versions.map((v) => [v.version, v.reason, (v.document as ExecutionPlan).policyGoal])).toEqual([
      [3, 'import', '1과가 고친 목표'],
      [2, 'autosave', '서무가 고친 목표'],
      [1, 'import', '1과에서 쓴 정책목표'],
    ]);
  });

  it('a copy taken from a file and not edited since is replaced by a later file, whatever the time it was taken', async () => {
    const first = await pc('pc1', 'department');
    const second = await pc('pc2', 'department');
    const { plan } = await writeOnFirstPc(first);
    const one = fileOf(await ok<FileDownload>(first, 'exportDraftFile', { projectIds: ['1-1-1'] }));
    // PC 2's clock is days ahead: what it takes is stamped July 5.
    second.clock.now = new Date('2019-07-05T00:00:00Z');
    const first1 = await ok<DraftImportPreview>(second, 'previewDraftFile', one);
    await ok(second, 'importDraftFile', {
      ...one,
      take: first1.rows.map((r) => ({ path: r.path, localVersion: null })),
    });
    // PC 1 edits on July 3 and sends again.
    first.clock.now = new Date('2019-07-03T00:00:00Z');
    await editPlan(first, plan, '7월 3일에 고친 목표', 1);
    const two = fileOf(await ok<FileDownload>(first, 'exportDraftFile', { projectIds: ['1-1-1'] }));
    const preview = await ok<DraftImportPreview>(second, 'previewDraftFile', two);
    expect(preview.rows.find((r) => r.kind === 'executionPlan')).toMatchObject({
      action: 'replace',
      note: '이 PC의 문서는 파일에서 가져온 뒤 고치지 않았습니다.',
    });
  });

  it('refuses another department, the office, a damaged file and a confirmed plan, leaving the data as it was', async () => {
    const first = await pc('pc1', 'department');
    const second = await pc('pc2', 'department');
    const tourism = await pc('pc3', 'department', '관광체육국');
    const office = await pc('office', 'office');
    await writeOnFirstPc(first);
    const download = await ok<FileDownload>(first, 'exportDraftFile', { projectIds: ['1-1-1', '1-1-2'] });
    const file = fileOf(download);

    const other = await refused(tourism, 'previewDraftFile', file);
    expect(other.message).toBe(
      '이 파일은 경제진흥본부의 작성 문서입니다. 이 PC는 관광체육국입니다: 같은 부서의 PC끼리만 주고받습니다 ' +
        '(부서 이관으로 경제진흥본부가 이 부서에 넘긴 사업의 관리카드·재정집행현황과 작성 중인 조정 요청서는 예외입니다).',
    );
    expect((await refused(office, 'previewDraftFile', file)).code).toBe('NOT_A_DEPARTMENT');
    // Given to the office's import by mistake: said what it is, and kept nowhere.
    const officeBefore = await dump(office);
    const [asBundle] = await ok<BundleImportResult[]>(office, 'importBundleData', { files: [file] });
    expect(asBundle?.status).not.toBe('accepted');
    expect(asBundle?.reason).toMatch(
      /^이 파일은 제출 파일이 아니라 부서 안에서 PC끼리 주고받는 작성 문서 파일\(\.pledgedraft\)입니다/,
    );
    expect(await dump(office)).toEqual(officeBefore);
    // Or to a department's 기준 자료 적용.
    const asBaseline = await refused(second, 'applyBaseline', file);
    expect(asBaseline.message).toMatch(
      /^이 파일은 같은 부서의 다른 PC에서 만든 작성 문서 파일\(\.pledgedraft\)입니다/,
    );

    // One byte of a document changed on the way (its CRC-32 no longer matches).
    const bytes = Buffer.from(download.dataBase64, 'base64');
    const at = bytes.indexOf(Buffer.from('1과에서 쓴 정책목표', 'utf8'));
    expect(at).toBeGreaterThan(0);
    bytes[at] = (bytes[at] as number) ^ 1;
    const before = await dump(second);
    const damaged = await refused(second, 'importDraftFile', {
      name: file.name,
      dataBase64: bytes.toString('base64'),
      take: [{ path: 'documents/1.json', localVersion: null }],
    });
    expect(damaged.code).toBe('DRAFT_FILE_UNREADABLE');
    expect(damaged.message).toMatch(/^작성 문서 파일을 읽을 수 없습니다 \(.*CRC/);
    const text = await refused(second, 'previewDraftFile', {
      name: 'memo.txt',
      dataBase64: Buffer.from('회의 메모').toString('base64'),
    });
    expect(text.message).toMatch(/^작성 문서 파일이 아닙니다/);
    expect(await dump(second)).toEqual(before);

    // PC 2 holds 1-1-1's plan confirmed: that row is refused, and choosing it takes nothing.
    await ok(second, 'saveDraft', {
      kind: 'executionPlan',
      projectId: '1-1-1',
      slot: 'plan',
      json: { ...example<ExecutionPlan>('execution-plan.json'), lifecycle: 'draft' },
      expectedVersion: null,
    });
    await ok(second, 'submitDocument', {
      kind: 'executionPlan',
      projectId: '1-1-1',
      slot: 'plan',
      expectedVersion: 1,
    });
    await ok(second, 'confirmDocument', {
      kind: 'executionPlan',
      projectId: '1-1-1',
      slot: 'plan',
      department: DEPARTMENT,
    });
    const preview = await ok<DraftImportPreview>(second, 'previewDraftFile', file);
    const confirmed = preview.rows.find((r) => r.projectId === '1-1-1' && r.kind === 'executionPlan');
    expect(confirmed).toMatchObject({
      action: 'refused',
      note: '이 PC의 실천계획서는 확정되어 바꿀 수 없습니다.',
    });
    expect(preview.rows.filter((r) => r.action === 'new').map((r) => [r.projectId, r.kind])).toEqual([
      ['1-1-1', 'financeRow'],
      ['1-1-2', 'executionPlan'],
    ]);
    const kept = await dump(second);
    const all = await refused(second, 'importDraftFile', {
      ...file,
      take: preview.rows.map((r) => ({ path: r.path, localVersion: r.local?.version ?? null })),
    });
    expect(all.code).toBe('DRAFT_IMPORT_NOT_TAKEN');
    expect(all.message).toContain('확정되어 바꿀 수 없습니다');
    expect(await dump(second)).toEqual(kept);

    // Nothing of the chosen projects written on PC 3: said, no file.
    const empty = await refused(tourism, 'exportDraftFile', { projectIds: ['5-9-1'] });
    expect(empty.code).toBe('DRAFT_EXPORT_EMPTY');
  });

  it('a file made by hand is read like any other: each document that does not read is refused alone, saying why', async () => {
    const second = await pc('pc2', 'department');
    const plan = { ...example<ExecutionPlan>('execution-plan.json'), lifecycle: 'draft' };
    const bytes = await packDraftFile({
      department: DEPARTMENT,
      catalogId: 'seoul-minseon7',
      createdAt: '2019-07-02T00:00:00.000Z',
      appVersion: 'hand',
      documents: [
        // Rows that are not rows, and no other field: not a change request the forms can read.
        {
          kind: 'changeRequest',
          projectId: '1-1-1',
          slot: 'cr-0001561942888990',
          savedAt: '2019-07-02T00:00:00.000Z',
          json: { kind: 'changeRequest', rows: [null, 7] },
        },
        // Another department's project.
        {
          kind: 'executionPlan',
          projectId: '5-9-1',
          slot: 'plan',
          savedAt: '2019-07-02T00:00:00.000Z',
          json: { ...plan, projectId: '5-9-1' },
        },
        // Listed as a card, holding a plan.
        {
          kind: 'managementCard',
          projectId: '1-1-1',
          slot: '2019-H1',
          savedAt: '2019-07-02T00:00:00.000Z',
          json: plan,
        },
        {
          kind: 'executionPlan',
          projectId: '1-1-1',
          slot: 'plan',
          savedAt: '2019-07-02T00:00:00.000Z',
          json: plan,
        },
      ],
      attachments: [],
    });
    const file = { name: 'hand.pledgedraft', dataBase64: bytes.toString('base64') };
    const preview = await ok<DraftImportPreview>(second, 'previewDraftFile', file);
    expect(preview.rows.map((r) => [r.projectId, r.action])).toEqual([
      ['1-1-1', 'refused'],
      ['5-9-1', 'refused'],
      ['1-1-1', 'refused'],
      ['1-1-1', 'new'],
    ]);
    expect(preview.rows[0]?.title).toBe('공약 조정 요청서 (기타 변경)');
    expect(preview.rows[0]?.note).toMatch(/^입력값이 올바르지 않아 저장하지 않았습니다: /);
    expect(preview.rows[1]?.note).toContain('5-9-1');
    expect(preview.rows[2]?.note).toBe('파일의 목록과 문서의 내용(종류·사업·반기)이 다릅니다.');
    const before = await dump(second);
    const refusedRow = await refused(second, 'importDraftFile', {
      ...file,
      take: [{ path: preview.rows[0]?.path, localVersion: null }],
    });
    expect(refusedRow.code).toBe('DRAFT_IMPORT_NOT_TAKEN');
    expect(await dump(second)).toEqual(before);
    const taken = await ok<DraftImportResult>(second, 'importDraftFile', {
      ...file,
      take: [{ path: preview.rows[3]?.path, localVersion: null }],
    });
    expect(taken.imported.map((d) => d.title)).toEqual(['공약실천계획서']);
  });

  it('after a move (부서 이관) the former lead’s drafts of the half-years moved go to the new lead’s PC, as its own', async () => {
    const former = await pc('pc1', 'department');
    const taker = await pc('pc2', 'department', '관광체육국');
    // Written before the move: 1-1-1's and 1-1-2's 2019-H2 재정집행현황, and 1-1-1's 2019-H1 one.
    const finance = { ...example<FinanceRow>('finance-row.json'), lifecycle: 'draft' } as FinanceRow;
    for (const [projectId, periodId] of [
      ['1-1-1', '2019-H2'],
      ['1-1-2', '2019-H2'],
      ['1-1-1', '2019-H1'],
    ] as const)
      await ok(former, 'saveDraft', {
        kind: 'financeRow',
        projectId,
        slot: periodId,
        json: { ...finance, projectId, periodId, note: `${projectId} ${periodId} 1과 비고` },
        expectedVersion: null,
      });
    // And three 조정 요청서: 1-1-1's still being written, 1-1-1's already requested, 1-1-2's being written.
    const request = (requestId: string, projectId: string, requested: boolean) => ({
      ...emptyChangeRequest(requestId, projectId, DEPARTMENT),
      contact: { position: 'officer', unit: '핀테크팀', name: '김담당', phone: '02-2133-0000' },
      rows: [{ category: '사업기간', original: "'18~'22", proposed: `'18~'24 (${requestId})` }],
      reason: '사업 여건 변화',
      decisionHistory: requested
        ? [{ status: 'requested', date: '2019-09-02', by: DEPARTMENT, note: '' }]
        : [],
    });
    for (const [requestId, projectId, requested] of [
      ['cr-1', '1-1-1', false],
      ['cr-2', '1-1-1', true],
      ['cr-3', '1-1-2', false],
    ] as const)
      await ok(former, 'saveDraft', {
        kind: 'changeRequest',
        projectId,
        slot: requestId,
        json: request(requestId, projectId, requested),
        expectedVersion: null,
      });
    const download = await ok<FileDownload>(former, 'exportDraftFile', { projectIds: ['1-1-1', '1-1-2'] });
    // Then the office's list moves 1-1-1 to 관광체육국 after 2019-H1, on both PCs (as its 기준 자료 would).
    const moved = structuredClone(await loadCatalog(former.ctx.db));
    const project = moved.projects.find((p) => p.id === '1-1-1')!;
    project.formerAssignments = [
      { through: '2019-H1', leadDepartment: DEPARTMENT, coDepartments: project.coDepartments },
    ];
    project.leadDepartment = '관광체육국';
    project.coDepartments = project.coDepartments.filter((d) => d !== '관광체육국');
    moved.version = '조직개편';
    for (const on of [former, taker])
      await putReferenceData(
        on.ctx.db,
        { key: 'catalog', version: moved.version, json: moved },
        on.clock.now,
      );

    // 관광체육국 takes only 1-1-1's 2019-H2 row and its request being written: the rest stays 경제진흥본부's.
    const preview = await ok<DraftImportPreview>(taker, 'previewDraftFile', fileOf(download));
    const rows = preview.rows.map((r) => [r.projectId, r.slot, r.action]);
    expect(rows.sort()).toEqual([
      ['1-1-1', '2019-H1', 'refused'],
      ['1-1-1', '2019-H2', 'new'],
      ['1-1-1', 'cr-1', 'new'],
      ['1-1-1', 'cr-2', 'refused'],
      ['1-1-2', '2019-H2', 'refused'],
      ['1-1-2', 'cr-3', 'refused'],
    ]);
    const handed = preview.rows.find((r) => r.action === 'new' && r.kind === 'financeRow')!;
    const handedRequest = preview.rows.find((r) => r.action === 'new' && r.kind === 'changeRequest')!;
    for (const row of [handed, handedRequest])
      expect(row.note).toContain('부서 이관: 경제진흥본부에서 쓴 문서를 이 부서의 것으로 가져옵니다');
    expect(preview.rows.find((r) => r.slot === '2019-H1')?.note).toBe(
      '경제진흥본부의 문서입니다: 부서 이관으로 이 부서에 넘어온 사업의 그 반기 관리카드·재정집행현황과 작성 중인 조정 요청서만 가져옵니다.',
    );
    expect(preview.rows.find((r) => r.slot === 'cr-2')?.note).toMatch(
      /^경제진흥본부가 이미 요청한 조정 요청서입니다: 기획담당관에 간 요청은 그곳에서 처리됩니다/,
    );
    // Choosing a row that stays the other department's takes nothing, nor does an already requested one.
    const before = await dump(taker);
    for (const slot of ['2019-H2', 'cr-2']) {
      const refusedRow = preview.rows.find((r) => r.slot === slot && r.action === 'refused')!;
      expect(
        (
          await refused(taker, 'importDraftFile', {
            ...fileOf(download),
            take: [handed, refusedRow].map((r) => ({ path: r.path, localVersion: null })),
          })
        ).code,
      ).toBe('DRAFT_IMPORT_NOT_TAKEN');
    }
    expect(await dump(taker)).toEqual(before);
    await ok<DraftImportResult>(taker, 'importDraftFile', {
      ...fileOf(download),
      take: [handed, handedRequest].map((r) => ({ path: r.path, localVersion: null })),
    });
    const opened = await ok<{ document: FinanceRow }>(taker, 'openDocument', {
      kind: 'financeRow',
      projectId: '1-1-1',
      slot: '2019-H2',
    });
    expect(opened.document).toMatchObject({ department: '관광체육국', note: '1-1-1 2019-H2 1과 비고' });
    // The request goes on under this department, its 담당자 to be named here, as a draft to 제출 from here.
    const openedRequest = await ok<{ document: ChangeRequest }>(taker, 'openDocument', {
      kind: 'changeRequest',
      projectId: '1-1-1',
      slot: 'cr-1',
    });
    expect(openedRequest.document).toMatchObject({
      department: '관광체육국',
      lifecycle: 'draft',
      contact: { name: '', phone: '', unit: '' },
      rows: [{ category: '사업기간', proposed: "'18~'24 (cr-1)" }],
      decisionHistory: [],
    });

    // A file of the former lead's with nothing handed over is still another department's.
    const own = await ok<FileDownload>(former, 'exportDraftFile', { projectIds: ['1-1-2'] });
    expect((await refused(taker, 'previewDraftFile', fileOf(own))).code).toBe('DRAFT_FILE_OTHER_DEPARTMENT');
  });

  it('a file larger than the other PC reads is refused before it is made, saying how to split it', async () => {
    const first = await pc('pc1', 'department');
    const plan = { ...example<ExecutionPlan>('execution-plan.json'), lifecycle: 'draft' } as ExecutionPlan;
    const template = plan.citizenParticipation.attachments[0];
    if (!template) throw new Error('the example has no attachment');
    // Six different photos of 18 MB: 108 MB in all, over the 100 MB a file may have.
    const photos = [];
    for (let i = 0; i < 6; i++) {
      const bytes = Buffer.alloc(18 * 1024 * 1024, i + 1);
      photos.push({
        ...template,
        file: {
          ...template.file,
          ...(await putAttachment(first.ctx.db, bytes, 'application/pdf', first.clock.now)),
        },
      });
    }
    plan.citizenParticipation.attachments = photos.map(({ file, ...rest }) => ({
      ...rest,
      file: { sha256: file.sha256, name: file.name, mediaType: file.mediaType, size: file.size },
    }));
    await ok(first, 'saveDraft', {
      kind: 'executionPlan',
      projectId: '1-1-1',
      slot: 'plan',
      json: plan,
      expectedVersion: null,
    });
    const tooLarge = await refused(first, 'exportDraftFile', { projectIds: ['1-1-1'] });
    expect(tooLarge.code).toBe('DRAFT_EXPORT_TOO_LARGE');
    expect(tooLarge.message).toMatch(/^작성 문서 파일이 109MB로, 읽을 수 있는 100MB를 넘습니다/);
    expect(tooLarge.message).toContain('사업을 나눠 여러 파일로 내보내세요');
  }, 60_000);
});
