import type { BundleImportResult } from '../api/contract';

/**
 * One imported file's outcome as the office reads it, the same on the screen (제출 파일 받기) and from the command
 * line (pledge import): the outcome, marked when the file's documents arrived after the half-year's due date, and
 * where the conflicts it brought wait for a decision.
 */

export const IMPORT_STATUS_LABELS: Record<BundleImportResult['status'], string> = {
  accepted: '반영',
  duplicate: '중복',
  quarantined: '격리',
  held: '충돌 보류',
  rejected: '거부',
};

type Noted = Pick<BundleImportResult, 'status' | 'late' | 'conflicts'>;

/** "반영", or "반영 (기한 지남: 지연)" when 제출 현황 counts some of the file's documents late. */
export function importOutcomeLabel(r: Noted): string {
  const label = IMPORT_STATUS_LABELS[r.status];
  return r.late !== undefined && r.late.documents > 0 ? `${label} (기한 지남: 지연)` : label;
}

/** What lateness means for the file: how many of its documents count late, and the due date they missed. */
export function importLateNote(r: Noted): string | null {
  if (r.late === undefined || r.late.documents === 0) return null;
  return `제출 기한(${r.late.dueDate}) 뒤에 받아 문서 ${r.late.documents}건이 제출 현황에서 지연으로 집계됩니다.`;
}

/** "충돌 n건 → 종합 현황 › 충돌" when the file's cards brought conflicts that wait for a decision. */
export function importConflictNote(r: Noted): string | null {
  return r.conflicts !== undefined && r.conflicts > 0 ? `충돌 ${r.conflicts}건 → 종합 현황 › 충돌` : null;
}
