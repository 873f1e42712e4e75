// A folder import takes every bundle file it can reach and says what it passes over: a link is followed to its
// file (a folder once, so a link back up cannot loop), a file renamed on the way ("….pledge.txt"), a link to
// nothing and a folder that cannot be read are each named with why, and the rest of the folder is imported.
import type * as NodeFs from 'node:fs';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { examples } from '../../domain/documents/test-fixtures';
import { listReceivedBundles } from '../../db/bundles';
import { makeTempDir } from '../../db/test/temp-dir';
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

/** A folder named so cannot be read, as a folder without permission would (the tests run as root here). */
const LOCKED = 'locked-by-test';
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof NodeFs>();
  const readdirSync = ((path: Parameters<typeof fs.readdirSync>[0], ...rest: unknown[]) => {
    if (String(path).endsWith(LOCKED)) {
      throw Object.assign(new Error(`EACCES: permission denied, scandir '${String(path)}'`), {
        code: 'EACCES',
      });
    }
    return (fs.readdirSync as (...args: unknown[]) => unknown)(path, ...rest);
  }) as typeof fs.readdirSync;
  return { ...fs, default: { ...fs, readdirSync }, readdirSync };
});

const LEAD = '경제진흥본부';
const direct = { verifier: directVerifier };

let dir: ReturnType<typeof makeTempDir>;
let office: AppContext;
let dept: AppContext;

beforeEach(async () => {
  dir = makeTempDir('pledge-folder-');
  office = await makeCopy(dir.path, 'office', { role: 'office' });
  dept = await makeCopy(dir.path, 'dept', { role: 'department', department: LEAD });
  await enroll(office, dept);
});
afterEach(async () => {
  for (const ctx of [office, dept]) await ctx.close();
  dir.remove();
});

/** The department's r-th 2019-H1 bundle, chained on `previous`. */
const bundle = async (revision: number, previous: Buffer | null) =>
  signSubmission(await privateKeyOf(dept), {
    department: LEAD,
    period: '2019-H1',
    revision,
    previousBundleSha256: previous ? sha256Hex(previous) : null,
    documents: [
      {
        path: 'documents/finance-1-1-1-2019-H1.json',
        json: { ...structuredClone(examples.financeRowJson), note: `r${revision}` },
      },
    ],
  });

describe('importing a folder', () => {
  it('follows a link to a bundle file, and a link back up the folder does not loop', async () => {
    const r1 = await bundle(1, null);
    const elsewhere = join(dir.path, 'elsewhere');
    mkdirSync(elsewhere);
    writeFileSync(join(elsewhere, 'r1.pledge'), r1);
    const share = join(dir.path, 'share');
    mkdirSync(join(share, 'inner'), { recursive: true });
    symlinkSync(join(elsewhere, 'r1.pledge'), join(share, 'link.pledge'));
    symlinkSync(share, join(share, 'inner', 'back-up'));
    const results = await importBundles(office, [share], undefined, direct);
    expect(results.map((r) => [r.file, r.status])).toEqual([[join(share, 'link.pledge'), 'accepted']]);
    expect((await listReceivedBundles(office.db)).map((b) => b.sha256)).toEqual([sha256Hex(r1)]);
  });

  it('names a bundle renamed on the way, a link to nothing and a folder it cannot read, and imports the rest', async () => {
    const r1 = await bundle(1, null);
    const r2 = await bundle(2, r1);
    const share = join(dir.path, 'share');
    mkdirSync(join(share, LOCKED), { recursive: true });
    writeFileSync(join(share, LOCKED, 'r2.pledge'), r2);
    writeFileSync(join(share, '공약제출_r1.pledge'), r1);
    writeFileSync(join(share, '공약제출_r2.pledge.txt'), r2);
    writeFileSync(join(share, '메모.txt'), '제출 파일이 아닙니다');
    // An export cut off while writing left its temporary file, copied along with the outbox: passed over silently
    // (it is no file the department recorded as sent, and renaming it would make one).
    writeFileSync(join(share, '.공약제출_r3.pledge.0123456789ab.tmp'), r2);
    symlinkSync(join(dir.path, 'gone.pledge'), join(share, 'gone.pledge'));

    const results = await importBundles(office, [share], undefined, direct);
    // In the folder's order (Korean names first), the files passed over before the import's results.
    expect(results.map((r) => [r.file, r.status, r.code])).toEqual([
      [join(share, '공약제출_r2.pledge.txt'), 'rejected', 'FILE_RENAMED'],
      [join(share, 'gone.pledge'), 'rejected', 'LINK_BROKEN'],
      [join(share, LOCKED), 'rejected', 'FOLDER_UNREADABLE'],
      [join(share, '공약제출_r1.pledge'), 'accepted', 'ACCEPTED'],
    ]);
    const reasons = results.map((r) => r.reason);
    expect(reasons[1]).toBe(
      '바로 가기(심볼릭 링크)가 가리키는 파일을 열 수 없어 가져오지 않았습니다 (ENOENT). 원래 파일을 직접 가져오세요.',
    );
    expect(reasons[2]).toBe(
      '폴더를 읽을 수 없어 그 안의 파일은 가져오지 않았습니다 (EACCES). 폴더의 접근 권한을 확인하고 다시 가져오세요. 다른 파일은 따로 검사했습니다.',
    );
    expect(reasons[0]).toBe(
      "제출 파일처럼 보이지만 이름이 .pledge로 끝나지 않아 가져오지 않았습니다 (메일이나 복사 중에 이름이 바뀌었을 수 있습니다). 이름 끝의 '.txt' 부분을 지우고(공약제출_r2.pledge) 다시 가져오세요.",
    );
    // Nothing of the files passed over was stored; renamed back, the file goes in.
    const before = await dumpDatabase(office);
    expect(before.bundles).toHaveLength(1);
    const renamed = join(dir.path, '공약제출_r2.pledge');
    writeFileSync(renamed, r2);
    expect((await importBundles(office, [renamed], undefined, direct))[0]?.status).toBe('accepted');
  });
});
