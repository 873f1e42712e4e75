import type { ExecutionPlan } from './execution-plan';
import { checkCostAgainstNeeds } from './validate-cost-needs';
import {
  checkContacts,
  checkCooperating,
  checkFundingSources,
  checkInvestmentGrid,
  checkParticipation,
  checkProjectPeriod,
  checkScheduleKeys,
  checkSourcesWithMoney,
  checkTotalCost,
  checkUnitIds,
  Collector,
  isBlank,
  requireText,
  type ValidationContext,
  type ValidationResult,
} from './validate-common';

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
