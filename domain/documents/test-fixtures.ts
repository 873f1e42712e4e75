import changeRequestJson from '../../docs/examples/change-request.json';
import planJson from '../../docs/examples/execution-plan.json';
import financeRowCoDepartmentJson from '../../docs/examples/finance-row-co-department.json';
import financeRowJson from '../../docs/examples/finance-row.json';
import cardJson from '../../docs/examples/management-card.json';
import { changeRequestSchema, type ChangeRequest } from './change-request';
import { executionPlanSchema, type ExecutionPlan } from './execution-plan';
import { financeRowSchema, type FinanceRow } from './finance-row';
import { managementCardSchema, type ManagementCard } from './management-card';
import type { ValidationContext } from './validate';

/** Shared by the tests: the term 민선7기 written out by hand, and fresh parsed copies of the JSON examples. */
export const PERIODS = [
  '2018-H2',
  '2019-H1',
  '2019-H2',
  '2020-H1',
  '2020-H2',
  '2021-H1',
  '2021-H2',
  '2022-H1',
];
export const BUDGET_YEARS = ['2018', '2019', '2020', '2021', '2022'];
export const TERM: ValidationContext = { periods: PERIODS, budgetYears: BUDGET_YEARS };

export const examples = {
  planJson,
  cardJson,
  financeRowJson,
  financeRowCoDepartmentJson,
  changeRequestJson,
} as const;

export const examplePlan = (): ExecutionPlan => executionPlanSchema.parse(structuredClone(planJson));
export const exampleCard = (): ManagementCard => managementCardSchema.parse(structuredClone(cardJson));
export const exampleFinanceRow = (): FinanceRow => financeRowSchema.parse(structuredClone(financeRowJson));
/** 1-1-7's co-department (여성가족정책실) with its own 임기내 집행. */
export const exampleCoDepartmentFinanceRow = (): FinanceRow =>
  financeRowSchema.parse(structuredClone(financeRowCoDepartmentJson));
export const exampleChangeRequest = (): ChangeRequest =>
  changeRequestSchema.parse(structuredClone(changeRequestJson));
