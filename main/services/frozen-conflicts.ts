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
export function frozenDetail(
  issue: FrozenIssue,
  card: ManagementCard,
  plan: ExecutionPlan,
  { missedChange = false }: { missedChange?: boolean } = {},
): string {
  const values = frozenValues(issue, card, plan);
  // Said to the office, which does not edit the card: what differs, and how a change would come (unless the card
  // carries a version before a change already made: OLDER_PLAN_NOTE says what to do then).
  const message = issue.message.replace(
    FROZEN_CHANGE_SUFFIX,
    missedChange
      ? '확정된 실천계획서와 다릅니다'
      : '확정된 실천계획서와 다릅니다 (바꾸려면 부서가 공약 조정 요청서를 내야 합니다)',
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
  matchesOlderPlan: (card: ManagementCard) => boolean = () => false,
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
    const missedChange = matchesOlderPlan(card);
    const details = frozen.map((e) => frozenDetail(e, card, plan, { missedChange }));
    if (plan !== current) details.push(IN_FORCE_NOTE);
    if (missedChange) details.push(OLDER_PLAN_NOTE);
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

/** Said when the card agrees with an earlier confirmed version: the change was made, the department missed it. */
export const OLDER_PLAN_NOTE =
  '카드의 확정 항목은 그 전에 확정되어 있던 실천계획서와 같습니다: 승인된 조정(또는 다시 확정한 계획서)을 담은 기준 자료를 부서가 적용하지 않고 썼을 수 있습니다. 조정 요청서를 다시 낼 일이 아니라, 최신 기준 자료를 적용한 뒤 관리카드를 다시 보내도록 부서에 알리세요.';

/** For each card, the plan it is held to (see plansInForce), and whether it agrees with an earlier version. */
export interface PlansHeldTo {
  inForce: Map<ManagementCard, ExecutionPlan>;
  /** Cards that differ from the plan they are held to but agree with a confirmed version before it. */
  matchesOlder: Set<ManagementCard>;
}

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
): Promise<PlansHeldTo> {
  const plansById = new Map(plans.map((p) => [p.projectId, p]));
  const found = new Map<ManagementCard, ExecutionPlan>();
  const matchesOlder = new Set<ManagementCard>();
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
    const heldTo = inForce?.plan ?? current;
    const before = inForce === undefined ? [] : versions.slice(0, versions.indexOf(inForce));
    if (differsFromPlan(card, heldTo) && before.some((v) => !differsFromPlan(card, v.plan)))
      matchesOlder.add(card);
  }
  return { inForce: found, matchesOlder };
}
