import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { ChainResumeView } from '../../domain/api/contract';
import { lastSentBundle, listSentBundles, type SentBundle, type SentBundleLink } from '../../db/bundles';
import type { Database } from '../../db/schema';
import { getSetting, setSetting } from '../../db/settings';
import type { AppContext } from './context';
import { UserError } from './errors';
import { ownReceipts, receiptOf, walkChain } from './receipts';
import { requireDepartment } from './session';

/**
 * 이어 보내기: a department whose submission file never reached the office (a lost USB stick, a PC replaced without
 * a backup) would otherwise have every later file refused, since each names the one before it. The office's signed
 * baseline package says which of the department's files it accepted (접수 확인); the department can then chain its
 * next file onto the last of those instead of onto its own last file. The office takes it as any next file (its
 * previous is the office's last accepted one); nothing changes in the office program, and nothing is trusted that
 * the office did not sign. The files skipped are not sent again as such: their half-years are exported again.
 */

export const CHAIN_BASE_SETTING = 'bundle.chainBase';

const chainBaseSchema = z.strictObject({
  /** The office's last accepted file of this department (0 and null: it had accepted none). */
  revision: z.number().int().nonnegative(),
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .nullable(),
  /** This copy's last file when the chain was resumed: the base holds until the next file is made after it. */
  afterRevision: z.number().int().nonnegative(),
  afterSha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .nullable(),
  adoptedAt: z.string(),
  receiptsAsOf: z.string(),
});
type ChainBase = z.infer<typeof chainBaseSchema>;

/** Where this copy's next submission file goes in its chain. */
export interface NextChainLink {
  revision: number;
  previousSha256: string | null;
  /** The revision of that previous file (null: none). */
  previousRevision: number | null;
  /** The last file recorded, which must still be the last when the new one is recorded. */
  follows: SentBundleLink | null;
}

async function chainBaseOf(db: Kysely<Database>): Promise<ChainBase | null> {
  const parsed = chainBaseSchema.safeParse(await getSetting(db, CHAIN_BASE_SETTING));
  return parsed.success ? parsed.data : null;
}

/** A resumed chain applies to the next file only: once a file is made after it, the chain goes on from that file. */
function baseInForce(base: ChainBase | null, last: SentBundleLink | null): base is ChainBase {
  return (
    base !== null &&
    base.afterRevision === (last?.revision ?? 0) &&
    base.afterSha256 === (last?.sha256 ?? null)
  );
}

export async function nextChainLink(db: Kysely<Database>): Promise<NextChainLink> {
  const sent = await lastSentBundle(db, 'pledge-submission');
  const last = sent ? { revision: sent.revision, sha256: sent.sha256 } : null;
  const base = await chainBaseOf(db);
  if (baseInForce(base, last)) {
    // Revisions only go up, so a file the office never took (found again later) is refused there as older.
    return {
      revision: Math.max(last?.revision ?? 0, base.revision) + 1,
      previousSha256: base.sha256,
      previousRevision: base.sha256 === null ? null : base.revision,
      follows: last,
    };
  }
  return {
    revision: (last?.revision ?? 0) + 1,
    previousSha256: last?.sha256 ?? null,
    previousRevision: last?.revision ?? null,
    follows: last,
  };
}

/**
 * What the last baseline package's receipts offer. This copy's chain is intact when its files the office does not
 * hold lead back, each naming the one before, to the office's last accepted file (or to a file waiting there for
 * its key), and each of them may still be on its way (made less than a day before the package, or after it): then
 * there is nothing to offer (null). Otherwise — a file made well before the package never arrived, or this copy's
 * chain leads elsewhere (a new PC that started again at r1) — the offer names the office's last accepted file, this
 * copy's files it does not hold, and the revision the next file would take. Null too before any package with
 * receipts was applied, and when neither the office nor this copy has a file.
 */
export async function chainResumeOffer(db: Kysely<Database>): Promise<ChainResumeView | null> {
  const receipts = await ownReceipts(db);
  if (receipts === null) return null;
  const sent = await listSentBundles(db, 'pledge-submission');
  const lastSent = sent.at(-1);
  const accepted = receipts.bundles.filter((b) => b.state === 'accepted');
  const head = accepted.reduce<(typeof accepted)[number] | null>(
    (max, b) => (max === null || b.revision > max.revision ? b : max),
    null,
  );
  if (lastSent === undefined && head === null) return null;

  const held = new Map(receipts.bundles.map((b) => [b.sha256, b]));
  /** This copy's files from `from` back, up to the first the office holds. */
  const walk = (from: string | null) => walkChain(sent, from, (file) => held.has(file.sha256));
  const last = lastSent ? { revision: lastSent.revision, sha256: lastSent.sha256 } : null;
  const base = await chainBaseOf(db);
  const resumedNow = baseInForce(base, last);
  // The files of this copy's chain the office lacks (a file passed over by an earlier 이어 보내기 is not on it)…
  const own = walk(lastSent?.sha256 ?? null);
  // … and where the next file's chain leads: to the office's last accepted file, or one waiting there for its key.
  const next = resumedNow ? walk(base.sha256) : own;
  const reached = next.link === null ? undefined : held.get(next.link);
  const intact =
    next.link === null
      ? head === null
      : reached !== undefined && (reached.sha256 === head?.sha256 || reached.state === 'quarantined');
  const inTransit = (s: SentBundle) => {
    const receipt = receiptOf(receipts, s);
    return receipt?.state === 'missing' && receipt.mayBeInTransit;
  };
  const resumed = resumedNow && intact;
  if (intact && !resumed && next.files.every(inTransit)) return null;

  const notReceived = own.files.map((s) => ({
    revision: s.revision,
    period: s.period,
    createdAt: s.createdAt,
    mayBeInTransit: inTransit(s),
  }));
  return {
    asOf: receipts.asOf,
    head: head && {
      revision: head.revision,
      period: head.period,
      sha256: head.sha256,
      receivedAt: head.receivedAt,
    },
    notReceived,
    nextRevision: Math.max(last?.revision ?? 0, head?.revision ?? 0) + 1,
    resumed,
  };
}

/**
 * Department: chains the next submission file onto the office's last accepted one, as the applied package's
 * receipts name it. `headSha256` is the file the person saw offered (null: the office had none); a package applied
 * meanwhile that names another is refused, so what was confirmed is what is done.
 */
export async function resumeChain(ctx: AppContext, headSha256: string | null): Promise<ChainResumeView> {
  await requireDepartment(ctx);
  const offer = await chainResumeOffer(ctx.db);
  if (offer === null) {
    throw new UserError(
      'NOTHING_TO_RESUME',
      '이어 보낼 필요가 없습니다: 기획담당관의 마지막 기준 자료가 이 PC에서 만든 마지막 제출 파일을 받았다고 하거나, 접수 내역이 담긴 기준 자료를 아직 적용하지 않았습니다.',
    );
  }
  if ((offer.head?.sha256 ?? null) !== headSha256) {
    throw new UserError(
      'RESUME_CHANGED',
      '그 사이 다른 기준 자료가 적용되어 기획담당관이 받은 마지막 파일이 달라졌습니다. 화면을 다시 확인하고 이어 보내기를 다시 누르세요.',
    );
  }
  if (offer.resumed) return offer;
  const sent = await lastSentBundle(ctx.db, 'pledge-submission');
  const base: ChainBase = {
    revision: offer.head?.revision ?? 0,
    sha256: offer.head?.sha256 ?? null,
    afterRevision: sent?.revision ?? 0,
    afterSha256: sent?.sha256 ?? null,
    adoptedAt: ctx.now().toISOString(),
    receiptsAsOf: offer.asOf,
  };
  await setSetting(ctx.db, CHAIN_BASE_SETTING, base);
  return { ...offer, resumed: true };
}
