import type { ExecutionPlan } from '../documents';

/**
 * The frozen items (추후 임의변경불가: 정책목표, 정책개요's 단위사업, 연차별 추진계획) a plan sent after the
 * confirmation changes against the confirmed plan, as the 실천계획 확정 list names them: "정책목표", "단위사업
 * 구성", "단위사업 '핀테크랩 운영'의 세부 추진계획", "연차별 추진계획 (핀테크랩 운영)". `received` is the plan as
 * confirming it would store it (the approved changes' values kept over the department's). Empty when confirming
 * would leave every frozen item as it is.
 */
export function frozenPlanChanges(received: ExecutionPlan, confirmed: ExecutionPlan): string[] {
  const out: string[] = [];
  if (received.policyGoal !== confirmed.policyGoal) out.push('정책목표');
  const ids = (plan: ExecutionPlan) => plan.unitProjects.map((u) => u.id).join('\u0000');
  if (ids(received) !== ids(confirmed)) out.push('단위사업 구성');
  for (const unit of received.unitProjects) {
    const before = confirmed.unitProjects.find((u) => u.id === unit.id);
    if (before === undefined) continue;
    if (unit.name !== before.name) out.push(`단위사업명 (${before.name} → ${unit.name})`);
    if (unit.detailedPlan !== before.detailedPlan) out.push(`단위사업 '${unit.name}'의 세부 추진계획`);
    if (!sameSchedule(unit.schedule, before.schedule)) out.push(`연차별 추진계획 (${unit.name})`);
  }
  return out;
}

/** The same half-years with the same text (a blank cell and an absent one are the same). */
function sameSchedule(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) if ((a[key] ?? '').trim() !== (b[key] ?? '').trim()) return false;
  return true;
}

/**
 * What a card's read-only part shows differently under `later` than under `earlier` (two confirmed versions of a
 * plan), in the card's order: 공약명, 정책목표, 사업기간, then the units' items as frozenPlanChanges names them.
 * Empty when they show the same.
 */
export function shownPlanChanges(earlier: ExecutionPlan, later: ExecutionPlan): string[] {
  const frozen = frozenPlanChanges(later, earlier);
  const period =
    later.projectPeriod.from !== earlier.projectPeriod.from ||
    later.projectPeriod.to !== earlier.projectPeriod.to;
  return [
    ...(later.projectName === earlier.projectName ? [] : ['공약명']),
    ...frozen.filter((item) => item === '정책목표'),
    ...(period ? ['사업기간'] : []),
    ...frozen.filter((item) => item !== '정책목표'),
  ];
}
