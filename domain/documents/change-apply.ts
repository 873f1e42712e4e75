import type { ChangeRow } from './change-request';
import { planOriginalFor } from './change-original';
import { amountProblem, parseAmountText, parseYearMonthText, type TotalCost } from './common';
import type { ExecutionPlan, ProjectPeriod } from './execution-plan';
import {
  mergeUnitSchedules,
  readUnitNamesText,
  readUnitSchedulesText,
  schedulesKey,
  unitNamesKey,
  withUnitNames,
  withUnitSchedules,
  type UnitScheduleChange,
} from './change-units';

/**
 * What an approved change row (붙임6) does to the confirmed plan: the frozen field its 구분 names, and the value its
 * 변경안 is read as. 공약명 and 공약내용… take the text as written; 사업기간 and 총사업비 are read with the forms'
 * own parsers ("2018.7", "2018년 7월", "22년 6월" → "2018-07"; 총사업비 in 백만원 or "비예산"); 단위사업 and
 * 연차별 추진계획 are read in the format of their 당초 and applied by unit (change-units.ts). A 변경안 they cannot
 * read unambiguously, or that does not fit the plan's units, is not applied: the row says why.
 */

export type PlanChangeField =
  'projectName' | 'policyGoal' | 'projectPeriod' | 'totalCost' | 'unitNames' | 'unitSchedules';

export const PLAN_CHANGE_FIELD_LABELS: Record<PlanChangeField, string> = {
  projectName: '공약명',
  policyGoal: '정책목표',
  projectPeriod: '사업기간',
  totalCost: '총사업비',
  unitNames: '단위사업',
  unitSchedules: '연차별 추진계획',
};

/**
 * What an approval sets in the plan. 공약명, 정책목표, 사업기간 and 총사업비 as they are stored; the units' names
 * (the plan's named units take them in order, when their number is the same) and schedules (per unit, by the name
 * a block gives it), so that the values apply again to a plan sent once more, and leave alone one they do not fit.
 */
export type PlanChangeValues = Partial<
  Pick<ExecutionPlan, 'projectName' | 'policyGoal' | 'projectPeriod' | 'totalCost'>
> & {
  unitNames?: string[];
  unitSchedules?: UnitScheduleChange[];
};

/**
 * The field a row of this 구분 rewrites, or null for a 구분 only recorded in the change history. In the order the
 * form fills 당초 from the plan (change-original.ts): 총사업비, 사업기간, 연차별 추진계획, 단위사업, 공약내용…, 공약명.
 */
export function changeRowField(category: string): PlanChangeField | null {
  const trimmed = category.trim();
  const words = trimmed.replace(/\s+/g, '');
  if (words.includes('총사업비')) return 'totalCost';
  if (words.includes('사업기간')) return 'projectPeriod';
  if (words.includes('연차별') || words.includes('추진계획')) return 'unitSchedules';
  if (words.includes('단위사업')) return 'unitNames';
  if (trimmed.startsWith('공약내용')) return 'policyGoal';
  if (trimmed === '공약명') return 'projectName';
  return null;
}

export type ReadChangeRow =
  { field: PlanChangeField; values: PlanChangeValues } | { field: PlanChangeField; problem: string };

const TOTAL_COST_EXAMPLE = '"12,000 백만원" 또는 "비예산"처럼 적으면 반영됩니다';
const PERIOD_EXAMPLE = '"2018년 7월 ~ 2023년 6월"처럼 시작과 끝을 ~로 나눠 적으면 반영됩니다';

/** 총사업비 as the form's box reads it: an amount in 백만원 ("12,000", "12,000 백만원") or 비예산. */
export function readTotalCostText(text: string): { value: TotalCost } | { problem: string } {
  const typed = text.normalize('NFKC').trim();
  if (typed === '') return { problem: '변경안이 비어 있습니다' };
  if (typed.replace(/\s+/g, '') === '비예산') return { value: { kind: 'nonBudget' } };
  const figure = typed.replace(/\s*\(?\s*백만\s*원\s*\)?$/, '');
  const amount = parseAmountText(figure);
  if (amount === null) return { problem: `백만원 단위 금액으로 읽을 수 없습니다. ${TOTAL_COST_EXAMPLE}` };
  const problem = amountProblem(amount);
  if (problem !== null) return { problem };
  return { value: { kind: 'amount', amount } };
}

/** 사업기간 as "시작 ~ 끝", each as the form's 사업기간 boxes read it ("2018.7", "2018년 7월", "22년 6월"). */
export function readProjectPeriodText(text: string): { value: ProjectPeriod } | { problem: string } {
  const typed = text.normalize('NFKC').trim();
  if (typed === '') return { problem: '변경안이 비어 있습니다' };
  const parts = typed.split(/\s*[~∼〜]\s*|\s+-\s+|\s*[–—]\s*/);
  if (parts.length !== 2 || parts.some((p) => p.trim() === '')) {
    return { problem: `시작과 끝을 읽을 수 없습니다. ${PERIOD_EXAMPLE}` };
  }
  const [from, to] = parts.map((p) => parseYearMonthText(p)) as [
    ReturnType<typeof parseYearMonthText>,
    ReturnType<typeof parseYearMonthText>,
  ];
  if ('problem' in from) return { problem: `시작 '${(parts[0] as string).trim()}': ${from.problem}` };
  if ('problem' in to) return { problem: `끝 '${(parts[1] as string).trim()}': ${to.problem}` };
  if (from.value > to.value) return { problem: `시작(${from.value})이 끝(${to.value})보다 늦습니다` };
  return { value: { from: from.value, to: to.value } };
}

/**
 * The row's 변경안 as the plan's field, or why it cannot be applied; null for a 구분 that is only recorded.
 * `periods` are the term's half-years: a 연차별 추진계획 naming another is not applied (without them, any
 * half-year is read).
 */
export function readChangeRow(
  row: Pick<ChangeRow, 'category' | 'proposed'>,
  periods?: readonly string[],
): ReadChangeRow | null {
  const field = changeRowField(row.category);
  if (field === null) return null;
  if (field === 'projectName' || field === 'policyGoal') return { field, values: { [field]: row.proposed } };
  if (field === 'unitNames') {
    const read = readUnitNamesText(row.proposed);
    return 'problem' in read
      ? { field, problem: read.problem }
      : { field, values: { unitNames: read.value } };
  }
  if (field === 'unitSchedules') {
    const read = readUnitSchedulesText(row.proposed, periods);
    return 'problem' in read
      ? { field, problem: read.problem }
      : { field, values: { unitSchedules: read.value } };
  }
  if (field === 'totalCost') {
    const read = readTotalCostText(row.proposed);
    return 'problem' in read
      ? { field, problem: read.problem }
      : { field, values: { totalCost: read.value } };
  }
  const read = readProjectPeriodText(row.proposed);
  return 'problem' in read
    ? { field, problem: read.problem }
    : { field, values: { projectPeriod: read.value } };
}

/**
 * The plan's fields an approval of the request sets, by each row's 구분 (공약명, 공약내용… → 정책목표, 사업기간,
 * 총사업비, 단위사업, 연차별 추진계획): a later row of the same field wins. Rows of other 구분, and rows the parsers
 * cannot read, are recorded in the change history, not applied. `periods` as for readChangeRow.
 */
export function changeValuesOf(
  request: { rows: readonly Pick<ChangeRow, 'category' | 'proposed'>[] },
  periods?: readonly string[],
): PlanChangeValues {
  let values: PlanChangeValues = {};
  for (const row of request.rows) {
    const read = readChangeRow(row, periods);
    if (read !== null && 'values' in read) values = { ...values, ...read.values };
  }
  return values;
}

/**
 * Values of approvals one after the other: the later one's fields win, except that schedules merge by unit (a
 * later approval naming other units keeps the earlier one's).
 */
export function mergeChangeValues(earlier: PlanChangeValues, later: PlanChangeValues): PlanChangeValues {
  const merged: PlanChangeValues = { ...earlier, ...later };
  const unitSchedules = mergeUnitSchedules(earlier.unitSchedules, later.unitSchedules);
  if (unitSchedules !== undefined) merged.unitSchedules = unitSchedules;
  return merged;
}

/**
 * The plan with these values in place of its own. Units are renamed only when the names are as many as the
 * plan's named units, and schedules replaced only when every block names one of its units (by its name before or
 * after the renames): otherwise the plan keeps that field as it is.
 */
export function withChangeValues(plan: ExecutionPlan, values: PlanChangeValues): ExecutionPlan {
  const { unitNames, unitSchedules, ...fields } = structuredClone(values);
  const before: ExecutionPlan = { ...plan, ...fields };
  const renamed = unitNames === undefined ? before : (withUnitNames(before, unitNames) ?? before);
  if (unitSchedules === undefined) return renamed;
  return withUnitSchedules(before, renamed, unitSchedules) ?? renamed;
}

/**
 * The plan's field as the change request's 당초 writes it ("2018년 7월 ~ 2022년 6월", "12,000 백만원", "1. 이름",
 * "[이름]\n- 2019년 상반기: …").
 */
export function planFieldText(plan: ExecutionPlan, field: PlanChangeField): string {
  if (field === 'projectName') return plan.projectName;
  if (field === 'policyGoal') return plan.policyGoal;
  return planOriginalFor(PLAN_CHANGE_FIELD_LABELS[field], plan) ?? '';
}

const spaced = (text: string): string => text.replace(/\s+/g, ' ').trim();

/**
 * Whether two plans hold the same value in the field: 공약명 and 정책목표 whitespace aside, 사업기간 and 총사업비 by
 * value (not by how they were typed), the named units' names in order and every unit's schedule whitespace around
 * them aside.
 */
export function samePlanField(a: ExecutionPlan, b: ExecutionPlan, field: PlanChangeField): boolean {
  if (field === 'projectName' || field === 'policyGoal') return spaced(a[field]) === spaced(b[field]);
  if (field === 'unitNames') return unitNamesKey(a) === unitNamesKey(b);
  if (field === 'unitSchedules') return schedulesKey(a) === schedulesKey(b);
  return JSON.stringify(a[field]) === JSON.stringify(b[field]);
}
