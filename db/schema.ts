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
}

export type { Generated };
