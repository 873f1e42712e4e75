import type { DepartmentCardsView, ReceivedCardView } from '../../../domain/api/contract';
import type { Catalog } from '../../../domain/catalog/types';
import {
  PLAN_WAIT_LABELS,
  type ConsolidatedFinanceRow,
  type DepartmentSubmission,
  type FinanceReport,
} from '../../../domain/reports';
import { formatKoreanDateTime } from './format';

/**
 * 받은 관리카드 모아 인쇄 (the office's print of what one department sent for a half-year): which projects the
 * first page lists and what it says of each, which cards follow, and which 붙임5 rows. The states are those of 제출
 * 현황 (the report's due items), the cards those the report counts, the rows those of the report's 붙임5.
 */

export interface DepartmentPrintRow {
  projectId: string;
  projectName: string;
  /** 관리카드, then 재정집행 현황. */
  states: [string, string];
}

type DueItem = DepartmentSubmission['items'][number];

/**
 * What the first page says of a due item: 첫 접수 (when it first arrived, which 지연 counts from), 제외, 미제출, or
 * 해당 없음 for a co-department's card.
 */
export function dueItemLabel(item: DueItem | undefined, kind: DueItem['kind']): string {
  if (item === undefined) return kind === 'managementCard' ? '해당 없음 (협조부서)' : '해당 없음';
  if (item.excluded) return '제외 (다시 제출 필요)';
  if (!item.received || item.receivedAt === null)
    return item.planWait === null ? '미제출' : `미제출 (${PLAN_WAIT_LABELS[item.planWait]})`;
  return `첫 접수 ${formatKoreanDateTime(item.receivedAt)}${item.onTime === false ? ' (지연)' : ''}`;
}

/** Every project the department leads or co-operates on, in the catalog's order, with the state of both documents. */
export function departmentPrintRows(
  submission: DepartmentSubmission,
  catalog: Catalog,
): DepartmentPrintRow[] {
  const items = new Map(submission.items.map((i) => [`${i.kind}|${i.projectId}`, i]));
  const department = submission.department;
  return catalog.projects
    .filter((p) => p.leadDepartment === department || p.coDepartments.includes(department))
    .map((p) => ({
      projectId: p.id,
      projectName: p.name,
      states: [
        dueItemLabel(items.get(`managementCard|${p.id}`), 'managementCard'),
        dueItemLabel(items.get(`financeRow|${p.id}`), 'financeRow'),
      ],
    }));
}

/** The cards to print: those 제출 현황 counts as received (an excluded card is owed again and not printed). */
export function countedCards(
  view: DepartmentCardsView,
  submission: DepartmentSubmission,
): ReceivedCardView[] {
  const received = new Set(
    submission.items.filter((i) => i.kind === 'managementCard' && i.received).map((i) => i.projectId),
  );
  return view.cards.filter((c) => received.has(c.projectId));
}

/** The report's 붙임5 rows of the projects the department leads, in the report's order. */
export function departmentFinanceRows(finance: FinanceReport, department: string): ConsolidatedFinanceRow[] {
  return finance.areas.flatMap((a) => a.rows.filter((r) => r.leadDepartment === department));
}
