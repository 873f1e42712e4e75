import {
  AFTER_TERM,
  amountProblem,
  CONTACT_POSITION_LABELS,
  type CitizenParticipation,
  type ContactPerson,
  type CooperatingDepartment,
  FUNDING_SOURCE_LABELS,
  FUNDING_SOURCES,
  type MoneyCell,
  PHONE_MESSAGE,
  PHONE_PATTERN,
  type TotalCost,
} from './common';
import type { ExecutionPlan, ProjectPeriod } from './execution-plan';
import type { FinanceRow } from './finance-row';
import type { ManagementCard } from './management-card';
import { type SourceGrid, toMilli } from './totals';
import { josa } from '../text/josa';
import { periodLabel, termEndMonth } from './validate-format';

// What every validator shares: the issue types, the collector and the checks on fields found in more than one
// kind of document. validate.ts re-exports the public types.

export type IssueCode =
  | 'schema'
  | 'required'
  | 'amount.invalid'
  | 'phone.invalid'
  | 'duplicate'
  | 'period.outOfTerm'
  | 'period.future'
  | 'budgetYear.outOfTerm'
  | 'projectPeriod.invalid'
  | 'status.completedWithoutEvidence'
  | 'status.reasonRequired'
  | 'frozen.changed'
  | 'project.mismatch'
  | 'unit.missing'
  | 'unit.unknown'
  | 'decision.invalid'
  | 'totalCost.mismatch'
  | 'executed.exceedsSecured'
  | 'secured.decreased'
  | 'executed.exceedsNeeds'
  | 'executed.ignored'
  | 'fundingSources.unselected'
  | 'plan.totalsChanged'
  | 'milestone.missed'
  | 'evidence.missing'
  | 'change.noDifference';

export interface Issue {
  path: string;
  message: string;
  code: IssueCode;
}

export interface ValidationResult {
  errors: Issue[];
  warnings: Issue[];
}

export interface ValidationContext {
  /** The term's half-year ids in order ('2018-H2'…'2022-H1'). */
  periods: readonly string[];
  /** The term's budget-year keys in order ('2018'…'2022'). */
  budgetYears: readonly string[];
  /** For a card: the confirmed plan whose frozen fields the card must copy unchanged. */
  confirmedPlan?: ExecutionPlan | null;
  /** For a card: the card of the previous half-year (changed plan totals are warned about). */
  previousCard?: ManagementCard | null;
  /** For a card: the department's 확보내역 (executed beyond secured is warned about). */
  financeRow?: FinanceRow | null;
  /** For a finance row: the card with the executed amounts of the same half-year. */
  card?: ManagementCard | null;
  /**
   * For a finance row: the department's row of the latest half-year before it. 확보내역 is a 누계 (the term's total
   * so far), so one lower than it is warned about.
   */
  previousFinanceRow?: FinanceRow | null;
  /**
   * For a finance row: the project's lead department (the catalog's). Its 집행 comes from its card, so `executed`
   * on its row is warned about as ignored; without it, the row is checked as a co-department's.
   */
  leadDepartment?: string | undefined;
}

export class Collector {
  readonly errors: Issue[] = [];
  readonly warnings: Issue[] = [];
  error(path: string, code: IssueCode, message: string): void {
    this.errors.push({ path, code, message });
  }
  warn(path: string, code: IssueCode, message: string): void {
    this.warnings.push({ path, code, message });
  }
  result(): ValidationResult {
    return { errors: this.errors, warnings: this.warnings };
  }
}

export const isBlank = (s: string) => s.trim() === '';

// ---------------------------------------------------------------------------------------------------------------
// Shared checks

export function requireText(c: Collector, path: string, value: string, message: string): void {
  if (isBlank(value)) c.error(path, 'required', message);
}

export function checkAmount(c: Collector, path: string, value: unknown): void {
  if (value === null || value === undefined) return;
  const problem = amountProblem(value);
  if (problem !== null) c.error(path, 'amount.invalid', problem);
}

/**
 * Contacts, each message naming its row as the form labels it ("주관부서 담당자 1(과장) 이름을 입력하세요",
 * "협조부서 2 담당자 1(팀장) 전화번호를 입력하세요"): `who` is the list's name ("주관부서 담당자"). A list with
 * no row started says so once; a started row with a blank name is its own error, not also "한 명 이상".
 */
export function checkContacts(
  c: Collector,
  base: string,
  who: string,
  contacts: readonly ContactPerson[],
): void {
  // A fully blank row is an unused slot of the form, not a mistake.
  const started = (p: ContactPerson) => !(isBlank(p.name) && isBlank(p.phone) && isBlank(p.unit));
  if (!contacts.some(started)) {
    c.error(base, 'required', `${josa(who, '을/를')} 한 명 이상 입력하세요 (과장·팀장·담당 중)`);
  }
  contacts.forEach((p, i) => {
    if (!started(p)) return;
    const row = `${who} ${i + 1}(${CONTACT_POSITION_LABELS[p.position]})`;
    requireText(c, `${base}.${i}.name`, p.name, `${row} 이름을 입력하세요`);
    requireText(c, `${base}.${i}.phone`, p.phone, `${row} 전화번호를 입력하세요`);
    if (!PHONE_PATTERN.test(p.phone))
      c.error(`${base}.${i}.phone`, 'phone.invalid', `${row} ${PHONE_MESSAGE}`);
  });
}

export function checkCooperating(c: Collector, departments: readonly CooperatingDepartment[]): void {
  departments.forEach((d, i) => {
    requireText(
      c,
      `cooperatingDepartments.${i}.department`,
      d.department,
      `협조부서 ${i + 1} 부서명을 입력하세요`,
    );
    checkContacts(c, `cooperatingDepartments.${i}.contacts`, `협조부서 ${i + 1} 담당자`, d.contacts);
  });
}

export function checkTotalCost(c: Collector, totalCost: TotalCost): void {
  if (totalCost === null) c.error('totalCost', 'required', '총사업비(금액 또는 비예산)를 입력하세요');
  else if (totalCost.kind === 'amount') checkAmount(c, 'totalCost.amount', totalCost.amount);
}

export function checkFundingSources(c: Collector, sources: readonly string[], totalCost: TotalCost): void {
  if (sources.length === 0 && totalCost?.kind !== 'nonBudget') {
    c.error('fundingSources', 'required', '재원을 하나 이상 선택하세요 (비예산 사업은 제외)');
  }
  if (new Set(sources).size !== sources.length)
    c.error('fundingSources', 'duplicate', '같은 재원이 두 번 선택되었습니다');
}

/**
 * A source with money in the grids but not ticked in 재원구분: the form's two places disagree, and the office reads
 * the ticked sources. One warning per source, naming where its money is.
 */
export function checkSourcesWithMoney(
  c: Collector,
  selected: readonly string[],
  places: readonly { label: string; grids: readonly SourceGrid[] }[],
): void {
  const hasMoney = (grid: SourceGrid, source: (typeof FUNDING_SOURCES)[number]) =>
    Object.values(grid[source]).some((v) => typeof v === 'number' && v > 0);
  for (const source of FUNDING_SOURCES) {
    if (selected.includes(source)) continue;
    const where = places
      .filter(({ grids }) => grids.some((grid) => hasMoney(grid, source)))
      .map(({ label }) => label);
    if (where.length === 0) continue;
    const name = FUNDING_SOURCE_LABELS[source];
    const what =
      where.length === 1
        ? josa(where[0] as string, '이/가')
        : `${josa(where.slice(0, -1).join(', '), '과/와')} ${josa(where.at(-1) as string, '이/가')}`;
    c.warn(
      'fundingSources',
      'fundingSources.unselected',
      `${name} ${what} 입력되어 있지만 재원구분에 ${josa(name, '이/가')} 선택되지 않았습니다`,
    );
  }
}

export function checkInvestmentGrid(
  c: Collector,
  base: string,
  grid: SourceGrid,
  ctx: ValidationContext,
): void {
  for (const source of FUNDING_SOURCES) {
    for (const [key, value] of Object.entries(grid[source])) {
      const path = `${base}.${source}.${key}`;
      if (key !== AFTER_TERM && !ctx.budgetYears.includes(key)) {
        c.error(
          path,
          'budgetYear.outOfTerm',
          `${key}년은 임기(${ctx.budgetYears.join(', ')}) 밖의 연도입니다`,
        );
      }
      checkAmount(c, path, value);
    }
  }
}

export function checkScheduleKeys(
  c: Collector,
  base: string,
  schedule: Readonly<Record<string, string>>,
  ctx: ValidationContext,
) {
  for (const key of Object.keys(schedule)) {
    if (key !== AFTER_TERM) checkPeriodInTerm(c, `${base}.${key}`, key, ctx);
  }
}

/** A half-year (a document's 보고 반기, a schedule's or grid's column) that must be one of the term's: false if not. */
export function checkPeriodInTerm(c: Collector, path: string, key: string, ctx: ValidationContext): boolean {
  if (ctx.periods.includes(key)) return true;
  c.error(path, 'period.outOfTerm', `${josa(periodLabel(key), '은/는')} 임기 중의 반기가 아닙니다`);
  return false;
}

export function checkProjectPeriod(
  c: Collector,
  period: ProjectPeriod,
  completionTiming: 'withinTerm' | 'afterTerm' | null,
  ctx: ValidationContext,
) {
  requireText(c, 'projectPeriod.from', period.from, '사업 시작 연월을 입력하세요');
  requireText(c, 'projectPeriod.to', period.to, '사업 종료 연월을 입력하세요');
  if (isBlank(period.from) || isBlank(period.to)) return;
  if (period.to < period.from) {
    c.error('projectPeriod.to', 'projectPeriod.invalid', '사업 종료 연월이 시작 연월보다 앞섭니다');
    return;
  }
  const end = termEndMonth(ctx.periods);
  if (end === null) return;
  if (completionTiming === 'withinTerm' && period.to > end) {
    c.error('projectPeriod.to', 'projectPeriod.invalid', `임기내 완료 사업은 ${end}까지 끝나야 합니다`);
  }
  if (completionTiming === 'afterTerm' && period.to <= end) {
    c.warn(
      'projectPeriod.to',
      'projectPeriod.invalid',
      `임기후 완료 사업인데 사업기간이 임기(${end}) 안에 끝납니다`,
    );
  }
}

export function checkParticipation(c: Collector, p: CitizenParticipation): void {
  p.activities.forEach((a, i) => {
    requireText(
      c,
      `citizenParticipation.activities.${i}.description`,
      a.description,
      '활동 내용을 입력하세요',
    );
  });
}

export function checkUnitIds(c: Collector, ids: readonly string[]): void {
  const seen = new Set<string>();
  ids.forEach((id, i) => {
    if (seen.has(id)) c.error(`unitProjects.${i}.id`, 'duplicate', `단위사업 id '${id}'가 중복됩니다`);
    seen.add(id);
  });
}

export const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

/**
 * The path of a row's cell holding its largest amount among `keys` (the row's own path when all are empty): a
 * total too large most often comes from one slipped digit, so that cell is where the person is taken.
 */
export function largestCellPath(
  rowPath: string,
  row: Readonly<Record<string, MoneyCell | undefined>>,
  keys: readonly string[],
): string {
  let best: string | null = null;
  let bestMilli = 0;
  for (const key of keys) {
    const milli = toMilli(row[key]);
    if (milli > bestMilli) {
      best = key;
      bestMilli = milli;
    }
  }
  return best === null ? rowPath : `${rowPath}.${best}`;
}
