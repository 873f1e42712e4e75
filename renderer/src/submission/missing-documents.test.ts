import { describe, expect, it } from 'vitest';
import type { DocumentSummary } from '../../../domain/api/contract';
import { missingForPeriod, missingPlans, type DepartmentProject } from './missing-documents';

const projects: DepartmentProject[] = [
  { projectId: '1-1-1', projectName: '핀테크', role: 'lead' },
  { projectId: '1-1-2', projectName: 'DMC', role: 'lead' },
  { projectId: '1-1-7', projectName: '외국인 창업', role: 'co' },
];

function summary(kind: DocumentSummary['ref']['kind'], projectId: string, slot: string): DocumentSummary {
  return {
    ref: { kind, projectId, slot },
    department: '경제진흥본부',
    projectName: '',
    status: 'draft',
    version: 1,
    updatedAt: '2019-07-01T00:00:00.000Z',
    errorCount: 0,
    warningCount: 0,
    heldBack: null,
    subject: null,
    decision: null,
  };
}

describe('missingForPeriod', () => {
  const documents = [
    summary('managementCard', '1-1-1', '2019-H1'),
    summary('financeRow', '1-1-7', '2019-H1'),
    summary('managementCard', '1-1-2', '2018-H2'),
    summary('financeRow', '1-1-2', '2018-H2'),
    summary('executionPlan', '1-1-1', 'plan'),
  ];
  const ids = (list: readonly DepartmentProject[]) => list.map((p) => p.projectId);

  it('counts the documents of the half-year asked for, whichever it is', () => {
    const h1 = missingForPeriod(projects, documents, '2019-H1');
    expect(ids(h1.cards)).toEqual(['1-1-2']);
    expect(ids(h1.finance)).toEqual(['1-1-1', '1-1-2']);
    const h2 = missingForPeriod(projects, documents, '2018-H2');
    expect(ids(h2.cards)).toEqual(['1-1-1']);
    expect(ids(h2.finance)).toEqual(['1-1-1', '1-1-7']);
  });

  it('asks a 관리카드 of the lead only, and a 재정집행현황 of every department', () => {
    const none = missingForPeriod(projects, [], '2020-H1');
    expect(ids(none.cards)).toEqual(['1-1-1', '1-1-2']);
    expect(ids(none.finance)).toEqual(ids(projects));
  });
});

describe('missingPlans', () => {
  it('lists the led projects with no 실천계획서 written, never a co-department’s', () => {
    const ids = (list: readonly DepartmentProject[]) => list.map((p) => p.projectId);
    expect(ids(missingPlans(projects, []))).toEqual(['1-1-1', '1-1-2']);
    expect(ids(missingPlans(projects, [summary('executionPlan', '1-1-2', 'plan')]))).toEqual(['1-1-1']);
    const both = [summary('executionPlan', '1-1-1', 'plan'), summary('executionPlan', '1-1-2', 'plan')];
    expect(missingPlans(projects, both)).toEqual([]);
    // Other kinds of the project do not stand for its plan.
    expect(ids(missingPlans(projects, [summary('managementCard', '1-1-1', '2019-H1')]))).toEqual([
      '1-1-1',
      '1-1-2',
    ]);
  });
});
