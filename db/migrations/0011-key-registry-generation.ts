import type { Migration } from './types';

/**
 * The office's report names why a bundle waits in quarantine from its key's state in the registry (never
 * registered, waiting for approval, revoked): a change to the registry is a new data generation too, so a report
 * kept from before a key was registered does not go on saying it was never registered.
 */
export const migration0011: Migration = {
  version: 11,
  name: 'key registry generation',
  up(sqlite) {
    const bump = 'BEGIN UPDATE data_generation SET n = n + 1 WHERE id = 1; END';
    sqlite.exec(
      (['INSERT', 'UPDATE', 'DELETE'] as const)
        .map(
          (event) =>
            `CREATE TRIGGER key_registry_${event.toLowerCase()}_generation AFTER ${event} ON key_registry ${bump};`,
        )
        .join('\n'),
    );
  },
};
