import { describe, expect, it } from 'vitest';
import type { DepartmentCardsView } from '../../../domain/api/contract';
import { exampleCard } from '../../../domain/documents/test-fixtures';
import type { ConsolidatedFinanceRow, DepartmentSubmission, FinanceReport } from '../../../domain/reports';
import { catalog } from '../../../domain/reports/test-fixtures';
import { countedCards, departmentFinanceRows, departmentPrintRows, dueItemLabel } from './department-print';

const DEPT = '여성가족정책실';
type Item = DepartmentSubmission['items'][number];

const item = (kind: Item['kind'], projectId: string, state: Partial<Item> = {}): Item => ({
  kind,
  projectId,
  role: 'lead',
  planWait: null,
  received: false,
  receivedAt: null,
  bundleSha256: null,
  onTime: null,
  excluded: false,
  ...state,
});

const onTime = { received: true, receivedAt: '2019-07-15T09:12:00.000Z', onTime: true };
const late = { received: true, receivedAt: '2019-07-16T01:00:00.000Z', onTime: false };

const submission = (items: Item[]): DepartmentSubmission => ({
  department: DEPT,
  dueCount: items.length,
  receivedCount: items.filter((i) => i.received).length,
  lateCount: items.filter((i) => i.onTime === false).length,
  missing: [],
  items,
  bundles: [],
  state: 'partial',
  overdue: false,
  timeliness: 'late',
  hasQuarantined: false,
});

describe('받은 문서 모아 인쇄: what the office prints of one department', () => {
  it('says of each document what 제출 현황 says: received with its local time, late, excluded, missing', () => {
    expect(dueItemLabel(item('managementCard', '3-2-1', onTime), 'managementCard')).toBe(
      '첫 접수 2019-07-15 18:12',
    );
    expect(dueItemLabel(item('financeRow', '3-2-1', late), 'financeRow')).toBe(
      '첫 접수 2019-07-16 10:00 (지연)',
    );
    expect(dueItemLabel(item('managementCard', '3-2-2', { excluded: true }), 'managementCard')).toBe(
      '제외 (다시 제출 필요)',
    );
    expect(dueItemLabel(item('managementCard', '3-2-3'), 'managementCard')).toBe('미제출');
    expect(dueItemLabel(undefined, 'managementCard')).toBe('해당 없음 (협조부서)');
  });

  it('lists every project the department leads or co-operates on, in the catalog order', () => {
    const rows = departmentPrintRows(
      submission([
        item('managementCard', '3-2-1', onTime),
        item('financeRow', '3-2-1', onTime),
        item('financeRow', '1-1-7', { ...late, role: 'co' }),
      ]),
      catalog,
    );
    const ids = rows.map((r) => r.projectId);
    // 1-1-7 (협조) comes first, as in the catalog; the 27 projects it leads follow.
    expect(ids[0]).toBe('1-1-7');
    expect(ids).toHaveLength(28);
    expect(ids).toContain('7-12-3');
    expect(rows[0]?.states).toEqual(['해당 없음 (협조부서)', '첫 접수 2019-07-16 10:00 (지연)']);
    expect(rows.find((r) => r.projectId === '3-2-1')?.states).toEqual([
      '첫 접수 2019-07-15 18:12',
      '첫 접수 2019-07-15 18:12',
    ]);
    expect(rows.find((r) => r.projectId === '3-2-1')?.projectName).toBe(
      catalog.projects.find((p) => p.id === '3-2-1')?.name,
    );
  });

  it('prints the cards 제출 현황 counts as received, not one the office excluded', () => {
    const view: DepartmentCardsView = {
      department: DEPT,
      periodId: '2019-H1',
      cards: ['3-2-1', '3-2-2'].map((projectId, i) => ({
        projectId,
        revision: i + 1,
        receivedAt: '2019-07-15T09:12:00.000Z',
        card: { ...exampleCard(), projectId },
      })),
      unreadable: [],
    };
    const counted = countedCards(
      view,
      submission([
        item('managementCard', '3-2-1', onTime),
        item('managementCard', '3-2-2', { excluded: true }),
      ]),
    );
    expect(counted.map((c) => c.projectId)).toEqual(['3-2-1']);
  });

  it("takes the report's 붙임5 rows of the projects it leads, from every area", () => {
    const row = (projectId: string, leadDepartment: string) =>
      ({ projectId, leadDepartment }) as ConsolidatedFinanceRow;
    const finance = {
      areas: [
        { rows: [row('1-1-7', '경제진흥본부'), row('3-2-1', DEPT)] },
        { rows: [row('7-12-3', DEPT), row('7-1-1', '기후환경본부')] },
      ],
    } as FinanceReport;
    expect(departmentFinanceRows(finance, DEPT).map((r) => r.projectId)).toEqual(['3-2-1', '7-12-3']);
  });
});
