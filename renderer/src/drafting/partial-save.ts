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

/**
 * A copy of `values` with each refused path set to its value in `lastSaved` (null where it has none), or null when
 * a refusal cannot be put back field by field (it names the document as a whole, or a path that is not there).
 */
export function withRefusedRestored(
  values: unknown,
  refused: Readonly<Record<string, string>>,
  lastSaved: unknown,
): unknown {
  const paths = Object.keys(refused);
  if (paths.length === 0) return null;
  const copy: unknown = structuredClone(values);
  for (const path of paths) {
    if (path === '' || path.startsWith('(')) return null;
    const keys = path.split('.');
    const last = keys.pop() as string;
    const parent = keys.length === 0 ? copy : valueAt(copy, keys.join('.'));
    if (!isContainer(parent)) return null;
    const before = valueAt(lastSaved, path);
    const restored = before === undefined ? null : structuredClone(before);
    if (Array.isArray(parent)) parent[Number(last)] = restored;
    else parent[last] = restored;
  }
  return copy;
}

/**
 * The document to save when the fields in `refused` cannot be taken: each put back to its last saved value and, when
 * that leaves the document invalid — a field put back inside a value that was never saved whole, such as 총사업비's
 * amount when 총사업비 itself was blank — the enclosing value put back too, up to the top-level field. Null when no
 * valid document comes of it (a refusal of the document as a whole, or a required field never saved).
 */
export function savableRest(
  values: unknown,
  refused: Readonly<Record<string, string>>,
  lastSaved: unknown,
): unknown {
  let rest = withRefusedRestored(values, refused, lastSaved);
  // Each round puts back values one level further up: a document's paths are only a few levels deep.
  for (let round = 0; rest !== null && round < 8; round++) {
    const parsed = documentSchema.safeParse(rest);
    if (parsed.success) return rest;
    const enclosing: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      const path = issue.path.map(String);
      enclosing[(path.length > 1 ? path.slice(0, -1) : path).join('.')] = issue.message;
    }
    rest = withRefusedRestored(rest, enclosing, lastSaved);
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
