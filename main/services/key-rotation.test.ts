// Key rotation and revocation at the office, through the real key service and import: real data folders, real
// keys and signatures, real SQLite. A key replaced by a rotation is retired — still valid for what it signed before
// — while a revoked key (lost or stolen) is valid for nothing.
import BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { examples } from '../../domain/documents/test-fixtures';
import { localDateTimeOf } from '../../domain/reports/submissions';
import { putAttachment } from '../../db/attachments';
import { listReceivedBundles, putReceivedBundle } from '../../db/bundles';
import { saveDocument } from '../../db/documents';
import { getRegistryKey, listRegistryKeys } from '../../db/keys';
import { migrate } from '../../db/migrate';
import { migrations } from '../../db/migrations/index';
import { makeTempDir } from '../../db/test/temp-dir';
import { DEFAULT_LIMITS } from '../bundles';
import { readZipEntries } from '../bundles/read';
import { exportBundle } from './bundle-export';
import { bundleHandlers } from './bundle-handlers';
import { importBundles, releaseQuarantined } from './bundle-import';
import { enroll, makeCopy, privateKeyOf, signSubmission } from './bundle-test-support';
import { directVerifier } from './bundle-verify';
import { databasePathIn, type AppContext } from './context';
import {
  applyRotation,
  exportEnrollment,
  getKeyStatus,
  importEnrollment,
  markApproved,
  revokeKey,
  rotateOwnKey,
} from './key-service';

const LEAD = '경제진흥본부';
const direct = { verifier: directVerifier };

let dir: ReturnType<typeof makeTempDir>;
let office: AppContext;
let dept: AppContext;
const open: AppContext[] = [];

/** One clock for both copies, a minute further on each reading: every step happens after the one before. */
let t = 0;
const clock = (): Date => new Date((t += 60_000));

beforeEach(async () => {
  t = Date.parse('2019-07-01T00:00:00Z');
  dir = makeTempDir('pledge-key-rotation-');
  office = await makeCopy(dir.path, 'office', { role: 'office' }, clock);
  dept = await makeCopy(dir.path, 'dept', { role: 'department', department: LEAD }, clock);
  open.push(office, dept);
});
afterEach(async () => {
  for (const ctx of open.splice(0)) await ctx.close();
  dir.remove();
});

/** The department's plan (with its PDF) and its 2019-H1 finance row, drafted the normal way. */
async function draftLeadDocuments(ctx: AppContext): Promise<void> {
  const pdf = Buffer.from('%PDF-1.4 보도자료 핀테크 산업 육성계획\n', 'utf8');
  const info = await putAttachment(ctx.db, pdf, 'application/pdf', ctx.now());
  const plan = JSON.parse(
    JSON.stringify(examples.planJson).replace(
      /b342f68b4f03641e02bc12bb9a38522b802c332afb795f3d5ac4d55240c64c89/g,
      info.sha256,
    ),
  ) as unknown;
  for (const doc of [
    { kind: 'executionPlan', slot: 'plan', json: plan },
    { kind: 'financeRow', slot: '2019-H1', json: structuredClone(examples.financeRowJson) },
  ] as const) {
    await saveDocument(
      ctx.db,
      { ...doc, projectId: '1-1-1', department: LEAD, reason: 'submit', status: 'submitted' },
      ctx.now(),
    );
  }
}

const import1 = async (path: string) => (await importBundles(office, [path], undefined, direct))[0];
const quarantined = async () =>
  (await listReceivedBundles(office.db, { status: 'quarantined' })).map(
    (b) => `r${b.revision} ${b.reasonCode}`,
  );

describe('a key replaced by a rotation (retired)', () => {
  it('bundles it signed before the rotation are accepted after the office applied it, and the new key continues the chain', async () => {
    const oldKey = await enroll(office, dept);
    await draftLeadDocuments(dept);
    const r1 = await exportBundle(dept, { period: 'plan' });
    expect(await import1(r1.path)).toMatchObject({ status: 'accepted', revision: 1 });
    // r2 is made with the old key and mailed; then the department rotates, and r3 is signed by the new key.
    const r2 = await exportBundle(dept, { period: '2019-H1' });
    const rotated = await rotateOwnKey(dept);
    const r3 = await exportBundle(dept, { period: '2019-H1' });
    // The statement arrives first: the office applies it, then imports r2 and r3.
    const statement = readFileSync(rotated.path, 'utf8');
    const { key, replaced } = await applyRotation(office, statement);
    expect(key).toMatchObject({ keyId: rotated.keyId, status: 'approved', replacesKeyId: oldKey });
    // Retired at the moment the department made the new key (its clock, as the bundles' createdAt).
    expect(replaced).toMatchObject({ keyId: oldKey, status: 'retired', revokedAt: key.validFrom });

    const results = await importBundles(office, [r2.path, r3.path], undefined, direct);
    expect(results.map((r) => [r.revision, r.status, r.code])).toEqual([
      [2, 'accepted', 'ACCEPTED'],
      [3, 'accepted', 'ACCEPTED'],
    ]);
    expect(await quarantined()).toEqual([]);
    // And the department goes on: its next file is taken too.
    const r4 = await exportBundle(dept, { period: '2019-H1' });
    expect(await import1(r4.path)).toMatchObject({ status: 'accepted', revision: 4 });
    // A retired key is not approved again; the message says what it still does.
    await expect(markApproved(office, oldKey)).rejects.toMatchObject({ code: 'KEY_RETIRED' });
    await expect(markApproved(office, oldKey)).rejects.toThrow('교체 전에 서명한 파일은 그대로 받습니다');
  });

  it('a bundle it signed after the rotation is refused, saying when it was replaced and what to do', async () => {
    const oldKey = await enroll(office, dept);
    await draftLeadDocuments(dept);
    const r1 = await exportBundle(dept, { period: '2019-H1' });
    expect(await import1(r1.path)).toMatchObject({ status: 'accepted' });
    const oldPrivate = await privateKeyOf(dept);
    const rotated = await rotateOwnKey(dept);
    const { replaced } = await applyRotation(office, readFileSync(rotated.path, 'utf8'));
    const retiredAt = replaced.revokedAt as string;
    // Another PC still holding the old key signs r2 after the rotation.
    const late = await signSubmission(oldPrivate, {
      department: LEAD,
      period: '2019-H1',
      revision: 2,
      previousBundleSha256: r1.sha256,
      createdAt: clock().toISOString(),
      documents: [
        { path: 'documents/finance-1-1-1-2019-H1.json', json: structuredClone(examples.financeRowJson) },
      ],
    });
    const [result] = await bundleHandlers(office, direct).importBundleData({
      files: [{ name: 'r2.pledge', dataBase64: late.toString('base64') }],
    });
    expect(result).toMatchObject({ status: 'rejected', code: 'KEY_RETIRED', revision: null });
    expect(result?.reason).toContain(
      `키 교체로 ${localDateTimeOf(retiredAt)}에 새 키로 바뀐 이전 키(키 ID ${oldKey}`,
    );
    expect(result?.reason).toContain('부서에 새 키로 파일을 다시 만들어 보내 달라고 하세요');
    expect(result?.reason).not.toContain('키를 승인하면');
    expect(await quarantined()).toEqual([]);
  });

  it('applying the rotation releases the old key’s bundles waiting in quarantine, reported like other releases', async () => {
    const oldKey = await enroll(office, dept, false); // registered, approval pending
    await draftLeadDocuments(dept);
    const r1 = await exportBundle(dept, { period: 'plan' });
    const r2 = await exportBundle(dept, { period: '2019-H1' });
    const r3 = await exportBundle(dept, { period: '2019-H1' });
    // r1 and r3 arrive while the key waits; r2 is late.
    await importBundles(office, [r1.path, r3.path], undefined, direct);
    expect(await quarantined()).toEqual(['r1 KEY_PENDING', 'r3 KEY_PENDING']);
    const handlers = bundleHandlers(office, direct);
    const approved = await handlers.approveKey({ keyId: oldKey });
    expect(approved.released.map((r) => [r.revision, r.status, r.code])).toEqual([
      [1, 'accepted', 'ACCEPTED'],
      [3, 'rejected', 'CHAIN_FORK'],
    ]);
    // r3 stays in quarantine until r2 is in; r2 arrives; then the department rotates its key.
    expect(await import1(r2.path)).toMatchObject({ status: 'accepted', revision: 2 });
    const rotated = await rotateOwnKey(dept);
    const applied = await handlers.importEnrollment({ text: readFileSync(rotated.path, 'utf8') });
    expect(applied).toMatchObject({ kind: 'rotation', keyId: rotated.keyId, status: 'approved' });
    expect(applied.released.map((r) => [r.revision, r.status, r.code])).toEqual([
      [3, 'accepted', 'ACCEPTED'],
    ]);
    expect(await quarantined()).toEqual([]);
    expect((await getRegistryKey(office.db, LEAD, oldKey))?.status).toBe('retired');
  });

  it('revoked after the rotation (lost or stolen), it refuses even what it signed before', async () => {
    const oldKey = await enroll(office, dept);
    await draftLeadDocuments(dept);
    const r1 = await exportBundle(dept, { period: 'plan' });
    expect(await import1(r1.path)).toMatchObject({ status: 'accepted' });
    const r2 = await exportBundle(dept, { period: '2019-H1' });
    const rotated = await rotateOwnKey(dept);
    const { replaced } = await applyRotation(office, readFileSync(rotated.path, 'utf8'));
    expect(replaced.status).toBe('retired');
    expect(await revokeKey(office, oldKey)).toMatchObject({ status: 'revoked' });
    expect(await import1(r2.path)).toMatchObject({ status: 'quarantined', code: 'KEY_REVOKED' });
  });
});

describe('a revoked key', () => {
  it('keeps its bundles in quarantine and says they are not taken and what the office can do, not that approving helps', async () => {
    const keyId = await enroll(office, dept);
    await draftLeadDocuments(dept);
    await revokeKey(office, keyId);
    const exported = await exportBundle(dept, { period: '2019-H1' });
    const result = await import1(exported.path);
    expect(result).toMatchObject({ status: 'quarantined', code: 'KEY_REVOKED' });
    expect(result?.reason).not.toContain('키를 승인하면 반영됩니다');
    expect(result?.reason).toContain('폐기한 키는 다시 승인할 수 없어 이 파일은 그대로는 반영되지 않습니다');
    expect(result?.reason).toContain('부서에 새 키를 등록하게 하고');
    const again = await import1(exported.path);
    expect(again).toMatchObject({ status: 'duplicate' });
    expect(again?.reason).toContain('폐기된 키로 서명되어 반영되지 않습니다');
    expect(again?.reason).not.toContain('키가 승인되면');
    // Releasing changes nothing for it.
    expect((await releaseQuarantined(office, LEAD, keyId, direct)).map((r) => r.status)).toEqual([
      'duplicate',
    ]);
    expect(await quarantined()).toEqual(['r1 KEY_REVOKED']);
  });
});

describe('a chain link missing because it waits in quarantine', () => {
  /** r1 accepted; the key then revoked; r2 (old key) and r3 (a newly enrolled key, after r2). */
  async function revokedInTheMiddle(): Promise<{ r2: string; r3: string }> {
    const oldKey = await enroll(office, dept);
    await draftLeadDocuments(dept);
    const r1 = await exportBundle(dept, { period: 'plan' });
    expect(await import1(r1.path)).toMatchObject({ status: 'accepted' });
    await revokeKey(office, oldKey);
    const r2 = await exportBundle(dept, { period: '2019-H1' });
    // The department gets a new key, which the office registers and approves after the phone check.
    await rotateOwnKey(dept);
    const { text, keyId } = await exportEnrollment(dept);
    await importEnrollment(office, text);
    await markApproved(office, keyId);
    const r3 = await exportBundle(dept, { period: '2019-H1' });
    return { r2: r2.path, r3: r3.path };
  }

  it('the refusal says the previous file is in quarantine and why, instead of asking for it', async () => {
    const { r2, r3 } = await revokedInTheMiddle();
    expect(await import1(r2)).toMatchObject({ status: 'quarantined', code: 'KEY_REVOKED' });
    const result = await import1(r3);
    expect(result).toMatchObject({ status: 'rejected', code: 'CHAIN_FORK', revision: 3 });
    expect(result?.reason).toContain('r2 파일은 이미 받아 격리 보관 중입니다');
    expect(result?.reason).toContain('r2는 폐기된 키로 서명되어 반영할 수 없어');
    expect(result?.reason).not.toContain('먼저 가져오거나');
  });

  it('also when both files come in one import (the quarantined one is written first)', async () => {
    const { r2, r3 } = await revokedInTheMiddle();
    const results = await importBundles(office, [r3, r2], undefined, direct);
    expect(results.map((r) => [r.revision, r.status, r.code])).toEqual([
      [3, 'rejected', 'CHAIN_FORK'],
      [2, 'quarantined', 'KEY_REVOKED'],
    ]);
    expect(results[0]?.reason).toContain('r2 파일은 이미 받아 격리 보관 중입니다');
    expect(results[0]?.reason).not.toContain('먼저 가져오거나');
  });
  it("also for a department's first file: its r1 waits in quarantine, so r2 is not told to import r1 first", async () => {
    const oldKey = await enroll(office, dept);
    await draftLeadDocuments(dept);
    await revokeKey(office, oldKey);
    const r1 = await exportBundle(dept, { period: 'plan' });
    await rotateOwnKey(dept);
    const { text, keyId } = await exportEnrollment(dept);
    await importEnrollment(office, text);
    await markApproved(office, keyId);
    const r2 = await exportBundle(dept, { period: '2019-H1' });
    expect(await import1(r1.path)).toMatchObject({ status: 'quarantined', code: 'KEY_REVOKED' });
    const result = await import1(r2.path);
    expect(result).toMatchObject({ status: 'rejected', code: 'CHAIN_FORK', revision: 2 });
    expect(result?.reason).toContain('r1 파일은 이미 받아 격리 보관 중입니다');
    expect(result?.reason).not.toContain('먼저(또는 함께) 가져오세요');
    expect(await quarantined()).toEqual(['r1 KEY_REVOKED']);
  });
});

describe('a registry written before retired keys existed (schema 11)', () => {
  it('a key an earlier rotation marked revoked becomes retired, and what it signed before the rotation is accepted', async () => {
    await draftLeadDocuments(dept);
    const oldKey = (await getKeyStatus(dept)).keyId as string;
    const { text: enrollment } = await exportEnrollment(dept);
    const r1 = await exportBundle(dept, { period: 'plan' });
    const r2 = await exportBundle(dept, { period: '2019-H1' });
    const rotated = await rotateOwnKey(dept);
    const r3 = await exportBundle(dept, { period: '2019-H1' });

    // An office data folder as the earlier version left it after applying that rotation: the old key 'revoked' at
    // the moment of applying, the new one approved and naming it in replaces_key_id; and another department's key
    // revoked by hand (no successor).
    const dataDir = join(dir.path, 'upgraded', 'data');
    mkdirSync(dataDir, { recursive: true });
    const raw = new BetterSqlite3(databasePathIn(dataDir));
    migrate(raw, migrations.slice(0, 11));
    const scratch = await makeCopy(dir.path, 'scratch', { role: 'office' }, clock);
    open.push(scratch);
    await importEnrollment(scratch, enrollment);
    await markApproved(scratch, oldKey);
    const { key: newKey } = await applyRotation(scratch, readFileSync(rotated.path, 'utf8'));
    const appliedAt = clock().toISOString();
    const insert = raw.prepare(
      `INSERT INTO key_registry (department, key_id, role, public_key_pem, fingerprint, status, valid_from,
         enrolled_at, approved_at, revoked_at, replaces_key_id) VALUES (?, ?, 'department', ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const k of await listRegistryKeys(scratch.db)) {
      const wasOld = k.keyId === oldKey;
      insert.run(
        k.department,
        k.keyId,
        k.publicKeyPem,
        k.fingerprint,
        wasOld ? 'revoked' : 'approved',
        k.validFrom,
        k.enrolledAt,
        wasOld ? k.approvedAt : appliedAt,
        wasOld ? appliedAt : null,
        k.replacesKeyId,
      );
    }
    insert.run(
      '문화본부',
      'c'.repeat(16),
      'pem',
      'fp',
      'revoked',
      appliedAt,
      appliedAt,
      appliedAt,
      appliedAt,
      null,
    );
    raw.close();

    const upgraded = await makeCopy(dir.path, 'upgraded', { role: 'office' }, clock);
    open.push(upgraded);
    expect(
      (await listRegistryKeys(upgraded.db)).map((k) => [k.department, k.keyId, k.status, k.revokedAt]),
    ).toEqual([
      [LEAD, oldKey, 'retired', appliedAt],
      [LEAD, newKey.keyId, 'approved', null],
      ['문화본부', 'c'.repeat(16), 'revoked', appliedAt],
    ]);
    // The rebuilt table keeps its triggers: a change to the registry is still a new data generation.
    const triggers = await sql<{ name: string }>`
      SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'key_registry' ORDER BY name
    `.execute(upgraded.db);
    expect(triggers.rows.map((r) => r.name)).toEqual([
      'key_registry_delete_generation',
      'key_registry_insert_generation',
      'key_registry_update_generation',
    ]);
    expect(await importBundles(upgraded, [r1.path], undefined, direct)).toEqual([
      expect.objectContaining({ revision: 1, status: 'accepted' }),
    ]);
    // r2 as the earlier version left it when it came after the rotation: in quarantine for a "revoked" key.
    const zip = await readZipEntries(readFileSync(r2.path), DEFAULT_LIMITS);
    if (!zip.ok) throw new Error(zip.message);
    const arrivedAt = clock().toISOString();
    await putReceivedBundle(upgraded.db, {
      sha256: r2.sha256,
      type: 'pledge-submission',
      department: LEAD,
      keyId: oldKey,
      period: '2019-H1',
      revision: 2,
      previousSha256: r1.sha256,
      createdAt: arrivedAt,
      importedAt: arrivedAt,
      status: 'quarantined',
      manifest: zip.entries.find((e) => e.name === 'manifest.json')?.data.toString('utf8') ?? '',
      fileName: r2.fileName,
      reasonCode: 'KEY_REVOKED',
      reason: `폐기된 키(키 ID ${oldKey}, 부서 ${LEAD})로 서명되었습니다`,
    });
    // Imported again, it is verified again and taken; the new key's r3 follows it.
    const results = await importBundles(upgraded, [r2.path, r3.path], undefined, direct);
    expect(results.map((r) => [r.revision, r.status])).toEqual([
      [2, 'accepted'],
      [3, 'accepted'],
    ]);
    expect(await listReceivedBundles(upgraded.db, { status: 'quarantined' })).toEqual([]);
  });
});
