import type BetterSqlite3 from 'better-sqlite3';

/**
 * A migration is frozen in time: plain SQL against the raw connection, never the current table types, so that
 * later changes to the code cannot change what an old migration does. Append-only: never edit a released one.
 */
export interface Migration {
  version: number;
  name: string;
  up(sqlite: BetterSqlite3.Database): void;
}
