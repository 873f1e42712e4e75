import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { examples } from '../../domain/documents/test-fixtures';
import { makeTempDir } from '../../db/test/temp-dir';
import { listRegistryKeys } from '../../db/keys';
import { importBundleInputs, releaseQuarantined } from './bundle-import';
import {
  dumpDatabase,
  enroll,
  makeCopy,
  privateKeyOf,
  sha256Hex,
  signSubmission,
} from './bundle-test-support';
import type { AppContext } from './context';
import { UserError } from './errors';
import { createHandlers } from './handlers';
import { markApproved } from './key-service';
import { submissionsOf } from './report-submissions';
import { swapHeldBundle } from './held-bundle-swap';
import { officeReceipts } from './receipts';
import { direct, LEAD } from './test-support/office-harness';

/**
 * 접수일: the office imports files days after they came (on the share, by mail, on a USB stick) and says when they
 * came. The 2019-H1 cards and finance rows were due on 2019-07-15; the office imports on the 17th.
 */

const DUE = '2019-07-15';
const finance = (note: string) => ({
  path: 'documents/finance-1-1-1-2019-H1.json',
  json: { ...(structuredClone(examples.financeRowJson) as Record<string, unknown>), note },
});

let dir: ReturnType<typeof makeTempDir>;
let office: AppContext;
let dept: AppContext;
// 2019-07-17 10:00 KST: two days after the due date.
let clock = new Date('2019-07-17T01:00:00Z');

beforeEach(async () => {
  dir = makeTempDir('pledge-received-on-');
  clock = new Date('2019-07-17T01:00:00Z');
  office = await makeCopy(dir.path, 'office', { role: 'office' }, () => clock);
  dept = await makeCopy(dir.path, 'dept', { role: 'department', department: LEAD });
});
afterEach(async () => {
  await office.close();
  await dept.close();
  dir.remove();
});

/** r1 made on the 14th (18:00 KST) and r2 made on the 16th (10:00 KST), chained. */
async function twoRevisions(): Promise<{ r1: Buffer; r2: Buffer }> {
  const key = await privateKeyOf(dept);
  const r1 = await signSubmission(key, {
    department: LEAD,
    period: '2019-H1',
    revision: 1,
    previousBundleSha256: null,
    documents: [finance('첫 제출')],
    createdAt: '2019-07-14T09:00:00.000Z',
  });
  const r2 = await signSubmission(key, {
    department: LEAD,
    period: '2019-H1',
    revision: 2,
    previousBundleSha256: sha256Hex(r1),
    documents: [finance('기한 뒤 수정')],
    createdAt: '2019-07-16T01:00:00.000Z',
  });
  return { r1, r2 };
}

/** 제출 현황 for 2019-H1 as the office's screen gets it. */
async function leadRow() {
  const view = await createHandlers(office).getOfficeReport({ periodId: '2019-H1', today: '2019-07-20' });
  const row = view.report.submissions.departments.find((d) => d.department === LEAD);
  if (row === undefined) throw new Error('no row for the lead department');
  return row;
}

describe('접수일 given at the import', () => {
  it('counts lateness from that date for the files made by then; a file made after it is received when imported', async () => {
    await enroll(office, dept);
    const { r1, r2 } = await twoRevisions();
    // The office looked at 제출 현황 before: the report it keeps is built again with the files' 접수일.
    expect((await leadRow()).bundles).toEqual([]);
    const results = await importBundleInputs(
      office,
      [
        { name: 'r1.pledge', bytes: r1 },
        { name: 'r2.pledge', bytes: r2 },
      ],
      { ...direct, receivedOn: DUE },
    );
    expect(results.map((r) => r.status)).toEqual(['accepted', 'accepted']);
    expect(results[0]?.reason).toContain(`접수일: ${DUE} (지정)`);
    expect(results[1]?.reason).toContain(
      `지정한 접수일(${DUE})보다 뒤인 2019-07-16 10:00에 만든 파일이라, 가져온 때를 접수 시각으로 기록했습니다`,
    );

    const records = await submissionsOf(office.db, '2019-H1');
    expect(records.map((r) => [r.revision, r.receivedAt, r.importedAt])).toEqual([
      [1, DUE, clock.toISOString()],
      [2, clock.toISOString(), undefined],
    ]);
    const row = await leadRow();
    // The finance row first came with r1, on the 접수일: on time. r2 came on the 17th: late as a bundle.
    expect(row.items.find((i) => i.kind === 'financeRow' && i.projectId === '1-1-1')).toMatchObject({
      received: true,
      receivedAt: DUE,
      onTime: true,
    });
    expect(row.bundles.map((b) => [b.revision, b.receivedDate, b.onTime, b.importedAt])).toEqual([
      [1, DUE, true, clock.toISOString()],
      [2, '2019-07-17', false, undefined],
    ]);
    // So do the office's list of received files and the 접수 확인 the departments get back in the baseline package.
    const listed = await createHandlers(office).listBundles({ status: 'accepted' });
    expect(listed.map((b) => [b.revision, b.receivedOn, b.importedAt])).toEqual([
      [1, DUE, clock.toISOString()],
      [2, null, clock.toISOString()],
    ]);
    const receipts = await officeReceipts(office.db, clock.toISOString());
    expect(receipts.bundles.map((b) => [b.revision, b.receivedAt])).toEqual([
      [1, DUE],
      [2, clock.toISOString()],
    ]);
  });

  it('without one, the same files are late: they arrived when imported', async () => {
    await enroll(office, dept);
    const { r1, r2 } = await twoRevisions();
    await importBundleInputs(
      office,
      [
        { name: 'r1.pledge', bytes: r1 },
        { name: 'r2.pledge', bytes: r2 },
      ],
      direct,
    );
    const row = await leadRow();
    expect(row.items.find((i) => i.kind === 'financeRow' && i.projectId === '1-1-1')?.onTime).toBe(false);
    expect(row.bundles.every((b) => !b.onTime && b.importedAt === undefined)).toBe(true);
  });

  it('a future or impossible date imports nothing and says why', async () => {
    await enroll(office, dept);
    const { r1 } = await twoRevisions();
    const before = await dumpDatabase(office);
    const attempt = (receivedOn: string) =>
      importBundleInputs(office, [{ name: 'r1.pledge', bytes: r1 }], { ...direct, receivedOn });
    // The office's today is 2019-07-17 in Korea (10:00 KST).
    await expect(attempt('2019-07-18')).rejects.toMatchObject({
      code: 'RECEIVED_ON_FUTURE',
      message: expect.stringContaining('오늘(2019-07-17)보다 뒤입니다'),
    });
    await expect(attempt('2019-02-30')).rejects.toBeInstanceOf(UserError);
    await expect(attempt('2019-02-30')).rejects.toMatchObject({ code: 'RECEIVED_ON_INVALID' });
    await expect(attempt('7/15')).rejects.toMatchObject({ code: 'RECEIVED_ON_INVALID' });
    expect(await dumpDatabase(office)).toEqual(before);
    // Today itself is a date a file can have come.
    const [today] = await attempt('2019-07-17');
    expect(today?.status).toBe('accepted');
  });

  it('the screen’s import refuses a future date at once, not as a failed job', async () => {
    const handlers = createHandlers(office);
    await expect(
      handlers.startBundleImport({ paths: [dir.path], receivedOn: '2019-07-18' }),
    ).rejects.toMatchObject({ code: 'RECEIVED_ON_FUTURE' });
  });

  it('a file waiting in quarantine keeps the date through its release; importing it again claims nothing', async () => {
    await enroll(office, dept, false); // the key is not approved yet
    const { r1 } = await twoRevisions();
    const [quarantined] = await importBundleInputs(office, [{ name: 'r1.pledge', bytes: r1 }], {
      ...direct,
      receivedOn: DUE,
    });
    expect(quarantined).toMatchObject({ status: 'quarantined' });
    expect(quarantined?.reason).toContain(`접수일: ${DUE} (지정)`);

    // Sent again with another date: a duplicate, the first arrival stands.
    clock = new Date('2019-07-19T01:00:00Z');
    const before = await dumpDatabase(office);
    const [again] = await importBundleInputs(office, [{ name: 'r1.pledge', bytes: r1 }], {
      ...direct,
      receivedOn: '2019-07-18',
    });
    expect(again?.status).toBe('duplicate');
    expect(await dumpDatabase(office)).toEqual(before);

    const keyId = (await listRegistryKeys(office.db))[0]?.keyId as string;
    const approved = await markApproved(office, keyId);
    const released = await releaseQuarantined(office, approved.department, approved.keyId, direct);
    expect(released.map((r) => r.status)).toEqual(['accepted']);
    const [record] = await submissionsOf(office.db, '2019-H1');
    expect(record).toMatchObject({
      signature: 'valid',
      receivedAt: DUE,
      importedAt: '2019-07-17T01:00:00.000Z',
    });
    expect((await leadRow()).bundles.map((b) => b.onTime)).toEqual([true]);
  });

  it('a file held as a same-revision conflict keeps the date; swapped in, it counts from it', async () => {
    await enroll(office, dept);
    const { r1 } = await twoRevisions();
    expect((await importBundleInputs(office, [{ name: 'r1.pledge', bytes: r1 }], direct))[0]?.status).toBe(
      'accepted',
    );
    // The same revision from the department's other PC, made on the 15th, came on the share that day.
    const other = await makeCopy(dir.path, 'dept-2', { role: 'department', department: LEAD });
    try {
      await enroll(office, other);
      const second = await signSubmission(await privateKeyOf(other), {
        department: LEAD,
        period: '2019-H1',
        revision: 1,
        previousBundleSha256: null,
        documents: [finance('다른 PC')],
        createdAt: '2019-07-15T01:00:00.000Z',
      });
      const [held] = await importBundleInputs(office, [{ name: 'other.pledge', bytes: second }], {
        ...direct,
        receivedOn: DUE,
      });
      expect(held).toMatchObject({
        status: 'held',
        reason: expect.stringContaining(`접수일: ${DUE} (지정)`),
      });
      expect(
        (await officeReceipts(office.db, clock.toISOString())).bundles.map((b) => [b.state, b.receivedAt]),
      ).toEqual([
        ['held', DUE],
        ['accepted', clock.toISOString()],
      ]);
      await swapHeldBundle(office, { sha256: sha256Hex(second), note: '다른 PC의 r1이 맞음' }, direct);
      const records = await submissionsOf(office.db, '2019-H1');
      expect(records.map((r) => [r.bundleSha256, r.receivedAt])).toEqual([[sha256Hex(second), DUE]]);
    } finally {
      await other.close();
    }
  });
});
