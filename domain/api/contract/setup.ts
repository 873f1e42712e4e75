// The contract's setup views and inputs: first run, data folder recovery, backups and the 공약사업 목록 파일.
import { z } from 'zod';
import { typedPathSchema } from './typed-path';

export const roleSchema = z.enum(['department', 'office']);
export type Role = z.infer<typeof roleSchema>;

/** The first-run choice: who uses this copy and where its data lives. */
export interface SetupState {
  configured: boolean;
  role: Role | null;
  /** The department (주관부서) this copy writes for; null for the planning office. */
  department: string | null;
  dataDir: string;
  defaultDataDir: string;
  /**
   * The data folder given when the program was started (--data): it opens at every start made so, whatever is
   * chosen here (another folder serves this run only). Null when none was given: the choice is then remembered.
   */
  startDataDir: string | null;
}

/** 데이터 백업: the checked copy written (see main/services/data-backup.ts). */
export interface DataBackup {
  path: string;
  bytes: number;
  createdAt: string;
}

/** 백업에서 복원: the data folder written from a backup file, and what the backup holds (see data-restore.ts). */
export interface RestoredBackup {
  dataDir: string;
  path: string;
  bytes: number;
  schemaVersion: number;
  /** Who used the copy the backup was taken from (its first-run choice), if it had made one. */
  role: Role | null;
  department: string | null;
  documents: number;
  receivedBundles: number;
  /** When the backup was made (from its seal); null for a backup made by an earlier version, which has none. */
  backupCreatedAt: string | null;
  /** 'verified': its content is as when it was made (the SHA-256 kept inside it); 'unchecked': nothing to check. */
  contentCheck: 'verified' | 'unchecked';
  /** Why it could not be checked, in Korean (an earlier version's backup); null when verified. */
  note: string | null;
}

/**
 * A full path: "C:\\…" or "C:/…" on Windows, "/…" elsewhere (a network path is refused later, by name). A relative
 * one would land wherever the program happened to start and look lost at the next start.
 */
export const isFullPath = (path: string): boolean => /^([A-Za-z]:[\\/]|\/|\\\\)/.test(path);

const fullPathSchema = (emptyMessage: string, subject: string) =>
  typedPathSchema(
    z
      .string()
      .min(1, emptyMessage)
      .refine(
        isFullPath,
        `${subject} 전체 경로로 입력하세요 (예: C:\\공약이행\\데이터 또는 /home/사용자/공약이행).`,
      ),
  );

export const restoreBackupInputSchema = z.strictObject({
  file: fullPathSchema('복원할 백업 파일을 입력하세요.', '백업 파일은'),
  dataDir: fullPathSchema('복원할 데이터 폴더를 입력하세요.', '데이터 폴더는'),
  /** Asked again after RESTORE_ROLE_CHANGE: the backup is another user's (role or department), and that is meant. */
  confirmRoleChange: z.boolean().optional(),
});

/**
 * Why the app started without its data (the recovery screen): the data folder's database file could not be read
 * (not a database, or damaged). The file is never changed; the screen offers a new data folder or another try.
 */
export interface StartupProblem {
  code: 'DATA_DIR_UNREADABLE';
  /**
   * 'unreadable': the data file is not a database or is damaged. 'missing' / 'empty': there is no data file, or it
   * has 0 bytes, while the folder still holds the program's files (`found`): a folder in use that lost its data.
   */
  kind: 'unreadable' | 'missing' | 'empty';
  /** For 'missing' and 'empty': what the folder holds, a line per kind with the names, in Korean; else empty. */
  found: string[];
  /** What is wrong and what the screen offers, in Korean (also the message of every operation refused meanwhile). */
  message: string;
  /** The file that could not be read, and its folder. */
  databasePath: string;
  dataDir: string;
  /** A folder beside it that holds no data yet, for 새 데이터 폴더로 시작. */
  suggestedDataDir: string;
  /** Whether a new folder is remembered for the next start (false when started with --data: this run only). */
  remembered: boolean;
  /** When the file was last tried (ISO), so another try that fails too is seen to have happened. */
  checkedAt: string;
}

export const newDataDirInputSchema = z.strictObject({
  dataDir: fullPathSchema('새 데이터 폴더를 입력하세요.', '데이터 폴더는'),
  /** A backup file (데이터 백업's) to restore into the new folder before it opens; none: an empty folder. */
  backupFile: fullPathSchema('복원할 백업 파일을 입력하세요.', '백업 파일은').optional(),
});
export type NewDataDirInput = z.infer<typeof newDataDirInputSchema>;

export interface AppInfo {
  version: string;
  /** 'electron' or 'browser': where the renderer runs. */
  mode: 'electron' | 'browser';
  databasePath: string;
  schemaVersion: number;
}

/**
 * 공약사업 목록 파일: an .xlsx with the catalog and the term (main/catalog/catalog-workbook.ts), as chosen on the
 * screen. 10 MB at most (base64 is 4/3 of it).
 */
export const catalogFileSchema = z.strictObject({
  name: z.string().max(255),
  dataBase64: z
    .string()
    .min(1, '공약사업 목록 파일이 비어 있습니다.')
    .max(Math.ceil((10 * 1024 * 1024) / 3) * 4, '공약사업 목록 파일은 10 MB까지 읽습니다.'),
});
export type CatalogFile = z.infer<typeof catalogFileSchema>;

/** What a 공약사업 목록 파일 holds, shown before a new data folder starts with it. */
export interface CatalogFileSummary {
  city: string;
  title: string;
  version: string;
  termName: string;
  /** "YYYY-MM". */
  termStart: string;
  termEnd: string;
  areas: number;
  corePledges: number;
  projects: number;
  /** Every department it names (lead or co-department), in Korean order: the choices of 주관부서. */
  departments: string[];
}

/** 공약사업 목록 바꾸기: what a list file changes against the office's list, and why it cannot be taken (if so). */
export interface CatalogChangePreview {
  summary: CatalogFileSummary;
  /** The 판 of the list in use: 바꾸기 sends it back, and is refused if the list changed meanwhile. */
  currentVersion: string;
  /** What differs, one line each ("세부사업 1-1-1 이름: … → …"); empty when nothing does. */
  lines: string[];
  /** Why the folder's data would not fit the new list; empty when it may be taken. */
  refusals: string[];
}

export const setupInputSchema = z.strictObject({
  role: roleSchema,
  department: z.string().trim().min(1).nullable(),
  dataDir: fullPathSchema('데이터 폴더를 입력하세요.', '데이터 폴더는'),
  /**
   * A new data folder starts with this file's catalog and term instead of the built-in ones (another city, the next
   * term); refused for a folder that already holds documents, files or keys.
   */
  catalogFile: catalogFileSchema.optional(),
  /** Asked again after IDENTITY_CHANGE: the folder holds another user's work, and the change is meant. */
  confirmIdentityChange: z.boolean().optional(),
});
export type SetupInput = z.infer<typeof setupInputSchema>;
