import { fieldId } from './form-kit';

/**
 * The words a field is named by on screen: its input's label, as 제출 전 확인 names a refused cell, else the Korean
 * name of the form's section (the version history's diff uses the same names).
 */

/** Korean names of the top-level fields of the four forms (and a few parts of them). */
export const FIELD_LABELS: Record<string, string> = {
  projectName: '공약명',
  leadContacts: '주관부서 담당자',
  cooperatingDepartments: '협조부서',
  totalCost: '총사업비',
  newOrContinuing: '신규/계속',
  completionTiming: '완료구분',
  fundingSources: '재원구분',
  policyGoal: '정책목표',
  projectPeriod: '사업기간',
  unitProjects: '단위사업',
  citizenParticipation: '시민참여',
  status: '추진상황',
  statusReason: '보류·폐기 사유',
  completionEvidence: '완료 근거',
  executor: '주체',
  cooperation: '타 기관 협조사항',
  problemsAndSolutions: '추진상 문제점 및 해결방안',
  secured: '확보내역',
  note: '비고',
  contact: '담당자',
  rows: '변경 요구내용',
  reason: '변경 요구사유',
  evidence: '관련자료',
};

/** Names of parts inside the sections, for a path with no input of its own ("citizenParticipation.activities"). */
const PART_LABELS: Record<string, string> = {
  activities: '활동',
  attachments: '첨부',
  counts: '횟수',
  contacts: '담당자',
  summary: '완료 내용',
};

/**
 * Where a cell is, in the words its input is labelled with ("단위사업 2 구비 '19 상 집행액"), without the unit;
 * null when the field has no label on screen.
 */
export function placeOf(path: string): string | null {
  if (typeof document === 'undefined') return null;
  const el = document.getElementById(fieldId(path));
  const label =
    el?.getAttribute('aria-label') ??
    (el?.id ? document.querySelector(`label[for="${CSS.escape(el.id)}"]`)?.textContent : null) ??
    null;
  return label === null ? null : label.replace(/\s*\(백만원\)$/, '').trim() || null;
}

/** The name of the field at `path`: its label on screen, else its section's name with row numbers ("단위사업 2"). */
export function fieldLabelOf(path: string): string {
  const place = placeOf(path);
  if (place !== null) return place;
  const [top = '', ...rest] = path.split('.');
  const parts = [FIELD_LABELS[top] ?? top];
  for (const key of rest) {
    if (/^\d+$/.test(key)) parts[parts.length - 1] += ` ${Number(key) + 1}`;
    else parts.push(PART_LABELS[key] ?? FIELD_LABELS[key] ?? key);
  }
  return parts.join(' ');
}
