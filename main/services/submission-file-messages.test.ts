// The department's 제출 파일 screen and the office's import, given the wrong file in a picker: each is said
// plainly in Korean (what the file is, what to do), through the same dispatch the screens use, and nothing changes.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BundleImportResult, Handlers } from '../../domain/api/contract';
import { makeTempDir } from '../../db/test/temp-dir';
import { packZip } from '../bundles/zip-pack';
import { exportBaseline } from './baseline';
import { bundleHandlers } from './bundle-handlers';
import { importBundleInputs } from './bundle-import';
import { dumpDatabase, makeCopy } from './bundle-test-support';
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
      /^이 파일은 기획담당관이 부서에 보내는 기준 자료입니다 — 부서의 제출 파일이 아니어서 여기서는 가져오지 않습니다\. \(자세히: .+\)$/,
    );
    for (const r of result.value as BundleImportResult[]) {
      expect(r.status).toBe('rejected');
      expect(r.reason).toMatch(/^이 프로그램의 제출 파일이 아닌 일반 압축 파일입니다\. .+ \(자세히: .+\)$/);
    }
    expect(await dumpDatabase(office)).toEqual(before);
  });
});
