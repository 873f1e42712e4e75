import { sql, type Kysely } from 'kysely';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDb } from './create-db';
import { dataGeneration, writeCounts } from './data-generation';
import { deleteNeverSubmitted, documentIdOf, saveDocument } from './documents';
import { recordDecision } from './office-decisions';
import { putReferenceData } from './reference-data';
import type { Database } from './schema';
import { setSetting } from './settings';
import { makeTempDir } from './test/temp-dir';

let dir: ReturnType<typeof makeTempDir>;
let db: Kysely<Database>;
const now = new Date('2019-07-16T00:00:00Z');
beforeEach(() => {
  dir = makeTempDir();
  db = createDb(join(dir.path, 'pledge.sqlite'));
});
afterEach(async () => {
  await db.destroy();
  dir.remove();
});

const decision = {
  kind: 'completion' as const,
  subject: '1-1-1:2019-H1',
  projectId: '1-1-1',
  periodId: '2019-H1',
  decision: 'accepted' as const,
  note: '',
};

describe('data generation', () => {
  it('moves with each committed change to a table the report reads', async () => {
    const start = await dataGeneration(db);
    await recordDecision(db, decision, now);
    const afterInsert = await dataGeneration(db);
    expect(afterInsert).toBeGreaterThan(start);
    await db.updateTable('office_decisions').set({ note: '수정' }).execute();
    const afterUpdate = await dataGeneration(db);
    expect(afterUpdate).toBeGreaterThan(afterInsert);
    await db.deleteFrom('office_decisions').execute();
    const afterDelete = await dataGeneration(db);
    expect(afterDelete).toBeGreaterThan(afterUpdate);
    await putReferenceData(db, { key: 'term', version: 'x', json: { any: 1 } }, now);
    expect(await dataGeneration(db)).toBeGreaterThan(afterDelete);
  });

  it('does not move for a rolled-back write, nor for a table the report does not read', async () => {
    const start = await dataGeneration(db);
    await expect(
      db.transaction().execute(async (trx) => {
        await recordDecision(trx, decision, now);
        throw new Error('중단');
      }),
    ).rejects.toThrow('중단');
    expect(await db.selectFrom('office_decisions').selectAll().execute()).toEqual([]);
    await setSetting(db, 'setup', { role: 'office', department: null });
    expect(await dataGeneration(db)).toBe(start);
  });

  it('sees a change committed through another connection to the same file', async () => {
    const other = createDb(join(dir.path, 'pledge.sqlite'));
    try {
      const start = await dataGeneration(db);
      await sql`INSERT INTO office_decisions (kind, subject, project_id, period_id, decision, note, decided_at)
        VALUES ('conflict', 'k', '1-1-1', '2019-H1', 'rejected', '', '2019-07-16')`.execute(other);
      expect(await dataGeneration(db)).toBe(start + 1);
    } finally {
      await other.destroy();
    }
  });
});

describe('write counts (migration 0014)', () => {
  const plan = {
    kind: 'executionPlan' as const,
    projectId: '1-1-1',
    slot: 'plan',
    department: '경제진흥본부',
  };
  const counts = async () => {
    const key = await writeCounts(db, ['executionPlan', 'managementCard', 'changeRequest', 'reference']);
    return Object.fromEntries(key.split('|').map((part) => part.split(':') as [string, string]));
  };

  it("moves a kind's count with each insert, update and delete of its documents, and no other", async () => {
    const start = await counts();
    await saveDocument(db, { ...plan, json: { a: 1 }, reason: 'autosave' }, now);
    const inserted = await counts();
    expect(Number(inserted.executionPlan)).toBeGreaterThan(Number(start.executionPlan));
    expect({ ...inserted, executionPlan: start.executionPlan }).toEqual(start);
    await saveDocument(db, { ...plan, json: { a: 2 }, reason: 'autosave' }, now);
    const updated = await counts();
    expect(Number(updated.executionPlan)).toBeGreaterThan(Number(inserted.executionPlan));
    expect(await deleteNeverSubmitted(db, documentIdOf(plan))).toBe('deleted');
    const deleted = await counts();
    expect(Number(deleted.executionPlan)).toBeGreaterThan(Number(updated.executionPlan));
    expect({ ...deleted, executionPlan: start.executionPlan }).toEqual(start);
  });

  it('moves the reference count with the catalog or term, not with decisions, settings or a rolled-back write', async () => {
    const start = await counts();
    await recordDecision(db, decision, now);
    await setSetting(db, 'setup', { role: 'office', department: null });
    await expect(
      db.transaction().execute(async (trx) => {
        await saveDocument(trx, { ...plan, json: { a: 1 }, reason: 'autosave' }, now);
        throw new Error('중단');
      }),
    ).rejects.toThrow('중단');
    expect(await counts()).toEqual(start);
    await putReferenceData(db, { key: 'term', version: 'x', json: { any: 1 } }, now);
    const after = await counts();
    expect(Number(after.reference)).toBeGreaterThan(Number(start.reference));
    expect({ ...after, reference: start.reference }).toEqual(start);
  });

  it('sees a write committed through another connection to the same file', async () => {
    const other = createDb(join(dir.path, 'pledge.sqlite'));
    try {
      const start = await counts();
      await saveDocument(other, { ...plan, json: { a: 1 }, reason: 'autosave' }, now);
      expect(Number((await counts()).executionPlan)).toBe(Number(start.executionPlan) + 1);
    } finally {
      await other.destroy();
    }
  });
});
