import type { ExecutionPlan, ManagementCard } from '../../../domain/documents';
import { requestChangeStep } from './random-office-change-request';
import type { ChangeStep } from './random-office-changes';
import {
  catalog,
  HALF_YEARS,
  kst,
  type RandomOffice,
  seededRandom,
  type SentDocument,
} from './random-office';

/**
 * A card written under a 단위사업's old name, taken in, for random-office-changes.ts: a department asks to rename
 * one unit of a plan, the citizens' panel approves it before the 기준 자료 of priorDue + 45, which that department
 * does not apply (the department random-office-changes.ts picks not to apply it keeps doing so too); its cards of
 * the half-year keep the unit's old name and leave its result of a half-year blank, in every version it sends; the
 * office takes the card in (카드 반영). The plan the card is held to names the unit by its new name: 부진 사업's
 * missed milestone must name it so, not as the card does.
 *
 * Added after everything else (from a stream of its own, on a project and a department none of the other cases
 * touch: no other approval before that 기준 자료 for the department, not the department whose file is made twice,
 * no other request, 폐기, move or plan sent again for the project), so that the rest of the office is what it is
 * without it, but for that department's missing the 기준 자료.
 */

export interface StaleUnitName {
  projectId: string;
  department: string;
  unitId: string;
  /** The unit's name on the card, and the name the approval gave it. */
  names: [string, string];
  /** The half-year whose result the cards leave blank. */
  blank: string;
}

const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const exempt = (status: ManagementCard['status']): boolean =>
  status === 'completed' || status === 'continuing' || status === 'dropped';
const leadOf = (projectId: string): string =>
  catalog.projects.find((p) => p.id === projectId)?.leadDepartment ?? '';

export function withStaleUnitName(
  seed: number,
  base: RandomOffice,
  steps: readonly ChangeStep[],
): { steps: ChangeStep[]; stale?: StaleUnitName } {
  const r = seededRandom(seed ^ 0x57a1_e0);
  const { periodId, priorDueDate, dueDate } = base;
  const baselineAt = Date.parse(kst(addDays(priorDueDate, 45), '09:30'));

  const plans = new Map<string, ExecutionPlan>();
  const confirms = new Map<string, number>();
  const touched = new Set<string>(); // projects with a request, moved, or a plan sent again
  const departmentsOut = new Set<string>(); // an approval before the 기준 자료, or the file made twice
  const lastCard = new Map<string, { card: ManagementCard; department: string }>();
  for (const step of steps) {
    if (step.kind === 'confirm') confirms.set(step.projectId, (confirms.get(step.projectId) ?? 0) + 1);
    if (step.kind === 'requestChange') touched.add(step.request.projectId);
    if (step.kind === 'moveProject') touched.add(step.projectId);
    if (step.kind === 'resendPlan') touched.add(step.plan.projectId);
    if (step.kind === 'decideChange' && step.status === 'approved' && Date.parse(step.at) < baselineAt)
      departmentsOut.add(step.department);
    if (step.kind === 'twinSend') departmentsOut.add(step.send.department);
    if (step.kind === 'send' && step.period === 'plan')
      for (const d of step.save) if (d.kind === 'executionPlan') plans.set(d.projectId, d);
    if (step.kind === 'send' && step.period === periodId)
      for (const d of step.save)
        if (d.kind === 'managementCard') lastCard.set(d.projectId, { card: d, department: step.department });
  }
  const candidates = [...plans.values()].filter((p) => {
    const last = lastCard.get(p.projectId);
    return (
      confirms.get(p.projectId) === 1 &&
      !touched.has(p.projectId) &&
      !departmentsOut.has(p.department) &&
      leadOf(p.projectId) === p.department &&
      last !== undefined &&
      last.department === p.department &&
      last.card.department === p.department &&
      !exempt(last.card.status) &&
      p.unitProjects.some((u) => HALF_YEARS.some((h) => h <= periodId && (u.schedule[h] ?? '').trim() !== ''))
    );
  });
  if (candidates.length === 0) return { steps: [...steps] };
  const plan = r.pick(candidates);
  const department = plan.department;
  const units = plan.unitProjects.filter((u) =>
    HALF_YEARS.some((h) => h <= periodId && (u.schedule[h] ?? '').trim() !== ''),
  );
  const unit = r.pick(units);
  const blank = r.pick(HALF_YEARS.filter((h) => h <= periodId && (unit.schedule[h] ?? '').trim() !== ''));
  const renamed = `${unit.name} (명칭 변경)`;
  const names = plan.unitProjects.map((u) => (u === unit ? renamed : u.name));
  const listed = (list: readonly string[]) => list.map((name, i) => `${i + 1}. ${name}`).join('\n');
  const requestId = `cr-stale-${plan.projectId.replaceAll('-', '')}`;
  const requestedAt = kst(addDays(priorDueDate, r.int(8, 20)), '10:45');
  const decide = (status: 'reviewing' | 'approved', at: string): ChangeStep => ({
    kind: 'decideChange',
    department,
    projectId: plan.projectId,
    requestId,
    status,
    at,
  });
  const added: ChangeStep[] = [
    requestChangeStep(
      plan,
      {
        requestId,
        rows: [
          {
            category: '단위사업',
            original: listed(plan.unitProjects.map((u) => u.name)),
            proposed: listed(names),
          },
        ],
        reason: '단위사업 명칭 정비',
      },
      periodId,
      requestedAt,
      { unitNames: names },
    ),
    decide('reviewing', kst(addDays(requestedAt.slice(0, 10), 2), '14:30')),
    // A day of its own (the other approvals before the 기준 자료 come on days 9–41).
    decide('approved', kst(addDays(priorDueDate, 43), '16:00')),
    {
      kind: 'resolveFrozen',
      projectId: plan.projectId,
      periodId,
      department,
      decision: 'accepted',
      at: kst(addDays(dueDate, 11), '11:30'),
    },
  ];

  const withBlank = (doc: SentDocument): SentDocument =>
    doc.kind !== 'managementCard' || doc.projectId !== plan.projectId
      ? doc
      : {
          ...doc,
          unitProjects: doc.unitProjects.map((u) =>
            u.id !== unit.id
              ? u
              : { ...u, results: Object.fromEntries(Object.entries(u.results).filter(([h]) => h !== blank)) },
          ),
        };
  const out = steps.map((step): ChangeStep => {
    if (step.kind === 'partialBaseline' && Date.parse(step.at) === baselineAt)
      return { ...step, departments: step.departments.filter((d) => d !== department) };
    if (step.kind === 'send' && step.period === periodId && step.department === department)
      return { ...step, save: step.save.map(withBlank) };
    return step;
  });
  return {
    steps: [...out, ...added],
    stale: { projectId: plan.projectId, department, unitId: unit.id, names: [unit.name, renamed], blank },
  };
}
