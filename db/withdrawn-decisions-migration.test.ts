import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from './migrate';
import { migrations } from './migrations/index';

// Migration 0017 rebuilds office_decisions so that a 완료 decision can be withdrawn (결정 취소): rows, ids, the index
// and the data-generation triggers are kept; only a 완료 decision can be withdrawn.
describe('migration 0017 (withdrawn decisions)', () => {
  it('keeps every decision as it was, and its triggers; a withdrawal is a 완료 row only', () => {
    const raw = new BetterSqlite3(':memory:');
    migrate(raw, migrations.slice(0, 16));
    const insert = raw.prepare(
      `INSERT INTO office_decisions (kind, subject, project_id, period_id, decision, note, decided_at,
         card_bundle_sha256, card_revision, decided_basis)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    insert.run(
      'completion',
      '1-1-1:2019-H1',
      '1-1-1',
      '2019-H1',
      'accepted',
      '',
      '2019-07-20T01:00:00.000Z',
      'a'.repeat(64),
      2,
      null,
    );
    insert.run(
      'conflict',
      'frozen:1-1-2:2019-H1:부서',
      '1-1-2',
      '2019-H1',
      'rejected',
      '사유',
      '2019-07-20T02:00:00.000Z',
      null,
      null,
      '[]',
    );
    const before = raw.prepare('SELECT * FROM office_decisions ORDER BY id').all();

    migrate(raw);
    expect(raw.prepare('SELECT * FROM office_decisions ORDER BY id').all()).toEqual(before);
    const objects = raw
      .prepare(`SELECT type, name FROM sqlite_master WHERE tbl_name = 'office_decisions' ORDER BY type, name`)
      .all();
    expect(objects).toEqual([
      { type: 'index', name: 'office_decisions_by_subject' },
      { type: 'table', name: 'office_decisions' },
      { type: 'trigger', name: 'office_decisions_delete_generation' },
      { type: 'trigger', name: 'office_decisions_insert_generation' },
      { type: 'trigger', name: 'office_decisions_update_generation' },
    ]);

    const generation = () => (raw.prepare('SELECT n FROM data_generation').get() as { n: number }).n;
    const n = generation();
    insert.run(
      'completion',
      '1-1-1:2019-H1',
      '1-1-1',
      '2019-H1',
      'withdrawn',
      '',
      '2019-07-21T01:00:00.000Z',
      null,
      null,
      null,
    );
    expect(generation()).toBe(n + 1);
    expect(() =>
      insert.run(
        'conflict',
        'frozen:1-1-2:2019-H1:부서',
        '1-1-2',
        '2019-H1',
        'withdrawn',
        '',
        '2019-07-21T01:00:00.000Z',
        null,
        null,
        null,
      ),
    ).toThrow(/CHECK constraint failed/);
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    raw.close();
  });
});
