import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { examples } from '../../domain/documents/test-fixtures';
import { getDocument, saveDocument } from '../../db/documents';
import { getReferenceData } from '../../db/reference-data';
import { makeTempDir } from '../../db/test/temp-dir';
import { josa } from '../../domain/text/josa';
import { listReceivedBundles } from '../../db/bundles';
import { applyBaseline, appliedBaseline, BASELINE_PATHS, exportBaseline } from './baseline';
import { handMadeBaseline } from './test-support/hand-made-baseline';
import { exportBundle } from './bundle-export';
import { importBundles } from './bundle-import';
import {
  dumpDatabase,
  enroll,
  makeCopy,
  privateKeyOf,
  sha256Hex,
  signSubmission,
} from './bundle-test-support';
import { directVerifier } from './bundle-verify';
import type { AppContext } from './context';
import { deadlineView } from './deadlines';
import { exportEnrollment, importEnrollment, withdrawOfficeKeyTrust } from './key-service';
import { officeReceipts, sentBundlesWithReceipts } from './receipts';
import { loadCatalog, loadTerm } from './reference';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

let dir: ReturnType<typeof makeTempDir>;
let office: AppContext;
let dept: AppContext;
beforeEach(async () => {
  dir = makeTempDir('pledge-baseline-');
  office = await makeCopy(dir.path, 'office', { role: 'office' });
  dept = await makeCopy(dir.path, 'dept', { role: 'department', department: '경제진흥본부' });
});
afterEach(async () => {
  await office.close();
  await dept.close();
  dir.remove();
});

/** The example plan of 1-1-1, confirmed at the office (as 실천계획 확정 stores it). */
async function planConfirmedAtOffice(): Promise<Record<string, unknown>> {
  const plan = { ...structuredClone(examples.planJson), lifecycle: 'confirmed' };
  await saveDocument(
    office.db,
    {
      kind: 'executionPlan',
      projectId: '1-1-1',
      slot: 'plan',
      department: '경제진흥본부',
      json: plan,
      status: 'confirmed',
      reason: 'confirm',
      allowFrozen: true,
    },
    office.now(),
  );
  return plan;
}

describe('baseline package (office → department)', () => {
  it('brings the confirmed plan back to a department copy, verified with the trusted office key', async () => {
    const plan = await planConfirmedAtOffice();
    const exported = await exportBaseline(office);
    expect(exported).toMatchObject({ revision: 1, plans: 1 });

    const bytes = readFileSync(exported.path);
    expect(await appliedBaseline(dept.db)).toBeNull();
    await expect(
      applyBaseline(dept, { name: 'b.pledge', bytes }, { verifier: directVerifier }),
    ).rejects.toThrow('기획담당관의 키가 등록되어 있지 않습니다');
    await importEnrollment(dept, (await exportEnrollment(office)).text);
    const applied = await applyBaseline(dept, { name: 'b.pledge', bytes }, { verifier: directVerifier });
    expect(applied).toMatchObject({ status: 'applied', revision: 1, plans: 1 });
    // Kept for the panel after the person has left it: which package, and when.
    expect(await appliedBaseline(dept.db)).toEqual({
      revision: 1,
      sha256: sha256Hex(bytes),
      appliedAt: dept.now().toISOString(),
    });
    const stored = await getDocument(dept.db, 'executionPlan:1-1-1:plan:경제진흥본부');
    expect(stored?.status).toBe('confirmed');
    expect(stored?.json).toEqual(plan);
    expect((await getReferenceData(dept.db, 'catalog'))?.version).toBe(applied.catalogVersion);

    // A department's own key cannot sign a baseline: a forged package fails verification.
    const tampered = Buffer.from(bytes);
    tampered.writeUInt8(tampered.readUInt8(100) ^ 1, 100);
    await expect(
      applyBaseline(dept, { name: 'x.pledge', bytes: tampered }, { verifier: directVerifier }),
    ).rejects.toThrow('기준 자료를 적용하지 않았습니다');
    expect(
      (await applyBaseline(dept, { name: 'b.pledge', bytes }, { verifier: directVerifier })).status,
    ).toBe('duplicate');
    const second = await exportBaseline(office);
    expect((await applyBaseline(dept, { path: second.path }, { verifier: directVerifier })).revision).toBe(2);
    expect((await appliedBaseline(dept.db))?.sha256).toBe(sha256Hex(readFileSync(second.path)));
    await expect(
      applyBaseline(dept, { name: 'b.pledge', bytes }, { verifier: directVerifier }),
    ).rejects.toThrow('r1은 이미 적용한 r2보다 오래되었습니다');
  });

  it('brings the office’s decision on a change request back to its department, a 반려 with its reason as well as a 승인', async () => {
    const request = (requestId: string, last: { status: 'approved' | 'rejected'; note: string }) => ({
      ...structuredClone(examples.changeRequestJson),
      requestId,
      projectId: '1-1-1',
      department: '경제진흥본부',
      lifecycle: 'confirmed',
      decisionHistory: [
        { status: 'requested', date: '2019-07-01', by: '경제진흥본부', note: '' },
        { status: 'reviewing', date: '2019-07-05', by: '기획담당관', note: '' },
        { status: last.status, date: '2019-07-10', by: '시민공약평가단', note: last.note },
      ],
    });
    const decided = [
      request('cr-approved', { status: 'approved', note: '원안 가결' }),
      request('cr-rejected', { status: 'rejected', note: '공약 취지와 맞지 않음' }),
    ];
    for (const json of decided) {
      await saveDocument(
        office.db,
        {
          kind: 'changeRequest',
          projectId: '1-1-1',
          slot: json.requestId,
          department: '경제진흥본부',
          json,
          status: 'confirmed',
          reason: 'confirm',
          allowFrozen: true,
        },
        office.now(),
      );
    }
    const exported = await exportBaseline(office);
    expect(exported).toMatchObject({ changeRequests: 1, rejectedChangeRequests: 1 });
    await importEnrollment(dept, (await exportEnrollment(office)).text);
    const applied = await applyBaseline(dept, { path: exported.path }, { verifier: directVerifier });
    expect(applied).toMatchObject({ status: 'applied', changeRequests: 1, rejectedChangeRequests: 1 });
    for (const json of decided) {
      const stored = await getDocument(dept.db, `changeRequest:1-1-1:${json.requestId}:경제진흥본부`);
      expect(stored?.status).toBe('confirmed');
      expect((stored?.json as { decisionHistory: unknown }).decisionHistory).toEqual(json.decisionHistory);
    }
  });

  it('a damaged package, or one signed by a key not trusted here, is refused saying what to ask the office for', async () => {
    await importEnrollment(dept, (await exportEnrollment(office)).text);
    const bytes = readFileSync((await exportBaseline(office)).path);
    const before = await dumpDatabase(dept);
    const apply = (changed: Buffer) =>
      applyBaseline(dept, { name: 'b.pledge', bytes: changed }, { verifier: directVerifier });
    // Cut short on the way (a mail attachment, a USB stick pulled), or one byte changed inside.
    const cut = bytes.subarray(0, bytes.length - 40);
    await expect(apply(cut)).rejects.toThrow('기획담당관에게 기준 자료를 다시 보내 달라고 하세요');
    const flipped = Buffer.from(bytes);
    const at = flipped.indexOf('"projects"') + 3;
    flipped.writeUInt8(flipped.readUInt8(at) ^ 1, at);
    await expect(apply(flipped)).rejects.toThrow(/다시 보내 달라고 하세요/);
    // Signed by another office copy's key (a new PC, a restore: a new key): the office's new key file comes first.
    const other = await makeCopy(dir.path, 'office-2', { role: 'office' });
    try {
      const foreign = readFileSync((await exportBaseline(other)).path);
      await expect(apply(foreign)).rejects.toThrow(
        "기획담당관의 새 키 등록 파일을 받아 '기획담당관 키 등록 파일 가져오기'로 먼저 가져온 뒤 다시 적용하세요",
      );
    } finally {
      await other.close();
    }
    expect(await dumpDatabase(dept)).toEqual(before);
  });

  it('a withdrawn office key verifies nothing more, and cannot be trusted again', async () => {
    const enrollment = (await exportEnrollment(office)).text;
    const trusted = await importEnrollment(dept, enrollment);
    const first = await exportBaseline(office);
    const second = await exportBaseline(office);
    await applyBaseline(dept, { path: first.path }, { verifier: directVerifier });
    await expect(withdrawOfficeKeyTrust(office, trusted.key.keyId)).rejects.toThrow(
      '주관부서로 설정된 PC에서만',
    );
    await expect(withdrawOfficeKeyTrust(dept, 'ffffffffffffffff')).rejects.toThrow(
      '신뢰 목록에 키 ID ffffffffffffffff인 기획담당관 키가 없습니다',
    );

    const status = await withdrawOfficeKeyTrust(dept, trusted.key.keyId);
    expect(status.trustedOfficeKeys).toEqual([
      { keyId: trusted.key.keyId, fingerprint: trusted.key.fingerprint, status: 'revoked' },
    ]);
    // A package made before the withdrawal is refused too, and nothing of it is applied.
    const before = await dumpDatabase(dept);
    await expect(applyBaseline(dept, { path: second.path }, { verifier: directVerifier })).rejects.toThrow(
      `신뢰를 철회한 기획담당관 키(키 ID ${trusted.key.keyId})로 서명되었습니다`,
    );
    expect(await dumpDatabase(dept)).toEqual(before);
    await expect(importEnrollment(dept, enrollment)).rejects.toThrow('신뢰를 철회한 기획담당관 키');
    // Withdrawing again changes nothing.
    expect((await withdrawOfficeKeyTrust(dept, trusted.key.keyId)).trustedOfficeKeys).toEqual(
      status.trustedOfficeKeys,
    );
  });
});

describe('접수 확인: the baseline package tells a department which of its files the office holds', () => {
  const LEAD = '경제진흥본부';
  const OTHER = '여성가족정책실';
  const finance = (note: string) => ({ ...structuredClone(examples.financeRowJson), note });

  async function draftFinance(note: string): Promise<void> {
    await saveDocument(
      dept.db,
      {
        kind: 'financeRow',
        projectId: '1-1-1',
        slot: '2019-H1',
        department: LEAD,
        json: finance(note),
        reason: 'autosave',
      },
      dept.now(),
    );
  }

  async function apply(path: string) {
    return applyBaseline(dept, { path }, { verifier: directVerifier });
  }

  async function lastSentReceipt() {
    const view = await deadlineView(
      dept.db,
      await loadCatalog(dept.db),
      await loadTerm(dept.db),
      LEAD,
      '2019-07-10',
    );
    return view.lastSent?.receipt;
  }

  it('lists every kept file by state; a department keeps and shows only its own', async () => {
    await importEnrollment(dept, (await exportEnrollment(office)).text);
    await enroll(office, dept);
    const other = await makeCopy(dir.path, 'other', { role: 'department', department: OTHER });
    try {
      await enroll(office, other, false); // registered, not approved: its file waits in quarantine

      // r1 reaches the office; r2 is made after a fix but never arrives.
      await draftFinance('첫 제출');
      const r1 = await exportBundle(dept, { period: '2019-H1' });
      await draftFinance('고친 비고');
      const r2 = await exportBundle(dept, { period: '2019-H1' });
      // A second, different r1 (the department's data copied to another PC): held as a conflict.
      const twin = await signSubmission(await privateKeyOf(dept), {
        department: LEAD,
        period: '2019-H1',
        revision: 1,
        previousBundleSha256: null,
        documents: [{ path: 'documents/finance-1-1-1-2019-H1.json', json: finance('다른 PC') }],
      });
      const twinPath = join(dir.path, 'twin.pledge');
      writeFileSync(twinPath, twin);
      const otherFile = await signSubmission(await privateKeyOf(other), {
        department: OTHER,
        period: '2019-H1',
        revision: 1,
        previousBundleSha256: null,
        documents: [],
      });
      const otherPath = join(dir.path, 'other.pledge');
      writeFileSync(otherPath, otherFile);
      const imported = await importBundles(office, [r1.path, twinPath, otherPath], undefined, {
        verifier: directVerifier,
      });
      // The unapproved key's file is kept in quarantine before its content is looked at.
      expect(imported.map((r) => r.status)).toEqual(['accepted', 'held', 'quarantined']);

      const exported = await exportBaseline(office);
      expect(exported.receipts).toBe(3);
      const receipts = await officeReceipts(office.db, 'x');
      expect(
        receipts.bundles.map((b) => [b.department, b.revision, b.state, b.sha256 === sha256Hex(twin)]),
      ).toEqual([
        [LEAD, 1, 'accepted', false],
        [LEAD, 1, 'held', true],
        [OTHER, 1, 'quarantined', false],
      ]);

      // Before any package: nothing is known, nothing is said.
      expect(await lastSentReceipt()).toBeNull();
      const applied = await apply(exported.path);
      expect(applied).toMatchObject({
        status: 'applied',
        receipts: 2,
        receiptsAsOf: office.now().toISOString(),
      });
      // The last file made (r2) is not among them. Made when the package was (by two PCs' clocks), it may be on its
      // way: nothing alarming is said.
      expect(r2.revision).toBe(2);
      expect(await lastSentReceipt()).toMatchObject({
        state: 'missing',
        mayBeInTransit: true,
        receivedUpTo: 1,
      });
      // Two days on, a new package still without it: now it is missing, and the office holds r1 only.
      office.now = () => new Date('2019-07-03T09:00:00Z');
      await apply((await exportBaseline(office)).path);
      expect(await lastSentReceipt()).toEqual({
        asOf: '2019-07-03T09:00:00.000Z',
        state: 'missing',
        receivedAt: null,
        mayBeInTransit: false,
        receivedUpTo: 1,
      });

      // The list of files made says it per file, newest first.
      expect((await sentBundlesWithReceipts(dept.db)).map((b) => [b.revision, b.receipt?.state])).toEqual([
        [2, 'missing'],
        [1, 'accepted'],
      ]);

      // r2 arrives; the next package says so, with the time the office took it in.
      await importBundles(office, [r2.path], undefined, { verifier: directVerifier });
      const second = await exportBaseline(office);
      expect((await apply(second.path)).receipts).toBe(3);
      const receipt = await lastSentReceipt();
      expect(receipt).toMatchObject({ state: 'accepted', asOf: office.now().toISOString() });
      const [stored] = await listReceivedBundles(office.db);
      expect(receipt?.receivedAt).toBe(
        (await listReceivedBundles(office.db)).find((b) => b.revision === 2 && b.department === LEAD)
          ?.importedAt,
      );
      expect(stored).toBeDefined();
    } finally {
      await other.close();
    }
  });

  it('applies a package whole or not at all: a write failing at its last step leaves every table as it was', async () => {
    await importEnrollment(dept, (await exportEnrollment(office)).text);
    await planConfirmedAtOffice();
    const bytes = readFileSync((await exportBaseline(office)).path);
    // The disk fills up (or the PC is switched off) as the package's last write is made: SQLite refuses it.
    await dept.db.executeQuery(
      sql`create trigger full_disk before insert on settings when new.key = 'baseline.applied'
          begin select raise(abort, 'database or disk is full'); end`.compile(dept.db),
    );
    const before = await dumpDatabase(dept);
    await expect(
      applyBaseline(dept, { name: 'b.pledge', bytes }, { verifier: directVerifier }),
    ).rejects.toThrow('database or disk is full');
    expect(await dumpDatabase(dept)).toEqual(before);
    // Room again: the same package applies, all of it.
    await dept.db.executeQuery(sql`drop trigger full_disk`.compile(dept.db));
    expect(
      (await applyBaseline(dept, { name: 'b.pledge', bytes }, { verifier: directVerifier })).status,
    ).toBe('applied');
    expect((await getDocument(dept.db, 'executionPlan:1-1-1:plan:경제진흥본부'))?.status).toBe('confirmed');
  });

  it('refuses a package whose receipt list is malformed, and applies nothing of it', async () => {
    await importEnrollment(dept, (await exportEnrollment(office)).text);
    const bytes = await handMadeBaseline(office, [
      { path: BASELINE_PATHS.receipts, json: { asOf: 'x', bundles: [{ department: LEAD }] } },
    ]);
    const before = await dumpDatabase(dept);
    await expect(
      applyBaseline(dept, { name: 'b.pledge', bytes }, { verifier: directVerifier }),
    ).rejects.toThrow('기준 자료의 접수 내역(documents/reference/receipts.json)이 올바르지 않습니다.');
    expect(await dumpDatabase(dept)).toEqual(before);
  });
  it('refuses a package whose plan histories are malformed, and applies nothing of it', async () => {
    await importEnrollment(dept, (await exportEnrollment(office)).text);
    // A history of one version only (a plan confirmed once is never listed), and one whose instant is no date.
    for (const json of [
      {
        asOf: 'x',
        plans: [{ projectId: '1-1-1', versions: [{ from: '2019-03-04T01:00:00.000Z', plan: {} }] }],
      },
      { asOf: 'x', plans: [{ projectId: '1-1-1', versions: [{ from: '어제' }, { from: '오늘' }] }] },
    ]) {
      const bytes = await handMadeBaseline(office, [{ path: BASELINE_PATHS.planHistories, json }]);
      const before = await dumpDatabase(dept);
      await expect(
        applyBaseline(dept, { name: 'b.pledge', bytes }, { verifier: directVerifier }),
      ).rejects.toThrow(
        '기준 자료의 실천계획서 변경 이력(documents/reference/plan-histories.json)이 올바르지 않습니다.',
      );
      expect(await dumpDatabase(dept)).toEqual(before);
    }
  });
  it('says a refused package came from a newer office program, and applies nothing of it', async () => {
    await importEnrollment(dept, (await exportEnrollment(office)).text);
    const packageOf = (appVersion: string, revision: number) =>
      handMadeBaseline(
        office,
        // What a later program might send and this one does not know.
        [{ path: 'documents/reference/notices.json', json: { notices: [] } }],
        { appVersion, revision },
      );
    const newer = bumpMajor(dept.appVersion);
    const unknownDocument = `기준 자료에 알 수 없는 문서 ${josa('documents/reference/notices.json', '이/가')} 있습니다.`;
    const before = await dumpDatabase(dept);
    const refusal = await applyBaseline(
      dept,
      { name: 'b.pledge', bytes: await packageOf(newer, 1) },
      { verifier: directVerifier },
    ).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(Error);
    const message = (refusal as Error).message;
    expect(message).toContain(unknownDocument);
    expect(message).toContain(`더 새 프로그램(버전 ${newer})`);
    expect(message).toContain(`이 PC의 프로그램(버전 ${dept.appVersion})`);
    expect(await dumpDatabase(dept)).toEqual(before);
    // From a program of the same version the refusal names the document alone.
    const sameVersion = await applyBaseline(
      dept,
      { name: 'b.pledge', bytes: await packageOf(dept.appVersion, 1) },
      { verifier: directVerifier },
    ).catch((error: unknown) => error);
    expect((sameVersion as Error).message).toBe(unknownDocument);
    expect(await dumpDatabase(dept)).toEqual(before);
  });
});

/** The next major release after "x.y.z". */
function bumpMajor(version: string): string {
  const major = Number(/^(\d+)\./.exec(version)?.[1] ?? '0');
  return `${major + 1}.0.0`;
}
