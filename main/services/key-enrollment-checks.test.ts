// The office's key registry takes only keys it can tell apart: a department the 공약사업 목록 knows (a former one of
// a moved project too), and a key no other department holds. A key file saved with a byte-order mark (Windows
// Notepad) reads the same through the CLI and the API. Real data folders, real keys, real SQLite.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listDepartments, seoulMinseon7Catalog } from '../../domain/catalog/load';
import type { Catalog } from '../../domain/catalog/types';
import { getRegistryKey, insertRegistryKey, listRegistryKeys } from '../../db/keys';
import { putReferenceData } from '../../db/reference-data';
import { makeTempDir } from '../../db/test/temp-dir';
import { createRotation, fingerprint } from '../bundles';
import { runPledge } from '../cli/test-io';
import { dumpDatabase, enroll, makeCopy, privateKeyOf } from './bundle-test-support';
import type { AppContext } from './context';
import { dispatch } from './dispatch';
import { createHandlers } from './handlers';
import {
  applyRotation,
  exportEnrollment,
  importEnrollment,
  markApproved,
  revokeKey,
  rotateOwnKey,
} from './key-service';

const LEAD = '경제진흥본부';
const OTHER = listDepartments(seoulMinseon7Catalog).find((d) => d !== LEAD) ?? '';
const UNKNOWN = '서울혁쏠기획관';
const BOM = '\uFEFF';

let dir: ReturnType<typeof makeTempDir>;
let office: AppContext;
const open: AppContext[] = [];

const copy = async (name: string, department: string): Promise<AppContext> => {
  const ctx = await makeCopy(dir.path, name, { role: 'department', department });
  open.push(ctx);
  return ctx;
};

/** The enrollment text with another department written in (as a hand-edited file would have it). */
const withDepartment = (text: string, department: string): string => {
  const json = JSON.parse(text) as { department: string };
  return JSON.stringify({ ...json, department }, null, 2);
};

beforeEach(async () => {
  dir = makeTempDir('pledge-key-enrollment-');
  office = await makeCopy(dir.path, 'office', { role: 'office' });
  open.push(office);
});
afterEach(async () => {
  for (const ctx of open.splice(0)) await ctx.close();
  dir.remove();
});

describe('an enrollment for a department the 공약사업 목록 does not know', () => {
  it('is refused, naming the department, and the registry stays as it was (service and API)', async () => {
    expect(listDepartments(seoulMinseon7Catalog)).not.toContain(UNKNOWN);
    const stray = await copy('stray', UNKNOWN);
    const { text } = await exportEnrollment(stray);
    const before = await dumpDatabase(office);

    await expect(importEnrollment(office, text)).rejects.toMatchObject({
      code: 'KEY_DEPARTMENT_UNKNOWN',
      message: expect.stringContaining(`'${UNKNOWN}'은 공약사업 목록에 없는 부서입니다.`) as unknown,
    });
    const viaApi = await dispatch(createHandlers(office), 'importEnrollment', { text });
    expect(viaApi).toMatchObject({ ok: false, error: { code: 'KEY_DEPARTMENT_UNKNOWN' } });
    if (viaApi.ok) throw new Error('accepted');
    expect(viaApi.error.message).toContain('부서의 처음 설정과 목록 판');

    expect(await listRegistryKeys(office.db)).toEqual([]);
    expect(await dumpDatabase(office)).toEqual(before);
  });

  it('cannot be approved when it was registered before the check existed', async () => {
    const stray = await copy('stray', UNKNOWN);
    const { text, keyId } = await exportEnrollment(stray);
    // What an older version stored: the enrollment as a pending key.
    const enrollment = JSON.parse(text) as { publicKeyPem: string; createdAt: string };
    await insertRegistryKey(office.db, {
      department: UNKNOWN,
      keyId,
      role: 'department',
      publicKeyPem: enrollment.publicKeyPem,
      fingerprint: fingerprint(enrollment.publicKeyPem),
      status: 'pending',
      validFrom: enrollment.createdAt,
      enrolledAt: '2019-07-01T09:00:00.000Z',
      approvedAt: null,
      revokedAt: null,
      replacesKeyId: null,
    });
    const before = await dumpDatabase(office);
    await expect(markApproved(office, keyId)).rejects.toMatchObject({ code: 'KEY_DEPARTMENT_UNKNOWN' });
    expect(await dumpDatabase(office)).toEqual(before);
    expect((await getRegistryKey(office.db, UNKNOWN, keyId))?.status).toBe('pending');
  });
});

describe("an enrollment carrying another department's key", () => {
  it('is refused, naming the department that holds it, and nothing is stored', async () => {
    const lead = await copy('lead', LEAD);
    const keyId = await enroll(office, lead);
    const { text } = await exportEnrollment(lead);
    const before = await dumpDatabase(office);

    const forged = withDepartment(text, OTHER);
    await expect(importEnrollment(office, forged)).rejects.toMatchObject({
      code: 'KEY_HELD_BY_OTHER_DEPARTMENT',
      message: expect.stringContaining(`이미 ${LEAD}의 키(상태: 승인)로 등록되어 있습니다`) as unknown,
    });
    const viaApi = await dispatch(createHandlers(office), 'importEnrollment', { text: forged });
    expect(viaApi).toMatchObject({ ok: false, error: { code: 'KEY_HELD_BY_OTHER_DEPARTMENT' } });
    expect(await dumpDatabase(office)).toEqual(before);

    // The department's own file still reads as already registered, its key untouched.
    expect(await importEnrollment(office, text)).toMatchObject({ kind: 'registry', alreadyKnown: true });
    expect((await getRegistryKey(office.db, LEAD, keyId))?.status).toBe('approved');
  });

  it('is refused for a revoked key of another department too', async () => {
    const lead = await copy('lead', LEAD);
    const keyId = await enroll(office, lead);
    await revokeKey(office, keyId);
    const { text } = await exportEnrollment(lead);
    await expect(importEnrollment(office, withDepartment(text, OTHER))).rejects.toMatchObject({
      code: 'KEY_HELD_BY_OTHER_DEPARTMENT',
    });
    expect(await getRegistryKey(office.db, OTHER, keyId)).toBeUndefined();
  });

  it('registered twice before the check existed: neither is approved until the wrong one is revoked', async () => {
    const lead = await copy('lead', LEAD);
    const keyId = await enroll(office, lead, false);
    const pending = await getRegistryKey(office.db, LEAD, keyId);
    if (pending === undefined) throw new Error('not registered');
    await insertRegistryKey(office.db, { ...pending, department: OTHER });

    await expect(markApproved(office, keyId, OTHER)).rejects.toMatchObject({
      code: 'KEY_HELD_BY_OTHER_DEPARTMENT',
      message: expect.stringContaining(`${LEAD}의 키(상태: 승인 대기)로도 등록되어 있습니다`) as unknown,
    });
    await expect(markApproved(office, keyId, LEAD)).rejects.toMatchObject({
      code: 'KEY_HELD_BY_OTHER_DEPARTMENT',
    });
    await revokeKey(office, keyId, OTHER);
    expect((await markApproved(office, keyId, LEAD)).status).toBe('approved');
  });

  it("a rotation to another department's key is refused, the old key staying as it was", async () => {
    const lead = await copy('lead', LEAD);
    const other = await copy('other', OTHER);
    const leadKeyId = await enroll(office, lead);
    await enroll(office, other);
    const otherKey = JSON.parse((await exportEnrollment(other)).text) as { publicKeyPem: string };
    const statement = createRotation({
      oldPrivateKeyPem: await privateKeyOf(lead),
      newPublicKeyPem: otherKey.publicKeyPem,
      department: LEAD,
      createdAt: '2019-07-02T09:00:00.000Z',
    });
    const before = await dumpDatabase(office);
    await expect(applyRotation(office, statement)).rejects.toMatchObject({
      code: 'KEY_HELD_BY_OTHER_DEPARTMENT',
      message: expect.stringContaining(`이미 ${OTHER}의 키(상태: 승인)로 등록되어 있습니다`) as unknown,
    });
    expect(await dumpDatabase(office)).toEqual(before);
    expect((await getRegistryKey(office.db, LEAD, leadKeyId))?.status).toBe('approved');
  });
});

describe('a department the catalog knows only from a 부서 이관 record', () => {
  const FORMER = '창조경제기획관';

  /** Seoul's list with 1-1-1 led by FORMER through 2018-H2 (FORMER named nowhere else). */
  async function storeMovedCatalog(): Promise<void> {
    const catalog: Catalog = structuredClone(seoulMinseon7Catalog);
    catalog.version = '2019-01-01 조직개편';
    const project = catalog.projects.find((p) => p.id === '1-1-1');
    if (project === undefined) throw new Error('seed');
    project.formerAssignments = [
      { through: '2018-H2', leadDepartment: FORMER, coDepartments: [...project.coDepartments] },
    ];
    expect(listDepartments(catalog)).not.toContain(FORMER);
    await putReferenceData(
      office.db,
      { key: 'catalog', version: catalog.version, json: catalog },
      office.now(),
    );
  }

  it('is registered and approved; a department in no record is still refused', async () => {
    await storeMovedCatalog();
    const former = await copy('former', FORMER);
    const keyId = await enroll(office, former);
    expect((await getRegistryKey(office.db, FORMER, keyId))?.status).toBe('approved');

    const stray = await copy('stray', UNKNOWN);
    await expect(importEnrollment(office, (await exportEnrollment(stray)).text)).rejects.toMatchObject({
      code: 'KEY_DEPARTMENT_UNKNOWN',
    });
  });
});

describe('a key file saved with a byte-order mark (Windows Notepad)', () => {
  it('is registered by `pledge keys import` as by the page', async () => {
    const lead = await copy('lead', LEAD);
    const { text, keyId } = await exportEnrollment(lead);
    const file = join(dir.path, '키등록_메모장.pledgekey.json');
    writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]));
    const officeData = office.dataDir;
    await office.close();
    open.splice(open.indexOf(office), 1);

    const cli = await runPledge('keys', 'import', file, '--data', officeData);
    expect(cli.err).toBe('');
    expect(cli.code).toBe(0);
    expect(cli.out).toContain(`승인 대기로 등록했습니다: ${LEAD} ${keyId}`);

    // The API, with the text as a client that keeps the mark would send it.
    const second = await copy('other', OTHER);
    office = await makeCopy(dir.path, 'office', { role: 'office' });
    open.push(office);
    expect((await getRegistryKey(office.db, LEAD, keyId))?.status).toBe('pending');
    const handlers = createHandlers(office);
    const otherText = (await exportEnrollment(second)).text;
    const preview = await dispatch(handlers, 'previewEnrollment', { text: BOM + otherText });
    expect(preview).toMatchObject({ ok: true, value: { department: OTHER } });
    const viaApi = await dispatch(handlers, 'importEnrollment', { text: BOM + otherText });
    expect(viaApi).toMatchObject({
      ok: true,
      value: { kind: 'registry', department: OTHER, status: 'pending' },
    });
  });

  it('a rotation statement with the mark is applied by the CLI and the API alike', async () => {
    const lead = await copy('lead', LEAD);
    const other = await copy('other', OTHER);
    await enroll(office, lead);
    await enroll(office, other);
    const rotate = async (ctx: AppContext, name: string): Promise<string> => {
      const path = join(dir.path, name);
      const { keyId } = await rotateOwnKey(ctx, path);
      const bytes = readFileSync(path);
      writeFileSync(path, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]));
      return keyId;
    };
    const leadNew = await rotate(lead, 'lead-rotation.pledgekey.json');
    const otherNew = await rotate(other, 'other-rotation.pledgekey.json');

    const viaApi = await dispatch(createHandlers(office), 'importEnrollment', {
      text: readFileSync(join(dir.path, 'other-rotation.pledgekey.json'), 'utf8'),
    });
    expect(viaApi).toMatchObject({ ok: true, value: { kind: 'rotation', keyId: otherNew } });

    const officeData = office.dataDir;
    await office.close();
    open.splice(open.indexOf(office), 1);
    const cli = await runPledge(
      'keys',
      'import',
      join(dir.path, 'lead-rotation.pledgekey.json'),
      '--data',
      officeData,
    );
    expect(cli.err).toBe('');
    expect(cli.code).toBe(0);
    expect(cli.out).toContain(`키 교체를 반영했습니다: ${LEAD}`);
    office = await makeCopy(dir.path, 'office', { role: 'office' });
    open.push(office);
    expect((await getRegistryKey(office.db, LEAD, leadNew))?.status).toBe('approved');
  });
});
