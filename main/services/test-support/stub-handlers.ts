import type { Handlers } from '../../../domain/api/contract';
import { operationNames } from '../../../domain/api/operations';

/** Handlers for transport tests: the given ones, and every other operation failing loudly if reached. */
export function stubHandlers(given: Partial<Handlers>): Handlers {
  const all = Object.fromEntries(
    operationNames.map((name) => [
      name,
      () => {
        throw new Error(`operation ${name} is not used by this test`);
      },
    ]),
  );
  return { ...all, ...given } as Handlers;
}
