import { periodLabel } from '../documents/validate-format';
import { josa } from '../text/josa';
import { daysLeftLabel, dueDateText } from './labels';
import type { DepartmentSubmission, SubmissionsReport } from './types';

/**
 * 미제출 안내: the text the planning office sends the departments that still owe documents for a half-year (by
 * mail or messenger, the reminder before or after the due date), one line per department, what it owes and for
 * which projects. Null when nothing is owed.
 */
export function missingNoticeText(submissions: SubmissionsReport): string | null {
  const owing = submissions.departments.filter((d) => d.missing.length > 0);
  if (owing.length === 0) return null;
  const when = submissions.beforeDue
    ? `${daysLeftLabel(submissions.daysLeft)}, 기한까지 보내 주십시오`
    : '기한이 지났습니다. 바로 보내 주십시오';
  return [
    `[${periodLabel(submissions.periodId)} 공약관리카드·재정집행 현황 제출 안내]`,
    `제출 기한: ${dueDateText(submissions.dueDate, submissions.dueDateMovedBecause)} (${when})`,
    `아직 받지 못한 문서가 있는 부서: ${owing.length}곳`,
    ...owing.map(departmentLine),
  ].join('\n');
}

const KIND_LABELS = { managementCard: '관리카드', financeRow: '재정집행 현황' } as const;

/** "- 부서: 관리카드 2건, 재정집행 현황 3건 (1-1-1, 1-1-2, 1-1-3 재정집행 현황만)", and the cards excluded. */
function departmentLine(d: DepartmentSubmission): string {
  const count = (kind: keyof typeof KIND_LABELS) => d.missing.filter((m) => m.kind === kind).length;
  const counts = (['managementCard', 'financeRow'] as const)
    .filter((k) => count(k) > 0)
    .map((k) => `${KIND_LABELS[k]} ${count(k)}건`)
    .join(', ');
  const kinds = new Map<string, Set<keyof typeof KIND_LABELS>>();
  for (const m of d.missing) kinds.set(m.projectId, (kinds.get(m.projectId) ?? new Set()).add(m.kind));
  const projects = [...kinds]
    .map(([id, k]) => (k.size === 2 ? id : `${id} ${[...k].map((x) => KIND_LABELS[x]).join('·')}만`))
    .join(', ');
  const excluded = d.missing.filter((m) => m.excluded).map((m) => m.projectId);
  const again =
    excluded.length === 0
      ? ''
      : ` · 제외한 관리카드 ${josa(excluded.join(', '), '은/는')} 고쳐서 다시 보내 주십시오`;
  return `- ${d.department}: ${counts} (${projects})${again}`;
}
