import { parseAmountText } from '../../../domain/documents';

/**
 * Three-way merge of a document's form values, for the same document edited in two windows: `base` is the stored
 * version this window started editing from, `theirs` the newer one another window stored since, `mine` this
 * window's values now. A field changed on one side only takes that side; changed on both to the same value, it
 * is that value; changed on both to different values, it is a conflict, and keeps this window's value (what the
 * person sees and just typed: the other window's stays in the version history and is listed with the conflict).
 *
 * Lists of rows with an `id` (단위사업) are merged row by row, matched by id; a list whose rows have none
 * (담당자, 시민참여 활동, 첨부) is one value, except that rows only added at its end on both sides are all kept.
 */

export interface EditConflict {
  /** The field's dot path in the merged values ("unitProjects.0.results.2019-H1"). */
  path: string;
  base: unknown;
  /** This window's value (undefined: this window deleted the row). */
  mine: unknown;
  /** The other window's value (undefined: the other window deleted the row). */
  theirs: unknown;
  /** A row of a list deleted in one window and changed in the other (kept for now): it can be deleted after all. */
  row?: true;
}

export interface MergedEdits {
  values: unknown;
  conflicts: EditConflict[];
  /** Paths whose merged value is the other window's and not this window's: what to put into the form. */
  fromTheirs: string[];
}

type Row = Record<string, unknown>;

const isRecord = (value: unknown): value is Row =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isBlank = (value: unknown): boolean => value === undefined || value === null || value === '';

/** Two plain values alike as the form and the store hold them: "1,200" typed is the 1200 stored; blanks alike. */
function sameLeaf(a: unknown, b: unknown): boolean {
  if (isBlank(a) || isBlank(b)) return isBlank(a) && isBlank(b);
  if (typeof a === 'string' && typeof b === 'number') return parseAmountText(a) === b;
  if (typeof a === 'number' && typeof b === 'string') return parseAmountText(b) === a;
  return Object.is(a, b);
}

/** Deep equality of form values, leaves compared by `sameLeaf` (a missing key is a blank one). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameValue(x, b[i]))
    );
  }
  if (isRecord(a) || isRecord(b)) {
    if (!isRecord(a) || !isRecord(b)) return false;
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((key) => sameValue(a[key], b[key]));
  }
  return sameLeaf(a, b);
}

const rowId = (row: unknown): string | null => (isRecord(row) && typeof row.id === 'string' ? row.id : null);

/** Whether every row of every list has an id, none twice in a list (rows can then be matched by it). */
function keyedById(...lists: unknown[][]): boolean {
  return lists.every((list) => {
    const ids = list.map(rowId);
    return ids.every((id) => id !== null) && new Set(ids).size === ids.length;
  });
}

const startsWith = (list: unknown[], prefix: unknown[]): boolean =>
  prefix.length <= list.length && prefix.every((row, i) => sameValue(row, list[i]));

class Merger {
  readonly conflicts: EditConflict[] = [];
  fromTheirs: string[] = [];

  merge(path: string, base: unknown, theirs: unknown, mine: unknown): unknown {
    if (sameValue(theirs, mine)) return mine;
    // Down to the fields that differ, so the form is given those and not whole sections (whose rows would remount).
    if (isRecord(theirs) && isRecord(mine) && theirs.kind === mine.kind)
      return this.mergeRecords(path, isRecord(base) ? base : {}, theirs, mine);
    const baseRows = Array.isArray(base) ? base : [];
    const lists = Array.isArray(theirs) && Array.isArray(mine) ? { theirs, mine } : null;
    if (lists && keyedById(baseRows, lists.theirs, lists.mine))
      return this.mergeRows(path, baseRows as Row[], lists.theirs as Row[], lists.mine as Row[]);
    if (sameValue(base, mine)) {
      this.fromTheirs.push(path);
      return theirs;
    }
    if (sameValue(base, theirs)) return mine;
    if (lists && startsWith(lists.theirs, baseRows) && startsWith(lists.mine, baseRows)) {
      this.fromTheirs.push(path);
      return [...lists.mine, ...lists.theirs.slice(baseRows.length)];
    }
    this.conflicts.push({ path, base, mine, theirs });
    return mine;
  }

  /** Field by field; a record whose `kind` differs between the windows (총사업비 금액/비예산) is one value. */
  mergeRecords(path: string, base: Row, theirs: Row, mine: Row): Row {
    const out: Row = {};
    for (const key of new Set([...Object.keys(mine), ...Object.keys(theirs)])) {
      const value = this.merge(join(path, key), base[key], theirs[key], mine[key]);
      if (value !== undefined || key in mine) out[key] = value;
    }
    return out;
  }

  /**
   * Rows matched by id, in this window's order; a row the other window added goes after the row before it there.
   * A row deleted on one side and left as it was on the other is deleted; deleted on one side and changed on the
   * other, it is kept (what was typed in it is not dropped) and listed as a conflict.
   */
  private mergeRows(path: string, base: Row[], theirs: Row[], mine: Row[]): Row[] {
    const byId = (rows: Row[]) => new Map(rows.map((row) => [row.id as string, row]));
    const [baseById, theirsById, mineById] = [byId(base), byId(theirs), byId(mine)];
    const kept: { id: string; deletedBy: 'mine' | 'theirs' | null }[] = [];
    for (const row of mine) {
      const id = row.id as string;
      const before = baseById.get(id);
      if (theirsById.has(id) || before === undefined) kept.push({ id, deletedBy: null });
      else if (!sameValue(before, row)) kept.push({ id, deletedBy: 'theirs' });
    }
    theirs.forEach((row, i) => {
      const id = row.id as string;
      if (mineById.has(id)) return;
      const before = baseById.get(id);
      if (before !== undefined && sameValue(before, row)) return;
      const previous = theirs[i - 1]?.id;
      const at = kept.findIndex((k) => k.id === previous);
      kept.splice(at + 1, 0, { id, deletedBy: before === undefined ? null : 'mine' });
    });

    const inner = this.fromTheirs;
    this.fromTheirs = [];
    const out = kept.map(({ id, deletedBy }, index) => {
      const rowPath = join(path, String(index));
      const [b, t, m] = [baseById.get(id), theirsById.get(id), mineById.get(id)];
      if (deletedBy !== null) {
        this.conflicts.push({ path: rowPath, base: b, mine: m, theirs: t, row: true });
        return (m ?? t) as Row;
      }
      if (m === undefined) return t as Row;
      if (t === undefined) return m;
      return this.merge(rowPath, b, t, m) as Row;
    });
    const reordered = out.length !== mine.length || out.some((row, i) => row.id !== mine[i]?.id);
    // A changed list of rows is put into the form whole (the indices of the rows after a change move).
    this.fromTheirs = reordered ? [...inner, path] : [...inner, ...this.fromTheirs];
    return out;
  }
}

const join = (path: string, key: string): string => (path === '' ? key : `${path}.${key}`);

export function mergeEdits(base: unknown, theirs: unknown, mine: unknown): MergedEdits {
  const merger = new Merger();
  // A document is merged field by field even when this window changed nothing: the fields are put into the form.
  const values =
    isRecord(theirs) && isRecord(mine)
      ? merger.mergeRecords('', isRecord(base) ? base : {}, theirs, mine)
      : merger.merge('', base, theirs, mine);
  return { values, conflicts: merger.conflicts, fromTheirs: merger.fromTheirs };
}

/** A row's path ("unitProjects.2") as its list's path and its index, or null for a path that is not a row's. */
export function rowPathParts(path: string): { list: string; index: number } | null {
  const match = /^(.+)\.(\d+)$/.exec(path);
  return match ? { list: match[1] as string, index: Number(match[2]) } : null;
}

/**
 * The conflicts still open once the row at `path` is deleted from its list: those of that row are gone, and those
 * of the rows after it move up one (their paths name rows by index).
 */
export function afterRowDeleted<T extends { path: string }>(conflicts: readonly T[], path: string): T[] {
  const row = rowPathParts(path);
  if (row === null) return conflicts.filter((c) => c.path !== path);
  const prefix = `${row.list}.`;
  return conflicts.flatMap((c) => {
    if (!c.path.startsWith(prefix)) return [c];
    const [index = '', ...rest] = c.path.slice(prefix.length).split('.');
    if (!/^\d+$/.test(index)) return [c];
    const at = Number(index);
    if (at === row.index) return [];
    if (at < row.index) return [c];
    return [{ ...c, path: [row.list, String(at - 1), ...rest].join('.') }];
  });
}
