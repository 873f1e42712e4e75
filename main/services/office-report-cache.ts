import type { Kysely } from 'kysely';
import type { Catalog } from '../../domain/catalog/types';
import { DEFAULT_EXECUTION_RATE_THRESHOLD } from '../../domain/reports';
import type { Term } from '../../domain/term/types';
import { dataGeneration } from '../../db/data-generation';
import type { Database } from '../../db/schema';
import { deepFreeze } from './deep-freeze';
import { officeReport, type OfficeReportResult, type ReportRequest } from './office-report';
import { inReadSnapshot } from './snapshot-cache';
import { loadReferenceKept } from './reference';

/**
 * The office's report as of the database's current data generation. Built reports are kept per generation (the
 * counter every committed change to the report's tables moves, migration 0008): reopening the tables, switching
 * back to a half-year seen before or exporting what is on screen reuses the built report, and any change —
 * an import, a decision, a confirmed plan, from this process or another — makes the next request build anew.
 * Concurrent requests for the same report share one build. The catalog and term are read once per generation.
 * Each build reads one snapshot of the database (inReadSnapshot), so a report never mixes data from before and
 * after a commit.
 *
 * The kept reports are frozen: every caller gets the same object, and one that tried to change it would fail
 * loudly instead of corrupting what the next caller sees.
 */

interface GenerationState {
  generation: number;
  reference: Promise<{ catalog: Catalog; term: Term }>;
  reports: Map<string, Promise<OfficeReportResult>>;
}

/** Reports kept per generation (the half-years, comparisons and thresholds looked at last); each is tens of MB at 10x. */
const MAX_REPORTS = 4;
const states = new WeakMap<object, GenerationState>();

/** Requests that build the same report share a key: no threshold means the default one. */
const requestKey = (request: ReportRequest): string =>
  JSON.stringify([
    request.periodId,
    request.comparePeriodId ?? null,
    request.executionRateThreshold ?? DEFAULT_EXECUTION_RATE_THRESHOLD,
    request.today,
  ]);

export async function currentOfficeReport(
  db: Kysely<Database>,
  request: ReportRequest,
): Promise<OfficeReportResult> {
  const generation = await dataGeneration(db);
  let state = states.get(db);
  if (state === undefined || state.generation !== generation) {
    state = {
      generation,
      // The same objects while their stored text is unchanged: not parsed and checked again after every change.
      reference: loadReferenceKept(db, db),
      reports: new Map(),
    };
    states.set(db, state);
  }
  const key = requestKey(request);
  const kept = state.reports.get(key);
  if (kept !== undefined) {
    // Most recently used last: the one dropped when full is the one looked at longest ago.
    state.reports.delete(key);
    state.reports.set(key, kept);
    return kept;
  }
  const current = state;
  // The catalog and term are read before the snapshot opens (their queries need the connection it holds).
  const built = current.reference.then((reference) =>
    inReadSnapshot(db, async (snapshot) => {
      // Data committed since the generation was read: this snapshot is newer and reads its own catalog and term.
      const { catalog, term } =
        (await dataGeneration(snapshot)) === current.generation
          ? reference
          : await loadReferenceKept(snapshot, db);
      return deepFreeze(await officeReport(snapshot, catalog, term, request));
    }),
  );
  if (current.reports.size >= MAX_REPORTS) {
    const oldest = current.reports.keys().next().value;
    if (oldest !== undefined) current.reports.delete(oldest);
  }
  current.reports.set(key, built);
  // Nothing failed is kept (the catalog or term may be what failed): the next request starts afresh and reports
  // its own error.
  built.catch(() => {
    if (states.get(db) === current) states.delete(db);
  });
  return built;
}
