// 확보내역 is a 누계 that starts from the last half-year's figures: a department that lowers it is warned (not
// refused: it can be a correction), with the earlier half-year's figure named.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiResult, Handlers, SavedDocument } from '../../domain/api/contract';
import type { FinanceRow } from '../../domain/documents';
import { makeTempDir } from '../../db/test/temp-dir';
import { createAppContext, type AppContext } from './context';
import { dispatch } from './dispatch';
import { createHandlers } from './handlers';

let dir: ReturnType<typeof makeTempDir>;
let ctx: AppContext;
let handlers: Handlers;

async function ok<T>(name: string, input: unknown): Promise<T> {
  const result: ApiResult<unknown> = await dispatch(handlers, name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

const ref = (slot: string) => ({ kind: 'financeRow', projectId: '1-1-1', slot }) as const;

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

/** The 2018-H2 row saved with 확보 1,019.6 (시비 1,000 + 민간 19.6); then the 2019-H1 row as it opens (pre-filled). */
async function lastHalfYearThenNew(): Promise<FinanceRow> {
  const first = await ok<{ document: FinanceRow }>('openDocument', ref('2018-H2'));
  const earlier = { ...first.document, secured: { ...first.document.secured, city: 1000, private: 19.6 } };
  await ok('saveDraft', { ...ref('2018-H2'), json: earlier, expectedVersion: null });
  const next = await ok<{ document: FinanceRow }>('openDocument', ref('2019-H1'));
  expect(next.document.secured).toEqual(earlier.secured);
  return next.document;
}

const save = (row: FinanceRow, expectedVersion: number | null = null) =>
  ok<SavedDocument>('saveDraft', { ...ref('2019-H1'), json: row, expectedVersion });

describe('확보 누계 lower than the last half-year', () => {
  it('is a warning naming the earlier half-year and its figure, at the source that fell', async () => {
    const row = await lastHalfYearThenNew();
    const saved = await save({ ...row, secured: { ...row.secured, city: 700.4 } });
    expect(saved.validation.errors).toEqual([]);
    const warning = saved.validation.warnings.find((w) => w.code === 'secured.decreased');
    expect(warning).toEqual({
      path: 'secured.city',
      code: 'secured.decreased',
      message: '확보 누계가 지난 반기(2018년 하반기 1,019.6백만원)보다 적습니다. 고친 것이 맞는지 확인하세요',
    });
  });

  it('says nothing when the 누계 stays or grows, even when it moves between sources', async () => {
    const row = await lastHalfYearThenNew();
    const same = await save(row);
    expect(same.validation.warnings.map((w) => w.code)).not.toContain('secured.decreased');
    const moved = await save({ ...row, secured: { ...row.secured, city: 900, national: 150 } }, same.version);
    expect(moved.validation.warnings.map((w) => w.code)).not.toContain('secured.decreased');
  });
});
