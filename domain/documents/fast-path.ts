import type { z } from 'zod';

/**
 * Fast paths for the parts a document is mostly made of: the records (the money grids' rows, the schedules and
 * results by half-year) and the amounts and counts in them. zod takes each key and each cell through several
 * schema steps (a union, then a transform), which made up more than half of a document's schema check (measured
 * on the benchmark's documents). A value the schema would return unchanged — a plain record whose keys match
 * the key pattern and whose values are taken as they are, a valid amount given as a number — is returned as zod
 * returns it; anything else (a typed amount "1,200", a bad key, a blank, an odd object) goes through the schema
 * itself, so every message and path stays the schema's own. Tested against the schemas on arbitrary values
 * (fast-path.test.ts).
 */

/** What a fast path returns when the schema itself must decide. */
export const THROUGH_SCHEMA: unique symbol = Symbol('through the schema');

/**
 * What a record schema would return for `input` when it takes it unchanged: a new plain object with the same
 * keys in the same order and the same values; THROUGH_SCHEMA otherwise.
 */
export function plainRecordCopy(
  input: unknown,
  keyPattern: RegExp,
  valueTakenAsIs: (value: unknown) => boolean,
): Record<string, unknown> | typeof THROUGH_SCHEMA {
  if (typeof input !== 'object' || input === null || Object.getPrototypeOf(input) !== Object.prototype)
    return THROUGH_SCHEMA;
  // zod reads symbol keys too (and refuses them for a string key schema).
  if (Object.getOwnPropertySymbols(input).length > 0) return THROUGH_SCHEMA;
  const record = input as Record<string, unknown>;
  const copy: Record<string, unknown> = {};
  // Own enumerable string keys, in the order zod reads them (Reflect.ownKeys) and writes them.
  for (const key of Object.keys(record)) {
    // zod leaves __proto__ out of the copy: the schema decides.
    if (key === '__proto__' || !keyPattern.test(key)) return THROUGH_SCHEMA;
    const value = record[key];
    if (!valueTakenAsIs(value)) return THROUGH_SCHEMA;
    copy[key] = value;
  }
  return copy;
}

/**
 * Installs a fast path on a schema built by the caller (its own instance, without checks, so that its `run` is
 * its `parse`): an input `fast` answers for skips the schema's steps; every other input runs them as before.
 */
export function withFastPath<T extends z.core.$ZodType>(schema: T, fast: (input: unknown) => unknown): T {
  const internals = schema._zod;
  if ((internals.def.checks?.length ?? 0) > 0 || internals.run !== internals.parse) {
    throw new Error('A fast path needs a schema without checks.');
  }
  const precise = internals.parse;
  const run: typeof precise = (payload, ctx) => {
    const value = fast(payload.value);
    if (value === THROUGH_SCHEMA) return precise(payload, ctx);
    payload.value = value;
    return payload;
  };
  internals.parse = run;
  internals.run = run;
  return schema;
}
