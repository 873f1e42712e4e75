import type { BundleImportResult, ImportNoteView } from '../api/contract';

/**
 * The import's results with what 종합 현황 says of their accepted files (지연, new 충돌), asked for once the results
 * are shown (getImportNotes): an import of thousands of files does not wait for every half-year's tables.
 */

/** The accepted files to ask about. */
export const acceptedSha256s = (results: readonly BundleImportResult[]): string[] =>
  results.flatMap((r) => (r.status === 'accepted' && r.sha256 !== null ? [r.sha256] : []));

/** Each accepted result with its note (late documents, conflicts), the others as they were. */
export function withImportNotes(
  results: readonly BundleImportResult[],
  notes: readonly ImportNoteView[],
): BundleImportResult[] {
  const bySha = new Map(notes.map((n) => [n.sha256, n]));
  return results.map((r) => {
    const note = r.status === 'accepted' && r.sha256 !== null ? bySha.get(r.sha256) : undefined;
    if (note === undefined) return r;
    return {
      ...r,
      ...(note.late !== undefined && note.late.documents > 0 ? { late: note.late } : {}),
      ...(note.conflicts !== undefined && note.conflicts > 0 ? { conflicts: note.conflicts } : {}),
    };
  });
}
