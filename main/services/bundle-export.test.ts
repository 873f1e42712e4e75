// Exports that overlap or fail half-way: the outbox file and the recorded revision always agree, and a failed
// export leaves the outbox and the database as they were.
import { existsSync, mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { examples } from '../../domain/documents/test-fixtures';
import { putAttachment } from '../../db/attachments';
import { listSentBundles } from '../../db/bundles';
import { withRawConnection } from '../../db/create-db';
import { saveDocument } from '../../db/documents';
import { makeTempDir } from '../../db/test/temp-dir';
import { exportBundle } from './bundle-export';
import { importBundles } from './bundle-import';
import { dumpDatabase, enroll, makeCopy, sha256Hex } from './bundle-test-support';
import { directVerifier } from './bundle-verify';
import { createAppContext, type AppContext } from './context';
import { dispatch } from './dispatch';
import { UserError } from './errors';
import { createHandlers } from './handlers';

const LEAD = '경제진흥본부';
const direct = { verifier: directVerifier };

let dir: ReturnType<typeof makeTempDir>;
let dept: AppContext;
const open: AppContext[] = [];

async function copy(name: string, who: Parameters<typeof makeCopy>[2]): Promise<AppContext> {
  let t = Date.parse('2019-07-01T09:00:00Z');
  const ctx = await makeCopy(dir.path, name, who, () => new Date((t += 1000)));
  open.push(ctx);
  return ctx;
}

/** A second connection to the department's data folder, as the command line opens it while the app runs. */
async function commandLineOn(ctx: AppContext): Promise<AppContext> {
  const other = await createAppContext({
    profileDir: join(dir.path, 'cli-profile'),
    dataDirOverride: ctx.dataDir,
    mode: 'cli',
    appVersion: '0.1.0',
    now: () => new Date('2019-07-01T10:00:00Z'),
  });
  open.push(other);
  return other;
}

/** A plan (with a PDF) and a 2019-H1 finance row, saved as submitted. */
async function draftDocuments(ctx: AppContext): Promise<void> {
  const pdf = Buffer.from('%PDF-1.4 보도자료 핀테크 산업 육성계획\n', 'utf8');
  const info = await putAttachment(ctx.db, pdf, 'application/pdf', ctx.now());
  const plan = JSON.parse(
    JSON.stringify(examples.planJson).replace(
      /b342f68b4f03641e02bc12bb9a38522b802c332afb795f3d5ac4d55240c64c89/g,
      info.sha256,
    ),
  ) as Record<string, unknown>;
  await saveDocument(
    ctx.db,
    {
      kind: 'executionPlan',
      projectId: '1-1-1',
      slot: 'plan',
      department: LEAD,
      json: plan,
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
      json: structuredClone(examples.financeRowJson) as Record<string, unknown>,
      reason: 'submit',
      status: 'submitted',
    },
    ctx.now(),
  );
}

const outbox = () => join(dept.dataDir, 'outbox');
/** Every file in the outbox (temporary ones included) with the SHA-256 of its bytes. */
const outboxFiles = (): Record<string, string> =>
  existsSync(outbox())
    ? Object.fromEntries(
        readdirSync(outbox()).map((name) => [name, sha256Hex(readFileSync(join(outbox(), name)))]),
      )
    : {};

async function rejection(promise: Promise<unknown>): Promise<UserError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error('expected a UserError');
}

beforeEach(async () => {
  dir = makeTempDir('pledge-export-');
  dept = await copy('dept', { role: 'department', department: LEAD });
  await draftDocuments(dept);
});
afterEach(async () => {
  for (const ctx of open.splice(0)) await ctx.close();
  dir.remove();
});

describe('exports that overlap', () => {
  it('two at once in one app (two windows, a retried call) become r1 and r2, each file the bytes its row records', async () => {
    const handlers = createHandlers(dept);
    const [a, b] = await Promise.all([
      dispatch(handlers, 'exportBundle', { period: '2019-H1' }),
      dispatch(handlers, 'exportBundle', { period: '2019-H1' }),
    ]);
    if (!a.ok || !b.ok) throw new Error(`an export failed: ${JSON.stringify([a, b])}`);
    const made = [a.value, b.value] as { revision: number; sha256: string; path: string }[];
    expect(made.map((m) => m.revision).sort()).toEqual([1, 2]);
    const sent = await listSentBundles(dept.db);
    expect(sent.map((s) => [s.revision, s.sha256, s.path])).toEqual(
      made.sort((x, y) => x.revision - y.revision).map((m) => [m.revision, m.sha256, m.path]),
    );
    for (const s of sent) expect(sha256Hex(readFileSync(s.path))).toBe(s.sha256);
    expect(sent[1]?.previousSha256).toBe(sent[0]?.sha256);
    expect(Object.keys(outboxFiles()).sort()).toEqual([
      `공약제출_${LEAD}_2019-H1_r1.pledge`,
      `공약제출_${LEAD}_2019-H1_r2.pledge`,
    ]);

    // The office takes both files in order: the chain holds.
    const office = await copy('office', { role: 'office' });
    await enroll(office, dept);
    const results = await importBundles(
      office,
      sent.map((s) => s.path),
      undefined,
      direct,
    );
    expect(results.map((r) => r.status)).toEqual(['accepted', 'accepted']);
  });

  it('the command line recording its revision first: this export stops with a clear message and leaves nothing', async () => {
    const cli = await commandLineOn(dept);
    let theirs: { revision: number; sha256: string; path: string } | undefined;
    const error = await rejection(
      exportBundle(
        dept,
        { period: '2019-H1' },
        {
          // Signed as r1 already; meanwhile the command line makes and records its own r1.
          beforeRecording: async () => {
            theirs = await exportBundle(cli, { period: '2019-H1' });
          },
        },
      ),
    );
    expect(error.code).toBe('EXPORT_BUSY');
    expect(error.message).toBe(
      '같은 데이터 폴더에서 다른 창이나 명령줄(pledge)이 지금 제출 파일(r1)을 만들었습니다. 이 파일은 만들지 않았고, 저장된 데이터와 보낼 파일 폴더는 그대로입니다. 잠시 뒤 다시 시도하세요.',
    );
    expect(theirs?.revision).toBe(1);
    // Only the command line's file and row: its file is the bytes it recorded.
    expect(outboxFiles()).toEqual({ [`공약제출_${LEAD}_2019-H1_r1.pledge`]: theirs?.sha256 });
    expect((await listSentBundles(dept.db)).map((s) => [s.revision, s.sha256])).toEqual([
      [1, theirs?.sha256],
    ]);

    // Trying again follows the command line's file.
    const again = await exportBundle(dept, { period: '2019-H1' });
    expect(again.revision).toBe(2);
    expect(sha256Hex(readFileSync(again.path))).toBe(again.sha256);
    expect((await listSentBundles(dept.db))[1]?.previousSha256).toBe(theirs?.sha256);
  });
});

describe('a failure after signing leaves the outbox and the database as they were', () => {
  async function failingOn(statement: 'INSERT' | 'UPDATE'): Promise<() => Promise<void>> {
    await withRawConnection(dept.db, (sqlite) => {
      sqlite.exec(
        `CREATE TRIGGER test_fail BEFORE ${statement} ON sent_bundles BEGIN SELECT RAISE(ABORT, 'test: disk full'); END`,
      );
    });
    return () =>
      withRawConnection(dept.db, (sqlite) => {
        sqlite.exec('DROP TRIGGER test_fail');
      });
  }

  it('recording the revision fails: no file (not even a temporary one) and no row; the next export is a whole r1', async () => {
    const repair = await failingOn('INSERT');
    const before = await dumpDatabase(dept);
    const handlers = createHandlers(dept);
    const result = await dispatch(handlers, 'exportBundle', { period: '2019-H1' });
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    if (!result.ok) expect(result.error.message).toContain('저장된 데이터는 바뀌지 않았습니다');
    expect(outboxFiles()).toEqual({});
    expect(await dumpDatabase(dept)).toEqual(before);

    await repair();
    const made = await exportBundle(dept, { period: '2019-H1' });
    expect(made.revision).toBe(1);
    expect(outboxFiles()).toEqual({ [made.fileName]: made.sha256 });
  });

  it('a failure once the file has its name (here, recording that name) takes the file away again', async () => {
    // An old file at the usual name makes the export record another name, and that update fails.
    mkdirSync(outbox(), { recursive: true });
    writeFileSync(join(outbox(), `공약제출_${LEAD}_2019-H1_r1.pledge`), 'old file');
    const files = outboxFiles();
    await failingOn('UPDATE');
    const before = await dumpDatabase(dept);
    await expect(exportBundle(dept, { period: '2019-H1' })).rejects.toThrow(/test: disk full/);
    expect(outboxFiles()).toEqual(files);
    expect(await dumpDatabase(dept)).toEqual(before);
  });
});

describe('a temporary file an export cut off left behind', () => {
  it('goes with the next export once it is old; one being written now (young) stays', async () => {
    const outbox = join(dept.dataDir, 'outbox');
    mkdirSync(outbox, { recursive: true });
    const stale = join(outbox, `.공약제출_${LEAD}_2019년상반기_r1.pledge.0123456789ab.tmp`);
    const young = join(outbox, `.공약제출_${LEAD}_2019년상반기_r1.pledge.ba9876543210.tmp`);
    writeFileSync(stale, 'cut off');
    writeFileSync(young, 'under way');
    const hourAgo = new Date(Date.now() - 60 * 60_000);
    utimesSync(stale, hourAgo, hourAgo);
    const made = await exportBundle(dept, { period: '2019-H1' });
    expect(existsSync(stale)).toBe(false);
    expect(readdirSync(outbox).sort()).toEqual([basename(young), basename(made.path)].sort());
  });
});

describe('a file already at the name is never replaced', () => {
  it('in the outbox: the new file takes the next free name, and its row records that name', async () => {
    mkdirSync(outbox(), { recursive: true });
    const usual = join(outbox(), `공약제출_${LEAD}_2019-H1_r1.pledge`);
    writeFileSync(usual, 'a file from before the data folder was restored');
    writeFileSync(join(outbox(), `공약제출_${LEAD}_2019-H1_r1(2).pledge`), 'and another');
    const made = await exportBundle(dept, { period: '2019-H1' });
    expect(made.fileName).toBe(`공약제출_${LEAD}_2019-H1_r1(3).pledge`);
    expect(made.path).toBe(join(outbox(), made.fileName));
    expect(readFileSync(usual, 'utf8')).toBe('a file from before the data folder was restored');
    expect(sha256Hex(readFileSync(made.path))).toBe(made.sha256);
    expect((await listSentBundles(dept.db)).map((s) => s.path)).toEqual([made.path]);
    expect(Object.keys(outboxFiles())).toHaveLength(3);
  });

  it('at a path the user gave (--out): refused, naming the path; the file, the folder and the database unchanged', async () => {
    const folder = join(dir.path, 'share');
    mkdirSync(folder);
    const path = join(folder, 'submission.pledge');
    writeFileSync(path, 'someone else’s file');
    const before = await dumpDatabase(dept);
    const error = await rejection(exportBundle(dept, { period: '2019-H1', path }));
    expect(error.code).toBe('FILE_EXISTS');
    expect(error.message).toBe(
      `${path}에 이미 파일이 있어 덮어쓰지 않았습니다. 다른 파일 이름을 주거나 그 파일을 옮긴 뒤 다시 만드세요.`,
    );
    expect(readFileSync(path, 'utf8')).toBe('someone else’s file');
    expect(readdirSync(folder)).toEqual(['submission.pledge']);
    expect(await dumpDatabase(dept)).toEqual(before);

    const elsewhere = await exportBundle(dept, { period: '2019-H1', path: join(folder, 'other.pledge') });
    expect(elsewhere.revision).toBe(1);
    expect(elsewhere.fileName).toBe('other.pledge');
  });

  it('nothing to send for a half-year: refused naming the half-year as the screen does, nothing made', async () => {
    const before = await dumpDatabase(dept);
    const error = await rejection(exportBundle(dept, { period: '2018-H2' }));
    expect(error.code).toBe('NOTHING_TO_EXPORT');
    expect(error.message).toBe('2018년 하반기에 보낼 수 있는 문서가 없습니다.');
    expect(outboxFiles()).toEqual({});
    expect(await dumpDatabase(dept)).toEqual(before);
  });
});
