import { listPeriods } from '../../domain/term/periods';
import type { Term } from '../../domain/term/types';
import type { AppContext } from './context';
import type { ImportResult } from './import-result';
import { localToday } from './local-today';
import { currentOfficeReport } from './office-report-cache';

/** Conflicts a file's cards bring: the report's kinds that stand on one department's card of a half-year. */
const CARD_CONFLICTS = new Set(['frozenFields', 'coDepartmentCard']);

/** An accepted file as the notes need it (its result, or its row in the bundles table). */
interface AcceptedFile {
  sha256: string;
  department: string;
  period: string;
  revision: number | null;
}

/** What 종합 현황 says of one accepted file: its documents counted late, the 충돌 its cards brought. */
export type ImportNote = Pick<ImportResult, 'late' | 'conflicts'>;

/**
 * What 종합 현황 now says of accepted files, so that an import can say it at once: `late`, the documents 제출 현황
 * counts late because they first arrived with this file after the half-year's due date (the report's own items, so
 * the rule is the report's: the office-local date of the receipt or the 접수일 given, after the due date moved
 * past days off), and `conflicts`, the undecided 충돌 on the cards this file brought (a card sent again by a later
 * file among them is that file's). Read from the office's report of each half-year concerned, as the screen then
 * shows it (the report kept for this data, reused by the screen). A plan file is not late in 제출 현황 and brings no
 * card. Not part of the import itself: the screen asks for the notes once the import's results are shown
 * (importNotes), so an import of thousands of files does not wait for every half-year's tables.
 */
async function notesOf(
  ctx: AppContext,
  term: Term,
  accepted: readonly AcceptedFile[],
): Promise<Map<string, ImportNote>> {
  const halfYears = new Set(listPeriods(term).map((p) => p.id));
  const noted = accepted.filter((r) => halfYears.has(r.period));
  const notes = new Map<string, ImportNote>();
  if (noted.length === 0) return notes;
  const today = localToday(ctx.now());
  const cards = await cardsOf(
    ctx,
    noted.map((r) => r.sha256),
  );
  for (const periodId of new Set(noted.map((r) => r.period))) {
    const view = await currentOfficeReport(ctx.db, { periodId, today });
    const { submissions } = view.report;
    const ofPeriod = noted.filter((r) => r.period === periodId);
    // Each undecided card conflict belongs to the latest of these files that carried that card.
    const conflictsBy = new Map<string, number>();
    for (const c of view.conflicts) {
      if (c.resolution !== null || !CARD_CONFLICTS.has(c.kind) || c.periodId !== periodId) continue;
      const carrier = ofPeriod
        .filter((r) => r.department === c.department && cards.get(r.sha256)?.has(c.projectId))
        .sort((a, b) => (b.revision ?? 0) - (a.revision ?? 0))[0];
      if (carrier) conflictsBy.set(carrier.sha256, (conflictsBy.get(carrier.sha256) ?? 0) + 1);
    }
    for (const r of ofPeriod) {
      const items = submissions.departments.find((d) => d.department === r.department)?.items ?? [];
      const late = items.filter((i) => i.bundleSha256 === r.sha256 && i.onTime === false).length;
      const conflicts = conflictsBy.get(r.sha256) ?? 0;
      notes.set(r.sha256, {
        ...(late > 0 ? { late: { dueDate: submissions.dueDate, documents: late } } : {}),
        ...(conflicts > 0 ? { conflicts } : {}),
      });
    }
  }
  return notes;
}

/** An import's results with the notes of its accepted files (the command line's import, which prints them). */
export async function withReportNotes(
  ctx: AppContext,
  term: Term,
  results: ImportResult[],
): Promise<ImportResult[]> {
  const accepted = results.flatMap((r): AcceptedFile[] =>
    r.status === 'accepted' && r.period !== null && r.department !== null && r.sha256 !== null
      ? [{ sha256: r.sha256, department: r.department, period: r.period, revision: r.revision }]
      : [],
  );
  if (accepted.length === 0) return results;
  let notes: Map<string, ImportNote>;
  try {
    notes = await notesOf(ctx, term, accepted);
  } catch {
    // The import itself is done: its results stand without the notes.
    return results;
  }
  return results.map((r) => {
    const note = r.status === 'accepted' && r.sha256 !== null ? notes.get(r.sha256) : undefined;
    return note === undefined ? r : { ...r, ...note };
  });
}

/**
 * The notes of accepted submission files named by SHA-256 (the screen's importNotes, after an import's results):
 * files the office does not hold as accepted get none.
 */
export async function importNotesFor(
  ctx: AppContext,
  term: Term,
  sha256s: readonly string[],
): Promise<{ sha256: string; note: ImportNote }[]> {
  const accepted: AcceptedFile[] = [];
  const CHUNK = 500;
  for (let i = 0; i < sha256s.length; i += CHUNK) {
    const rows = await ctx.db
      .selectFrom('bundles')
      .select(['sha256', 'department', 'period', 'revision'])
      .where('type', '=', 'pledge-submission')
      .where('status', '=', 'accepted')
      .where('sha256', 'in', sha256s.slice(i, i + CHUNK))
      .execute();
    accepted.push(...rows);
  }
  const notes = await notesOf(ctx, term, accepted);
  return [...notes].map(([sha256, note]) => ({ sha256, note }));
}

/** Per bundle, the projects it carried a 관리카드 for. */
async function cardsOf(ctx: AppContext, shas: readonly string[]): Promise<Map<string, Set<string>>> {
  const found = new Map<string, Set<string>>();
  const CHUNK = 500;
  for (let i = 0; i < shas.length; i += CHUNK) {
    const rows = await ctx.db
      .selectFrom('received_documents')
      .select(['bundle_sha256', 'project_id'])
      .where('kind', '=', 'managementCard')
      .where('bundle_sha256', 'in', shas.slice(i, i + CHUNK))
      .execute();
    for (const row of rows) {
      const set = found.get(row.bundle_sha256) ?? new Set<string>();
      set.add(row.project_id);
      found.set(row.bundle_sha256, set);
    }
  }
  return found;
}
