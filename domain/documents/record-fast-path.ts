import type { z } from 'zod';

/**
 * A fast path for the records a document is mostly made of (the money grids' rows, the schedules and results by
 * half-year): zod checks each key and each cell through several schema steps, which made up more than half of a
 * document's schema check (measured on the benchmark's documents). A record whose every key and value is one
 * the schema takes as it is — plain object, keys matching the key pattern, values the value schema returns
 * unchanged — is copied as zod would copy it; anything else (a typed amount "1,200", a bad key, a blank, an odd
 * object) goes through the schema itself, so every message and path stays the schema's own. Tested against the
 * schema on arbitrary values (record-fast-path.test.ts).
 */

/**
 * What the record schema would return for `input` when it takes it unchanged: a new plain object with the same
 * keys in the same order and the same values; undefined when the schema itself must decide.
 */
export function plainRecordCopy(
  input: unknown,
  keyPattern: RegExp,
  valueTakenAsIs: (value: unknown) => boolean,
): Record<string, unknown> | undefined {
  if (typeof input !== 'object' || input === null || Object.getPrototypeOf(input) !== Object.prototype)
    return undefined;
  // zod reads symbol keys too (and refuses them for a string key schema).
  if (Object.getOwnPropertySymbols(input).length > 0) return undefined;
  const record = input as Record<string, unknown>;
  const copy: Record<string, unknown> = {};
  // Own enumerable string keys, in the order zod reads them (Reflect.ownKeys) and writes them.
  for (const key of Object.keys(record)) {
    // zod leaves __proto__ out of the copy: the schema decides.
    if (key === '__proto__' || !keyPattern.test(key)) return undefined;
    const value = record[key];
    if (!valueTakenAsIs(value)) return undefined;
    copy[key] = value;
  }
  return copy;
}

/**
 * Installs the fast path on a record schema built by the caller (its own instance, without checks, so that its
 * `run` is its `parse`): inputs `fast` copies skip the schema's steps; every other input runs them as before.
 */
export function withRecordFastPath<T extends z.core.$ZodType>(
  schema: T,
  fast: (input: unknown) => Record<string, unknown> | undefined,
): T {
  const internals = schema._zod;
  if ((internals.def.checks?.length ?? 0) > 0 || internals.run !== internals.parse) {
    throw new Error('A record fast path needs a schema without checks.');
  }
  const precise = internals.parse;
  const run: typeof precise = (payload, ctx) => {
    const copy = fast(payload.value);
    if (copy === undefined) return precise(payload, ctx);
    payload.value = copy;
    return payload;
  };
  internals.parse = run;
  internals.run = run;
  return schema;
}
