// receivedOf keeps its lists per database handle and reads only rows appended since (received-documents.ts): after
// every kind of write, the kept list must equal what a connection with nothing kept reads.
import { describe, expect, it } from 'vitest';
import { createDb, withRawConnection } from '../../db/create-db';
import { databasePathIn } from './context';
import { receivedOf } from './received-documents';
import { basePlan, cardDoc, cardFor, planDoc, useOfficeHarness } from './test-support/office-harness';

const h = useOfficeHarness();

/** receivedOf through the office's own handle (lists kept) and through a fresh one (nothing kept). */
async function bothWays(kind: 'executionPlan' | 'managementCard', slot?: string) {
  const fresh = createDb(databasePathIn(h.office.dataDir));
  try {
    return { kept: await receivedOf(h.office.db, kind, slot), fresh: await receivedOf(fresh, kind, slot) };
  } finally {
    await fresh.destroy();
  }
}

describe('received document lists kept between reports', () => {
  it('new revisions are appended in revision order; an unchanged database gives the same list object', async () => {
    const plan = basePlan();
    expect(await h.send('plan', [planDoc(plan)])).toBe('accepted');
    const first = await bothWays('executionPlan');
    expect(first.kept).toEqual(first.fresh);
    expect(first.kept).toHaveLength(1);

    expect(await h.send('2019-H1', [cardDoc(cardFor(plan, 'onTrack'))])).toBe('accepted');
    const one = await bothWays('managementCard', '2019-H1');
    expect(one.kept).toEqual(one.fresh);
    expect(await h.send('2019-H1', [cardDoc(cardFor(plan, 'partial'))])).toBe('accepted');
    const two = await bothWays('managementCard', '2019-H1');
    expect(two.kept).toEqual(two.fresh);
    expect(two.kept.map((r) => r.revision)).toEqual([2, 3]);
    // Nothing written since: the very same list (its split into revisions and its parsed rows are kept on it).
    expect(await receivedOf(h.office.db, 'managementCard', '2019-H1')).toBe(two.kept);
    // Other kinds' lists are untouched by the cards appended after them.
    expect((await bothWays('executionPlan')).kept).toEqual(first.fresh);
  });

  it('a deleted row whose rowid a new row takes again (as a held-bundle swap does) is read anew, not kept', async () => {
    const plan = basePlan();
    await h.send('plan', [planDoc(plan)]);
    await h.send('2019-H1', [cardDoc(cardFor(plan, 'onTrack'))]);
    const before = await receivedOf(h.office.db, 'managementCard', '2019-H1');
    expect(before).toHaveLength(1);
    // Delete the card row (the highest rowid) and insert another in its place: SQLite gives it the same rowid.
    await withRawConnection(h.office.db, (sqlite) => {
      const row = sqlite
        .prepare("SELECT rowid, * FROM received_documents WHERE kind = 'managementCard'")
        .get() as Record<string, unknown>;
      sqlite.prepare('DELETE FROM received_documents WHERE rowid = ?').run(row.rowid);
      const inserted = sqlite
        .prepare(
          `INSERT INTO received_documents (bundle_sha256, kind, project_id, slot, department, revision, json, received_at)
           VALUES (?, 'managementCard', '1-1-2', '2019-H1', ?, ?, ?, ?)`,
        )
        .run(row.bundle_sha256, row.department, row.revision, row.json, row.received_at);
      expect(Number(inserted.lastInsertRowid)).toBe(row.rowid);
    });
    const after = await bothWays('managementCard', '2019-H1');
    expect(after.kept).toEqual(after.fresh);
    expect(after.kept.map((r) => r.project_id)).toEqual(['1-1-2']);
  });

  it("a bundle no longer accepted takes its documents out of the list (its row's update is counted)", async () => {
    const plan = basePlan();
    await h.send('plan', [planDoc(plan)]);
    await h.send('2019-H1', [cardDoc(cardFor(plan, 'onTrack'))]);
    expect(await receivedOf(h.office.db, 'managementCard', '2019-H1')).toHaveLength(1);
    await withRawConnection(h.office.db, (sqlite) =>
      sqlite.prepare("UPDATE bundles SET status = 'quarantined' WHERE sha256 = ?").run(h.lastSha),
    );
    const after = await bothWays('managementCard', '2019-H1');
    expect(after.kept).toEqual(after.fresh);
    expect(after.kept).toEqual([]);
  });
});
