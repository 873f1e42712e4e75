import type { Catalog } from '../../domain/catalog/types';
import type { DocumentKind } from '../../domain/documents';
import type { Term } from '../../domain/term/types';
import type { BundleLimits } from './limits';
import type { BundleType, Manifest } from './manifest';

/**
 * `retired`: replaced by a key rotation; valid for bundles created before its `revokedAt`, refused after it.
 * `revoked`: lost, stolen or distrusted; valid for nothing, whatever the bundle's date.
 */
export type KeyStatus = 'approved' | 'pending' | 'retired' | 'revoked';

/** What the key registry knows about one key (a row of the office's registry, or a snapshot for a worker). */
export type RegisteredKey = {
  publicKeyPem: string;
  status: KeyStatus;
  /** ISO date-time from which bundles signed with the key are accepted. */
  validFrom: string;
  /** ISO date-time; bundles created at or after it are refused (a retired key: the moment it was replaced). */
  revokedAt?: string | null;
  /** When given, a baseline needs an office key and a submission a department key. */
  role?: 'department' | 'office';
};

export type KeyLookup = (department: string, keyId: string) => RegisteredKey | null;

/** A registry snapshot entry, for verification in a worker where a function cannot be passed. */
export type KeySnapshotEntry = RegisteredKey & { department: string; keyId: string };

export type InspectOptions = {
  limits?: Partial<BundleLimits>;
  lookupKey: KeyLookup;
  expectedType: BundleType;
  /** The caller's document schema and permission check; returns a Korean error or null. */
  validateDocument?: (path: string, json: unknown) => string | null;
};

export type BundleDocument = { path: string; json: unknown };
export type BundleAttachment = { path: string; sha256: string; bytes: Buffer; mediaType: string };

export type BundleAccepted = {
  ok: true;
  manifest: Manifest;
  /** SHA-256 of manifest.json as stored (the bundle's identity for replay records). */
  manifestSha256: string;
  /** SHA-256 of the whole zip file (what the next bundle's previousBundleSha256 names; the archive file name). */
  bundleSha256: string;
  /** Empty when `content` is set: the checked documents travel there, ready to store. */
  documents: BundleDocument[];
  attachments: BundleAttachment[];
  /** The submission content verdict, when the verifier ran it (a pool worker given a ContentContext). */
  content?: ContentVerdict;
};

/** What a worker needs to check a submission's documents (sent once per worker, like the key snapshot). */
export type ContentContext = { catalog: Catalog; term: Term };

/** One checked document as the office stores it (json: the schema-parsed document, serialized). */
export type StoredDocumentRow = { kind: DocumentKind; projectId: string; slot: string; json: string };

export type ContentVerdict =
  | { ok: true; documents: StoredDocumentRow[] }
  | { ok: false; problem: { code: string; message: string; details: Record<string, string> } };

/** The content check a worker runs on an accepted bundle (wired by the worker entry). */
export type ContentChecker = (accepted: BundleAccepted, context: ContentContext) => ContentVerdict;

export type BundleRejected = {
  ok: false;
  code: string;
  /** Korean, naming the member, field or key. */
  message: string;
  /** True when the only problem is an unknown, pending or revoked key: keep the file in quarantine. */
  quarantine?: boolean;
};

export type BundleCheck = BundleAccepted | BundleRejected;

export function keyLookupFromSnapshot(keys: readonly KeySnapshotEntry[]): KeyLookup {
  // A Map, not a scan: an office with hundreds of departments looks a key up for every bundle.
  const byKey = new Map<string, KeySnapshotEntry>();
  for (const k of keys) {
    const id = `${k.department}\u0000${k.keyId}`;
    if (!byKey.has(id)) byKey.set(id, k); // the first entry wins, as a scan would find it
  }
  return (department, keyId) => {
    const found = byKey.get(`${department}\u0000${keyId}`);
    if (!found) return null;
    const { publicKeyPem, status, validFrom, revokedAt, role } = found;
    return { publicKeyPem, status, validFrom, revokedAt: revokedAt ?? null, ...(role ? { role } : {}) };
  };
}
