import { describe, expect, it } from 'vitest';
import type { DeadlineView, DocumentRef, DocumentSummary } from '../../../domain/api/contract';
import type { Lifecycle } from '../../../domain/documents';
import {
  batchDocumentLabel,
  batchEntries,
  cardsToPrint,
  financeRowsToPrint,
  planBatchEntries,
  plansToPrint,
} from './batch-print';

const project = (projectId: string, role: 'lead' | 'co'): DeadlineView['projects'][number] => ({
  projectId,
  projectName: `사업 ${projectId}`,
  role,
  planStatus: null,
  cardStatus: null,
  cardErrors: 0,
  financeStatus: null,
  financeErrors: 0,
});

const summary = (ref: DocumentRef, status: Lifecycle, errorCount = 0): DocumentSummary => ({
  ref,
  department: '경제진흥본부',
  projectName: `사업 ${ref.projectId}`,
  status,
  version: 1,
  updatedAt: '2019-07-10T09:00:00.000Z',
  errorCount,
  warningCount: 0,
  heldBack: null,
  subject: null,
  decision: null,
});

const card = (projectId: string, slot: string): DocumentRef => ({ kind: 'managementCard', projectId, slot });
const finance = (projectId: string, slot: string): DocumentRef => ({ kind: 'financeRow', projectId, slot });

describe('모아 인쇄: what is printed', () => {
  const projects = [
    project('1-1-1', 'lead'),
    project('1-1-2', 'lead'),
    project('2-1-1', 'co'),
    project('1-1-3', 'lead'),
  ];
  const documents = [
    summary(card('1-1-1', '2019-H1'), 'draft', 2),
    summary(finance('1-1-1', '2019-H1'), 'submitted'),
    // Another half-year's card: not this print's.
    summary(card('1-1-2', '2018-H2'), 'submitted'),
    summary(finance('2-1-1', '2019-H1'), 'draft'),
    summary(card('1-1-3', '2019-H1'), 'confirmed'),
    // A co-department never writes a card; one stored by mistake is not printed as its card.
    summary(card('2-1-1', '2019-H1'), 'draft'),
  ];
  const entries = batchEntries(projects, documents, '2019-H1');

  it('keeps the desk’s order and takes each document of the half-year, with its errors', () => {
    expect(entries.map((e) => e.projectId)).toEqual(['1-1-1', '1-1-2', '2-1-1', '1-1-3']);
    expect(entries[0]?.card).toEqual({ ref: card('1-1-1', '2019-H1'), status: 'draft', errors: 2 });
    expect(entries[1]?.card?.status).toBeNull();
    expect(entries[2]?.card).toBeNull();
    expect(entries[2]?.finance.status).toBe('draft');
  });

  it('prints the written cards of lead departments only, and a 붙임5 row for each project with a card or a row', () => {
    expect(cardsToPrint(entries)).toEqual([card('1-1-1', '2019-H1'), card('1-1-3', '2019-H1')]);
    expect(financeRowsToPrint(entries)).toEqual(['1-1-1', '2-1-1', '1-1-3']);
  });

  it('names each document’s state on the first page', () => {
    expect(entries.map((e) => batchDocumentLabel(e.card))).toEqual([
      '작성중 · 오류 2건',
      '미작성',
      '해당 없음 (협조부서)',
      '확정',
    ]);
    expect(entries.map((e) => batchDocumentLabel(e.finance))).toEqual(['제출', '미작성', '작성중', '미작성']);
  });

  it('prints nothing for a half-year with nothing written', () => {
    const none = batchEntries(projects, documents, '2020-H1');
    expect(cardsToPrint(none)).toEqual([]);
    expect(financeRowsToPrint(none)).toEqual([]);
  });
});

describe('실천계획서 모아 인쇄: what is printed', () => {
  const plan = (projectId: string): DocumentRef => ({ kind: 'executionPlan', projectId, slot: 'plan' });
  const projects = [
    project('1-1-1', 'lead'),
    project('2-1-1', 'co'),
    project('1-1-2', 'lead'),
    project('1-1-3', 'lead'),
  ];
  const documents = [
    summary(plan('1-1-1'), 'confirmed'),
    summary(plan('1-1-3'), 'draft', 4),
    // A co-department writes no plan of the project: none is listed or printed for it.
    summary(plan('2-1-1'), 'draft'),
  ];
  const entries = planBatchEntries(projects, documents);

  it('lists the projects the department leads, in the desk’s order, each with its plan’s state', () => {
    expect(entries.map((e) => [e.projectId, batchDocumentLabel(e.plan)])).toEqual([
      ['1-1-1', '확정'],
      ['1-1-2', '미작성'],
      ['1-1-3', '작성중 · 오류 4건'],
    ]);
  });

  it('prints the written plans only', () => {
    expect(plansToPrint(entries)).toEqual([plan('1-1-1'), plan('1-1-3')]);
  });
});
