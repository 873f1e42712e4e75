import type { Kysely } from 'kysely';
import type { StatusTrend } from '../../domain/api/contract';
import type { Catalog } from '../../domain/catalog/types';
import { DEFAULT_EXECUTION_RATE_THRESHOLD, type StatusTables } from '../../domain/reports';
import type { Term } from '../../domain/term/types';
import { dataGeneration } from '../../db/data-generation';
import type { Database } from '../../db/schema';
import { deepFreeze } from './deep-freeze';
import { officeReport, type OfficeReportResult, type ReportRequest } from './office-report';
import { officeStatusTables } from './office-status';
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
  /** 이행 추이 by request: a few rows per half-year, kept apart from the reports it sums up (see currentStatusTrend). */
  trends: Map<string, Promise<StatusTrend>>;
}

/** Reports kept per generation (the half-years, comparisons and thresholds looked at last); each is tens of MB at 10x. */
const MAX_REPORTS = 4;
/** Trends kept per generation: a few KB each. */
const MAX_TRENDS = 8;
const states = new WeakMap<object, GenerationState>();

/** Requests that build the same report share a key: no threshold means the default one. */
const requestKey = (request: ReportRequest): string =>
  JSON.stringify([
    request.periodId,
    request.comparePeriodId ?? null,
    request.executionRateThreshold ?? DEFAULT_EXECUTION_RATE_THRESHOLD,
    request.today,
  ]);

/** What is kept for the database's current data generation (a new, empty state once it has moved). */
async function generationState(db: Kysely<Database>): Promise<GenerationState> {
  const generation = await dataGeneration(db);
  let state = states.get(db);
  if (state === undefined || state.generation !== generation) {
    state = {
      generation,
      // The same objects while their stored text is unchanged: not parsed and checked again after every change.
      reference: loadReferenceKept(db, db),
      reports: new Map(),
      trends: new Map(),
    };
    states.set(db, state);
  }
  return state;
}

/** The entry kept under `key`, made the most recently used (the one dropped when full is the one used longest ago). */
function reuse<T>(kept: Map<string, T>, key: string): T | undefined {
  const value = kept.get(key);
  if (value !== undefined) {
    kept.delete(key);
    kept.set(key, value);
  }
  return value;
}

/** Keeps `value` under `key`, dropping the entry used longest ago when `max` are kept. */
function keep<T>(kept: Map<string, T>, key: string, value: T, max: number): void {
  if (kept.size >= max) {
    const oldest = kept.keys().next().value;
    if (oldest !== undefined) kept.delete(oldest);
  }
  kept.set(key, value);
}

export async function currentOfficeReport(
  db: Kysely<Database>,
  request: ReportRequest,
): Promise<OfficeReportResult> {
  const state = await generationState(db);
  const key = requestKey(request);
  const kept = reuse(state.reports, key);
  if (kept !== undefined) return kept;
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
  keep(current.reports, key, built, MAX_REPORTS);
  // Nothing failed is kept (the catalog or term may be what failed): the next request starts afresh and reports
  // its own error.
  built.catch(() => {
    if (states.get(db) === current) states.delete(db);
  });
  return built;
}

/**
 * A half-year's status tables as of the database's current data generation: those of its report when that is
 * kept (the half-year on screen), else counted on their own (officeStatusTables) on one read snapshot, as a report
 * is built. Not kept themselves: 이행 추이 keeps its rows.
 */
export async function currentStatusTables(
  db: Kysely<Database>,
  request: ReportRequest,
): Promise<StatusTables> {
  const state = await generationState(db);
  // Looked up without making it the most recently used: the reports the screen opened keep their places.
  const kept = state.reports.get(requestKey(request));
  if (kept !== undefined) return (await kept).report.statusTables;
  const reference = await state.reference;
  return inReadSnapshot(db, async (snapshot) => {
    const { catalog, term } =
      (await dataGeneration(snapshot)) === state.generation
        ? reference
        : await loadReferenceKept(snapshot, db);
    return officeStatusTables(snapshot, catalog, term, request);
  });
}

/**
 * 이행 추이 as of the database's current data generation: `build` (every half-year's status tables up to the one
 * asked, through currentStatusTables) runs once per generation and request: its rows are kept, frozen, so the tab
 * looked at again or its workbook exported reads nothing again, and any change makes the next request build anew.
 * Concurrent requests share one build; a failed one is not kept.
 */
export async function currentStatusTrend(
  db: Kysely<Database>,
  request: ReportRequest,
  build: () => Promise<StatusTrend>,
): Promise<StatusTrend> {
  const state = await generationState(db);
  const key = requestKey(request);
  const kept = reuse(state.trends, key);
  if (kept !== undefined) return kept;
  const built = build().then((trend) => deepFreeze(trend));
  keep(state.trends, key, built, MAX_TRENDS);
  built.catch(() => {
    if (state.trends.get(key) === built) state.trends.delete(key);
  });
  return built;
}
