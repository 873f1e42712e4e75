import {
  AFTER_TERM,
  asksCompletion,
  CARD_STATUS_LABELS,
  FUNDING_SOURCE_LABELS,
  FUNDING_SOURCES,
  type TotalCost,
} from './common';
import type { ExecutionPlan } from './execution-plan';
import type { FinanceRow } from './finance-row';
import { type ManagementCard, statusTakesReason } from './management-card';
import { fromMilli, investmentColumns, periodsThrough, sourceSumsMilli, toMilli } from './totals';
import { checkCostAgainstNeeds } from './validate-cost-needs';
import { josa, particle } from '../text/josa';
import {
  checkAmount,
  checkContacts,
  checkCooperating,
  checkFundingSources,
  checkInvestmentGrid,
  checkParticipation,
  checkPeriodInTerm,
  checkProjectPeriod,
  checkScheduleKeys,
  checkSourcesWithMoney,
  checkTotalCost,
  checkUnitIds,
  Collector,
  isBlank,
  largestCellPath,
  requireText,
  sum,
  type ValidationContext,
  type ValidationResult,
} from './validate-common';
import { formatAmount, periodLabel } from './validate-format';

// ---------------------------------------------------------------------------------------------------------------
// 관리카드

/** Keys of a half-year grid on a card: inside the term and not after the card's own half-year. */
function checkReportedPeriod(
  c: Collector,
  path: string,
  key: string,
  card: ManagementCard,
  ctx: ValidationContext,
) {
  if (checkPeriodInTerm(c, path, key, ctx) && key > card.periodId) {
    c.error(
      path,
      'period.future',
      `${josa(periodLabel(key), '은/는')} 이 관리카드의 보고 반기(${periodLabel(card.periodId)}) 이후라 입력할 수 없습니다`,
    );
  }
}

export function validateManagementCard(doc: ManagementCard, ctx: ValidationContext): ValidationResult {
  const c = new Collector();
  requireText(c, 'projectName', doc.projectName, '공약명을 입력하세요');
  requireText(c, 'department', doc.department, '주관부서를 입력하세요');
  checkPeriodInTerm(c, 'periodId', doc.periodId, ctx);
  checkContacts(c, 'leadContacts', '주관부서 담당자', doc.leadContacts);
  checkCooperating(c, doc.cooperatingDepartments);

  if (doc.status === null) c.error('status', 'required', '추진상황을 선택하세요');
  if (
    doc.status !== null &&
    asksCompletion(doc.status) &&
    isBlank(doc.completionEvidence.summary) &&
    doc.completionEvidence.attachments.length === 0
  ) {
    c.error(
      'completionEvidence',
      'status.completedWithoutEvidence',
      `${josa(CARD_STATUS_LABELS[doc.status], '으로/로')} 보고하려면 완료 근거(완료 내용 또는 증빙자료 첨부)가 필요합니다`,
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
  if (doc.executor === null) c.error('executor', 'required', '주체(국가 또는 시)를 선택하세요');
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
  // The card's 연차별 투자수요 is brought up to the year's actual budget (붙임4), its header's 총사업비 with it.
  checkCostAgainstNeeds(c, doc.totalCost, doc.unitProjects, ctx);
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
 * The card's 집행액 of a source, summed over the half-years up to the card's, above the finance row's 확보액 of
 * that source: warned on the card and on the finance row (validateFinanceRow), `pathOf` saying where.
 */
export function checkExecutedAgainstSecured(
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
