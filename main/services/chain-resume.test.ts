// 이어 보내기: a department whose file never reached the office chains its next file onto the office's last
// accepted one, as the signed baseline package's receipts name it. Real office and department copies, real bundles,
// real signatures; the office program is unchanged and takes the file as any next one.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { examples } from '../../domain/documents/test-fixtures';
import { listSentBundles } from '../../db/bundles';
import { saveDocument } from '../../db/documents';
import { latestReceivedDocuments } from '../../db/received';
import { getSetting } from '../../db/settings';
import { makeTempDir } from '../../db/test/temp-dir';
import { applyBaseline, exportBaseline } from './baseline';
import { exportBundle } from './bundle-export';
import { importBundles } from './bundle-import';
import { dumpDatabase, enroll, makeCopy } from './bundle-test-support';
import { directVerifier } from './bundle-verify';
import { CHAIN_BASE_SETTING, chainResumeOffer, resumeChain } from './chain-resume';
import type { AppContext } from './context';
import { UserError } from './errors';
import { exportEnrollment, importEnrollment } from './key-service';
import { sentBundlesWithReceipts } from './receipts';

const LEAD = '경제진흥본부';
const direct = { verifier: directVerifier };
const DAY = 24 * 60 * 60 * 1000;

let dir: ReturnType<typeof makeTempDir>;
let office: AppContext;
let dept: AppContext;
/** One clock for both PCs, moved by the test: a package made two days after a file says that file is missing. */
let now = Date.parse('2019-07-01T09:00:00Z');
const clock = () => new Date(now);
const open: AppContext[] = [];

beforeEach(async () => {
  now = Date.parse('2019-07-01T09:00:00Z');
  dir = makeTempDir('pledge-chain-resume-');
  office = await makeCopy(dir.path, 'office', { role: 'office' }, clock);
  dept = await departmentCopy('dept');
  open.push(office);
});
afterEach(async () => {
  for (const ctx of open.splice(0)) await ctx.close();
  dir.remove();
});

async function departmentCopy(name: string): Promise<AppContext> {
  const ctx = await makeCopy(dir.path, name, { role: 'department', department: LEAD }, clock);
  open.push(ctx);
  await importEnrollment(ctx, (await exportEnrollment(office)).text);
  await enroll(office, ctx);
  return ctx;
}

async function draftFinance(ctx: AppContext, note: string): Promise<void> {
  await saveDocument(
    ctx.db,
    {
      kind: 'financeRow',
      projectId: '1-1-1',
      slot: '2019-H1',
      department: LEAD,
      json: { ...structuredClone(examples.financeRowJson), note },
      reason: 'autosave',
    },
    ctx.now(),
  );
}

async function send(ctx: AppContext, note: string) {
  await draftFinance(ctx, note);
  return exportBundle(ctx, { period: '2019-H1' });
}

async function officeImports(path: string) {
  const [result] = await importBundles(office, [path], undefined, direct);
  return result;
}

/** The office makes a package two days on and the department applies it. */
async function packageArrives(ctx: AppContext = dept): Promise<void> {
  now += 2 * DAY;
  const exported = await exportBaseline(office);
  await applyBaseline(ctx, { path: exported.path }, direct);
}

const financeNote = async () =>
  (await latestReceivedDocuments(office.db))
    .filter((d) => d.kind === 'financeRow')
    .map((d) => (d.json as { note?: string }).note);

describe('a file lost on the way', () => {
  it('is skipped: the next file follows the office’s last accepted one, and the office takes it', async () => {
    const r1 = await send(dept, '첫 제출');
    expect((await officeImports(r1.path))?.status).toBe('accepted');
    now += DAY;
    const r2 = await send(dept, '잃어버린 USB');
    const r3 = await send(dept, '그 다음');
    // r2 never arrives: r3 is refused for good, as every later file would be.
    expect(await officeImports(r3.path)).toMatchObject({ status: 'rejected', code: 'CHAIN_FORK' });

    // Before any package the department knows nothing, and nothing is offered.
    expect(await chainResumeOffer(dept.db)).toBeNull();
    await packageArrives();
    const offer = await chainResumeOffer(dept.db);
    expect(offer).toMatchObject({
      head: { revision: 1, period: '2019-H1', sha256: r1.sha256 },
      nextRevision: 4,
      resumed: false,
    });
    expect(offer?.notReceived.map((f) => [f.revision, f.mayBeInTransit])).toEqual([
      [2, false],
      [3, false],
    ]);

    const resumed = await resumeChain(dept, r1.sha256);
    expect(resumed.resumed).toBe(true);
    // Asked again, nothing changes.
    expect(await resumeChain(dept, r1.sha256)).toEqual(resumed);

    const r4 = await send(dept, '다시 보냄');
    expect(r4.revision).toBe(4);
    expect(r4.previousRevision).toBe(1);
    expect((await listSentBundles(dept.db)).at(-1)?.previousSha256).toBe(r1.sha256);
    const taken = await officeImports(r4.path);
    expect(taken).toMatchObject({ status: 'accepted', revision: 4 });
    expect(taken?.reason).toContain('부서가 받지 못한 r2–r3을 건너뛰고 r1 다음으로 이어 보냈습니다');
    expect(
      await office.db
        .selectFrom('department_chain')
        .select(['last_revision', 'last_bundle_sha256'])
        .where('department', '=', LEAD)
        .executeTakeFirst(),
    ).toEqual({ last_revision: 4, last_bundle_sha256: r4.sha256 });
    expect(await financeNote()).toEqual(['다시 보냄']);

    // The chain goes on from r4 as usual, and the offer is gone: r4 is on its way.
    expect(await chainResumeOffer(dept.db)).toBeNull();
    const r5 = await send(dept, '다음 반기');
    expect(r5.previousRevision).toBe(4);
    expect((await listSentBundles(dept.db)).at(-1)?.previousSha256).toBe(r4.sha256);
    expect(await officeImports(r5.path)).toMatchObject({ status: 'accepted', revision: 5 });

    // The next package lists r4 and r5; r2 and r3, which the chain passed over, are marked skipped, not missing.
    await packageArrives();
    expect((await sentBundlesWithReceipts(dept.db)).map((b) => [b.revision, b.receipt?.state])).toEqual([
      [5, 'accepted'],
      [4, 'accepted'],
      [3, 'skipped'],
      [2, 'skipped'],
      [1, 'accepted'],
    ]);
    expect(await chainResumeOffer(dept.db)).toBeNull();

    // The lost r2, found later, is refused as older and changes nothing.
    const before = await dumpDatabase(office);
    expect(await officeImports(r2.path)).toMatchObject({ status: 'rejected', code: 'REVISION_STALE' });
    expect(await dumpDatabase(office)).toEqual(before);

    // Another file lost later: only it is named, not the files the first 이어 보내기 already passed over.
    now += DAY;
    await send(dept, '또 잃어버림');
    await packageArrives();
    expect(await chainResumeOffer(dept.db)).toMatchObject({ head: { revision: 5 }, nextRevision: 7 });
    expect((await chainResumeOffer(dept.db))?.notReceived.map((f) => f.revision)).toEqual([6]);
  });

  it('a file made shortly before the package may be on its way: nothing is offered', async () => {
    const r1 = await send(dept, '첫 제출');
    await officeImports(r1.path);
    now += 2 * DAY - 60_000;
    await send(dept, '보내는 중');
    now += 60_000;
    await applyBaseline(dept, { path: (await exportBaseline(office)).path }, direct);
    expect(await chainResumeOffer(dept.db)).toBeNull();
    // A day later, a package still without it: it is named as not received.
    await packageArrives();
    expect((await chainResumeOffer(dept.db))?.notReceived.map((f) => f.revision)).toEqual([2]);
  });

  it('nothing is offered while the office holds the last file, and resuming then says so', async () => {
    const r1 = await send(dept, '첫 제출');
    await officeImports(r1.path);
    await packageArrives();
    expect(await chainResumeOffer(dept.db)).toBeNull();
    await expect(resumeChain(dept, r1.sha256)).rejects.toMatchObject({ code: 'NOTHING_TO_RESUME' });
    expect(await getSetting(dept.db, CHAIN_BASE_SETTING)).toBeUndefined();
  });

  it('a package applied since the screen was shown is not acted on blindly', async () => {
    const r1 = await send(dept, '첫 제출');
    await officeImports(r1.path);
    now += DAY;
    await send(dept, '잃어버림');
    await packageArrives();
    const error = await resumeChain(dept, 'f'.repeat(64)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect(error).toMatchObject({ code: 'RESUME_CHANGED' });
    expect((error as UserError).message).toContain('화면을 다시 확인하고');
    expect(await getSetting(dept.db, CHAIN_BASE_SETTING)).toBeUndefined();
  });
});

describe('a PC replaced without a backup', () => {
  it('starts again at r1, which the office holds and does not take; resumed, its next file follows the office’s last one', async () => {
    const r1 = await send(dept, '옛 PC 첫 제출');
    const r2 = await send(dept, '옛 PC 두 번째');
    expect((await importBundles(office, [r1.path, r2.path], undefined, direct)).map((r) => r.status)).toEqual(
      ['accepted', 'accepted'],
    );
    // The old PC is gone; a new copy with a new key, registered and approved by the office.
    const fresh = await departmentCopy('new-pc');
    await packageArrives(fresh);
    const offer = await chainResumeOffer(fresh.db);
    expect(offer).toMatchObject({
      head: { revision: 2, sha256: r2.sha256 },
      notReceived: [],
      nextRevision: 3,
    });

    // Not resumed, the new PC's first file is r1, which the office holds as a second r1 and does not take.
    const again = await send(fresh, '새 PC');
    expect(again.revision).toBe(1);
    expect(await officeImports(again.path)).toMatchObject({ status: 'held', code: 'REVISION_CONFLICT' });
    // Still offered: its r1 leads to nothing the office took.
    await packageArrives(fresh);
    const later = await chainResumeOffer(fresh.db);
    expect(later).toMatchObject({ head: { revision: 2 }, nextRevision: 3, resumed: false, notReceived: [] });

    await resumeChain(fresh, r2.sha256);
    const r3 = await send(fresh, '새 PC 이어 보냄');
    expect(r3.revision).toBe(3);
    expect(await officeImports(r3.path)).toMatchObject({ status: 'accepted', revision: 3 });
    expect(await financeNote()).toEqual(['새 PC 이어 보냄']);
    expect(readFileSync(r3.path).length).toBeGreaterThan(0);
  });
});
