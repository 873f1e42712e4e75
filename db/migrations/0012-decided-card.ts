import type { Migration } from './types';

/**
 * A 완료 decision records the card it was made on: the bundle that carried the lead department's card and that
 * bundle's revision. A card the department sends again in a later revision is then told apart from the one
 * decided (a resubmission after a 반려 waits for the office again). Rows from before have neither (NULL): the
 * report takes the card they were made on to be the latest one received by the time of the decision.
 */
export const migration0012: Migration = {
  version: 12,
  name: 'decided card',
  up(sqlite) {
    sqlite.exec(`
      ALTER TABLE office_decisions ADD COLUMN card_bundle_sha256 TEXT;
      ALTER TABLE office_decisions ADD COLUMN card_revision INTEGER;
    `);
  },
};
