import type { Kysely } from 'kysely';
import type { CompletionRequestView, Conflict, OfficeReportView } from '../../domain/api/contract';
import { findProject } from '../../domain/catalog/lookup';
import { catalogAt, leadAt } from '../../domain/catalog/assignments';
import type { Catalog } from '../../domain/catalog/types';
import {
  asksCompletion,
  currentDecisionStatus,
  type ExecutionPlan,
  type FinanceRow,
  type ManagementCard,
} from '../../domain/documents';
import {
  buildOfficeReport,
  DEFAULT_EXECUTION_RATE_THRESHOLD,
  localDateTimeOf,
  type ReportInput,
  type Undecided,
} from '../../domain/reports';
import type { Term } from '../../domain/term/types';
import { listPeriods } from '../../domain/term/periods';
import { josa } from '../../domain/text/josa';
import { UserError } from './errors';
import { getReceivedBundle, listHeldBundles, type HeldBundle, type ReceivedBundle } from '../../db/bundles';
import {
  latestDecisions,
  latestDecisionsAndWithdrawals,
  type DecisionRecord,
  type OfficeDecision,
} from '../../db/office-decisions';
import type { Database } from '../../db/schema';
import { completionDecisionsFor, type CompletionDecisionOf } from './completion-decisions';
import { frozenFieldConflicts, plansInForce, type PlansHeldTo } from './frozen-conflicts';
import { heldBundleDifferences } from './held-differences';
import { planChangePreview } from './office-decisions';
import { buildReportInput } from './office-snapshot';
import { leadCardsOf } from './received-documents';
import { listPlanConfirmations } from './plan-confirmations';

/** A conflict as found, before the office's decision on it is looked up. */
type Unresolved = Omit<Conflict, 'resolution' | 'resolutionNote' | 'resolvedAt'>;

export interface ReportRequest {
  periodId: string;
  comparePeriodId?: string | undefined;
  executionRateThreshold?: number | undefined;
  today: string;
}

/**
 * Cards a co-department sent for a project another department leads. `financeRows`: the half-year's finance rows
 * (the latest of each department): a co-department whose own row states its 집행 has that counted, not its card's
 * (finance-derive.ts: the two never add up), and the conflict says so rather than promise the card's 집행.
 */
export function coDepartmentCardConflicts(
  catalog: Catalog,
  cards: ManagementCard[],
  financeRows: readonly FinanceRow[] = [],
): Unresolved[] {
  const conflicts: Unresolved[] = [];
  for (const card of cards) {
    const project = findProject(catalog, card.projectId);
    // The card's own half-year's lead (부서 이관).
    const lead = project && leadAt(project, card.periodId);
    if (lead === undefined || lead === card.department) continue;
    const leadSent = cards.some((c) => c.projectId === card.projectId && c.department === lead);
    const rowStatesExecuted = financeRows.some(
      (r) =>
        r.projectId === card.projectId &&
        r.department === card.department &&
        r.periodId === card.periodId &&
        r.executed !== undefined,
    );
    conflicts.push({
      key: coDepartmentCardKey(card),
      kind: 'coDepartmentCard',
      projectId: card.projectId,
      periodId: card.periodId,
      department: card.department,
      message: `${card.projectId}의 주관부서는 ${lead}인데 ${card.department}도 관리카드를 보냈습니다.`,
      details: [
        leadSent
          ? `주관부서(${lead})의 관리카드도 받았습니다. 이행도와 계획은 주관부서 카드를 따릅니다.`
          : `주관부서(${lead})의 관리카드는 아직 받지 않았습니다.`,
        rowStatesExecuted
          ? `${card.department}의 재정집행현황에 임기내 집행이 있어 '카드 반영'을 골라도 카드의 집행액은 재정집행 현황에 더해지지 않습니다 (재정집행현황의 집행액을 따르며, 두 번 세지 않습니다).`
          : `'카드 반영'을 고르면 ${card.department} 카드의 집행액이 재정집행 현황에 더해집니다. 정하기 전에는 빠져 있습니다.`,
      ],
    });
  }
  return conflicts;
}

/** The key of a held bundle's conflict (its decisions are recorded under it). */
export const sameRevisionKey = (sha256: string): string => `same-revision:${sha256}`;

const MEMBER_PROJECT = /^documents\/(?:plan|card|finance|change)-(\d+-\d+-\d+)-/;

/** A held bundle is listed with the half-year it reports on, and a plan bundle with every half-year. */
const heldForPeriod = (h: HeldBundle, periodId: string): boolean =>
  h.period === periodId || h.period === 'plan';

/**
 * Bundles held because a department sent two different bundles with one revision, for the half-year shown (and
 * plan bundles, which concern every half-year). Each names both bundles so the office can ask the department,
 * and says what differs between them (`differences`).
 */
export function sameRevisionConflicts(
  held: readonly HeldBundle[],
  accepted: readonly ReceivedBundle[],
  periodId: string,
  /** The office's conflict decisions: an accepted one on a counted bundle's key means it was swapped in. */
  decisions: ReadonlyMap<string, { decision: 'accepted' | 'rejected' }> = new Map(),
  /** Per held bundle, what differs from the counted one (heldBundleDifferences). */
  differences: ReadonlyMap<string, readonly string[]> = new Map(),
  /** Each department's last accepted revision (its chain head). */
  lastRevisions: ReadonlyMap<string, number> = new Map(),
): Unresolved[] {
  const acceptedBySha = new Map(accepted.map((b) => [b.sha256, b]));
  return held
    .filter((h) => heldForPeriod(h, periodId))
    .map((h) => {
      const members = parseHeldMembers(h.manifest);
      const projects = projectsOfMembers(members);
      const other = acceptedBySha.get(h.conflictsWith);
      // The office swapped them (swapHeldBundle): the one counted was held before and chosen.
      const swapped = decisions.get(sameRevisionKey(h.conflictsWith))?.decision === 'accepted';
      const last = lastRevisions.get(h.department);
      const laterRevision = last !== undefined && last > h.revision ? last : undefined;
      return {
        key: sameRevisionKey(h.sha256),
        kind: 'sameRevision' as const,
        heldSha256: h.sha256,
        heldFile: {
          period: h.period,
          revision: h.revision,
          documents: members.length,
          projects: projects.length,
        },
        heldReceivedAt: h.importedAt,
        ...(other ? { countedReceivedAt: other.importedAt } : {}),
        ...(swapped ? { swapped } : {}),
        ...(laterRevision !== undefined ? { laterRevision } : {}),
        projectId: projects[0] ?? '',
        projectIds: projects,
        periodId,
        department: h.department,
        message: swapped
          ? `${josa(h.department, '이/가')} 같은 회차(r${h.revision})로 내용이 다른 제출 파일을 두 번 보냈습니다. 기획담당관이 보류했던 제출 파일로 바꿔 반영했고, 그 전에 반영했던 제출 파일을 보류했습니다.`
          : `${josa(h.department, '이/가')} 같은 회차(r${h.revision})로 내용이 다른 제출 파일을 두 번 보냈습니다. 먼저 받은 제출 파일을 반영했고 나중에 받은 제출 파일은 보류했습니다.`,
        details: [
          `반영한 제출 파일: SHA-256 ${h.conflictsWith.slice(0, 12)}…${other ? `, ${localDateTimeOf(other.createdAt)} 작성, ${localDateTimeOf(other.importedAt)} 받음, 파일 ${other.fileName}` : ''}`,
          `보류한 제출 파일: SHA-256 ${h.sha256.slice(0, 12)}…, ${localDateTimeOf(h.createdAt)} 작성, ${localDateTimeOf(h.importedAt)} 받음, 파일 ${h.fileName}, 문서 ${members.length}건 (${projects.join(', ')})`,
          ...(differences.get(h.sha256) ?? []),
          laterRevision !== undefined
            ? `보류한 제출 파일의 문서는 반영되지 않았습니다. 부서가 그 뒤 r${laterRevision}까지 보냈으므로 이제 보류한 제출 파일로 바꿀 수 없습니다: 보류한 제출 파일에만 있는 내용은 부서가 새 회차로 보내도록 요청하세요.`
            : "보류한 제출 파일의 문서는 반영되지 않았습니다. 보류한 제출 파일이 맞다면 '보류한 제출 파일로 바꾸기'를 고르세요 (부서가 그 뒤 회차를 보내기 전까지). 그 밖에 필요한 내용은 부서가 새 회차로 보내도록 요청하세요.",
          '새 회차는 반영한 제출 파일을 만든 PC(또는 그 데이터 폴더)에서 만들어야 합니다. 보류한 제출 파일을 만든 PC에서 이어 보내면 회차가 갈라져 거부됩니다.',
        ],
      };
    });
}

/** The projects a bundle's document members are about, in manifest order. */
const projectsOfMembers = (paths: readonly string[]): string[] => [
  ...new Set(paths.map((m) => MEMBER_PROJECT.exec(m)?.[1]).filter((p): p is string => p !== undefined)),
];

/** The projects of a held bundle's documents, from its manifest text. */
export const heldBundleProjects = (manifest: string): string[] =>
  projectsOfMembers(parseHeldMembers(manifest));

function parseHeldMembers(manifest: string): string[] {
  try {
    const parsed = JSON.parse(manifest) as { members?: { path?: unknown; role?: unknown }[] };
    return (parsed.members ?? [])
      .filter((m) => m.role === 'document' && typeof m.path === 'string')
      .map((m) => m.path as string);
  } catch {
    return [];
  }
}

const coDepartmentCardKey = (card: ManagementCard): string =>
  `co-card:${card.projectId}:${card.periodId}:${card.department}`;

/** The co-departments' cards of the half-year the office took in, as `${projectId}|${department}`. */
function takenInCoCards(decisions: ReadonlyMap<string, OfficeDecision>, periodId: string): string[] {
  const out: string[] = [];
  for (const [key, d] of decisions) {
    const prefix = `co-card:${d.projectId}:${periodId}:`;
    if (d.decision === 'accepted' && d.periodId === periodId && key.startsWith(prefix))
      out.push(`${d.projectId}|${key.slice(prefix.length)}`);
  }
  return out;
}

/** A card whose 완료 the office rejected, as the tables count it: 정상추진 until a later request is accepted. */
const reverted = new WeakMap<ManagementCard, ManagementCard>();
function revertedCompletion(card: ManagementCard): ManagementCard {
  // The same copy for the same card each build, so the kept parts (report-memo) that depend on it stay reusable.
  let copy = reverted.get(card);
  if (copy === undefined) {
    copy = { ...card, status: 'onTrack' as const };
    reverted.set(card, copy);
  }
  return copy;
}

/**
 * One half-year's cards with the office's decisions on them applied, as that half-year's own report applies them:
 * cards excluded by a rejected frozen-field conflict or an unaccepted co-department card leave, a rejected 완료
 * reverts. Conflicts and 완료 decisions are keyed by the card's own half-year, so each is found for its half-year.
 */
function decidedCards(
  catalog: Catalog,
  plans: ExecutionPlan[],
  cards: ManagementCard[],
  completion: CompletionDecisionOf,
  resolved: (c: Unresolved) => Conflict,
  heldTo: PlansHeldTo,
  financeRows: readonly FinanceRow[],
): { cards: ManagementCard[]; excludedCards: Set<string>; conflicts: Conflict[] } {
  const frozen = frozenFieldConflicts(
    plans,
    cards,
    (card) => heldTo.inForce.get(card),
    (card) => heldTo.matchesOlder.has(card),
  ).map(resolved);
  const coCards = coDepartmentCardConflicts(catalog, cards, financeRows).map(resolved);
  const excludedCards = new Set(
    frozen.filter((c) => c.resolution === 'rejected').map((c) => `${c.projectId}|${c.department}`),
  );
  const excluded = new Set([
    ...excludedCards,
    ...coCards.filter((c) => c.resolution !== 'accepted').map((c) => `${c.projectId}|${c.department}`),
  ]);
  const decided = cards
    .filter((card) => !excluded.has(`${card.projectId}|${card.department}`))
    .map((card) => {
      if (!asksCompletion(card.status)) return card;
      return completion(card.projectId, card.periodId)?.decision === 'rejected'
        ? revertedCompletion(card)
        : card;
    });
  return { cards: decided, excludedCards, conflicts: [...frozen, ...coCards] };
}

/** Whether a conflict decision was made on what the conflict stands on now (its basis, where it has one). */
const decidedOnThese = (decision: OfficeDecision, conflict: Unresolved): boolean =>
  decision.basis === null || conflict.basis === undefined || decision.basis === conflict.basis;

/**
 * The report input with the office's decisions applied: rejected cards leave the tables, rejected 완료 reverts,
 * a co-department's card counts only once accepted; 완료 not decided yet is marked as waiting. The half-year
 * compared with gets its own decisions too, so the comparison starts from what that half-year's report showed.
 */
export function decidedInput(
  input: ReportInput,
  completion: CompletionDecisionOf,
  conflictDecisions: Awaited<ReturnType<typeof latestDecisions>>,
  held: Unresolved[],
  heldTo: PlansHeldTo,
): { input: ReportInput; conflicts: Conflict[] } {
  const resolved = (c: Unresolved): Conflict => {
    const latest = conflictDecisions.get(c.key);
    // A decision on a card's frozen fields holds while the card differs in the ways decided on.
    const decided = latest !== undefined && decidedOnThese(latest, c) ? latest : undefined;
    const earlier =
      latest !== undefined && decided === undefined
        ? { earlierResolution: { decision: latest.decision, note: latest.note, decidedAt: latest.decidedAt } }
        : {};
    return {
      ...c,
      ...earlier,
      resolution: decided?.decision ?? null,
      resolutionNote: decided?.note ?? null,
      resolvedAt: decided?.decidedAt ?? null,
    };
  };
  const decide = (cards: ManagementCard[], financeRows: readonly FinanceRow[]) =>
    decidedCards(input.catalog, input.plans, cards, completion, resolved, heldTo, financeRows);
  const { cards, excludedCards, conflicts } = decide(input.cards, input.financeRows);
  // The earlier half-year's conflicts are that report's to list; here they only decide which cards count.
  const previousCards = input.previousCards === undefined ? undefined : decide(input.previousCards, []).cards;
  // 완료 reported and not decided yet: counted as 완료, and the tables say how many wait.
  const completionUndecided = new Set(
    cards
      .filter(
        (card) =>
          asksCompletion(card.status) &&
          findProject(input.catalog, card.projectId)?.leadDepartment === card.department &&
          completion(card.projectId, card.periodId) === undefined,
      )
      .map((card) => card.projectId),
  );
  // The half-year's cards held to an earlier version of their plan (the one in force when the half-year ended).
  const plansHeldTo = new Map<string, ExecutionPlan>();
  for (const card of input.cards) {
    const plan = heldTo.inForce.get(card);
    if (plan !== undefined) plansHeldTo.set(`${card.projectId}|${card.department}`, plan);
  }
  return {
    input: {
      ...input,
      cards,
      ...(previousCards === undefined ? {} : { previousCards }),
      completionUndecided,
      excludedCards,
      ...(plansHeldTo.size === 0 ? {} : { plansHeldTo }),
    },
    conflicts: [...conflicts, ...held.map(resolved)],
  };
}

export type OfficeReportResult = OfficeReportView;

/** The report's half-year and the one compared with it must be the term's (a comparison outside it is empty). */
export function checkPeriodsInTerm(term: Term, request: ReportRequest): void {
  const ids = listPeriods(term).map((p) => p.id);
  const asked: [keyof ReportRequest, string, string | undefined][] = [
    ['periodId', '반기', request.periodId],
    ['comparePeriodId', '비교할 반기', request.comparePeriodId],
  ];
  for (const [field, what, id] of asked) {
    if (id === undefined || ids.includes(id)) continue;
    throw new UserError(
      'PERIOD_NOT_IN_TERM',
      `${what} ${josa(id, '은/는')} 임기(${term.name}: ${ids[0] ?? ''} ~ ${ids.at(-1) ?? ''})의 반기가 아닙니다.`,
      { field },
    );
  }
}

export async function officeReport(
  db: Kysely<Database>,
  ownCatalog: Catalog,
  term: Term,
  request: ReportRequest,
): Promise<OfficeReportResult> {
  checkPeriodsInTerm(term, request);
  // The half-year's departments: a project moved in a reorganisation (부서 이관) is its lead's of that half-year.
  const catalog = catalogAt(ownCatalog, request.periodId);
  const conflictDecisions = await latestDecisions(db, 'conflict');
  const raw = await buildReportInput(
    db,
    catalog,
    term,
    request.periodId,
    {
      executionRateThreshold: request.executionRateThreshold ?? DEFAULT_EXECUTION_RATE_THRESHOLD,
      today: request.today,
    },
    request.comparePeriodId,
    takenInCoCards(conflictDecisions, request.periodId),
  );
  const { latest: completionLatest, withdrawn } = await latestDecisionsAndWithdrawals(db, 'completion');
  const completion = await completionDecisionsFor(db, catalog, term, completionLatest, [
    ...raw.cards,
    ...(raw.previousCards ?? []),
  ]);
  const asked = raw.cards.filter(
    (c) => asksCompletion(c.status) && findProject(catalog, c.projectId)?.leadDepartment === c.department,
  );
  // The card each request is made with (its bundle and revision): a decision is recorded on it.
  const askedRows = await leadCardsOf(db, catalog, request.periodId, new Set(asked.map((c) => c.projectId)));
  const completionRequests = asked.map((c) => {
    const decided = completion.decisionOf(c.projectId, c.periodId);
    const superseded = completion.supersededOf(c.projectId, c.periodId);
    const row = askedRows.get(c.projectId)?.row;
    return {
      projectId: c.projectId,
      department: c.department,
      status: c.status === 'continuing' ? ('continuing' as const) : ('completed' as const),
      evidence: c.completionEvidence.summary,
      evidenceFiles: c.completionEvidence.attachments,
      cardBundleSha256: row?.bundle_sha256 ?? null,
      cardRevision: row?.revision ?? null,
      decision: decided?.decision ?? null,
      decisionNote: decided?.note ?? null,
      decidedAt: decided?.decidedAt ?? null,
      decidedForPeriodId: decided?.decidedForPeriodId ?? null,
      supersededDecision:
        superseded === undefined
          ? null
          : {
              decision: superseded.decision,
              note: superseded.note,
              decidedAt: superseded.decidedAt,
              cardRevision: superseded.card?.revision ?? null,
            },
      withdrawnDecision: withdrawnView(withdrawn.get(`${c.projectId}:${c.periodId}`)),
    };
  });
  const heldBundles = await listHeldBundles(db);
  const heldAgainst = (
    await Promise.all(
      [...new Set(heldBundles.map((h) => h.conflictsWith))].map((sha) => getReceivedBundle(db, sha)),
    )
  ).filter((b): b is ReceivedBundle => b !== undefined);
  const ofPeriod = heldBundles.filter((h) => heldForPeriod(h, request.periodId));
  const differences = await heldBundleDifferences(db, catalog, term, ofPeriod);
  const departments = [...new Set(ofPeriod.map((h) => h.department))];
  const lastRevisions = new Map(
    departments.length === 0
      ? []
      : (
          await db
            .selectFrom('department_chain')
            .select(['department', 'last_revision'])
            .where('department', 'in', departments)
            .execute()
        ).map((c) => [c.department, c.last_revision] as const),
  );
  const held = sameRevisionConflicts(
    heldBundles,
    heldAgainst,
    request.periodId,
    conflictDecisions,
    differences,
    lastRevisions,
  );
  // One map for both half-years' cards: the compared half-year's cards are held to the plan in force for it too.
  const heldTo = await plansInForce(db, term, raw.plans, [...raw.cards, ...(raw.previousCards ?? [])]);
  const { input, conflicts } = decidedInput(raw, completion.decisionOf, conflictDecisions, held, heldTo);
  // The input already holds the current change requests (read by buildReportInput a moment ago).
  const pendingChangeRequests = raw.changeRequests.filter((c) => {
    const status = currentDecisionStatus(c);
    return status !== null && status !== 'approved' && status !== 'rejected';
  });
  const plansById = new Map(raw.plans.map((p) => [p.projectId, p]));
  const periods = listPeriods(term).map((p) => p.id);
  const pendingChangeEffects = Object.fromEntries(
    pendingChangeRequests.map((c) => {
      return [`${c.department}|${c.requestId}`, planChangePreview(plansById.get(c.projectId), c, periods)];
    }),
  );
  const built = buildOfficeReport(input);
  // Received plans the office has not confirmed yet (실천계획 확정): first plans and newer ones.
  // The list of plans is the term's, not the half-year's: the catalog as it is now.
  const planStates = await listPlanConfirmations(db, ownCatalog);
  const toConfirm = planStates.filter((p) => p.state === 'awaiting' || p.state === 'newerReceived');
  const awaiting = new Set(toConfirm.map((p) => p.projectId));
  const undecided: Undecided = {
    conflicts: conflicts.filter((c) => c.resolution === null).length,
    completionRequests: completionRequests.filter((c) => c.decision === null).length,
    changeRequests: pendingChangeRequests.length,
    plansToConfirm: toConfirm.length,
  };
  const finance = {
    ...built.finance,
    withoutConfirmedPlanReceived: built.finance.withoutConfirmedPlan.filter((id) => awaiting.has(id)),
  };
  return {
    report: { ...built, finance, meta: { ...built.meta, undecided } },
    conflicts,
    completionRequests,
    pendingChangeRequests,
    pendingChangeEffects,
  };
}

/** A half-year's 완료 decision taken back (결정 취소), as the request shows it. */
function withdrawnView(
  withdrawn: { withdrawal: DecisionRecord; decision: OfficeDecision | null } | undefined,
): CompletionRequestView['withdrawnDecision'] {
  if (withdrawn === undefined) return null;
  return {
    decision: withdrawn.decision?.decision ?? null,
    note: withdrawn.decision?.note ?? '',
    decidedAt: withdrawn.decision?.decidedAt ?? null,
    withdrawnAt: withdrawn.withdrawal.decidedAt,
    withdrawalNote: withdrawn.withdrawal.note,
  };
}
