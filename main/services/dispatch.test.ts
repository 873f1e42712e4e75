import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../db/test/temp-dir';
import { createAppContext, type AppContext } from './context';
import { dispatch } from './dispatch';
import { storageError } from './errors';
import { createHandlers } from './handlers';

let dir: ReturnType<typeof makeTempDir>;
let ctx: AppContext;
beforeEach(async () => {
  dir = makeTempDir('pledge-dispatch-');
  ctx = await createAppContext({
    profileDir: join(dir.path, 'profile'),
    mode: 'browser',
    appVersion: 'test',
  });
});
afterEach(async () => {
  await ctx.close();
  dir.remove();
});

const ENGLISH = /[A-Za-z]{4,}/;

describe('an input the contract refuses is said in Korean', () => {
  it("zod's own issues: the field by its Korean label, never its code name or zod's English", async () => {
    const handlers = createHandlers(ctx);
    const empty = await dispatch(handlers, 'importBundleData', { files: [{ name: ' ', dataBase64: '' }] });
    expect(empty).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message: '입력값이 올바르지 않습니다: 파일 이름 — 비어 있습니다.',
        details: { 'files.0.name': '비어 있습니다' },
      },
    });
    const extra = await dispatch(handlers, 'previewEnrollment', { text: '{}', secret: 1 });
    expect(extra).toMatchObject({
      ok: false,
      error: { message: '입력값이 올바르지 않습니다: 알 수 없는 항목이 1개 있습니다.' },
    });
    const wrongType = await dispatch(handlers, 'previewEnrollment', { text: 3 });
    if (wrongType.ok) throw new Error('accepted');
    expect(wrongType.error.message).toBe(
      '입력값이 올바르지 않습니다: 파일 내용 — 없거나 형식이 맞지 않습니다.',
    );
    for (const result of [empty, extra, wrongType]) {
      if (result.ok) throw new Error('accepted');
      expect(result.error.message).not.toMatch(ENGLISH);
      for (const detail of Object.values(result.error.details ?? {})) expect(detail).not.toMatch(ENGLISH);
    }
  });

  it("the contract's own message is shown as it is, without a field's code name", async () => {
    const result = await dispatch(createHandlers(ctx), 'importEnrollment', { text: 'x'.repeat(20_001) });
    if (result.ok) throw new Error('accepted');
    expect(result.error.message).toMatch(/^키 등록 파일이 아닙니다 \(너무 큽니다\): /);
    expect(result.error.details).toEqual({ text: result.error.message });
  });
});

describe('a storage failure is said plainly', () => {
  it("by SQLite's code family (SQLITE_IOERR_WRITE is an I/O error), and anything else stays the general message", () => {
    expect(
      storageError(Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR_WRITE' })),
    ).toMatchObject({
      code: 'DATA_IO_ERROR',
    });
    expect(storageError(Object.assign(new Error('no space'), { code: 'ENOSPC' }))?.code).toBe('DISK_FULL');
    // An import keeps the batches committed before: it never says nothing changed.
    const full = Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
    expect(storageError(full)?.message).toContain('저장된 데이터는 바뀌지 않았습니다');
    const inImport = storageError(full, { partOfImport: true })?.message;
    expect(inImport).toContain('이미 반영된 제출 파일은 그대로 있고');
    expect(inImport).not.toContain('바뀌지 않았습니다');
    // A damaged file: nothing is claimed about what it holds.
    expect(
      storageError(Object.assign(new Error('malformed'), { code: 'SQLITE_CORRUPT_INDEX' })),
    ).toMatchObject({
      code: 'DATA_CORRUPT',
      message: expect.not.stringContaining('바뀌지 않았습니다') as unknown,
    });
    expect(
      storageError(Object.assign(new Error('constraint'), { code: 'SQLITE_CONSTRAINT_UNIQUE' })),
    ).toBeNull();
    expect(storageError(new Error('plain'))).toBeNull();
    expect(storageError(null)).toBeNull();
  });
});
