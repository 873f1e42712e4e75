import { existsSync, mkdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { examples } from '../../domain/documents/test-fixtures';
import { UNREQUESTED_CHANGE } from '../../domain/documents';
import { getAttachment, putAttachment } from '../../db/attachments';
import { listHeldBundles, listReceivedBundles } from '../../db/bundles';
import { documentIdOf, getDocument, saveDocument } from '../../db/documents';
import { listRegistryKeys } from '../../db/keys';
import { latestReceivedDocuments, listReceivedDocuments } from '../../db/received';
import { makeTempDir } from '../../db/test/temp-dir';
import { exportBundle } from './bundle-export';
import { importBundleInputs, importBundles, releaseQuarantined } from './bundle-import';
import { readArchivedBundle } from './bundle-files';
import {
  dumpDatabase,
  enroll,
  makeCopy,
  privateKeyOf,
  sha256Hex,
  signSubmission,
} from './bundle-test-support';
import { DEFAULT_LIMITS } from '../bundles';
import { readZipEntries } from '../bundles/read';
import { packZip } from '../bundles/zip-pack';
import { directVerifier, findVerifyWorkerFile } from './bundle-verify';
import type { AppContext } from './context';
import { importEnrollment, markApproved, revokeKey, exportEnrollment } from './key-service';
import { submissionsOf } from './report-submissions';
import { officeReceipts } from './receipts';

const LEAD = '경제진흥본부';
const CO = '여성가족정책실'; // co-department of 1-1-7, led by 경제진흥본부
const direct = { verifier: directVerifier };

let dir: ReturnType<typeof makeTempDir>;
let office: AppContext;
let dept: AppContext;
const open: AppContext[] = [];

const plan = (attachmentSha?: string) => {
  const json = structuredClone(examples.planJson) as Record<string, unknown> & {
    evidence?: unknown;
  };
  const text = JSON.stringify(json);
  return JSON.parse(
    attachmentSha
      ? text.replace(/b342f68b4f03641e02bc12bb9a38522b802c332afb795f3d5ac4d55240c64c89/g, attachmentSha)
      : text,
  ) as Record<string, unknown>;
};
const financeRow = (overrides: Record<string, unknown> = {}) => ({
  ...(structuredClone(examples.financeRowJson) as Record<string, unknown>),
  ...overrides,
});

async function copy(name: string, who: Parameters<typeof makeCopy>[2]): Promise<AppContext> {
  const ctx = await makeCopy(dir.path, name, who);
  open.push(ctx);
  return ctx;
}

/** The department drafts a plan (with a PDF attachment) and a finance row the normal way. */
async function draftLeadDocuments(ctx: AppContext): Promise<{ pdf: Buffer }> {
  const pdf = Buffer.from('%PDF-1.4 보도자료 핀테크 산업 육성계획\n', 'utf8');
  const info = await putAttachment(ctx.db, pdf, 'application/pdf', ctx.now());
  const p = plan(info.sha256);
  await saveDocument(
    ctx.db,
    {
      kind: 'executionPlan',
      projectId: '1-1-1',
      slot: 'plan',
      department: LEAD,
      json: p,
      reason: 'submit',
      status: 'submitted',
    },
    ctx.now(),
  );
  await saveDocument(
    ctx.db,
    {
      kind: 'financeRow',
      projectId: '1-1-1',
      slot: '2019-H1',
      department: LEAD,
      json: financeRow(),
      reason: 'submit',
      status: 'submitted',
    },
    ctx.now(),
  );
  return { pdf };
}

beforeEach(async () => {
  dir = makeTempDir('pledge-bundles-');
  office = await copy('office', { role: 'office' });
  dept = await copy('dept', { role: 'department', department: LEAD });
});
afterEach(async () => {
  for (const ctx of open.splice(0)) await ctx.close();
  dir.remove();
});

describe('round trip: department export → office import', () => {
  it('the office receives exactly the documents and attachments the department wrote; a second import is a duplicate', async () => {
    await enroll(office, dept);
    const { pdf } = await draftLeadDocuments(dept);
    const exported = await exportBundle(dept, { period: 'plan' });
    expect(exported.fileName).toBe(`공약제출_${LEAD}_실천계획_r1.pledge`);
    expect(exported.revision).toBe(1);
    expect(exported.refused).toEqual([]);
    expect(exported.documents.map((d) => d.path)).toEqual(['documents/plan-1-1-1-plan.json']);

    const progress: [number, number][] = [];
    const [result] = await importBundles(office, [exported.path], (d, t) => progress.push([d, t]), direct);
    expect(result).toMatchObject({ status: 'accepted', department: LEAD, revision: 1, documents: 1 });
    expect(progress.at(-1)).toEqual([1, 1]);

    const stored = (
      await dept.db
        .selectFrom('documents')
        .select('json')
        .where('kind', '=', 'executionPlan')
        .executeTakeFirstOrThrow()
    ).json;
    const received = await listReceivedDocuments(office.db);
    expect(received).toHaveLength(1);
    expect(received[0]?.json).toEqual(JSON.parse(stored));
    expect(received[0]).toMatchObject({
      kind: 'executionPlan',
      projectId: '1-1-1',
      slot: 'plan',
      department: LEAD,
    });
    const attachment = await getAttachment(office.db, sha256Hex(pdf));
    expect(attachment?.bytes.equals(pdf)).toBe(true);
    expect(attachment?.mediaType).toBe('application/pdf');
    // The raw file is archived byte for byte, in the database.
    expect((await readArchivedBundle(office, exported.sha256))?.equals(readFileSync(exported.path))).toBe(
      true,
    );
    expect(existsSync(join(office.dataDir, 'archive'))).toBe(false);

    const before = await dumpDatabase(office);
    const [again] = await importBundles(office, [exported.path], undefined, direct);
    expect(again).toMatchObject({ status: 'duplicate', code: 'DUPLICATE' });
    expect(await dumpDatabase(office)).toEqual(before);

    // The next export names this one as its predecessor and is accepted after it.
    const second = await exportBundle(dept, { period: '2019-H1' });
    expect(second.revision).toBe(2);
    const [next] = await importBundles(office, [second.path], undefined, direct);
    expect(next).toMatchObject({ status: 'accepted', revision: 2 });
    expect((await latestReceivedDocuments(office.db)).map((d) => d.kind).sort()).toEqual([
      'executionPlan',
      'financeRow',
    ]);
  });

  it('a card is sent as printed: a 보류·폐기 사유 or 완료 근거 its status does not show stays in the draft', async () => {
    const photo = await putAttachment(dept.db, Buffer.from('현장 사진'), 'image/jpeg', dept.now());
    const cited = JSON.stringify(examples.cardJson).replace(/42615d5f[0-9a-f]{56}/g, photo.sha256);
    const card = {
      ...(JSON.parse(cited) as Record<string, unknown>),
      status: 'onTrack',
      statusReason: '국비 미확보로 보류 검토',
      completionEvidence: { summary: '지난 반기에 쓴 완료 근거', attachments: [] },
    };
    await saveDocument(
      dept.db,
      {
        kind: 'managementCard',
        projectId: '1-1-1',
        slot: '2019-H1',
        department: LEAD,
        json: card,
        reason: 'autosave',
      },
      dept.now(),
    );
    const exported = await exportBundle(dept, { period: '2019-H1' });
    expect(exported.documents.map((d) => d.kind)).toEqual(['managementCard']);
    const zip = await readZipEntries(readFileSync(exported.path), DEFAULT_LIMITS);
    if (!zip.ok) throw new Error(zip.message);
    const member = zip.entries.find((e) => e.name.startsWith('documents/card-'));
    const sent = JSON.parse(String(member?.data)) as Record<string, unknown>;
    expect(sent.status).toBe('onTrack');
    expect(sent.statusReason).toBe('');
    expect(sent.completionEvidence).toEqual({ summary: '', attachments: [] });
    // Everything else goes as drafted, and the draft keeps what it hides.
    expect({ ...sent, statusReason: card.statusReason, completionEvidence: card.completionEvidence }).toEqual(
      JSON.parse(JSON.stringify(card)),
    );
    const draft = await getDocument(
      dept.db,
      documentIdOf({ kind: 'managementCard', projectId: '1-1-1', slot: '2019-H1', department: LEAD }),
    );
    expect((draft?.json as Record<string, unknown>).statusReason).toBe('국비 미확보로 보류 검토');
  });

  it('a change request goes only once 제출 made it a request; a draft one is left out and says why', async () => {
    await draftLeadDocuments(dept);
    const request = {
      ...(structuredClone(examples.changeRequestJson) as Record<string, unknown>),
      projectId: '1-1-1',
      projectName: '마포 핀테크 랩을 거점으로 핀테크·블록체인 산업 생태계 구축',
      department: LEAD,
      requestId: 'cr-1',
      lifecycle: 'draft',
      evidence: [],
      decisionHistory: [],
    };
    const save = (json: unknown) =>
      saveDocument(
        dept.db,
        {
          kind: 'changeRequest',
          projectId: '1-1-1',
          slot: 'cr-1',
          department: LEAD,
          json,
          reason: 'autosave',
        },
        dept.now(),
      );
    await save(request);
    const drafted = await exportBundle(dept, { period: '2019-H1' });
    expect(drafted.documents.map((d) => d.kind)).toEqual(['financeRow']);
    expect(drafted.refused).toEqual([
      expect.objectContaining({ kind: 'changeRequest', slot: 'cr-1', error: UNREQUESTED_CHANGE }),
    ]);
    // Requested (what 제출 records first): it goes.
    await save({
      ...request,
      lifecycle: 'submitted',
      decisionHistory: [{ status: 'requested', date: '2019-07-01', by: LEAD, note: '' }],
    });
    const requested = await exportBundle(dept, { period: '2019-H1' });
    expect(requested.documents.map((d) => d.kind).sort()).toEqual(['changeRequest', 'financeRow']);
    expect(requested.refused).toEqual([]);
  });

  it('export refuses documents with errors and lists them, and sends the rest', async () => {
    await draftLeadDocuments(dept);
    await saveDocument(
      dept.db,
      {
        kind: 'financeRow',
        projectId: '1-1-2',
        slot: '2019-H1',
        department: LEAD,
        json: financeRow({
          projectId: '1-1-2',
          secured: { national: -5, city: null, district: null, private: null, other: null },
        }),
        reason: 'autosave',
      },
      dept.now(),
    );
    const exported = await exportBundle(dept, { period: '2019-H1' });
    expect(exported.documents.map((d) => d.projectId)).toEqual(['1-1-1']);
    expect(exported.refused).toHaveLength(1);
    expect(exported.refused[0]?.projectId).toBe('1-1-2');
    expect(exported.refused[0]?.error).toContain('secured.national');

    // A document that parses but has errors is named by its message, in words, not by field paths.
    const blankGoal = { ...plan(), policyGoal: '' };
    await saveDocument(
      dept.db,
      {
        kind: 'executionPlan',
        projectId: '1-1-1',
        slot: 'plan',
        department: LEAD,
        json: blankGoal,
        reason: 'autosave',
      },
      dept.now(),
    );
    await expect(exportBundle(dept, { period: 'plan' })).rejects.toThrow(
      /정책목표[^.]*\. 문서를 열어 '제출 전 확인'에서 고치세요\./,
    );
    await expect(exportBundle(dept, { period: 'plan' })).rejects.not.toThrow(/policyGoal/);
  });

  it('a folder is imported recursively and bundles are committed in revision order whatever the file names', async () => {
    await enroll(office, dept);
    await draftLeadDocuments(dept);
    const folder = join(dir.path, 'share', 'inner');
    mkdirSync(folder, { recursive: true });
    const r1 = await exportBundle(dept, { period: 'plan', path: join(folder, 'z-first.pledge') });
    const r2 = await exportBundle(dept, { period: '2019-H1', path: join(folder, 'a-second.zip') });
    writeFileSync(join(folder, 'notes.txt'), 'not a bundle');
    const results = await importBundles(office, [join(dir.path, 'share')], undefined, direct);
    expect(results.map((r) => [r.revision, r.status])).toEqual([
      [2, 'accepted'],
      [1, 'accepted'],
    ]);
    expect((await listReceivedBundles(office.db)).map((b) => b.sha256)).toEqual([r1.sha256, r2.sha256]);
  });
});

describe('rejections leave the office database unchanged', () => {
  async function expectRejected(bytes: Buffer, code: string, reasonPart: string | RegExp) {
    const before = await dumpDatabase(office);
    const [result] = await importBundleInputs(office, [{ name: 'test.pledge', bytes }], direct);
    expect(result?.status).toBe('rejected');
    expect(result?.code).toBe(code);
    expect(result?.reason).toMatch(reasonPart);
    expect(await dumpDatabase(office)).toEqual(before);
    return result;
  }

  it('documents of a half-year or a budget year outside the office’s term are refused by name, nothing stored', async () => {
    // A department copy set up with another term's list: 2022-H2 is after 민선7기's last half-year, 2023 and
    // 2025 after its last budget year ('22.6월; the plan's own column after the term is 임기후).
    await enroll(office, dept);
    const key = await privateKeyOf(dept);
    const late = await signSubmission(key, {
      department: LEAD,
      period: '2022-H2',
      revision: 1,
      previousBundleSha256: null,
      documents: [
        {
          path: 'documents/finance-1-1-1-2022-H2.json',
          json: financeRow({ periodId: '2022-H2' }),
        },
      ],
    });
    const refused = await expectRejected(late, 'OUT_OF_TERM', /2022년 하반기는 임기 중의 반기가 아닙니다/);
    expect(refused?.reason).toContain('이 프로그램의 임기(2018-07 ~ 2022-06)에 없는 기간이 들어 있습니다');
    const later = plan();
    const units = later.unitProjects as { investmentNeeds: { city: Record<string, number> } }[];
    units[0]!.investmentNeeds.city = { ...units[0]!.investmentNeeds.city, '2023': 100, '2025': 50 };
    const planBytes = await signSubmission(key, {
      department: LEAD,
      period: 'plan',
      revision: 1,
      previousBundleSha256: null,
      documents: [{ path: 'documents/plan-1-1-1-plan.json', json: later }],
    });
    const planRefused = await expectRejected(planBytes, 'OUT_OF_TERM', /2023/);
    expect(planRefused?.reason).toContain('2025');
  });

  it('a stale revision names both revisions', async () => {
    // Only a bundle whose revision was skipped can be older than the last accepted one without being that
    // revision's (a second bundle of an accepted revision is held as a conflict): r3 made on r1, then an r2.
    await enroll(office, dept);
    const key = await privateKeyOf(dept);
    const finance = (note: string) => [
      { path: 'documents/finance-1-1-1-2019-H1.json', json: financeRow({ note }) },
    ];
    const r1 = await signSubmission(key, {
      department: LEAD,
      period: '2019-H1',
      revision: 1,
      previousBundleSha256: null,
      documents: finance('r1'),
    });
    const r3 = await signSubmission(key, {
      department: LEAD,
      period: '2019-H1',
      revision: 3,
      previousBundleSha256: sha256Hex(r1),
      documents: finance('r3'),
    });
    const r2 = await signSubmission(key, {
      department: LEAD,
      period: '2019-H1',
      revision: 2,
      previousBundleSha256: sha256Hex(r1),
      documents: finance('r2'),
    });
    const accepted = await importBundleInputs(
      office,
      [
        { name: 'r1.pledge', bytes: r1 },
        { name: 'r3.pledge', bytes: r3 },
      ],
      direct,
    );
    expect(accepted.map((r) => r.status)).toEqual(['accepted', 'accepted']);
    await expectRejected(r2, 'REVISION_STALE', 'r2는 이미 받은 r3보다 오래되었습니다');
  });

  it("a department's first bundle received must be its first: a later one alone is refused, naming what to import first", async () => {
    await enroll(office, dept);
    await draftLeadDocuments(dept);
    const r1 = await exportBundle(dept, { period: 'plan' });
    const r2 = await exportBundle(dept, { period: '2019-H1' });
    const r3 = await exportBundle(dept, { period: '2019-H1' });
    await expectRejected(
      readFileSync(r3.path),
      'CHAIN_FORK',
      /^경제진흥본부의 r3은 이전 제출 파일\(SHA-256 [0-9a-f]{12}…\) 다음에 만들어졌지만, 이 부서의 제출 파일은 아직 하나도 받지 않았습니다\. 부서가 그 전에 만든 r1–r2 파일을 먼저\(또는 함께\) 가져오세요/,
    );
    await expectRejected(
      readFileSync(r2.path),
      'CHAIN_FORK',
      /그 전에 만든 r1 파일을 먼저\(또는 함께\) 가져오세요/,
    );
    // Nothing was taken, so the plan (r1) is not refused as older afterwards: the three go in, in order.
    const results = await importBundles(office, [r1.path, r3.path, r2.path], undefined, direct);
    expect(results.map((r) => [r.revision, r.status])).toEqual([
      [1, 'accepted'],
      [3, 'accepted'],
      [2, 'accepted'],
    ]);
    expect((await latestReceivedDocuments(office.db)).map((d) => d.kind).sort()).toEqual([
      'executionPlan',
      'financeRow',
    ]);
  });

  it("a department's bundles imported together are accepted in any order", async () => {
    await enroll(office, dept);
    await draftLeadDocuments(dept);
    const r1 = await exportBundle(dept, { period: 'plan' });
    const r2 = await exportBundle(dept, { period: '2019-H1' });
    const results = await importBundleInputs(
      office,
      [
        { name: 'r2.pledge', bytes: readFileSync(r2.path) },
        { name: 'r1.pledge', bytes: readFileSync(r1.path) },
      ],
      direct,
    );
    expect(results.map((r) => [r.file, r.status])).toEqual([
      ['r2.pledge', 'accepted'],
      ['r1.pledge', 'accepted'],
    ]);
  });

  it('a fork (previous hash is not the last accepted bundle) is refused', async () => {
    await enroll(office, dept);
    await draftLeadDocuments(dept);
    const r1 = await exportBundle(dept, { period: 'plan' });
    await importBundles(office, [r1.path], undefined, direct);
    const forged = await signSubmission(await privateKeyOf(dept), {
      department: LEAD,
      period: '2019-H1',
      revision: 2,
      previousBundleSha256: 'ab'.repeat(32),
      documents: [{ path: 'documents/finance-1-1-1-2019-H1.json', json: financeRow() }],
    });
    await expectRejected(
      forged,
      'CHAIN_FORK',
      /r2는 이전 제출 파일\(SHA-256 abababababab…\) 다음에 만들어졌지만, 마지막으로 받은 제출 파일은 r1/,
    );
  });

  it('a gap names the revisions to ask the department for', async () => {
    await enroll(office, dept);
    await draftLeadDocuments(dept);
    const r1 = await exportBundle(dept, { period: 'plan' });
    await exportBundle(dept, { period: '2019-H1' });
    await exportBundle(dept, { period: '2019-H1' });
    const r4 = await exportBundle(dept, { period: '2019-H1' });
    await importBundles(office, [r1.path], undefined, direct);
    await expectRejected(
      readFileSync(r4.path),
      'CHAIN_FORK',
      /r4는 이전 제출 파일\(SHA-256 [0-9a-f]{12}…\) 다음에 만들어졌지만, 마지막으로 받은 제출 파일은 r1\(SHA-256 [0-9a-f]{12}…\)입니다\. 부서가 그 사이에 만든 r2–r3 파일을 먼저 가져오거나/,
    );
  });

  it('a department reporting on another department’s project is refused, naming the project', async () => {
    await enroll(office, dept);
    const valid = JSON.parse(JSON.stringify(plan()).replace(/"1-1-1"/g, '"2-1-1"')) as Record<
      string,
      unknown
    >;
    const pdf = Buffer.from('x');
    const bytes2 = await signSubmission(await privateKeyOf(dept), {
      department: LEAD,
      period: 'plan',
      revision: 1,
      previousBundleSha256: null,
      documents: [
        {
          path: 'documents/plan-2-1-1-plan.json',
          json: JSON.parse(
            JSON.stringify(valid).replace(
              /b342f68b4f03641e02bc12bb9a38522b802c332afb795f3d5ac4d55240c64c89/g,
              sha256Hex(pdf),
            ),
          ),
        },
      ],
      attachments: [{ bytes: pdf, mediaType: 'application/pdf' }],
    });
    await expectRejected(
      bytes2,
      'NOT_RESPONSIBLE',
      /경제진흥본부는 2-1-1 .*의 공약실천계획서를 작성할 수 없습니다 \(2-1-1의 주관부서는/,
    );
  });

  it('a co-department may send its finance row, and its card is taken in to be listed; not a plan', async () => {
    const co = await copy('co', { role: 'department', department: CO });
    await enroll(office, co);
    const card = JSON.parse(
      JSON.stringify(examples.cardJson)
        .replace(/"1-1-1"/g, '"1-1-7"')
        .replace(/"경제진흥본부"/, `"${CO}"`)
        .replace(/"attachments":\[[^\]]*\]/g, '"attachments":[]'), // this bundle carries no attachments
    ) as Record<string, unknown>;
    card.department = CO;
    const plan = JSON.parse(JSON.stringify(examples.planJson).replace(/"1-1-1"/g, '"1-1-7"')) as Record<
      string,
      unknown
    >;
    plan.department = CO;
    const planBytes = await signSubmission(await privateKeyOf(co), {
      department: CO,
      period: 'plan',
      revision: 1,
      previousBundleSha256: null,
      documents: [{ path: 'documents/plan-1-1-7-plan.json', json: plan }],
    });
    const refused = await importBundleInputs(office, [{ name: 'plan.pledge', bytes: planBytes }], direct);
    expect(refused[0]).toMatchObject({ status: 'rejected', code: 'NOT_RESPONSIBLE' });
    expect(refused[0]?.reason).toContain(
      '협조부서는 1-1-7의 재정집행현황(자기 부서 확보·집행액)만 작성할 수 있습니다',
    );

    // Its card is authentic: accepted and stored, and the office report lists it (office-report.test.ts).
    const cardBytes = await signSubmission(await privateKeyOf(co), {
      department: CO,
      period: '2019-H1',
      revision: 1,
      previousBundleSha256: null,
      documents: [{ path: 'documents/card-1-1-7-2019-H1.json', json: card }],
    });
    const [heldCard] = await importBundleInputs(office, [{ name: 'card.pledge', bytes: cardBytes }], direct);
    expect(heldCard).toMatchObject({ status: 'accepted', department: CO, documents: 1 });

    const rowBytes = await signSubmission(await privateKeyOf(co), {
      department: CO,
      period: '2019-H1',
      revision: 2,
      previousBundleSha256: sha256Hex(cardBytes),
      documents: [
        {
          path: 'documents/finance-1-1-7-2019-H1.json',
          json: financeRow({ projectId: '1-1-7', department: CO }),
        },
      ],
    });
    const [accepted] = await importBundleInputs(office, [{ name: 'row.pledge', bytes: rowBytes }], direct);
    expect(accepted).toMatchObject({ status: 'accepted', department: CO, documents: 1 });
  });

  it('a document with a schema error is refused naming the file and the field', async () => {
    await enroll(office, dept);
    const bytes = await signSubmission(await privateKeyOf(dept), {
      department: LEAD,
      period: '2019-H1',
      revision: 1,
      previousBundleSha256: null,
      documents: [
        {
          path: 'documents/finance-1-1-1-2019-H1.json',
          json: financeRow({ secured: { national: 500, city: -3, district: null, private: 0, other: null } }),
        },
      ],
    });
    const result = await expectRejected(
      bytes,
      'DOCUMENT_SCHEMA',
      'documents/finance-1-1-1-2019-H1.json: secured.city — 금액은 0 이상의 숫자여야 합니다',
    );
    expect(result?.details).toHaveProperty(['documents/finance-1-1-1-2019-H1.json: secured.city']);
  });

  it('a bundle whose byte was changed on the way is refused', async () => {
    await enroll(office, dept);
    await draftLeadDocuments(dept);
    const exported = await exportBundle(dept, { period: '2019-H1' });
    const bytes = readFileSync(exported.path);
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 200) ^ 0x01, bytes.length - 200);
    const before = await dumpDatabase(office);
    const [result] = await importBundleInputs(office, [{ name: 'x.pledge', bytes }], direct);
    expect(result?.status).toBe('rejected');
    expect(result?.reason.length).toBeGreaterThan(5);
    expect(await dumpDatabase(office)).toEqual(before);
  });
});

describe('files that cannot be taken leave the office database unchanged', () => {
  it('a file over the bundle limit is refused by its size, naming it and the limit', async () => {
    await enroll(office, dept);
    const big = join(dir.path, 'big.pledge');
    writeFileSync(big, Buffer.alloc(0));
    // A sparse file: its size is over the limit without writing 100 MB.
    truncateSync(big, DEFAULT_LIMITS.maxBundleBytes + 1);
    const before = await dumpDatabase(office);
    const [result] = await importBundles(office, [big], undefined, direct);
    expect(result?.status).toBe('rejected');
    expect(result?.code).toBe('ZIP_LIMIT');
    // In MB, with the kind of file and what to check (not byte counts).
    expect(result?.reason).toBe(
      '파일이 너무 큽니다 (100.0MB): 제출 파일은 100.0MB까지 읽습니다. 고른 파일이 제출 파일이 맞는지 확인하세요.',
    );
    expect(await dumpDatabase(office)).toEqual(before);
  });

  it('a bundle changed after it was signed says so and what to do; a key enrollment file is named as one', async () => {
    const keyId = await enroll(office, dept);
    expect(keyId).not.toBe('');
    await draftLeadDocuments(dept);
    const exported = await exportBundle(dept, { period: '2019-H1' });
    const zip = await readZipEntries(readFileSync(exported.path), DEFAULT_LIMITS);
    if (!zip.ok) throw new Error('the exported bundle is not a zip');
    const doc = zip.entries.find((e) => e.name.startsWith('documents/'));
    if (doc === undefined) throw new Error('no document in the bundle');
    const text = doc.data.toString('utf8');
    // One digit changed: the same size, another hash.
    const edited = Buffer.from(
      text.replace(/\d/, (d) => String((Number(d) + 1) % 10)),
      'utf8',
    );
    expect(edited.equals(doc.data)).toBe(false);
    const altered = await packZip(
      zip.entries.map((e) => ({ name: e.name, data: e === doc ? edited : e.data, compress: false })),
    );
    const { text: enrollment } = await exportEnrollment(dept);
    const before = await dumpDatabase(office);
    const [changed, key] = await importBundleInputs(
      office,
      [
        { name: 'changed.pledge', bytes: altered },
        { name: 'key.pledge', bytes: Buffer.from(enrollment, 'utf8') },
      ],
      direct,
    );
    expect(changed).toMatchObject({ status: 'rejected', code: 'MEMBER_HASH' });
    expect(changed?.reason).toMatch(
      /^제출 파일이 서명된 뒤 내용이 바뀌었습니다 \(전송 중 손상되었거나 누군가 고쳤습니다\)\. 반영하지 않았습니다\. 부서에 원래 파일을 다시 보내 달라고 하세요\. \(자세히: 구성 파일 documents\/.+\)$/,
    );
    expect(key).toMatchObject({ status: 'rejected', code: 'ZIP_INVALID' });
    expect(key?.reason).toBe(
      "이 파일은 제출 파일이 아니라 부서 키 등록 파일(.pledgekey.json)입니다. '부서 키 등록부'의 '부서 키 등록 파일·키 교체 문서 가져오기'로 가져오세요.",
    );
    expect(await dumpDatabase(office)).toEqual(before);
  });

  it('a text file named .pledge and a cut-off bundle are said to be no submission file first, the detail after', async () => {
    await enroll(office, dept);
    await draftLeadDocuments(dept);
    const exported = await exportBundle(dept, { period: 'plan' });
    const text = join(dir.path, 'memo.pledge');
    writeFileSync(text, '회의 메모입니다. 제출 파일이 아닙니다.\n');
    const cut = join(dir.path, 'cut.pledge');
    const whole = readFileSync(exported.path);
    writeFileSync(cut, whole.subarray(0, Math.floor(whole.length / 2)));
    const before = await dumpDatabase(office);
    const results = await importBundles(office, [text, cut], undefined, direct);
    for (const result of results) {
      expect(result).toMatchObject({ status: 'rejected', code: 'ZIP_INVALID' });
      expect(result.reason).toMatch(
        /^이 프로그램의 제출 파일\(\.pledge\)이 아니거나 손상된 파일입니다\. 부서에 파일을 다시 보내 달라고 하세요\. \(자세히: .+\)$/,
      );
    }
    expect(await dumpDatabase(office)).toEqual(before);
  });

  it('a file gone or unreadable by the time it is read is refused with the system reason; the others are imported', async () => {
    await enroll(office, dept);
    await draftLeadDocuments(dept);
    const exported = await exportBundle(dept, { period: 'plan' });
    const gone = join(dir.path, 'gone.pledge'); // listed, then moved away before the import read it
    const folder = join(dir.path, 'folder.pledge'); // not a file
    mkdirSync(folder);
    const before = await dumpDatabase(office);
    const results = await importBundleInputs(
      office,
      [
        { name: gone, path: gone },
        { name: folder, path: folder },
        { name: exported.path, path: exported.path },
      ],
      direct,
    );
    expect(results.map((r) => [r.file, r.code])).toEqual([
      [gone, 'FILE_UNREADABLE'],
      [folder, 'FILE_UNREADABLE'],
      [exported.path, 'ACCEPTED'],
    ]);
    expect(results[0]?.reason).toMatch(/^파일을 읽을 수 없습니다: ENOENT/);
    expect(results[1]?.reason).toMatch(/^파일을 읽을 수 없습니다: EISDIR/);
    // Only the readable bundle went in.
    const after = await dumpDatabase(office);
    expect(after.bundles).toHaveLength(before.bundles!.length + 1);
  });
});

describe('keys and quarantine', () => {
  it('an unknown key is quarantined (kept, not merged); approving it releases and imports the bundle', async () => {
    await draftLeadDocuments(dept);
    const exported = await exportBundle(dept, { period: '2019-H1' });
    const [held] = await importBundles(office, [exported.path], undefined, direct);
    expect(held).toMatchObject({ status: 'quarantined', code: 'KEY_UNKNOWN', department: LEAD, revision: 1 });
    expect(await listReceivedDocuments(office.db)).toEqual([]);
    expect((await readArchivedBundle(office, exported.sha256))?.equals(readFileSync(exported.path))).toBe(
      true,
    );
    expect((await listReceivedBundles(office.db, { status: 'quarantined' })).map((b) => b.sha256)).toEqual([
      exported.sha256,
    ]);

    // Same file again while still quarantined: nothing changes.
    const before = await dumpDatabase(office);
    expect((await importBundles(office, [exported.path], undefined, direct))[0]?.status).toBe('duplicate');
    expect(await dumpDatabase(office)).toEqual(before);

    const { text, keyId } = await exportEnrollment(dept);
    await importEnrollment(office, text);
    expect((await listRegistryKeys(office.db))[0]?.status).toBe('pending');
    const approved = await markApproved(office, keyId);
    const released = await releaseQuarantined(office, approved.department, approved.keyId, direct);
    expect(released).toEqual([expect.objectContaining({ status: 'accepted', revision: 1 })]);
    expect((await listReceivedBundles(office.db)).map((b) => b.status)).toEqual(['accepted']);
    expect((await listReceivedDocuments(office.db)).map((d) => d.kind)).toEqual(['financeRow']);
  });

  it('a bundle released after its key is approved keeps the time it arrived (its deadline counts that)', async () => {
    let clock = new Date('2019-07-10T01:00:00Z'); // 10:00 KST, before the 2019-H1 deadline (07-15)
    const late = await makeCopy(dir.path, 'office-clock', { role: 'office' }, () => clock);
    open.push(late);
    await enroll(late, dept, false); // enrolled, approval pending
    await draftLeadDocuments(dept);
    const exported = await exportBundle(dept, { period: '2019-H1' });
    const [held] = await importBundles(late, [exported.path], undefined, direct);
    expect(held).toMatchObject({ status: 'quarantined', code: 'KEY_PENDING' });

    clock = new Date('2019-07-20T01:00:00Z'); // the office approves the key after the deadline
    const keyId = (await listRegistryKeys(late.db))[0]?.keyId as string;
    const approved = await markApproved(late, keyId);
    const released = await releaseQuarantined(late, approved.department, approved.keyId, direct);
    expect(released.map((r) => r.status)).toEqual(['accepted']);
    const [bundle] = await listReceivedBundles(late.db);
    expect(bundle).toMatchObject({ status: 'accepted', importedAt: '2019-07-10T01:00:00.000Z' });
    const received = await listReceivedDocuments(late.db);
    expect(received.length).toBeGreaterThan(0);
    expect(new Set(received.map((d) => d.receivedAt))).toEqual(new Set(['2019-07-10T01:00:00.000Z']));
    // Sent again, it is named with the time it arrived, in the office's time (KST).
    const [again] = await importBundles(late, [exported.path], undefined, direct);
    expect(again?.status).toBe('duplicate');
    expect(again?.reason).toContain('2019-07-10 10:00 가져옴');
  });

  it('a quarantined bundle released into a same-revision conflict is held, no longer listed as quarantined', async () => {
    await enroll(office, dept);
    const finance = 'documents/finance-1-1-1-2019-H1.json';
    const first = await signSubmission(await privateKeyOf(dept), {
      department: LEAD,
      period: '2019-H1',
      revision: 1,
      previousBundleSha256: null,
      documents: [{ path: finance, json: financeRow() }],
    });
    expect((await importBundleInputs(office, [{ name: 'a.pledge', bytes: first }], direct))[0]?.status).toBe(
      'accepted',
    );
    // A second PC of the department, its key enrolled but not approved yet, sends its own r1.
    const other = await copy('dept-2', { role: 'department', department: LEAD });
    const otherKey = await enroll(office, other, false);
    const second = await signSubmission(await privateKeyOf(other), {
      department: LEAD,
      period: '2019-H1',
      revision: 1,
      previousBundleSha256: null,
      documents: [{ path: finance, json: financeRow({ note: '다른 PC' }) }],
    });
    const [quarantined] = await importBundleInputs(office, [{ name: 'b.pledge', bytes: second }], direct);
    expect(quarantined).toMatchObject({ status: 'quarantined', code: 'KEY_PENDING' });
    const arrived = (await listReceivedBundles(office.db, { status: 'quarantined' }))[0]?.importedAt;

    const approved = await markApproved(office, otherKey);
    const released = await releaseQuarantined(office, approved.department, approved.keyId, direct);
    expect(released).toEqual([
      expect.objectContaining({ status: 'held', code: 'REVISION_CONFLICT', sha256: sha256Hex(second) }),
    ]);
    // Held only: the quarantine list, the receipts and 제출 현황 say the same.
    expect(await listReceivedBundles(office.db, { status: 'quarantined' })).toEqual([]);
    expect((await listHeldBundles(office.db)).map((b) => [b.sha256, b.importedAt])).toEqual([
      [sha256Hex(second), arrived],
    ]);
    expect(
      (await officeReceipts(office.db, office.now().toISOString())).bundles.map((b) => [b.sha256, b.state]),
    ).toEqual([
      [sha256Hex(first), 'accepted'],
      [sha256Hex(second), 'held'],
    ]);
    expect((await submissionsOf(office.db, '2019-H1')).map((s) => [s.bundleSha256, s.signature])).toEqual([
      [sha256Hex(first), 'valid'],
    ]);
    // Sent again, it is named as the held conflict it is, and nothing changes.
    const before = await dumpDatabase(office);
    const [again] = await importBundleInputs(office, [{ name: 'b.pledge', bytes: second }], direct);
    expect(again).toMatchObject({ status: 'duplicate', reason: expect.stringContaining('충돌로 보류 중') });
    expect(await dumpDatabase(office)).toEqual(before);
  });

  it('a pending key quarantines too', async () => {
    await enroll(office, dept, false);
    await draftLeadDocuments(dept);
    const exported = await exportBundle(dept, { period: '2019-H1' });
    const [held] = await importBundles(office, [exported.path], undefined, direct);
    expect(held).toMatchObject({ status: 'quarantined', code: 'KEY_PENDING' });
  });

  it('a revoked key quarantines its bundles and cannot be approved again', async () => {
    const keyId = await enroll(office, dept);
    await draftLeadDocuments(dept);
    await revokeKey(office, keyId);
    const exported = await exportBundle(dept, { period: '2019-H1' });
    const [held] = await importBundles(office, [exported.path], undefined, direct);
    expect(held).toMatchObject({ status: 'quarantined', code: 'KEY_REVOKED' });
    expect(await listReceivedDocuments(office.db)).toEqual([]);
    await expect(markApproved(office, keyId)).rejects.toThrow('폐기된 키');
  });
});

describe.runIf(findVerifyWorkerFile() !== null)(
  'the worker verifier (built out/main/verify-worker.mjs)',
  () => {
    it('imports through the worker thread like the app and the CLI do', async () => {
      await enroll(office, dept);
      await draftLeadDocuments(dept);
      const exported = await exportBundle(dept, { period: 'plan' });
      const [result] = await importBundles(office, [exported.path]);
      expect(result).toMatchObject({ status: 'accepted', documents: 1 });
    });
  },
);
