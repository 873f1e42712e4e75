import { createHash, type Hash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import type BetterSqlite3 from 'better-sqlite3';

/**
 * The seal of a backup file (데이터 백업): a SHA-256 over the file's content, kept in a table of the backup itself,
 * so that it travels with the one file (a USB stick, a mail) and a change made to the file after it was written (a
 * flipped bit on the stick, a careless edit) is found before the file is restored. SQLite's integrity check sees
 * the file's structure only: text inside a row (a 정책목표, an amount) can change and still pass it.
 *
 * What is hashed is a canonical dump, not the file's pages: the schema version (user_version), every schema entry
 * (type, name, table, SQL; not its root page) and every row of every table in rowid order with each value's type,
 * all but this table's own. Pages would change with the seal written into them (the page that holds the schema,
 * the free list, the header's counters), and a copy of the backup taken with SQLite's backup API has other pages
 * for the same rows; the dump is the same for the same data wherever it lies. Not a signature: whoever changes
 * the file on purpose can write a new seal; it is meant to find damage.
 */
export const SEAL_TABLE = 'pledge_backup_seal';
const SEAL_FORMAT = 1;

export interface BackupSeal {
  /** SHA-256 (hex) of the content, as written when the backup was made. */
  digest: string;
  /** When the backup was made (ISO). */
  createdAt: string;
}

/** What the seal of a backup file says about it (see checkSeal). */
export type SealCheck =
  | { status: 'verified'; seal: BackupSeal }
  /** Its content is not what was sealed: changed after the backup was made. */
  | { status: 'altered'; createdAt: string | null }
  /** No seal: a backup made before seals, or a data folder's own pledge.sqlite. */
  | { status: 'absent' }
  /** A seal, but the file has since been opened as a data folder's database (its WAL header): not checkable. */
  | { status: 'used' };

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

function addValue(hash: Hash, value: unknown): void {
  if (value === null || value === undefined) {
    hash.update('n');
  } else if (typeof value === 'bigint') {
    const bytes = Buffer.alloc(9);
    bytes.write('i');
    bytes.writeBigInt64BE(value, 1);
    hash.update(bytes);
  } else if (typeof value === 'number') {
    const bytes = Buffer.alloc(9);
    bytes.write('r');
    bytes.writeDoubleBE(value, 1);
    hash.update(bytes);
  } else if (typeof value === 'string' || Buffer.isBuffer(value)) {
    const body = typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
    const head = Buffer.alloc(5);
    head.write(typeof value === 'string' ? 't' : 'b');
    head.writeUInt32BE(body.length, 1);
    hash.update(head);
    hash.update(body);
  } else {
    throw new Error(`unexpected SQLite value: ${typeof value}`);
  }
}

function addRow(hash: Hash, row: readonly unknown[]): void {
  const head = Buffer.alloc(5);
  head.write('R');
  head.writeUInt32BE(row.length, 1);
  hash.update(head);
  for (const value of row) addValue(hash, value);
}

/**
 * SHA-256 (hex) of the canonical dump of a database, without the seal table (see the comment above), and of the
 * seal's own time (so the date shown for a backup is covered too).
 */
export function contentDigest(sqlite: BetterSqlite3.Database, createdAt: string): string {
  const hash = createHash('sha256');
  hash.update(`pledge-backup-seal/${SEAL_FORMAT}\n`);
  addRow(hash, [createdAt]);
  addRow(hash, [BigInt(sqlite.pragma('user_version', { simple: true }) as number)]);
  const schema = sqlite
    .prepare<[string], [string, string, string, string | null]>(
      'SELECT type, name, tbl_name, sql FROM sqlite_master WHERE tbl_name <> ? ORDER BY type, name',
    )
    .raw(true)
    .all(SEAL_TABLE);
  for (const entry of schema) addRow(hash, entry);
  for (const [type, name, , sql] of schema) {
    // A virtual table's rows live in its shadow tables, which are hashed as tables of their own.
    if (type !== 'table' || /^\s*CREATE\s+VIRTUAL\b/i.test(sql ?? '')) continue;
    addRow(hash, ['table', name]);
    const withoutRowid = /\bWITHOUT\s+ROWID\s*$/i.test(sql ?? '');
    const order = withoutRowid
      ? sqlite
          .prepare<[], { name: string; pk: number }>(`PRAGMA table_info(${quoted(name)})`)
          .all()
          .filter((c) => c.pk > 0)
          .sort((a, b) => a.pk - b.pk)
          .map((c) => quoted(c.name))
          .join(', ')
      : 'rowid';
    const rows = sqlite
      .prepare(`SELECT ${withoutRowid ? '' : 'rowid, '}* FROM ${quoted(name)} ORDER BY ${order}`)
      .raw(true)
      .safeIntegers(true);
    for (const row of rows.iterate() as IterableIterator<unknown[]>) addRow(hash, row);
  }
  return hash.digest('hex');
}

/**
 * Writes the seal into a database just copied as a backup (one transaction: a seal left from an earlier copy is
 * replaced). The copy must be in rollback-journal mode, as a backup file is.
 */
export function writeSeal(sqlite: BetterSqlite3.Database, createdAt: Date): BackupSeal {
  const seal = sqlite.transaction((): BackupSeal => {
    sqlite.exec(`DROP TABLE IF EXISTS ${SEAL_TABLE}`);
    const at = createdAt.toISOString();
    const written = { digest: contentDigest(sqlite, at), createdAt: at };
    sqlite.exec(
      `CREATE TABLE ${SEAL_TABLE} (format INTEGER NOT NULL, algorithm TEXT NOT NULL, digest TEXT NOT NULL, created_at TEXT NOT NULL)`,
    );
    sqlite
      .prepare(`INSERT INTO ${SEAL_TABLE} (format, algorithm, digest, created_at) VALUES (?, 'sha256', ?, ?)`)
      .run(SEAL_FORMAT, written.digest, written.createdAt);
    return written;
  });
  return seal();
}

/** The seal stored in a database, or null without one; throws SealDamagedError for a seal that is not one. */
export function readSeal(sqlite: BetterSqlite3.Database): BackupSeal | null {
  const table = sqlite
    .prepare<[string], { n: number }>(
      `SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = ?`,
    )
    .get(SEAL_TABLE);
  if ((table?.n ?? 0) === 0) return null;
  const rows = sqlite.prepare(`SELECT format, algorithm, digest, created_at FROM ${SEAL_TABLE}`).all() as {
    format: unknown;
    algorithm: unknown;
    digest: unknown;
    created_at: unknown;
  }[];
  const [row] = rows;
  if (
    rows.length !== 1 ||
    row === undefined ||
    typeof row.format !== 'number' ||
    typeof row.digest !== 'string' ||
    typeof row.created_at !== 'string'
  )
    throw new SealDamagedError();
  // A later format would be a table of another name (a version without it restores such a backup unchecked).
  if (row.format !== SEAL_FORMAT || row.algorithm !== 'sha256' || !/^[0-9a-f]{64}$/.test(row.digest))
    throw new SealDamagedError();
  return { digest: row.digest, createdAt: row.created_at };
}

/** The seal table is there but does not hold one seal as written: the file was changed. */
export class SealDamagedError extends Error {
  constructor() {
    super('backup seal damaged');
  }
}

/** Whether the file's header says WAL (bytes 18 and 19 both 2, which one flipped byte does not make): a database the program has opened as a data folder's. */
function inWalMode(path: string): boolean {
  const header = Buffer.alloc(20);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, header, 0, 20, 0);
  } finally {
    closeSync(fd);
  }
  return header[18] === 2 && header[19] === 2;
}

/** Checks a backup file's content against its seal (`sqlite`: the file at `path`, opened read-only). */
export function checkSeal(sqlite: BetterSqlite3.Database, path: string): SealCheck {
  let seal: ReturnType<typeof readSeal>;
  try {
    seal = readSeal(sqlite);
  } catch (error) {
    if (error instanceof SealDamagedError) return { status: 'altered', createdAt: null };
    throw error;
  }
  if (seal === null) return { status: 'absent' };
  // A backup is written in rollback-journal mode; the program turns a data file to WAL when it opens it. A sealed
  // backup copied by hand as a data folder's pledge.sqlite and used there changed legitimately since its seal.
  if (inWalMode(path)) return { status: 'used' };
  return contentDigest(sqlite, seal.createdAt) === seal.digest
    ? { status: 'verified', seal }
    : { status: 'altered', createdAt: seal.createdAt };
}
