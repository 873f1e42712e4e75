import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiResult, Handlers } from '../../domain/api/contract';
import { makeTempDir } from '../../db/test/temp-dir';
import { createAppContext, type AppContext } from './context';
import { dispatch } from './dispatch';
import { createHandlers } from './handlers';

const examples = join(import.meta.dirname, '..', '..', 'docs', 'examples');

let dir: ReturnType<typeof makeTempDir>;
let ctx: AppContext;
let handlers: Handlers;
const call = (name: string, input: unknown): Promise<ApiResult<unknown>> => dispatch(handlers, name, input);
async function ok<T>(name: string, input: unknown): Promise<T> {
  const result = await call(name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

beforeEach(async () => {
  dir = makeTempDir();
  ctx = await createAppContext({
    profileDir: join(dir.path, 'profile'),
    dataDirOverride: join(dir.path, 'data'),
    mode: 'cli',
    appVersion: '0.1.0-test',
    now: () => new Date('2019-07-01T09:00:00Z'),
  });
  handlers = createHandlers(ctx);
  await ok('saveSetup', { role: 'department', department: '경제진흥본부', dataDir: join(dir.path, 'data') });
});
afterEach(async () => {
  await ctx.close();
  dir.remove();
});

describe('readMadeFile (내려받기 of a file this copy made)', () => {
  it('hands back the file as made, by revision; a file changed, gone or never made is named', async () => {
    const finance = JSON.parse(readFileSync(join(examples, 'finance-row.json'), 'utf8')) as unknown;
    await ok('saveDraft', {
      kind: 'financeRow',
      projectId: '1-1-1',
      slot: '2019-H1',
      json: finance,
      expectedVersion: null,
    });
    await ok('initKeys', {});
    const made = await ok<{ revision: number; path: string; fileName: string }>('exportBundle', {
      period: '2019-H1',
    });
    const file = await ok<{ fileName: string; dataBase64: string }>('readMadeFile', {
      type: 'pledge-submission',
      revision: made.revision,
    });
    expect(file.fileName).toBe(made.fileName);
    expect(Buffer.from(file.dataBase64, 'base64').equals(readFileSync(made.path))).toBe(true);

    const refusal = async (input: unknown) => {
      const result = await call('readMadeFile', input);
      if (result.ok) throw new Error('expected a refusal');
      return result.error;
    };
    expect(await refusal({ type: 'pledge-baseline', revision: made.revision })).toMatchObject({
      code: 'NOT_FOUND',
      message: `이 PC가 만든 기준 자료 r${made.revision}이(가) 없습니다.`,
    });
    // A path is never asked for: only a type and a revision.
    expect((await refusal({ type: 'pledge-submission', revision: 1, path: '/etc/passwd' })).code).toBe(
      'INVALID_INPUT',
    );
    const original = readFileSync(made.path);
    writeFileSync(made.path, Buffer.concat([original, Buffer.from('x')]));
    expect(await refusal({ type: 'pledge-submission', revision: made.revision })).toMatchObject({
      code: 'FILE_CHANGED',
      message: expect.stringContaining(made.path),
    });
    rmSync(made.path);
    expect(await refusal({ type: 'pledge-submission', revision: made.revision })).toMatchObject({
      code: 'FILE_MISSING',
      message: expect.stringContaining('찾을 수 없습니다'),
    });
  });
});
