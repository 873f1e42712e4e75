import type { Kysely } from 'kysely';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import { assertLocalDatabasePath, assertNotNetworkPath, createDb } from '../../db/create-db';
import type { Database } from '../../db/schema';
import { lostDataFileError, probeDatabaseFile } from './database-probe';
import { storageError, UserError } from './errors';
import { notFullPathHere } from './local-path';
import { ensureReferenceData } from './reference';

export type AppMode = 'electron' | 'browser' | 'cli';

/**
 * Everything a handler needs, passed explicitly (no module-global connection). `db` and `dataDir` change only
 * when the user moves the data folder at setup.
 */
export interface AppContext {
  readonly profileDir: string;
  readonly mode: AppMode;
  readonly appVersion: string;
  readonly defaultDataDir: string;
  /** The folder given at start (--data), opened at every start made so and never remembered; else null. */
  readonly startDataDir: string | null;
  dataDir: string;
  db: Kysely<Database>;
  now(): Date;
  /**
   * Opens (or creates) the database in another folder and makes it current; remembers the choice. `accept`, when
   * given, looks at the other folder's database first: if it throws, the current folder stays current and the
   * error is passed on.
   */
  switchDataDir(dataDir: string, accept?: (db: Kysely<Database>) => Promise<void>): Promise<void>;
  close(): Promise<void>;
}

export interface CreateAppContextOptions {
  /** Per-user folder for the small bootstrap config (where the data lives). */
  profileDir: string;
  /** A data folder given on the command line (--data): used as is, not remembered. */
  dataDirOverride?: string | undefined;
  /**
   * A folder chosen in place of one that could not be opened (the start-up recovery screen): opened instead of
   * the others, and remembered in the profile once open, as switchDataDir does (not when --data was given).
   */
  chosenDataDir?: string | undefined;
  /** The data file must already be there (다시 시도): a missing one is DATA_FILE_MISSING, and nothing is created. */
  dataMustExist?: boolean | undefined;
  mode: AppMode;
  appVersion: string;
  now?: () => Date;
}

const profileConfigSchema = z.object({ dataDir: z.string().min(1) });

export const databaseFileName = 'pledge.sqlite';
export const databasePathIn = (dataDir: string): string => join(dataDir, databaseFileName);

function readProfileConfig(profileDir: string): z.infer<typeof profileConfigSchema> | null {
  const path = join(profileDir, 'config.json');
  if (!existsSync(path)) return null;
  // Never read as "no choice made": the default folder would open instead, and the data would look gone.
  const unreadable = (detail: unknown): UserError => {
    console.error(`[profile] ${path} cannot be read`, detail);
    return new UserError(
      'PROFILE_CONFIG_UNREADABLE',
      `이 PC의 설정 파일을 읽을 수 없습니다: ${path}\n` +
        '어느 데이터 폴더를 쓰는지 적힌 파일입니다. 데이터는 그대로 있습니다. 이 파일을 지우고 다시 시작한 뒤 처음 설정에서 쓰던 데이터 폴더를 고르세요.',
    );
  };
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw unreadable(error);
  }
  const parsed = profileConfigSchema.safeParse(json);
  if (!parsed.success) throw unreadable(parsed.error);
  return parsed.data;
}

function writeProfileConfig(profileDir: string, config: z.infer<typeof profileConfigSchema>): void {
  mkdirSync(profileDir, { recursive: true });
  const path = join(profileDir, 'config.json');
  writeFileSync(`${path}.tmp`, JSON.stringify(config, null, 2));
  renameSync(`${path}.tmp`, path);
}

/**
 * A database file SQLite cannot read (another file under the name, a damaged one) as a message that names it and
 * the way out; any other error as it was. The file is never changed or removed on the way.
 */
export function unreadableDatabaseError(error: unknown, path: string): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !/^SQLITE_(NOTADB|CORRUPT)/.test(code)) return error;
  return new UserError(
    'DATA_DIR_UNREADABLE',
    `공약이행 데이터베이스가 아니거나 손상된 파일입니다: ${path}\n이 파일은 고치거나 지우지 않았습니다. ` +
      `데이터 백업 파일이 있으면: 공약이행 관리 프로그램을 시작하면 열리는 복구 화면에서 새 데이터 폴더와 백업 파일을 골라 시작하거나, ` +
      `명령줄에서 pledge restore 백업파일 --data 새_폴더 로 ${dirname(path)} 밖의 새 폴더에 복원하세요. ` +
      '백업이 없으면 이 파일을 그대로 두고 전산 담당자에게 문의하세요.',
  );
}

/** Why the data file could not be opened, in Korean where SQLite or the disk said it (a damaged file, a lock). */
function openError(error: unknown, path: string): unknown {
  const unreadable = unreadableDatabaseError(error, path);
  if (unreadable !== error) return unreadable;
  const storage = storageError(error);
  return storage === null ? error : new UserError(storage.code, `${storage.message}\n데이터 파일: ${path}`);
}

/**
 * Opens a folder's database, creating it unless `mustExist` (다시 시도 creates nothing). An existing file is looked
 * at read-only first (database-probe.ts): one SQLite cannot read is reported without ever being opened read-write,
 * so neither it nor a `-wal` or `-journal` beside it is changed. A data file missing or empty in a folder that still
 * holds the program's files (keys, made submission files: database-probe.ts lostDataFileIn) is reported the same
 * way, and no database is created there.
 */
async function openData(dataDir: string, now: () => Date, mustExist = false): Promise<Kysely<Database>> {
  const path = databasePathIn(dataDir);
  const lost = lostDataFileError(path);
  if (lost !== null) throw lost;
  if (existsSync(path)) {
    const problem = probeDatabaseFile(path);
    if (problem !== null) {
      const unreadable = unreadableDatabaseError(problem, path);
      // Any other probe failure is left to the normal open, which reports it as before.
      if (unreadable !== problem) throw unreadable;
    }
  } else if (mustExist) {
    throw new UserError(
      'DATA_FILE_MISSING',
      `데이터 파일이 없습니다: ${path}\n다시 시도는 새 파일을 만들지 않습니다. 백업한 파일을 이 이름으로 놓았는지, ` +
        '폴더가 맞는지 확인하거나 새 데이터 폴더로 시작하세요.',
    );
  }
  let db: Kysely<Database>;
  try {
    db = createDb(path);
  } catch (error) {
    throw openError(error, path);
  }
  try {
    await ensureReferenceData(db, now());
  } catch (error) {
    await db.destroy();
    throw openError(error, path);
  }
  return db;
}

/**
 * The clock. PLEDGE_NOW (an ISO date-time) starts it at a given instant and lets it run from there: used by the
 * end-to-end tests and by training sessions that replay a past half-year's deadlines. Unset: the real clock.
 */
export function clockFromEnv(value: string | undefined): () => Date {
  if (!value) return () => new Date();
  const start = Date.parse(value);
  if (Number.isNaN(start)) throw new Error(`PLEDGE_NOW is not a date-time: ${value}`);
  const startedAt = Date.now();
  return () => new Date(start + (Date.now() - startedAt));
}

/** The folder createAppContext opens: the one chosen in recovery, else --data, else the profile's, else the default. */
export function dataDirToOpen(
  options: Pick<CreateAppContextOptions, 'profileDir' | 'dataDirOverride' | 'chosenDataDir'>,
): string {
  const profileDir = resolve(options.profileDir);
  return resolve(
    options.chosenDataDir ??
      options.dataDirOverride ??
      readProfileConfig(profileDir)?.dataDir ??
      join(profileDir, 'data'),
  );
}

export async function createAppContext(options: CreateAppContextOptions): Promise<AppContext> {
  const profileDir = resolve(options.profileDir);
  const defaultDataDir = join(profileDir, 'data');
  const dataDir = dataDirToOpen(options);
  const now = options.now ?? clockFromEnv(process.env.PLEDGE_NOW);
  const persistChoice = options.dataDirOverride === undefined;
  const db = await openData(dataDir, now, options.dataMustExist === true);
  if (options.chosenDataDir !== undefined && persistChoice) {
    try {
      writeProfileConfig(profileDir, { dataDir });
    } catch (error) {
      await db.destroy();
      throw error;
    }
  }

  const ctx: AppContext = {
    profileDir,
    mode: options.mode,
    appVersion: options.appVersion,
    defaultDataDir,
    startDataDir: options.dataDirOverride === undefined ? null : resolve(options.dataDirOverride),
    dataDir,
    db,
    now,
    async switchDataDir(next, accept) {
      // Checked before resolve(): on POSIX a "\\server\share" string would otherwise become a relative path.
      assertNotNetworkPath(next);
      const notFull = notFullPathHere(next, '데이터 폴더가');
      if (notFull !== null) throw new Error(notFull);
      const target = resolve(next);
      // A new database is not made on a mapped network drive; one already there opens (assertLocalDatabasePath).
      if (!existsSync(databasePathIn(target))) assertLocalDatabasePath(next);
      if (target === ctx.dataDir) {
        await accept?.(ctx.db);
        return;
      }
      const db = await openData(target, now);
      try {
        await accept?.(db);
      } catch (error) {
        await db.destroy();
        throw error;
      }
      const old = ctx.db;
      ctx.db = db;
      ctx.dataDir = target;
      if (persistChoice) writeProfileConfig(profileDir, { dataDir: target });
      await old.destroy();
    },
    async close() {
      await ctx.db.destroy();
    },
  };
  return ctx;
}
