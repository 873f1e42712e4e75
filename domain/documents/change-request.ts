import { z } from 'zod';
import {
  arraySchema,
  attachmentRefSchema,
  contactPersonSchema,
  departmentSchema,
  emptyContact,
  enumSchema,
  isoDateSchema,
  lifecycleSchema,
  projectIdSchema,
  SCHEMA_VERSION,
  schemaVersionSchema,
  strictObject,
  textSchema,
} from './common';

/**
 * 붙임6 공약 조정 요청서 (change request). Flow: the department drafts, its director signs off, the planning office
 * reviews, the citizens' panel decides; an approved change replaces the plan's frozen fields (the old plan stays
 * in history). The decision history records each step with its date.
 */

export const DECISION_STATUSES = [
  'requested',
  'approvedByDirector',
  'reviewing',
  'approved',
  'rejected',
] as const;
export type DecisionStatus = (typeof DECISION_STATUSES)[number];
export const DECISION_STATUS_LABELS: Record<DecisionStatus, string> = {
  requested: '요청',
  approvedByDirector: '실·본부·국장 결재',
  reviewing: '총괄부서 검토중',
  approved: '승인(시민공약평가단 심의)',
  rejected: '반려',
};
/**
 * Allowed next steps; 'approved' and 'rejected' end the request. A department sends its request after its
 * director's review (실·본부·국장 검토 후 제출), and the app records no separate sign-off step there, so the office may
 * start its review (검토중) right after '요청'; a recorded 실·본부·국장 결재 step stays possible.
 */
export const DECISION_TRANSITIONS: Record<DecisionStatus, readonly DecisionStatus[]> = {
  requested: ['approvedByDirector', 'reviewing', 'rejected'],
  approvedByDirector: ['reviewing', 'rejected'],
  reviewing: ['approved', 'rejected'],
  approved: [],
  rejected: [],
};
export const decisionStatusSchema = enumSchema(DECISION_STATUSES, DECISION_STATUS_LABELS);

export const decisionEntrySchema = strictObject({
  status: decisionStatusSchema,
  date: isoDateSchema,
  /** Who took the step (person or body, e.g. "시민공약평가단"). */
  by: textSchema(100),
  note: textSchema(),
});
export type DecisionEntry = z.output<typeof decisionEntrySchema>;

/** One row of 변경 요구내용: 구분 / 당초 공약 / 변경안. */
export const changeRowSchema = strictObject({
  /** 구분, e.g. "공약내용 (최종목표 등)". */
  category: textSchema(200),
  /** 당초 공약. */
  original: textSchema(),
  /** 변경안. */
  proposed: textSchema(),
});
export type ChangeRow = z.output<typeof changeRowSchema>;

export const evidenceSchema = strictObject({
  /** 관련자료, e.g. "전문가 검토의견", "공청회 회의자료". */
  description: textSchema(500),
  file: attachmentRefSchema,
});

export const changeRequestSchema = strictObject({
  kind: z.literal('changeRequest'),
  schemaVersion: schemaVersionSchema,
  lifecycle: lifecycleSchema,
  /** Stable id of this request; a project may have several over the term. */
  requestId: z
    .string({ error: (iss) => (iss.input === undefined ? '필수 항목이 없습니다' : '글자로 입력해야 합니다') })
    .regex(/^[A-Za-z0-9_-]{1,64}$/, '요청 id는 영문·숫자·-·_ 1~64자여야 합니다'),
  /** 공약번호. */
  projectId: projectIdSchema,
  /** 공약명. */
  projectName: textSchema(300),
  /** 부서명. */
  department: departmentSchema,
  /** 담당자 (연락번호). */
  contact: contactPersonSchema,
  /** 변경 요구내용. */
  rows: arraySchema(changeRowSchema, 30),
  /** 변경 요구사유. */
  reason: textSchema(),
  /** 관련자료(첨부): 전문가 검토의견, 공청회 회의자료 등. */
  evidence: arraySchema(evidenceSchema, 50),
  /** Dated steps, oldest first; the last entry is the current status. Empty while drafting. */
  decisionHistory: arraySchema(decisionEntrySchema, 20),
});
export type ChangeRequest = z.output<typeof changeRequestSchema>;
export type ChangeRequestInput = z.input<typeof changeRequestSchema>;

/** The row category whose 당초 text is the confirmed plan's 정책목표 (filled in from the plan, read-only). */
export const CHANGE_GOAL_CATEGORY = '공약내용 (최종목표 등)';

/** Suggested 구분 labels for a change row. */
export const CHANGE_ROW_CATEGORIES = [
  '공약명',
  CHANGE_GOAL_CATEGORY,
  '단위사업',
  '연차별 추진계획',
  '사업기간',
  '총사업비',
] as const;

/** The steps a department records itself: its 요청 and its director's 결재. Every later step is the office's. */
const DEPARTMENT_STEPS: ReadonlySet<DecisionStatus> = new Set(['requested', 'approvedByDirector']);

/**
 * A request as the office takes it from a department's file: the department's own leading steps only. 검토중,
 * 승인 and 반려 are the office's and the citizens' panel's to record, in the office's copy; a department's file that
 * carries them (a copy it got back in a baseline package, or one typed to look decided) does not decide anything.
 */
export function departmentStepsOnly(request: ChangeRequest): ChangeRequest {
  const end = request.decisionHistory.findIndex((entry) => !DEPARTMENT_STEPS.has(entry.status));
  if (end === -1) return request;
  return { ...request, lifecycle: 'submitted', decisionHistory: request.decisionHistory.slice(0, end) };
}

/** The current decision status (the last history entry), or null for a request not yet submitted. */
export function currentDecisionStatus(
  request: Pick<ChangeRequest, 'decisionHistory'>,
): DecisionStatus | null {
  return request.decisionHistory.at(-1)?.status ?? null;
}

/** Categories a subject names before it counts the rest ("… 외 2건"). */
const SUBJECT_CATEGORIES = 3;

/**
 * What a request asks to change, by the 구분 of its rows, for lists and headings where its id says nothing
 * ("사업기간·총사업비 변경"); a row without 구분 counts as "기타". "변경 내용 미작성" while it has no row yet.
 */
export function changeRequestSubject(request: { rows: readonly Pick<ChangeRow, 'category'>[] }): string {
  const categories: string[] = [];
  for (const row of request.rows) {
    const category = row.category.trim() || '기타';
    if (!categories.includes(category)) categories.push(category);
  }
  if (categories.length === 0) return '변경 내용 미작성';
  const named = categories.slice(0, SUBJECT_CATEGORIES).join('·');
  const more = categories.length - SUBJECT_CATEGORIES;
  return more > 0 ? `${named} 외 ${more}건 변경` : `${named} 변경`;
}

/**
 * The subject of a request read from JSON not (yet) checked: a draft in a 작성 문서 파일, a stored document named in
 * a list of what was left out. A row whose 구분 is not text counts as blank (기타); no rows at all as 미작성.
 */
export function changeRequestSubjectOf(json: unknown): string {
  const rows = json !== null && typeof json === 'object' ? (json as { rows?: unknown }).rows : undefined;
  if (!Array.isArray(rows)) return changeRequestSubject({ rows: [] });
  const categoryOf = (row: unknown): string => {
    const category = row !== null && typeof row === 'object' ? (row as { category?: unknown }).category : '';
    return typeof category === 'string' ? category : '';
  };
  return changeRequestSubject({ rows: rows.map((row: unknown) => ({ category: categoryOf(row) })) });
}

/** The day the department requested it (its first '요청' step), or null while it is drafted. */
export function requestedOn(request: Pick<ChangeRequest, 'decisionHistory'>): string | null {
  return request.decisionHistory.find((entry) => entry.status === 'requested')?.date ?? null;
}

/** Why a submission file leaves a change request out: nobody has requested it yet (it was never 제출'd). */
export const UNREQUESTED_CHANGE =
  "아직 요청하지 않은 조정 요청서입니다 (작성 중). 문서를 열어 '제출'을 누르면 요청으로 기록되어 함께 보낼 수 있습니다.";

/** Statuses the next history entry may have. */
export function nextDecisionStatuses(
  request: Pick<ChangeRequest, 'decisionHistory'>,
): readonly DecisionStatus[] {
  const current = currentDecisionStatus(request);
  return current === null ? ['requested'] : DECISION_TRANSITIONS[current];
}

export function emptyChangeRequest(
  requestId: string,
  projectId: string,
  department: string,
  projectName = '',
): ChangeRequest {
  return {
    kind: 'changeRequest',
    schemaVersion: SCHEMA_VERSION,
    lifecycle: 'draft',
    requestId,
    projectId,
    projectName,
    department,
    contact: emptyContact(),
    rows: [{ category: CHANGE_GOAL_CATEGORY, original: '', proposed: '' }],
    reason: '',
    evidence: [],
    decisionHistory: [],
  };
}
