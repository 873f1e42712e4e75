// An import's result says what 종합 현황 will say of each accepted file: 지연 when its documents first arrived after
// the half-year's due date (the report's own rule: office-local date of the receipt or of the 접수일 given), and
// the 충돌 its cards brought that wait for a decision. Real SQLite, real signed bundles, the real import path.
import { describe, expect, it } from 'vitest';
import { importConflictNote, importOutcomeLabel } from '../../domain/reports/import-outcome';
import type { ExecutionPlan } from '../../domain/documents';
import { exampleFinanceRow } from '../../domain/documents/test-fixtures';
import { importBundleInputs } from './bundle-import';
import type { BundleImportResult } from '../../domain/api/contract';
import { acceptedSha256s, withImportNotes } from '../../domain/reports/import-notes';
import { createHandlers } from './handlers';
import { withReportNotes } from './import-notes';
import { loadTerm } from './reference';
import { privateKeyOf, sha256Hex, signSubmission } from './bundle-test-support';
import { officeHandlers } from './office-handlers';
import {
  basePlan,
  cardDoc,
  cardFor,
  direct,
  LEAD,
  planDoc,
  request,
  useOfficeHarness,
} from './test-support/office-harness';

const h = useOfficeHarness();
const at = (iso: string) => {
  h.office.now = () => new Date(iso);
};

/** The plan sent and confirmed on July 1st, before the half-year's due date (2019-07-15). */
async function confirmedPlan(): Promise<ExecutionPlan> {
  const plan = basePlan();
  at('2019-07-01T10:00:00+09:00');
  expect(await h.send('plan', [planDoc(plan)])).toBe('accepted');
  await officeHandlers(h.office).confirmReceivedPlan({ projectId: '1-1-1' });
  return plan;
}

/**
 * The import's results with the notes the screen asks for once they are shown (getImportNotes, through the real
 * handlers), and the same through the command line's withReportNotes: both must say the same.
 */
async function noted(results: BundleImportResult[]): Promise<BundleImportResult[]> {
  const sha256s = acceptedSha256s(results);
  const notes = await createHandlers(h.office).getImportNotes({ sha256s });
  const shown = withImportNotes(results, notes);
  expect(await withReportNotes(h.office, await loadTerm(h.office.db), results)).toEqual(shown);
  return shown;
}
const sendNoted = async (period: '2019-H1', documents: { path: string; json: unknown }[]) => {
  const [result] = await noted([await h.sendResult(period, documents)]);
  if (result === undefined) throw new Error('no result');
  return result;
};

const lateCount = async () =>
  (await officeHandlers(h.office).getOfficeReport(request)).report.submissions.departments.find(
    (d) => d.department === LEAD,
  )?.lateCount;

describe('an import that brings documents after the due date', () => {
  it('marks the file 지연 as 제출 현황 counts it; the same card sent again later brings nothing late', async () => {
    const plan = await confirmedPlan();
    at('2019-07-16T09:30:00+09:00');
    const late = await sendNoted('2019-H1', [cardDoc(cardFor(plan, 'onTrack'))]);
    expect(late.status).toBe('accepted');
    expect(late.late).toEqual({ dueDate: '2019-07-15', documents: 1 });
    expect(importOutcomeLabel(late)).toBe('반영 (기한 지남: 지연)');
    expect(late.conflicts).toBeUndefined();
    // The report says the same.
    expect(await lateCount()).toBe(1);
    // Sent again later: the card first arrived with the file before; this one brings nothing late.
    at('2019-07-20T09:30:00+09:00');
    const again = await sendNoted('2019-H1', [cardDoc(cardFor(plan, 'partial'))]);
    expect(again.status).toBe('accepted');
    expect(again.late).toBeUndefined();
    expect(importOutcomeLabel(again)).toBe('반영');
  });

  it('leaves a file received on the due date, in Korea’s date, unmarked', async () => {
    const plan = await confirmedPlan();
    // 23:30 on the due date in Seoul is 14:30 UTC: on time.
    at('2019-07-15T23:30:00+09:00');
    const onTime = await sendNoted('2019-H1', [cardDoc(cardFor(plan, 'onTrack'))]);
    expect(onTime.status).toBe('accepted');
    expect(onTime.late).toBeUndefined();
    expect(importOutcomeLabel(onTime)).toBe('반영');
    expect(await lateCount()).toBe(0);
  });

  it('counts a file imported late but received on the due date (접수일) as on time; the next one, late, is 지연', async () => {
    const plan = await confirmedPlan();
    at('2019-07-20T10:00:00+09:00');
    const sign = async (
      revision: number,
      previous: string | null,
      documents: { path: string; json: unknown }[],
    ) =>
      signSubmission(await privateKeyOf(h.dept), {
        department: LEAD,
        period: '2019-H1',
        revision,
        previousBundleSha256: previous,
        documents,
      });
    const r2 = await sign(2, h.lastSha, [cardDoc(cardFor(plan, 'onTrack'))]);
    const [given] = await noted(
      await importBundleInputs(h.office, [{ name: 'r2.pledge', bytes: r2 }], {
        ...direct,
        receivedOn: '2019-07-15',
      }),
    );
    expect(given?.status).toBe('accepted');
    expect(given?.late).toBeUndefined();
    // The 재정집행현황 comes in r3, imported the same day with no 접수일: it is late, the card (r2) is not.
    const finance = { ...exampleFinanceRow(), lifecycle: 'submitted' as const };
    const r3 = await sign(3, sha256Hex(r2), [
      cardDoc(cardFor(plan, 'onTrack')),
      { path: 'documents/finance-1-1-1-2019-H1.json', json: finance },
    ]);
    const [plain] = await noted(
      await importBundleInputs(h.office, [{ name: 'r3.pledge', bytes: r3 }], direct),
    );
    expect(plain?.status).toBe('accepted');
    expect(plain?.late).toEqual({ dueDate: '2019-07-15', documents: 1 });
    expect(await lateCount()).toBe(1);
  });
});

describe('an import that brings a conflict', () => {
  it('counts the undecided 충돌 its card brought, and none once the office decided it and the card came again', async () => {
    const plan = await confirmedPlan();
    at('2019-07-10T10:00:00+09:00');
    const differing = { ...cardFor(plan, 'onTrack'), policyGoal: `${plan.policyGoal} (부서가 고침)` };
    const first = await sendNoted('2019-H1', [cardDoc(differing)]);
    expect(first.status).toBe('accepted');
    expect(first.conflicts).toBe(1);
    expect(importConflictNote(first)).toBe('충돌 1건 → 종합 현황 › 충돌');
    expect(first.late).toBeUndefined();
    // The report lists that conflict, undecided.
    const office = officeHandlers(h.office);
    const listed = (await office.getOfficeReport(request)).conflicts.filter((c) => c.resolution === null);
    expect(listed.map((c) => [c.kind, c.projectId, c.department])).toEqual([['frozenFields', '1-1-1', LEAD]]);
    const conflict = listed[0];
    if (conflict === undefined) throw new Error('no conflict');
    await office.resolveConflict({
      key: conflict.key,
      projectId: conflict.projectId,
      periodId: conflict.periodId,
      decision: 'rejected',
      note: '정책목표 임의 변경',
    });
    // The same card again: the decision holds, nothing new to decide.
    const again = await sendNoted('2019-H1', [cardDoc({ ...differing, status: 'partial' })]);
    expect(again.status).toBe('accepted');
    expect(again.conflicts).toBeUndefined();
    expect(importConflictNote(again)).toBeNull();
  });

  it('names no conflict for a card that agrees with the confirmed plan', async () => {
    const plan = await confirmedPlan();
    at('2019-07-10T10:00:00+09:00');
    const agreeing = await sendNoted('2019-H1', [cardDoc(cardFor(plan, 'onTrack'))]);
    expect(agreeing.status).toBe('accepted');
    expect(agreeing.conflicts).toBeUndefined();
    expect(importConflictNote(agreeing)).toBeNull();
  });
});
