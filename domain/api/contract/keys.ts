// Signing keys: this copy's key, enrollment, the office's registry of department keys, rotation.
import type { BundleImportResult } from './bundles';
import type { Role } from './setup';

export interface KeyStatusView {
  hasKey: boolean;
  role: Role | null;
  department: string | null;
  keyId: string | null;
  /** Read aloud over the phone to confirm an enrollment ("7KQ2-M9XD-…"). */
  fingerprint: string | null;
  createdAt: string | null;
  /** Where the private key is kept, and what protects it (Korean, for the settings screen). */
  store: 'file' | 'safeStorage' | null;
  protection: string | null;
  /**
   * Why the current key's private half cannot be read on this PC (its file gone after a restore onto another PC,
   * or unreadable), or null when it can. `privateKeyLost`: it cannot be used again here (a new key replaces it);
   * false for a problem the user can fix in place (a key file other users may read).
   */
  privateKeyProblem: string | null;
  privateKeyLost: boolean;
  trustedOfficeKeys: { keyId: string; fingerprint: string; status: 'approved' | 'revoked' }[];
}

export interface EnrollmentExported {
  path: string;
  /** The enrollment file's text (browser mode can offer it as a download). */
  text: string;
  keyId: string;
  fingerprint: string;
  department: string;
}

export interface RegistryKeyView {
  department: string;
  keyId: string;
  role: Role;
  fingerprint: string;
  status: 'pending' | 'approved' | 'retired' | 'revoked';
  validFrom: string;
  enrolledAt: string;
  approvedAt: string | null;
  revokedAt: string | null;
  replacesKeyId: string | null;
}

/** A registered key's status as the screens and the CLI say it. */
export const KEY_STATUS_LABELS: Record<RegistryKeyView['status'], string> = {
  pending: '승인 대기',
  approved: '승인',
  retired: '교체됨',
  revoked: '폐기',
};

export interface KeyImported {
  /** 'registry' (office: pending department key), 'trustedOffice' (department: office key), 'rotation'. */
  kind: 'registry' | 'trustedOffice' | 'rotation';
  department: string;
  keyId: string;
  fingerprint: string;
  status: 'pending' | 'approved' | 'retired' | 'revoked';
  alreadyKnown: boolean;
  /** Quarantined bundles imported because the key is now approved (rotation). */
  released: BundleImportResult[];
}

export interface KeyApproved {
  key: RegistryKeyView;
  /** Quarantined bundles re-verified and imported now that the key is approved. */
  released: BundleImportResult[];
}
