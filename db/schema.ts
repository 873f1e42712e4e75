import type { Generated } from 'kysely';

/**
 * Table types for Kysely: one interface per table, as the database stores it (snake_case columns, JSON as text).
 * Mappers in the repository files turn rows into domain types.
 */

export interface SettingsTable {
  key: string;
  /** JSON text. */
  value: string;
}

/** Reference data the planning office can redistribute: the catalog and the term, as JSON. */
export interface ReferenceDataTable {
  key: string;
  version: string;
  json: string;
  updated_at: string;
}

export interface Database {
  settings: SettingsTable;
  reference_data: ReferenceDataTable;
}

export type { Generated };
