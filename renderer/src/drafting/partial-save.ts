import { get } from 'react-hook-form';
import { documentSchema } from '../../../domain/documents';

/**
 * Saving what can be saved: when the server refuses a draft because some fields hold what their type cannot
 * take ("abc" or "-20" in an amount cell), the rest of the form is saved with those fields as they were last saved
 * (blank if never saved). The form keeps the refused text on screen, marked, for the person to fix; nothing else
 * typed waits on it.
 */

type Container = Record<string, unknown> | unknown[];

const isContainer = (value: unknown): value is Container => typeof value === 'object' && value !== null;

/** The value at a dot path ("unitProjects.0.investmentNeeds.city.2020"), or undefined: react-hook-form's own. */
export const valueAt = (root: unknown, path: string): unknown => get(root, path) as unknown;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  isContainer(value) && !Array.isArray(value);

/**
 * Whether `a` (at `path` of the form's values) equals `b`, not counting the refused fields in it: those hold what
 * was typed, not what was saved.
 */
function sameApartFromRefused(a: unknown, b: unknown, path: string, refused: ReadonlySet<string>): boolean {
  if (refused.has(path)) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) &&
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((item, i) => sameApartFromRefused(item, b[i], `${path}.${i}`, refused))
    );
  }
  if (isRecord(a) || isRecord(b)) {
    if (!isRecord(a) || !isRecord(b)) return false;
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((key) => sameApartFromRefused(a[key], b[key], `${path}.${key}`, refused));
  }
  return Object.is(a, b);
}

const rowId = (row: unknown): string | null => (isRecord(row) && typeof row.id === 'string' ? row.id : null);

/**
 * The index in the saved array of the row now at `index` of `rows` (at `path`), or null when it cannot be shown to
 * be the same row: rows deleted or added since the save move the others, so the same index may hold another row,
 * whose saved value must never be put into this one. A row with an id (단위사업) is the saved row with that id. A
 * row without one is the one saved row equal to it apart from its refused fields (the same 직위·소속·성명 with the
 * mistyped phone); when several are, or when the refused value is the whole row or a plain value (a date of a
 * list), only the same index and only when nothing else in the array has changed.
 */
function savedIndexOf(
  rows: readonly unknown[],
  savedRows: readonly unknown[],
  index: number,
  path: string,
  refused: ReadonlySet<string>,
): number | null {
  const row = rows[index];
  const id = rowId(row);
  if (id !== null) {
    const found = savedRows.findIndex((saved) => rowId(saved) === id);
    return found === -1 ? null : found;
  }
  const rowPath = `${path}.${index}`;
  const sameSlots = () =>
    rows.length === savedRows.length &&
    rows.every((other, i) => sameApartFromRefused(other, savedRows[i], `${path}.${i}`, refused));
  if (!isRecord(row) || refused.has(rowPath)) return sameSlots() ? index : null;
  const matches = savedRows.flatMap((saved, i) =>
    sameApartFromRefused(row, saved, rowPath, refused) ? [i] : [],
  );
  if (matches.length === 1) return matches[0] as number;
  return matches.includes(index) && sameSlots() ? index : null;
}

/**
 * What the field at `keys` of `values` was when last saved: the same path with each array index turned into the
 * index the same row had then. Undefined when it was not saved, or when a row on the way cannot be matched.
 */
function savedValueOf(
  keys: readonly string[],
  values: unknown,
  lastSaved: unknown,
  refused: ReadonlySet<string>,
): unknown {
  let current = values;
  let saved = lastSaved;
  for (const [depth, key] of keys.entries()) {
    if (Array.isArray(current)) {
      if (!Array.isArray(saved)) return undefined;
      const index = Number(key);
      const savedIndex = savedIndexOf(current, saved, index, keys.slice(0, depth).join('.'), refused);
      if (savedIndex === null) return undefined;
      current = current[index];
      saved = saved[savedIndex];
    } else {
      current = isRecord(current) ? current[key] : undefined;
      saved = isRecord(saved) ? saved[key] : undefined;
    }
  }
  return saved;
}

/**
 * `values` with the refused paths put back, and the paths put back to null while the form holds text there (no
 * saved value of the same row): a text field may take "" where null is refused.
 */
function restore(
  values: unknown,
  refused: Readonly<Record<string, string>>,
  lastSaved: unknown,
): { copy: unknown; blankedText: string[] } | null {
  const paths = Object.keys(refused);
  if (paths.length === 0) return null;
  const refusedSet = new Set(paths);
  const copy: unknown = structuredClone(values);
  const blankedText: string[] = [];
  for (const path of paths) {
    if (path === '' || path.startsWith('(')) return null;
    const keys = path.split('.');
    const last = keys.at(-1) as string;
    const parentPath = keys.slice(0, -1).join('.');
    const parent = keys.length === 1 ? copy : valueAt(copy, parentPath);
    if (!isContainer(parent)) return null;
    const before = savedValueOf(keys, values, lastSaved, refusedSet);
    const restored = before === undefined ? null : structuredClone(before);
    if (restored === null && typeof valueAt(values, path) === 'string') blankedText.push(path);
    if (Array.isArray(parent)) parent[Number(last)] = restored;
    else parent[last] = restored;
  }
  return { copy, blankedText };
}

/**
 * A copy of `values` with each refused path set to the value the same field of the same row had in `lastSaved`
 * (null where it has none, or where rows were deleted or added so that the row cannot be matched: another row's
 * value is never put in), or null when a refusal cannot be put back field by field (it names the document as a
 * whole, or a path that is not there).
 */
export function withRefusedRestored(
  values: unknown,
  refused: Readonly<Record<string, string>>,
  lastSaved: unknown,
): unknown {
  return restore(values, refused, lastSaved)?.copy ?? null;
}

/**
 * The document to save when the fields in `refused` cannot be taken: each put back to its last saved value and, when
 * that leaves the document invalid — a field put back inside a value that was never saved whole, such as 총사업비's
 * amount when 총사업비 itself was blank — the enclosing value put back too, up to the top-level field. A text field
 * with no saved value of its own (a row added or moved since) is saved blank ("") rather than putting back the
 * whole list. Null when no valid document comes of it (a refusal of the document as a whole, or a required field
 * never saved).
 */
export function savableRest(
  values: unknown,
  refused: Readonly<Record<string, string>>,
  lastSaved: unknown,
): unknown {
  let step = restore(values, refused, lastSaved);
  const textBlank = new Set(step?.blankedText);
  const triedText = new Set<string>();
  // Each round puts back values one level further up: a document's paths are only a few levels deep.
  for (let round = 0; step !== null && round < 8; round++) {
    const rest = step.copy;
    const parsed = documentSchema.safeParse(rest);
    if (parsed.success) return rest;
    const enclosing: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      const path = issue.path.map(String);
      const joined = path.join('.');
      if (textBlank.has(joined) && !triedText.has(joined)) {
        triedText.add(joined);
        const keys = path.slice(0, -1).join('.');
        const parent = keys === '' ? rest : valueAt(rest, keys);
        if (isContainer(parent)) {
          if (Array.isArray(parent)) parent[Number(path.at(-1))] = '';
          else parent[path.at(-1) as string] = '';
          continue;
        }
      }
      enclosing[(path.length > 1 ? path.slice(0, -1) : path).join('.')] = issue.message;
    }
    if (Object.keys(enclosing).length === 0) continue;
    step = restore(rest, enclosing, lastSaved);
    for (const path of step?.blankedText ?? []) textBlank.add(path);
  }
  return null;
}

/**
 * What a save on page unload can still store: a keepalive request gets no second try, so every field the
 * document's schema refuses (the server checks with the same schema) is put back to its last saved value first,
 * as a refused save would have done. Values the schema takes whole are sent as they are.
 */
export function savableOnUnload(values: unknown, lastSaved: unknown): unknown {
  const parsed = documentSchema.safeParse(values);
  if (parsed.success) return values;
  const refused = Object.fromEntries(
    parsed.error.issues.map((issue) => [issue.path.map(String).join('.'), issue.message]),
  );
  return savableRest(values, refused, lastSaved) ?? values;
}

/**
 * The document the print shows: the form's values as a save stores them — a field the schema refuses as last saved
 * (`savableRest`) — or, when nothing valid comes of that, the document as last saved. Never the document as it was
 * opened while newer text is stored.
 */
export function printable<T>(
  schema: { safeParse(value: unknown): { success: true; data: T } | { success: false } },
  values: unknown,
  lastSaved: unknown,
  opened: T,
): T {
  const live = schema.safeParse(values);
  if (live.success) return live.data;
  const issues = documentSchema.safeParse(values);
  const refused = issues.success
    ? {}
    : Object.fromEntries(issues.error.issues.map((i) => [i.path.map(String).join('.'), i.message]));
  for (const candidate of [savableRest(values, refused, lastSaved), lastSaved]) {
    const parsed = schema.safeParse(candidate);
    if (parsed.success) return parsed.data;
  }
  return opened;
}
