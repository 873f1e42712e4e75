import type { ExecutionPlan, FinanceRow, ManagementCard } from '../../../domain/documents';
import { areaOf, expectedFigures, type ExpectedFigures } from './office-oracle';
import { type ExpectedLaggingEntry, expectedLaggingTable } from './office-oracle-changes-lagging';
import { AFTER_TERM, catalog, SOURCES, type Step } from './random-office';
import type { UnconfirmedOffice } from './random-office-unconfirmed';

/**
 * What the office's report should show for an UnconfirmedOffice, from the steps the test generated — never from the
 * report code or the 실천계획 확정 list's code. The rules, as README.md ("종합 현황", "실천계획 확정"), docs/report-json.md
 * and the labels the report prints give them:
 *
 * - A plan counts once the office confirms it (실천계획 확정); a department's own 'confirmed' mark does not (README,
 *   Known limits). The plan in force is the version the office confirmed last: a plan sent again after the
 *   confirmation waits (확정 후 새 계획서 받음) and changes nothing until the office confirms it ("확정 대기
 *   실천계획서는 확정 전의 계획으로").
 * - 붙임5 has a row per project with a confirmed plan, whenever the office confirmed it (also after the half-year
 *   ended, or after its cards came): 초기계획 the plan as the office first confirmed it, 현재계획 the lead's card's, or
 *   the plan in force's without a card (office-oracle.ts adds up the rest). A project without one is left out of
 *   붙임5 and of 집행률 (no 집행률 lagging for it), and named (`withoutConfirmedPlan`) when the half-year has a card
 *   or 재정집행현황 of it from any department; of those, the ones whose plan came and waits
 *   (`withoutConfirmedPlanReceived`). The status tables count its card as any other.
 * - 제출 현황: a lead's card and 재정집행현황 stay owed whatever its plan (office-oracle.ts's counts); each is marked
 *   `notReceived` when no plan of the project came, `notConfirmed` when one came and the office has confirmed none,
 *   else not marked (a newer plan waiting leaves the confirmed one in force); a co-department's row is never
 *   marked. Under a department's 누락, the projects of its missing items by mark: "실천계획서 미접수 n개 사업 ·
 *   실천계획서 확정 대기 m개 사업: 관리카드·재정집행 현황은 실천계획서 확정 뒤 작성" (a part with no project left out).
 *   The reminder (미제출 안내문) asks only departments that owe something not waiting for 확정.
 * - 실천계획서 to confirm (undecided.plansToConfirm): projects with a plan received and none confirmed, or a plan
 *   received after the last confirmation.
 */

export type PlanWait = 'notReceived' | 'notConfirmed' | null;

export interface ExpectedUnconfirmed {
  figures: ExpectedFigures;
  /** Catalog order. */
  withoutConfirmedPlan: string[];
  withoutConfirmedPlanReceived: string[];
  plansToConfirm: number;
  /** Department → `kind|projectId` → received, and the item's mark. */
  items: Map<string, Map<string, { received: boolean; planWait: PlanWait }>>;
  /** Department → the line under its 누락 (null: none). */
  waitSummary: Map<string, string | null>;
  /** Departments the 미제출 안내문 asks, sorted. */
  asked: string[];
  /** Projects whose plan waits for 확정 among the missing items (the note beside the 안내문). */
  waitingForConfirmation: number;
  lagging: Map<string, ExpectedLaggingEntry>;
}

type Grid = Record<string, Record<string, number | null>>;
const needsMilli = (plan: ExecutionPlan, keep: (column: string) => boolean): number =>
  plan.unitProjects.reduce(
    (acc, u) =>
      acc +
      SOURCES.reduce(
        (a, s) =>
          a +
          Object.entries((u.investmentNeeds as Grid)[s] ?? {})
            .filter(([column]) => keep(column))
            .reduce((x, [, v]) => x + Math.round((v ?? 0) * 1000), 0),
        0,
      ),
    0,
  );

/** The last instant of a half-year, in Korea. */
const endOf = (periodId: string): number =>
  Date.parse(`${periodId.slice(0, 4)}-${periodId.endsWith('H1') ? '06-30' : '12-31'}T23:59:59.999+09:00`);

export function expectedUnconfirmed(
  office: UnconfirmedOffice,
  periodId: string,
  dueDate: string,
): ExpectedUnconfirmed {
  const projects = catalog.projects;
  const leadOf = (projectId: string): string =>
    projects.find((p) => p.id === projectId)?.leadDepartment ?? '';

  // The plans as the office received them and the versions it confirmed, in order.
  const received = new Map<string, { at: number; plan: ExecutionPlan }[]>();
  const confirmations = new Map<string, { at: number; plan: ExecutionPlan }[]>();
  const receive = (plan: ExecutionPlan, at: string) =>
    received.set(plan.projectId, [...(received.get(plan.projectId) ?? []), { at: Date.parse(at), plan }]);
  for (const step of office.steps) {
    if (step.kind === 'send' && step.period === 'plan')
      // The file carries the plans of its projects only (one submitted and left out never came).
      for (const d of step.save)
        if (d.kind === 'executionPlan' && step.projectIds.includes(d.projectId))
          receive(d, step.importedAt ?? step.at);
    if (step.kind === 'resendPlan') receive(step.plan, step.at);
    if (step.kind === 'confirm') {
      const last = received.get(step.projectId)?.at(-1);
      if (last !== undefined)
        confirmations.set(step.projectId, [
          ...(confirmations.get(step.projectId) ?? []),
          { at: Date.parse(step.at), plan: last.plan },
        ]);
    }
  }
  const confirmed = (projectId: string): boolean => confirmations.has(projectId);
  const inForce = (projectId: string, until = Infinity): ExecutionPlan | undefined => {
    const versions = confirmations.get(projectId) ?? [];
    return (versions.filter((v) => v.at <= until).at(-1) ?? versions[0])?.plan;
  };
  const plansToConfirm = [...received].filter(([projectId, versions]) => {
    const last = confirmations.get(projectId)?.at(-1);
    return last === undefined || (versions.at(-1)?.at ?? 0) > last.at;
  }).length;

  // The steps office-oracle.ts knows (the department's own 확정 mark is not the office's; a plan sent again is read
  // above): its 붙임5 takes 초기계획 and a card-less 현재계획 from the plan first sent, corrected below.
  const steps = office.steps.filter(
    (s): s is Step =>
      s.kind === 'send' || s.kind === 'confirm' || s.kind === 'baseline' || s.kind === 'decideCompletion',
  );
  const figures = expectedFigures({ ...office.base, steps }, periodId, dueDate);

  // The half-year's documents as last sent, and each department's items as they arrived.
  const latest = new Map<string, ManagementCard | FinanceRow>();
  const held = new Map<string, Set<string>>(); // department → `kind|projectId` saved so far
  const arrived = new Set<string>(); // `department|kind|projectId`
  for (const step of steps) {
    if (step.kind !== 'send' || step.period !== periodId) continue;
    const own = held.get(step.department) ?? new Set<string>();
    held.set(step.department, own);
    for (const d of step.save) {
      if (d.kind === 'executionPlan') continue;
      latest.set(`${d.kind}|${d.projectId}|${d.department}`, d);
      own.add(`${d.kind}|${d.projectId}`);
    }
    // A file carries every document of the half-year the department holds for its projects.
    for (const key of own)
      if (step.projectIds.includes(key.slice(key.indexOf('|') + 1))) arrived.add(`${step.department}|${key}`);
  }
  const leadCard = (projectId: string) => latest.get(`managementCard|${projectId}|${leadOf(projectId)}`);

  for (const project of projects) {
    const row = figures.financeRows.get(project.id);
    const first = confirmations.get(project.id)?.[0]?.plan;
    const sent = received.get(project.id)?.[0]?.plan;
    const now = inForce(project.id);
    if (row === undefined || first === undefined || sent === undefined || now === undefined) continue;
    const all = () => true;
    const inTerm = (c: string) => c !== AFTER_TERM;
    const delta = {
      initial: needsMilli(first, all) - needsMilli(sent, all),
      current: leadCard(project.id) === undefined ? needsMilli(now, all) - needsMilli(sent, all) : 0,
      termPlan: leadCard(project.id) === undefined ? needsMilli(now, inTerm) - needsMilli(sent, inTerm) : 0,
    };
    for (const amounts of [row, figures.financeByArea.get(areaOf(project.id)), figures.financeTotal]) {
      if (amounts === undefined) continue;
      amounts.initial += delta.initial;
      amounts.current += delta.current;
      amounts.termPlan += delta.termPlan;
    }
  }

  const reported = new Set([...latest.values()].map((d) => d.projectId));
  const withoutConfirmedPlan = projects
    .filter((p) => !confirmed(p.id) && reported.has(p.id))
    .map((p) => p.id);
  const withoutConfirmedPlanReceived = withoutConfirmedPlan.filter((id) => received.has(id));

  const items = new Map<string, Map<string, { received: boolean; planWait: PlanWait }>>();
  const owe = (department: string, kind: string, projectId: string, planWait: PlanWait) => {
    const own = items.get(department) ?? new Map<string, { received: boolean; planWait: PlanWait }>();
    items.set(department, own);
    own.set(`${kind}|${projectId}`, {
      received: arrived.has(`${department}|${kind}|${projectId}`),
      planWait,
    });
  };
  for (const project of projects) {
    const wait: PlanWait = confirmed(project.id)
      ? null
      : received.has(project.id)
        ? 'notConfirmed'
        : 'notReceived';
    owe(project.leadDepartment, 'managementCard', project.id, wait);
    owe(project.leadDepartment, 'financeRow', project.id, wait);
    for (const co of project.coDepartments) owe(co, 'financeRow', project.id, null);
  }
  const waitSummary = new Map<string, string | null>();
  const asked: string[] = [];
  const waiting = new Set<string>();
  for (const [department, own] of items) {
    const missing = [...own].filter(([, i]) => !i.received);
    const projectsWaiting = (wait: PlanWait) =>
      new Set(missing.filter(([, i]) => i.planWait === wait).map(([key]) => key.slice(key.indexOf('|') + 1)));
    const parts = [
      ['실천계획서 미접수', projectsWaiting('notReceived').size],
      ['실천계획서 확정 대기', projectsWaiting('notConfirmed').size],
    ].filter(([, n]) => n !== 0);
    waitSummary.set(
      department,
      parts.length === 0
        ? null
        : `${parts.map(([what, n]) => `${what} ${n}개 사업`).join(' · ')}: 관리카드·재정집행 현황은 실천계획서 확정 뒤 작성`,
    );
    if (missing.some(([, i]) => i.planWait !== 'notConfirmed')) asked.push(department);
    for (const id of projectsWaiting('notConfirmed')) waiting.add(id);
  }

  const lagging = expectedLaggingTable({
    periodId,
    projects,
    steps,
    figures,
    approvedProjects: new Set(),
    heldTo: (projectId) => unitsOf(inForce(projectId, endOf(periodId))),
    current: (projectId) => unitsOf(inForce(projectId)),
  }).lagging;

  return {
    figures,
    withoutConfirmedPlan,
    withoutConfirmedPlanReceived,
    plansToConfirm,
    items,
    waitSummary,
    asked: asked.sort(),
    waitingForConfirmation: waiting.size,
    lagging,
  };
}

const unitsOf = (plan: ExecutionPlan | undefined) =>
  plan && { units: plan.unitProjects.map((u) => ({ id: u.id, name: u.name, schedule: u.schedule })) };
