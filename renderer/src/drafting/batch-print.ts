import type { DeskProject, DocumentRef, DocumentSummary } from '../../../domain/api/contract';
import { LIFECYCLE_LABELS, type Lifecycle } from '../../../domain/documents';

/**
 * 모아 인쇄 (the desk's print of a half-year): which of the department's documents go on paper, in the desk's
 * order. A lead department's 관리카드 and every department's 재정집행 현황 of the half-year, as stored; the ones not
 * written yet are only named on the first page's list.
 */

export interface BatchDocument {
  ref: DocumentRef;
  /** Null: not written yet (not printed). */
  status: Lifecycle | null;
  errors: number;
}

export interface BatchEntry {
  projectId: string;
  projectName: string;
  role: 'lead' | 'co';
  /** Null for a co-department (협조부서), which writes no card. */
  card: BatchDocument | null;
  finance: BatchDocument;
}

const refKey = (ref: DocumentRef) => `${ref.kind}|${ref.projectId}|${ref.slot}`;

export function batchEntries(
  projects: readonly DeskProject[],
  documents: readonly DocumentSummary[],
  periodId: string,
): BatchEntry[] {
  const stored = new Map(documents.map((d) => [refKey(d.ref), d]));
  const documentOf = (ref: DocumentRef): BatchDocument => {
    const summary = stored.get(refKey(ref));
    return { ref, status: summary?.status ?? null, errors: summary?.errorCount ?? 0 };
  };
  return projects.map((p) => ({
    projectId: p.projectId,
    projectName: p.projectName,
    role: p.role,
    card:
      p.role === 'lead'
        ? documentOf({ kind: 'managementCard', projectId: p.projectId, slot: periodId })
        : null,
    finance: documentOf({ kind: 'financeRow', projectId: p.projectId, slot: periodId }),
  }));
}

/** The cards to print, in the desk's order. */
export const cardsToPrint = (entries: readonly BatchEntry[]): DocumentRef[] =>
  entries.flatMap((e) => (e.card !== null && e.card.status !== null ? [e.card.ref] : []));

/** The projects whose 붙임5 row is printed: those with a card or a 재정집행 현황 of the half-year. */
export const financeRowsToPrint = (entries: readonly BatchEntry[]): string[] =>
  entries
    .filter((e) => e.finance.status !== null || (e.card !== null && e.card.status !== null))
    .map((e) => e.projectId);

/** A document's line on the first page: 작성중 · 오류 2건, 미작성, or 해당 없음 (협조부서) for a card. */
export function batchDocumentLabel(doc: BatchDocument | null): string {
  if (doc === null) return '해당 없음 (협조부서)';
  if (doc.status === null) return '미작성';
  const status = LIFECYCLE_LABELS[doc.status];
  return doc.errors > 0 ? `${status} · 오류 ${doc.errors}건` : status;
}

/** 실천계획서 모아 인쇄: the department's projects it leads, each with its plan as stored (null: not written). */
export interface PlanBatchEntry {
  projectId: string;
  projectName: string;
  plan: BatchDocument;
}

export function planBatchEntries(
  projects: readonly DeskProject[],
  documents: readonly DocumentSummary[],
): PlanBatchEntry[] {
  const stored = new Map(documents.map((d) => [refKey(d.ref), d]));
  return projects
    .filter((p) => p.role === 'lead')
    .map((p) => {
      const ref: DocumentRef = { kind: 'executionPlan', projectId: p.projectId, slot: 'plan' };
      const summary = stored.get(refKey(ref));
      return {
        projectId: p.projectId,
        projectName: p.projectName,
        plan: { ref, status: summary?.status ?? null, errors: summary?.errorCount ?? 0 },
      };
    });
}

/** The written plans, in the desk's order. */
export const plansToPrint = (entries: readonly PlanBatchEntry[]): DocumentRef[] =>
  entries.flatMap((e) => (e.plan.status !== null ? [e.plan.ref] : []));
