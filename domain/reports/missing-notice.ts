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
  const owing = departmentsAsked(submissions);
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

/**
 * What the reminder asks of a department: what it still owes, but for the items of a plan waiting for the office's
 * 확정 (the department cannot write those until the office confirms: the office's own to do).
 */
const askedOf = (d: DepartmentSubmission): DepartmentSubmission['missing'] =>
  d.missing.filter((m) => m.planWait !== 'notConfirmed');

/** The departments the reminder has a line for. */
export const departmentsAsked = (submissions: SubmissionsReport): DepartmentSubmission[] =>
  submissions.departments.filter((d) => askedOf(d).length > 0);

/**
 * Beside the reminder, for the office: the projects whose plan waits for its 실천계획 확정, left out of the reminder;
 * null when none.
 */
export function planWaitOfficeNote(submissions: SubmissionsReport): string | null {
  const waiting = new Set(
    submissions.departments.flatMap((d) =>
      d.missing.filter((m) => m.planWait === 'notConfirmed').map((m) => m.projectId),
    ),
  );
  if (waiting.size === 0) return null;
  return (
    `실천계획서 확정 대기 ${waiting.size}개 사업의 관리카드·재정집행 현황은 안내문에서 뺐습니다: 부서는 ` +
    '실천계획서가 확정된 뒤에 작성할 수 있습니다 (실천계획 확정 탭).'
  );
}

const KIND_LABELS = { managementCard: '관리카드', financeRow: '재정집행 현황' } as const;

/**
 * "- 부서: 관리카드 2건, 재정집행 현황 3건 (1-1-1, 1-1-2, 1-1-3 재정집행 현황만)", the cards excluded, and the projects
 * whose plan the office has not received (their card waits for it).
 */
function departmentLine(d: DepartmentSubmission): string {
  const asked = askedOf(d);
  // A project whose plan has not come is asked for its plan, not for the card it cannot write yet.
  const writable = asked.filter((m) => m.planWait === null);
  const count = (kind: keyof typeof KIND_LABELS) => writable.filter((m) => m.kind === kind).length;
  const counts = (['managementCard', 'financeRow'] as const)
    .filter((k) => count(k) > 0)
    .map((k) => `${KIND_LABELS[k]} ${count(k)}건`)
    .join(', ');
  const kinds = new Map<string, Set<keyof typeof KIND_LABELS>>();
  for (const m of writable) kinds.set(m.projectId, (kinds.get(m.projectId) ?? new Set()).add(m.kind));
  const projects = [...kinds]
    .map(([id, k]) => (k.size === 2 ? id : `${id} ${[...k].map((x) => KIND_LABELS[x]).join('·')}만`))
    .join(', ');
  const excluded = writable.filter((m) => m.excluded).map((m) => m.projectId);
  const again =
    excluded.length === 0
      ? ''
      : ` · 제외한 관리카드 ${josa(excluded.join(', '), '은/는')} 고쳐서 다시 보내 주십시오`;
  const withoutPlan = [...new Set(asked.filter((m) => m.planWait === 'notReceived').map((m) => m.projectId))];
  const planFirst =
    withoutPlan.length === 0
      ? []
      : [
          `실천계획서를 받지 못한 ${josa(withoutPlan.join(', '), '은/는')} 실천계획서부터 보내 주십시오 ` +
            '(관리카드·재정집행 현황은 실천계획서 확정 뒤 작성)',
        ];
  const owed = writable.length === 0 ? [] : [`${counts} (${projects})${again}`];
  return `- ${d.department}: ${[...owed, ...planFirst].join(' · ')}`;
}
