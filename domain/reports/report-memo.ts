/**
 * Per-project parts of the report kept between builds. A part (a project's 붙임5 row, its comparison, its lagging
 * entry, its overview) is reused while every input it was computed from is the same: the same document objects
 * (the office parses each stored document once and never changes it, so a re-sent or newly decided document is a
 * new object) and the same values (status, threshold, half-year, the project's catalog entry). After an import or
 * a decision only the projects it touched are computed anew; the sums over all projects always are. The term
 * (its half-years and budget years) is a dependency; the totals cache is not, since any cache of the same term
 * gives the same totals for the same document.
 *
 * The parts are shared by the reports built from one memo, so nothing may change a report after it is built (the
 * office keeps its reports frozen; tested).
 */
export interface ReportMemo {
  /** By table (e.g. "finance|2020-H1"), then by project id. */
  readonly tables: Map<string, Map<string, MemoEntry>>;
}

interface MemoEntry {
  deps: readonly unknown[];
  value: unknown;
}

/** Parts kept at most per table: far more projects than ten times Seoul's catalog holds. */
const MAX_PARTS = 50_000;

export function createReportMemo(): ReportMemo {
  return { tables: new Map() };
}

/** The parts of one table (a kind of part for one half-year), created when first asked for. */
export function memoTable(memo: ReportMemo | undefined, table: string): Map<string, MemoEntry> | undefined {
  if (memo === undefined) return undefined;
  let parts = memo.tables.get(table);
  if (parts === undefined) {
    parts = new Map();
    memo.tables.set(table, parts);
  }
  return parts;
}

const sameDeps = (a: readonly unknown[], b: readonly unknown[]): boolean => {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
};

/**
 * The part under `key` in `parts` (see memoTable) if it was computed from the same `deps` (compared with ===),
 * else `compute()`, kept for the next build. Without parts it simply computes.
 */
export function memoized<T>(
  parts: Map<string, MemoEntry> | undefined,
  key: string,
  deps: readonly unknown[],
  compute: () => T,
): T {
  if (parts === undefined) return compute();
  const entry = parts.get(key);
  if (entry !== undefined && sameDeps(entry.deps, deps)) return entry.value as T;
  const value = compute();
  if (entry === undefined && parts.size >= MAX_PARTS) parts.clear();
  parts.set(key, { deps, value });
  return value;
}
