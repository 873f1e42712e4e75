import type { Migration } from './types';

/**
 * The office's reports read received documents by half-year (slot) and kind, latest revision last, and the
 * submissions table reads a half-year's documents of every kind: an index led by the slot serves both, instead
 * of a scan of every document of a kind (tens of thousands at ten times Seoul's size).
 */
export const migration0007: Migration = {
  version: 7,
  name: 'received documents by slot',
  up(sqlite) {
    sqlite.exec(`CREATE INDEX received_by_slot ON received_documents (slot, kind, revision);`);
  },
};
