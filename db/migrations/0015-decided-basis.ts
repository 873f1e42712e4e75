import type { Migration } from './types';

/**
 * A decision on a card whose frozen fields differ from the confirmed plan records the differences it was made on
 * (each one's field and the plan's and the card's values, as JSON: the conflict's basis). It holds while the card
 * differs in exactly those ways: a later card that differs otherwise waits for the office again, instead of being
 * taken in (or left out) on a decision about other differences. Rows from before have none (NULL) and hold as
 * they did.
 */
export const migration0015: Migration = {
  version: 15,
  name: 'decided basis',
  up(sqlite) {
    sqlite.exec(`ALTER TABLE office_decisions ADD COLUMN decided_basis TEXT;`);
  },
};
