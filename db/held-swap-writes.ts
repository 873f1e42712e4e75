import type BetterSqlite3 from 'better-sqlite3';
import type { HeldBundleRow } from './bundle-writes';
import { heldOf } from './bundles';
import type { OfficeDecision } from './office-decisions';
import type { HeldBundlesTable } from './schema';

/**
 * The statements that swap a held same-revision bundle with the accepted one (main/services/held-bundle-swap.ts),
 * on the raw connection so the whole swap is one synchronous transaction together with bundleWrites.
 */
export interface HeldSwapWrites {
  /** A held bundle with its bytes. */
  held(sha256: string): HeldBundleRow | undefined;
  /** The archived bytes of a received bundle. */
  file(sha256: string): Buffer | undefined;
  /** How many received bundles (accepted or quarantined) name this one as their previous bundle. */
  successors(sha256: string): number;
  unhold(sha256: string): void;
  /** Held bundles that conflicted with `from` now conflict with `to` (a third bundle of the same revision). */
  repointHeld(from: string, to: string): void;
  /** Removes an accepted bundle's documents, archived bytes and row (it is held instead, bytes and all). */
  dropAccepted(sha256: string): void;
  recordConflictDecision(d: Omit<OfficeDecision, 'id' | 'kind' | 'card' | 'basis'>): void;
}

const cache = new WeakMap<BetterSqlite3.Database, HeldSwapWrites>();

export function heldSwapWrites(sqlite: BetterSqlite3.Database): HeldSwapWrites {
  const known = cache.get(sqlite);
  if (known) return known;
  const held = sqlite.prepare<[string], HeldBundlesTable>('SELECT * FROM held_bundles WHERE sha256 = ?');
  const file = sqlite.prepare<[string], { bytes: Buffer }>('SELECT bytes FROM bundle_files WHERE sha256 = ?');
  const successors = sqlite.prepare<[string], { n: number }>(
    'SELECT count(*) AS n FROM bundles WHERE previous_sha256 = ?',
  );
  const unhold = sqlite.prepare('DELETE FROM held_bundles WHERE sha256 = ?');
  const repointHeld = sqlite.prepare('UPDATE held_bundles SET conflicts_with = ? WHERE conflicts_with = ?');
  const dropDocuments = sqlite.prepare('DELETE FROM received_documents WHERE bundle_sha256 = ?');
  const dropFile = sqlite.prepare('DELETE FROM bundle_files WHERE sha256 = ?');
  const dropBundle = sqlite.prepare("DELETE FROM bundles WHERE sha256 = ? AND status = 'accepted'");
  const decide = sqlite.prepare(
    `INSERT INTO office_decisions (kind, subject, project_id, period_id, decision, note, decided_at)
     VALUES ('conflict', ?, ?, ?, ?, ?, ?)`,
  );
  const writes: HeldSwapWrites = {
    held(sha256) {
      const r = held.get(sha256);
      return r && { ...heldOf(r), bytes: r.bytes };
    },
    file: (sha256) => file.get(sha256)?.bytes,
    successors: (sha256) => successors.get(sha256)?.n ?? 0,
    unhold: (sha256) => void unhold.run(sha256),
    repointHeld: (from, to) => void repointHeld.run(to, from),
    dropAccepted(sha256) {
      dropDocuments.run(sha256);
      dropFile.run(sha256);
      if (dropBundle.run(sha256).changes !== 1) throw new Error(`accepted bundle ${sha256} not found`);
    },
    recordConflictDecision: (d) =>
      void decide.run(d.subject, d.projectId, d.periodId, d.decision, d.note, d.decidedAt),
  };
  cache.set(sqlite, writes);
  return writes;
}
