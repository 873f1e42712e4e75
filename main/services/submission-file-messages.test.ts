// The department's 제출 파일 screen and the office's import, given the wrong file in a picker: each is said
// plainly in Korean (what the file is, what to do), through the same dispatch the screens use, and nothing changes.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Handlers } from '../../domain/api/contract';
import { makeTempDir } from '../../db/test/temp-dir';
import { packZip } from '../bundles/zip-pack';
import { exportBaseline } from './baseline';
import { bundleHandlers } from './bundle-handlers';
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
