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
  readonly parts: Map<string, MemoEntry>;
}

interface MemoEntry {
  deps: readonly unknown[];
  value: unknown;
}

/** Parts kept at most: eight half-years of every table at ten times Seoul's size, with room to spare. */
const MAX_PARTS = 200_000;

export function createReportMemo(): ReportMemo {
  return { parts: new Map() };
}

const sameDeps = (a: readonly unknown[], b: readonly unknown[]): boolean => {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
};

/**
 * The part under `key` if it was computed from the same `deps` (compared with ===), else `compute()`, kept for
 * the next build. Without a memo it simply computes.
 */
export function memoized<T>(
  memo: ReportMemo | undefined,
  key: string,
  deps: readonly unknown[],
  compute: () => T,
): T {
  if (memo === undefined) return compute();
  const entry = memo.parts.get(key);
  if (entry !== undefined && sameDeps(entry.deps, deps)) return entry.value as T;
  const value = compute();
  if (entry === undefined && memo.parts.size >= MAX_PARTS) memo.parts.clear();
  memo.parts.set(key, { deps, value });
  return value;
}
