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

export type DocumentKind = 'executionPlan' | 'managementCard' | 'financeRow' | 'changeRequest';
export type DocumentStatus = 'draft' | 'submitted' | 'confirmed';
export type VersionReason = 'create' | 'autosave' | 'submit' | 'confirm' | 'restore' | 'import' | 'reopen';

export interface DocumentsTable {
  id: string;
  kind: DocumentKind;
  project_id: string;
  slot: string;
  department: string;
  status: DocumentStatus;
  json: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface DocumentVersionsTable {
  document_id: string;
  version: number;
  status: DocumentStatus;
  json: string;
  saved_at: string;
  reason: VersionReason;
}

export interface AttachmentsTable {
  sha256: string;
  media_type: string;
  size: number;
  bytes: Buffer;
  created_at: string;
}

export interface Database {
  settings: SettingsTable;
  reference_data: ReferenceDataTable;
  documents: DocumentsTable;
  document_versions: DocumentVersionsTable;
  attachments: AttachmentsTable;
  own_keys: OwnKeysTable;
  key_registry: KeyRegistryTable;
  trusted_office_keys: TrustedOfficeKeysTable;
  sent_bundles: SentBundlesTable;
  bundles: BundlesTable;
  received_documents: ReceivedDocumentsTable;
  department_chain: DepartmentChainTable;
  office_decisions: OfficeDecisionsTable;
  bundle_files: BundleFilesTable;
  held_bundles: HeldBundlesTable;
  bundle_receipts: BundleReceiptsTable;
  data_generation: DataGenerationTable;
  /** Moved by every update or delete of received documents or bundles (migration 0009). */
  received_rewrites: DataGenerationTable;
  /** Moved by every write of the office's documents, per kind, and of the reference data (migration 0014). */
  write_counts: WriteCountsTable;
  /** Imports of submission files running or cut off midway (migration 0018). */
  import_runs: ImportRunsTable;
}

/** A counter per kind of document ('executionPlan', …) and one named 'reference' (migration 0014). */
export interface WriteCountsTable {
  name: string;
  n: number;
}

/** One row: moved forward by triggers on every change to the report's tables (migration 0008). */
export interface DataGenerationTable {
  id: number;
  n: number;
}

/** The date the office said it received a bundle, at its first import (migration 0016). */
export interface BundleReceiptsTable {
  bundle_sha256: string;
  /** Office-local YYYY-MM-DD. */
  received_on: string;
  recorded_at: string;
}

export interface ImportRunsTable {
  id: Generated<number>;
  started_at: string;
  pid: number;
  process_started_at: string;
  last_seen_at: string;
  /** JSON array of strings. */
  sources: string;
  total: number;
  written: Generated<number>;
}

/** A bundle held as a same-revision conflict (migration 0006). */
export interface HeldBundlesTable {
  sha256: string;
  department: string;
  revision: number;
  period: string;
  key_id: string;
  created_at: string;
  imported_at: string;
  manifest: string;
  file_name: string;
  conflicts_with: string;
  bytes: Buffer;
}

/** Raw bytes of a received bundle (migration 0005). */
export interface BundleFilesTable {
  sha256: string;
  bytes: Buffer;
  stored_at: string;
}

// Signed bundles (migration 0003).

export type KeyRole = 'department' | 'office';
/**
 * `retired`: replaced by a rotation, valid for bundles made before `revoked_at`; `revoked`: lost or stolen, valid
 * for nothing (migration 0013).
 */
export type RegistryKeyStatus = 'pending' | 'approved' | 'retired' | 'revoked';
export type BundleKind = 'pledge-submission' | 'pledge-baseline';

/** This copy's key pairs; the private key itself lives in a PrivateKeyStore, the row says where. */
export interface OwnKeysTable {
  key_id: string;
  role: KeyRole;
  department: string;
  public_key_pem: string;
  fingerprint: string;
  private_key_store: 'file' | 'safeStorage';
  private_key_ref: string;
  created_at: string;
  retired_at: string | null;
}

/** The planning office's registry of department keys. */
export interface KeyRegistryTable {
  department: string;
  key_id: string;
  role: KeyRole;
  public_key_pem: string;
  fingerprint: string;
  status: RegistryKeyStatus;
  valid_from: string;
  enrolled_at: string;
  approved_at: string | null;
  /** revoked: when; retired: the end of its validity (the rotation's moment). */
  revoked_at: string | null;
  replaces_key_id: string | null;
}

/** On a department copy: the office keys whose baselines it accepts. */
export interface TrustedOfficeKeysTable {
  key_id: string;
  public_key_pem: string;
  fingerprint: string;
  status: 'approved' | 'revoked';
  valid_from: string;
  revoked_at: string | null;
  added_at: string;
}

/** Bundles this copy wrote (submissions on a department copy, baselines on the office's). */
export interface SentBundlesTable {
  type: BundleKind;
  revision: number;
  sha256: string;
  previous_sha256: string | null;
  department: string;
  key_id: string;
  period: string;
  document_count: number;
  path: string;
  created_at: string;
}

/** Bundles the office received: accepted, or kept in quarantine until their key is approved. */
export interface BundlesTable {
  sha256: string;
  type: BundleKind;
  department: string;
  key_id: string;
  period: string;
  revision: number;
  previous_sha256: string | null;
  created_at: string;
  imported_at: string;
  status: 'accepted' | 'quarantined';
  /** The manifest JSON as stored in the bundle. */
  manifest: string;
  file_name: string;
  reason_code: string;
  reason: string;
}

export interface ReceivedDocumentsTable {
  bundle_sha256: string;
  kind: DocumentKind;
  project_id: string;
  slot: string;
  department: string;
  revision: number;
  json: string;
  received_at: string;
}

/** Per department: the last accepted submission (revisions only grow; the next must name this hash). */
export interface DepartmentChainTable {
  department: string;
  last_revision: number;
  last_bundle_sha256: string;
  updated_at: string;
}

export type { Generated };

// Office decisions (migration 0004).

export interface OfficeDecisionsTable {
  id: Generated<number>;
  kind: 'completion' | 'conflict';
  subject: string;
  project_id: string;
  period_id: string;
  /** 'withdrawn': a 완료 decision taken back (migration 0017); the subject waits for the office again. */
  decision: 'accepted' | 'rejected' | 'withdrawn';
  note: string;
  decided_at: string;
  /** A 완료 decision's card: the bundle that carried it and its revision (migration 0012; NULL before it). */
  card_bundle_sha256: string | null;
  card_revision: number | null;
  /** A frozen-field conflict's basis when decided (migration 0015; NULL for other decisions and before it). */
  decided_basis: string | null;
}
