import { CHANGE_GOAL_CATEGORY } from './change-request';
import { AFTER_TERM } from './common';
import type { ExecutionPlan } from './execution-plan';
import { periodLabel } from './validate';

/**
 * 당초 공약 of a change row, from the confirmed plan, by the row's 구분: what the plan says now about the thing the
 * row asks to change. A new request's first row (공약내용) starts with the plan's 정책목표; a row added later gets
 * its 당초 the same way once its 구분 is picked.
 */

type PlanPart = (plan: ExecutionPlan) => string;

const NUMBER_FORMAT = new Intl.NumberFormat('ko-KR', { maximumFractionDigits: 3 });

/** "2018-07" → "2018년 7월" (as the printed form writes 사업기간). */
const yearMonthText = (ym: string) => {
  const m = /^(\d{4})-(\d{2})$/.exec(ym);
  return m === null ? ym : `${m[1] as string}년 ${Number(m[2])}월`;
};

const totalCost: PlanPart = (plan) => {
  if (plan.totalCost === null) return '';
  return plan.totalCost.kind === 'nonBudget'
    ? '비예산'
    : `${NUMBER_FORMAT.format(plan.totalCost.amount)} 백만원`;
};

/** 사업기간 as the plan and its print write it: "2018년 7월 ~ 2023년 6월" ('' when neither end is set). */
export function projectPeriodText({ from, to }: { from: string; to: string }): string {
  if (from === '' && to === '') return '';
  return `${yearMonthText(from)} ~ ${yearMonthText(to)}`.trim();
}

const projectPeriod: PlanPart = (plan) => projectPeriodText(plan.projectPeriod);

const namedUnits = (plan: ExecutionPlan) => plan.unitProjects.filter((u) => u.name.trim() !== '');

const unitProjects: PlanPart = (plan) =>
  namedUnits(plan)
    .map((u, i) => `${i + 1}. ${u.name.trim()}`)
    .join('\n');

/** Half-years in order, 임기후 last. */
const byPeriod = (a: string, b: string) =>
  a === AFTER_TERM ? 1 : b === AFTER_TERM ? -1 : a < b ? -1 : a > b ? 1 : 0;

const schedule: PlanPart = (plan) =>
  plan.unitProjects
    .map((u) => {
      const lines = Object.keys(u.schedule)
        .filter((key) => (u.schedule[key] ?? '').trim() !== '')
        .sort(byPeriod)
        .map((key) => `- ${periodLabel(key)}: ${(u.schedule[key] ?? '').trim()}`);
      if (lines.length === 0) return '';
      return [`[${u.name.trim() || '단위사업'}]`, ...lines].join('\n');
    })
    .filter((text) => text !== '')
    .join('\n');

/** 구분 (as typed, or from the list) → the plan's part; the first whose word the 구분 holds. */
const PARTS: readonly (readonly [readonly string[], PlanPart])[] = [
  [['총사업비'], totalCost],
  [['사업기간'], projectPeriod],
  [['연차별', '추진계획'], schedule],
  [['단위사업'], unitProjects],
  [['공약내용', '최종목표', '정책목표'], (plan) => plan.policyGoal],
  [['공약명'], (plan) => plan.projectName],
];

/**
 * The plan's text for a row of this 구분 ("총사업비" → "12,000 백만원", "사업기간" → "2018년 7월 ~ 2022년 6월",
 * CHANGE_GOAL_CATEGORY → 정책목표, …), "" when the plan has nothing for it, null for a 구분 the plan does not
 * answer ("기타", blank).
 */
export function planOriginalFor(category: string, plan: ExecutionPlan): string | null {
  const words = category.replace(/\s+/g, '');
  if (category.trim() === CHANGE_GOAL_CATEGORY) return plan.policyGoal;
  for (const [keys, part] of PARTS) {
    if (keys.some((key) => words.includes(key))) return part(plan);
  }
  return null;
}
