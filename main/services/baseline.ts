import { tooLargeMessage } from '../../domain/text/file-size';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { catalogSchema } from '../../domain/catalog/types';
import {
  changeRequestSchema,
  currentDecisionStatus,
  executionPlanSchema,
  managementCardSchema,
  type ChangeRequest,
  type ExecutionPlan,
  type ManagementCard,
} from '../../domain/documents';
import { termSchema } from '../../domain/term/types';
import { josa } from '../../domain/text/josa';
import {
  DEFAULT_LIMITS,
  OFFICE_DEPARTMENT,
  recogniseFile,
  writeBundle,
  writeFileAtomic,
  type BundleDocument,
  type FileKind,
} from '../bundles';
import { insertSentBundle, lastSentBundle } from '../../db/bundles';
import { listDocuments, saveDocument } from '../../db/documents';
import { putReferenceData } from '../../db/reference-data';
import { getSetting, setSetting } from '../../db/settings';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { AppliedBaseline, BaselineApplied, BaselineExported } from '../../domain/api/contract';
import type { Database } from '../../db/schema';
import { defaultVerifier, officeKeySnapshot, type Verifier } from './bundle-verify';
import type { AppContext } from './context';
import { PLAN_SLOT } from './document-identity';
import { newerProgramNote } from './app-version';
import { ALTERED_CODES } from './import-messages';
import { UserError } from './errors';
import { loadSigningKey, requireOffice } from './key-service';
import { handoverCardsFor, handoverCardsOf, keepHandoverCards, movedAwayFrom } from './handover-cards';
import { keepOwnReceipts, officeReceipts, receiptsSchema, type Receipts } from './receipts';
import {
  cardDecisionsSchema,
  keepOwnCardDecisions,
  officeCardDecisions,
  type CardDecisions,
} from './card-decisions';
import {
  heldDecisionsSchema,
  keepOwnHeldDecisions,
  officeHeldDecisions,
  type HeldDecisions,
} from './held-decisions';
import { officePlanHistory } from './plan-in-force';
import {
  keepPlanHistories,
  officePlanHistories,
  planHistoriesSchema,
  type PlanHistories,
} from './plan-histories';
import { loadCatalog, loadTerm } from './reference';
import { whoAmI } from './session';

export const BASELINE_PATHS = {
  catalog: 'documents/reference/catalog.json',
  term: 'documents/reference/term.json',
  receipts: 'documents/reference/receipts.json',
  /** The office's decisions on cards (완료 승인·반려, 관리카드 제외); present only when there is one (card-decisions.ts). */
  cardDecisions: 'documents/reference/card-decisions.json',
  /** The office's decisions on held same-revision files; present only when there is one (held-decisions.ts). */
  heldDecisions: 'documents/reference/held-decisions.json',
  /** The office's versions of each plan confirmed more than once; present only when there is one (plan-histories.ts). */
  planHistories: 'documents/reference/plan-histories.json',
  plan: (projectId: string) => `documents/plans/plan-${projectId}.json`,
  change: (projectId: string, requestId: string) => `documents/changes/change-${projectId}-${requestId}.json`,
  /** 인계: a moved project's last card from its former lead (handover-cards.ts). */
  handover: (projectId: string, periodId: string) => `documents/handover/card-${projectId}-${periodId}.json`,
} as const;

/** What exportBaseline made: the contract's view of it (BaselineExported). */
export type BaselineExportResult = BaselineExported;

/** The plans the office confirmed (a department's own 'confirmed' mark does not count, as in the report). */
async function confirmedPlans(ctx: AppContext): Promise<ExecutionPlan[]> {
  const byProject = new Map<string, ExecutionPlan>();
  for (const doc of await listDocuments(ctx.db, { kind: 'executionPlan' })) {
    if (doc.status !== 'confirmed') continue;
    const parsed = executionPlanSchema.safeParse(doc.json);
    if (parsed.success) byProject.set(doc.projectId, { ...parsed.data, lifecycle: 'confirmed' });
  }
  return [...byProject.values()].sort((a, b) =>
    a.projectId.localeCompare(b.projectId, 'en', { numeric: true }),
  );
}

/** A request the office decided: 승인 or 반려 (the department learns either from the package). */
const isDecided = (request: ChangeRequest): boolean => {
  const status = currentDecisionStatus(request);
  return status === 'approved' || status === 'rejected';
};

async function decidedChangeRequests(ctx: AppContext): Promise<ChangeRequest[]> {
  const found: ChangeRequest[] = [];
  const seen = new Set<string>();
  // The office's own copies only: a request is decided when the office records it (decideChangeRequest saves its
  // copy); a department's file never decides one, whatever steps it carries (departmentStepsOnly).
  const candidates = (await listDocuments(ctx.db, { kind: 'changeRequest' })).map((d) => d.json);
  for (const json of candidates) {
    const parsed = changeRequestSchema.safeParse(json);
    if (!parsed.success || !isDecided(parsed.data)) continue;
    const id = `${parsed.data.projectId}:${parsed.data.requestId}`;
    if (seen.has(id)) continue;
    seen.add(id);
    found.push(parsed.data);
  }
  return found;
}

/**
 * Office: signs a baseline package (catalog and term with its deadlines, confirmed plans, decided (approved or
 * rejected) change requests, the submission files received so far: 접수 확인, and its decisions on the cards in
 * them: card-decisions.ts, and on the files it holds: held-decisions.ts). Departments apply it to get the office's
 * reference data and their confirmed plans back, and to learn which of their files arrived and what the office
 * decided on their cards and held files.
 */
export async function exportBaseline(ctx: AppContext, path?: string): Promise<BaselineExportResult> {
  await requireOffice(ctx);
  const { key, privateKeyPem } = await loadSigningKey(ctx);
  const plans = await confirmedPlans(ctx);
  const changes = await decidedChangeRequests(ctx);
  const approved = changes.filter((c) => currentDecisionStatus(c) === 'approved').length;
  const createdAt = ctx.now().toISOString();
  const receipts = await officeReceipts(ctx.db, createdAt);
  const [catalog, term] = [await loadCatalog(ctx.db), await loadTerm(ctx.db)];
  const handover = await handoverCardsOf(ctx.db, catalog, term);
  const cardDecisions = await officeCardDecisions(ctx.db, catalog, term, createdAt);
  const heldDecisions = await officeHeldDecisions(ctx.db, createdAt);
  const histories = await officePlanHistories(ctx.db, plans, (p) => officePlanHistory(ctx.db, p), createdAt);
  const documents: BundleDocument[] = [
    { path: BASELINE_PATHS.catalog, json: catalog },
    { path: BASELINE_PATHS.term, json: term },
    { path: BASELINE_PATHS.receipts, json: receipts },
    // Only when there is one: until then an older department program applies the package as before.
    ...(cardDecisions.decisions.length === 0
      ? []
      : [{ path: BASELINE_PATHS.cardDecisions, json: cardDecisions }]),
    ...(heldDecisions.decisions.length === 0
      ? []
      : [{ path: BASELINE_PATHS.heldDecisions, json: heldDecisions }]),
    ...(histories.plans.length === 0 ? [] : [{ path: BASELINE_PATHS.planHistories, json: histories }]),
    ...plans.map((p) => ({ path: BASELINE_PATHS.plan(p.projectId), json: p })),
    ...changes.map((c) => ({ path: BASELINE_PATHS.change(c.projectId, c.requestId), json: c })),
    ...handover.map((c) => ({ path: BASELINE_PATHS.handover(c.projectId, c.periodId), json: c })),
  ];
  const last = await lastSentBundle(ctx.db, 'pledge-baseline');
  const revision = (last?.revision ?? 0) + 1;
  const bytes = await writeBundle({
    manifestFields: {
      type: 'pledge-baseline',
      appVersion: ctx.appVersion,
      department: OFFICE_DEPARTMENT,
      period: 'plan',
      createdAt,
      revision,
      previousBundleSha256: last?.sha256 ?? null,
    },
    documents,
    attachments: [],
    privateKeyPem,
  });
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const target = resolve(path ?? join(ctx.dataDir, 'outbox', `공약기준자료_r${revision}.pledge`));
  mkdirSync(dirname(target), { recursive: true });
  writeFileAtomic(target, bytes);
  await insertSentBundle(ctx.db, {
    type: 'pledge-baseline',
    revision,
    sha256,
    previousSha256: last?.sha256 ?? null,
    department: OFFICE_DEPARTMENT,
    keyId: key.keyId,
    period: 'plan',
    documentCount: documents.length,
    path: target,
    createdAt,
  });
  return {
    path: target,
    revision,
    sha256,
    plans: plans.length,
    changeRequests: approved,
    rejectedChangeRequests: changes.length - approved,
    receipts: receipts.bundles.length,
    handoverCards: handover.length,
    cardDecisions: cardDecisions.decisions.length,
    heldDecisions: heldDecisions.decisions.length,
  };
}

const appliedSchema = z.object({ revision: z.number().int(), sha256: z.string(), appliedAt: z.string() });
export const BASELINE_SETTING = 'baseline.applied';

/** The last 기준 자료 this copy applied, or null before the first (or for a setting this version cannot read). */
export async function appliedBaseline(db: Kysely<Database>): Promise<AppliedBaseline | null> {
  const applied = appliedSchema.safeParse(await getSetting(db, BASELINE_SETTING));
  return applied.success ? applied.data : null;
}

/** What applyBaseline did: the contract's view of it (BaselineApplied). */
export type BaselineApplyResult = BaselineApplied;

/** A key file chosen where a baseline package is expected: what it is and where it goes. */
const KEY_FILE_HERE = {
  enrollment:
    "이 파일은 서명 키 등록 파일입니다 — 기준 자료가 아닙니다. 기획담당관의 키 등록 파일이면 위의 '기획담당관 키 등록 파일 가져오기'에서 고르세요 ('pledge keys import').",
  rotation:
    '이 파일은 키 교체 문서입니다 — 기준 자료가 아닙니다. 키 교체 문서는 부서가 기획담당관에게 보내는 파일입니다.',
} as const;

/** What a person reads first for a file that is not a baseline package that can be applied, then the detail. */
function baselineRefusal(kind: FileKind, code: string, message: string): string {
  const choose = "기획담당관에게서 받은 기준 자료 파일('공약기준자료_r(회차).pledge')을 고르세요.";
  if (kind === 'not-zip')
    return `기준 자료 파일이 아닙니다 (ZIP 형식이 아님). ${choose} (자세히: ${message})`;
  if (kind === 'draft-file')
    return `이 파일은 같은 부서의 다른 PC에서 만든 작성 문서 파일(.pledgedraft)입니다 — 기준 자료가 아닙니다. '문서 작성' 화면 아래 '다른 PC와 작성 문서 주고받기'에서 고르세요. ${choose}`;
  if (kind === 'ordinary-zip')
    return `기준 자료 파일이 아닙니다 (이 프로그램의 파일이 아닌 일반 압축 파일입니다). ${choose} (자세히: ${message})`;
  if (kind === 'repacked-bundle')
    return `압축 프로그램으로 풀었다가 다시 묶은 파일이어서 적용하지 않았습니다. 기획담당관에게서 받은 기준 자료 파일을 압축을 풀거나 다시 묶지 말고 그대로 고르세요. (자세히: ${message})`;
  if (code === 'TYPE_MISMATCH')
    return `이 파일은 부서 제출 파일입니다 — 기준 자료가 아닙니다. 제출 파일은 기획담당관에게 보내는 파일입니다. ${choose}`;
  const unchanged = '적용하지 않았고 이 PC의 자료는 그대로입니다.';
  if (code === 'ZIP_INVALID')
    return `기준 자료를 적용하지 않았습니다: 파일이 손상되었거나 중간에 잘렸습니다. ${unchanged} 기획담당관에게 기준 자료를 다시 보내 달라고 하세요. (자세히: ${message})`;
  if (ALTERED_CODES.has(code))
    return `기준 자료를 적용하지 않았습니다: 서명된 뒤 내용이 바뀌었습니다 (전송 중 손상되었거나 누군가 고쳤습니다). ${unchanged} 기획담당관에게 원래 파일을 다시 보내 달라고 하세요. (자세히: ${message})`;
  if (code === 'KEY_UNKNOWN')
    return `기준 자료를 적용하지 않았습니다: 이 PC가 신뢰하는 기획담당관 키가 아닌 키로 서명되었습니다. ${unchanged} 기획담당관이 새 PC로 옮겼거나 백업에서 복원해 새 키를 만들었다면, 기획담당관의 새 키 등록 파일을 받아 '기획담당관 키 등록 파일 가져오기'로 먼저 가져온 뒤 다시 적용하세요 (지문은 기획담당관과 전화로 확인하세요). 다른 기관의 파일이 아닌지도 확인하세요. (자세히: ${message})`;
  return `기준 자료를 적용하지 않았습니다: ${message}`;
}

/**
 * Department: verifies a baseline package against the trusted office key and applies it, in one transaction:
 * reference data, the confirmed plans and decided change requests (stored as confirmed; saving identical content
 * is a no-op, so applying the same package twice changes nothing), then what the department keeps of the rest. An
 * older package than the last applied is refused.
 */
export async function applyBaseline(
  ctx: AppContext,
  input: { path: string } | { name: string; bytes: Buffer },
  options: { verifier?: Verifier } = {},
): Promise<BaselineApplyResult> {
  const who = await whoAmI(ctx);
  if (who?.role !== 'department') {
    throw new UserError('NOT_A_DEPARTMENT', '기준 자료는 주관부서 PC에서 적용합니다.');
  }
  const department = who.department ?? '';
  let bytes: Buffer;
  if ('bytes' in input) bytes = input.bytes;
  else {
    const size = statSync(input.path).size;
    if (size > DEFAULT_LIMITS.maxBundleBytes)
      throw new UserError('ZIP_LIMIT', tooLargeMessage('기준 자료', size, DEFAULT_LIMITS.maxBundleBytes));
    bytes = readFileSync(input.path);
  }
  const kind = recogniseFile(bytes);
  if (kind === 'enrollment' || kind === 'rotation')
    throw new UserError('NOT_A_BASELINE', KEY_FILE_HERE[kind]);
  const keys = await officeKeySnapshot(ctx);
  // Verified even with no office key trusted yet: a file that is no baseline package is said to be one first.
  const verifier = options.verifier ?? defaultVerifier();
  const check = await verifier(bytes, keys, 'pledge-baseline');
  if (!check.ok) {
    if (keys.length === 0 && check.code === 'KEY_UNKNOWN') {
      throw new UserError(
        'NO_OFFICE_KEY',
        "기획담당관의 키가 등록되어 있지 않습니다. 기획담당관의 키 등록 파일을 먼저 가져오세요 ('pledge keys import').",
      );
    }
    throw new UserError(check.code, baselineRefusal(kind, check.code, check.message));
  }
  const { manifest } = check;
  // A package from a newer office program may hold what this one does not know: the refusal says so.
  const invalid = (message: string): UserError =>
    new UserError('BASELINE_INVALID', `${message}${newerProgramNote(manifest.appVersion, ctx.appVersion)}`);

  const byPath = new Map(check.documents.map((d) => [d.path, d.json]));
  const catalog = catalogSchema.safeParse(byPath.get(BASELINE_PATHS.catalog));
  if (!catalog.success)
    throw invalid(`기준 자료의 공약사업 목록(${BASELINE_PATHS.catalog})이 올바르지 않습니다.`);
  const term = termSchema.safeParse(byPath.get(BASELINE_PATHS.term));
  if (!term.success) throw invalid(`기준 자료의 임기 정보(${BASELINE_PATHS.term})가 올바르지 않습니다.`);
  const plans: ExecutionPlan[] = [];
  const changes: ChangeRequest[] = [];
  let receipts: Receipts | null = null;
  let cardDecisions: CardDecisions | null = null;
  let heldDecisions: HeldDecisions | null = null;
  let planHistories: PlanHistories | null = null;
  const handover: ManagementCard[] = [];
  for (const doc of check.documents) {
    if (doc.path.startsWith('documents/plans/')) {
      const plan = executionPlanSchema.safeParse(doc.json);
      if (
        !plan.success ||
        plan.data.lifecycle !== 'confirmed' ||
        doc.path !== BASELINE_PATHS.plan(plan.data.projectId)
      ) {
        throw invalid(`기준 자료의 ${josa(doc.path, '이/가')} 확정된 실천계획서가 아닙니다.`);
      }
      plans.push(plan.data);
    } else if (doc.path.startsWith('documents/changes/')) {
      const change = changeRequestSchema.safeParse(doc.json);
      if (!change.success || !isDecided(change.data)) {
        throw invalid(`기준 자료의 ${josa(doc.path, '이/가')} 승인 또는 반려된 조정 요청서가 아닙니다.`);
      }
      changes.push(change.data);
    } else if (doc.path.startsWith('documents/handover/')) {
      const card = managementCardSchema.safeParse(doc.json);
      if (!card.success || doc.path !== BASELINE_PATHS.handover(card.data.projectId, card.data.periodId))
        throw invalid(`기준 자료의 ${josa(doc.path, '이/가')} 인계할 관리카드가 아닙니다.`);
      handover.push(card.data);
    } else if (doc.path === BASELINE_PATHS.receipts) {
      const parsed = receiptsSchema.safeParse(doc.json);
      if (!parsed.success) {
        throw invalid(`기준 자료의 접수 내역(${BASELINE_PATHS.receipts})이 올바르지 않습니다.`);
      }
      receipts = parsed.data;
    } else if (doc.path === BASELINE_PATHS.cardDecisions) {
      const parsed = cardDecisionsSchema.safeParse(doc.json);
      if (!parsed.success) {
        throw invalid(`기준 자료의 관리카드 결정 내역(${BASELINE_PATHS.cardDecisions})이 올바르지 않습니다.`);
      }
      cardDecisions = parsed.data;
    } else if (doc.path === BASELINE_PATHS.heldDecisions) {
      const parsed = heldDecisionsSchema.safeParse(doc.json);
      if (!parsed.success) {
        throw invalid(
          `기준 자료의 보류 제출 파일 결정 내역(${BASELINE_PATHS.heldDecisions})이 올바르지 않습니다.`,
        );
      }
      heldDecisions = parsed.data;
    } else if (doc.path === BASELINE_PATHS.planHistories) {
      const parsed = planHistoriesSchema.safeParse(doc.json);
      if (!parsed.success) {
        throw invalid(
          `기준 자료의 실천계획서 변경 이력(${BASELINE_PATHS.planHistories})이 올바르지 않습니다.`,
        );
      }
      planHistories = parsed.data;
    } else if (doc.path !== BASELINE_PATHS.catalog && doc.path !== BASELINE_PATHS.term) {
      throw invalid(`기준 자료에 알 수 없는 문서 ${josa(doc.path, '이/가')} 있습니다.`);
    }
  }

  const ownHandover = handoverCardsFor(catalog.data, department, handover);
  const applied = appliedSchema.safeParse(await getSetting(ctx.db, BASELINE_SETTING));
  const summary = {
    revision: manifest.revision,
    sha256: check.bundleSha256,
    plans: plans.length,
    changeRequests: changes.filter((c) => currentDecisionStatus(c) === 'approved').length,
    rejectedChangeRequests: changes.filter((c) => currentDecisionStatus(c) === 'rejected').length,
    catalogVersion: catalog.data.version,
    receipts: receipts?.bundles.filter((b) => b.department === department).length ?? null,
    receiptsAsOf: receipts?.asOf ?? null,
    handoverCards: ownHandover.size,
    movedAway: await movedAwayFrom(ctx.db, catalog.data, term.data, department),
    cardDecisions: cardDecisions?.decisions.filter((d) => d.department === department).length ?? 0,
    heldDecisions: heldDecisions?.decisions.filter((d) => d.department === department).length ?? 0,
  };
  if (applied.success) {
    if (applied.data.sha256 === check.bundleSha256) return { status: 'duplicate', ...summary };
    if (manifest.revision <= applied.data.revision) {
      throw new UserError(
        'REVISION_STALE',
        `기준 자료 ${josa(`r${manifest.revision}`, '은/는')} 이미 적용한 r${applied.data.revision}보다 오래되었습니다.`,
      );
    }
  }

  const now = ctx.now();
  // One transaction: a package is applied whole or not at all (a full disk or a switched-off PC midway leaves the
  // copy as it was, and the same package applies again).
  await ctx.db.transaction().execute(async (trx) => {
    await putReferenceData(trx, { key: 'catalog', version: catalog.data.version, json: catalog.data }, now);
    await putReferenceData(trx, { key: 'term', version: term.data.id, json: term.data }, now);
    for (const plan of plans) {
      await saveDocument(
        trx,
        {
          kind: 'executionPlan',
          projectId: plan.projectId,
          slot: PLAN_SLOT,
          department: plan.department,
          json: plan,
          status: 'confirmed',
          reason: 'import',
          allowFrozen: true,
        },
        now,
      );
    }
    for (const change of changes) {
      await saveDocument(
        trx,
        {
          kind: 'changeRequest',
          projectId: change.projectId,
          slot: change.requestId,
          department: change.department,
          json: { ...change, lifecycle: 'confirmed' },
          status: 'confirmed',
          reason: 'import',
          allowFrozen: true,
        },
        now,
      );
    }
    if (receipts) await keepOwnReceipts(trx, receipts, department, manifest.revision);
    await keepOwnCardDecisions(trx, cardDecisions, department, manifest.revision);
    await keepOwnHeldDecisions(trx, heldDecisions, department, manifest.revision);
    await keepPlanHistories(trx, planHistories, catalog.data, department, manifest.revision);
    await keepHandoverCards(trx, ownHandover);
    await setSetting(trx, BASELINE_SETTING, {
      revision: manifest.revision,
      sha256: check.bundleSha256,
      appliedAt: now.toISOString(),
    });
  });
  return { status: 'applied', ...summary };
}
