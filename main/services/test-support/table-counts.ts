import BetterSqlite3 from 'better-sqlite3';

/** Rows per table of a database file, read on a connection of its own. */
export function tableCounts(path: string): Record<string, number> {
  const sqlite = new BetterSqlite3(path, { readonly: true });
  try {
    const tables = sqlite
      .prepare<[], { name: string }>(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`)
      .all()
      .map((t) => t.name);
    return Object.fromEntries(
      tables.map((t) => [t, (sqlite.prepare(`SELECT count(*) AS n FROM "${t}"`).get() as { n: number }).n]),
    );
  } finally {
    sqlite.close();
  }
}
