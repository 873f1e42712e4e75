import type BetterSqlite3 from 'better-sqlite3';
import { migrations as allMigrations } from './migrations/index';
import type { Migration } from './migrations/types';

/** The database was written by a newer version of the app: refuse it, never roll it back. */
export class DatabaseTooNewError extends Error {
  readonly code = 'DB_TOO_NEW';
  constructor(
    readonly found: number,
    readonly supported: number,
  ) {
    super(
      `이 데이터베이스는 더 새로운 버전의 프로그램에서 만들어졌습니다 (스키마 ${found}, 이 프로그램은 ${supported}까지 지원). ` +
        '프로그램을 최신 버전으로 업데이트하세요. 데이터는 변경하지 않았습니다.',
    );
    this.name = 'DatabaseTooNewError';
  }
}

export function schemaVersionOf(sqlite: BetterSqlite3.Database): number {
  return sqlite.pragma('user_version', { simple: true }) as number;
}

/**
 * Applies pending migrations, each in its own transaction together with the `user_version` bump, so a failure
 * half-way leaves the previous schema intact. Kysely does not wrap SQLite migrations, hence this small runner.
 */
export function migrate(
  sqlite: BetterSqlite3.Database,
  migrations: readonly Migration[] = allMigrations,
): number {
  const latest = migrations.length;
  migrations.forEach((m, i) => {
    if (m.version !== i + 1)
      throw new Error(`migration ${m.name} has version ${m.version}, expected ${i + 1}`);
  });
  const current = schemaVersionOf(sqlite);
  if (current > latest) throw new DatabaseTooNewError(current, latest);
  for (const migration of migrations.slice(current)) {
    sqlite
      .transaction(() => {
        migration.up(sqlite);
        sqlite.pragma(`user_version = ${migration.version}`);
      })
      .immediate();
  }
  return schemaVersionOf(sqlite);
}
