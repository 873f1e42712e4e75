// Signed submission files (bundles): made by a department, imported, kept and checked by the office.
import type { DocumentRef } from './documents';

/** One file's outcome in an import. */
export interface BundleImportResult {
  file: string;
  status: 'accepted' | 'duplicate' | 'quarantined' | 'held' | 'rejected';
  code: string;
  /** Korean: which member, field, project or revision. */
  reason: string;
  department: string | null;
  /** The half-year ("2019-H1") or 'plan'; null when nothing could be read from the file. */
  period: string | null;
  /**
   * True when department and period are only what the file's manifest claims (its signature failed or its key is
   * unknown): shown marked as unverified, never relied on.
   */
  unverified: boolean;
  revision: number | null;
  sha256: string | null;
  documents: number;
  /** Field-level problems for a rejected document: "documents/…json: path" → message. */
  details?: Record<string, string> | undefined;
  /**
   * accepted: its documents that 제출 현황 counts late — first arrived with this file, after the half-year's due
   * date (office-local date of the receipt, as the report judges). Absent when none.
   */
  late?: { dueDate: string; documents: number } | undefined;
  /**
   * accepted: conflicts on this file's cards that wait for the office's decision (종합 현황 › 충돌), as the report
   * lists them after the import. Absent when none.
   */
  conflicts?: number | undefined;
}

/** getImportNotes: an accepted file's notes, by its SHA-256 (see BundleImportResult's `late` and `conflicts`). */
export interface ImportNoteView {
  sha256: string;
  late?: { dueDate: string; documents: number } | undefined;
  conflicts?: number | undefined;
}

export interface BundleExported {
  path: string;
  fileName: string;
  revision: number;
  /**
   * The revision of the file this one names as its previous (null: none, a first file): one below `revision`, or
   * after 이어 보내기 the office's last accepted file.
   */
  previousRevision: number | null;
  sha256: string;
  period: string;
  documents: { kind: DocumentRef['kind']; projectId: string; slot: string; path: string }[];
  attachments: number;
  /** Documents left out because of errors: which one and its first error. */
  refused: { kind: DocumentRef['kind']; projectId: string; slot: string; document: string; error: string }[];
}

export interface ImportJobView {
  jobId: string;
  done: number;
  total: number;
  finished: boolean;
  results: BundleImportResult[] | null;
  error: string | null;
}

export interface ReceivedBundleView {
  sha256: string;
  department: string;
  keyId: string;
  period: string;
  revision: number;
  createdAt: string;
  importedAt: string;
  /** The 접수일 the office gave at the import (YYYY-MM-DD), or null: received when imported. */
  receivedOn: string | null;
  status: 'accepted' | 'quarantined';
  fileName: string;
  reasonCode: string;
  reason: string;
  documents: number;
}

/** 받은 제출 파일 점검 (main/services/archive-audit.ts): what no longer matches the kept signed files. */
export interface ArchiveProblem {
  /** The kept file's SHA-256 (its name in the archive), or "" for the data file itself. */
  bundleSha256: string;
  department: string;
  revision: number | null;
  fileName: string;
  problem: string;
}

export interface ArchiveAudit {
  checkedAt: string;
  /** SQLite's quick check findings, or null when the data file is sound. */
  integrity: string | null;
  /** Submission files kept (accepted, in quarantine and held). */
  files: number;
  /** Documents the accepted files carry, each compared with the stored row. */
  documents: number;
  problems: ArchiveProblem[];
  /** Problems found beyond those listed. */
  more: number;
  /** The office's data changed while the check ran (an import, a swap, a decision): a difference may be that. */
  changedDuring: boolean;
}
