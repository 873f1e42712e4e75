import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import { getAttachment, putAttachment, sha256Hex } from './attachments';
import { createDb } from './create-db';
import {
  DocumentFrozenError,
  documentIdOf,
  getDocument,
  listDocuments,
  listVersions,
  saveDocument,
  VersionConflictError,
} from './documents';
import type { Database } from './schema';
import { makeTempDir } from './test/temp-dir';

let dir: ReturnType<typeof makeTempDir>;
let db: Kysely<Database>;
const identity = {
  kind: 'executionPlan',
  projectId: '1-1-1',
  slot: 'plan',
  department: '경제진흥본부',
} as const;
const t = (s: number) => new Date(Date.UTC(2018, 8, 10, 9, 0, s));

beforeEach(() => {
  dir = makeTempDir();
  db = createDb(join(dir.path, 'p.sqlite'));
});
afterEach(async () => {
  await db.destroy();
  dir.remove();
});

describe('saveDocument', () => {
  it('keeps every saved version and skips saves that change nothing', async () => {
    const a = await saveDocument(
      db,
      { ...identity, json: { goal: 'A' }, expectedVersion: null, reason: 'autosave' },
      t(1),
    );
    expect(a.version).toBe(1);
    const b = await saveDocument(
      db,
      { ...identity, json: { goal: 'AB' }, expectedVersion: 1, reason: 'autosave' },
      t(2),
    );
    expect(b.version).toBe(2);
    const same = await saveDocument(
      db,
      { ...identity, json: { goal: 'AB' }, expectedVersion: 2, reason: 'autosave' },
      t(3),
    );
    expect(same.version).toBe(2);
    const versions = await listVersions(db, documentIdOf(identity));
    expect(versions.map((v) => [v.version, v.json, v.reason])).toEqual([
      [2, { goal: 'AB' }, 'autosave'],
      [1, { goal: 'A' }, 'create'],
    ]);
  });

  it('refuses a save based on an outdated version and leaves the stored data as it was', async () => {
    await saveDocument(
      db,
      { ...identity, json: { goal: 'A' }, expectedVersion: null, reason: 'autosave' },
      t(1),
    );
    await saveDocument(
      db,
      { ...identity, json: { goal: 'B' }, expectedVersion: 1, reason: 'autosave' },
      t(2),
    );
    await expect(
      saveDocument(
        db,
        { ...identity, json: { goal: 'stale' }, expectedVersion: 1, reason: 'autosave' },
        t(3),
      ),
    ).rejects.toBeInstanceOf(VersionConflictError);
    const conflict = (await saveDocument(
      db,
      { ...identity, json: { goal: 'stale' }, expectedVersion: 1, reason: 'autosave' },
      t(3),
    ).then(
      () => null,
      (error: unknown) => error,
    )) as VersionConflictError;
    // The versions are on the error, not in the person's words; nothing tells them to type it again.
    expect([conflict.stored, conflict.expected]).toEqual([2, 1]);
    expect(conflict.message).not.toMatch(/\d|버전|다시 입력/);
    expect(conflict.message).toContain('다른 창에서 먼저 저장한 내용');
    const stored = await getDocument(db, documentIdOf(identity));
    expect(stored?.json).toEqual({ goal: 'B' });
    expect(await listVersions(db, documentIdOf(identity))).toHaveLength(2);
  });

  it('a confirmed document is frozen', async () => {
    await saveDocument(
      db,
      { ...identity, json: { goal: 'A' }, reason: 'confirm', status: 'confirmed' },
      t(1),
    );
    await expect(
      saveDocument(db, { ...identity, json: { goal: 'X' }, reason: 'autosave' }, t(2)),
    ).rejects.toBeInstanceOf(DocumentFrozenError);
    expect((await getDocument(db, documentIdOf(identity)))?.json).toEqual({ goal: 'A' });
  });

  it('lists documents by department and kind', async () => {
    await saveDocument(db, { ...identity, json: {}, reason: 'autosave' }, t(1));
    await saveDocument(
      db,
      { ...identity, department: '도시교통본부', projectId: '1-7-1', json: {}, reason: 'autosave' },
      t(1),
    );
    const mine = await listDocuments(db, { department: '경제진흥본부' });
    expect(mine.map((d) => d.projectId)).toEqual(['1-1-1']);
  });
});

describe('attachments', () => {
  it('stores content once under its SHA-256', async () => {
    const bytes = Buffer.from('사진 내용');
    const first = await putAttachment(db, bytes, 'image/png', t(1));
    const second = await putAttachment(db, Buffer.from(bytes), 'image/png', t(2));
    expect(first).toEqual(second);
    expect(first.sha256).toBe(sha256Hex(bytes));
    const stored = await getAttachment(db, first.sha256);
    expect(stored?.bytes.equals(bytes)).toBe(true);
    const count = await db
      .selectFrom('attachments')
      .select(db.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });
});
