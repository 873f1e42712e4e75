import type { Kysely } from 'kysely';
import type { Conflict } from '../../domain/api/contract';
import {
  FROZEN_CHANGE_SUFFIX,
  frozenFieldIssues,
  type ExecutionPlan,
  type ManagementCard,
} from '../../domain/documents';
import type { Term } from '../../domain/term/types';
import type { Database } from '../../db/schema';
import { officePlanHistory, periodEndInstant, planInForceAt, type PlanInForceFrom } from './plan-in-force';

/**
 * 확정 항목 불일치: a card's frozen fields (공약명, 정책목표, 단위사업, 추진계획) against the confirmed plan. A card is
 * held to the plan in force when its half-year ended: an approved change request (or a plan confirmed again)
 * rewrites the frozen fields for the half-years after it, and the cards written before it stay as they were.
 */

type Unresolved = Omit<Conflict, 'resolution' | 'resolutionNote' | 'resolvedAt'>;
type FrozenIssue = ReturnType<typeof frozenFieldIssues>['errors'][number];

/** Checked pairs: a card and a plan never change once parsed (a new version is a new object), so neither does this. */
const frozenChecks = new WeakMap<ManagementCard, WeakMap<ExecutionPlan, FrozenIssue[]>>();

function frozenIssuesOf(card: ManagementCard, plan: ExecutionPlan): FrozenIssue[] {
  let byPlan = frozenChecks.get(card);
  if (byPlan === undefined) {
    byPlan = new WeakMap();
    frozenChecks.set(card, byPlan);
  }
  let issues = byPlan.get(plan);
  if (issues === undefined) {
    issues = frozenFieldIssues(card, plan).errors.filter(
      (e) => e.code === 'frozen.changed' || e.code === 'unit.missing' || e.code === 'unit.unknown',
    );
    byPlan.set(plan, issues);
  }
  return issues;
}

/**
 * Whether a card's frozen fields differ from the plan's (공약명, 정책목표, 단위사업 and their 세부계획·추진계획): a
 * card that agrees with the current confirmed plan is never held to an older one, at the office or the department.
 */
export function differsFromPlan(card: ManagementCard, plan: ExecutionPlan): boolean {
  return frozenIssuesOf(card, plan).length > 0;
}

/** A text as quoted in a conflict's details: one line, at most 60 characters. */
function quoted(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line === '') return '(비어 있음)';
  return `"${line.length > 60 ? `${line.slice(0, 59)}…` : line}"`;
}

/** The confirmed plan's value and the card's at an issue's path (null where the path names no single text). */
function frozenValues(
  issue: FrozenIssue,
  card: ManagementCard,
  plan: ExecutionPlan,
): [string, string] | null {
  if (issue.path === 'projectName') return [plan.projectName, card.projectName];
  if (issue.path === 'policyGoal') return [plan.policyGoal, card.policyGoal];
  const match = /^unitProjects\.(\d+)\.(name|detailedPlan|schedule\.(.+))$/.exec(issue.path);
  const unit = match ? card.unitProjects[Number(match[1])] : undefined;
  const planned = unit && plan.unitProjects.find((u) => u.id === unit.id);
  if (!match || !unit || !planned) return null;
  if (match[2] === 'name') return [planned.name, unit.name];
  if (match[2] === 'detailedPlan') return [planned.detailedPlan, unit.detailedPlan];
  const key = match[3] as string;
  return [planned.schedule[key] ?? '', unit.schedule[key] ?? ''];
}

/**
 * One difference as the office reads it: the issue's Korean message, then the confirmed plan's value and the
 * card's, so the office can choose 카드 반영 or 카드 제외 without opening both documents.
 */
export function frozenDetail(issue: FrozenIssue, card: ManagementCard, plan: ExecutionPlan): string {
  const values = frozenValues(issue, card, plan);
  // Said to the office, which does not edit the card: what differs, and how a change would come.
  const message = issue.message.replace(
    FROZEN_CHANGE_SUFFIX,
    '확정된 실천계획서와 다릅니다 (바꾸려면 부서가 공약 조정 요청서를 내야 합니다)',
  );
  return values === null ? message : `${message} — 확정: ${quoted(values[0])} / 카드: ${quoted(values[1])}`;
}

/**
 * What a decision on a card's frozen fields is made on, however the differences are worded: each difference's
 * path with the plan's and the card's values. A decision holds while the card's conflict has the same basis.
 */
function frozenBasis(frozen: readonly FrozenIssue[], card: ManagementCard, plan: ExecutionPlan): string {
  return JSON.stringify(
    frozen.map((issue) => [issue.path, frozenValues(issue, card, plan) ?? issue.message]),
  );
}

/**
 * Cards whose frozen fields differ from the plan they are held to: `planFor` gives it (the plan in force at the
 * end of the card's half-year, see plansInForce); without it, or when it gives none, the current confirmed plan.
 */
export function frozenFieldConflicts(
  plans: ExecutionPlan[],
  cards: ManagementCard[],
  planFor: (card: ManagementCard) => ExecutionPlan | undefined = () => undefined,
): Unresolved[] {
  const plansById = new Map(plans.map((p) => [p.projectId, p]));
  const conflicts: Unresolved[] = [];
  for (const card of cards) {
    const current = plansById.get(card.projectId);
    if (!current) continue;
    if (!differsFromPlan(card, current)) continue;
    const plan = planFor(card) ?? current;
    const frozen = frozenIssuesOf(card, plan);
    if (frozen.length === 0) continue;
    const details = frozen.map((e) => frozenDetail(e, card, plan));
    if (plan !== current) details.push(IN_FORCE_NOTE);
    conflicts.push({
      key: `frozen:${card.projectId}:${card.periodId}:${card.department}`,
      basis: frozenBasis(frozen, card, plan),
      kind: 'frozenFields',
      projectId: card.projectId,
      periodId: card.periodId,
      department: card.department,
      message: `${card.projectId} 관리카드(${card.department})의 확정 항목이 확정된 실천계획서와 다릅니다.`,
      details,
    });
  }
  return conflicts;
}

const IN_FORCE_NOTE = '(이 반기가 끝날 때 확정되어 있던 실천계획서와 비교했습니다)';

/**
 * For the cards that differ from the current confirmed plan, the plan in force when their half-year ended
 * (planInForceAt over the office's history: the version it had confirmed last by then, or its first confirmed
 * version when it confirmed none before). Read from the plan's version history only for those cards (few, and none
 * in a report without a change).
 */
export async function plansInForce(
  db: Kysely<Database>,
  term: Term,
  plans: ExecutionPlan[],
  cards: ManagementCard[],
): Promise<Map<ManagementCard, ExecutionPlan>> {
  const plansById = new Map(plans.map((p) => [p.projectId, p]));
  const found = new Map<ManagementCard, ExecutionPlan>();
  const history = new Map<string, PlanInForceFrom[]>();
  for (const card of cards) {
    const current = plansById.get(card.projectId);
    if (!current || !differsFromPlan(card, current)) continue;
    const end = periodEndInstant(term, card.periodId);
    if (end === null) continue;
    let versions = history.get(card.projectId);
    if (versions === undefined) {
      versions = await officePlanHistory(db, current);
      history.set(card.projectId, versions);
    }
    const inForce = planInForceAt(versions, end);
    // The last confirmed version is the current plan: only an earlier one is worth naming.
    if (inForce && inForce !== versions.at(-1)) found.set(card, inForce.plan);
  }
  return found;
}
