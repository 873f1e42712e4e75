import type { Migration } from './types';

export const migration0001: Migration = {
  version: 1,
  name: 'initial: settings and reference data',
  up(sqlite) {
    sqlite.exec(`
      CREATE TABLE settings (
        key TEXT PRIMARY KEY NOT NULL,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE reference_data (
        key TEXT PRIMARY KEY NOT NULL,
        version TEXT NOT NULL,
        json TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
