// Every statement the office's report runs, with the arguments it ran with, explained by SQLite itself: none may
// walk a whole table that grows with the submissions (bundles, documents, received documents, bundle files). A
// walk costs nothing with the test's few rows and about 10 ms per list at ten times Seoul's size (migration 0010).
import type BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { connectionInsideTransaction } from '../../db/create-db';
import { officeHandlers } from './office-handlers';
import {
  basePlan,
  cardDoc,
  cardFor,
  planDoc,
  request,
  useOfficeHarness,
} from './test-support/office-harness';

const h = useOfficeHarness();

const GROWING_TABLES = ['bundles', 'documents', 'received_documents', 'bundle_files'];

type Ran = { sql: string; args: unknown[] };

/** Records each statement prepared on the connection and the arguments of each run (the statements still run). */
function recordStatements(sqlite: BetterSqlite3.Database): { ran: Ran[]; stop: () => void } {
  const ran: Ran[] = [];
  const prepare = sqlite.prepare.bind(sqlite);
  const patched = (sql: string): BetterSqlite3.Statement => {
    const statement = prepare(sql);
    for (const method of ['all', 'get', 'iterate', 'run'] as const) {
      const original = statement[method].bind(statement) as (...args: unknown[]) => unknown;
      Object.defineProperty(statement, method, {
        value: (...args: unknown[]) => {
          ran.push({ sql, args });
          return original(...args);
        },
      });
    }
    return statement;
  };
  Object.defineProperty(sqlite, 'prepare', { value: patched, configurable: true });
  return {
    ran,
    stop: () => Object.defineProperty(sqlite, 'prepare', { value: prepare, configurable: true }),
  };
}

function planOf(sqlite: BetterSqlite3.Database, { sql, args }: Ran): string[] {
  const rows = sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[];
  return rows.map((r) => r.detail);
}

describe('the report reads the growing tables by index', () => {
  it('no statement of a report walks bundles, documents, received documents or bundle files', async () => {
    const plan = basePlan();
    expect(await h.send('plan', [planDoc(plan)])).toBe('accepted');
    expect(await h.send('2019-H1', [cardDoc(cardFor(plan, 'onTrack'))])).toBe('accepted');
    const handlers = officeHandlers(h.office);
    await handlers.confirmReceivedPlan({ projectId: '1-1-1' });

    const sqlite = connectionInsideTransaction(h.office.db);
    const recorder = recordStatements(sqlite);
    let view;
    try {
      view = await handlers.getOfficeReport(request);
    } finally {
      recorder.stop();
    }
    // The report was really built from the data (one confirmed plan, one card on track).
    expect(view.report.statusTables.total.counts.onTrack).toBe(1);

    const reads = recorder.ran.filter((r) => /^\s*(select|with)\b/i.test(r.sql));
    const readTables = new Set(
      reads.flatMap((r) => GROWING_TABLES.filter((t) => new RegExp(`\\b${t}\\b`).test(r.sql))),
    );
    // The statements recorded cover the lists in question (else the check below would prove nothing).
    expect([...readTables].sort()).toEqual(['bundles', 'documents', 'received_documents']);

    const walks = reads.flatMap((r) =>
      planOf(sqlite, r)
        .filter((detail) => GROWING_TABLES.some((t) => new RegExp(`^SCAN ${t}\\b`).test(detail)))
        .map((detail) => `${detail} ← ${r.sql.replace(/\s+/g, ' ').slice(0, 120)}`),
    );
    expect(walks).toEqual([]);
    // The confirmed plans' heads (one row per project, every report) come from the index alone, not from the
    // rows with their JSON.
    const heads = reads.find((r) => /^select "id", "version", "updated_at" from "documents"/.test(r.sql));
    expect(heads && planOf(sqlite, heads).join(' / ')).toMatch(/USING COVERING INDEX/);
  });
});
