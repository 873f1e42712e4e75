import {
  amountFields,
  CARD_STATUS_LABELS,
  changedAmounts,
  changeRequestSubject,
  deriveFinanceRow,
  DOCUMENT_KIND_LABELS,
  type Document,
  type ExecutionPlan,
  type FinanceRow,
  type FinanceTableRow,
  type ManagementCard,
  periodLabel,
  requestedOn,
} from '../documents';
import { listBudgetYears, listPeriods } from '../term/periods';
import type { Term } from '../term/types';
import { financeFieldLabel } from './finance-labels';

/**
 * What differs between the documents of the bundle that counts and of the one held as a same-revision conflict,
 * in the office's words: which documents differ or are in one bundle only, and for each project the 붙임5
 * amounts and the 추진상황 as each bundle would make them (counted → held). The office chooses between the two
 * bundles on this, not on hashes.
 */
export function describeBundleDifferences(
  counted: readonly Document[],
  held: readonly Document[],
  context: {
    term: Term;
    plans: ReadonlyMap<string, ExecutionPlan>;
    /** The project's lead department (the catalog's); without it, the department that wrote the plan. */
    leadOf?: (projectId: string) => string | undefined;
  },
): string[] {
  const key = (d: Document) => `${d.kind}|${d.projectId}|${slotKey(d)}`;
  const countedByKey = new Map(counted.map((d) => [key(d), d]));
  const heldByKey = new Map(held.map((d) => [key(d), d]));
  const differing: Document[] = [];
  const onlyHeld: Document[] = [];
  const onlyCounted: Document[] = [];
  for (const [k, h] of heldByKey) {
    const c = countedByKey.get(k);
    if (c === undefined) onlyHeld.push(h);
    else if (JSON.stringify(c) !== JSON.stringify(h)) differing.push(h);
  }
  for (const [k, c] of countedByKey) if (!heldByKey.has(k)) onlyCounted.push(c);
  if (differing.length === 0 && onlyHeld.length === 0 && onlyCounted.length === 0) {
    return [
      '두 제출 파일의 문서 내용은 같습니다 (만든 시각 등 파일 정보만 다릅니다). 어느 쪽을 반영해도 표는 같습니다.',
    ];
  }
  const lines: string[] = [];
  if (differing.length > 0) lines.push(`내용이 다른 문서: ${differing.map(documentName).join(', ')}`);
  if (onlyHeld.length > 0)
    lines.push(`보류한 제출 파일에만 있는 문서: ${onlyHeld.map(documentName).join(', ')}`);
  if (onlyCounted.length > 0)
    lines.push(`반영한 제출 파일에만 있는 문서: ${onlyCounted.map(documentName).join(', ')}`);

  const budgetYears = listBudgetYears(context.term);
  const keys = {
    budgetYears: budgetYears.map((y) => y.key),
    periods: listPeriods(context.term).map((p) => p.id),
  };
  const projects = [...new Set([...differing, ...onlyHeld, ...onlyCounted].map((d) => d.projectId))];
  for (const projectId of projects) {
    const side = (docs: readonly Document[]) => ({
      card:
        docs.find((d): d is ManagementCard => d.kind === 'managementCard' && d.projectId === projectId) ??
        null,
      secured:
        docs.find((d): d is FinanceRow => d.kind === 'financeRow' && d.projectId === projectId) ?? null,
    });
    const before = side(counted);
    const after = side(held);
    if (before.card !== null && after.card !== null && before.card.status !== after.card.status) {
      lines.push(
        `${projectId} 추진상황: ${statusLabel(before.card.status)} → ${statusLabel(after.card.status)} (반영 → 보류)`,
      );
    }
    const plan = context.plans.get(projectId);
    if (plan === undefined) continue;
    // A document one bundle lacks is not a zero: what counts for it is an earlier revision's (listed above as
    // in one bundle only), so the amounts compare only what both bundles carry.
    const lead = context.leadOf?.(projectId) ?? plan.department;
    const rowOf = (s: typeof before, other: typeof before): FinanceTableRow => {
      const secured = s.secured ?? other.secured;
      const card = s.card ?? other.card;
      const department = secured?.department ?? card?.department ?? lead;
      return deriveFinanceRow({ plan, card, secured, ...keys, coDepartment: department !== lead });
    };
    const beforeRow = rowOf(before, after);
    const afterRow = rowOf(after, before);
    const beforeAmounts = amountFields(beforeRow, keys.budgetYears);
    const afterAmounts = amountFields(afterRow, keys.budgetYears);
    const changes = changedAmounts(beforeRow, afterRow, keys.budgetYears).map(
      (path) =>
        `${financeFieldLabel(path, budgetYears)} ${amountText(beforeAmounts.get(path) ?? 0)} → ${amountText(afterAmounts.get(path) ?? 0)}`,
    );
    if (changes.length > 0)
      lines.push(`${projectId} 재정집행 금액(백만원, 반영 → 보류): ${changes.join('; ')}`);
  }
  return lines;
}

const slotKey = (d: Document): string =>
  d.kind === 'executionPlan' ? 'plan' : d.kind === 'changeRequest' ? d.requestId : d.periodId;

/** "공약관리카드 4-2-4 (2019년 상반기)". */
function documentName(d: Document): string {
  const where =
    d.kind === 'managementCard' || d.kind === 'financeRow'
      ? ` (${periodLabel(d.periodId)})`
      : d.kind === 'changeRequest'
        ? ` (${[changeRequestSubject(d), ...(requestedOn(d) === null ? [] : [`요청일 ${requestedOn(d)}`])].join(', ')})`
        : '';
  return `${DOCUMENT_KIND_LABELS[d.kind]} ${d.projectId}${where}`;
}

const statusLabel = (status: ManagementCard['status']): string =>
  status === null ? '(없음)' : CARD_STATUS_LABELS[status];

const amountFormat = new Intl.NumberFormat('ko-KR', { maximumFractionDigits: 3 });
const amountText = (n: number): string => amountFormat.format(n);
