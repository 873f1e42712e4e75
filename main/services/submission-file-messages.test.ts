// The department's 제출 파일 screen and the office's import, given the wrong file in a picker: each is said
// plainly in Korean (what the file is, what to do), through the same dispatch the screens use, and nothing changes.
import { readFileSync } from 'node:fs';
import yazl from 'yazl';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BundleImportResult, Handlers } from '../../domain/api/contract';
import { examples } from '../../domain/documents/test-fixtures';
import { makeTempDir } from '../../db/test/temp-dir';
import { DEFAULT_LIMITS } from '../bundles';
import { readZipEntries } from '../bundles/read';
import { packZip, zipBytes } from '../bundles/zip-pack';
import { exportBaseline } from './baseline';
import { bundleHandlers } from './bundle-handlers';
import { importBundleInputs } from './bundle-import';
import { dumpDatabase, makeCopy, privateKeyOf, signSubmission } from './bundle-test-support';
import { directVerifier } from './bundle-verify';
import type { AppContext } from './context';
import { dispatch } from './dispatch';
import { createHandlers } from './handlers';
import { exportEnrollment, importEnrollment } from './key-service';

let dir: ReturnType<typeof makeTempDir>;
let office: AppContext;
let dept: AppContext;
let clock = new Date('2019-07-01T09:00:00Z');
const now = () => clock;

const handlersOf = (ctx: AppContext): Handlers => ({
  ...createHandlers(ctx),
  ...bundleHandlers(ctx, { verifier: directVerifier }),
});

beforeEach(async () => {
  clock = new Date('2019-07-01T09:00:00Z');
  dir = makeTempDir('pledge-wrong-file-');
  office = await makeCopy(dir.path, 'office', { role: 'office' }, now);
  dept = await makeCopy(dir.path, 'dept', { role: 'department', department: '경제진흥본부' }, now);
});
afterEach(async () => {
  await office.close();
  await dept.close();
  dir.remove();
});

/** The error message of a call that must fail, checking the department's database is unchanged by it. */
async function refusal(ctx: AppContext, name: keyof Handlers, input: unknown): Promise<string> {
  const before = await dumpDatabase(ctx);
  const result = await dispatch(handlersOf(ctx), name, input);
  if (result.ok) throw new Error(`${name} succeeded`);
  expect(await dumpDatabase(ctx)).toEqual(before);
  return result.error.message;
}

/** No English words of zod or of the program's internals in what a person reads. */
function expectPlain(message: string): void {
  expect(message).not.toMatch(/Invalid|expected|Too big|Too small|formatVersion|pledge-key-enrollment/);
  expect(message).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
}

const asData = (name: string, bytes: Buffer) => ({ name, dataBase64: bytes.toString('base64') });

describe('the department’s office-key picker, given the wrong file', () => {
  it('junk JSON is said to be no key enrollment file of this program, with what one looks like', async () => {
    const message = await refusal(dept, 'previewEnrollment', { text: '{"hello": "world", "n": 1}\n' });
    expect(message).toMatch(/^이 파일은 이 프로그램의 키 등록 파일이 아닙니다/);
    expect(message).toContain('.pledgekey.json');
    expectPlain(message);
    const imported = await refusal(dept, 'importEnrollment', { text: '{"hello": "world"}' });
    expect(imported).toMatch(/^이 파일은 이 프로그램의 키 등록 파일이 아닙니다/);
  });

  it('a baseline package (a zip read as text) is said to be no key file, whatever its size', async () => {
    await importEnrollment(dept, (await exportEnrollment(office)).text);
    const baseline = readFileSync((await exportBaseline(office)).path);
    const big = await refusal(dept, 'previewEnrollment', { text: baseline.toString('utf8') });
    expect(big).toMatch(/^키 등록 파일이 아닙니다 \(너무 큽니다\)/);
    expect(big).toContain('.pledgekey.json');
    expectPlain(big);
    // A small zip (under the size check) is recognised by its first bytes.
    const small = await packZip([{ name: 'a.txt', data: Buffer.from('a'), compress: false }]);
    const message = await refusal(dept, 'previewEnrollment', { text: small.toString('utf8') });
    expect(message).toMatch(/^이 파일은 키 등록 파일이 아니라 ZIP 파일/);
    expectPlain(message);
  });
});

describe('the department’s baseline picker, given the wrong file', () => {
  it('a key enrollment file is named as one, with where it goes (before the missing office key)', async () => {
    const { text } = await exportEnrollment(office);
    const message = await refusal(dept, 'applyBaseline', asData('office.pledgekey.json', Buffer.from(text)));
    expect(message).toMatch(/^이 파일은 서명 키 등록 파일입니다 — 기준 자료가 아닙니다/);
    expect(message).toContain("'기획담당관 키 등록 파일 가져오기'");
    expectPlain(message);
  });

  it('junk, an ordinary zip and a submission file are each said to be no baseline package', async () => {
    // With no office key trusted yet, the file is still named for what it is first.
    const early = await refusal(dept, 'applyBaseline', asData('memo.pledge', Buffer.from('메모입니다\n')));
    expect(early).toMatch(/^기준 자료 파일이 아닙니다 \(ZIP 형식이 아님\)/);
    await importEnrollment(dept, (await exportEnrollment(office)).text);
    const junk = await refusal(dept, 'applyBaseline', asData('memo.pledge', Buffer.from('메모입니다\n')));
    expect(junk).toMatch(/^기준 자료 파일이 아닙니다 \(ZIP 형식이 아님\)/);
    expect(junk).toContain('(자세히: ');
    expectPlain(junk);

    const zip = await packZip([{ name: 'report.txt', data: Buffer.alloc(4000, 'a'), compress: true }]);
    const general = await refusal(dept, 'applyBaseline', asData('report.zip', zip));
    expect(general).toMatch(/^기준 자료 파일이 아닙니다 \(이 프로그램의 파일이 아닌 일반 압축 파일입니다\)/);
    // The office's own package, unpacked and packed again on the way.
    const repacked = await repackedByAZipProgram(readFileSync((await exportBaseline(office)).path));
    const again = await refusal(dept, 'applyBaseline', asData('공약기준자료_r1.pledge', repacked));
    expect(again).toMatch(/^압축 프로그램으로 풀었다가 다시 묶은 파일이어서 적용하지 않았습니다\. /);
    expectPlain(again);
    expectPlain(general);

    const submission = await signSubmission(await privateKeyOf(dept), {
      department: '경제진흥본부',
      period: 'plan',
      revision: 1,
      previousBundleSha256: null,
      documents: [{ path: 'documents/plans/plan-1-1-1.json', json: examples.planJson }],
    });
    const mine = await refusal(dept, 'applyBaseline', asData('submission.pledge', submission));
    expect(mine).toMatch(/^이 파일은 부서 제출 파일입니다 — 기준 자료가 아닙니다/);
    expectPlain(mine);
  });

  it('a package made before the office key says so with times in KST, to the minute', async () => {
    clock = new Date('2026-07-14T12:40:00.030Z');
    const later = await makeCopy(dir.path, 'office-2026', { role: 'office' }, now);
    try {
      // The office key is trusted from its creation; a package stamped two minutes earlier (a clock set back).
      await importEnrollment(dept, (await exportEnrollment(later)).text);
      clock = new Date('2026-07-14T12:38:00.028Z');
      const baseline = readFileSync((await exportBaseline(later)).path);
      const message = await refusal(dept, 'applyBaseline', asData('b.pledge', baseline));
      expect(message).toMatch(
        /^기준 자료를 적용하지 않았습니다: 이 파일을 만든 시각\(2026-07-14 21:38\)이 서명한 키\(.+\)를 만든 시각\(2026-07-14 21:40\)보다 앞섭니다\. /,
      );
      expect(message).toContain('2026-07-14 21:38');
      expect(message).toContain('2026-07-14 21:40');
      expectPlain(message);
    } finally {
      await later.close();
    }
  });
});

describe('the office’s import, given an ordinary zip or a baseline package', () => {
  it('a zip of unrelated files is said to be an ordinary zip first, the detail after; a baseline package is named', async () => {
    const zip = await packZip([
      { name: 'changeRequest-4-3-3-plan-27.json', data: Buffer.from('{"a":1}'.repeat(200)), compress: true },
      { name: 'notes.txt', data: Buffer.from('메모'), compress: true },
    ]);
    const stored = await packZip([{ name: 'notes.txt', data: Buffer.from('메모'), compress: false }]);
    // Made by the office itself, then dropped on its own import by mistake.
    const baseline = readFileSync((await exportBaseline(office)).path);
    const before = await dumpDatabase(office);
    const result = await dispatch(handlersOf(office), 'importBundleData', {
      files: [asData('unrelated.pledge', zip), asData('stored.zip', stored)],
    });
    if (!result.ok) throw new Error(result.error.message);
    const [wrongWay] = await importBundleInputs(office, [{ name: 'b.pledge', bytes: baseline }], {
      verifier: directVerifier,
    });
    expect(wrongWay?.reason).toMatch(
      /^이 파일은 기획담당관이 부서에 보내는 기준 자료입니다 — 부서의 제출 파일이 아니어서 여기서는 가져오지 않습니다\. 기준 자료는 부서 PC의 '제출 파일' 화면, '기준 자료 적용'에서 씁니다\.$/,
    );
    // Not listed as a department's 실천계획서 (its manifest's "plan"): a baseline has no half-year of a department.
    expect([wrongWay?.department, wrongWay?.period, wrongWay?.unverified]).toEqual([null, null, false]);
    for (const r of result.value as BundleImportResult[]) {
      expect(r.status).toBe('rejected');
      expect(r.reason).toMatch(/^이 프로그램의 제출 파일이 아닌 일반 압축 파일입니다\. .+ \(자세히: .+\)$/);
    }
    expect(await dumpDatabase(office)).toEqual(before);
  });
});

/** A bundle unpacked and packed again as a zip program does: the same entries, stored, with today's time. */
async function repackedByAZipProgram(bundle: Buffer): Promise<Buffer> {
  const read = await readZipEntries(bundle, DEFAULT_LIMITS);
  if (!read.ok) throw new Error(read.message);
  const zip = new yazl.ZipFile();
  for (const entry of read.entries) {
    zip.addBuffer(entry.data, entry.name, { compress: false, mtime: new Date('2019-07-02T10:00:00Z') });
  }
  return zipBytes(zip);
}

describe('the office’s import, given a damaged file or a bundle packed again', () => {
  it('bytes that only begin like a zip are damaged, not an ordinary zip; a repacked bundle is said to be one', async () => {
    const bundle = await signSubmission(await privateKeyOf(dept), {
      department: '경제진흥본부',
      period: 'plan',
      revision: 1,
      previousBundleSha256: null,
      documents: [{ path: 'documents/plans/plan-1-1-1.json', json: examples.planJson }],
    });
    const repacked = await repackedByAZipProgram(bundle);
    // Only the container differs (the same entries, names and bytes, in the same order).
    expect(repacked.equals(bundle)).toBe(false);
    const junk = Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(400, 0x41)]);
    const cutShort = bundle.subarray(0, Math.floor(bundle.length / 2));
    const before = await dumpDatabase(office);
    const result = await dispatch(handlersOf(office), 'importBundleData', {
      files: [
        asData('junk.pledge', junk),
        asData('half.pledge', cutShort),
        asData('repacked.pledge', repacked),
      ],
    });
    if (!result.ok) throw new Error(result.error.message);
    const [junkResult, halfResult, repackedResult] = result.value as BundleImportResult[];
    const damaged =
      /^이 프로그램의 제출 파일\(\.pledge\)이 아니거나 손상된 파일입니다\. 부서에 파일을 다시 보내 달라고 하세요\. \(자세히: .+\)$/;
    expect(junkResult?.reason).toMatch(damaged);
    expect(halfResult?.reason).toMatch(damaged);
    expect(repackedResult?.reason).toMatch(
      /^압축 프로그램으로 풀었다가 다시 묶은 제출 파일입니다\. .+ 압축을 풀거나 다시 묶지 말고 그대로 보내 달라고 하세요\. \(자세히: .+\)$/,
    );
    for (const r of [junkResult, halfResult, repackedResult]) {
      expect(r?.status).toBe('rejected');
      expect(r?.reason).not.toMatch(/일반 압축 파일/);
    }
    expect(await dumpDatabase(office)).toEqual(before);
  });
});
