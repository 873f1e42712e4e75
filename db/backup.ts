import BetterSqlite3 from 'better-sqlite3';
import { checkSeal, type SealCheck, writeSeal } from './backup-seal';
import { openSource } from './backup-source';

/**
 * A consistent copy of a live database file, taken with SQLite's online backup API on a connection of its own
 * (the app's connection goes on serving requests; a copy of the file itself is not a backup: with WAL it can miss
 * committed pages). The copy is then opened on its own, turned into a single file (no -wal or -shm beside it),
 * must pass `PRAGMA integrity_check`, and is sealed (backup-seal.ts: a SHA-256 of its content kept inside it,
 * checked when it is restored). A data folder that cannot be written is read as one whole file (backup-source.ts).
 */
export async function backupDatabaseFile(
  sourcePath: string,
  targetPath: string,
  sealedAt: Date = new Date(),
): Promise<void> {
  const source = openSource(sourcePath);
  try {
    await source.backup(targetPath);
  } finally {
    source.close();
  }
  const copy = new BetterSqlite3(targetPath, { fileMustExist: true });
  try {
    // One self-contained file: the copy leaves WAL mode (the app sets it again when it opens the file).
    copy.pragma('journal_mode = DELETE');
    const check = copy.pragma('integrity_check', { simple: true }) as string;
    if (check !== 'ok') {
      // The backup copies pages as they are: whether the data file itself is damaged, or the copy went wrong on the
      // way to its disk, tells the user what to do next. Looked at only when the copy failed.
      throw new BackupCheckError(summarizeCheck(check), quickCheckOf(sourcePath) !== null);
    }
    writeSeal(copy, sealedAt);
  } finally {
    copy.close();
  }
}

/**
 * The copy was written but SQLite's integrity check of it failed; the message sums up the findings.
 * `sourceDamaged`: the file the copy was taken from fails SQLite's quick check too.
 */
export class BackupCheckError extends Error {
  constructor(
    message: string,
    readonly sourceDamaged = false,
  ) {
    super(message);
  }
}

/** A backup file whose content is not what its seal says it was when made: changed (damaged) since. */
export class BackupAlteredError extends BackupCheckError {
  constructor(readonly createdAt: string | null) {
    super('백업 파일의 내용이 만들 때와 다릅니다 (손상)');
  }
}

/**
 * SQLite's integrity or quick check result as a person can read it: the first findings and how many more (a
 * damaged page can make it list hundreds of "Page N: never used" lines), without its "*** in database ***" heading.
 */
export function summarizeCheck(check: string, shown = 2): string {
  const findings = check
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('*** in database'));
  const more = findings.length - shown;
  return `${findings.slice(0, shown).join('; ')}${more > 0 ? ` 외 ${more}건` : ''}`;
}

/**
 * SQLite's quick check of a database file on a read-only connection: its findings summed up, or null when sound (or
 * when it cannot be looked at for another reason than damage, such as a lock: nothing is claimed then).
 */
export function quickCheckOf(path: string): string | null {
  let sqlite: BetterSqlite3.Database | undefined;
  try {
    sqlite = new BetterSqlite3(path, { readonly: true, fileMustExist: true });
    const check = sqlite.pragma('quick_check', { simple: true }) as string;
    return check === 'ok' ? null : summarizeCheck(check);
  } catch (error) {
    const code = String((error as { code?: unknown } | null)?.code ?? '');
    if (!/^SQLITE_(CORRUPT|NOTADB)/.test(code)) return null;
    return error instanceof Error ? error.message : String(error);
  } finally {
    sqlite?.close();
  }
}

/** What a backup file holds, read before it is restored (see inspectBackupFile). */
export interface BackupContents {
  schemaVersion: number;
  /** The first-run choice stored in it (who used that copy), if any. */
  setup: { role: 'department' | 'office'; department: string | null } | null;
  /** Documents drafted or kept by that copy (실천계획서, 관리카드, …). */
  documents: number;
  /** Submission bundles received (the planning office's copy). */
  receivedBundles: number;
  /** Its seal, checked: 'verified', or why it could not be ('altered' is thrown as BackupAlteredError). */
  seal: Exclude<SealCheck, { status: 'altered' }>;
}

/** Tables every copy's database has had since its first schema: a file without them is not one of ours. */
const OWN_TABLES = ['settings', 'documents', 'document_versions'];

/**
 * Reads a backup file on a read-only connection and checks it is a sound database of this app that this version
 * can open: SQLite's integrity check, our tables, a schema no newer than `supportedVersion`, and its content
 * against its seal when it has one. Throws BackupCheckError with a Korean reason otherwise (BackupAlteredError for
 * content that is not what was sealed). Nothing is written to the file.
 */
export function inspectBackupFile(path: string, supportedVersion: number): BackupContents {
  let sqlite: BetterSqlite3.Database;
  try {
    sqlite = new BetterSqlite3(path, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new BackupCheckError(
      `파일을 열 수 없습니다 (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  try {
    let check: string;
    try {
      check = sqlite.pragma('integrity_check', { simple: true }) as string;
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      throw new BackupCheckError(
        code === 'SQLITE_NOTADB'
          ? 'SQLite 데이터베이스 파일이 아닙니다'
          : `데이터베이스가 손상되어 있습니다 (${error instanceof Error ? error.message : String(error)})`,
      );
    }
    if (check !== 'ok')
      throw new BackupCheckError(`데이터베이스가 손상되어 있습니다 (SQLite 검사: ${summarizeCheck(check)})`);
    const tables = new Set(
      sqlite
        .prepare<[], { name: string }>(`SELECT name FROM sqlite_master WHERE type = 'table'`)
        .all()
        .map((t) => t.name),
    );
    if (!OWN_TABLES.every((t) => tables.has(t)))
      throw new BackupCheckError('공약이행 관리 프로그램의 데이터베이스가 아닙니다');
    const schemaVersion = sqlite.pragma('user_version', { simple: true }) as number;
    if (schemaVersion > supportedVersion)
      throw new BackupCheckError(
        `더 새로운 버전의 프로그램이 만든 백업입니다 (스키마 ${schemaVersion}, 이 프로그램은 ${supportedVersion}까지). 프로그램을 최신 버전으로 업데이트하세요`,
      );
    const count = (table: string): number =>
      tables.has(table)
        ? (sqlite.prepare<[], { n: number }>(`SELECT count(*) AS n FROM "${table}"`).get()?.n ?? 0)
        : 0;
    const seal = sealOf(sqlite, path);
    if (seal.status === 'altered') throw new BackupAlteredError(seal.createdAt);
    const stored = sqlite
      .prepare<[], { value: string }>(`SELECT value FROM settings WHERE key = 'setup'`)
      .get()?.value;
    return {
      schemaVersion,
      setup: stored === undefined ? null : setupOf(stored),
      documents: count('documents'),
      receivedBundles: count('bundles'),
      seal,
    };
  } finally {
    sqlite.close();
  }
}

/** Who uses a database file (its first-run choice), read on a read-only connection; null before that choice. */
export function setupOfDatabase(path: string): BackupContents['setup'] {
  const sqlite = new BetterSqlite3(path, { readonly: true, fileMustExist: true });
  try {
    const stored = sqlite
      .prepare<[], { value: string }>(`SELECT value FROM settings WHERE key = 'setup'`)
      .get()?.value;
    return stored === undefined ? null : setupOf(stored);
  } finally {
    sqlite.close();
  }
}

/** checkSeal, with a row SQLite cannot read on the way (past its integrity check) said as damage. */
function sealOf(sqlite: BetterSqlite3.Database, path: string): SealCheck {
  try {
    return checkSeal(sqlite, path);
  } catch (error) {
    const code = String((error as { code?: unknown } | null)?.code ?? '');
    if (!/^SQLITE_CORRUPT/.test(code)) throw error;
    throw new BackupCheckError(
      `데이터베이스가 손상되어 있습니다 (${error instanceof Error ? error.message : String(error)})`,
    );
  }
}

function setupOf(json: string): BackupContents['setup'] {
  try {
    const value = JSON.parse(json) as { role?: unknown; department?: unknown };
    if (value.role !== 'department' && value.role !== 'office') return null;
    return {
      role: value.role,
      department: typeof value.department === 'string' ? value.department : null,
    };
  } catch {
    return null;
  }
}
