import type { ReceivedBundle } from '../../db/bundles';
import type { BundleImportResult } from '../../domain/api/contract';
import { localDateTimeOf } from '../../domain/reports/submissions';

/**
 * The outcome for one file: what happened, a stable code, and the reason in Korean — the API's own type, so the
 * import, the CLI and the screen read the same fields. 'held': authentic but in conflict with an accepted bundle
 * (same department and revision, different content); kept whole and listed for the office (see held_bundles),
 * not merged.
 */
export type ImportResult = BundleImportResult;
export type ImportStatus = ImportResult['status'];

/** The result for a file that was not taken; extra adds what is known of it (its sender, revision, hash). */
export function rejected(
  file: string,
  code: string,
  reason: string,
  extra: Partial<ImportResult> = {},
): ImportResult {
  return {
    file,
    status: 'rejected',
    code,
    reason,
    department: null,
    period: null,
    unverified: false,
    revision: null,
    sha256: null,
    documents: 0,
    ...extra,
  };
}

/** The result for a file already received (accepted, or waiting in quarantine): nothing changed. */
export const duplicateOf = (
  file: string,
  known: Pick<
    ReceivedBundle,
    'sha256' | 'department' | 'period' | 'revision' | 'status' | 'importedAt' | 'reasonCode'
  >,
): ImportResult => ({
  file,
  status: 'duplicate',
  code: 'DUPLICATE',
  reason:
    known.status === 'accepted'
      ? `이미 받은 제출 파일입니다 (${known.department} r${known.revision}, ${localDateTimeOf(known.importedAt)} 가져옴). 바뀐 것이 없습니다.`
      : known.reasonCode === 'KEY_REVOKED'
        ? `이미 격리 보관 중인 제출 파일입니다 (${known.department} r${known.revision}). 폐기된 키로 서명되어 반영되지 않습니다.`
        : `이미 격리 보관 중인 제출 파일입니다 (${known.department} r${known.revision}). 키가 승인되면 자동으로 반영됩니다.`,
  department: known.department,
  period: known.period,
  // A file quarantined for an unknown key is stored under the department its manifest claims.
  unverified: known.status === 'quarantined' && known.reasonCode === 'KEY_UNKNOWN',
  revision: known.revision,
  sha256: known.sha256,
  documents: 0,
});
