import type { z } from 'zod';
import {
  AFTER_TERM,
  amountProblem,
  CARD_STATUS_LABELS,
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
import { type ChangeRequest, DECISION_STATUS_LABELS, DECISION_TRANSITIONS } from './change-request';
import { type Document, documentSchema } from './document';
import type { ExecutionPlan, ProjectPeriod } from './execution-plan';
import type { FinanceRow } from './finance-row';
import { type ManagementCard, statusTakesReason } from './management-card';
import {
  fromMilli,
  investmentColumns,
  periodsThrough,
  type SourceGrid,
  sourceSumsMilli,
  toMilli,
} from './totals';
import { josa, particle } from '../text/josa';

/**
 * Business rules over a parsed document. Errors block submission; warnings are shown but allowed. Paths are dot
 * paths into the document, the same strings react-hook-form uses as field names ("unitProjects.0.name").
 */

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
   * For a finance row: the project's lead department (the catalog's). Its 집행 comes from its card, so `executed`
   * on its row is warned about as ignored; without it, the row is checked as a co-department's.
   */
  leadDepartment?: string | undefined;
}

class Collector {
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

// ---------------------------------------------------------------------------------------------------------------
// Formatting for messages

/** One formatter for every message: toLocaleString with options builds a new one on each call. */
const AMOUNT_FORMAT = new Intl.NumberFormat('ko-KR', { maximumFractionDigits: 3 });

export function formatAmount(amount: number): string {
  return `${AMOUNT_FORMAT.format(amount)}백만원`;
}

/** "2019-H1" → "2019년 상반기", "afterTerm" → "임기후". */
export function periodLabel(key: string): string {
  if (key === AFTER_TERM) return '임기후';
  const m = /^(\d{4})-H([12])$/.exec(key);
  if (m === null) return key;
  return `${m[1]}년 ${m[2] === '1' ? '상반기' : '하반기'}`;
}

/**
 * periodLabel read back: "2019년 상반기" → "2019-H1", "임기후" → "afterTerm" (spaces aside); null for any other
 * text. Whether the half-year is the term's is the caller's to check.
 */
export function periodKeyOfLabel(label: string): string | null {
  const words = label.normalize('NFKC').replace(/\s+/g, '');
  if (words === '임기후') return AFTER_TERM;
  const m = /^(\d{4})년(상|하)반기$/.exec(words);
  if (m === null) return null;
  return `${m[1] as string}-H${m[2] === '상' ? '1' : '2'}`;
}

/** The last month of the term, "YYYY-MM", from its last half-year. */
export function termEndMonth(periods: readonly string[]): string | null {
  const last = periods.at(-1);
  if (last === undefined || !/^\d{4}-H[12]$/.test(last)) return null;
  return `${last.slice(0, 4)}-${last.endsWith('H1') ? '06' : '12'}`;
}

const isBlank = (s: string) => s.trim() === '';

// ---------------------------------------------------------------------------------------------------------------
// Shared checks

function requireText(c: Collector, path: string, value: string, message: string): void {
  if (isBlank(value)) c.error(path, 'required', message);
}

function checkAmount(c: Collector, path: string, value: unknown): void {
  if (value === null || value === undefined) return;
  const problem = amountProblem(value);
  if (problem !== null) c.error(path, 'amount.invalid', problem);
}

/**
 * Contacts, each message naming its row as the form labels it ("주관부서 담당자 1(과장) 이름을 입력하세요",
 * "협조부서 2 담당자 1(팀장) 전화번호를 입력하세요"): `who` is the list's name ("주관부서 담당자"). A list with
 * no row started says so once; a started row with a blank name is its own error, not also "한 명 이상".
 */
function checkContacts(c: Collector, base: string, who: string, contacts: readonly ContactPerson[]): void {
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

function checkCooperating(c: Collector, departments: readonly CooperatingDepartment[]): void {
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

function checkTotalCost(c: Collector, totalCost: TotalCost): void {
  if (totalCost === null) c.error('totalCost', 'required', '총사업비(금액 또는 비예산)를 입력하세요');
  else if (totalCost.kind === 'amount') checkAmount(c, 'totalCost.amount', totalCost.amount);
}

function checkFundingSources(c: Collector, sources: readonly string[], totalCost: TotalCost): void {
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
function checkSourcesWithMoney(
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

function checkInvestmentGrid(c: Collector, base: string, grid: SourceGrid, ctx: ValidationContext): void {
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

function checkScheduleKeys(
  c: Collector,
  base: string,
  schedule: Readonly<Record<string, string>>,
  ctx: ValidationContext,
) {
  for (const key of Object.keys(schedule)) {
    if (key !== AFTER_TERM && !ctx.periods.includes(key)) {
      c.error(
        `${base}.${key}`,
        'period.outOfTerm',
        `${josa(periodLabel(key), '은/는')} 임기 중의 반기가 아닙니다`,
      );
    }
  }
}

/** Keys of a half-year grid on a card: inside the term and not after the card's own half-year. */
function checkReportedPeriod(
  c: Collector,
  path: string,
  key: string,
  card: ManagementCard,
  ctx: ValidationContext,
) {
  if (!ctx.periods.includes(key)) {
    c.error(path, 'period.outOfTerm', `${josa(periodLabel(key), '은/는')} 임기 중의 반기가 아닙니다`);
  } else if (key > card.periodId) {
    c.error(
      path,
      'period.future',
      `${josa(periodLabel(key), '은/는')} 이 관리카드의 보고 반기(${periodLabel(card.periodId)}) 이후라 입력할 수 없습니다`,
    );
  }
}

function checkProjectPeriod(
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

function checkParticipation(c: Collector, p: CitizenParticipation): void {
  p.activities.forEach((a, i) => {
    requireText(
      c,
      `citizenParticipation.activities.${i}.description`,
      a.description,
      '활동 내용을 입력하세요',
    );
  });
}

function checkUnitIds(c: Collector, ids: readonly string[]): void {
  const seen = new Set<string>();
  ids.forEach((id, i) => {
    if (seen.has(id)) c.error(`unitProjects.${i}.id`, 'duplicate', `단위사업 id '${id}'가 중복됩니다`);
    seen.add(id);
  });
}

// ---------------------------------------------------------------------------------------------------------------
// 실천계획서

export function validateExecutionPlan(doc: ExecutionPlan, ctx: ValidationContext): ValidationResult {
  const c = new Collector();
  requireText(c, 'projectName', doc.projectName, '공약명을 입력하세요');
  requireText(c, 'department', doc.department, '주관부서를 입력하세요');
  checkContacts(c, 'leadContacts', '주관부서 담당자', doc.leadContacts);
  checkCooperating(c, doc.cooperatingDepartments);
  checkTotalCost(c, doc.totalCost);
  if (doc.newOrContinuing === null)
    c.error('newOrContinuing', 'required', '추진구분(신규/계속)을 선택하세요');
  if (doc.completionTiming === null)
    c.error('completionTiming', 'required', '완료구분(임기내/임기후)을 선택하세요');
  checkFundingSources(c, doc.fundingSources, doc.totalCost);
  requireText(c, 'policyGoal', doc.policyGoal, '정책목표를 입력하세요');
  checkProjectPeriod(c, doc.projectPeriod, doc.completionTiming, ctx);
  if (doc.unitProjects.length === 0) c.error('unitProjects', 'required', '단위사업을 하나 이상 입력하세요');
  checkUnitIds(
    c,
    doc.unitProjects.map((u) => u.id),
  );
  doc.unitProjects.forEach((u, i) => {
    const base = `unitProjects.${i}`;
    requireText(c, `${base}.name`, u.name, '단위사업명을 입력하세요');
    requireText(c, `${base}.detailedPlan`, u.detailedPlan, '세부 추진계획을 입력하세요');
    if (!Object.values(u.schedule).some((t) => !isBlank(t))) {
      c.error(`${base}.schedule`, 'required', '연차별 추진계획을 한 반기 이상 입력하세요');
    }
    checkScheduleKeys(c, `${base}.schedule`, u.schedule, ctx);
    checkInvestmentGrid(c, `${base}.investmentNeeds`, u.investmentNeeds, ctx);
  });
  checkParticipation(c, doc.citizenParticipation);
  checkCostAgainstNeeds(c, doc.totalCost, doc.unitProjects, ctx);
  checkSourcesWithMoney(c, doc.fundingSources, [
    { label: '연차별 투자수요', grids: doc.unitProjects.map((u) => u.investmentNeeds) },
  ]);
  return c.result();
}

const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

/** 총사업비 (~'22.6) should equal the 임기내 계 of the investment needs. */
function checkCostAgainstNeeds(
  c: Collector,
  totalCost: TotalCost,
  units: readonly { investmentNeeds: SourceGrid }[],
  ctx: ValidationContext,
) {
  const withinMilli = units.reduce(
    (acc, u) => acc + sum(sourceSumsMilli(u.investmentNeeds, ctx.budgetYears)),
    0,
  );
  if (
    totalCost?.kind === 'amount' &&
    amountProblem(totalCost.amount) === null &&
    toMilli(totalCost.amount) !== withinMilli
  ) {
    c.warn(
      'totalCost.amount',
      'totalCost.mismatch',
      `총사업비(${formatAmount(totalCost.amount)})가 연차별 투자수요 임기내 계(${formatAmount(withinMilli / 1000)})와 다릅니다`,
    );
  }
  if (totalCost?.kind === 'nonBudget' && withinMilli > 0) {
    c.warn(
      'totalCost',
      'totalCost.mismatch',
      `비예산 사업인데 연차별 투자수요가 ${formatAmount(withinMilli / 1000)} 입력되어 있습니다`,
    );
  }
}

// ---------------------------------------------------------------------------------------------------------------
// 관리카드

export function validateManagementCard(doc: ManagementCard, ctx: ValidationContext): ValidationResult {
  const c = new Collector();
  requireText(c, 'projectName', doc.projectName, '공약명을 입력하세요');
  requireText(c, 'department', doc.department, '주관부서를 입력하세요');
  if (!ctx.periods.includes(doc.periodId)) {
    c.error(
      'periodId',
      'period.outOfTerm',
      `${josa(periodLabel(doc.periodId), '은/는')} 임기 중의 반기가 아닙니다`,
    );
  }
  checkContacts(c, 'leadContacts', '주관부서 담당자', doc.leadContacts);
  checkCooperating(c, doc.cooperatingDepartments);

  if (doc.status === null) c.error('status', 'required', '추진상황을 선택하세요');
  if (
    doc.status === 'completed' &&
    isBlank(doc.completionEvidence.summary) &&
    doc.completionEvidence.attachments.length === 0
  ) {
    c.error(
      'completionEvidence',
      'status.completedWithoutEvidence',
      '완료로 보고하려면 완료 근거(완료 내용 또는 증빙자료 첨부)가 필요합니다',
    );
  }
  if (doc.status !== null && statusTakesReason(doc.status) && isBlank(doc.statusReason)) {
    c.error('statusReason', 'status.reasonRequired', `${CARD_STATUS_LABELS[doc.status]} 사유를 입력하세요`);
  }
  if (doc.completionTiming === null)
    c.error('completionTiming', 'required', '완료시기(임기내/임기후)를 선택하세요');
  if (doc.newOrContinuing === null)
    c.error('newOrContinuing', 'required', '사업구분(신규/계속)을 선택하세요');
  checkTotalCost(c, doc.totalCost);
  checkFundingSources(c, doc.fundingSources, doc.totalCost);
  if (doc.executor === null) c.error('executor', 'required', '주체(국가/서울시)를 선택하세요');
  checkProjectPeriod(c, doc.projectPeriod, doc.completionTiming, ctx);

  if (doc.unitProjects.length === 0) c.error('unitProjects', 'required', '단위사업이 없습니다');
  checkUnitIds(
    c,
    doc.unitProjects.map((u) => u.id),
  );
  doc.unitProjects.forEach((u, i) => {
    const base = `unitProjects.${i}`;
    checkScheduleKeys(c, `${base}.schedule`, u.schedule, ctx);
    for (const key of Object.keys(u.results)) checkReportedPeriod(c, `${base}.results.${key}`, key, doc, ctx);
    checkInvestmentGrid(c, `${base}.investmentNeeds`, u.investmentNeeds, ctx);
    for (const source of FUNDING_SOURCES) {
      for (const [key, value] of Object.entries(u.executed[source])) {
        const path = `${base}.executed.${source}.${key}`;
        checkReportedPeriod(c, path, key, doc, ctx);
        checkAmount(c, path, value);
      }
    }
    checkExecutedAgainstNeeds(c, base, u, doc.periodId, ctx);
    // A half-year that has passed and had a plan but has no result is a missed milestone.
    for (const [key, planned] of Object.entries(u.schedule)) {
      if (key === AFTER_TERM || isBlank(planned) || !ctx.periods.includes(key) || key > doc.periodId)
        continue;
      if (isBlank(u.results[key] ?? '')) {
        c.warn(
          `${base}.results.${key}`,
          'milestone.missed',
          `${periodLabel(key)} 추진계획("${planned.trim().slice(0, 40)}")에 대한 실적이 없습니다`,
        );
      }
    }
  });
  checkParticipation(c, doc.citizenParticipation);
  checkSourcesWithMoney(c, doc.fundingSources, [
    { label: '연차별 투자수요', grids: doc.unitProjects.map((u) => u.investmentNeeds) },
    { label: '집행액', grids: doc.unitProjects.map((u) => u.executed) },
  ]);

  if (ctx.confirmedPlan) checkFrozen(c, doc, ctx.confirmedPlan);
  if (ctx.previousCard) checkAgainstPrevious(c, doc, ctx.previousCard, ctx);
  if (ctx.financeRow) {
    // On the card, the warning points at the largest executed cell of that source (what the person can check
    // here; 확보액 is typed in the 재정집행 현황, which the message says).
    const periods = periodsThrough(ctx.periods, doc.periodId);
    checkExecutedAgainstSecured(
      c,
      doc,
      ctx.financeRow,
      ctx,
      (source) => {
        let best = { unit: -1, milli: 0 };
        doc.unitProjects.forEach((u, i) => {
          for (const key of periods) {
            const milli = toMilli(u.executed[source][key]);
            if (milli > best.milli) best = { unit: i, milli };
          }
        });
        const unit = doc.unitProjects[best.unit];
        if (unit === undefined) return 'unitProjects';
        return largestCellPath(
          `unitProjects.${best.unit}.executed.${source}`,
          unit.executed[source],
          periods,
        );
      },
      ' (확보액은 재정집행 현황의 확보내역입니다)',
    );
  }
  return c.result();
}

/**
 * Only the frozen-field check of validateManagementCard (the same issues, in the same order): what the office
 * needs for every card of a report, without validating the rest of thousands of cards again.
 */
export function frozenFieldIssues(card: ManagementCard, plan: ExecutionPlan): ValidationResult {
  const c = new Collector();
  checkFrozen(c, card, plan);
  return c.result();
}

/** How a frozen field's message ends, for the department writing the card (the office words it its own way). */
export const FROZEN_CHANGE_SUFFIX = '확정된 실천계획서와 달라 수정할 수 없습니다 (변경은 공약 조정 요청서로)';

function checkFrozen(c: Collector, card: ManagementCard, plan: ExecutionPlan): void {
  const via = FROZEN_CHANGE_SUFFIX;
  if (plan.projectId !== card.projectId) {
    c.error(
      'projectId',
      'project.mismatch',
      `관리카드(${card.projectId})와 실천계획서(${plan.projectId})의 공약번호가 다릅니다`,
    );
    return;
  }
  if (card.projectName !== plan.projectName) c.error('projectName', 'frozen.changed', `공약명이 ${via}`);
  if (card.policyGoal !== plan.policyGoal) c.error('policyGoal', 'frozen.changed', `정책목표가 ${via}`);
  if (
    card.projectPeriod.from !== plan.projectPeriod.from ||
    card.projectPeriod.to !== plan.projectPeriod.to
  ) {
    c.warn(
      card.projectPeriod.from !== plan.projectPeriod.from ? 'projectPeriod.from' : 'projectPeriod.to',
      'frozen.changed',
      `사업기간이 확정된 실천계획서(${plan.projectPeriod.from} ~ ${plan.projectPeriod.to})와 다릅니다`,
    );
  }
  for (const unit of plan.unitProjects) {
    if (!card.unitProjects.some((u) => u.id === unit.id)) {
      c.error(
        'unitProjects',
        'unit.missing',
        `확정된 실천계획서의 단위사업 '${unit.name}'${particle(unit.name, '이/가')} 관리카드에 없습니다`,
      );
    }
  }
  card.unitProjects.forEach((u, i) => {
    const base = `unitProjects.${i}`;
    const planned = plan.unitProjects.find((p) => p.id === u.id);
    if (planned === undefined) {
      c.error(
        `${base}.id`,
        'unit.unknown',
        `단위사업 '${u.name}'${particle(u.name, '은/는')} 확정된 실천계획서에 없습니다`,
      );
      return;
    }
    if (u.name !== planned.name) c.error(`${base}.name`, 'frozen.changed', `단위사업명이 ${via}`);
    if (u.detailedPlan !== planned.detailedPlan)
      c.error(`${base}.detailedPlan`, 'frozen.changed', `세부 추진계획이 ${via}`);
    const keys = new Set([...Object.keys(u.schedule), ...Object.keys(planned.schedule)]);
    for (const key of keys) {
      if ((u.schedule[key] ?? '') !== (planned.schedule[key] ?? '')) {
        c.error(`${base}.schedule.${key}`, 'frozen.changed', `${periodLabel(key)} 연차별 추진계획이 ${via}`);
      }
    }
  });
}

function checkAgainstPrevious(
  c: Collector,
  card: ManagementCard,
  prev: ManagementCard,
  ctx: ValidationContext,
): void {
  if (prev.projectId !== card.projectId) return;
  card.unitProjects.forEach((u, i) => {
    const before = prev.unitProjects.find((p) => p.id === u.id);
    if (before === undefined) return;
    const columns = investmentColumns(ctx.budgetYears);
    const now = fromMilli(sum(sourceSumsMilli(u.investmentNeeds, columns)));
    const then = fromMilli(sum(sourceSumsMilli(before.investmentNeeds, columns)));
    if (toMilli(now) !== toMilli(then)) {
      c.warn(
        `unitProjects.${i}.investmentNeeds`,
        'plan.totalsChanged',
        `단위사업 '${u.name}'의 투자수요 계가 직전 관리카드(${formatAmount(then)})와 달라졌습니다 (현재 ${formatAmount(now)})`,
      );
    }
  });
  const cost = (t: TotalCost) =>
    t === null ? 'null' : t.kind === 'nonBudget' ? 'nonBudget' : String(toMilli(t.amount));
  if (cost(card.totalCost) !== cost(prev.totalCost)) {
    c.warn('totalCost', 'plan.totalsChanged', '총사업비가 직전 관리카드와 달라졌습니다');
  }
}

/**
 * A unit's 집행액 of a source, summed over the half-years up to the card's, above that source's 연차별 투자수요 계
 * (임기후 included): more money spent than the unit was ever to need, most often a slip of a digit.
 */
function checkExecutedAgainstNeeds(
  c: Collector,
  base: string,
  unit: ManagementCard['unitProjects'][number],
  periodId: string,
  ctx: ValidationContext,
): void {
  const periods = periodsThrough(ctx.periods, periodId);
  const executed = sourceSumsMilli(unit.executed, periods);
  const needs = sourceSumsMilli(unit.investmentNeeds, investmentColumns(ctx.budgetYears));
  FUNDING_SOURCES.forEach((source, i) => {
    const spent = fromMilli(executed[i] ?? 0);
    const needed = fromMilli(needs[i] ?? 0);
    if (toMilli(spent) > toMilli(needed)) {
      c.warn(
        largestCellPath(`${base}.executed.${source}`, unit.executed[source], periods),
        'executed.exceedsNeeds',
        `단위사업 '${unit.name}'의 ${FUNDING_SOURCE_LABELS[source]} 집행액 누계(${formatAmount(spent)})가 연차별 투자수요 계(${formatAmount(needed)})보다 많습니다`,
      );
    }
  });
}

/**
 * The path of a row's cell holding its largest amount among `keys` (the row's own path when all are empty): a
 * total too large most often comes from one slipped digit, so that cell is where the person is taken.
 */
function largestCellPath(
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

function checkExecutedAgainstSecured(
  c: Collector,
  card: ManagementCard,
  row: FinanceRow,
  ctx: ValidationContext,
  pathOf: (source: (typeof FUNDING_SOURCES)[number]) => string,
  /** Said after the message where the other document is not on screen. */
  where = '',
): void {
  if (row.projectId !== card.projectId) return;
  const periods = periodsThrough(ctx.periods, card.periodId);
  const executed = FUNDING_SOURCES.map(() => 0);
  for (const unit of card.unitProjects) {
    sourceSumsMilli(unit.executed, periods).forEach((milli, i) => (executed[i] = (executed[i] ?? 0) + milli));
  }
  for (const [i, source] of FUNDING_SOURCES.entries()) {
    const spent = fromMilli(executed[i] ?? 0);
    const secured = row.secured[source] ?? 0;
    if (toMilli(spent) > toMilli(secured)) {
      c.warn(
        pathOf(source),
        'executed.exceedsSecured',
        `${FUNDING_SOURCE_LABELS[source]} 집행액(${formatAmount(spent)})이 확보액(${formatAmount(secured)})보다 많습니다${where}`,
      );
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// 재정집행 현황 (the department's part)

export function validateFinanceRow(doc: FinanceRow, ctx: ValidationContext): ValidationResult {
  const c = new Collector();
  requireText(c, 'department', doc.department, '부서명을 입력하세요');
  if (!ctx.periods.includes(doc.periodId)) {
    c.error(
      'periodId',
      'period.outOfTerm',
      `${josa(periodLabel(doc.periodId), '은/는')} 임기 중의 반기가 아닙니다`,
    );
  }
  for (const source of FUNDING_SOURCES) checkAmount(c, `secured.${source}`, doc.secured[source]);
  if (ctx.card) checkExecutedAgainstSecured(c, ctx.card, doc, ctx, (source) => `secured.${source}`);
  if (doc.executed !== undefined) checkRowExecuted(c, doc, doc.executed, ctx);
  return c.result();
}

/**
 * A co-department's own 임기내 집행 by year: amounts, years of the term up to the row's half-year, and (a warning)
 * more spent than its 확보총계. On the lead department's row the field counts for nothing, which is said.
 */
function checkRowExecuted(
  c: Collector,
  doc: FinanceRow,
  executed: Readonly<Record<string, MoneyCell | undefined>>,
  ctx: ValidationContext,
): void {
  const through = doc.periodId.slice(0, 4);
  for (const [year, value] of Object.entries(executed)) {
    const path = `executed.${year}`;
    checkAmount(c, path, value);
    if (!ctx.budgetYears.includes(year)) {
      c.error(
        path,
        'budgetYear.outOfTerm',
        `${year}년은 임기(${ctx.budgetYears.join(', ')}) 밖의 연도입니다`,
      );
    } else if (year > through && toMilli(value) !== 0) {
      c.error(
        path,
        'period.future',
        `${year}년 집행액은 이 재정집행 현황의 보고 반기(${periodLabel(doc.periodId)}) 이후라 입력할 수 없습니다`,
      );
    }
  }
  const years = ctx.budgetYears.filter((y) => y <= through);
  const spentMilli = years.reduce((sum, y) => sum + toMilli(executed[y]), 0);
  if (ctx.leadDepartment !== undefined && ctx.leadDepartment === doc.department) {
    if (Object.values(executed).some((v) => toMilli(v) !== 0)) {
      c.warn(
        'executed',
        'executed.ignored',
        `주관부서의 집행액은 관리카드의 연차별 집행액에서 가져옵니다. 여기 입력된 임기내 집행은 반영되지 않습니다`,
      );
    }
    return;
  }
  const securedMilli = FUNDING_SOURCES.reduce((sum, s) => sum + toMilli(doc.secured[s]), 0);
  if (spentMilli > securedMilli) {
    c.warn(
      largestCellPath('executed', executed, years),
      'executed.exceedsSecured',
      `임기내 집행 계(${formatAmount(fromMilli(spentMilli))})가 확보총계(${formatAmount(fromMilli(securedMilli))})보다 많습니다`,
    );
  }
}

// ---------------------------------------------------------------------------------------------------------------
// 공약 조정 요청서

export function validateChangeRequest(doc: ChangeRequest, ctx: ValidationContext): ValidationResult {
  const c = new Collector();
  requireText(c, 'projectName', doc.projectName, '공약명을 입력하세요');
  requireText(c, 'department', doc.department, '부서명을 입력하세요');
  requireText(c, 'contact.name', doc.contact.name, '담당자 이름을 입력하세요');
  requireText(c, 'contact.phone', doc.contact.phone, '담당자 연락번호를 입력하세요');
  if (!PHONE_PATTERN.test(doc.contact.phone)) c.error('contact.phone', 'phone.invalid', PHONE_MESSAGE);
  if (doc.rows.length === 0) c.error('rows', 'required', '변경 요구내용을 한 줄 이상 입력하세요');
  doc.rows.forEach((r, i) => {
    // Each message names its row, as the form numbers them ("변경 항목 2: 당초 공약을 입력하세요").
    const row = `변경 항목 ${i + 1}`;
    requireText(c, `rows.${i}.category`, r.category, `${row}: 구분을 입력하세요`);
    requireText(c, `rows.${i}.original`, r.original, `${row}: 당초 공약을 입력하세요`);
    requireText(c, `rows.${i}.proposed`, r.proposed, `${row}: 변경안을 입력하세요`);
    if (!isBlank(r.proposed) && r.original.trim() === r.proposed.trim()) {
      c.warn(`rows.${i}.proposed`, 'change.noDifference', `${row}: 변경안이 당초 공약과 같습니다`);
    }
  });
  requireText(c, 'reason', doc.reason, '변경 요구사유를 입력하세요');
  if (doc.evidence.length === 0) {
    c.warn(
      'evidence',
      'evidence.missing',
      '근거서류(전문가 검토의견, 공청회 회의자료 등)가 첨부되지 않았습니다',
    );
  }
  if (ctx.confirmedPlan && ctx.confirmedPlan.projectId !== doc.projectId) {
    c.error(
      'projectId',
      'project.mismatch',
      `요청서(${doc.projectId})와 실천계획서(${ctx.confirmedPlan.projectId})의 공약번호가 다릅니다`,
    );
  }
  checkDecisionHistory(c, doc);
  return c.result();
}

function checkDecisionHistory(c: Collector, doc: ChangeRequest): void {
  if (doc.lifecycle !== 'draft' && doc.decisionHistory.length === 0) {
    c.error('decisionHistory', 'decision.invalid', '제출된 요청서에는 요청 이력이 있어야 합니다');
  }
  doc.decisionHistory.forEach((entry, i) => {
    const base = `decisionHistory.${i}`;
    const prev = doc.decisionHistory[i - 1];
    if (prev === undefined) {
      if (entry.status !== 'requested') {
        c.error(`${base}.status`, 'decision.invalid', '처리 이력은 요청으로 시작해야 합니다');
      }
    } else {
      if (!DECISION_TRANSITIONS[prev.status].includes(entry.status)) {
        c.error(
          `${base}.status`,
          'decision.invalid',
          `'${DECISION_STATUS_LABELS[prev.status]}' 다음에 ${josa(`'${DECISION_STATUS_LABELS[entry.status]}'`, '으로/로')} 갈 수 없습니다`,
        );
      }
      if (entry.date < prev.date)
        c.error(`${base}.date`, 'decision.invalid', '처리 일자가 앞 단계보다 이릅니다');
    }
    if ((entry.status === 'approved' || entry.status === 'rejected') && isBlank(entry.note)) {
      c.warn(
        `${base}.note`,
        'required',
        `${DECISION_STATUS_LABELS[entry.status]} 사유를 적어 두면 공개할 때 필요합니다`,
      );
    }
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Entry points

export function validateDocument(doc: Document, ctx: ValidationContext): ValidationResult {
  switch (doc.kind) {
    case 'executionPlan':
      return validateExecutionPlan(doc, ctx);
    case 'managementCard':
      return validateManagementCard(doc, ctx);
    case 'financeRow':
      return validateFinanceRow(doc, ctx);
    case 'changeRequest':
      return validateChangeRequest(doc, ctx);
  }
}

/** Zod issues as `Issue`s (code 'schema'), with the same dot paths. */
export function schemaIssues(error: z.ZodError): Issue[] {
  return error.issues.map((iss) => ({
    path: iss.path.map(String).join('.'),
    message: iss.message,
    code: 'schema',
  }));
}

/** Parse untrusted input (a bundle entry) and validate it: schema problems are errors too. */
export function checkDocument(
  input: unknown,
  ctx: ValidationContext,
): ValidationResult & { document: Document | null } {
  const parsed = documentSchema.safeParse(input);
  if (!parsed.success) return { document: null, errors: schemaIssues(parsed.error), warnings: [] };
  return { document: parsed.data, ...validateDocument(parsed.data, ctx) };
}
